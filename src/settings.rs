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
    /// Options of `url-mismatch` from the configuration (`None`: the rule's own default).
    pub url_mismatch: UrlMismatchOptions,
    /// Do-not-translate terms from the configuration, for every locale (added to the tree's
    /// `glossary.txt`).
    pub glossary: Vec<String>,
    /// Do-not-translate terms from the configuration, by locale tag.
    pub glossary_by_locale: BTreeMap<String, Vec<String>>,
    /// The concepts of the termbases given (`termbase = [...]`, `--termbase`), read by
    /// [`crate::terms`]; empty when there is none.
    pub termbase: std::sync::Arc<Vec<Concept>>,
    /// Where Hunspell dictionaries are looked for (`[dictionaries]`), for the word check of
    /// `untranslated`.
    pub dictionaries: DictionarySettings,
}

/// Where dictionaries are looked for. The default looks nowhere, and so does the configuration
/// reader unless `[dictionaries]` sets `system = true` or a `path`: the word check is opt-in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DictionarySettings {
    /// Directories from the configuration (`[dictionaries] path`), checked to be inside the
    /// configuration's directory; a file found in one must stay inside it too.
    pub dirs: Vec<std::path::PathBuf>,
    /// Also look in the system's directories (`/usr/share/hunspell`, …).
    pub system: bool,
}

/// What a termbase says of one term: whether a translation should, may or must not use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermStatus {
    /// `preferredTerm-admn-sts`: the approved term.
    Preferred,
    /// `admittedTerm-admn-sts` (and a term without a status): acceptable.
    Admitted,
    /// `deprecatedTerm-admn-sts`: not to be used.
    Deprecated,
    /// `supersededTerm-admn-sts`: replaced by another term.
    Superseded,
    /// A CSV cell's `!term`: forbidden.
    Forbidden,
}

impl TermStatus {
    /// Whether a translation may use a term of this status.
    pub fn allowed(self) -> bool {
        matches!(self, TermStatus::Preferred | TermStatus::Admitted)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TermStatus::Preferred => "preferred",
            TermStatus::Admitted => "admitted",
            TermStatus::Deprecated => "deprecated",
            TermStatus::Superseded => "superseded",
            TermStatus::Forbidden => "forbidden",
        }
    }
}

/// One term of a concept in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub status: TermStatus,
    /// `noun`, `verb`, … when the termbase says.
    pub part_of_speech: Option<String>,
}

/// One concept of a termbase: its terms by language tag (as the termbase writes it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Concept {
    /// The concept's id in the termbase, when it has one.
    pub id: Option<String>,
    /// Where it was read: `file:line`.
    pub origin: String,
    pub languages: Vec<(String, Vec<Term>)>,
}

impl Concept {
    /// The terms for a locale: those of the language set whose tag is the locale's (not
    /// case-sensitive), else of the first set with the same language subtag.
    pub fn terms_for(&self, tag: &str, language: &str) -> &[Term] {
        let exact = self
            .languages
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(tag));
        let same_language = || {
            self.languages.iter().find(|(t, _)| {
                let sub = t.split(['-', '_']).next().unwrap_or("");
                sub.eq_ignore_ascii_case(language)
            })
        };
        exact
            .or_else(same_language)
            .map_or(&[][..], |(_, terms)| terms.as_slice())
    }
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

/// Options of the `url-mismatch` rule; `None` keeps the rule's built-in default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlMismatchOptions {
    /// Whether a URL or path segment that is the locale's tag (`/en/` ↔ `/sv/`, `?lang=en`)
    /// may differ (default: yes).
    pub locale_parts: Option<bool>,
}

/// Severity overrides by locale, as `Settings` holds them.
pub type LocaleSeverity = HashMap<String, HashMap<String, Option<Severity>>>;
