//! Plain data the engine reads: rule levels (also per locale), rule options and glossary terms.
//! The configuration reader of the front end fills it in; nothing here knows TOML.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostic::Severity;

/// Per-run settings the rules see.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Severity overrides by rule id; `None` turns a rule off.
    pub severity: HashMap<String, Option<Severity>>,
    /// All files of a locale form one Fluent bundle, so an id repeated across files collides.
    /// Off by default: sites like mozilla.org load one file set per page.
    pub single_bundle: bool,
    /// Severity overrides by rule id, then locale tag (`[rules.<id>.locales]` in the
    /// configuration); `None` turns the rule off for that locale. Applied after the rules ran.
    pub locale_severity: LocaleSeverity,
    /// Options of `mixed-language` from the configuration (`None`: the rule's own default).
    pub mixed_language: MixedLanguageOptions,
    /// Do-not-translate terms from the configuration, for every locale (added to the tree's
    /// `glossary.txt`).
    pub glossary: Vec<String>,
    /// Do-not-translate terms from the configuration, by locale tag.
    pub glossary_by_locale: BTreeMap<String, Vec<String>>,
}

impl Settings {
    /// The severity the rule `rule` (whose own default is `default`) runs at, or `None` when it
    /// is off.
    pub fn severity_of(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.severity.get(rule) {
            Some(s) => *s,
            None => Some(default),
        }
    }
}

/// Options of the `mixed-language` rule; `None` keeps the rule's built-in default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MixedLanguageOptions {
    /// Fewest words a foreign-language run needs before it is reported.
    pub min_words: Option<usize>,
    /// Lowest detector confidence (0 to 1) at which a run is reported.
    pub min_confidence: Option<f64>,
}

/// Severity overrides by locale, as `Settings` holds them.
pub type LocaleSeverity = HashMap<String, HashMap<String, Option<Severity>>>;
