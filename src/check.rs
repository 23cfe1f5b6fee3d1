//! Running the rules over a tree: load, parse once, check every unit in parallel, sort.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity};
use crate::project::{LoadError, LoadOptions, Project, Tree};
use crate::report::{resolve, Finding, Summary};
use crate::rules::{registry, Ctx, Rule, Settings, Sink, Unit};

/// What to check and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
    pub settings: Settings,
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
}

/// Checks every tree in `opts.paths`.
pub fn check(opts: &CheckOptions) -> Result<Outcome, LoadError> {
    let mut outcome = Outcome::default();
    for path in &opts.paths {
        let tree = Tree::load(path, &opts.load)?;
        let one = check_tree(&tree, &opts.settings);
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
    }
    Ok(outcome)
}

/// Checks one loaded tree.
pub fn check_tree(tree: &Tree, settings: &Settings) -> Outcome {
    let project = Project::parse(tree);
    let diagnostics = run_rules(&project, settings);
    let findings = resolve(&project, diagnostics);
    let mut summary = Summary {
        files: project.file_count(),
        messages: project.message_count(),
        ..Summary::default()
    };
    for f in &findings {
        summary.count(f);
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
    }
}

/// The units of work: every file of the reference, and for each translation the union of the
/// reference's paths and its own.
pub fn units<'p, 's>(project: &'p Project<'s>) -> Vec<Unit<'p, 's>> {
    let reference = project.reference();
    let mut units = Vec::new();
    for (li, locale) in project.locales.iter().enumerate() {
        let mut rels: Vec<&str> = reference.files.iter().map(|f| f.src.rel.as_str()).collect();
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
    diagnostics.sort_by(|a, b| {
        (a.path.as_str(), a.span.start, a.rule, &a.message).cmp(&(
            b.path.as_str(),
            b.span.start,
            b.rule,
            &b.message,
        ))
    });
    diagnostics
}

/// Convenience for tests and embedders: check a single tree directory with default settings.
pub fn check_path(path: &Path) -> Result<Outcome, LoadError> {
    check(&CheckOptions {
        paths: vec![path.to_path_buf()],
        ..CheckOptions::default()
    })
}
