//! Mozilla project configurations (`l10n.toml`, as read by compare-locales): which reference
//! files exist, where each locale's files are, which locales translate which paths, and filters.
//!
//! Supported: `basepath`, `locales`, `[env]`, `[[paths]]` (`reference`, `l10n`, `locales`),
//! `[[filters]]` (`path`, `key`, `action`), `[[includes]]` (`path`). Patterns may use `*`, `**`,
//! `{locale}`, `{l10n_base}` (the project's base path) and `[env]` names. Every `l10n` pattern
//! must put `{locale}` under the same directory, and a `reference` and its `l10n` pattern must
//! end in the same wildcard part (`en/firefox/**/*.ftl` ↔ `{locale}/firefox/**/*.ftl`), which
//! is how compare-locales pairs files too.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use globset::{GlobBuilder, GlobMatcher};
use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::filter::{Action, FilterRule, KeyMatch, ProjectFilters};
use crate::project::{
    file_refs, parse_locale_tag, LoadError, LoadOptions, LocaleSource, Tree, TreeSource,
};
use crate::source::LineIndex;

/// The longest text an `[env]` value or a pattern may expand to: 4 KiB, Linux's `PATH_MAX`.
/// Real values are paths of a few dozen bytes; a longer one is a mistake or an expansion bomb
/// (`a = "{b}{b}{b}{b}"`, `b = "{c}{c}{c}{c}"`, … grows exponentially).
pub const MAX_EXPANDED_BYTES: usize = 4096;
/// The most bytes the expansions of one project may produce together. Values are expanded once
/// per file that uses them, so this bounds the work of many files each near the limit above.
pub const MAX_EXPANDED_TOTAL: usize = 16 * 1024 * 1024;
/// How many `[env]` values one value may go through (`a` uses `b`, which uses `c`, …).
pub const MAX_ENV_DEPTH: usize = 32;
/// How deep `[[includes]]` may nest below the project file (mozilla-central needs 3).
pub const MAX_INCLUDE_DEPTH: usize = 32;
/// The most configuration files one project may read: the project file and its includes.
pub const MAX_PROJECT_FILES: usize = 1000;
/// The most bytes the configuration files of one project may hold together.
pub const MAX_PROJECT_BYTES: usize = 16 * 1024 * 1024;

/// Why a project configuration could not be used (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("cannot read project configuration `{path}`")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("`{path}` is not a valid project configuration: {message}")]
    Parse { path: String, message: String },
    #[error("`{path}`: {message}")]
    Unsupported { path: String, message: String },
    /// A problem at a place in a project file; `at` is `file:line:column`.
    #[error("{at}: {message}")]
    At { at: String, message: String },
}

fn at(at: &str, message: String) -> ProjectError {
    ProjectError::At {
        at: at.to_string(),
        message,
    }
}

/// A user's text in a message, cut to a readable length.
fn clip(s: &str) -> String {
    const SHOWN: usize = 60;
    match s.char_indices().nth(SHOWN) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn list(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawPath {
    reference: Option<Spanned<String>>,
    l10n: Spanned<String>,
    locales: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct RawFilter {
    path: OneOrMany,
    key: Option<OneOrMany>,
    action: String,
}

#[derive(Debug, Deserialize)]
struct RawInclude {
    path: Spanned<String>,
}

#[derive(Debug, Deserialize)]
struct RawProject {
    basepath: Option<String>,
    #[serde(default)]
    locales: Vec<String>,
    #[serde(default)]
    env: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    paths: Vec<RawPath>,
    #[serde(default)]
    filters: Vec<Spanned<RawFilter>>,
    #[serde(default)]
    includes: Vec<RawInclude>,
}

/// One `[env]` value as written, and where (`l10n.toml:4:5`).
#[derive(Debug)]
struct Var {
    raw: String,
    at: String,
}

/// The `[env]` names a file sees: its own, then those of the files including it (shared with
/// them, not copied).
#[derive(Debug, Default)]
struct Env {
    vars: BTreeMap<String, Var>,
    parent: Option<Rc<Env>>,
}

impl Env {
    fn get(&self, name: &str) -> Option<(&str, &Var)> {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some((k, v)) = s.vars.get_key_value(name) {
                return Some((k.as_str(), v));
            }
            scope = s.parent.as_deref();
        }
        None
    }
}

/// Why a text could not be expanded.
enum ExpandError {
    /// It grew past [`MAX_EXPANDED_BYTES`].
    TooLong,
    /// A value it uses is bad (reported where that value is defined).
    Project(ProjectError),
}

/// Expands the `{name}` references of one file's patterns and `[env]` values, each value once,
/// within the limits above; a value that refers to itself, directly or through others, is an
/// error.
struct Expander<'a> {
    env: &'a Env,
    memo: HashMap<&'a str, String>,
    /// The names being expanded, outermost first.
    stack: Vec<&'a str>,
    /// Bytes expanded so far in the whole project.
    total: &'a mut usize,
}

impl<'a> Expander<'a> {
    fn new(env: &'a Env, total: &'a mut usize) -> Self {
        Expander {
            env,
            memo: HashMap::new(),
            stack: Vec::new(),
            total,
        }
    }

    fn count(&mut self, n: usize, place: &str, what: &str) -> Result<(), ProjectError> {
        *self.total += n;
        if *self.total > MAX_EXPANDED_TOTAL {
            return Err(at(
                place,
                format!(
                    "expanding {what} takes the project's expansions past {} MB in total",
                    MAX_EXPANDED_TOTAL >> 20
                ),
            ));
        }
        Ok(())
    }

    /// The expanded value of `[env]` name `name`.
    fn var(&mut self, name: &'a str, var: &'a Var) -> Result<String, ProjectError> {
        if let Some(v) = self.memo.get(name) {
            return Ok(v.clone());
        }
        if let Some(i) = self.stack.iter().position(|n| *n == name) {
            let message = if i + 1 == self.stack.len() {
                format!("`[env]` value `{name}` refers to itself")
            } else {
                let circle: Vec<String> = self.stack[i..]
                    .iter()
                    .chain([&name])
                    .map(|n| format!("`{n}`"))
                    .collect();
                format!(
                    "`[env]` values refer to each other in a circle: {}",
                    circle.join(" → ")
                )
            };
            return Err(at(&var.at, message));
        }
        if self.stack.len() >= MAX_ENV_DEPTH {
            return Err(at(
                &var.at,
                format!(
                    "`[env]` value `{}` goes through more than {MAX_ENV_DEPTH} other values to reach `{name}`",
                    self.stack[0]
                ),
            ));
        }
        self.stack.push(name);
        let expanded = self.text(&var.raw);
        self.stack.pop();
        let value = match expanded {
            Ok(v) => v,
            Err(ExpandError::TooLong) => {
                return Err(at(
                    &var.at,
                    format!(
                        "`[env]` value `{name}` expands to more than {MAX_EXPANDED_BYTES} bytes"
                    ),
                ))
            }
            Err(ExpandError::Project(e)) => return Err(e),
        };
        self.count(value.len(), &var.at, &format!("`[env]` value `{name}`"))?;
        self.memo.insert(name, value.clone());
        Ok(value)
    }

    /// `text` with each `{name}` of the environment replaced by its expanded value; `{locale}`
    /// and names not in the environment are kept as they are. Linear in the text: each `}`
    /// closes at most one reference, opened by the last `{` before it.
    fn text(&mut self, text: &str) -> Result<String, ExpandError> {
        let env = self.env;
        let mut out = String::new();
        let mut rest = text;
        while let Some(close) = rest.find('}') {
            let head = &rest[..close];
            let reference = head
                .rfind('{')
                .and_then(|open| Some((open, env.get(&head[open + 1..])?)));
            match reference {
                Some((open, (name, var))) => {
                    out.push_str(&head[..open]);
                    let value = self.var(name, var).map_err(ExpandError::Project)?;
                    out.push_str(&value);
                }
                None => out.push_str(&rest[..=close]),
            }
            if out.len() > MAX_EXPANDED_BYTES {
                return Err(ExpandError::TooLong);
            }
            rest = &rest[close + 1..];
        }
        if out.len() + rest.len() > MAX_EXPANDED_BYTES {
            return Err(ExpandError::TooLong);
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// One `[[paths]]` entry, resolved.
#[derive(Debug, Clone)]
struct PathRule {
    reference_dir: PathBuf,
    reference_tail: GlobMatcher,
    /// The l10n pattern after `{locale}/`, up to its wildcard part (`firefox/` or empty).
    l10n_fixed: String,
    l10n_tail: GlobMatcher,
    locales: Option<Vec<String>>,
}

impl PathRule {
    fn applies_to(&self, locale: &str) -> bool {
        self.locales
            .as_ref()
            .is_none_or(|ls| ls.iter().any(|l| l.eq_ignore_ascii_case(locale)))
    }

    /// The relative path a reference file maps to, when this entry covers it.
    fn rel_of_reference(&self, file: &Path) -> Option<String> {
        let under = file.strip_prefix(&self.reference_dir).ok()?;
        let under = slash(under);
        self.reference_tail
            .is_match(&under)
            .then(|| format!("{}{under}", self.l10n_fixed))
    }

    fn covers_l10n(&self, rel: &str) -> bool {
        rel.strip_prefix(&self.l10n_fixed)
            .is_some_and(|rest| self.l10n_tail.is_match(rest))
    }
}

/// A project configuration, resolved against its base path.
#[derive(Debug, Clone)]
pub struct ProjectConfig {
    pub path: PathBuf,
    pub basepath: PathBuf,
    /// Every locale the project (and its includes) lists.
    pub locales: Vec<String>,
    /// The directory holding one directory per locale.
    pub l10n_root: PathBuf,
    /// The reference locale's tag as the reference patterns show it (`en`, `en-US`).
    pub reference_tag: Option<String>,
    paths: Vec<PathRule>,
    pub filters: ProjectFilters,
    /// The configuration files read: the project file, then its includes in reading order.
    pub files: Vec<PathBuf>,
}

fn slash(p: &Path) -> String {
    let s = p.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Resolves `.` and `..` without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

/// Splits an expanded `l10n` pattern at its `{locale}/` directory: (root, rest).
fn split_locale(pattern: &str) -> Option<(PathBuf, &str)> {
    if let Some(rest) = pattern.strip_prefix("{locale}/") {
        return Some((PathBuf::from("."), rest));
    }
    let (root, rest) = pattern.split_once("/{locale}/")?;
    Some((
        PathBuf::from(if root.is_empty() { "/" } else { root }),
        rest,
    ))
}

fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Splits a `/`-separated pattern into its leading wildcard-free directories and the rest.
fn split_fixed(pattern: &str) -> (Vec<&str>, String) {
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    let mut n = parts.iter().take_while(|p| !has_wildcard(p)).count();
    if n == parts.len() {
        n = n.saturating_sub(1);
    }
    (parts[..n].to_vec(), parts[n..].join("/"))
}

fn glob(pattern: &str, path: &str) -> Result<GlobMatcher, ProjectError> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| ProjectError::Unsupported {
            path: path.to_string(),
            message: format!("pattern `{pattern}` is not a glob: {}", e.kind()),
        })
}

/// A file waiting to be read: the project file, or a file an earlier one includes.
struct Pending {
    path: PathBuf,
    /// The environment of the file that includes this one (none for the project file).
    env: Option<Rc<Env>>,
    /// The files including this one, outermost first: (identity, as shown).
    chain: Vec<(PathBuf, String)>,
    /// Where the including file names this one (`l10n.toml:12:12`).
    from: Option<String>,
}

struct Builder {
    locales: BTreeSet<String>,
    l10n_root: Option<PathBuf>,
    paths: Vec<PathRule>,
    filters: Vec<FilterRule>,
    /// Identities of the files read (a file included twice, not in a circle, is read once).
    seen: HashSet<PathBuf>,
    files: Vec<PathBuf>,
    /// The project file's base path, which `{l10n_base}` names in every file.
    l10n_base: Option<PathBuf>,
    bytes: usize,
    expanded: usize,
}

/// What makes two paths the same file: the canonical path where it exists.
fn identity(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| normalize(p))
}

impl ProjectConfig {
    /// Reads a project configuration and the ones it includes, one file at a time (includes
    /// are read depth first, in order, without recursion), within the limits above.
    pub fn load(path: &Path) -> Result<ProjectConfig, ProjectError> {
        let mut b = Builder {
            locales: BTreeSet::new(),
            l10n_root: None,
            paths: Vec::new(),
            filters: Vec::new(),
            seen: HashSet::new(),
            files: Vec::new(),
            l10n_base: None,
            bytes: 0,
            expanded: 0,
        };
        let mut pending = vec![Pending {
            path: path.to_path_buf(),
            env: None,
            chain: Vec::new(),
            from: None,
        }];
        while let Some(next) = pending.pop() {
            b.read(next, &mut pending)?;
        }
        let basepath = b.l10n_base.clone().unwrap_or_else(|| PathBuf::from("."));
        let l10n_root = b.l10n_root.clone().unwrap_or_else(|| basepath.clone());
        let reference_tag = b.paths.first().and_then(|p| {
            p.reference_dir
                .strip_prefix(&basepath)
                .unwrap_or(&p.reference_dir)
                .components()
                .filter_map(|c| match c {
                    Component::Normal(s) => s.to_str(),
                    _ => None,
                })
                .find(|s| parse_locale_tag(s).is_some())
                .map(str::to_string)
        });
        Ok(ProjectConfig {
            path: path.to_path_buf(),
            basepath,
            locales: b.locales.into_iter().collect(),
            l10n_root,
            reference_tag,
            paths: b.paths,
            filters: ProjectFilters { rules: b.filters },
            files: b.files,
        })
    }

    /// The directories [`ProjectConfig::load_tree`] reads `.ftl` files from: the directory of
    /// locale directories and each reference directory.
    pub fn directories(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.l10n_root.clone()];
        for p in &self.paths {
            if !dirs.contains(&p.reference_dir) {
                dirs.push(p.reference_dir.clone());
            }
        }
        dirs
    }
}

impl Builder {
    /// Reads one file; the files it includes go on `pending`, first on top.
    fn read(&mut self, next: Pending, pending: &mut Vec<Pending>) -> Result<(), ProjectError> {
        let Pending {
            path,
            env: parent_env,
            mut chain,
            from,
        } = next;
        let shown = path.display().to_string();
        let id = identity(&path);
        if !self.seen.insert(id.clone()) {
            return Ok(());
        }
        // Limits on the includes are reported where the including file names the file.
        let limit = |message: String| match &from {
            Some(place) => at(place, message),
            None => ProjectError::Unsupported {
                path: shown.clone(),
                message,
            },
        };
        if self.files.len() >= MAX_PROJECT_FILES {
            return Err(limit(format!(
                "including `{shown}` makes more than {MAX_PROJECT_FILES} project configuration files"
            )));
        }
        let text = crate::source::read_text(&path).map_err(|source| ProjectError::Read {
            path: shown.clone(),
            source,
        })?;
        self.bytes += text.len();
        if self.bytes > MAX_PROJECT_BYTES {
            return Err(limit(format!(
                "with `{shown}`, the project configuration files hold more than {} MB",
                MAX_PROJECT_BYTES >> 20
            )));
        }
        self.files.push(path.clone());
        // The reader's own message and position only: its display quotes the source line,
        // and a project file given by a pull request may be any file.
        let raw: RawProject = toml::from_str(&text).map_err(|e| ProjectError::Parse {
            path: shown.clone(),
            message: match e.span() {
                Some(span) => {
                    let lc = LineIndex::new(&text).line_col(&text, span.start);
                    format!(
                        "line {}, column {}: {}",
                        lc.line,
                        lc.column,
                        e.message().trim_end()
                    )
                }
                None => e.message().trim_end().to_string(),
            },
        })?;
        let lines = LineIndex::new(&text);
        let place = |span: std::ops::Range<usize>| {
            let lc = lines.line_col(&text, span.start);
            format!("{shown}:{}:{}", lc.line, lc.column)
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        let basepath = normalize(&dir.join(raw.basepath.as_deref().unwrap_or(".")));
        let l10n_base = self
            .l10n_base
            .get_or_insert_with(|| basepath.clone())
            .clone();
        let mut env = Env {
            vars: BTreeMap::new(),
            parent: parent_env,
        };
        for (name, value) in &raw.env {
            env.vars.insert(
                name.get_ref().clone(),
                Var {
                    raw: value.get_ref().clone(),
                    at: place(name.span()),
                },
            );
        }
        // Relative paths in a project file are relative to its directory, wherever leaflint
        // runs; `{l10n_base}` names the project's base path as an absolute path.
        let absolute_base =
            normalize(&std::path::absolute(&l10n_base).unwrap_or(l10n_base.clone()));
        env.vars.insert(
            "l10n_base".into(),
            Var {
                raw: absolute_base.display().to_string(),
                at: shown.clone(),
            },
        );
        let env = Rc::new(env);
        let mut expander = Expander::new(&env, &mut self.expanded);
        // Every value of this file is checked, used or not: a value that refers to itself is
        // a mistake wherever it is.
        for name in raw.env.keys() {
            let (key, var) = env
                .get(name.get_ref())
                .expect("the file's own names are in its environment");
            expander.var(key, var)?;
        }
        let unsupported = |message: String| ProjectError::Unsupported {
            path: shown.clone(),
            message,
        };
        let mut expand = |pattern: &str, where_: &str| -> Result<String, ProjectError> {
            let s = match expander.text(pattern) {
                Ok(s) => s,
                Err(ExpandError::TooLong) => {
                    return Err(at(
                        where_,
                        format!(
                            "pattern `{}` expands to more than {MAX_EXPANDED_BYTES} bytes",
                            clip(pattern)
                        ),
                    ))
                }
                Err(ExpandError::Project(e)) => return Err(e),
            };
            expander.count(s.len(), where_, &format!("pattern `{}`", clip(pattern)))?;
            let leftover = s.replace("{locale}", "");
            if let (Some(a), Some(b)) = (leftover.find('{'), leftover.find('}')) {
                if a < b {
                    return Err(unsupported(format!(
                        "pattern `{pattern}` uses `{}`, which is not defined in `[env]`",
                        &leftover[a..=b]
                    )));
                }
            }
            let p = Path::new(&s);
            Ok(if p.is_absolute() {
                // `{l10n_base}` is absolute (as in compare-locales); a path under it is shown
                // relative to the base path as given, never joined to the base path twice.
                match p.strip_prefix(&absolute_base) {
                    Ok(rest) => slash(&normalize(&l10n_base.join(rest))),
                    Err(_) => slash(&normalize(p)),
                }
            } else {
                slash(&normalize(&basepath.join(p)))
            })
        };
        self.locales.extend(raw.locales.iter().cloned());
        for (i, p) in raw.paths.iter().enumerate() {
            let n = i + 1;
            let l10n = expand(p.l10n.get_ref(), &place(p.l10n.span()))?;
            let l10n_pattern = p.l10n.get_ref();
            let Some((root, rest)) = split_locale(&l10n) else {
                return Err(unsupported(format!(
                    "`[[paths]]` entry {n}: the `l10n` pattern `{l10n_pattern}` has no `{{locale}}/` directory"
                )));
            };
            match &self.l10n_root {
                Some(r) if *r != root => {
                    return Err(unsupported(format!(
                        "`[[paths]]` entry {n}: locale directories under `{}`, but earlier entries put them under `{}`; leaflint needs one directory of locales",
                        root.display(),
                        r.display()
                    )))
                }
                _ => self.l10n_root = Some(root),
            }
            let Some(reference) = &p.reference else {
                continue;
            };
            let reference_full = expand(reference.get_ref(), &place(reference.span()))?;
            let reference = reference.get_ref();
            let (ref_fixed, ref_tail) = split_fixed(&reference_full);
            let (l10n_fixed, l10n_tail) = split_fixed(rest);
            if ref_tail != l10n_tail {
                return Err(unsupported(format!(
                    "`[[paths]]` entry {n}: `{reference}` and `{l10n_pattern}` differ after their fixed directories (`{ref_tail}` and `{l10n_tail}`), so their files cannot be paired"
                )));
            }
            let mut reference_dir: PathBuf = ref_fixed.iter().collect();
            if reference_full.starts_with('/') {
                reference_dir = Path::new("/").join(reference_dir);
            }
            let l10n_fixed = if l10n_fixed.is_empty() {
                String::new()
            } else {
                format!("{}/", l10n_fixed.join("/"))
            };
            self.paths.push(PathRule {
                reference_dir,
                reference_tail: glob(&ref_tail, &shown)?,
                l10n_fixed,
                l10n_tail: glob(&l10n_tail, &shown)?,
                locales: p.locales.clone(),
            });
        }
        for (i, entry) in raw.filters.iter().enumerate() {
            let n = i + 1;
            let entry_at = place(entry.span());
            let f = entry.get_ref();
            let action = match f.action.as_str() {
                "ignore" => Action::Ignore,
                "warning" => Action::Severity(Severity::Warning),
                "error" => Action::Severity(Severity::Error),
                other => {
                    return Err(unsupported(format!(
                        "`[[filters]]` entry {n}: action `{other}` is not `ignore`, `warning` or `error`"
                    )))
                }
            };
            let mut paths = Vec::new();
            for p in f.path.list() {
                let full = expand(&p, &entry_at)?;
                let Some((root, rest)) = split_locale(&full) else {
                    return Err(unsupported(format!(
                        "`[[filters]]` entry {n}: path `{p}` is not inside a locale directory (`{{locale}}/`)"
                    )));
                };
                if self.l10n_root.as_ref().is_some_and(|r| *r != root) {
                    return Err(unsupported(format!(
                        "`[[filters]]` entry {n}: path `{p}` is not under the locale directories"
                    )));
                }
                paths.push(glob(rest, &shown)?);
            }
            let keys = match &f.key {
                None => None,
                Some(k) => Some(
                    k.list()
                        .into_iter()
                        .map(|k| match k.strip_prefix("re:") {
                            Some(re) => regex::Regex::new(&format!("^(?:{re})"))
                                .map(KeyMatch::Regex)
                                .map_err(|e| {
                                    unsupported(format!(
                                        "`[[filters]]` entry {n}: key `{k}` is not a regular expression: {e}"
                                    ))
                                }),
                            None => Ok(KeyMatch::Exact(k)),
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                ),
            };
            self.filters.push(FilterRule {
                paths,
                keys,
                action,
            });
        }
        // The includes, checked now (while positions are at hand) and read later.
        chain.push((id, shown.clone()));
        let mut included = Vec::new();
        for (i, inc) in raw.includes.iter().enumerate() {
            let n = i + 1;
            let named_at = place(inc.path.span());
            let target = PathBuf::from(expand(inc.path.get_ref(), &named_at)?);
            let target_id = identity(&target);
            let target_shown = target.display().to_string();
            if let Some(k) = chain.iter().position(|(c, _)| *c == target_id) {
                let circle: Vec<String> = chain[k..]
                    .iter()
                    .map(|(_, s)| format!("`{s}`"))
                    .chain([format!("`{target_shown}`")])
                    .collect();
                return Err(at(
                    &named_at,
                    format!(
                        "`[[includes]]` entry {n}: the includes go round in a circle: {}",
                        circle.join(" → ")
                    ),
                ));
            }
            if chain.len() > MAX_INCLUDE_DEPTH {
                return Err(at(
                    &named_at,
                    format!(
                        "`[[includes]]` entry {n}: including `{target_shown}` here nests includes more than {MAX_INCLUDE_DEPTH} deep below `{}`",
                        chain[0].1
                    ),
                ));
            }
            included.push(Pending {
                path: target,
                env: Some(Rc::clone(&env)),
                chain: chain.clone(),
                from: Some(named_at),
            });
        }
        pending.extend(included.into_iter().rev());
        Ok(())
    }
}

impl TreeSource for ProjectConfig {
    fn load(&self, opts: &LoadOptions) -> Result<Tree, LoadError> {
        self.load_tree(opts)
    }
}

impl ProjectConfig {
    /// Reads the project's files: the reference files its `[[paths]]` name, and for each locale
    /// (all the project lists, or those in `opts.locales`) the files the paths that apply to it
    /// name. Locales run in parallel.
    pub fn load_tree(&self, opts: &LoadOptions) -> Result<Tree, LoadError> {
        let display_root = self.l10n_root.display().to_string();
        // Where links may lead: the project's base path and its locale directory.
        let allowed: Vec<PathBuf> = [&self.basepath, &self.l10n_root]
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        let reference = opts
            .reference
            .clone()
            .or_else(|| self.reference_tag.clone())
            .unwrap_or_else(|| "en".into());
        for wanted in &opts.locales {
            if !self.locales.iter().any(|l| l.eq_ignore_ascii_case(wanted)) {
                return Err(LoadError::UnknownLocale {
                    locale: wanted.clone(),
                    path: self.path.display().to_string(),
                    found: self.locales.join(", "),
                });
            }
        }
        let mut notes = Vec::new();
        let mut absent = Vec::new();
        let mut wanted: Vec<(String, PathBuf)> = Vec::new();
        for tag in &self.locales {
            if tag.eq_ignore_ascii_case(&reference)
                || !(opts.locales.is_empty()
                    || opts.locales.iter().any(|w| w.eq_ignore_ascii_case(tag)))
            {
                continue;
            }
            let dir = self.l10n_root.join(tag);
            if dir.is_dir() {
                wanted.push((tag.clone(), dir));
            } else {
                absent.push(tag.as_str());
            }
        }
        if !absent.is_empty() {
            notes.push(format!(
                "{} of the project's locales have no directory under `{}` and are not checked ({}{})",
                absent.len(),
                display_root,
                absent.iter().take(8).copied().collect::<Vec<_>>().join(", "),
                if absent.len() > 8 { ", …" } else { "" }
            ));
        }

        // Reference files: walk each reference directory once.
        let mut roots: Vec<&PathBuf> = self.paths.iter().map(|p| &p.reference_dir).collect();
        roots.sort();
        roots.dedup();
        let mut top: Vec<&PathBuf> = Vec::new();
        for r in roots {
            if !top.iter().any(|t| r.starts_with(t)) {
                top.push(r);
            }
        }
        // rel → (path, indices of the `[[paths]]` entries covering it)
        let mut reference_files: BTreeMap<String, (PathBuf, Vec<usize>)> = BTreeMap::new();
        for root in top {
            for file in ftl_files(root, &allowed, opts.follow_links) {
                let mut rel = None;
                let mut covering = Vec::new();
                for (i, p) in self.paths.iter().enumerate() {
                    if let Some(r) = p.rel_of_reference(&file) {
                        if rel.is_none() {
                            rel = Some(r);
                        }
                        covering.push(i);
                    }
                }
                if let Some(rel) = rel.filter(|r| opts.files.wants(r)) {
                    reference_files.entry(rel).or_insert((file, covering));
                }
            }
        }
        let reference_langid = parse_locale_tag(&reference).unwrap_or_default();
        let reference_dir = self.l10n_root.join(&reference);
        let list: Vec<(PathBuf, String, String)> = reference_files
            .iter()
            .map(|(rel, (p, _))| (p.clone(), rel.clone(), p.display().to_string()))
            .collect();
        let reference_source = LocaleSource::new(
            reference.clone(),
            reference_langid,
            reference_dir,
            file_refs(list),
            Vec::new(),
            HashSet::new(),
        );

        let mut translations: Vec<LocaleSource> = wanted
            .into_par_iter()
            .filter_map(|(tag, dir)| {
                let langid = parse_locale_tag(&tag)?;
                let applicable: Vec<&PathRule> =
                    self.paths.iter().filter(|p| p.applies_to(&tag)).collect();
                let list: Vec<(PathBuf, String, String)> =
                    ftl_files(&dir, &allowed, opts.follow_links)
                        .into_iter()
                        .filter_map(|file| {
                            let rel = slash(file.strip_prefix(&dir).ok()?);
                            (opts.files.wants(&rel)
                                && applicable.iter().any(|p| p.covers_l10n(&rel)))
                            .then(|| {
                                let shown = file.display().to_string();
                                (file, rel, shown)
                            })
                        })
                        .collect();
                let out_of_scope = reference_files
                    .iter()
                    .filter(|(_, (_, covering))| {
                        !covering.iter().any(|&i| self.paths[i].applies_to(&tag))
                    })
                    .map(|(rel, _)| rel.clone())
                    .collect();
                Some(LocaleSource::new(
                    tag,
                    langid,
                    dir,
                    file_refs(list),
                    Vec::new(),
                    out_of_scope,
                ))
            })
            .collect();
        translations.sort_by(|a, b| a.tag.cmp(&b.tag));
        let mut locales = vec![reference_source];
        locales.extend(translations);
        let glossary =
            crate::project::glossary_of(&self.l10n_root, &mut locales, opts.follow_links);
        Ok(Tree {
            root: self.l10n_root.clone(),
            display_root,
            locales,
            notes,
            glossary,
        })
    }
}

/// The `.ftl` files under `dir`, sorted (an unreadable directory is left out). As in a locale
/// tree, links are followed only with `follow` and only to places inside `roots` (canonical:
/// the project's base path and locale directory); special files are left out, never opened.
fn ftl_files(dir: &Path, roots: &[PathBuf], follow: bool) -> Vec<PathBuf> {
    let inside =
        |p: &Path| std::fs::canonicalize(p).is_ok_and(|c| roots.iter().any(|r| c.starts_with(r)));
    if !inside(dir) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(follow)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let Ok(e) = entry else { continue };
        if e.path_is_symlink() && e.depth() > 0 && !(follow && inside(e.path())) {
            if e.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl") {
            out.push(e.into_path());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_part_and_tail() {
        assert_eq!(
            split_fixed("en/firefox/*.ftl"),
            (vec!["en", "firefox"], "*.ftl".into())
        );
        assert_eq!(
            split_fixed("en/firefox/welcome/page1.ftl"),
            (vec!["en", "firefox", "welcome"], "page1.ftl".into())
        );
        assert_eq!(
            split_fixed("en/banners/**/*.ftl"),
            (vec!["en", "banners"], "**/*.ftl".into())
        );
    }

    fn var(raw: &str) -> Var {
        Var {
            raw: raw.into(),
            at: "l10n.toml:1:1".into(),
        }
    }

    #[test]
    fn expansion_keeps_locale_and_unknown_names_and_counts_each_value_once() {
        let parent = Env {
            vars: BTreeMap::from([("a".into(), var("x")), ("b".into(), var("{a}{a}"))]),
            parent: None,
        };
        let env = Env {
            vars: BTreeMap::from([("a".into(), var("y"))]),
            parent: Some(Rc::new(parent)),
        };
        let mut total = 0;
        let mut ex = Expander::new(&env, &mut total);
        let out = ex.text("{locale}/{b}/{{a}}/{c}/{b}").ok().unwrap();
        // The file's own `a` hides its parent's, in the parent's values too.
        assert_eq!(out, "{locale}/yy/{y}/{c}/yy");
        drop(ex);
        assert_eq!(total, 3, "`a` and `b` expanded once each");
    }

    #[test]
    fn an_unclosed_run_of_braces_is_too_long_not_slow() {
        let env = Env::default();
        let mut total = 0;
        let mut ex = Expander::new(&env, &mut total);
        let text = format!("{}}}", "{".repeat(1 << 22));
        assert!(matches!(ex.text(&text), Err(ExpandError::TooLong)));
        assert!(matches!(
            ex.text(&"}".repeat(1 << 22)),
            Err(ExpandError::TooLong)
        ));
    }

    #[test]
    fn normalize_resolves_parent_directories() {
        assert_eq!(normalize(Path::new("a/configs/..")), PathBuf::from("a"));
        assert_eq!(
            normalize(Path::new("../x/./y/../z")),
            PathBuf::from("../x/z")
        );
        assert_eq!(normalize(Path::new("configs/..")), PathBuf::from("."));
        assert_eq!(slash(&normalize(Path::new("/tmp/a/configs/.."))), "/tmp/a");
    }
}
