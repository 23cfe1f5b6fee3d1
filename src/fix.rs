//! `--fix` and `--diff`: the safe fixes of a run's findings (those with one right answer, see
//! [`crate::diagnostic::Fix`]), planned per file, then written or shown as a unified diff.
//!
//! A file is written only when it changes, atomically ([`crate::outfile::write_atomic`]), and
//! only when every file to fix may be written: a read-only file or a symbolic link stops the
//! run before anything is written, so a tree is never left half fixed.

use std::path::{Path, PathBuf};

use crate::check::Outcome;
use crate::outcome::Finding;
use crate::report::escape::terminal;

/// The planned change of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFix {
    pub path: PathBuf,
    pub before: String,
    pub after: String,
    /// How many findings the change fixes.
    pub fixed: usize,
}

/// Why the fixes were not written.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("cannot fix `{path}`: {reason}; nothing was written")]
    Refused { path: String, reason: String },
    #[error("cannot write `{path}`: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The fixes of `findings`, per file (in the findings' order), and for each finding whether
/// its fix is part of them. A file that changed since it was checked (an edit that no longer
/// fits its text), or is no longer UTF-8, is left alone; of two fixes that overlap, the first
/// is kept.
pub fn plan(findings: &[Finding]) -> (Vec<FileFix>, Vec<bool>) {
    let mut planned = vec![false; findings.len()];
    let mut files: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        if f.fix.as_ref().is_some_and(|x| !x.edits.is_empty()) {
            match files.iter_mut().find(|(p, _)| *p == f.file) {
                Some((_, list)) => list.push(i),
                None => files.push((f.file.clone(), vec![i])),
            }
        }
    }
    let mut out = Vec::new();
    for (path, list) in files {
        let Ok(bytes) =
            crate::source::read_limited(Path::new(&path), crate::source::MAX_FILE_BYTES)
        else {
            continue;
        };
        let Ok(before) = String::from_utf8(bytes) else {
            continue;
        };
        // (start, end, replacement, finding), in file order, without overlaps.
        let mut edits: Vec<(usize, usize, &str, usize)> = Vec::new();
        for &i in &list {
            let fix = findings[i]
                .fix
                .as_ref()
                .expect("listed findings have fixes");
            let fits = fix.edits.iter().all(|e| {
                e.start <= e.end
                    && before.is_char_boundary(e.start)
                    && before.is_char_boundary(e.end)
                    && e.end <= before.len()
            });
            let overlaps = fix.edits.iter().any(|e| {
                edits
                    .iter()
                    .any(|&(s, t, _, _)| e.start < t && s < e.end || (e.start == s && e.end == t))
            });
            if !fits || overlaps {
                continue;
            }
            edits.extend(
                fix.edits
                    .iter()
                    .map(|e| (e.start, e.end, e.replacement.as_str(), i)),
            );
            planned[i] = true;
        }
        edits.sort_by_key(|e| e.0);
        let mut after = String::with_capacity(before.len());
        let mut at = 0;
        for &(s, t, r, _) in &edits {
            after.push_str(&before[at..s]);
            after.push_str(r);
            at = t;
        }
        after.push_str(&before[at..]);
        let fixed = list.iter().filter(|&&i| planned[i]).count();
        if after != before {
            out.push(FileFix {
                path: PathBuf::from(path),
                before,
                after,
                fixed,
            });
        } else {
            for &i in &list {
                planned[i] = false;
            }
        }
    }
    (out, planned)
}

/// Writes every planned change, after making sure each file may be written.
pub fn write(fixes: &[FileFix]) -> Result<(), FixError> {
    for f in fixes {
        let shown = f.path.display().to_string();
        let meta = std::fs::symlink_metadata(&f.path).map_err(|e| FixError::Refused {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        let reason = if meta.file_type().is_symlink() {
            Some("it is a symbolic link; fix the file it points to")
        } else if !meta.is_file() {
            Some("it is not a regular file")
        } else if meta.permissions().readonly() {
            Some("the file is read-only")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(FixError::Refused {
                path: shown,
                reason: reason.into(),
            });
        }
    }
    for f in fixes {
        crate::outfile::write_atomic(&f.path, |out| out.write_all(f.after.as_bytes())).map_err(
            |source| FixError::Write {
                path: f.path.display().to_string(),
                source,
            },
        )?;
    }
    Ok(())
}

/// The change of one file as a unified diff, each line made safe for a terminal (a removed
/// invisible character shows as `<U+200B>`).
pub fn diff(fix: &FileFix) -> String {
    let shown = fix.path.display().to_string();
    // git's `a/` and `b/` for a relative path; an absolute one as it is.
    let (old, new) = if fix.path.is_relative() {
        (format!("a/{shown}"), format!("b/{shown}"))
    } else {
        (shown.clone(), shown)
    };
    let text = similar::TextDiff::from_lines(&fix.before, &fix.after)
        .unified_diff()
        .context_radius(2)
        .header(&old, &new)
        .to_string();
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(&terminal(line));
        out.push('\n');
    }
    out
}

/// Leaves out of `outcome` the findings whose fix was written, and counts again.
pub fn drop_fixed(outcome: &mut Outcome, planned: &[bool]) {
    let mut i = 0;
    outcome.findings.retain(|_| {
        let keep = !planned.get(i).copied().unwrap_or(false);
        i += 1;
        keep
    });
    let s = &mut outcome.summary;
    s.errors = 0;
    s.warnings = 0;
    s.infos = 0;
    s.by_locale.clear();
    for f in &outcome.findings {
        outcome.summary.count(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::{EditLocation, FixLocation};

    fn finding(file: &str, edits: &[(usize, usize, &str)]) -> Finding {
        Finding {
            rule: "invisible-character",
            severity: crate::diagnostic::Severity::Warning,
            locale: "sv".into(),
            file: file.into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            message_id: None,
            attribute: None,
            variant: None,
            message: String::new(),
            reference: None,
            text: None,
            data: None,
            highlights: Vec::new(),
            snippet: None,
            rel: String::new(),
            labelled: false,
            folded: 0,
            fix: Some(FixLocation {
                title: "remove".into(),
                edits: edits
                    .iter()
                    .map(|&(start, end, r)| EditLocation {
                        start,
                        end,
                        line: 1,
                        column: 1,
                        end_line: 1,
                        end_column: 1,
                        replacement: r.into(),
                    })
                    .collect(),
            }),
        }
    }

    #[test]
    fn fixes_are_applied_in_file_order_and_an_overlapping_or_stale_one_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ftl");
        std::fs::write(&p, "a = x\u{200B}y z\u{200B}w\n").unwrap();
        let path = p.display().to_string();
        let findings = [
            finding(&path, &[(11, 14, "")]),
            finding(&path, &[(5, 8, "")]),
            // the same as the one before
            finding(&path, &[(5, 8, "")]),
            // inside a character: the file is not what was checked
            finding(&path, &[(6, 7, "q")]),
        ];
        let (fixes, planned) = plan(&findings);
        assert_eq!(planned, [true, true, false, false]);
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0].after, "a = xy zw\n");
        assert_eq!(fixes[0].fixed, 2);
        assert!(diff(&fixes[0]).contains("-a = x<U+200B>y z<U+200B>w\n+a = xy zw\n"));
    }
}
