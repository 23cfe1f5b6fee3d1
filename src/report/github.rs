//! `--format github`: one GitHub Actions workflow command per finding, which GitHub shows as an
//! annotation on the pull request:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=leaflint <rule>::<message>`.

use std::io::{self, Write};

use super::{Finding, Reporter, RunInfo};
use crate::diagnostic::Severity;

/// Writes each finding as it comes; nothing at the end.
pub struct Github;

/// Escapes the message part of a workflow command.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value of a workflow command (also `:` and `,`, which end a property).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Reporter for Github {
    fn report(&mut self, out: &mut dyn Write, f: &Finding) -> io::Result<()> {
        let mut message = match (&f.message_id, &f.attribute) {
            (Some(id), Some(a)) => format!("{id}.{a}: {}", f.message),
            (Some(id), None) => format!("{id}: {}", f.message),
            _ => f.message.clone(),
        };
        if let Some(r) = &f.reference {
            message += &format!(" ({} {}:{})", r.locale, r.file, r.line);
        }
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(&f.file),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            escape_property(&format!("leaflint {}", f.rule)),
            escape_data(&message)
        )
    }

    fn finish(&mut self, _out: &mut dyn Write, _run: &RunInfo<'_>) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
