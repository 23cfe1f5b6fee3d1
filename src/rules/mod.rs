//! The rule registry: every rule leaflint has, with its metadata and check function.
//!
//! Each rule lives in its own file and documents itself in `docs/rules/<id>.md`, which is also the
//! rule module's doc comment and what `leaflint rule <id>` prints.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, FileId, Label, Related, Severity};
use crate::project::{EntryView, Locale, ParsedFile, Project, Tree};
use crate::settings::Settings;

pub mod chinese_script;
pub mod dose_notation;
pub mod doubled_word;
pub mod duplicate_id;
pub mod empty_translation;
pub mod inconsistent_translation;
pub mod internal_error;
pub mod invisible_character;
pub mod io_error;
pub mod list_mismatch;
pub mod malformed_suppression;
pub mod missing_attribute;
pub mod missing_file;
pub mod missing_message;
pub mod missing_value;
pub mod mixed_language;
pub mod mixed_script;
pub mod numeric_mismatch;
pub mod obsolete_attribute;
pub mod obsolete_file;
pub mod obsolete_message;
pub mod parse_error;
pub mod plural_categories;
pub mod punctuation_mismatch;
pub mod reference_mismatch;
pub mod term_mismatch;
pub mod untranslated;
pub mod unused_suppression;
pub mod url_mismatch;
pub mod variable_mismatch;
pub mod whitespace;

/// What a rule is: its id, default severity and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Kebab-case id, used in config, suppressions, JSON, SARIF and the docs file name.
    pub id: &'static str,
    pub severity: Severity,
    /// One line: what fires.
    pub summary: &'static str,
    /// The rule's documentation page (Markdown).
    pub doc: &'static str,
}

/// A check. Rules receive one unit of work (a file of one locale, with its reference counterpart)
/// and the parsed files of the unit's path through [`Ctx`]; what other files define comes from
/// the symbol index ([`crate::index`], [`Unit::lookup`]). Rules never read or parse files.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink);
}

/// Every rule, in documentation order.
pub fn registry() -> &'static [&'static dyn Rule] {
    &[
        &parse_error::ParseError,
        &io_error::IoError,
        &internal_error::InternalError,
        &missing_file::MissingFile,
        &obsolete_file::ObsoleteFile,
        &missing_message::MissingMessage,
        &obsolete_message::ObsoleteMessage,
        &missing_value::MissingValue,
        &missing_attribute::MissingAttribute,
        &obsolete_attribute::ObsoleteAttribute,
        &empty_translation::EmptyTranslation,
        &duplicate_id::DuplicateId,
        &variable_mismatch::VariableMismatch,
        &numeric_mismatch::NumericMismatch,
        &dose_notation::DoseNotation,
        &url_mismatch::UrlMismatch,
        &reference_mismatch::ReferenceMismatch,
        &term_mismatch::TermMismatch,
        &inconsistent_translation::InconsistentTranslation,
        &plural_categories::PluralCategories,
        &mixed_language::MixedLanguage,
        &mixed_script::MixedScript,
        &chinese_script::ChineseScript,
        &untranslated::Untranslated,
        &invisible_character::InvisibleCharacter,
        &punctuation_mismatch::PunctuationMismatch,
        &list_mismatch::ListMismatch,
        &whitespace::Whitespace,
        &doubled_word::DoubledWord,
        &unused_suppression::UnusedSuppression,
        &malformed_suppression::MalformedSuppression,
    ]
}

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    registry().iter().copied().find(|r| r.meta().id == id)
}

/// What every path of a run shares: the settings, the enabled rules, and per-locale facts
/// computed once.
pub struct Shared<'t> {
    pub settings: &'t Settings,
    /// The enabled rules, with their severity and whether the configuration set it.
    pub rules: Vec<(&'static dyn Rule, Severity, bool)>,
    /// CLDR cardinal plural categories each locale produces (by locale index).
    pub plural_categories: Vec<Vec<&'static str>>,
    /// Do-not-translate terms each locale may use unchanged (by locale index).
    pub glossaries: Vec<crate::lang::Glossary>,
    /// The termbase's terms of each locale (by locale index); empty without a termbase.
    pub term_indexes: Vec<crate::terms::TermIndex>,
    /// Texts of the reference's Fluent terms that a locale translates (its term of the same id
    /// says something else): no do-not-translate names there (by locale index).
    pub translated_names: Vec<std::collections::HashSet<String>>,
    /// The Hunspell dictionary of each locale (by locale index), found now, parsed when a word
    /// first needs it.
    pub dictionaries: crate::lang::dictionary::Dictionaries,
    /// Every word of every Fluent term's value in any locale, in lower case: names, which a
    /// translation keeps as they are.
    pub term_words: std::collections::HashSet<String>,
}

impl<'t> Shared<'t> {
    pub fn new(tree: &'t Tree, settings: &'t Settings) -> Self {
        let rules = registry()
            .iter()
            .filter_map(|r| {
                let sev = settings.severity_of(r.meta().id, r.meta().severity)?;
                Some((*r, sev, settings.severity.contains_key(r.meta().id)))
            })
            .collect();
        Shared {
            settings,
            rules,
            plural_categories: tree
                .locales
                .iter()
                .map(|l| plural_categories::categories_for(&l.langid))
                .collect(),
            glossaries: crate::lang::glossary::for_locales(tree, settings),
            term_indexes: if settings.termbase.is_empty() {
                Vec::new()
            } else {
                // One automaton per locale, built in parallel (a large termbase takes a while).
                use rayon::prelude::*;
                tree.locales
                    .par_iter()
                    .map(|l| {
                        crate::terms::TermIndex::new(
                            &settings.termbase,
                            &l.tag,
                            l.langid.language.as_str(),
                        )
                    })
                    .collect()
            },
            translated_names: translated_names(tree),
            dictionaries: crate::lang::dictionary::Dictionaries::find(
                &tree
                    .locales
                    .iter()
                    .map(|l| {
                        (
                            l.tag.clone(),
                            l.langid.language.as_str().to_string(),
                            l.langid.region.map(|r| r.as_str().to_string()),
                        )
                    })
                    .collect::<Vec<_>>(),
                &settings.dictionaries,
            ),
            term_words: term_words(tree),
        }
    }

    /// Notes for stderr about what the run could not do: dictionaries a word needed that are
    /// missing or unreadable.
    pub fn notes(&self) -> Vec<String> {
        self.dictionaries.notes(0)
    }
}

/// The words of every Fluent term's value, in every locale, in lower case.
fn term_words(tree: &Tree) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for l in &tree.locales {
        for t in l.index.terms() {
            for text in &t.texts {
                for a in crate::lang::text::atoms(text) {
                    out.insert(a.text.to_lowercase());
                }
            }
        }
    }
    out
}

/// For each locale, the texts of the reference locale's Fluent terms whose term of the same id
/// in that locale has other texts (`-app = Leaflet Reader` in en, `-app = Läsaren` in sv).
fn translated_names(tree: &Tree) -> Vec<std::collections::HashSet<String>> {
    let Some(reference) = tree.locales.first() else {
        return Vec::new();
    };
    tree.locales
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut out = std::collections::HashSet::new();
            if i == 0 {
                return out;
            }
            let own: HashMap<&str, &crate::index::TermDef> =
                l.index.terms().iter().map(|t| (t.id.as_str(), t)).collect();
            for t in reference.index.terms() {
                if let Some(o) = own.get(t.id.as_str()) {
                    for text in &t.texts {
                        if !o.texts.contains(text) {
                            out.insert(text.clone());
                        }
                    }
                }
            }
            out
        })
        .collect()
}

/// Everything a rule may look at while checking one path: the parsed files of the path, and
/// what the whole run shares (the symbol index of every locale is in
/// [`crate::project::LocaleSource::index`]).
pub struct Ctx<'p, 's> {
    pub project: &'p Project<'s>,
    pub settings: &'p Settings,
    /// CLDR cardinal plural categories each locale produces (by locale index).
    pub plural_categories: &'p [Vec<&'static str>],
    /// Do-not-translate terms each locale may use unchanged (by locale index).
    pub glossaries: &'p [crate::lang::Glossary],
    /// Quantities of reference message parts, read once for all translation locales.
    pub reference_quantities: crate::numeric::RefCache<'s>,
    /// The termbase's terms of each locale (by locale index); empty without a termbase.
    pub term_indexes: &'p [crate::terms::TermIndex],
    /// The termbase's terms found in reference parts, looked up once for all translation
    /// locales (keyed by the address of the reference pattern).
    pub reference_terms: RefMemo<Vec<crate::terms::Hit>>,
    /// See [`Shared::translated_names`].
    pub translated_names: &'p [std::collections::HashSet<String>],
    /// See [`Shared::dictionaries`].
    pub dictionaries: &'p crate::lang::dictionary::Dictionaries,
    /// See [`Shared::term_words`].
    pub term_words: &'p std::collections::HashSet<String>,
}

impl<'p, 's> Ctx<'p, 's> {
    pub fn new(project: &'p Project<'s>, shared: &'p Shared<'_>) -> Self {
        Ctx {
            project,
            settings: shared.settings,
            plural_categories: &shared.plural_categories,
            glossaries: &shared.glossaries,
            reference_quantities: Default::default(),
            term_indexes: &shared.term_indexes,
            reference_terms: RefMemo::default(),
            translated_names: &shared.translated_names,
            dictionaries: &shared.dictionaries,
            term_words: &shared.term_words,
        }
    }

    pub fn reference(&self) -> &'p Locale<'s> {
        &self.project.locales[0]
    }
}

/// What a rule reads from a reference part, kept for the path's other translation locales:
/// keyed by the address of the reference pattern, stable while the path's files are parsed.
pub struct RefMemo<T> {
    map: std::sync::Mutex<HashMap<usize, std::sync::Arc<T>>>,
}

impl<T> Default for RefMemo<T> {
    fn default() -> Self {
        RefMemo {
            map: std::sync::Mutex::new(HashMap::new()),
        }
    }
}

impl<T> RefMemo<T> {
    /// The value for `pattern`, computed with `f` on the first call.
    pub fn get_or_insert<P>(&self, pattern: &P, f: impl FnOnce() -> T) -> std::sync::Arc<T> {
        let key = pattern as *const P as usize;
        let lock = || {
            self.map
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(v) = lock().get(&key) {
            return std::sync::Arc::clone(v);
        }
        let v = std::sync::Arc::new(f());
        std::sync::Arc::clone(lock().entry(key).or_insert(v))
    }
}

/// A message or term a reference points to (see [`Unit::lookup`]).
pub enum Target<'p, 's> {
    /// In the unit's own file, parsed.
    Here(EntryView<'p, 's>),
    /// In another file of the locale, as the symbol index knows it.
    Elsewhere {
        definition: crate::index::Definition<'p>,
        plain: Option<&'p str>,
    },
}

impl Target<'_, '_> {
    pub fn has_attribute(&self, name: &str) -> bool {
        match self {
            Target::Here(v) => v.attribute(name).is_some(),
            Target::Elsewhere { definition, .. } => definition.attributes().any(|a| a == name),
        }
    }

    pub fn attribute_names(&self) -> Vec<&str> {
        match self {
            Target::Here(v) => v.attributes.iter().map(|a| a.id.name).collect(),
            Target::Elsewhere { definition, .. } => definition.attributes().collect(),
        }
    }

    /// The value when it is plain text.
    pub fn plain_value(&self) -> Option<&str> {
        match self {
            Target::Here(v) => match v.value?.elements.as_slice() {
                [fluent_syntax::ast::PatternElement::TextElement { value }] => Some(value),
                _ => None,
            },
            Target::Elsewhere { plain, .. } => *plain,
        }
    }
}

/// One unit of work: a file path of one locale, with the reference locale's file of the same path.
/// For the reference locale itself, `file` and `reference` are the same file.
pub struct Unit<'p, 's> {
    pub locale_index: usize,
    pub locale: &'p Locale<'s>,
    pub rel: &'p str,
    /// Index of `file` in the locale's files.
    pub file_index: Option<usize>,
    pub file: Option<&'p ParsedFile<'s>>,
    pub reference_index: Option<usize>,
    pub reference: Option<&'p ParsedFile<'s>>,
    /// The first unit of its locale (locale-level findings are reported once, with it).
    pub first_of_locale: bool,
    /// The locale's file at this path exists but could not be read (already an `io-error`).
    pub unreadable: bool,
    /// For a translation, the reference entry with the same id as each entry of `file` (by
    /// position), looked up once for all rules; empty otherwise.
    pub counterparts: Vec<Option<usize>>,
}

impl<'p, 's> Unit<'p, 's> {
    pub fn is_reference_locale(&self) -> bool {
        self.locale_index == 0
    }

    /// The first definition of `id` in the unit's locale, from any of its files: the entry
    /// itself when it is in the unit's file, its attribute names and (for a term) its plain
    /// text value otherwise.
    pub fn lookup(&self, id: &str) -> Option<Target<'p, 's>> {
        let index = &self.locale.source.index;
        let here = self.file.and_then(|f| f.get(id));
        match index.first(id) {
            Some(d) if self.file.is_none_or(|f| d.file != f.src.number) || here.is_none() => {
                let term = index.term(id);
                Some(Target::Elsewhere {
                    definition: d,
                    plain: term.and_then(|t| t.plain.as_deref()),
                })
            }
            _ => here.map(Target::Here),
        }
    }

    /// The reference entry with the same id as `entry`, in the unit's reference file.
    pub fn counterpart(&self, entry: &EntryView<'_, '_>) -> Option<EntryView<'p, 's>> {
        let reference = self.reference?;
        let i = entry.meta.index;
        let own = self
            .file
            .and_then(|f| f.entries.get(i))
            .is_some_and(|m| std::ptr::eq(m, entry.meta));
        match self.counterparts.get(i) {
            Some(r) if own => r.map(|r| reference.view(r)),
            _ => reference.get(entry.id()),
        }
    }

    /// The locale's file and the reference file, when both exist and this is a translation.
    pub fn pair(&self) -> Option<(&'p ParsedFile<'s>, &'p ParsedFile<'s>)> {
        if self.is_reference_locale() {
            return None;
        }
        Some((self.file?, self.reference?))
    }

    pub fn file_id(&self) -> Option<FileId> {
        self.file_index.map(|file| FileId {
            locale: self.locale_index,
            file,
        })
    }

    pub fn reference_file_id(&self) -> Option<FileId> {
        self.reference_index.map(|file| FileId { locale: 0, file })
    }

    /// The display path of this unit's file (the expected path when it is missing).
    pub fn path(&self) -> String {
        match self.file {
            Some(f) => f.src.path.clone(),
            None => {
                let root = &self.locale.source.dir;
                root.join(self.rel.replace('/', std::path::MAIN_SEPARATOR_STR))
                    .display()
                    .to_string()
            }
        }
    }
}

/// Collects a rule's diagnostics for one unit.
pub struct Sink {
    meta: &'static RuleMeta,
    severity: Severity,
    overridden: bool,
    locale: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Per entry (by its position in the file): findings kept, and the last one kept.
    per_entry: HashMap<usize, (usize, usize)>,
    /// Where findings past the limit are written, to be dropped.
    scratch: Option<Diagnostic>,
}

/// How many findings of one rule on one entry a [`Sink`] keeps; the pipeline reports
/// [`crate::diagnostic::MAX_PER_MESSAGE`] of them one by one and counts the rest.
const KEPT_PER_ENTRY: usize = crate::diagnostic::MAX_PER_MESSAGE * 10;

impl Sink {
    pub fn new(
        meta: &'static RuleMeta,
        severity: Severity,
        overridden: bool,
        locale: usize,
    ) -> Sink {
        Sink {
            meta,
            severity,
            overridden,
            locale,
            diagnostics: Vec::new(),
            per_entry: HashMap::new(),
            scratch: None,
        }
    }

    /// Adds a finding at `span` of `file` and returns it for the optional fields.
    pub fn emit(
        &mut self,
        file: Option<FileId>,
        path: String,
        span: Range<usize>,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            rule: self.meta.id,
            severity: self.severity,
            locale: self.locale,
            file,
            path,
            span,
            message_id: None,
            attribute: None,
            variant: None,
            message,
            entry_span: None,
            folded: 0,
            reference: None,
            labels: Vec::new(),
            data: None,
            fix: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Adds a finding about an entry of the unit's file.
    pub fn emit_entry(
        &mut self,
        unit: &Unit<'_, '_>,
        entry: &EntryView<'_, '_>,
        span: Range<usize>,
        message: String,
    ) -> &mut Diagnostic {
        // Bounded memory on hostile input: past the limit, a finding is only counted.
        let kept = self.per_entry.entry(entry.meta.index).or_default();
        if kept.0 >= KEPT_PER_ENTRY {
            let last = kept.1;
            self.diagnostics[last].folded += 1;
            let mut d = self.diagnostics[last].clone();
            d.labels.clear();
            return self.scratch.insert(d);
        }
        kept.0 += 1;
        kept.1 = self.diagnostics.len();
        // A translation's finding points back at the reference message by default, so every
        // report can show both sides; rules that know a better place say so.
        let reference = (!unit.is_reference_locale())
            .then(|| unit.counterpart(entry).zip(unit.reference_file_id()))
            .flatten()
            .map(|(r, file)| Related {
                file,
                span: r.meta.span.clone(),
            });
        let d = self.emit(unit.file_id(), unit.path(), span, message);
        d.message_id = Some(entry.id().to_string());
        d.entry_span = Some(entry.meta.span.clone());
        d.reference = reference;
        d
    }

    /// Severity for a finding that is less serious than the rule's default (unless configured).
    pub fn downgraded(&self, to: Severity) -> Severity {
        if self.overridden {
            self.severity
        } else {
            to.min(self.severity)
        }
    }

    /// Severity for a finding that is more serious than the rule's default (unless configured).
    pub fn upgraded(&self, to: Severity) -> Severity {
        if self.overridden {
            self.severity
        } else {
            to.max(self.severity)
        }
    }
}

impl Diagnostic {
    pub fn with_reference(&mut self, file: Option<FileId>, span: Range<usize>) -> &mut Self {
        if let Some(file) = file {
            self.reference = Some(Related { file, span });
        }
        self
    }

    pub fn with_attribute(&mut self, attribute: Option<&str>) -> &mut Self {
        self.attribute = attribute.map(str::to_string);
        self
    }

    pub fn with_label(&mut self, label: Label) -> &mut Self {
        self.labels.push(label);
        self
    }

    pub fn with_severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }
}

pub use crate::diagnostic::closest;

/// One option of a rule (`[rules.<id>]` in `leaflint.toml`): its key, its default as TOML, and
/// what it does.
#[derive(Debug, Clone, Copy)]
pub struct RuleOption {
    pub key: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

/// The options of the rule `id` (most rules have none).
pub fn options(id: &str) -> &'static [RuleOption] {
    match id {
        "mixed-language" => &[
            RuleOption {
                key: "min-words",
                default: "3",
                help: "fewest content words of a sentence before its language is judged (2 for a Latin run inside CJK text unless set)",
            },
            RuleOption {
                key: "min-confidence",
                default: "0.8",
                help: "lowest confidence of the language model at which a sentence is reported",
            },
        ],
        "url-mismatch" => &[RuleOption {
            key: "locale-parts",
            default: "true",
            help: "accept an address whose only difference is a locale part (`/en/` ↔ `/sv/`)",
        }],
        _ => &[],
    }
}

/// A rule's page as `leaflint rule <id>` prints it: its documentation, then its options with
/// their defaults.
pub fn page(rule: &dyn Rule) -> String {
    let meta = rule.meta();
    let mut out = meta.doc.to_string();
    let opts = options(meta.id);
    if !opts.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!(
            "\n## Option defaults\n\nIn `leaflint.toml`, under `[rules.{}]`:\n\n",
            meta.id
        ));
        for o in opts {
            out.push_str(&format!(
                "- `{} = {}` (default): {}\n",
                o.key, o.default, o.help
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_defaults_are_the_rules_defaults() {
        let ml = options("mixed-language");
        assert_eq!(
            ml[0].default,
            mixed_language::SENTENCE_MIN_WORDS.to_string()
        );
        assert_eq!(ml[1].default, mixed_language::MIN_CONFIDENCE.to_string());
        assert!(page(&mixed_language::MixedLanguage).contains("- `min-words = 3` (default)"));
        assert!(!page(&missing_message::MissingMessage).contains("## Option defaults"));
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("cuont", ["count", "dose"]), Some("count"));
        assert_eq!(closest("xyz", ["count", "dose"]), None);
    }

    #[test]
    fn rule_ids_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for r in registry() {
            let id = r.meta().id;
            assert!(seen.insert(id), "duplicate rule id {id}");
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{id}"
            );
        }
    }
}
