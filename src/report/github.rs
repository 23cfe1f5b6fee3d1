//! `--format github`: one GitHub Actions workflow command per finding, which GitHub shows as an
//! annotation on the pull request:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=leaflint <rule>::<message>`.
//! Properties and message are escaped by [`workflow_property`] and [`workflow_data`], so that a
//! line break in a file name cannot start a command of its own and no control character reaches
//! the log.

use std::io::{self, Write};

use super::escape::{workflow_data, workflow_property};
use super::{Finding, Reporter, RunInfo};
use crate::diagnostic::Severity;

/// Writes each finding as it comes; nothing at the end.
pub struct Github;

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
            workflow_property(&f.file),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            workflow_property(&format!("leaflint {}", f.rule)),
            workflow_data(&message)
        )
    }

    fn finish(&mut self, _out: &mut dyn Write, _run: &RunInfo<'_>) -> io::Result<()> {
        Ok(())
    }
}
