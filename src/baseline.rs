//! Baselines: the findings a repository has accepted for now, so that only new ones are reported.
//!
//! An entry is identified by rule, locale, file (relative to the locale directory), message id,
//! attribute and a hash of the offending text: the translation entry's source (and the reference
//! entry's, when the finding points at one), or the text under the finding when it is not about
//! an entry. Line numbers are not part of it, so moving a message keeps it known; editing the
//! message's text makes it new again. Identical keys are counted.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::project::Project;

/// The file format version written and understood.
pub const VERSION: u32 = 1;

/// What identifies a finding across runs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    pub rule: String,
    pub locale: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// 16 hex digits: FNV-1a (64 bit) of the offending text.
    pub hash: String,
}

/// One line of a baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(flatten)]
    pub key: Key,
    /// How many findings have this key.
    #[serde(default = "one")]
    pub count: usize,
    /// The finding's message when the baseline was written (for people; not compared).
    #[serde(default)]
    pub message: String,
}

fn one() -> usize {
    1
}

impl Entry {
    pub fn new(key: Key, message: &str) -> Entry {
        Entry {
            key,
            count: 1,
            message: message.to_string(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Why a baseline could not be read or written (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline `{path}`")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("`{path}` is not a leaflint baseline")]
    Parse {
        path: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("baseline `{path}` has version {found}; this leaflint reads version {VERSION} (write it again with `--write-baseline`)")]
    Version { path: String, found: u32 },
    #[error("cannot write baseline `{path}`")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// A baseline read from disk.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    counts: HashMap<Key, usize>,
    total: usize,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let p = path.display().to_string();
        let text = crate::source::read_text(path).map_err(|source| BaselineError::Read {
            path: p.clone(),
            source,
        })?;
        let file: File = serde_json::from_str(&text).map_err(|source| BaselineError::Parse {
            path: p.clone(),
            source,
        })?;
        if file.version != VERSION {
            return Err(BaselineError::Version {
                path: p,
                found: file.version,
            });
        }
        Ok(Baseline::from_entries(file.findings))
    }

    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Baseline {
        let mut b = Baseline::default();
        for e in entries {
            b.total += e.count;
            *b.counts.entry(e.key).or_default() += e.count;
        }
        b
    }

    /// How many findings with this key the baseline accepts.
    pub fn count(&self, key: &Key) -> usize {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// How many findings the baseline holds.
    pub fn total(&self) -> usize {
        self.total
    }
}

/// Merges entries with the same key and renders the baseline file (sorted, stable). The front
/// end writes it (`outfile::write_baseline`).
pub fn render(entries: &[Entry]) -> String {
    let mut merged: BTreeMap<&Key, Entry> = BTreeMap::new();
    for e in entries {
        merged
            .entry(&e.key)
            .and_modify(|m| m.count += e.count)
            .or_insert_with(|| e.clone());
    }
    let file = File {
        version: VERSION,
        findings: merged.into_values().collect(),
    };
    let mut s = serde_json::to_string_pretty(&file).expect("baseline entries serialize");
    s.push('\n');
    s
}

/// FNV-1a, 64 bit: stable across platforms and Rust versions (unlike `DefaultHasher`).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0xff;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in part.bytes().filter(|&b| b != b'\r') {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The baseline key of a finding.
pub fn key(project: &Project<'_>, d: &Diagnostic) -> Key {
    let file = d.file.map(|f| &project.locales[f.locale].files[f.file]);
    let own = match (file, &d.entry_span) {
        (Some(f), Some(span)) => f.text().get(span.clone()).unwrap_or(""),
        (Some(f), None) => match d.message_id.as_deref().and_then(|id| f.get(id)) {
            Some(entry) => f.text().get(entry.meta.span.clone()).unwrap_or(""),
            None => f.text().get(d.span.clone()).unwrap_or(""),
        },
        (None, _) => "",
    };
    let reference = d
        .reference
        .as_ref()
        .and_then(|r| {
            project.locales[r.file.locale].files[r.file.file]
                .text()
                .get(r.span.clone())
        })
        .unwrap_or("");
    Key {
        rule: d.rule.to_string(),
        locale: project.locales[d.locale].tag().to_string(),
        file: project.rel_of(d),
        message_id: d.message_id.clone(),
        attribute: d.attribute.clone(),
        hash: format!("{:016x}", fnv1a(&[own, reference])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(hash: &str) -> Key {
        Key {
            rule: "numeric-mismatch".into(),
            locale: "sv".into(),
            file: "leaflet.ftl".into(),
            message_id: Some("dose".into()),
            attribute: None,
            hash: hash.into(),
        }
    }

    #[test]
    fn render_merges_counts_and_reads_back() {
        let entries = vec![
            Entry::new(key("a"), "first"),
            Entry::new(key("a"), "second"),
            Entry::new(key("b"), "third"),
        ];
        let text = render(&entries);
        let file: File = serde_json::from_str(&text).unwrap();
        let b = Baseline::from_entries(file.findings);
        assert_eq!(b.count(&key("a")), 2);
        assert_eq!(b.count(&key("b")), 1);
        assert_eq!(b.count(&key("c")), 0);
        assert_eq!(b.total(), 3);
    }

    #[test]
    fn hash_ignores_carriage_returns_but_not_text() {
        assert_eq!(fnv1a(&["a = 1\r\n"]), fnv1a(&["a = 1\n"]));
        assert_ne!(fnv1a(&["a = 1\n"]), fnv1a(&["a = 2\n"]));
        assert_ne!(fnv1a(&["ab", ""]), fnv1a(&["a", "b"]));
    }
}
