//! Discovering a locale tree on disk, reading its files, and parsing each file once.

/// The maps keyed by message id and file path: looked up for every entry of every rule, so
/// hashed with foldhash (randomly seeded) rather than SipHash.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::ops::Range;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{self, Entry, Pattern};
use fluent_syntax::parser::ParserError;
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::fluent::{offset_in, parts, pattern_slices};
use crate::index::{outline, IndexBuilder, LocaleIndex};
use crate::parse::{parse_guarded, TooDeep};
use crate::source::{decode, Decoded, LineIndex};

/// Errors that stop leaflint from checking a tree at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("path `{0}` does not exist")]
    Missing(String),
    #[error("path `{0}` is not a directory of locales")]
    NotADirectory(String),
    #[error("cannot read directory `{path}`")]
    ReadDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("leaflint failed while reading the tree (an internal error: a bug in leaflint or a library it uses)")]
    Internal,
    #[error(
        "`{first}` and `{second}` name the same locale (tags are not case-sensitive): keep one"
    )]
    SameLocale { first: String, second: String },
    #[error("no reference locale `{reference}` in `{path}` (locales found: {found}){hint}")]
    NoReference {
        reference: String,
        path: String,
        found: String,
        /// `; …` advice, or empty.
        hint: String,
    },
    #[error("path `{path}` does not exist; did you mean `{suggestion}`?")]
    MissingLike { path: String, suggestion: String },
    #[error("`{path}` is a file, not a tree of locale directories: check the tree that holds it, `{tree}`")]
    FileNotTree { path: String, tree: String },
    #[error("`{path}` is the directory of locale `{tag}`, not a tree of locale directories: check the tree that holds it, `{tree}`")]
    LocaleDirNotTree {
        path: String,
        tag: String,
        tree: String,
    },
    #[error("no translations to compare in `{path}`: it has only the reference locale `{reference}`{hint}")]
    NoTranslations {
        path: String,
        reference: String,
        hint: String,
    },
    #[error("locale `{locale}` was asked for but `{path}` has no such directory (locales found: {found})")]
    UnknownLocale {
        locale: String,
        path: String,
        found: String,
    },
}

/// Where a tree's files come from when it is not one directory of locale directories (a
/// Mozilla project configuration, say): the front end describes it, the engine loads it.
pub trait TreeSource: std::fmt::Debug + Send + Sync {
    fn load(&self, opts: &LoadOptions) -> Result<Tree, LoadError>;
}

/// Which locales to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The reference locale tag; `None` means `en`, or the single `en-*` directory.
    pub reference: Option<String>,
    /// Translation locales to check; empty means all.
    pub locales: Vec<String>,
    /// Locale directory names mapped to the tags they stand for (`sv-SE` → `sv`).
    pub aliases: std::collections::BTreeMap<String, String>,
    /// Which files to read, by path relative to the locale directory.
    pub files: FileSelect,
    /// Follow symbolic links that stay inside the tree (`--follow-links`). Links that leave
    /// the tree are never followed.
    pub follow_links: bool,
    /// Read what `.gitignore`, `.ignore` and git's exclude files leave out, and hidden files
    /// (`--no-ignore`).
    pub no_ignore: bool,
}

/// A walker of `dir` that leaves out what `.gitignore` (inside a git repository or not, as
/// ruff does), `.ignore`, `.git/info/exclude` and the global git excludes name, and hidden
/// entries, unless `no_ignore`; sorted by file name.
fn walker(dir: &Path, no_ignore: bool, follow: bool) -> ignore::WalkBuilder {
    let mut b = ignore::WalkBuilder::new(dir);
    b.standard_filters(!no_ignore)
        .require_git(false)
        .follow_links(follow)
        .sort_by_file_name(|a, b| a.cmp(b));
    b
}

/// The directories directly under `root` that the ignore files and hidden-file rule leave in.
fn kept_top_level(root: &Path, no_ignore: bool) -> std::collections::HashSet<PathBuf> {
    walker(root, no_ignore, false)
        .max_depth(Some(1))
        .build()
        .filter_map(|e| e.ok())
        .filter(|e| e.depth() == 1)
        .map(|e| e.into_path())
        .collect()
}

/// The path and whether it is a link loop, of a walk error.
fn walk_error_parts(err: &ignore::Error) -> (Option<PathBuf>, bool) {
    match err {
        ignore::Error::WithPath { path, err } => {
            let (_, looped) = walk_error_parts(err);
            (Some(path.clone()), looped)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_parts(err)
        }
        ignore::Error::Loop { child, .. } => (Some(child.clone()), true),
        _ => (None, false),
    }
}

/// Which files of each locale to read, by path relative to the locale directory.
#[derive(Debug, Clone, Default)]
pub struct FileSelect {
    pub include: Option<globset::GlobSet>,
    pub exclude: Option<globset::GlobSet>,
}

impl FileSelect {
    /// Whether the file at `rel` (relative to its locale directory, `/`-separated) is read.
    pub fn wants(&self, rel: &str) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

/// A problem reading something inside the tree (reported as `io-error`, not fatal).
#[derive(Debug, Clone)]
pub struct IoProblem {
    pub path: String,
    pub message: String,
}

/// One `.ftl` file as read from disk.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the locale directory, with `/` separators; files match across locales by it.
    pub rel: String,
    /// Path for display, as given on the command line joined with the relative path.
    pub path: String,
    pub decoded: Decoded,
    pub lines: LineIndex,
    /// The file's position in its locale's list of files ([`LocaleSource::files`]), which is
    /// how the symbol index names it.
    pub number: usize,
}

impl SourceFile {
    /// Decodes a file's bytes (see [`decode`]) and indexes its lines.
    pub fn from_bytes(rel: String, path: String, bytes: Vec<u8>) -> SourceFile {
        let decoded = decode(bytes);
        let lines = LineIndex::new(&decoded.text);
        SourceFile {
            rel,
            path,
            decoded,
            lines,
            number: 0,
        }
    }

    pub fn text(&self) -> &str {
        &self.decoded.text
    }
}

/// Where a file's bytes come from.
#[derive(Debug, Clone)]
enum Origin {
    Disk(PathBuf),
    Memory(std::sync::Arc<[u8]>),
}

/// A `.ftl` file of a locale, named but not held in memory: files are read when the symbol
/// index is built and again when their path is checked, so that only a few are held at once.
#[derive(Debug, Clone)]
pub struct FileRef {
    /// Path relative to the locale directory, with `/` separators.
    pub rel: String,
    /// Path for display.
    pub path: String,
    origin: Origin,
}

impl FileRef {
    pub fn on_disk(disk: PathBuf, rel: String, path: String) -> FileRef {
        FileRef {
            rel,
            path,
            origin: Origin::Disk(disk),
        }
    }

    pub fn in_memory(rel: String, path: String, bytes: Vec<u8>) -> FileRef {
        FileRef {
            rel,
            path,
            origin: Origin::Memory(bytes.into()),
        }
    }

    /// Where the file is on disk, unless it is held in memory.
    pub fn disk_path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::Disk(p) => Some(p),
            Origin::Memory(_) => None,
        }
    }

    /// Reads the file's bytes.
    fn bytes(&self) -> Result<Vec<u8>, IoProblem> {
        let bytes = match &self.origin {
            Origin::Disk(p) => crate::source::read_limited(p, crate::source::MAX_FILE_BYTES)
                .map_err(|e| IoProblem {
                    path: self.path.clone(),
                    message: e.to_string(),
                })?,
            Origin::Memory(b) => b.to_vec(),
        };
        // A UTF-16 file read as UTF-8 would be one decoding error, a syntax error and every
        // message missing: it is one problem, and the file is not checked.
        if let Some(encoding) = crate::source::wide_encoding(&bytes) {
            return Err(IoProblem {
                path: self.path.clone(),
                message: format!(
                    "the file is not UTF-8: it looks like {encoding}; save it as UTF-8 to have it checked"
                ),
            });
        }
        Ok(bytes)
    }

    /// Reads and decodes the file; `number` is its position in its locale's list.
    pub fn read(&self, number: usize) -> Result<SourceFile, IoProblem> {
        let mut file = SourceFile::from_bytes(self.rel.clone(), self.path.clone(), self.bytes()?);
        file.number = number;
        Ok(file)
    }

    /// Reads and decodes the file's text only (no line index), for the symbol index.
    pub fn read_text(&self) -> Result<String, IoProblem> {
        Ok(decode(self.bytes()?).text)
    }
}

/// One locale directory and its files.
#[derive(Debug)]
pub struct LocaleSource {
    pub tag: String,
    pub langid: LanguageIdentifier,
    pub dir: PathBuf,
    /// The readable files, sorted by `rel`.
    pub files: Vec<FileRef>,
    pub problems: Vec<IoProblem>,
    /// Reference files (by `rel`) this locale is not expected to translate (a Mozilla project's
    /// per-path `locales` lists).
    pub out_of_scope: std::collections::HashSet<String>,
    /// Where each message and term of the locale is defined (see [`crate::index`]).
    pub index: LocaleIndex,
}

impl LocaleSource {
    /// A locale of `files`: reads each file once (in parallel) to build the symbol index, and
    /// moves the ones that cannot be read to `problems`.
    pub fn new(
        tag: String,
        langid: LanguageIdentifier,
        dir: PathBuf,
        mut files: Vec<FileRef>,
        mut problems: Vec<IoProblem>,
        out_of_scope: std::collections::HashSet<String>,
    ) -> LocaleSource {
        files.sort_by(|a, b| a.rel.cmp(&b.rel));
        // Each outline goes into the index as soon as its file is scanned, so only the files
        // being scanned are in memory besides the index.
        let builder = std::sync::Mutex::new(IndexBuilder::default());
        let failed: Vec<Option<IoProblem>> = files
            .par_iter()
            .enumerate()
            .map(|(number, f)| match f.read_text() {
                Ok(text) => {
                    let o = outline(&text);
                    drop(text);
                    builder
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .add(number, o);
                    None
                }
                Err(p) => Some(p),
            })
            .collect();
        let mut dropped = Vec::new();
        let mut kept = Vec::with_capacity(files.len());
        for (number, (f, failure)) in files.into_iter().zip(failed).enumerate() {
            match failure {
                None => kept.push(f),
                Some(p) => {
                    dropped.push(number);
                    problems.push(p);
                }
            }
        }
        let index = builder
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .finish(&dropped);
        LocaleSource {
            tag,
            langid,
            dir,
            files: kept,
            problems,
            out_of_scope,
            index,
        }
    }

    /// The position of the file at `rel` in [`LocaleSource::files`].
    pub fn position(&self, rel: &str) -> Option<usize> {
        self.files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()
    }
}

/// A locale tree as read from disk: the owner of every source string.
#[derive(Debug)]
pub struct Tree {
    pub root: PathBuf,
    pub display_root: String,
    /// The reference first, then translations sorted by tag.
    pub locales: Vec<LocaleSource>,
    /// Notes for stderr (ignored directories and the like).
    pub notes: Vec<String>,
    /// The text of the tree's `glossary.txt`, when it has one that could be read (a problem
    /// reading it is an `io-error` of the reference locale).
    pub glossary: Option<String>,
}

/// The name of a tree's do-not-translate list, at the root of the tree.
pub const GLOSSARY_FILE: &str = "glossary.txt";

/// Why a symbolic link inside a tree is not followed, or `None` when it may be: links never
/// lead out of the tree (`root`, canonical), and lead anywhere only with `follow`.
fn link_problem(root: &Path, link: &Path, follow: bool) -> Option<String> {
    let shown = std::fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    match std::fs::canonicalize(link) {
        Err(_) => Some(format!(
            "it is a symbolic link to `{shown}`, which does not exist"
        )),
        Ok(target) if !target.starts_with(root) => Some(format!(
            "link leaves the tree: it is a symbolic link to `{shown}`, outside `{}`; it is not read",
            root.display()
        )),
        Ok(target) if is_ancestor(&target, link) => Some(
            "symbolic link loop: this directory links back to one of its parents".into(),
        ),
        Ok(_) if !follow => Some(format!(
            "it is a symbolic link (to `{shown}`), and links are not followed: pass `--follow-links` to read links that stay inside the tree"
        )),
        Ok(_) => None,
    }
}

/// Whether `target` (canonical) is a directory that holds `link`.
fn is_ancestor(target: &Path, link: &Path) -> bool {
    let here = link
        .parent()
        .and_then(|p| std::fs::canonicalize(p).ok())
        .zip(link.file_name())
        .map(|(p, name)| p.join(name));
    here.is_some_and(|h| h.starts_with(target))
}

/// Why a file found in a tree is not read because of its type, or `None` for a regular file.
fn special_file_problem(kind: std::fs::FileType) -> Option<String> {
    (!kind.is_file() && !kind.is_dir() && !kind.is_symlink())
        .then(|| "not a regular file (a FIFO, device or socket): it is not read".to_string())
}

/// The text of the `glossary.txt` at `root`, if any; a problem reading it becomes an `io-error`
/// of the reference locale (the first of `locales`).
pub fn glossary_of(root: &Path, locales: &mut [LocaleSource], follow: bool) -> Option<String> {
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    match read_glossary(root, &canonical, follow) {
        Ok(text) => text,
        Err(p) => {
            if let Some(reference) = locales.first_mut() {
                reference.problems.push(p);
            }
            None
        }
    }
}

/// Reads the tree's `glossary.txt`, under the same rules as its `.ftl` files.
fn read_glossary(root: &Path, canonical: &Path, follow: bool) -> Result<Option<String>, IoProblem> {
    let path = root.join(GLOSSARY_FILE);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    let problem = |message: String| IoProblem {
        path: path.display().to_string(),
        message,
    };
    if meta.file_type().is_symlink() {
        if let Some(m) = link_problem(canonical, &path, follow) {
            return Err(problem(m));
        }
    } else if let Some(m) = special_file_problem(meta.file_type()) {
        return Err(problem(m));
    }
    crate::source::read_text(&path)
        .map(Some)
        .map_err(|e| problem(format!("{e}; its terms are not used")))
}

/// Whether a directory name is a usable locale tag: valid BCP 47 for `unic-langid`, with a
/// language subtag of two or three letters (longer ones are reserved and never used).
pub fn parse_locale_tag(name: &str) -> Option<LanguageIdentifier> {
    let langid: LanguageIdentifier = name.parse().ok()?;
    let lang = langid.language.as_str();
    if lang.len() < 2 || lang.len() > 3 || lang == "und" {
        return None;
    }
    Some(langid)
}

impl Tree {
    /// Finds the locales under `root` and reads their `.ftl` files (in parallel).
    pub fn load(root: &Path, opts: &LoadOptions) -> Result<Tree, LoadError> {
        let display_root = root.display().to_string();
        let Ok(meta) = std::fs::metadata(root) else {
            return Err(match close_sibling(root) {
                Some(suggestion) => LoadError::MissingLike {
                    path: display_root,
                    suggestion,
                },
                None => LoadError::Missing(display_root),
            });
        };
        if !meta.is_dir() {
            return Err(match tree_holding(root) {
                Some(tree) => LoadError::FileNotTree {
                    path: display_root,
                    tree,
                },
                None => LoadError::NotADirectory(display_root),
            });
        }
        let read = std::fs::read_dir(root).map_err(|source| LoadError::ReadDir {
            path: display_root.clone(),
            source,
        })?;
        let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut notes = Vec::new();
        let mut candidates: Vec<(String, LanguageIdentifier, PathBuf)> = Vec::new();
        // Locale directories whose link is not followed: (tag, why).
        let mut unfollowed: Vec<(String, String)> = Vec::new();
        // Tags seen so far, in lower case, with their directory (tags are not case-sensitive).
        let mut tags: HashMap<String, PathBuf> = HashMap::default();
        // Directories that hold .ftl files under a name that is no locale tag.
        let mut misnamed: Vec<PathBuf> = Vec::new();
        let mut names: Vec<(String, PathBuf, bool)> = read
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| {
                let link = e.file_type().is_ok_and(|t| t.is_symlink());
                (e.file_name().to_string_lossy().into_owned(), e.path(), link)
            })
            .collect();
        names.sort();
        let kept = kept_top_level(root, opts.no_ignore);
        for (name, path, link) in names {
            if name.starts_with('.') {
                continue;
            }
            if !kept.contains(&path) {
                notes.push(format!(
                    "ignoring directory `{}`: an ignore file (`.gitignore`, `.ignore`) leaves it out (`--no-ignore` reads it)",
                    path.display()
                ));
                continue;
            }
            let aliased = opts.aliases.get(&name);
            let mut tag = aliased.unwrap_or(&name).clone();
            match parse_locale_tag(&tag) {
                Some(langid) => {
                    // `sv_SE` (POSIX style) is the tag `sv-SE`.
                    if aliased.is_none() && tag.contains('_') {
                        let canonical_tag = langid.to_string();
                        notes.push(format!(
                            "reading directory `{}` as locale `{canonical_tag}` (locale tags are written with `-`)",
                            path.display()
                        ));
                        tag = canonical_tag;
                    }
                    if let Some(first) = tags.insert(tag.to_ascii_lowercase(), path.clone()) {
                        return Err(LoadError::SameLocale {
                            first: first.display().to_string(),
                            second: path.display().to_string(),
                        });
                    }
                    if link {
                        if let Some(why) = link_problem(&canonical, &path, opts.follow_links) {
                            unfollowed.push((tag.clone(), why));
                        }
                    }
                    candidates.push((tag.clone(), langid, path));
                }
                // A directory of Fluent files that is no locale tag (`Svenska`, `sv_SE.bak`):
                // its translations would go unchecked without a word.
                None if !link && !dir_excluded(&opts.files, &name) && holds_ftl(&path) => {
                    misnamed.push(path)
                }
                None => notes.push(format!(
                    "ignoring directory `{}`: `{name}` is not a locale tag",
                    path.display()
                )),
            }
        }
        let found = || {
            candidates
                .iter()
                .map(|(t, _, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let reference_idx = match &opts.reference {
            Some(r) => candidates
                .iter()
                .position(|(t, _, _)| t.eq_ignore_ascii_case(r)),
            None => candidates
                .iter()
                .position(|(t, _, _)| t == "en")
                .or_else(|| {
                    let en: Vec<usize> = candidates
                        .iter()
                        .enumerate()
                        .filter(|(_, (_, l, _))| l.language.as_str() == "en")
                        .map(|(i, _)| i)
                        .collect();
                    (en.len() == 1).then(|| en[0])
                }),
        };
        let Some(reference_idx) = reference_idx else {
            // `check locales/en`: a locale directory given as the tree.
            let name = root.file_name().map(|n| n.to_string_lossy().into_owned());
            if let Some(tag) =
                name.filter(|n| candidates.is_empty() && parse_locale_tag(n).is_some())
            {
                return Err(LoadError::LocaleDirNotTree {
                    path: display_root,
                    tag,
                    tree: shown_parent(root),
                });
            }
            let english: Vec<&str> = candidates
                .iter()
                .filter(|(_, l, _)| l.language.as_str() == "en")
                .map(|(t, _, _)| t.as_str())
                .collect();
            let hint = if opts.reference.is_none() && english.len() > 1 {
                format!(
                    "; it has several English locales ({}): choose the reference with `--reference {}` or `reference = \"{}\"` in `leaflint.toml`",
                    english.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", "),
                    english[0],
                    english[0]
                )
            } else {
                String::new()
            };
            return Err(LoadError::NoReference {
                hint,
                reference: opts.reference.clone().unwrap_or_else(|| "en".into()),
                path: display_root,
                found: if candidates.is_empty() {
                    "none".into()
                } else {
                    found()
                },
            });
        };
        for wanted in &opts.locales {
            if !candidates
                .iter()
                .any(|(t, _, _)| t.eq_ignore_ascii_case(wanted))
            {
                return Err(LoadError::UnknownLocale {
                    locale: wanted.clone(),
                    path: display_root,
                    found: found(),
                });
            }
        }
        let reference = candidates.remove(reference_idx);
        let mut selected = vec![reference];
        selected.extend(candidates.into_iter().filter(|(t, _, _)| {
            opts.locales.is_empty() || opts.locales.iter().any(|w| w.eq_ignore_ascii_case(t))
        }));

        let mut locales: Vec<LocaleSource> = selected
            .into_par_iter()
            .map(|(tag, langid, dir)| {
                match unfollowed.iter().find(|(t, _)| *t == tag) {
                    // A locale directory that is a link not followed: its one problem.
                    Some((_, why)) => LocaleSource::new(
                        tag,
                        langid,
                        dir.clone(),
                        Vec::new(),
                        vec![IoProblem {
                            path: dir.display().to_string(),
                            message: why.clone(),
                        }],
                        std::collections::HashSet::new(),
                    ),
                    None => read_locale(tag, langid, dir, &canonical, opts),
                }
            })
            .collect();
        let glossary = glossary_of(root, &mut locales, opts.follow_links);
        // A translation directory without any .ftl file is not a locale of this tree.
        let mut kept = Vec::with_capacity(locales.len());
        let mut empty = Vec::new();
        for (i, l) in locales.drain(..).enumerate() {
            if i > 0 && l.files.is_empty() && l.problems.is_empty() {
                empty.push(l.dir.display().to_string());
            } else {
                kept.push(l);
            }
        }
        // A few get a note each; a tree of thousands gets one note, not thousands of lines.
        const LISTED: usize = 3;
        if empty.len() <= LISTED {
            for dir in &empty {
                notes.push(format!(
                    "ignoring directory `{dir}`: it holds no .ftl files"
                ));
            }
        } else {
            let first: Vec<String> = empty[..LISTED].iter().map(|d| format!("`{d}`")).collect();
            notes.push(format!(
                "ignoring {} directories that hold no .ftl files: {} and {} more",
                empty.len(),
                first.join(", "),
                empty.len() - LISTED
            ));
        }
        let misnamed_list = || {
            misnamed
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if kept.len() < 2 {
            let hint = if misnamed.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} hold .ftl files but are not named by a locale tag (rename them, for instance `sv` or `sv-SE`, or map them in `[locale-aliases]`)",
                    misnamed_list()
                )
            };
            return Err(LoadError::NoTranslations {
                path: display_root,
                reference: kept.first().map(|l| l.tag.clone()).unwrap_or_default(),
                hint,
            });
        }
        if let Some(reference) = kept.first_mut() {
            for dir in &misnamed {
                let name = dir.file_name().unwrap_or_default().to_string_lossy();
                reference.problems.push(IoProblem {
                    path: dir.display().to_string(),
                    message: format!(
                        "the directory holds .ftl files, but `{name}` is not a locale tag, so they are not checked: rename it to its BCP 47 tag (such as `sv` or `sv-SE`), map it in `[locale-aliases]`, or exclude it"
                    ),
                });
            }
        }
        Ok(Tree {
            root: root.to_path_buf(),
            display_root,
            locales: kept,
            notes,
            glossary,
        })
    }
}

/// The parent of `path` as shown (`.` for a bare name).
fn shown_parent(path: &Path) -> String {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => ".".into(),
    }
}

/// For a path that does not exist: a sibling with a close name (`locale` → `locales`).
fn close_sibling(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let names = std::fs::read_dir(parent)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .take(10_000)
        .collect::<Vec<_>>();
    let best = crate::diagnostic::closest(&name, names.iter().map(String::as_str))?;
    Some(path.with_file_name(best).display().to_string())
}

/// For a file given as the tree (`locales/en/leaflet.ftl`): the tree holding it, the parent of
/// the nearest enclosing directory named by a locale tag.
fn tree_holding(file: &Path) -> Option<String> {
    let mut dir = file.parent();
    while let Some(d) = dir {
        let name = d.file_name()?.to_string_lossy();
        if parse_locale_tag(&name).is_some() {
            return Some(shown_parent(d));
        }
        dir = d.parent();
    }
    None
}

/// Whether the configuration's `exclude` patterns name a top-level directory (`Svenska` or
/// `Svenska/**`).
fn dir_excluded(select: &FileSelect, name: &str) -> bool {
    select
        .exclude
        .as_ref()
        .is_some_and(|g| g.is_match(name) || g.is_match(format!("{name}/x.ftl")))
}

/// Whether a directory holds a `.ftl` file, looking at a bounded number of entries without
/// following links.
fn holds_ftl(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .max_depth(8)
        .into_iter()
        .take(10_000)
        .filter_map(|e| e.ok())
        .any(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl"))
}

/// Reads one locale directory's file list. Links are followed only with
/// [`LoadOptions::follow_links`] and only while they stay inside the tree (`root`, canonical);
/// special files are listed as problems, never opened.
fn read_locale(
    tag: String,
    langid: LanguageIdentifier,
    dir: PathBuf,
    root: &Path,
    opts: &LoadOptions,
) -> LocaleSource {
    let select = &opts.files;
    // Links are judged before the walker goes into them: one that may not be followed is
    // never entered (its problem is recorded here), so nothing outside the tree is read.
    let link_problems = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut paths = Vec::new();
    let walk = {
        let root = root.to_path_buf();
        let follow = opts.follow_links;
        let sink = std::sync::Arc::clone(&link_problems);
        walker(&dir, opts.no_ignore, follow)
            .filter_entry(move |e| {
                if !(e.path_is_symlink() && e.depth() > 0) {
                    return true;
                }
                let is_ftl = e.path().extension().is_some_and(|x| x == "ftl");
                let Some(why) = link_problem(&root, e.path(), follow) else {
                    return true;
                };
                // A link matters where it could bring Fluent files: a `.ftl` name or a
                // directory.
                if is_ftl || std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()) {
                    if let Ok(mut v) = sink.lock() {
                        v.push(IoProblem {
                            path: e.path().display().to_string(),
                            message: why,
                        });
                    }
                }
                false
            })
            .build()
    };
    let mut problems = Vec::new();
    for entry in walk {
        match entry {
            Ok(e) => {
                let is_ftl = e.path().extension().is_some_and(|x| x == "ftl");
                let Some(kind) = e.file_type() else { continue };
                if is_ftl {
                    if let Some(why) = special_file_problem(kind) {
                        problems.push(IoProblem {
                            path: e.path().display().to_string(),
                            message: why,
                        });
                        continue;
                    }
                }
                if kind.is_file() && is_ftl {
                    let rel = rel_path(&dir, e.path());
                    if select.wants(&rel) {
                        let display = dir
                            .join(rel.replace('/', std::path::MAIN_SEPARATOR_STR))
                            .display()
                            .to_string();
                        paths.push((e.into_path(), rel, display));
                    }
                }
            }
            Err(err) => {
                let (at, looped) = walk_error_parts(&err);
                // A bad line in an ignore file is not a problem of the tree.
                if !looped && err.io_error().is_none() {
                    continue;
                }
                let path = at
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                // A broken link matters only where a Fluent file is expected.
                let link_target = at
                    .as_deref()
                    .filter(|p| p.is_symlink())
                    .and_then(|p| std::fs::read_link(p).ok());
                let not_ftl = at
                    .as_deref()
                    .is_some_and(|p| p.extension().is_none_or(|x| x != "ftl"));
                if !looped && link_target.is_some() && not_ftl {
                    continue;
                }
                let message = if looped {
                    "symbolic link loop: this directory links back to one of its parents".into()
                } else {
                    match (&link_target, err.io_error().map(|e| e.kind())) {
                        (Some(to), Some(std::io::ErrorKind::NotFound)) => format!(
                            "it is a symbolic link to `{}`, which does not exist",
                            to.display()
                        ),
                        _ => err
                            .io_error()
                            .map(|e| e.to_string())
                            .unwrap_or_else(|| err.to_string()),
                    }
                };
                problems.push(IoProblem { path, message });
            }
        }
    }
    if let Ok(mut v) = link_problems.lock() {
        problems.append(&mut v);
    }
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    LocaleSource::new(
        tag,
        langid,
        dir,
        file_refs(paths),
        problems,
        std::collections::HashSet::new(),
    )
}

/// `path` relative to `dir`, with `/` separators.
fn rel_path(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Files on disk: (path on disk, relative path, display path) each.
pub fn file_refs(paths: Vec<(PathBuf, String, String)>) -> Vec<FileRef> {
    paths
        .into_iter()
        .map(|(disk, rel, display)| FileRef::on_disk(disk, rel, display))
        .collect()
}

/// Where a message or term is in its file.
#[derive(Debug, Clone)]
pub struct EntryMeta<'s> {
    /// The id as written: `hello`, or `-brand` for a term.
    pub id: &'s str,
    pub is_term: bool,
    /// Index into the resource body.
    pub body_index: usize,
    /// Position in [`ParsedFile::entries`].
    pub index: usize,
    /// From the start of the id to the end of the entry's last line.
    pub span: Range<usize>,
    pub id_span: Range<usize>,
    /// For an entry with many attributes, their positions sorted by name (then position), so
    /// that looking one up by name is a binary search, not a scan; empty for the usual few.
    pub attributes_by_name: Vec<u32>,
}

/// From how many attributes on an entry [`EntryMeta::attributes_by_name`] is built.
const SORTED_ATTRIBUTES: usize = 16;

/// A message or term with its AST parts.
#[derive(Clone, Copy)]
pub struct EntryView<'a, 's> {
    pub meta: &'a EntryMeta<'s>,
    pub value: Option<&'a Pattern<&'s str>>,
    pub attributes: &'a [ast::Attribute<&'s str>],
    pub comment: Option<&'a ast::Comment<&'s str>>,
}

impl<'a, 's> EntryView<'a, 's> {
    pub fn id(&self) -> &'s str {
        self.meta.id
    }
    /// The value (`None`) or the first attribute called `name`: the pattern of one part.
    pub fn part(&self, attribute: Option<&str>) -> Option<&'a Pattern<&'s str>> {
        match attribute {
            None => self.value,
            Some(name) => self.attribute(name).map(|a| &a.value),
        }
    }

    /// The first attribute called `name`.
    pub fn attribute(&self, name: &str) -> Option<&'a ast::Attribute<&'s str>> {
        let sorted = &self.meta.attributes_by_name;
        if sorted.len() != self.attributes.len() {
            return self.attributes.iter().find(|a| a.id.name == name);
        }
        // The sort is stable: the first of equal names is the first written.
        let at = sorted.partition_point(|&k| self.attributes[k as usize].id.name < name);
        sorted
            .get(at)
            .map(|&k| &self.attributes[k as usize])
            .filter(|a| a.id.name == name)
    }
}

/// One parsed file.
pub struct ParsedFile<'s> {
    pub src: &'s SourceFile,
    pub resource: ast::Resource<&'s str>,
    pub errors: Vec<ParserError>,
    /// Messages and terms in source order.
    pub entries: Vec<EntryMeta<'s>>,
    /// First entry with each id.
    pub by_id: HashMap<&'s str, usize>,
    /// Ids of entries lost to a syntax error, wholly (the junk starts with their id) or in part
    /// (the junk is an indented line, such as a broken attribute, cut off the entry before it).
    pub junk_ids: Vec<&'s str>,
    /// Every entry (in order) of each id defined more than once in the file; ids defined once
    /// are only in `by_id`.
    pub repeats: HashMap<&'s str, Vec<usize>>,
    /// Parts of the file not given to the parser because their placeables nest too deep (see
    /// [`crate::parse::MAX_NESTING`]); each is a junk entry of `resource`.
    pub too_deep: Vec<TooDeep>,
}

impl<'s> ParsedFile<'s> {
    pub fn parse(src: &'s SourceFile) -> ParsedFile<'s> {
        let text = src.text();
        let (resource, errors, too_deep) = parse_guarded(text);
        let mut entries = Vec::new();
        let mut junk_ids = Vec::new();
        let mut slices = Vec::new();
        for (i, entry) in resource.body.iter().enumerate() {
            let (id, value, attributes, is_term) = match entry {
                Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes, false),
                Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes, true),
                Entry::Junk { content } => {
                    // Junk runs from a broken entry to the next line that starts an entry, so
                    // only its first line can hold an id (`dose = …` or `dose …` without `=`).
                    let previous = entries
                        .last()
                        .filter(|e: &&EntryMeta<'s>| e.body_index + 1 == i)
                        .map(|e| e.id);
                    junk_ids.extend(junk_owner(content, previous));
                    continue;
                }
                _ => continue,
            };
            let Some(id_start) = offset_in(text, id) else {
                continue;
            };
            let (id, id_start) = if is_term && id_start > 0 {
                (&text[id_start - 1..id_start + id.len()], id_start - 1)
            } else {
                (id, id_start)
            };
            slices.clear();
            for part in parts(value, attributes) {
                pattern_slices(part.pattern, &mut slices);
            }
            let mut end = id_start + id.len();
            for s in &slices {
                if let Some(o) = offset_in(text, s) {
                    end = end.max(o + s.len());
                }
            }
            // Extend to the end of the last line (closing braces and the like).
            let line = src.lines.line_of(end.saturating_sub(1).max(id_start));
            let line_end = src.lines.line_range(text, line).end;
            end = end.max(line_end);
            let mut attributes_by_name = Vec::new();
            if attributes.len() >= SORTED_ATTRIBUTES {
                attributes_by_name = (0..attributes.len() as u32).collect();
                attributes_by_name.sort_by_key(|&k| attributes[k as usize].id.name);
            }
            entries.push(EntryMeta {
                id,
                is_term,
                body_index: i,
                index: entries.len(),
                span: id_start..end,
                id_span: id_start..id_start + id.len(),
                attributes_by_name,
            });
        }
        let mut by_id = HashMap::with_capacity_and_hasher(entries.len(), Default::default());
        let mut repeats: HashMap<&'s str, Vec<usize>> = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            match by_id.entry(e.id) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(o) => {
                    repeats
                        .entry(e.id)
                        .or_insert_with(|| vec![*o.get()])
                        .push(i);
                }
            }
        }
        ParsedFile {
            src,
            resource,
            errors,
            entries,
            by_id,
            junk_ids,
            repeats,
            too_deep,
        }
    }

    pub fn text(&self) -> &'s str {
        self.src.text()
    }

    pub fn view(&self, index: usize) -> EntryView<'_, 's> {
        let meta = &self.entries[index];
        match &self.resource.body[meta.body_index] {
            Entry::Message(m) => EntryView {
                meta,
                value: m.value.as_ref(),
                attributes: &m.attributes,
                comment: m.comment.as_ref(),
            },
            Entry::Term(t) => EntryView {
                meta,
                value: Some(&t.value),
                attributes: &t.attributes,
                comment: t.comment.as_ref(),
            },
            _ => unreachable!("entries only index messages and terms"),
        }
    }

    pub fn get(&self, id: &str) -> Option<EntryView<'_, 's>> {
        self.by_id.get(id).map(|&i| self.view(i))
    }

    /// Whether a syntax error cost the entry `id` some or all of its text.
    pub fn damaged(&self, id: &str) -> bool {
        self.junk_ids.contains(&id)
    }

    /// The id of the entry that the junk starting at byte `start` belongs to (see [`junk_owner`]).
    pub fn junk_owner_at(&self, start: usize) -> Option<&'s str> {
        let text = self.text();
        let i = self.resource.body.iter().position(
            |e| matches!(e, Entry::Junk { content } if offset_in(text, content) == Some(start)),
        )?;
        let Entry::Junk { content } = &self.resource.body[i] else {
            return None;
        };
        let previous = self
            .entries
            .iter()
            .rev()
            .find(|e| e.body_index < i)
            .filter(|e| e.body_index + 1 == i)
            .map(|e| e.id);
        junk_owner(content, previous)
    }

    pub fn views(&self) -> impl Iterator<Item = EntryView<'_, 's>> {
        (0..self.entries.len()).map(|i| self.view(i))
    }

    /// Byte offset of a borrowed slice, or the entry start when the slice is not from the source.
    pub fn offset(&self, slice: &str) -> Option<usize> {
        offset_in(self.text(), slice)
    }
}

/// The entry a junk entry belongs to: the id at its start, or, when the junk starts with an
/// indented line (an attribute or value line the parser could not attach), `previous`: the id of
/// the entry right before the junk.
pub fn junk_owner<'s>(junk: &'s str, previous: Option<&'s str>) -> Option<&'s str> {
    let first = junk.lines().find(|l| !l.trim().is_empty())?;
    if first.starts_with([' ', '\t']) {
        return previous;
    }
    junk_id(junk)
}

/// The id at the start of a junk entry (the text a syntax error made the parser skip), if its
/// first line that is not a comment starts with something shaped like a message or term id.
pub fn junk_id(junk: &str) -> Option<&str> {
    let line = junk
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))?;
    let id = line.split(|c: char| c == '=' || c.is_whitespace()).next()?;
    let body = id.strip_prefix('-').unwrap_or(id);
    let valid = body.starts_with(|c: char| c.is_ascii_alphabetic())
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then_some(id)
}

/// A locale with its parsed files (of one path, or all of them).
pub struct Locale<'s> {
    pub source: &'s LocaleSource,
    pub files: Vec<ParsedFile<'s>>,
    pub by_rel: HashMap<&'s str, usize>,
}

impl<'s> Locale<'s> {
    pub fn tag(&self) -> &'s str {
        &self.source.tag
    }

    pub fn file(&self, rel: &str) -> Option<&ParsedFile<'s>> {
        self.by_rel.get(rel).map(|&i| &self.files[i])
    }
}

/// Files read for checking: per locale (in the tree's order), the files read, each knowing its
/// position in its locale's list ([`SourceFile::number`]).
#[derive(Debug, Default)]
pub struct Sources {
    pub locales: Vec<Vec<SourceFile>>,
    /// Files that could no longer be read (they were readable when the index was built):
    /// locale index and problem.
    pub problems: Vec<(usize, IoProblem)>,
}

impl Tree {
    /// Reads every file of every locale (for embedders and benchmarks; checking reads one path
    /// at a time with [`Tree::read_path`]).
    pub fn read_all(&self) -> Sources {
        self.read_numbers(|l| 0..l.files.len())
    }

    /// Reads the file at relative path `rel` of every locale that has it.
    pub fn read_path(&self, rel: &str) -> Sources {
        self.read_numbers(|l| l.position(rel).map_or(0..0, |n| n..n + 1))
    }

    /// Reads, in each locale, the files whose numbers `numbers` gives.
    fn read_numbers(&self, numbers: impl Fn(&LocaleSource) -> Range<usize>) -> Sources {
        let mut sources = Sources::default();
        for (li, locale) in self.locales.iter().enumerate() {
            let mut files = Vec::new();
            for number in numbers(locale) {
                match locale.files[number].read(number) {
                    Ok(src) => files.push(src),
                    Err(p) => sources.problems.push((li, p)),
                }
            }
            sources.locales.push(files);
        }
        sources
    }
}

/// The parsed files of a tree (all of them, or the files of one path): the reference locale
/// first, every locale of the tree present.
pub struct Project<'s> {
    pub locales: Vec<Locale<'s>>,
    /// Files that could no longer be read when their path was checked: locale index and
    /// problem ([`Sources::problems`]).
    pub unread: &'s [(usize, IoProblem)],
}

impl<'s> Project<'s> {
    /// The path of a finding's file relative to its locale directory.
    pub fn rel_of(&self, d: &Diagnostic) -> String {
        if let Some(id) = d.file {
            return self.locales[id.locale].files[id.file].src.rel.clone();
        }
        let dir = &self.locales[d.locale].source.dir;
        match Path::new(&d.path).strip_prefix(dir) {
            Ok(rel) => rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => d.path.clone(),
        }
    }

    /// Parses each of `sources` once, in parallel.
    pub fn parse(tree: &'s Tree, sources: &'s Sources) -> Project<'s> {
        let locales = tree
            .locales
            .par_iter()
            .zip(sources.locales.par_iter())
            .map(|(source, read)| {
                let files: Vec<ParsedFile<'s>> = read.par_iter().map(ParsedFile::parse).collect();
                let by_rel = files
                    .iter()
                    .enumerate()
                    .map(|(fi, f)| (f.src.rel.as_str(), fi))
                    .collect();
                Locale {
                    source,
                    files,
                    by_rel,
                }
            })
            .collect();
        Project {
            locales,
            unread: &sources.problems,
        }
    }

    pub fn reference(&self) -> &Locale<'s> {
        &self.locales[0]
    }

    /// Whether the file of locale `locale` at display path `path` exists but could not be read,
    /// when the tree was loaded or when its path was checked (already an `io-error`).
    pub fn unreadable(&self, locale: usize, path: &str) -> bool {
        self.locales[locale]
            .source
            .problems
            .iter()
            .any(|p| p.path == path)
            || self
                .unread
                .iter()
                .any(|(l, p)| *l == locale && p.path == path)
    }

    pub fn message_count(&self) -> usize {
        self.locales
            .iter()
            .flat_map(|l| &l.files)
            .map(|f| f.entries.len())
            .sum()
    }

    pub fn file_count(&self) -> usize {
        self.locales.iter().map(|l| l.files.len()).sum()
    }
}

impl Tree {
    /// A tree that never touched a disk, for fuzzing, benchmarks and embedders: `files` are
    /// (locale tag, path relative to the locale directory, bytes). Files are decoded and indexed as
    /// [`Tree::load`] does; the reference locale comes first, then the others sorted by tag.
    pub fn from_memory(
        reference: &str,
        files: Vec<(String, String, Vec<u8>)>,
    ) -> Result<Tree, LoadError> {
        let root = PathBuf::from("<memory>");
        let mut by_tag: std::collections::BTreeMap<String, Vec<FileRef>> =
            std::collections::BTreeMap::new();
        for (tag, rel, bytes) in files {
            let path = root.join(&tag).join(&rel).display().to_string();
            by_tag
                .entry(tag)
                .or_default()
                .push(FileRef::in_memory(rel, path, bytes));
        }
        let found = by_tag.keys().cloned().collect::<Vec<_>>().join(", ");
        let Some(reference_files) = by_tag.remove(reference) else {
            return Err(LoadError::NoReference {
                reference: reference.to_string(),
                path: root.display().to_string(),
                found: if found.is_empty() {
                    "none".into()
                } else {
                    found
                },
                hint: String::new(),
            });
        };
        let mut locales = Vec::new();
        for (tag, files) in std::iter::once((reference.to_string(), reference_files)).chain(by_tag)
        {
            let Some(langid) = parse_locale_tag(&tag) else {
                return Err(LoadError::NotADirectory(
                    root.join(&tag).display().to_string(),
                ));
            };
            locales.push(LocaleSource::new(
                tag.clone(),
                langid,
                root.join(&tag),
                files,
                Vec::new(),
                std::collections::HashSet::new(),
            ));
        }
        Ok(Tree {
            display_root: root.display().to_string(),
            root,
            locales,
            notes: Vec::new(),
            glossary: None,
        })
    }
}
