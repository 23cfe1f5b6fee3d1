//! The inline-suppression stage: findings on a message whose comment says
//! `# leaflint-ignore: <rule>` are dropped, and the codes that suppressed nothing become
//! `unused-suppression` findings.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, FileId};
use crate::directive::{directives, Attachment, Directive, ALL};
use crate::project::{ParsedFile, Project};
use crate::rules::{unused_suppression, Sink};
use crate::settings::Settings;

/// Whether `rule` runs for the locale with index `locale`.
fn enabled(settings: &Settings, project: &Project<'_>, rule: &str, locale: usize) -> bool {
    let Some(r) = crate::rules::find(rule) else {
        return false;
    };
    if settings.severity_of(rule, r.meta().severity).is_none() {
        return false;
    }
    let tag = project.locales[locale].tag();
    !matches!(
        settings
            .locale_severity
            .get(rule)
            .and_then(|m| m.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag))),
        Some((_, None))
    )
}

/// Code name → where it is written on one entry: (directive, code) positions.
type CodeIndex<'s> = HashMap<&'s str, Vec<(usize, usize)>>;

/// A suppression with a used flag per code.
type Tracked<'s> = (Directive<'s>, Vec<bool>);

/// Inline suppressions: drops what they suppress, adds `unused-suppression` findings, sorts.
pub fn apply(
    project: &Project<'_>,
    settings: &Settings,
    mut diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    // Suppressions per file, read in parallel: (locale, file) → directives.
    let files: Vec<(FileId, &ParsedFile<'_>)> = project
        .locales
        .iter()
        .enumerate()
        .flat_map(|(li, l)| {
            l.files.iter().enumerate().map(move |(fi, f)| {
                (
                    FileId {
                        locale: li,
                        file: fi,
                    },
                    f,
                )
            })
        })
        .collect();
    let found: Vec<(FileId, Vec<Directive<'_>>)> = files
        .par_iter()
        .map(|(id, f)| {
            let ds: Vec<Directive<'_>> = directives(f)
                .into_iter()
                .filter(|d| d.attachment != Attachment::Detached)
                .collect();
            (*id, ds)
        })
        .filter(|(_, ds)| !ds.is_empty())
        .collect();
    if found.is_empty() {
        return diagnostics;
    }
    // (file, entry index) → the directives on it, with a used flag per code.
    let mut on_entry: HashMap<(FileId, usize), Vec<Tracked<'_>>> = HashMap::new();
    for (fid, ds) in found {
        for d in ds {
            let Attachment::Entry(ei) = d.attachment else {
                continue;
            };
            let used = vec![false; d.codes.len()];
            on_entry.entry((fid, ei)).or_default().push((d, used));
        }
    }
    let entry_of = |d: &Diagnostic| -> Option<(FileId, usize)> {
        let fid = d.file?;
        let id = d.message_id.as_deref()?;
        let file = &project.locales[fid.locale].files[fid.file];
        let first = *file.by_id.get(id)?;
        // An id defined twice: the definition the finding is in.
        let containing = file.repeats.get(id).and_then(|all| {
            all.iter()
                .copied()
                .find(|&e| file.entries[e].span.contains(&d.span.start))
        });
        Some((fid, containing.unwrap_or(first)))
    };
    // (file, entry index) → code name → where it is written (directive, code), so that a
    // finding looks up its rule instead of going through every code of a long comment.
    let mut by_name: HashMap<(FileId, usize), CodeIndex<'_>> = HashMap::new();
    for (key, list) in &on_entry {
        let names = by_name.entry(*key).or_default();
        for (di, (dir, _)) in list.iter().enumerate() {
            for (ci, code) in dir.codes.iter().enumerate() {
                names.entry(code.name).or_default().push((di, ci));
            }
        }
    }
    diagnostics.retain(|d| {
        let Some(key) = entry_of(d) else { return true };
        let (Some(list), Some(names)) = (on_entry.get_mut(&key), by_name.get(&key)) else {
            return true;
        };
        let all = (d.rule != unused_suppression::META.id)
            .then(|| names.get(ALL))
            .flatten();
        let mut suppressed = false;
        for positions in names.get(d.rule).into_iter().chain(all) {
            suppressed = true;
            // Every code of that name is used once one is: mark them once, not per finding.
            if positions.first().is_some_and(|&(di, ci)| !list[di].1[ci]) {
                for &(di, ci) in positions {
                    list[di].1[ci] = true;
                }
            }
        }
        !suppressed
    });

    // Unused codes of rules that ran.
    let meta = &unused_suppression::META;
    let Some(severity) = settings.severity_of(meta.id, meta.severity) else {
        return diagnostics;
    };
    let overridden = settings.severity.contains_key(meta.id);
    let mut keys: Vec<&(FileId, usize)> = on_entry.keys().collect();
    keys.sort_by_key(|(f, e)| (f.locale, f.file, *e));
    for key in keys {
        let (fid, ei) = *key;
        let list = &on_entry[key];
        if !enabled(settings, project, meta.id, fid.locale) {
            continue;
        }
        let self_suppressed = list
            .iter()
            .any(|(d, _)| d.codes.iter().any(|c| c.name == meta.id));
        if self_suppressed {
            continue;
        }
        let file = &project.locales[fid.locale].files[fid.file];
        let entry = file.view(ei);
        let mut sink = Sink::new(meta, severity, overridden, fid.locale);
        for (dir, used) in list {
            for (code, u) in dir.codes.iter().zip(used) {
                if *u {
                    continue;
                }
                let message = if code.name == ALL {
                    format!(
                        "`leaflint-ignore: all` on `{}` suppresses nothing: no rule fires on it",
                        entry.id()
                    )
                } else if enabled(settings, project, code.name, fid.locale) {
                    format!(
                        "`{}` is suppressed on `{}` but does not fire there",
                        code.name,
                        entry.id()
                    )
                } else {
                    // Unknown rules are reported by the rule itself; rules that are off do not
                    // count as unused.
                    continue;
                };
                let d = sink.emit(Some(fid), file.src.path.clone(), code.span.clone(), message);
                d.message_id = Some(entry.id().to_string());
                d.entry_span = Some(entry.meta.span.clone());
            }
        }
        diagnostics.append(&mut sink.diagnostics);
    }
    crate::diagnostic::sort(&mut diagnostics);
    diagnostics
}
