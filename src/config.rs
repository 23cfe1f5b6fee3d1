//! `leaflint.toml`: finding it, reading it with exact positions, and turning it into settings.
//!
//! The file is read into a spanned TOML tree and validated by hand, so that every error names
//! the file, line and column, and an unknown key comes with the closest known one ("did you
//! mean"), as cargo-deny does for `deny.toml`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::filter::IgnoreRule;
use crate::pipeline::Filters;
use crate::project::FileSelect;
use crate::project::LoadOptions;
use crate::rules::{closest, registry};
use crate::settings::{MixedLanguageOptions, Settings, UrlMismatchOptions};

/// The names a configuration file may have, in the order they are looked for in each directory.
pub const FILE_NAMES: [&str; 2] = ["leaflint.toml", ".leaflint.toml"];

/// Rules that take options of their own, with those options (besides `severity` and `locales`).
/// A rule listed here may be configured even before this build registers it.
const RULE_OPTIONS: &[(&str, &[&str])] = &[
    ("mixed-language", &["min-words", "min-confidence"]),
    ("url-mismatch", &["locale-parts"]),
];

/// Keys every `[rules.<id>]` table accepts.
const COMMON_RULE_KEYS: &[&str] = &["severity", "locales"];

const TOP_KEYS: &[&str] = &[
    "reference",
    "locales",
    "locale-aliases",
    "include",
    "exclude",
    "single-bundle",
    "rules",
    "glossary",
    "termbase",
    "dictionaries",
    "ignore",
];
const GLOSSARY_KEYS: &[&str] = &["terms", "locales"];
const DICTIONARY_KEYS: &[&str] = &["path", "system"];
const IGNORE_KEYS: &[&str] = &["rule", "locale", "file", "message", "reason"];

/// Every key the configuration knows, in any table (for documentation checks).
pub fn all_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = TOP_KEYS.to_vec();
    keys.extend(GLOSSARY_KEYS);
    keys.extend(DICTIONARY_KEYS);
    keys.extend(IGNORE_KEYS);
    keys.extend(COMMON_RULE_KEYS);
    for (_, options) in RULE_OPTIONS {
        keys.extend(*options);
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Why a configuration could not be used (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read `{path}`")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A rule's configured level: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    const NAMES: [&'static str; 4] = ["off", "info", "warning", "error"];

    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "off" => Level::Off,
            "info" => Level::Info,
            "warning" => Level::Warning,
            "error" => Level::Error,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// The severity, or `None` for off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn from_severity(s: Severity) -> Level {
        match s {
            Severity::Info => Level::Info,
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}

/// One `[rules.<id>]` entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleConfig {
    pub level: Option<Level>,
    /// Level by locale tag, overriding `level` for that locale.
    pub locales: BTreeMap<String, Level>,
    pub mixed_language: MixedLanguageOptions,
    pub url_mismatch: UrlMismatchOptions,
}

/// A configuration as read from a file (or the defaults).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    pub reference: Option<String>,
    pub locales: Vec<String>,
    /// Locale directory name → the tag it stands for.
    pub aliases: BTreeMap<String, String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub single_bundle: Option<bool>,
    pub rules: BTreeMap<String, RuleConfig>,
    pub glossary: Vec<String>,
    pub glossary_by_locale: BTreeMap<String, Vec<String>>,
    /// `termbase = [...]`: paths relative to the configuration file, with where each is written.
    pub termbase: Vec<Setting>,
    /// `[dictionaries] path`: a directory of Hunspell dictionaries, relative to the
    /// configuration file, with where it is written.
    pub dictionary_path: Option<Setting>,
    /// `[dictionaries] system`: also look in the system's directories (default: no — the word
    /// check is opt-in until its precision on real translations is better; docs/rules/untranslated.md).
    pub dictionary_system: Option<bool>,
    pub ignore: Vec<IgnoreRule>,
    pub files: FileSelect,
}

/// A string value of the configuration with the position it is written at, for errors found
/// after reading (a termbase path that leaves the directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub value: String,
    pub line: usize,
    pub column: usize,
}

/// Finds the configuration file for `start`: the first `leaflint.toml` or `.leaflint.toml` in
/// `start` (or its directory, when it is a file) or any parent directory.
pub fn discover(start: &Path) -> Option<PathBuf> {
    // Canonical, so that `..` is resolved before walking up: the parents of
    // `/repo/../corpus` are not `/repo`'s.
    let absolute = std::fs::canonicalize(start)
        .or_else(|_| std::path::absolute(start))
        .ok()?;
    let mut dir = if absolute.is_dir() {
        Some(absolute.as_path())
    } else {
        absolute.parent()
    };
    while let Some(d) = dir {
        for name in FILE_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        dir = d.parent();
    }
    None
}

/// The configuration to use: `explicit` when given, none when `isolated`, otherwise the one
/// discovered from `start`, otherwise the defaults.
pub fn resolve(
    explicit: Option<&Path>,
    isolated: bool,
    start: &Path,
) -> Result<Config, ConfigError> {
    if isolated {
        return Ok(Config::default());
    }
    match explicit.map(Path::to_path_buf).or_else(|| discover(start)) {
        Some(path) => Config::load(&path),
        None => Ok(Config::default()),
    }
}

impl Config {
    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = crate::source::read_text(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let mut config = Config::parse(&text, &path.display().to_string())?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses and validates configuration text; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
        let doc = Doc { name, text };
        let root = DeTable::parse(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim_end().to_string();
            doc.error(span, message)
        })?;
        doc.read(root.get_ref())
    }

    /// Applies the file and glossary settings, and the reference and locales unless the command
    /// line already chose them.
    pub fn apply(&self, load: &mut LoadOptions, settings: &mut Settings, filters: &mut Filters) {
        if load.reference.is_none() {
            load.reference = self.reference.clone();
        }
        if load.locales.is_empty() {
            load.locales = self.locales.clone();
        }
        load.aliases.extend(
            self.aliases
                .iter()
                .map(|(dir, tag)| (dir.clone(), tag.clone())),
        );
        load.files = self.files.clone();
        if let Some(b) = self.single_bundle {
            settings.single_bundle = b;
        }
        for (id, rule) in &self.rules {
            if let Some(level) = rule.level {
                settings.severity.insert(id.clone(), level.severity());
            }
            if !rule.locales.is_empty() {
                let by_locale = settings.locale_severity.entry(id.clone()).or_default();
                for (tag, level) in &rule.locales {
                    by_locale.insert(tag.clone(), level.severity());
                }
            }
            if id == "mixed-language" {
                settings.mixed_language = rule.mixed_language.clone();
            }
            if id == "url-mismatch" {
                settings.url_mismatch = rule.url_mismatch.clone();
            }
        }
        settings.glossary.extend(self.glossary.iter().cloned());
        for (tag, terms) in &self.glossary_by_locale {
            settings
                .glossary_by_locale
                .entry(tag.clone())
                .or_default()
                .extend(terms.iter().cloned());
        }
        settings.dictionaries.system = self.dictionary_system.unwrap_or(false);
        filters.ignores = crate::filter::Ignores::new(self.ignore.clone());
    }

    /// The effective configuration as TOML: what was set, with every rule's level filled in.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        match &self.path {
            Some(p) => {
                let path = p.display().to_string();
                let _ = writeln!(
                    out,
                    "# effective configuration, read from {}",
                    crate::report::escape::terminal(&path)
                );
            }
            None => out.push_str("# effective configuration: no configuration file, defaults\n"),
        }
        out.push_str(
            "# (no `reference`: `en`, or the single en-* directory; empty `locales`: all;\n\
             # empty `include`: every .ftl file)\n",
        );
        let mut t = toml::Table::new();
        if let Some(r) = &self.reference {
            t.insert("reference".into(), r.clone().into());
        }
        t.insert("locales".into(), strings(&self.locales));
        t.insert("include".into(), strings(&self.include));
        t.insert("exclude".into(), strings(&self.exclude));
        t.insert(
            "single-bundle".into(),
            self.single_bundle.unwrap_or(false).into(),
        );
        let mut aliases = toml::Table::new();
        for (dir, tag) in &self.aliases {
            aliases.insert(dir.clone(), tag.clone().into());
        }
        t.insert("locale-aliases".into(), aliases.into());
        let mut rules = toml::Table::new();
        let mut ids: Vec<&str> = registry().iter().map(|r| r.meta().id).collect();
        for id in self.rules.keys() {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        for id in ids {
            let configured = self.rules.get(id);
            let level = configured.and_then(|r| r.level).or_else(|| {
                crate::rules::find(id).map(|r| Level::from_severity(r.meta().severity))
            });
            let has_options = !crate::rules::options(id).is_empty();
            let default_rule = RuleConfig::default();
            let Some(c) = configured
                .filter(|c| {
                    !c.locales.is_empty()
                        || c.mixed_language != MixedLanguageOptions::default()
                        || c.url_mismatch != UrlMismatchOptions::default()
                })
                .or(has_options.then_some(configured.unwrap_or(&default_rule)))
            else {
                if let Some(level) = level {
                    rules.insert(id.into(), level.as_str().into());
                }
                continue;
            };
            let mut rt = toml::Table::new();
            if let Some(level) = level {
                rt.insert("severity".into(), level.as_str().into());
            }
            if !c.locales.is_empty() {
                let mut lt = toml::Table::new();
                for (tag, l) in &c.locales {
                    lt.insert(tag.clone(), l.as_str().into());
                }
                rt.insert("locales".into(), lt.into());
            }
            if let Some(n) = c.mixed_language.min_words {
                rt.insert("min-words".into(), (n as i64).into());
            }
            if let Some(x) = c.mixed_language.min_confidence {
                rt.insert("min-confidence".into(), x.into());
            }
            if let Some(b) = c.url_mismatch.locale_parts {
                rt.insert("locale-parts".into(), b.into());
            }
            // Options left unset are shown with their defaults.
            for o in crate::rules::options(id) {
                if !rt.contains_key(o.key) {
                    let d = o.default;
                    let v: toml::Value = if let Ok(n) = d.parse::<i64>() {
                        n.into()
                    } else if let Ok(x) = d.parse::<f64>() {
                        x.into()
                    } else if let Ok(b) = d.parse::<bool>() {
                        b.into()
                    } else {
                        d.into()
                    };
                    rt.insert(o.key.into(), v);
                }
            }
            rules.insert(id.into(), rt.into());
        }
        t.insert("rules".into(), rules.into());
        let mut glossary = toml::Table::new();
        glossary.insert("terms".into(), strings(&self.glossary));
        let mut by_locale = toml::Table::new();
        for (tag, terms) in &self.glossary_by_locale {
            by_locale.insert(tag.clone(), strings(terms));
        }
        glossary.insert("locales".into(), by_locale.into());
        t.insert("glossary".into(), glossary.into());
        let termbase: Vec<String> = self.termbase.iter().map(|s| s.value.clone()).collect();
        t.insert("termbase".into(), strings(&termbase));
        let mut dictionaries = toml::Table::new();
        if let Some(p) = &self.dictionary_path {
            dictionaries.insert("path".into(), p.value.clone().into());
        }
        dictionaries.insert(
            "system".into(),
            self.dictionary_system.unwrap_or(false).into(),
        );
        t.insert("dictionaries".into(), dictionaries.into());
        let ignores: Vec<toml::Value> = self
            .ignore
            .iter()
            .map(|i| {
                let mut it = toml::Table::new();
                it.insert("rule".into(), i.rule.clone().into());
                for (k, v) in [
                    ("locale", &i.locale),
                    ("file", &i.file),
                    ("message", &i.message),
                ] {
                    if let Some(v) = v {
                        it.insert(k.into(), v.clone().into());
                    }
                }
                it.insert("reason".into(), i.reason.clone().into());
                it.into()
            })
            .collect();
        if !ignores.is_empty() {
            t.insert("ignore".into(), toml::Value::Array(ignores));
        }
        out.push_str(&toml::to_string_pretty(&t).unwrap_or_default());
        out
    }
}

impl Config {
    /// The configuration's dictionary directory (`[dictionaries] path`), resolved against the
    /// configuration file's directory and required to stay inside it, as a termbase is.
    pub fn dictionary_dirs(&self) -> Result<Vec<PathBuf>, ConfigError> {
        let (Some(config), Some(s)) = (&self.path, &self.dictionary_path) else {
            return Ok(Vec::new());
        };
        let dir = config_dir(config);
        let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let error = |message: String| ConfigError::Invalid {
            path: config.display().to_string(),
            line: s.line,
            column: s.column,
            message,
        };
        let path = dir.join(&s.value);
        let target = std::fs::canonicalize(&path).map_err(|e| {
            error(format!(
                "dictionary directory `{}` cannot be read: {e}",
                path.display()
            ))
        })?;
        if !target.starts_with(&root) {
            return Err(error(format!(
                "dictionary directory `{}` is outside `{}`, the directory of the configuration: it is not read",
                s.value,
                root.display()
            )));
        }
        if !target.is_dir() {
            return Err(error(format!(
                "dictionary directory `{}` is not a directory",
                s.value
            )));
        }
        Ok(vec![path])
    }

    /// The configuration's termbase files, each resolved against the configuration file's
    /// directory and required to stay inside it: a path with `..` that leaves it, an absolute
    /// path elsewhere, or a symbolic link that leads out is refused with its position.
    pub fn termbase_files(&self) -> Result<Vec<PathBuf>, ConfigError> {
        let Some(config) = &self.path else {
            return Ok(Vec::new());
        };
        let dir = config_dir(config);
        let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut out = Vec::new();
        for s in &self.termbase {
            let error = |message: String| ConfigError::Invalid {
                path: config.display().to_string(),
                line: s.line,
                column: s.column,
                message,
            };
            let path = dir.join(&s.value);
            let target = std::fs::canonicalize(&path)
                .map_err(|e| error(format!("termbase `{}` cannot be read: {e}", path.display())))?;
            if !target.starts_with(&root) {
                return Err(error(format!(
                    "termbase `{}` is outside `{}`, the directory of the configuration: it is not read",
                    s.value,
                    root.display()
                )));
            }
            out.push(path);
        }
        Ok(out)
    }
}

/// The directory of a configuration file (`.` for a bare file name).
fn config_dir(config: &Path) -> &Path {
    match config.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

fn strings(v: &[String]) -> toml::Value {
    toml::Value::Array(v.iter().map(|s| s.clone().into()).collect())
}

type Item<'i> = Spanned<DeValue<'i>>;

/// The text being validated, for positions.
struct Doc<'a> {
    name: &'a str,
    text: &'a str,
}

impl Doc<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        let at = span.start.min(self.text.len());
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        ConfigError::Invalid {
            path: self.name.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    fn position(&self, span: Range<usize>) -> String {
        match self.error(span, "") {
            ConfigError::Invalid {
                path, line, column, ..
            } => format!("{path}:{line}:{column}"),
            ConfigError::Read { path, .. } => path,
        }
    }

    /// Rejects keys of `table` that are not in `allowed`, suggesting the closest one.
    fn known_keys(
        &self,
        table: &DeTable<'_>,
        allowed: &[&str],
        context: &str,
    ) -> Result<(), ConfigError> {
        for (key, _) in table.iter() {
            let k: &str = key.get_ref();
            if allowed.contains(&k) {
                continue;
            }
            let hint = match closest(k, allowed.iter().copied()) {
                Some(c) => format!("; did you mean `{c}`?"),
                None => format!(" (expected one of: {})", allowed.join(", ")),
            };
            return Err(self.error(key.span(), format!("unknown key `{k}` in {context}{hint}")));
        }
        Ok(())
    }

    fn boolean(&self, v: &Item<'_>, what: &str) -> Result<bool, ConfigError> {
        match v.get_ref() {
            DeValue::Boolean(b) => Ok(*b),
            other => Err(self.error(
                v.span(),
                format!("`{what}` must be true or false, not {}", other.type_str()),
            )),
        }
    }

    fn string(&self, v: &Item<'_>, what: &str) -> Result<String, ConfigError> {
        match v.get_ref() {
            DeValue::String(s) => Ok(s.to_string()),
            other => Err(self.error(
                v.span(),
                format!("`{what}` must be a string, not {}", other.type_str()),
            )),
        }
    }

    fn strings(&self, v: &Item<'_>, what: &str) -> Result<Vec<Spanned<String>>, ConfigError> {
        let DeValue::Array(items) = v.get_ref() else {
            return Err(self.error(
                v.span(),
                format!(
                    "`{what}` must be an array of strings, not {}",
                    v.get_ref().type_str()
                ),
            ));
        };
        items
            .iter()
            .map(|i| Ok(Spanned::new(i.span(), self.string(i, what)?)))
            .collect()
    }

    fn table<'t, 'i>(&self, v: &'t Item<'i>, what: &str) -> Result<&'t DeTable<'i>, ConfigError> {
        match v.get_ref() {
            DeValue::Table(t) => Ok(t),
            other => Err(self.error(
                v.span(),
                format!("`{what}` must be a table, not {}", other.type_str()),
            )),
        }
    }

    fn level(&self, v: &Item<'_>, what: &str) -> Result<Level, ConfigError> {
        let s = self.string(v, what)?;
        Level::parse(&s).ok_or_else(|| {
            let prefix = Level::NAMES
                .into_iter()
                .find(|n| !s.is_empty() && n.starts_with(s.to_ascii_lowercase().as_str()));
            let hint = prefix
                .or_else(|| closest(&s, Level::NAMES))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            self.error(
                v.span(),
                format!("`{what}` must be one of off, info, warning, error, not `{s}`{hint}"),
            )
        })
    }

    fn locale_tag(&self, v: &Spanned<String>, what: &str) -> Result<(), ConfigError> {
        if crate::project::parse_locale_tag(v.get_ref()).is_none() {
            return Err(self.error(
                v.span(),
                format!("`{}` in `{what}` is not a locale tag", v.get_ref()),
            ));
        }
        Ok(())
    }

    fn glob(&self, v: &Spanned<String>, what: &str) -> Result<Glob, ConfigError> {
        GlobBuilder::new(v.get_ref())
            .literal_separator(true)
            .build()
            .map_err(|e| {
                self.error(
                    v.span(),
                    format!(
                        "`{what}` pattern `{}` is not a glob: {}",
                        v.get_ref(),
                        e.kind()
                    ),
                )
            })
    }

    fn glob_set(
        &self,
        patterns: &[Spanned<String>],
        what: &str,
    ) -> Result<Option<GlobSet>, ConfigError> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let mut b = GlobSetBuilder::new();
        for p in patterns {
            b.add(self.glob(p, what)?);
        }
        b.build()
            .map(Some)
            .map_err(|e| self.error(patterns[0].span(), e.to_string()))
    }

    fn read(&self, root: &DeTable<'_>) -> Result<Config, ConfigError> {
        self.known_keys(root, TOP_KEYS, "the configuration")?;
        let mut c = Config::default();
        if let Some(v) = root.get("reference") {
            let tag = Spanned::new(v.span(), self.string(v, "reference")?);
            self.locale_tag(&tag, "reference")?;
            c.reference = Some(tag.into_inner());
        }
        if let Some(v) = root.get("locales") {
            for tag in self.strings(v, "locales")? {
                self.locale_tag(&tag, "locales")?;
                c.locales.push(tag.into_inner());
            }
        }
        if let Some(v) = root.get("locale-aliases") {
            for (dir, tag) in self.table(v, "locale-aliases")?.iter() {
                let tag = Spanned::new(tag.span(), self.string(tag, "locale-aliases")?);
                self.locale_tag(&tag, "locale-aliases")?;
                c.aliases
                    .insert(dir.get_ref().to_string(), tag.into_inner());
            }
        }
        let include = match root.get("include") {
            Some(v) => self.strings(v, "include")?,
            None => Vec::new(),
        };
        let exclude = match root.get("exclude") {
            Some(v) => self.strings(v, "exclude")?,
            None => Vec::new(),
        };
        c.files = FileSelect {
            include: self.glob_set(&include, "include")?,
            exclude: self.glob_set(&exclude, "exclude")?,
        };
        c.include = include.into_iter().map(Spanned::into_inner).collect();
        c.exclude = exclude.into_iter().map(Spanned::into_inner).collect();
        if let Some(v) = root.get("single-bundle") {
            c.single_bundle = Some(self.boolean(v, "single-bundle")?);
        }
        if let Some(v) = root.get("rules") {
            for (id, rule) in self.table(v, "rules")?.iter() {
                let id_str: &str = id.get_ref();
                c.rules
                    .insert(id_str.to_string(), self.rule(id_str, id.span(), rule)?);
            }
        }
        if let Some(v) = root.get("glossary") {
            let g = self.table(v, "glossary")?;
            self.known_keys(g, GLOSSARY_KEYS, "`[glossary]`")?;
            if let Some(terms) = g.get("terms") {
                c.glossary = self
                    .strings(terms, "glossary.terms")?
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect();
            }
            if let Some(by) = g.get("locales") {
                for (tag, terms) in self.table(by, "glossary.locales")?.iter() {
                    let tag = Spanned::new(tag.span(), tag.get_ref().to_string());
                    self.locale_tag(&tag, "glossary.locales")?;
                    let terms = self.strings(terms, "glossary.locales")?;
                    c.glossary_by_locale.insert(
                        tag.into_inner(),
                        terms.into_iter().map(Spanned::into_inner).collect(),
                    );
                }
            }
        }
        if let Some(v) = root.get("termbase") {
            for p in self.strings(v, "termbase")? {
                if p.get_ref().trim().is_empty() {
                    return Err(self.error(p.span(), "`termbase` holds an empty path"));
                }
                let (line, column) = match self.error(p.span(), "") {
                    ConfigError::Invalid { line, column, .. } => (line, column),
                    _ => (1, 1),
                };
                c.termbase.push(Setting {
                    value: p.into_inner(),
                    line,
                    column,
                });
            }
        }
        if let Some(v) = root.get("dictionaries") {
            let t = self.table(v, "dictionaries")?;
            self.known_keys(t, DICTIONARY_KEYS, "`[dictionaries]`")?;
            if let Some(p) = t.get("path") {
                let value = self.string(p, "dictionaries.path")?;
                if value.trim().is_empty() {
                    return Err(self.error(p.span(), "`dictionaries.path` is empty"));
                }
                let (line, column) = match self.error(p.span(), "") {
                    ConfigError::Invalid { line, column, .. } => (line, column),
                    _ => (1, 1),
                };
                c.dictionary_path = Some(Setting {
                    value,
                    line,
                    column,
                });
            }
            if let Some(b) = t.get("system") {
                c.dictionary_system = Some(self.boolean(b, "dictionaries.system")?);
            }
        }
        if let Some(v) = root.get("ignore") {
            let DeValue::Array(items) = v.get_ref() else {
                return Err(self.error(
                    v.span(),
                    "`ignore` must be an array of tables: write each entry as `[[ignore]]`",
                ));
            };
            for item in items {
                c.ignore.push(self.ignore(item)?);
            }
        }
        Ok(c)
    }

    fn rule(&self, id: &str, span: Range<usize>, v: &Item<'_>) -> Result<RuleConfig, ConfigError> {
        let options = RULE_OPTIONS.iter().find(|(r, _)| *r == id).map(|(_, o)| *o);
        if crate::rules::find(id).is_none() && options.is_none() {
            let known = registry()
                .iter()
                .map(|r| r.meta().id)
                .chain(RULE_OPTIONS.iter().map(|(r, _)| *r));
            let hint = closest(id, known)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| " (`leaflint rules` lists them)".into());
            return Err(self.error(span, format!("unknown rule `{id}` in `[rules]`{hint}")));
        }
        let mut rc = RuleConfig::default();
        let what = format!("rules.{id}");
        let table = match v.get_ref() {
            DeValue::String(_) => {
                rc.level = Some(self.level(v, &what)?);
                return Ok(rc);
            }
            DeValue::Table(t) => t,
            other => {
                return Err(self.error(
                    v.span(),
                    format!(
                        "`{what}` must be a level (\"off\", \"info\", \"warning\", \"error\") or a table, not {}",
                        other.type_str()
                    ),
                ))
            }
        };
        let mut allowed: Vec<&str> = COMMON_RULE_KEYS.to_vec();
        allowed.extend(options.unwrap_or_default());
        self.known_keys(table, &allowed, &format!("`[rules.{id}]`"))?;
        if let Some(s) = table.get("severity") {
            rc.level = Some(self.level(s, &format!("{what}.severity"))?);
        }
        if let Some(l) = table.get("locales") {
            let what = format!("{what}.locales");
            for (tag, level) in self.table(l, &what)?.iter() {
                let tag = Spanned::new(tag.span(), tag.get_ref().to_string());
                self.locale_tag(&tag, &what)?;
                rc.locales
                    .insert(tag.into_inner(), self.level(level, &what)?);
            }
        }
        if let Some(n) = table.get("min-words") {
            match n
                .get_ref()
                .as_integer()
                .and_then(|i| i.as_str().parse::<usize>().ok())
            {
                Some(n) if n > 0 => rc.mixed_language.min_words = Some(n),
                _ => {
                    return Err(self.error(
                        n.span(),
                        format!("`{what}.min-words` must be a whole number of at least 1"),
                    ))
                }
            }
        }
        if let Some(v) = table.get("locale-parts") {
            rc.url_mismatch.locale_parts = Some(self.boolean(v, &format!("{what}.locale-parts"))?);
        }
        if let Some(x) = table.get("min-confidence") {
            let value = match x.get_ref() {
                DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                DeValue::Integer(i) => i.as_str().parse::<f64>().ok(),
                _ => None,
            };
            match value {
                Some(v) if (0.0..=1.0).contains(&v) => rc.mixed_language.min_confidence = Some(v),
                _ => {
                    return Err(self.error(
                        x.span(),
                        format!("`{what}.min-confidence` must be a number from 0 to 1"),
                    ))
                }
            }
        }
        Ok(rc)
    }

    fn ignore(&self, item: &Item<'_>) -> Result<IgnoreRule, ConfigError> {
        let t = self.table(item, "ignore")?;
        self.known_keys(t, IGNORE_KEYS, "`[[ignore]]`")?;
        let Some(rule_v) = t.get("rule") else {
            return Err(self.error(
                item.span(),
                "`[[ignore]]` entry has no `rule` (a rule id, or \"all\")",
            ));
        };
        let rule = self.string(rule_v, "ignore.rule")?;
        let known = registry().iter().map(|r| r.meta().id);
        if rule != "all" && crate::rules::find(&rule).is_none() {
            let hint = closest(&rule, known)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(self.error(
                rule_v.span(),
                format!("unknown rule `{rule}` in `[[ignore]]`{hint}"),
            ));
        }
        let reason = match t.get("reason") {
            Some(r) => self.string(r, "ignore.reason")?,
            None => String::new(),
        };
        if reason.trim().is_empty() {
            let span = t.get("reason").map_or(item.span(), |r| r.span());
            return Err(self.error(
                span,
                format!(
                    "`[[ignore]]` entry for `{rule}` needs a `reason`: say why these findings are accepted"
                ),
            ));
        }
        let opt = |key: &str| -> Result<Option<Spanned<String>>, ConfigError> {
            t.get(key)
                .map(|v| {
                    Ok(Spanned::new(
                        v.span(),
                        self.string(v, &format!("ignore.{key}"))?,
                    ))
                })
                .transpose()
        };
        let locale = opt("locale")?;
        if let Some(l) = &locale {
            self.locale_tag(l, "ignore.locale")?;
        }
        let file = opt("file")?;
        let message = opt("message")?;
        let file_glob = file
            .as_ref()
            .map(|f| self.glob(f, "ignore.file").map(|g| g.compile_matcher()))
            .transpose()?;
        let message_glob = message
            .as_ref()
            .map(|m| self.glob(m, "ignore.message").map(|g| g.compile_matcher()))
            .transpose()?;
        Ok(IgnoreRule {
            rule,
            locale: locale.map(Spanned::into_inner),
            file: file.map(Spanned::into_inner),
            message: message.map(Spanned::into_inner),
            reason,
            origin: self.position(item.span()),
            file_glob,
            message_glob,
        })
    }
}

/// What a `check` run asks for besides rule settings (from the command line).
#[derive(Debug, Clone, Default)]
pub struct RunInputs<'a> {
    /// `--config FILE`.
    pub config: Option<&'a Path>,
    /// `--isolated`.
    pub isolated: bool,
    /// `--project l10n.toml`.
    pub project: Option<&'a Path>,
    /// `--baseline FILE`.
    pub baseline: Option<&'a Path>,
    /// `--write-baseline FILE`: collect baseline entries, to be written to FILE.
    pub write_baseline: Option<&'a Path>,
    /// `-o FILE`: where the report is written.
    pub output: Option<&'a Path>,
    /// `--changed-since REV`.
    pub changed_since: Option<&'a str>,
    /// `--termbase FILE` (repeatable), read besides the configuration's `termbase` files.
    pub termbases: &'a [PathBuf],
}

/// Why a run could not be set up (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Project(#[from] crate::mozilla::ProjectError),
    #[error(transparent)]
    Termbase(#[from] crate::terms::TermbaseError),
    #[error(transparent)]
    Baseline(#[from] crate::baseline::BaselineError),
    #[error(transparent)]
    Git(#[from] crate::changed::GitError),
    #[error(transparent)]
    Output(#[from] crate::outfile::OutputError),
    #[error("give either locale tree paths or `--project`, not both")]
    PathsAndProject,
}

/// Completes `opts` (whose paths, reference and locales come from the command line) with the
/// configuration file, the project configuration, the baseline and the git changes, and
/// refuses an output path (`inputs.output`, `inputs.write_baseline`) that is one of the run's
/// inputs, before anything is written. Returns the configuration used.
pub fn prepare(
    opts: &mut crate::check::CheckOptions,
    inputs: &RunInputs<'_>,
) -> Result<Config, PrepareError> {
    use std::sync::Arc;
    let default_paths = [PathBuf::from("locales/")];
    if inputs.project.is_some() && !opts.paths.is_empty() && opts.paths != default_paths {
        return Err(PrepareError::PathsAndProject);
    }
    let project = inputs
        .project
        .map(crate::mozilla::ProjectConfig::load)
        .transpose()?;
    let start = match (&project, opts.paths.first()) {
        (Some(p), _) => p.path.parent().unwrap_or(Path::new(".")).to_path_buf(),
        (None, Some(path)) => path.clone(),
        (None, None) => PathBuf::from("."),
    };
    let config = resolve(inputs.config, inputs.isolated, &start)?;
    config.apply(&mut opts.load, &mut opts.settings, &mut opts.filters);
    let termbase_files = config.termbase_files()?;
    opts.settings.dictionaries.dirs = config.dictionary_dirs()?;
    let mut concepts = Vec::new();
    for (path, name) in termbase_files
        .iter()
        .map(|p| (p.clone(), p.display().to_string()))
        .chain(
            inputs
                .termbases
                .iter()
                .map(|p| (p.clone(), p.display().to_string())),
        )
    {
        crate::terms::load(&path, &name, &mut concepts)?;
        if concepts.len() > crate::terms::MAX_CONCEPTS {
            return Err(ConfigError::Invalid {
                path: name,
                line: 1,
                column: 1,
                message: format!(
                    "the termbases hold more than {} concepts together: leaflint reads no more",
                    crate::terms::MAX_CONCEPTS
                ),
            }
            .into());
        }
    }
    opts.settings.termbase = std::sync::Arc::new(concepts);
    let filters = &mut opts.filters;
    if let Some(b) = inputs.baseline {
        filters.baseline = Some(Arc::new(crate::baseline::Baseline::load(b)?));
    }
    filters.record_baseline = inputs.write_baseline.is_some();
    if let Some(rev) = inputs.changed_since {
        let root = match &project {
            Some(p) => p.l10n_root.clone(),
            None => start.clone(),
        };
        filters.changes = Some(Arc::new(crate::changed::Changes::read(&root, rev)?));
    }
    let mut read = crate::outfile::Inputs::default();
    if let Some(path) = &config.path {
        read.file(
            path,
            format!("the configuration file in use (`{}`)", path.display()),
        );
    }
    if let Some(b) = inputs.baseline {
        read.file(b, format!("the baseline being read (`{}`)", b.display()));
    }
    for t in termbase_files.iter().chain(inputs.termbases) {
        read.file(t, format!("a termbase being read (`{}`)", t.display()));
    }
    // Each tree's glossary is at its root: a project's is in its directory of locales.
    let (trees, roots) = match &project {
        Some(p) => {
            for f in &p.files {
                read.file(
                    f,
                    format!("a project configuration file read (`{}`)", f.display()),
                );
            }
            (p.directories(), vec![p.l10n_root.clone()])
        }
        None => (opts.paths.clone(), opts.paths.clone()),
    };
    for tree in &trees {
        read.tree(tree);
    }
    for root in &roots {
        let glossary = root.join(crate::lang::glossary::FILE_NAME);
        read.file(
            &glossary,
            format!("the glossary of the checked tree `{}`", root.display()),
        );
    }
    read.refuse_all(inputs.output, inputs.write_baseline)?;
    if let Some(p) = project {
        if !p.filters.is_empty() {
            filters.project = Some(Arc::new(p.filters.clone()));
        }
        opts.project = Some(Arc::new(p));
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Config::parse(text, "leaflint.toml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn unknown_top_level_key_names_position_and_suggestion() {
        assert_eq!(
            err("locales = [\"sv\"]\nrefrence = \"en\"\n"),
            "leaflint.toml:2:1: unknown key `refrence` in the configuration; did you mean `reference`?"
        );
    }

    #[test]
    fn bad_level_is_rejected_with_suggestion() {
        assert_eq!(
            err("[rules]\nmissing-message = \"warn\"\n"),
            "leaflint.toml:2:19: `rules.missing-message` must be one of off, info, warning, error, not `warn`; did you mean `warning`?"
        );
        assert!(err("[rules]\nmissing-message = \"eror\"\n").ends_with("did you mean `error`?"));
    }

    #[test]
    fn unknown_rule_suggests_a_registered_one() {
        let e = err("[rules]\nmissing-mesage = \"off\"\n");
        assert!(
            e.starts_with("leaflint.toml:2:1: unknown rule `missing-mesage`"),
            "{e}"
        );
        assert!(e.ends_with("did you mean `missing-message`?"), "{e}");
    }

    #[test]
    fn locale_parts_must_be_a_boolean() {
        let e = err("[rules.url-mismatch]\nlocale-parts = \"yes\"\n");
        assert!(
            e.contains("`rules.url-mismatch.locale-parts` must be true or false, not string"),
            "{e}"
        );
        let e = err("[rules.dose-notation]\nlocale-parts = true\n");
        assert!(e.contains("unknown key `locale-parts`"), "{e}");
    }

    #[test]
    fn options_of_other_rules_are_rejected() {
        let e = err("[rules.missing-message]\nmin-words = 3\n");
        assert!(
            e.contains("unknown key `min-words` in `[rules.missing-message]`"),
            "{e}"
        );
    }

    #[test]
    fn ignore_without_reason_is_rejected_at_the_entry() {
        let e = err("\n[[ignore]]\nrule = \"missing-message\"\nmessage = \"brand-*\"\n");
        assert!(e.starts_with("leaflint.toml:2:1: "), "{e}");
        assert!(e.contains("needs a `reason`"), "{e}");
        let e = err("[[ignore]]\nrule = \"missing-message\"\nreason = \" \"\n");
        assert!(e.starts_with("leaflint.toml:3:10: "), "{e}");
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = err("reference = \"en\"\nlocales = [\"sv\"\n");
        assert!(e.starts_with("leaflint.toml:"), "{e}");
    }

    #[test]
    fn a_full_configuration_applies_and_dumps_back() {
        let text = r#"
reference = "en"
locales = ["sv"]
include = ["**/*.ftl"]
exclude = ["drafts/**"]
[locale-aliases]
sv-SE = "sv"
[rules]
missing-message = "warning"
obsolete-message = "off"
[rules.mixed-language]
min-words = 4
min-confidence = 0.75
locales = { zh = "off" }
[rules.url-mismatch]
locale-parts = false
[glossary]
terms = ["Olumiant"]
locales = { zh = ["奥卢米安"] }
[[ignore]]
rule = "obsolete-message"
locale = "sv"
file = "legacy/*.ftl"
message = "old-*"
reason = "kept until the 2025 revision"
"#;
        let c = Config::parse(text, "t.toml").unwrap();
        let mut load = LoadOptions::default();
        let mut settings = Settings::default();
        let mut filters = Filters::default();
        c.apply(&mut load, &mut settings, &mut filters);
        assert_eq!(load.reference.as_deref(), Some("en"));
        assert_eq!(load.aliases.get("sv-SE").map(String::as_str), Some("sv"));
        assert!(load.files.wants("leaflet.ftl"));
        assert!(!load.files.wants("drafts/leaflet.ftl"));
        assert_eq!(
            settings.severity.get("missing-message"),
            Some(&Some(Severity::Warning))
        );
        assert_eq!(settings.severity.get("obsolete-message"), Some(&None));
        assert_eq!(settings.mixed_language.min_words, Some(4));
        assert_eq!(settings.url_mismatch.locale_parts, Some(false));
        assert_eq!(
            settings.locale_severity["mixed-language"].get("zh"),
            Some(&None)
        );
        assert_eq!(settings.glossary, ["Olumiant"]);
        let ig = &filters.ignores.entries()[0];
        assert!(ig.matches(
            "obsolete-message",
            "sv",
            "legacy/a.ftl",
            Some("old-dose"),
            None
        ));
        assert!(!ig.matches("obsolete-message", "sv", "legacy/a.ftl", Some("dose"), None));
        assert!(!ig.matches(
            "obsolete-message",
            "zh",
            "legacy/a.ftl",
            Some("old-dose"),
            None
        ));
        assert!(!ig.matches(
            "obsolete-message",
            "sv",
            "legacy/x/a.ftl",
            Some("old-dose"),
            None
        ));

        let dumped = c.dump();
        let again = Config::parse(&dumped, "dump").unwrap_or_else(|e| panic!("{e}\n{dumped}"));
        // The dump fills in levels left to the default.
        let ml = &again.rules["mixed-language"];
        assert_eq!(ml.locales, c.rules["mixed-language"].locales);
        assert_eq!(ml.mixed_language, c.rules["mixed-language"].mixed_language);
        assert_eq!(
            again.rules["url-mismatch"].url_mismatch.locale_parts,
            Some(false)
        );
        assert_eq!(
            ml.level.and_then(Level::severity),
            crate::rules::find("mixed-language").map(|r| r.meta().severity)
        );
        assert_eq!(again.rules["missing-message"].level, Some(Level::Warning));
        assert_eq!(again.rules["duplicate-id"].level, Some(Level::Error));
        assert_eq!(again.glossary_by_locale, c.glossary_by_locale);
        assert_eq!(again.ignore[0].reason, c.ignore[0].reason);
        assert_eq!(again.aliases, c.aliases);
    }
}
