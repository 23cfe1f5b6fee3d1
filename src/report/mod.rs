//! Output formats. Every format receives the same resolved findings, one at a time, then a
//! summary; each lives in its own file. Every string that comes from the checked tree or its
//! configuration (paths, ids, messages) leaves through [`escape`], the escaper of its format.

use std::io::{self, Write};
use std::ops::Range;

pub use crate::outcome::{
    EntryCell, EntryRow, EntryTable, FileRows, Finding, HighlightLocation, ReferenceLocation,
    Snippet, Summary,
};

pub mod escape;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

impl Finding {
    /// Highlighted ranges in the reference and translation snippets: the rule's own labels, or
    /// for a finding the rule did not pin down, a diff of the two texts.
    pub fn highlights(&self) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let reference = self.reference.as_ref().and_then(|r| r.snippet.as_ref());
        let mut ref_hl = reference.map(|s| s.highlights.clone()).unwrap_or_default();
        let mut tr_hl = self
            .snippet
            .as_ref()
            .map(|s| s.highlights.clone())
            .unwrap_or_default();
        if !self.labelled {
            if let (Some(rs), Some(ts)) = (reference, &self.snippet) {
                let (old, new) = human::fallback_diff(&rs.text, &ts.text);
                ref_hl = old;
                tr_hl.extend(new);
            }
        }
        (ref_hl, tr_hl)
    }
}

/// Which output format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The diff-style report for terminals and CI logs.
    Human,
    /// One JSON document (schema version 1).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// A self-contained HTML review page with the locales side by side.
    Html,
}

impl Format {
    /// Whether the format shows the texts of every message, not only those with findings.
    pub fn needs_entries(self) -> bool {
        self == Format::Html
    }
}

/// Options shared by the formats.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    pub color: bool,
    /// Only the summary (human) / no per-finding lines.
    pub quiet: bool,
    /// The terminal's width in columns, when the report goes to one: longer lines are
    /// windowed to fit it (otherwise to 120 columns).
    pub width: Option<usize>,
}

/// What a run is about, for the report header and summary.
pub struct RunInfo<'a> {
    pub reference: &'a str,
    pub locales: &'a [String],
    pub summary: &'a Summary,
    /// Every message's text in every locale, one table per tree (only built for `html`).
    pub entries: &'a [EntryTable],
    /// What the run could not do (also printed on stderr): a dictionary that is missing, a
    /// directory that is not a locale.
    pub notes: &'a [String],
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
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
        Format::Html => Box::new(html::Html::default()),
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
            entries: &outcome.entries,
            notes: &outcome.notes,
        },
    )?;
    out.flush()
}
