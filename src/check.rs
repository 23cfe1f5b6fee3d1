//! Running the rules over a tree: load, parse once, check every unit in parallel, sort.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity};
use crate::project::{LoadError, LoadOptions, Project, Tree};
use crate::report::{resolve, EntryTable, Finding, Summary};
use crate::rules::{registry, Ctx, Rule, Settings, Sink, Unit};

/// What to check and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
    pub settings: Settings,
    /// Also collect every message's text in every locale (for the HTML report).
    pub entries: bool,
    /// A Mozilla project configuration (`--project`): it names the files, and `paths` is unused.
    pub project: Option<std::sync::Arc<crate::mozilla::ProjectConfig>>,
}

/// The result of checking one or more trees.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Sorted by file, line, column, rule.
    pub findings: Vec<Finding>,
    pub summary: Summary,
    pub reference: String,
    pub locales: Vec<String>,
    /// Notes for stderr: directories ignored and the like.
    pub notes: Vec<String>,
    /// Every message's text per locale, one table per tree; empty unless asked for.
    pub entries: Vec<EntryTable>,
    /// Baseline entries for the findings reported (with `settings.filters.record_baseline`).
    pub baseline: Vec<crate::baseline::Entry>,
}

/// Checks every tree in `opts.paths`.
pub fn check(opts: &CheckOptions) -> Result<Outcome, LoadError> {
    let mut outcome = Outcome::default();
    let mut baselined = 0;
    let trees = match &opts.project {
        Some(p) => vec![Err(p)],
        None => opts.paths.iter().map(Ok).collect(),
    };
    for source in trees {
        let tree = match source {
            Ok(path) => Tree::load(path, &opts.load)?,
            Err(project) => project.load_tree(&opts.load)?,
        };
        let one = check_tree_with(&tree, &opts.settings, opts.entries);
        baselined += one.summary.baselined.unwrap_or(0);
        outcome.baseline.extend(one.baseline);
        if outcome.reference.is_empty() {
            outcome.reference = one.reference;
        }
        for l in one.locales {
            if !outcome.locales.contains(&l) {
                outcome.locales.push(l);
            }
        }
        outcome.notes.extend(one.notes);
        outcome.summary.add(&one.summary);
        outcome.findings.extend(one.findings);
        outcome.entries.extend(one.entries);
    }
    if let Some(b) = &opts.settings.filters.baseline {
        outcome.summary.baselined = Some(baselined);
        outcome.summary.baseline_fixed = Some(b.total().saturating_sub(baselined));
    }
    Ok(outcome)
}

/// Checks one loaded tree.
pub fn check_tree(tree: &Tree, settings: &Settings) -> Outcome {
    check_tree_with(tree, settings, false)
}

/// Checks one loaded tree, and collects every message's text when `entries` is set.
pub fn check_tree_with(tree: &Tree, settings: &Settings, entries: bool) -> Outcome {
    let project = Project::parse(tree);
    let diagnostics = run_rules(&project, settings);
    let applied = crate::suppress::apply(&project, settings, diagnostics);
    let findings = resolve(&project, applied.diagnostics);
    let mut summary = Summary {
        files: project.file_count(),
        messages: project.message_count(),
        ..Summary::default()
    };
    for f in &findings {
        summary.count(f);
    }
    if settings.filters.baseline.is_some() {
        summary.baselined = Some(applied.baselined);
    }
    Outcome {
        findings,
        summary,
        reference: project.reference().tag().to_string(),
        locales: project
            .locales
            .iter()
            .map(|l| l.tag().to_string())
            .collect(),
        notes: tree.notes.clone(),
        entries: if entries {
            vec![EntryTable::build(&project)]
        } else {
            Vec::new()
        },
        baseline: applied.baseline,
    }
}

/// The units of work: every file of the reference, and for each translation the union of the
/// reference's paths and its own.
pub fn units<'p, 's>(project: &'p Project<'s>) -> Vec<Unit<'p, 's>> {
    let reference = project.reference();
    let mut units = Vec::new();
    for (li, locale) in project.locales.iter().enumerate() {
        let mut rels: Vec<&str> = reference
            .files
            .iter()
            .map(|f| f.src.rel.as_str())
            .filter(|rel| !locale.source.out_of_scope.contains(*rel))
            .collect();
        if li > 0 {
            rels.extend(locale.files.iter().map(|f| f.src.rel.as_str()));
            rels.sort_unstable();
            rels.dedup();
        }
        let unreadable: Vec<&str> = locale
            .source
            .problems
            .iter()
            .map(|p| p.path.as_str())
            .collect();
        let first = units.len();
        for rel in rels {
            let file_index = locale.by_rel.get(rel).copied();
            let reference_index = reference.by_rel.get(rel).copied();
            let mut unit = Unit {
                locale_index: li,
                locale,
                rel,
                file_index,
                file: file_index.map(|i| &locale.files[i]),
                reference_index,
                reference: reference_index.map(|i| &reference.files[i]),
                first_of_locale: false,
                unreadable: false,
            };
            unit.unreadable = file_index.is_none() && unreadable.contains(&unit.path().as_str());
            units.push(unit);
        }
        if units.len() == first {
            // A locale with no files still gets one unit, for locale-level findings.
            units.push(Unit {
                locale_index: li,
                locale,
                rel: "",
                file_index: None,
                file: None,
                reference_index: None,
                reference: None,
                first_of_locale: true,
                unreadable: false,
            });
        } else {
            units[first].first_of_locale = true;
        }
    }
    units
}

/// Runs every enabled rule on every unit, in parallel, and sorts the findings.
pub fn run_rules(project: &Project<'_>, settings: &Settings) -> Vec<Diagnostic> {
    let ctx = Ctx::new(project, settings);
    let rules: Vec<(&'static dyn Rule, Severity, bool)> = registry()
        .iter()
        .filter_map(|r| {
            let sev = settings.severity_of(r.meta())?;
            Some((*r, sev, settings.severity.contains_key(r.meta().id)))
        })
        .collect();
    let units = units(project);
    let mut diagnostics: Vec<Diagnostic> = units
        .par_iter()
        .flat_map_iter(|unit| {
            let mut all = Vec::new();
            for &(rule, severity, overridden) in &rules {
                let mut sink = Sink::new(rule.meta(), severity, overridden, unit.locale_index);
                rule.check(&ctx, unit, &mut sink);
                all.append(&mut sink.diagnostics);
            }
            all
        })
        .collect();
    crate::diagnostic::sort(&mut diagnostics);
    diagnostics
}

/// Convenience for tests and embedders: check a single tree directory with default settings.
pub fn check_path(path: &Path) -> Result<Outcome, LoadError> {
    check(&CheckOptions {
        paths: vec![path.to_path_buf()],
        ..CheckOptions::default()
    })
}
