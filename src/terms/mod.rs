//! Termbases: reading TBX and CSV files into concepts ([`crate::settings::Concept`]), and
//! finding their terms in text ([`TermIndex`]), language-aware.
//!
//! Reading is bounded like every other input of leaflint: a file is read with
//! [`crate::source::read_limited`] (never a FIFO or device, at most 64 MB), and a run takes at
//! most [`MAX_CONCEPTS`] concepts of at most [`MAX_TERMS`] terms of at most
//! [`MAX_TERM_CHARS`] characters each; anything more is an error with its position, not a
//! panic or an unbounded automaton.

pub mod csv;
pub mod matcher;
pub mod tbx;

use std::path::Path;

use crate::settings::Concept;
use crate::source::LineIndex;

pub use matcher::{Hit, TermIndex};

/// Most concepts all termbases of a run may hold together.
pub const MAX_CONCEPTS: usize = 100_000;
/// Most terms one concept may hold (all languages).
pub const MAX_TERMS: usize = 256;
/// Longest term, in characters.
pub const MAX_TERM_CHARS: usize = 256;

/// Why a termbase could not be used (leaflint exits with code 2).
#[derive(Debug, thiserror::Error)]
pub enum TermbaseError {
    #[error("cannot read the termbase `{path}`")]
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

/// A termbase's text with its name, for positioned errors.
pub struct Doc<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub lines: LineIndex,
}

impl<'a> Doc<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Doc {
            name,
            text,
            lines: LineIndex::new(text),
        }
    }

    /// An error at byte `offset` of the text.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> TermbaseError {
        let at = self.lines.line_col(self.text, offset);
        TermbaseError::Invalid {
            path: self.name.to_string(),
            line: at.line,
            column: at.column,
            message: message.into(),
        }
    }

    /// `name:line`, for a concept's origin.
    pub fn origin(&self, offset: usize) -> String {
        let at = self.lines.line_col(self.text, offset);
        format!("{}:{}", self.name, at.line)
    }
}

/// Shortens a value from a termbase for a message: at most 60 characters.
pub(crate) fn shown(value: &str) -> String {
    let mut s: String = value.chars().take(60).collect();
    if value.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// The kind of a termbase file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Tbx,
    Csv,
}

/// The kind of a file, by its extension (`.tbx`, `.xml`: TBX; `.csv`: CSV), else by its first
/// character (`<`: TBX).
pub fn format_of(path: &Path, text: &str) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("tbx" | "xml") => Format::Tbx,
        Some("csv") => Format::Csv,
        _ if text.trim_start().starts_with('<') => Format::Tbx,
        _ => Format::Csv,
    }
}

/// Reads one termbase file (TBX or CSV) into `out`; `name` is how errors name it.
pub fn load(path: &Path, name: &str, out: &mut Vec<Concept>) -> Result<(), TermbaseError> {
    let read_error = |source| TermbaseError::Read {
        path: name.to_string(),
        source,
    };
    let bytes =
        crate::source::read_limited(path, crate::source::MAX_FILE_BYTES).map_err(read_error)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        read_error(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "is not valid UTF-8 (byte {} is not part of a character)",
                e.utf8_error().valid_up_to() + 1
            ),
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    parse(format_of(path, text), text, name, out)
}

/// Parses a termbase's text into `out`.
pub fn parse(
    format: Format,
    text: &str,
    name: &str,
    out: &mut Vec<Concept>,
) -> Result<(), TermbaseError> {
    let doc = Doc::new(name, text);
    match format {
        Format::Tbx => tbx::parse(&doc, out),
        Format::Csv => csv::parse(&doc, out),
    }
}

/// Checks one term's text before it is kept: not empty, not too long, no line break.
pub(crate) fn check_term(doc: &Doc<'_>, at: usize, text: &str) -> Result<(), TermbaseError> {
    if text.chars().count() > MAX_TERM_CHARS {
        return Err(doc.error(
            at,
            format!(
                "term `{}` is longer than {MAX_TERM_CHARS} characters",
                shown(text)
            ),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(doc.error(
            at,
            format!(
                "term `{}` holds a control character or a line break",
                shown(text)
            ),
        ));
    }
    Ok(())
}

/// Adds a concept, within the limits.
pub(crate) fn push(
    doc: &Doc<'_>,
    at: usize,
    concept: Concept,
    out: &mut Vec<Concept>,
) -> Result<(), TermbaseError> {
    if concept.languages.iter().all(|(_, t)| t.is_empty()) {
        return Ok(());
    }
    if out.len() >= MAX_CONCEPTS {
        return Err(doc.error(
            at,
            format!("more than {MAX_CONCEPTS} concepts: leaflint reads no more"),
        ));
    }
    let terms: usize = concept.languages.iter().map(|(_, t)| t.len()).sum();
    if terms > MAX_TERMS {
        return Err(doc.error(
            at,
            format!("a concept of {terms} terms: leaflint reads at most {MAX_TERMS} per concept"),
        ));
    }
    out.push(concept);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::TermStatus;

    #[test]
    fn formats_by_extension_then_content() {
        assert_eq!(format_of(Path::new("t.tbx"), ""), Format::Tbx);
        assert_eq!(format_of(Path::new("t.CSV"), "<x"), Format::Csv);
        assert_eq!(format_of(Path::new("terms"), "  <?xml"), Format::Tbx);
        assert_eq!(format_of(Path::new("terms"), "en,sv"), Format::Csv);
    }

    #[test]
    fn loads_a_file_and_refuses_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, "\u{feff}en,sv\ncapsule,kapsel\n").unwrap();
        let mut out = Vec::new();
        load(&path, "t.csv", &mut out).unwrap();
        assert_eq!(out[0].languages[1].1[0].text, "kapsel");
        assert_eq!(out[0].languages[1].1[0].status, TermStatus::Preferred);
        let e = load(dir.path(), "dir", &mut out).unwrap_err();
        assert!(
            e.to_string().starts_with("cannot read the termbase `dir`"),
            "{e}"
        );
    }
}
