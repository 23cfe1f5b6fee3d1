//! Running the rules over a tree: index every file, then read, parse, check and drop one path
//! at a time (paths in parallel), and sort the findings.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::outcome::{resolve, EntryTable, Finding, Summary};
use crate::pipeline::Filters;
use crate::project::{LoadError, LoadOptions, Project, Sources, Tree, TreeSource};
use crate::rules::{Ctx, Shared, Sink, Unit};
use crate::settings::Settings;

/// What to check and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
    pub settings: Settings,
    /// What happens to findings after the rules ran (ignore entries, project filters, the
    /// baseline, `--changed-since`).
    pub filters: Filters,
    /// Also collect every message's text in every locale (for the HTML report).
    pub entries: bool,
    /// Where the files come from when not from `paths` (`--project`: a Mozilla project
    /// configuration names them, and `paths` is unused).
    pub project: Option<std::sync::Arc<dyn TreeSource>>,
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
    /// Baseline entries for the findings reported (with `filters.record_baseline`).
    pub baseline: Vec<crate::baseline::Entry>,
    /// File paths (groups of one relative path across locales) checked, and how many of them
    /// could not be checked because of an internal error.
    pub paths: usize,
    pub failed_paths: usize,
}

/// Checks every tree in `opts.paths`.
pub fn check(opts: &CheckOptions) -> Result<Outcome, LoadError> {
    let mut outcome = Outcome::default();
    let mut baselined = 0;
    // A tree given twice (`locales locales/`, or through a link) is checked once.
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut paths = Vec::new();
    for p in &opts.paths {
        let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        if seen.contains(&key) {
            outcome.notes.push(format!(
                "`{}` is given more than once: it is checked once",
                p.display()
            ));
            continue;
        }
        seen.push(key);
        paths.push(p);
    }
    let trees = match &opts.project {
        Some(p) => vec![Err(p)],
        None => paths.into_iter().map(Ok).collect(),
    };
    for source in trees {
        // A panic while reading the tree (a bug) fails the run, as a reading error does.
        let load = || match source {
            Ok(path) => Tree::load(path, &opts.load),
            Err(project) => project.load(&opts.load),
        };
        let tree = std::panic::catch_unwind(std::panic::AssertUnwindSafe(load))
            .unwrap_or_else(|_| Err(LoadError::Internal))?;
        let one = check_tree_filtered(&tree, &opts.settings, &opts.filters, opts.entries);
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
        for note in one.notes {
            if !outcome.notes.contains(&note) {
                outcome.notes.push(note);
            }
        }
        outcome.summary.add(&one.summary);
        outcome.findings.extend(one.findings);
        outcome.entries.extend(one.entries);
        outcome.paths += one.paths;
        outcome.failed_paths += one.failed_paths;
    }
    if let Some(b) = &opts.filters.baseline {
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
///
/// The tree is checked one file path at a time: the reference file and its translations are
/// read, parsed, checked and turned into findings, then dropped, with paths in parallel. Only
/// the symbol index ([`crate::index`]) and the findings outlive a path.
pub fn check_tree_with(tree: &Tree, settings: &Settings, entries: bool) -> Outcome {
    check_tree_filtered(tree, settings, &Filters::default(), entries)
}

/// [`check_tree_with`], with the stages after the rules configured by `filters`.
pub fn check_tree_filtered(
    tree: &Tree,
    settings: &Settings,
    filters: &Filters,
    entries: bool,
) -> Outcome {
    check_groups(tree, settings, filters, entries, None)
}

/// Checks only the files at the relative path `rel` (`leaflet.ftl`, `/`-separated) of one
/// loaded tree, in every locale, against the whole tree — what an editor needs after a change
/// to one file. Findings about a locale as a whole are left out.
pub fn check_tree_path(tree: &Tree, settings: &Settings, filters: &Filters, rel: &str) -> Outcome {
    check_groups(tree, settings, filters, false, Some(rel))
}

fn check_groups(
    tree: &Tree,
    settings: &Settings,
    filters: &Filters,
    entries: bool,
    only: Option<&str>,
) -> Outcome {
    let shared = Shared::new(tree, settings);
    // Every relative path of any locale (a unit decides whether a locale is expected to have
    // it), then the locale-level group (`None`) for findings about a locale as a whole.
    let groups: Vec<Option<&str>> = match only {
        Some(rel) => vec![Some(rel)],
        None => {
            let mut rels: Vec<&str> = tree
                .locales
                .iter()
                .flat_map(|l| l.files.iter().map(|f| f.rel.as_str()))
                .collect();
            rels.sort_unstable();
            rels.dedup();
            rels.into_iter().map(Some).chain([None]).collect()
        }
    };
    let results: Vec<PathOutcome> = groups
        .par_iter()
        .map(|rel| {
            guarded(tree, *rel, || {
                check_path_group(tree, &shared, filters, *rel, entries)
            })
        })
        .collect();
    let failed_paths = results.iter().filter(|r| r.failed).count();

    let mut summary = Summary::default();
    let mut findings = Vec::new();
    let mut baseline = Vec::new();
    let mut baselined = 0;
    let mut tables = Vec::new();
    for r in results {
        summary.files += r.files;
        summary.messages += r.messages;
        findings.extend(r.findings);
        baseline.extend(r.baseline);
        baselined += r.baselined;
        tables.extend(r.entries);
    }
    // The report order of [`crate::diagnostic::sort`]: by file, position, rule and message.
    findings.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column, a.rule, &a.message).cmp(&(
            b.file.as_str(),
            b.line,
            b.column,
            b.rule,
            &b.message,
        ))
    });
    for f in &findings {
        summary.count(f);
    }
    let mut notes = tree.notes.clone();
    notes.extend(shared.notes());
    if filters.baseline.is_some() {
        summary.baselined = Some(baselined);
    }
    Outcome {
        findings,
        summary,
        reference: tree.locales[0].tag.clone(),
        locales: tree.locales.iter().map(|l| l.tag.clone()).collect(),
        notes,
        entries: if entries {
            vec![EntryTable::merge(tree, tables)]
        } else {
            Vec::new()
        },
        baseline,
        paths: groups.len(),
        failed_paths,
    }
}

/// Runs the check of one path and turns a panic in it (a bug in leaflint or a library) into an
/// `internal-error` finding naming the path's file, so that the other paths are still checked.
fn guarded(tree: &Tree, rel: Option<&str>, check: impl FnOnce() -> PathOutcome) -> PathOutcome {
    let payload = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)) {
        Ok(outcome) => return outcome,
        Err(payload) => payload,
    };
    let cause = crate::diagnostic::panic_message(payload.as_ref());
    // The file the finding names: the reference's at this path, or the first locale's that
    // has it (a path group without files has none: the finding is about the tree).
    let (locale, path) = rel
        .and_then(|rel| {
            tree.locales.iter().find_map(|l| {
                l.position(rel)
                    .map(|i| (l.tag.clone(), l.files[i].path.clone()))
            })
        })
        .unwrap_or_else(|| (tree.locales[0].tag.clone(), tree.display_root.clone()));
    let rel_shown = rel.unwrap_or("(the tree as a whole)");
    let finding = Finding {
        rule: crate::rules::internal_error::META.id,
        severity: crate::rules::internal_error::META.severity,
        locale,
        file: path,
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
        message_id: None,
        attribute: None,
        variant: None,
        message: format!(
            "leaflint failed while checking `{rel_shown}` in every locale ({cause}); its other findings are missing: please report this file to leaflint's maintainers"
        ),
        reference: None,
        text: None,
        data: None,
        highlights: Vec::new(),
        fix: None,
        snippet: None,
        rel: rel.unwrap_or_default().to_string(),
        labelled: false,
        folded: 0,
    };
    PathOutcome {
        findings: vec![finding],
        files: 0,
        messages: 0,
        baseline: Vec::new(),
        baselined: 0,
        entries: None,
        failed: true,
    }
}

/// What checking one path gave.
struct PathOutcome {
    findings: Vec<Finding>,
    files: usize,
    messages: usize,
    baseline: Vec<crate::baseline::Entry>,
    baselined: usize,
    entries: Option<EntryTable>,
    /// The check panicked ([`guarded`]).
    failed: bool,
}

/// Checks the files at one relative path in every locale (`None`: no files, only the findings
/// about each locale as a whole).
fn check_path_group(
    tree: &Tree,
    shared: &Shared<'_>,
    filters: &Filters,
    rel: Option<&str>,
    entries: bool,
) -> PathOutcome {
    let sources = match rel {
        Some(rel) => tree.read_path(rel),
        None => Sources {
            locales: tree.locales.iter().map(|_| Vec::new()).collect(),
            problems: Vec::new(),
        },
    };
    let project = Project::parse(tree, &sources);
    let mut diagnostics = run_rules(&project, shared, rel.is_none());
    // A file that was readable when the index was built but is not now: an `io-error` (when
    // that rule is on), like a file that could not be read at all.
    let io_error = shared
        .rules
        .iter()
        .find(|(r, ..)| r.meta().id == "io-error");
    if let (Some(&(rule, severity, overridden)), false) = (io_error, sources.problems.is_empty()) {
        for (locale, p) in &sources.problems {
            let mut sink = Sink::new(rule.meta(), severity, overridden, *locale);
            crate::rules::io_error::report(&mut sink, p);
            diagnostics.append(&mut sink.diagnostics);
        }
        crate::diagnostic::sort(&mut diagnostics);
    }
    let applied = crate::pipeline::apply(&project, shared.settings, filters, diagnostics);
    PathOutcome {
        findings: resolve(&project, applied.diagnostics),
        files: project.file_count(),
        messages: project.message_count(),
        baseline: applied.baseline,
        baselined: applied.baselined,
        entries: (entries && rel.is_some()).then(|| EntryTable::build(&project)),
        failed: false,
    }
}

/// The units of work of a parsed path: the reference's file, and for each translation its
/// file or the reference's (when the locale is expected to have it). With `locale_level`, one
/// unit per locale without files instead, for findings about the locale as a whole.
pub fn units<'p, 's>(project: &'p Project<'s>, locale_level: bool) -> Vec<Unit<'p, 's>> {
    let reference = project.reference();
    let mut units = Vec::new();
    for (li, locale) in project.locales.iter().enumerate() {
        if locale_level {
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
                counterparts: Vec::new(),
            });
            continue;
        }
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
                counterparts: Vec::new(),
            };
            if let (Some(f), Some(r), true) = (unit.file, unit.reference, li > 0) {
                unit.counterparts = f
                    .entries
                    .iter()
                    .map(|e| r.by_id.get(e.id).copied())
                    .collect();
            }
            if file_index.is_none() {
                unit.unreadable = project.unreadable(li, &unit.path());
            }
            units.push(unit);
        }
    }
    units
}

/// Runs every enabled rule on every unit of a parsed path and sorts the findings.
pub fn run_rules(
    project: &Project<'_>,
    shared: &Shared<'_>,
    locale_level: bool,
) -> Vec<Diagnostic> {
    let ctx = Ctx::new(project, shared);
    let mut diagnostics = Vec::new();
    for unit in units(project, locale_level) {
        for &(rule, severity, overridden) in &shared.rules {
            let mut sink = Sink::new(rule.meta(), severity, overridden, unit.locale_index);
            rule.check(&ctx, &unit, &mut sink);
            diagnostics.append(&mut sink.diagnostics);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> (tempfile::TempDir, Tree) {
        let dir = tempfile::tempdir().unwrap();
        for l in ["en", "sv"] {
            std::fs::create_dir(dir.path().join(l)).unwrap();
            std::fs::write(dir.path().join(l).join("leaflet.ftl"), "dose = 4 mg\n").unwrap();
        }
        let tree = Tree::load(dir.path(), &LoadOptions::default()).unwrap();
        (dir, tree)
    }

    #[test]
    fn a_panic_while_checking_a_path_is_an_internal_error_naming_its_file() {
        let (_dir, tree) = tree();
        let got = guarded(&tree, Some("leaflet.ftl"), || {
            panic!("end byte index 18 is not a char boundary\nof `the whole file`")
        });
        assert!(got.failed);
        let f: Vec<(&str, &str, &str)> = got
            .findings
            .iter()
            .map(|f| (f.rule, f.locale.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            f,
            [(
                "internal-error",
                "en",
                "leaflint failed while checking `leaflet.ftl` in every locale (end byte index 18 is not a char boundary); its other findings are missing: please report this file to leaflint's maintainers"
            )]
        );
        assert!(
            got.findings[0].file.ends_with("leaflet.ftl"),
            "{}",
            got.findings[0].file
        );
    }

    #[test]
    fn a_path_that_does_not_panic_is_left_as_it_is() {
        let (_dir, tree) = tree();
        let settings = Settings::default();
        let shared = Shared::new(&tree, &settings);
        let got = guarded(&tree, Some("leaflet.ftl"), || {
            check_path_group(
                &tree,
                &shared,
                &Filters::default(),
                Some("leaflet.ftl"),
                false,
            )
        });
        assert!(!got.failed);
        assert_eq!(got.findings.len(), 0);
        assert_eq!(got.files, 2);
    }
}
