//! Output formats. Every format receives the same resolved findings, one at a time, then a
//! summary; each lives in its own file.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, Side};
use crate::project::Project;

pub mod human;
pub mod json;

/// A piece of a file to show: whole lines around an entry, with highlighted byte ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// 1-based line of the first line of `text`.
    pub line: usize,
    /// Whole lines of the file, without the final line ending.
    pub text: String,
    /// Highlighted byte ranges into `text`.
    pub highlights: Vec<Range<usize>>,
}

/// Where the reference side of a finding is.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ReferenceLocation {
    pub locale: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The reference entry's source text.
    pub text: Option<String>,
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
    /// The translation entry's source text.
    pub text: Option<String>,
    /// Rule-specific data (added fields; schema version 1 stays compatible).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

/// Counts over a run.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub messages: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings per locale and rule.
    #[serde(skip)]
    pub by_locale: BTreeMap<String, BTreeMap<&'static str, usize>>,
}

impl Summary {
    pub fn count(&mut self, f: &Finding) {
        match f.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
        *self
            .by_locale
            .entry(f.locale.clone())
            .or_default()
            .entry(f.rule)
            .or_default() += 1;
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
        text: text[start..end].to_string(),
        highlights,
    }
}

/// Turns byte ranges into lines and columns and attaches texts.
pub fn resolve(project: &Project<'_>, diagnostics: Vec<Diagnostic>) -> Vec<Finding> {
    diagnostics
        .into_iter()
        .map(|d| {
            let locale = project.locales[d.locale].tag().to_string();
            let file = d.file.map(|id| &project.locales[id.locale].files[id.file]);
            let (start, end, text, snip) = match file {
                Some(f) => {
                    let text = f.text();
                    let s = f.src.lines.line_col(text, d.span.start);
                    let e = f.src.lines.line_col(text, d.span.end.max(d.span.start));
                    let entry_text = d.entry_span.as_ref().map(|r| text[r.clone()].to_string());
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
                        snippet(text, &f.src.lines, r, hl.into_iter())
                    });
                    (s, e, entry_text, snip)
                }
                None => {
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
                    text: has_text.then(|| rt[r.span.clone()].to_string()),
                    snippet: has_text.then(|| {
                        snippet(
                            rt,
                            &rf.src.lines,
                            &r.span,
                            d.labels
                                .iter()
                                .filter(|l| l.side == Side::Reference)
                                .map(|l| l.span.clone()),
                        )
                    }),
                }
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
                snippet: snip,
            }
        })
        .collect()
}

/// Which output format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Options shared by the formats.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    pub color: bool,
    /// Only the summary (human) / no per-finding lines.
    pub quiet: bool,
}

/// What a run is about, for the report header and summary.
pub struct RunInfo<'a> {
    pub reference: &'a str,
    pub locales: &'a [String],
    pub summary: &'a Summary,
}

/// An output format: gets each finding, then the summary.
pub trait Reporter {
    fn report(&mut self, out: &mut dyn Write, finding: &Finding) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo<'_>) -> io::Result<()>;
}

/// The reporter for a format.
pub fn reporter(format: Format, opts: ReportOptions) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(opts)),
        Format::Json => Box::new(json::Json::default()),
    }
}

/// Writes a whole report.
pub fn write_report(
    format: Format,
    opts: ReportOptions,
    outcome: &crate::check::Outcome,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut r = reporter(format, opts);
    for f in &outcome.findings {
        r.report(out, f)?;
    }
    r.finish(
        out,
        &RunInfo {
            reference: &outcome.reference,
            locales: &outcome.locales,
            summary: &outcome.summary,
        },
    )?;
    out.flush()
}
