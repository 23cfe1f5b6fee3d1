//! `--format json`: one object, schema version 1.

use std::io::{self, Write};

use serde::Serialize;

use super::{Finding, Reporter, RunInfo, Summary};

/// Collects findings and writes one JSON document at the end.
#[derive(Default)]
pub struct Json {
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    reference: &'a str,
    locales: &'a [String],
    summary: &'a Summary,
    /// The run's notes (as on stderr), only when there are some.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
    diagnostics: &'a [Finding],
}

impl Reporter for Json {
    fn report(&mut self, _out: &mut dyn Write, finding: &Finding) -> io::Result<()> {
        self.findings.push(finding.clone());
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo<'_>) -> io::Result<()> {
        let doc = Document {
            version: 1,
            tool: Tool {
                name: "leaflint",
                version: env!("CARGO_PKG_VERSION"),
            },
            reference: run.reference,
            locales: run.locales,
            summary: run.summary,
            notes: run.notes,
            diagnostics: &self.findings,
        };
        // Serialised first, so that a write error (a closed pipe) reaches the caller as it is.
        let mut bytes = serde_json::to_vec_pretty(&doc).map_err(io::Error::other)?;
        bytes.push(b'\n');
        out.write_all(&bytes)
    }
}
