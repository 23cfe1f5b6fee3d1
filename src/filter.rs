//! The stage of `[[ignore]]` entries, per-locale levels and a Mozilla project's `[[filters]]`:
//! findings they match are dropped or change level. The configuration readers
//! (`leaflint.toml`, a Mozilla `l10n.toml`) build the entries; this stage only applies them.

use globset::GlobMatcher;

use crate::diagnostic::{Diagnostic, Severity};
use crate::project::Project;
use crate::settings::Settings;

/// An `[[ignore]]` entry: findings it matches are not reported.
#[derive(Debug, Clone)]
pub struct IgnoreRule {
    pub rule: String,
    pub locale: Option<String>,
    pub file: Option<String>,
    pub message: Option<String>,
    pub reason: String,
    /// `leaflint.toml:12:1`, for notes about the entry.
    pub origin: String,
    pub file_glob: Option<GlobMatcher>,
    pub message_glob: Option<GlobMatcher>,
}

impl IgnoreRule {
    /// Whether a finding of `rule` in `locale`, in the file at `rel` (relative to the locale
    /// directory), about `message_id` (and `attribute`) is ignored by this entry.
    pub fn matches(
        &self,
        rule: &str,
        locale: &str,
        rel: &str,
        message_id: Option<&str>,
        attribute: Option<&str>,
    ) -> bool {
        if self.rule != rule && self.rule != "all" {
            return false;
        }
        if self
            .locale
            .as_deref()
            .is_some_and(|l| !l.eq_ignore_ascii_case(locale))
        {
            return false;
        }
        if self.file_glob.as_ref().is_some_and(|g| !g.is_match(rel)) {
            return false;
        }
        match (&self.message_glob, message_id) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(g), Some(id)) => {
                g.is_match(id) || attribute.is_some_and(|a| g.is_match(format!("{id}.{a}")))
            }
        }
    }
}

/// What a filter does to the findings it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Ignore,
    Severity(Severity),
}

#[derive(Debug, Clone)]
pub enum KeyMatch {
    Exact(String),
    Regex(regex::Regex),
}

impl KeyMatch {
    pub fn matches(&self, id: &str) -> bool {
        match self {
            KeyMatch::Exact(k) => k == id,
            KeyMatch::Regex(r) => r.is_match(id),
        }
    }
}

#[derive(Debug, Clone)]
pub struct FilterRule {
    /// Globs on the path relative to the locale directory.
    pub paths: Vec<GlobMatcher>,
    pub keys: Option<Vec<KeyMatch>>,
    pub action: Action,
}

/// The `[[filters]]` of a project, applied to findings by [`apply`].
#[derive(Debug, Clone, Default)]
pub struct ProjectFilters {
    pub rules: Vec<FilterRule>,
}

impl ProjectFilters {
    /// What the first matching filter does to a finding in the file at `rel` (relative to the
    /// locale directory) about `message_id` (file-level findings match key-less filters only).
    pub fn action(&self, _locale: &str, rel: &str, message_id: Option<&str>) -> Option<Action> {
        self.rules
            .iter()
            .find(|f| {
                f.paths.iter().any(|p| p.is_match(rel))
                    && match (&f.keys, message_id) {
                        (None, _) => true,
                        (Some(_), None) => false,
                        (Some(keys), Some(id)) => keys.iter().any(|k| k.matches(id)),
                    }
            })
            .map(|f| f.action)
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// The `[[ignore]]` entries of a run, indexed by rule, so that a finding is tried only
/// against the entries for its rule and those for `all` (a configuration may hold thousands).
#[derive(Debug, Clone, Default)]
pub struct Ignores {
    entries: Vec<IgnoreRule>,
    by_rule: std::collections::HashMap<String, Vec<usize>>,
}

impl Ignores {
    pub fn new(entries: Vec<IgnoreRule>) -> Ignores {
        let mut by_rule: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, e) in entries.iter().enumerate() {
            by_rule.entry(e.rule.clone()).or_default().push(i);
        }
        Ignores { entries, by_rule }
    }

    pub fn entries(&self) -> &[IgnoreRule] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether an entry ignores this finding (see [`IgnoreRule::matches`]).
    pub fn matches(
        &self,
        rule: &str,
        locale: &str,
        rel: &str,
        message_id: Option<&str>,
        attribute: Option<&str>,
    ) -> bool {
        [rule, "all"]
            .iter()
            .filter_map(|r| self.by_rule.get(*r))
            .flatten()
            .any(|&i| self.entries[i].matches(rule, locale, rel, message_id, attribute))
    }
}

/// Applies per-locale levels, project filters and `[[ignore]]` entries to one path's findings.
pub fn apply(
    project: &Project<'_>,
    settings: &Settings,
    ignores: &Ignores,
    filters: Option<&ProjectFilters>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let has_locale_levels = !settings.locale_severity.is_empty();
    if !(has_locale_levels || filters.is_some() || !ignores.is_empty()) {
        return;
    }
    diagnostics.retain_mut(|d| {
        let tag = project.locales[d.locale].tag();
        if let Some(level) = settings
            .locale_severity
            .get(d.rule)
            .and_then(|m| m.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag)))
            .map(|(_, l)| *l)
        {
            match level {
                None => return false,
                Some(s) => d.severity = s,
            }
        }
        let rel = project.rel_of(d);
        if let Some(p) = filters {
            match p.action(tag, &rel, d.message_id.as_deref()) {
                Some(Action::Ignore) => return false,
                Some(Action::Severity(s)) => d.severity = s,
                None => {}
            }
        }
        !ignores.matches(
            d.rule,
            tag,
            &rel,
            d.message_id.as_deref(),
            d.attribute.as_deref(),
        )
    });
}
