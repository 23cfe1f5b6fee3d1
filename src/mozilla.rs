//! Mozilla project configurations (`l10n.toml`, as read by compare-locales): which reference
//! files exist, where each locale's files are, which locales translate which paths, and filters.
//!
//! Supported: `basepath`, `locales`, `[env]`, `[[paths]]` (`reference`, `l10n`, `locales`),
//! `[[filters]]` (`path`, `key`, `action`), `[[includes]]` (`path`). Patterns may use `*`, `**`,
//! `{locale}`, `{l10n_base}` (the project's base path) and `[env]` names. Every `l10n` pattern
//! must put `{locale}` under the same directory, and a `reference` and its `l10n` pattern must
//! end in the same wildcard part (`en/firefox/**/*.ftl` ↔ `{locale}/firefox/**/*.ftl`), which
//! is how compare-locales pairs files too.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use rayon::prelude::*;
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::filter::{Action, FilterRule, KeyMatch, ProjectFilters};
use crate::project::{
    file_refs, parse_locale_tag, LoadError, LoadOptions, LocaleSource, Tree, TreeSource,
};

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
    reference: Option<String>,
    l10n: String,
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
    path: String,
}

#[derive(Debug, Deserialize)]
struct RawProject {
    basepath: Option<String>,
    #[serde(default)]
    locales: Vec<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    #[serde(default)]
    paths: Vec<RawPath>,
    #[serde(default)]
    filters: Vec<RawFilter>,
    #[serde(default)]
    includes: Vec<RawInclude>,
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

struct Builder {
    locales: BTreeSet<String>,
    l10n_root: Option<PathBuf>,
    paths: Vec<PathRule>,
    filters: Vec<FilterRule>,
    seen: HashSet<PathBuf>,
}

impl ProjectConfig {
    /// Reads a project configuration and the ones it includes.
    pub fn load(path: &Path) -> Result<ProjectConfig, ProjectError> {
        let mut b = Builder {
            locales: BTreeSet::new(),
            l10n_root: None,
            paths: Vec::new(),
            filters: Vec::new(),
            seen: HashSet::new(),
        };
        let basepath = b.read(path, &BTreeMap::new(), None)?;
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
        })
    }
}

impl Builder {
    /// Reads one file; returns its base path.
    fn read(
        &mut self,
        path: &Path,
        parent_env: &BTreeMap<String, String>,
        l10n_base: Option<&Path>,
    ) -> Result<PathBuf, ProjectError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ProjectError::Read {
            path: shown.clone(),
            source,
        })?;
        let raw: RawProject = toml::from_str(&text).map_err(|e| ProjectError::Parse {
            path: shown.clone(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let basepath = normalize(&dir.join(raw.basepath.as_deref().unwrap_or(".")));
        let l10n_base = l10n_base.map_or_else(|| basepath.clone(), Path::to_path_buf);
        let mut env = parent_env.clone();
        env.extend(raw.env.clone());
        env.insert("l10n_base".into(), l10n_base.display().to_string());
        let unsupported = |message: String| ProjectError::Unsupported {
            path: shown.clone(),
            message,
        };
        let expand = |pattern: &str| -> Result<String, ProjectError> {
            let mut s = pattern.to_string();
            for _ in 0..10 {
                let mut changed = false;
                for (k, v) in &env {
                    let name = format!("{{{k}}}");
                    if s.contains(&name) {
                        s = s.replace(&name, v);
                        changed = true;
                    }
                }
                if !changed {
                    break;
                }
            }
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
                slash(&normalize(p))
            } else {
                slash(&normalize(&basepath.join(p)))
            })
        };
        if self.seen.insert(normalize(path)) {
            self.locales.extend(raw.locales.iter().cloned());
        }
        for (i, p) in raw.paths.iter().enumerate() {
            let n = i + 1;
            let l10n = expand(&p.l10n)?;
            let Some((root, rest)) = split_locale(&l10n) else {
                return Err(unsupported(format!(
                    "`[[paths]]` entry {n}: the `l10n` pattern `{}` has no `{{locale}}/` directory",
                    p.l10n
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
            let reference_full = expand(reference)?;
            let (ref_fixed, ref_tail) = split_fixed(&reference_full);
            let (l10n_fixed, l10n_tail) = split_fixed(rest);
            if ref_tail != l10n_tail {
                return Err(unsupported(format!(
                    "`[[paths]]` entry {n}: `{reference}` and `{}` differ after their fixed directories (`{ref_tail}` and `{l10n_tail}`), so their files cannot be paired",
                    p.l10n
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
        for (i, f) in raw.filters.iter().enumerate() {
            let n = i + 1;
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
                let full = expand(&p)?;
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
        for inc in &raw.includes {
            let target = expand(&inc.path)?;
            let target = PathBuf::from(target);
            if self.seen.contains(&normalize(&target)) {
                continue;
            }
            self.read(&target, &env, Some(&l10n_base))?;
        }
        Ok(basepath)
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
            for file in ftl_files(root) {
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
                let list: Vec<(PathBuf, String, String)> = ftl_files(&dir)
                    .into_iter()
                    .filter_map(|file| {
                        let rel = slash(file.strip_prefix(&dir).ok()?);
                        (opts.files.wants(&rel) && applicable.iter().any(|p| p.covers_l10n(&rel)))
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

/// The `.ftl` files under `dir`, sorted (an unreadable directory is left out).
fn ftl_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl"))
        .map(|e| e.into_path())
        .collect()
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
