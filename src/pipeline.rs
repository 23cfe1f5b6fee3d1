//! The stages applied to findings after the rules ran, each with its own input: inline
//! suppressions ([`crate::suppress`]), `[[ignore]]` entries and project filters
//! ([`crate::filter`]), `--changed-since` ([`crate::changed`]) and the baseline
//! ([`crate::baseline`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::baseline::{self, Baseline};
use crate::changed::{ChangedSet, Changes};
use crate::diagnostic::{Diagnostic, MAX_PER_MESSAGE};
use crate::filter::{Ignores, ProjectFilters};
use crate::project::Project;
use crate::settings::Settings;

/// What happens to findings after the rules ran, besides inline suppressions: the input of each
/// stage, configured for a run.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// `[[ignore]]` entries of the configuration.
    pub ignores: Ignores,
    /// `[[filters]]` of a Mozilla project configuration.
    pub project: Option<Arc<ProjectFilters>>,
    /// Known findings to leave out (`--baseline`).
    pub baseline: Option<Arc<Baseline>>,
    /// Collect baseline entries for every finding reported (`--write-baseline`).
    pub record_baseline: bool,
    /// Report only findings in what changed since a git revision (`--changed-since`).
    pub changes: Option<Arc<Changes>>,
}

/// The result of [`apply`] on one tree.
#[derive(Debug, Default)]
pub struct Applied {
    pub diagnostics: Vec<Diagnostic>,
    /// Baseline entries for the findings reported (when recording).
    pub baseline: Vec<baseline::Entry>,
    /// Findings left out because the baseline knows them.
    pub baselined: usize,
}

/// Applies the stages to one path's diagnostics, in order: inline suppressions (which also
/// sorts), per-locale levels, project filters and `[[ignore]]` entries, `--changed-since`, then
/// the baseline.
pub fn apply(
    project: &Project<'_>,
    settings: &Settings,
    filters: &Filters,
    diagnostics: Vec<Diagnostic>,
) -> Applied {
    let mut diagnostics = crate::suppress::apply(project, settings, diagnostics);
    crate::filter::apply(
        project,
        settings,
        &filters.ignores,
        filters.project.as_deref(),
        &mut diagnostics,
    );
    if let Some(changes) = &filters.changes {
        let set = ChangedSet::compute(project, changes);
        diagnostics.retain(|d| set.keeps(project, d));
    }

    let mut applied = Applied::default();
    if filters.record_baseline || filters.baseline.is_some() {
        let mut used: HashMap<baseline::Key, usize> = HashMap::new();
        diagnostics.retain(|d| {
            let key = baseline::key(project, d);
            if filters.record_baseline {
                applied
                    .baseline
                    .push(baseline::Entry::new(key.clone(), &d.message));
            }
            if let Some(b) = &filters.baseline {
                let known = b.count(&key);
                let n = used.entry(key).or_default();
                if *n < known {
                    *n += 1;
                    applied.baselined += 1;
                    return false;
                }
            }
            true
        });
    }
    applied.diagnostics = cap(diagnostics);
    applied
}

/// Keeps the first [`MAX_PER_MESSAGE`] findings of each rule on each message (in report
/// order) and replaces the others by one that says how many there are.
fn cap(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diagnostics.len() <= MAX_PER_MESSAGE && diagnostics.iter().all(|d| d.folded == 0) {
        return diagnostics;
    }
    // Findings about no message (a file's parse errors, say) are as many as the file has
    // places: they are not capped.
    fn key(d: &Diagnostic) -> Option<(&'static str, usize, &str, &str)> {
        d.message_id
            .as_deref()
            .map(|id| (d.rule, d.locale, d.path.as_str(), id))
    }
    let mut totals: HashMap<(&'static str, usize, &str, &str), usize> = HashMap::new();
    for k in diagnostics
        .iter()
        .filter_map(|d| key(d).map(|k| (k, d.folded)))
    {
        *totals.entry(k.0).or_default() += 1 + k.1;
    }
    if totals.values().all(|&n| n <= MAX_PER_MESSAGE) {
        return diagnostics;
    }
    // Each finding's place in its group (1-based) and the group's total, for groups over.
    let mut seen: HashMap<(&'static str, usize, &str, &str), usize> = HashMap::new();
    let plan: Vec<Option<(usize, usize)>> = diagnostics
        .iter()
        .map(|d| {
            let k = key(d)?;
            let total = *totals.get(&k).filter(|&&t| t > MAX_PER_MESSAGE)?;
            let n = seen.entry(k).or_default();
            *n += 1;
            Some((*n, total))
        })
        .collect();
    let mut out = Vec::with_capacity(diagnostics.len());
    for (mut d, place) in diagnostics.into_iter().zip(plan) {
        match place {
            None => out.push(d),
            Some((n, _)) if n < MAX_PER_MESSAGE => {
                // The group's count is now this finding, and the last one's `rest`.
                d.folded = 0;
                out.push(d);
            }
            Some((n, total)) if n == MAX_PER_MESSAGE => {
                let rest = total - (MAX_PER_MESSAGE - 1);
                // The summary counts what this finding stands for.
                d.folded = rest - 1;
                let id = d.message_id.as_deref().unwrap_or_default();
                d.message = format!(
                    "{rest} more `{}` findings on `{id}`, not listed one by one (the first {} are above); the first of them: {}",
                    d.rule,
                    MAX_PER_MESSAGE - 1,
                    d.message
                );
                d.labels.clear();
                out.push(d);
            }
            Some(_) => {}
        }
    }
    out
}
