//! Findings as every output reads them: diagnostics resolved into lines, columns and the texts
//! they concern, the counts of a run, and the texts of every message (for whole-leaflet reports).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, FileId, Severity, Side};
use crate::project::Project;

/// A piece of a file to show: whole lines around an entry, with highlighted byte ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// 1-based line of the first line of `text`.
    pub line: usize,
    /// Whole lines of the file, without the final line ending (shared by the findings that
    /// show the same lines).
    pub text: Arc<str>,
    /// Highlighted byte ranges into `text`.
    pub highlights: Vec<Range<usize>>,
    /// Lines of the file after `text` that belong to what is shown but were left out.
    pub omitted: usize,
}

/// Where the reference side of a finding is.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ReferenceLocation {
    pub locale: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The reference entry's source text (shared by the findings about the same entry).
    pub text: Option<Arc<str>>,
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

/// A diagnostic with its positions turned into lines and columns and its texts attached:
/// everything an output format needs, owned.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub locale: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message_id: Option<String>,
    pub attribute: Option<String>,
    pub variant: Option<String>,
    pub message: String,
    pub reference: Option<ReferenceLocation>,
    /// The translation entry's source text (shared by the findings about the same entry).
    pub text: Option<Arc<str>>,
    /// Rule-specific data (added fields; schema version 1 stays compatible).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
    /// The highlighted spans of both sides (added in schema version 1: a field, not a change).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<HighlightLocation>,
    /// The safe fix, when the finding has one (added in schema version 1: a field, not a change).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixLocation>,
    #[serde(skip)]
    pub snippet: Option<Snippet>,
    /// The file's path relative to its locale directory (files match across locales by it).
    #[serde(skip)]
    pub rel: String,
    /// Whether the rule marked the differing spans itself (otherwise reports diff the texts).
    #[serde(skip)]
    pub labelled: bool,
    /// Further findings this one stands for (the last listed one of a rule on a message
    /// counts the rest): the summary counts them.
    #[serde(skip)]
    pub folded: usize,
}

/// A finding's safe fix, resolved: each edit as byte offsets into the file as stored (what
/// `--fix` writes) and as lines and columns (what an editor shows).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FixLocation {
    pub title: String,
    pub edits: Vec<EditLocation>,
}

/// One edit of a [`FixLocation`]: replace the file's bytes `start..end` with `replacement`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EditLocation {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub replacement: String,
}

/// A highlighted span of one side of a finding, as lines and columns.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HighlightLocation {
    pub side: Side,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Counts over a run.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub messages: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings left out because the baseline (`--baseline`) knows them; `None` without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baselined: Option<usize>,
    /// Baseline entries that no longer occur (fixed since it was written); `None` without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_fixed: Option<usize>,
    /// Findings per locale and rule.
    #[serde(skip)]
    pub by_locale: BTreeMap<String, BTreeMap<&'static str, usize>>,
}

impl Summary {
    /// The axes of the findings table: locales that have findings (in the run's order) and
    /// rules that fired (in registry order).
    pub fn table_axes<'a>(&'a self, locales: &'a [String]) -> (Vec<&'a str>, Vec<&'static str>) {
        let with: Vec<&str> = locales
            .iter()
            .map(String::as_str)
            .filter(|l| self.by_locale.contains_key(*l))
            .collect();
        let mut rules: Vec<&'static str> = crate::rules::registry()
            .iter()
            .map(|r| r.meta().id)
            .filter(|id| self.by_locale.values().any(|m| m.contains_key(id)))
            .collect();
        for m in self.by_locale.values() {
            for r in m.keys() {
                if !rules.contains(r) {
                    rules.push(r);
                }
            }
        }
        (with, rules)
    }

    pub fn count(&mut self, f: &Finding) {
        let n = 1 + f.folded;
        match f.severity {
            Severity::Error => self.errors += n,
            Severity::Warning => self.warnings += n,
            Severity::Info => self.infos += n,
        }
        *self
            .by_locale
            .entry(f.locale.clone())
            .or_default()
            .entry(f.rule)
            .or_default() += n;
    }

    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.messages += other.messages;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        for (l, rules) in &other.by_locale {
            let mine = self.by_locale.entry(l.clone()).or_default();
            for (r, n) in rules {
                *mine.entry(r).or_default() += n;
            }
        }
    }
}

/// Whole lines of `text` covering `span`, as a snippet with `highlights` (absolute ranges).
fn snippet(
    texts: &mut Texts,
    file: FileId,
    text: &str,
    lines: &crate::source::LineIndex,
    span: &Range<usize>,
    highlights: impl Iterator<Item = Range<usize>>,
) -> Snippet {
    let first = lines.line_of(span.start.min(text.len()));
    let last = lines.line_of(span.end.max(span.start).min(text.len()));
    let start = lines.line_range(text, first).start;
    let end = lines.line_range(text, last).end.max(start);
    let highlights = highlights
        .filter(|h| h.start >= start && h.end <= end && h.start <= h.end)
        .map(|h| h.start - start..h.end - start)
        .collect();
    Snippet {
        line: first + 1,
        text: texts.get(file, text, start..end),
        highlights,
        omitted: 0,
    }
}

/// Copies of parts of the files, made once per part: the findings about one entry share its
/// text, so that many findings on one long message cost one copy of it, not one each.
#[derive(Default)]
struct Texts(std::collections::HashMap<(FileId, usize, usize), Arc<str>>);

impl Texts {
    fn get(&mut self, file: FileId, text: &str, range: Range<usize>) -> Arc<str> {
        self.0
            .entry((file, range.start, range.end))
            .or_insert_with(|| Arc::from(&text[range]))
            .clone()
    }
}

/// The first lines of a whole file (what a missing file lacks), at most `max` of them.
fn file_head(text: &str, lines: &crate::source::LineIndex, max: usize) -> Option<Snippet> {
    let count = if text.ends_with('\n') {
        lines.line_count() - 1
    } else {
        lines.line_count()
    };
    if count == 0 || text.is_empty() {
        return None;
    }
    let shown = count.min(max);
    let end = lines.line_range(text, shown - 1).end;
    Some(Snippet {
        line: 1,
        text: Arc::from(&text[..end]),
        highlights: Vec::new(),
        omitted: count - shown,
    })
}

/// Lines and columns of labelled spans in one file.
fn highlight_locations<'a>(
    text: &str,
    lines: &crate::source::LineIndex,
    side: Side,
    labels: impl Iterator<Item = &'a crate::diagnostic::Label>,
) -> Vec<HighlightLocation> {
    labels
        .filter(|l| l.side == side)
        .map(|l| {
            let s = lines.line_col(text, l.span.start);
            let e = lines.line_col(text, l.span.end.max(l.span.start));
            HighlightLocation {
                side,
                line: s.line,
                column: s.column,
                end_line: e.line,
                end_column: e.column,
            }
        })
        .collect()
}

/// Turns byte ranges into lines and columns and attaches texts.
pub fn resolve(project: &Project<'_>, diagnostics: Vec<Diagnostic>) -> Vec<Finding> {
    let mut texts = Texts::default();
    diagnostics
        .into_iter()
        .map(|d| {
            let locale = project.locales[d.locale].tag().to_string();
            let file = d.file.map(|id| &project.locales[id.locale].files[id.file]);
            let mut highlights = Vec::new();
            if let Some(f) = file {
                highlights.extend(highlight_locations(
                    f.text(),
                    &f.src.lines,
                    Side::Translation,
                    d.labels.iter(),
                ));
            }
            if let Some(r) = &d.reference {
                let rf = &project.locales[r.file.locale].files[r.file.file];
                highlights.extend(highlight_locations(
                    rf.text(),
                    &rf.src.lines,
                    Side::Reference,
                    d.labels.iter(),
                ));
            }
            // Offsets into the stored bytes are those of the decoded text after a byte-order
            // mark; a file that did not decode cleanly is not fixed.
            let fix = file
                .zip(d.fix.as_ref())
                .filter(|(f, _)| f.src.decoded.error.is_none())
                .map(|(f, fix)| {
                    let text = f.text();
                    let bom = if f.src.decoded.had_bom { 3 } else { 0 };
                    FixLocation {
                        title: fix.title.clone(),
                        edits: fix
                            .edits
                            .iter()
                            .map(|e| {
                                let s = f.src.lines.line_col(text, e.span.start);
                                let t = f.src.lines.line_col(text, e.span.end);
                                EditLocation {
                                    start: e.span.start + bom,
                                    end: e.span.end + bom,
                                    line: s.line,
                                    column: s.column,
                                    end_line: t.line,
                                    end_column: t.column,
                                    replacement: e.replacement.clone(),
                                }
                            })
                            .collect(),
                    }
                });
            let rel = match (file, &d.reference) {
                (Some(f), _) => f.src.rel.clone(),
                (None, Some(r)) => project.locales[r.file.locale].files[r.file.file]
                    .src
                    .rel
                    .clone(),
                (None, None) => String::new(),
            };
            let (start, end, text, snip) = match (file, d.file) {
                (Some(f), Some(fid)) => {
                    let text = f.text();
                    let s = f.src.lines.line_col(text, d.span.start);
                    let e = f.src.lines.line_col(text, d.span.end.max(d.span.start));
                    let entry_text = d
                        .entry_span
                        .as_ref()
                        .map(|r| texts.get(fid, text, r.clone()));
                    let snip = d.entry_span.as_ref().map(|r| {
                        let own: Vec<Range<usize>> = d
                            .labels
                            .iter()
                            .filter(|l| l.side == Side::Translation)
                            .map(|l| l.span.clone())
                            .collect();
                        let hl = if own.is_empty() && d.span.start < d.span.end && *r != d.span {
                            vec![d.span.clone()]
                        } else {
                            own
                        };
                        // The finding may lie just outside the entry (a comment above it).
                        let covered = r.start.min(d.span.start)..r.end.max(d.span.end);
                        snippet(
                            &mut texts,
                            fid,
                            text,
                            &f.src.lines,
                            &covered,
                            hl.into_iter(),
                        )
                    });
                    (s, e, entry_text, snip)
                }
                _ => {
                    let p = crate::source::LineCol { line: 1, column: 1 };
                    (p, p, None, None)
                }
            };
            let reference = d.reference.as_ref().map(|r| {
                let rf = &project.locales[r.file.locale].files[r.file.file];
                let rt = rf.text();
                let pos = rf.src.lines.line_col(rt, r.span.start);
                let has_text = r.span.start < r.span.end;
                ReferenceLocation {
                    locale: project.locales[r.file.locale].tag().to_string(),
                    file: rf.src.path.clone(),
                    line: pos.line,
                    column: pos.column,
                    text: has_text.then(|| texts.get(r.file, rt, r.span.clone())),
                    snippet: if !has_text {
                        // A whole missing file: show the head of the reference file.
                        file.is_none()
                            .then(|| file_head(rt, &rf.src.lines, 8))
                            .flatten()
                    } else {
                        Some({
                            snippet(
                                &mut texts,
                                r.file,
                                rt,
                                &rf.src.lines,
                                &r.span,
                                d.labels
                                    .iter()
                                    .filter(|l| l.side == Side::Reference)
                                    .map(|l| l.span.clone()),
                            )
                        })
                    },
                }
            });
            // A rule that pinned the finding to part of the entry has said what differs; only
            // an unpinned finding (the whole entry, or its id) falls back to diffing the texts.
            let labelled = !d.labels.is_empty()
                || d.entry_span.as_ref().is_some_and(|e| {
                    let at_id = d.span.start == e.start
                        && d.message_id
                            .as_ref()
                            .is_some_and(|m| d.span.len() == m.len());
                    d.span.start < d.span.end && *e != d.span && !at_id
                });
            Finding {
                rule: d.rule,
                severity: d.severity,
                locale,
                file: d.path,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                message_id: d.message_id,
                attribute: d.attribute,
                variant: d.variant,
                message: d.message,
                reference,
                text,
                data: d.data,
                highlights,
                fix,
                snippet: snip,
                rel,
                // A rule that pinned the finding to part of the entry has said what differs;
                // only an unpinned finding falls back to diffing the two texts.
                labelled,
                folded: d.folded,
            }
        })
        .collect()
}

/// The texts of every message of every locale of one tree, for reports that show whole
/// leaflets. Built from the parsed project only when a format asks for it.
#[derive(Debug, Clone, Default)]
pub struct EntryTable {
    /// Locale tags, the reference first.
    pub locales: Vec<String>,
    /// Files by relative path: the reference's files first, then files only translations have.
    pub files: Vec<FileRows>,
}

/// The messages of one relative path across locales.
#[derive(Debug, Clone, Default)]
pub struct FileRows {
    pub rel: String,
    /// Display path per locale (`None` where the locale lacks the file).
    pub paths: Vec<Option<String>>,
    /// Per locale, the text its cells point into: the file's text, copied once for the whole
    /// file rather than once per message (empty where the locale lacks the file).
    pub texts: Vec<String>,
    /// The reference's entries in order, then ids only translations have.
    pub rows: Vec<EntryRow>,
}

impl FileRows {
    /// The lines of a cell of locale `locale`.
    pub fn text(&self, locale: usize, cell: &EntryCell) -> &str {
        self.texts[locale]
            .get(cell.range.clone())
            .unwrap_or_default()
    }
}

/// One message or term across locales.
#[derive(Debug, Clone, Default)]
pub struct EntryRow {
    pub id: String,
    /// Per locale, in the table's locale order.
    pub cells: Vec<Option<EntryCell>>,
}

/// The whole lines of an entry in one locale.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryCell {
    /// 1-based line of the first line of the text.
    pub line: usize,
    /// Byte range of the lines, without the final line ending, in the locale's text of the
    /// file ([`FileRows::texts`], read with [`FileRows::text`]).
    pub range: Range<usize>,
}

impl EntryTable {
    /// Collects every entry's lines from a parsed project.
    pub fn build(project: &Project<'_>) -> EntryTable {
        let locales: Vec<String> = project
            .locales
            .iter()
            .map(|l| l.tag().to_string())
            .collect();
        let n = locales.len();
        let mut files: Vec<FileRows> = Vec::new();
        let mut by_rel: std::collections::HashMap<&str, usize> = Default::default();
        // Row of each id, per file (ids borrow from the tree, so nothing is copied).
        let mut row_of: Vec<std::collections::HashMap<&str, usize>> = Vec::new();
        for (li, locale) in project.locales.iter().enumerate() {
            for f in &locale.files {
                let fi = *by_rel.entry(f.src.rel.as_str()).or_insert_with(|| {
                    files.push(FileRows {
                        rel: f.src.rel.clone(),
                        paths: vec![None; n],
                        texts: vec![String::new(); n],
                        rows: Vec::with_capacity(f.entries.len()),
                    });
                    row_of.push(Default::default());
                    files.len() - 1
                });
                let rows = &mut files[fi];
                rows.paths[li] = Some(f.src.path.clone());
                let text = f.text();
                // Should two files of one locale share a relative path, they share the text:
                // the second one's ranges start after the first one's text.
                let base = rows.texts[li].len();
                rows.texts[li].push_str(text);
                // Translations mostly keep the reference's order: try the row after the last
                // one before looking the id up.
                let mut next = 0;
                for e in &f.entries {
                    let ri = match rows.rows.get(next) {
                        Some(row) if row.id == e.id => next,
                        _ => *row_of[fi].entry(e.id).or_insert_with(|| {
                            rows.rows.push(EntryRow {
                                id: e.id.to_string(),
                                cells: vec![None; n],
                            });
                            rows.rows.len() - 1
                        }),
                    };
                    next = ri + 1;
                    let cell = &mut rows.rows[ri].cells[li];
                    if cell.is_none() {
                        let first = f.src.lines.line_of(e.span.start.min(text.len()));
                        let last = f
                            .src
                            .lines
                            .line_of(e.span.end.max(e.span.start).min(text.len()));
                        let start = f.src.lines.line_range(text, first).start;
                        let end = f.src.lines.line_range(text, last).end.max(start);
                        *cell = Some(EntryCell {
                            line: first + 1,
                            range: base + start..base + end,
                        });
                    }
                }
            }
        }
        EntryTable { locales, files }
    }

    /// Joins the tables of a tree's paths (each built from one path's files) into one, with the
    /// reference's files first, then the files only the first translation has, and so on.
    pub fn merge(tree: &crate::project::Tree, tables: Vec<EntryTable>) -> EntryTable {
        let locales: Vec<String> = tree.locales.iter().map(|l| l.tag.clone()).collect();
        let mut files: Vec<FileRows> = tables.into_iter().flat_map(|t| t.files).collect();
        let first_locale = |f: &FileRows| f.paths.iter().position(Option::is_some);
        files.sort_by(|a, b| (first_locale(a), &a.rel).cmp(&(first_locale(b), &b.rel)));
        EntryTable { locales, files }
    }
}
