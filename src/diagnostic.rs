//! What a rule reports.

use std::ops::Range;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file of the parsed project: locale index and file index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    pub locale: usize,
    pub file: usize,
}

/// Which side of a comparison a highlighted span belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Reference,
    Translation,
}

/// A highlighted span in the translation or in the reference (a quantity, a fragment, a variable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub side: Side,
    pub span: Range<usize>,
}

/// A place in the reference locale that a finding points back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub file: FileId,
    /// The span of the whole reference entry.
    pub span: Range<usize>,
}

/// A change that fixes a finding and does nothing else (`--fix`, an editor's code action):
/// edits of the file's decoded text, not overlapping, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the change does, for a person ("remove the zero-width space").
    pub title: String,
    pub edits: Vec<Edit>,
}

/// One replacement of a byte range of a file's decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

/// One finding of one rule.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// Locale index in the project.
    pub locale: usize,
    /// The file the finding is in; `None` when the file itself is missing.
    pub file: Option<FileId>,
    /// Display path of the file (the expected path when it is missing).
    pub path: String,
    /// Byte range of the finding in the file's decoded text.
    pub span: Range<usize>,
    pub message_id: Option<String>,
    pub attribute: Option<String>,
    pub variant: Option<String>,
    pub message: String,
    /// Span of the whole translation entry, when the finding is about one.
    pub entry_span: Option<Range<usize>>,
    /// Findings of the same rule on the same entry that were counted into this one instead
    /// of being kept (past [`MAX_PER_MESSAGE`] times ten, a rule stops keeping them).
    pub folded: usize,
    pub reference: Option<Related>,
    pub labels: Vec<Label>,
    /// Rule-specific structured data (for example both quantities of a numeric mismatch).
    pub data: Option<serde_json::Value>,
    /// The safe fix, for findings that have exactly one right answer.
    pub fix: Option<Fix>,
}

/// The report order: by file, position, rule and message — the same on every run.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.path.as_str(), a.span.start, a.rule, &a.message).cmp(&(
            b.path.as_str(),
            b.span.start,
            b.rule,
            &b.message,
        ))
    });
}

/// The most findings of one rule on one message (or one file, for findings about no message)
/// that are reported one by one; the rest become one finding that counts them. Real leaflets
/// stay far below it; a hostile file (100,000 rule names in one suppression comment) would
/// otherwise make a report of millions of lines.
pub const MAX_PER_MESSAGE: usize = 100;

/// What a panic says, for a finding or a note: its message's first line, at most 200
/// characters (a panic message may quote a whole file), or "no message".
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("");
    let first: String = text
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    if first.is_empty() {
        "no message".into()
    } else {
        first
    }
}

/// The closest candidate to `word` by edit distance (optimal string alignment, from `strsim`:
/// a swap of neighbours counts as one edit), for "did you mean" hints; `None` when none is
/// within a third of the longer word's length.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Ids and rule names are short: a long word is no typo of one, and its table of edit
    // distances would be as large as its length times the candidate's.
    const LONGEST: usize = 128;
    let n = word.chars().count();
    if n > LONGEST {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let m = c.chars().count();
        let limit = (n.max(m) / 3).max(1);
        // The distance is at least the difference in length.
        if m > LONGEST || n.abs_diff(m) > limit {
            continue;
        }
        let d = strsim::osa_distance(word, c);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}
