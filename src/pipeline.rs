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
    type Key<'d> = (&'static str, usize, &'d str, Option<&'d str>);
    let key = |d: &Diagnostic| -> (&'static str, usize, String, Option<String>) {
        // (not called for findings about no message, which are never over)
        (d.rule, d.locale, d.path.clone(), d.message_id.clone())
    };
    let mut counts: HashMap<Key<'_>, usize> = HashMap::new();
    // Findings about no message (a file's parse errors, say) are as many as the file has
    // places: they are not capped.
    for d in diagnostics.iter().filter(|d| d.message_id.is_some()) {
        *counts
            .entry((d.rule, d.locale, d.path.as_str(), d.message_id.as_deref()))
            .or_default() += 1 + d.folded;
    }
    if counts.values().all(|&n| n <= MAX_PER_MESSAGE) {
        return diagnostics;
    }
    let over: HashMap<(&'static str, usize, String, Option<String>), usize> = counts
        .into_iter()
        .filter(|(_, n)| *n > MAX_PER_MESSAGE)
        .map(|((r, l, p, m), n)| ((r, l, p.to_string(), m.map(str::to_string)), n))
        .collect();
    let mut seen: HashMap<(&'static str, usize, String, Option<String>), usize> = HashMap::new();
    let mut out = Vec::with_capacity(diagnostics.len());
    for mut d in diagnostics {
        let k = key(&d);
        let Some(&total) = over.get(&k) else {
            out.push(d);
            continue;
        };
        let n = seen.entry(k).or_default();
        *n += 1;
        if *n < MAX_PER_MESSAGE {
            // The group's count is now this finding, and the last one's `rest`.
            d.folded = 0;
            out.push(d);
        } else if *n == MAX_PER_MESSAGE {
            let rest = total - (MAX_PER_MESSAGE - 1);
            // The summary counts what this finding stands for.
            d.folded = rest - 1;
            let on = d
                .message_id
                .as_deref()
                .map_or_else(|| "this file".to_string(), |id| format!("`{id}`"));
            d.message = format!(
                "{rest} more `{}` findings on {on}, not listed one by one (the first {} are above); the first of them: {}",
                d.rule,
                MAX_PER_MESSAGE - 1,
                d.message
            );
            d.labels.clear();
            out.push(d);
        }
    }
    out
}
