//! Discovering a locale tree on disk, reading its files, and parsing each file once.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{self, Entry, Pattern};
use fluent_syntax::parser::ParserError;
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::fluent::{offset_in, parts, pattern_slices};
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
    #[error("no reference locale `{reference}` in `{path}` (locales found: {found})")]
    NoReference {
        reference: String,
        path: String,
        found: String,
    },
    #[error("locale `{locale}` was asked for but `{path}` has no such directory (locales found: {found})")]
    UnknownLocale {
        locale: String,
        path: String,
        found: String,
    },
}

/// Which locales to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The reference locale tag; `None` means `en`, or the single `en-*` directory.
    pub reference: Option<String>,
    /// Translation locales to check; empty means all.
    pub locales: Vec<String>,
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
}

impl SourceFile {
    pub fn text(&self) -> &str {
        &self.decoded.text
    }
}

/// One locale directory and its files.
#[derive(Debug)]
pub struct LocaleSource {
    pub tag: String,
    pub langid: LanguageIdentifier,
    pub dir: PathBuf,
    /// Sorted by `rel`.
    pub files: Vec<SourceFile>,
    pub problems: Vec<IoProblem>,
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
        let meta = std::fs::metadata(root).map_err(|_| LoadError::Missing(display_root.clone()))?;
        if !meta.is_dir() {
            return Err(LoadError::NotADirectory(display_root));
        }
        let read = std::fs::read_dir(root).map_err(|source| LoadError::ReadDir {
            path: display_root.clone(),
            source,
        })?;
        let mut notes = Vec::new();
        let mut candidates: Vec<(String, LanguageIdentifier, PathBuf)> = Vec::new();
        let mut names: Vec<(String, PathBuf)> = read
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .collect();
        names.sort();
        for (name, path) in names {
            if name.starts_with('.') {
                continue;
            }
            match parse_locale_tag(&name) {
                Some(langid) => candidates.push((name, langid, path)),
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
            return Err(LoadError::NoReference {
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
            .map(|(tag, langid, dir)| read_locale(root, tag, langid, dir))
            .collect();
        // A translation directory without any .ftl file is not a locale of this tree.
        let mut kept = Vec::with_capacity(locales.len());
        for (i, l) in locales.drain(..).enumerate() {
            if i > 0 && l.files.is_empty() && l.problems.is_empty() {
                notes.push(format!(
                    "ignoring directory `{}`: it holds no .ftl files",
                    l.dir.display()
                ));
            } else {
                kept.push(l);
            }
        }
        Ok(Tree {
            root: root.to_path_buf(),
            display_root,
            locales: kept,
            notes,
        })
    }
}

fn read_locale(root: &Path, tag: String, langid: LanguageIdentifier, dir: PathBuf) -> LocaleSource {
    let mut problems = Vec::new();
    let mut paths = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl") {
                    paths.push(e.into_path());
                }
            }
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                let message = if err.loop_ancestor().is_some() {
                    "symbolic link loop: this directory links back to one of its parents".into()
                } else {
                    err.io_error()
                        .map(|e| e.to_string())
                        .unwrap_or_else(|| err.to_string())
                };
                problems.push(IoProblem { path, message });
            }
        }
    }
    let results: Vec<Result<SourceFile, IoProblem>> = paths
        .into_par_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(&dir)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let display = root
                .join(&tag)
                .join(rel.replace('/', std::path::MAIN_SEPARATOR_STR))
                .display()
                .to_string();
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let decoded = decode(bytes);
                    let lines = LineIndex::new(&decoded.text);
                    Ok(SourceFile {
                        rel,
                        path: display,
                        decoded,
                        lines,
                    })
                }
                Err(e) => Err(IoProblem {
                    path: display,
                    message: e.to_string(),
                }),
            }
        })
        .collect();
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(p) => problems.push(p),
        }
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    LocaleSource {
        tag,
        langid,
        dir,
        files,
        problems,
    }
}

/// Where a message or term is in its file.
#[derive(Debug, Clone)]
pub struct EntryMeta<'s> {
    /// The id as written: `hello`, or `-brand` for a term.
    pub id: &'s str,
    pub is_term: bool,
    /// Index into the resource body.
    pub body_index: usize,
    /// From the start of the id to the end of the entry's last line.
    pub span: Range<usize>,
    pub id_span: Range<usize>,
}

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
    pub fn attribute(&self, name: &str) -> Option<&'a ast::Attribute<&'s str>> {
        self.attributes.iter().find(|a| a.id.name == name)
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
    /// Ids that appear to start junk entries (entries lost to a syntax error).
    pub junk_ids: Vec<&'s str>,
}

impl<'s> ParsedFile<'s> {
    pub fn parse(src: &'s SourceFile) -> ParsedFile<'s> {
        let text = src.text();
        let (resource, errors) = match fluent_syntax::parser::parse(text) {
            Ok(r) => (r, Vec::new()),
            Err((r, e)) => (r, e),
        };
        let mut entries = Vec::new();
        let mut junk_ids = Vec::new();
        let mut slices = Vec::new();
        for (i, entry) in resource.body.iter().enumerate() {
            let (id, value, attributes, is_term) = match entry {
                Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes, false),
                Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes, true),
                Entry::Junk { content } => {
                    for line in content.lines() {
                        if let Some((id, _)) = line.split_once('=') {
                            let id = id.trim_end();
                            if !id.is_empty()
                                && !line.starts_with([' ', '#'])
                                && id
                                    .chars()
                                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                            {
                                junk_ids.push(id);
                            }
                        }
                    }
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
            entries.push(EntryMeta {
                id,
                is_term,
                body_index: i,
                span: id_start..end,
                id_span: id_start..id_start + id.len(),
            });
        }
        let mut by_id = HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_id.entry(e.id).or_insert(i);
        }
        ParsedFile {
            src,
            resource,
            errors,
            entries,
            by_id,
            junk_ids,
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

    pub fn views(&self) -> impl Iterator<Item = EntryView<'_, 's>> {
        (0..self.entries.len()).map(|i| self.view(i))
    }

    /// Byte offset of a borrowed slice, or the entry start when the slice is not from the source.
    pub fn offset(&self, slice: &str) -> Option<usize> {
        offset_in(self.text(), slice)
    }
}

/// Where an entry with a given id lives in a locale: file index and entry index.
pub type EntryLoc = (usize, usize);

/// A locale with its parsed files and an index of its ids across files.
pub struct Locale<'s> {
    pub source: &'s LocaleSource,
    pub files: Vec<ParsedFile<'s>>,
    pub by_rel: HashMap<&'s str, usize>,
    /// Every definition of every id across the locale's files, in file order.
    pub ids: HashMap<&'s str, Vec<EntryLoc>>,
}

impl<'s> Locale<'s> {
    pub fn tag(&self) -> &'s str {
        &self.source.tag
    }

    pub fn file(&self, rel: &str) -> Option<&ParsedFile<'s>> {
        self.by_rel.get(rel).map(|&i| &self.files[i])
    }

    /// The first definition of `id` anywhere in the locale.
    pub fn lookup(&self, id: &str) -> Option<(&ParsedFile<'s>, EntryView<'_, 's>)> {
        let &(f, e) = self.ids.get(id)?.first()?;
        let file = &self.files[f];
        Some((file, file.view(e)))
    }
}

/// The parsed tree: the reference locale first.
pub struct Project<'s> {
    pub tree: &'s Tree,
    pub locales: Vec<Locale<'s>>,
}

impl<'s> Project<'s> {
    /// Parses every file of the tree once, in parallel.
    pub fn parse(tree: &'s Tree) -> Project<'s> {
        let locales = tree
            .locales
            .par_iter()
            .map(|source| {
                let files: Vec<ParsedFile<'s>> =
                    source.files.par_iter().map(ParsedFile::parse).collect();
                let mut by_rel = HashMap::with_capacity(files.len());
                let mut ids: HashMap<&'s str, Vec<EntryLoc>> = HashMap::new();
                for (fi, f) in files.iter().enumerate() {
                    by_rel.insert(f.src.rel.as_str(), fi);
                    for (ei, e) in f.entries.iter().enumerate() {
                        ids.entry(e.id).or_default().push((fi, ei));
                    }
                }
                Locale {
                    source,
                    files,
                    by_rel,
                    ids,
                }
            })
            .collect();
        Project { tree, locales }
    }

    pub fn reference(&self) -> &Locale<'s> {
        &self.locales[0]
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
