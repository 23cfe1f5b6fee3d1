//! `--format sarif`: SARIF 2.1.0 for code scanning, written from typed structs that follow the
//! OASIS schema (only the parts leaflint fills in). The output is validated against the official
//! schema in `tests/report_sarif.rs`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::escape::uri_path;
use super::{Finding, Reporter, RunInfo};
use crate::diagnostic::Severity;
use crate::rules::registry;

/// Where the SARIF 2.1.0 schema is published.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of leaflint's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "leaflintFingerprint/v1";

#[derive(Debug, Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub column_kind: ColumnKind,
    pub results: Vec<SarifResult>,
}

/// How columns count: leaflint counts characters (Unicode code points), as its other formats do.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ColumnKind {
    UnicodeCodePoints,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub driver: ToolComponent,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ToolComponent {
    pub name: &'static str,
    pub version: &'static str,
    pub semantic_version: &'static str,
    pub rules: Vec<ReportingDescriptor>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: &'static str,
    pub short_description: MultiformatMessage,
    pub full_description: MultiformatMessage,
    /// Absent when Cargo does not know the repository: the schema wants an absolute URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_uri: Option<String>,
    pub default_configuration: ReportingConfiguration,
    pub properties: RuleProperties,
}

/// The rule's documentation page, relative to the repository root.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleProperties {
    pub doc_path: String,
}

#[derive(Debug, Serialize)]
pub struct MultiformatMessage {
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct ReportingConfiguration {
    pub level: Level,
}

/// A result's level (`info` findings are SARIF `note`s).
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl From<Severity> for Level {
    fn from(s: Severity) -> Level {
        match s {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_index: Option<usize>,
    pub level: Level,
    pub message: Message,
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<Location>,
    pub partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Debug, Serialize)]
pub struct Message {
    pub text: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub logical_locations: Vec<LogicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    pub region: Region,
}

#[derive(Debug, Serialize)]
pub struct ArtifactLocation {
    pub uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogicalLocation {
    pub name: String,
    pub kind: &'static str,
}

/// Collects results and writes one SARIF log at the end.
#[derive(Default)]
pub struct Sarif {
    results: Vec<SarifResult>,
}

/// The documentation page of a rule in the repository, when `Cargo.toml` names the repository.
pub fn help_uri(id: &str) -> Option<String> {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    (!repository.is_empty()).then(|| format!("{repository}/blob/main/{}", doc_path(id)))
}

/// The documentation page of a rule, relative to the repository root.
pub fn doc_path(id: &str) -> String {
    format!("docs/rules/{id}.md")
}

/// The "What it does" paragraph of a rule's documentation, or its summary.
fn what_it_does(doc: &str, summary: &str) -> String {
    let Some(start) = doc.find("## What it does") else {
        return summary.to_string();
    };
    let body = &doc[start + "## What it does".len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    // Prose only: fenced examples read badly as one line of a code-scanning description.
    let mut in_fence = false;
    let prose: Vec<&str> = body[..end]
        .lines()
        .filter(|l| {
            if l.trim_start().starts_with("```") {
                in_fence = !in_fence;
                return false;
            }
            !in_fence
        })
        .collect();
    let text = prose
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        summary.to_string()
    } else {
        text
    }
}

/// A fingerprint that stays the same when unrelated lines move: it hashes what the finding is
/// about (rule, locale, file, message id, the entry's text and the highlighted text) and never a
/// line number.
pub fn fingerprint(f: &Finding) -> String {
    let mut h = Sha256::new();
    let mut part = |s: &str| {
        h.update(s.as_bytes());
        h.update([0]);
    };
    part(f.rule);
    part(&f.locale);
    part(if f.rel.is_empty() { &f.file } else { &f.rel });
    part(f.message_id.as_deref().unwrap_or(""));
    part(f.attribute.as_deref().unwrap_or(""));
    part(f.variant.as_deref().unwrap_or(""));
    part(&without_line_numbers(&f.message));
    let text = f
        .text
        .as_deref()
        .or(f.reference.as_ref().and_then(|r| r.text.as_deref()))
        .unwrap_or("");
    part(text);
    if let Some(s) = &f.snippet {
        for r in &s.highlights {
            part(s.text.get(r.clone()).unwrap_or(""));
        }
    }
    let digest = h.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// `message` without line numbers ("the first one is on line 12", "at sv/leaflet.ftl:36").
fn without_line_numbers(message: &str) -> String {
    let mut out = message.to_string();
    for marker in ["line ", ".ftl:"] {
        let mut rest = out.as_str();
        let mut cleaned = String::with_capacity(rest.len());
        while let Some(i) = rest.find(marker) {
            cleaned.push_str(&rest[..i + marker.len()]);
            rest = rest[i + marker.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
        }
        cleaned.push_str(rest);
        out = cleaned;
    }
    out
}

impl Reporter for Sarif {
    fn report(&mut self, _out: &mut dyn Write, f: &Finding) -> io::Result<()> {
        let logical = f
            .message_id
            .iter()
            .map(|id| LogicalLocation {
                name: match &f.attribute {
                    Some(a) => format!("{id}.{a}"),
                    None => id.clone(),
                },
                kind: "member",
            })
            .collect();
        let related = f
            .reference
            .iter()
            .map(|r| {
                let (end_line, end_column) = match &r.text {
                    Some(t) => {
                        let lines = t.matches('\n').count();
                        let last = t.rsplit('\n').next().unwrap_or("");
                        let col = if lines == 0 { r.column } else { 1 };
                        (r.line + lines, col + last.chars().count())
                    }
                    None => (r.line, r.column),
                };
                Location {
                    id: Some(1),
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri_path(&r.file),
                        },
                        region: Region {
                            start_line: r.line,
                            start_column: r.column,
                            end_line,
                            end_column,
                        },
                    },
                    logical_locations: Vec::new(),
                    message: Some(Message {
                        text: format!("the reference ({})", r.locale),
                    }),
                }
            })
            .collect();
        let mut message = f.message.clone();
        if let Some(id) = &f.message_id {
            message = format!("{id}: {message}");
        }
        self.results.push(SarifResult {
            rule_id: f.rule,
            rule_index: registry().iter().position(|r| r.meta().id == f.rule),
            level: f.severity.into(),
            message: Message { text: message },
            locations: vec![Location {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri_path(&f.file),
                    },
                    region: Region {
                        start_line: f.line,
                        start_column: f.column,
                        end_line: f.end_line,
                        end_column: f.end_column,
                    },
                },
                logical_locations: logical,
                message: None,
            }],
            related_locations: related,
            partial_fingerprints: [(FINGERPRINT_KEY, fingerprint(f))].into(),
        });
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _run: &RunInfo<'_>) -> io::Result<()> {
        let rules = registry()
            .iter()
            .map(|r| {
                let m = r.meta();
                ReportingDescriptor {
                    id: m.id,
                    short_description: MultiformatMessage {
                        text: m.summary.to_string(),
                    },
                    full_description: MultiformatMessage {
                        text: what_it_does(m.doc, m.summary),
                    },
                    help_uri: help_uri(m.id),
                    default_configuration: ReportingConfiguration {
                        level: m.severity.into(),
                    },
                    properties: RuleProperties {
                        doc_path: doc_path(m.id),
                    },
                }
            })
            .collect();
        let log = Log {
            schema: SCHEMA_URI,
            version: "2.1.0",
            runs: vec![Run {
                tool: Tool {
                    driver: ToolComponent {
                        name: "leaflint",
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        rules,
                    },
                },
                column_kind: ColumnKind::UnicodeCodePoints,
                results: std::mem::take(&mut self.results),
            }],
        };
        // Serialised first, so that a write error (a closed pipe) reaches the caller as it is.
        let mut bytes = serde_json::to_vec_pretty(&log).map_err(io::Error::other)?;
        bytes.push(b'\n');
        out.write_all(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_do_not_reach_the_fingerprint() {
        assert_eq!(
            without_line_numbers("defined again; the first one is on line 12"),
            "defined again; the first one is on line "
        );
        assert_eq!(without_line_numbers("`53 nM` in en"), "`53 nM` in en");
        assert_eq!(
            without_line_numbers("the first definition is at sv/leaflet.ftl:36"),
            "the first definition is at sv/leaflet.ftl:"
        );
    }
}
