//! The stages applied to findings after the rules ran, each with its own input: inline
//! suppressions ([`crate::suppress`]), `[[ignore]]` entries and project filters
//! ([`crate::filter`]), `--changed-since` ([`crate::changed`]) and the baseline
//! ([`crate::baseline`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::baseline::{self, Baseline};
use crate::changed::{ChangedSet, Changes};
use crate::diagnostic::Diagnostic;
use crate::filter::{IgnoreRule, ProjectFilters};
use crate::project::Project;
use crate::settings::Settings;

/// What happens to findings after the rules ran, besides inline suppressions: the input of each
/// stage, configured for a run.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// `[[ignore]]` entries of the configuration.
    pub ignores: Vec<IgnoreRule>,
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
    applied.diagnostics = diagnostics;
    applied
}
