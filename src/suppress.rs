//! What happens to findings after the rules ran: inline `# leaflint-ignore:` suppressions (and
//! `unused-suppression`), per-locale levels, project filters, `[[ignore]]` entries,
//! `--changed-since` and the baseline, in that order.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use fluent_syntax::ast::Entry;
use rayon::prelude::*;

use crate::baseline::{self, Baseline};
use crate::changed::{ChangedSet, Changes};
use crate::config::IgnoreRule;
use crate::diagnostic::{Diagnostic, FileId};
use crate::mozilla::{Action, ProjectFilters};
use crate::project::{ParsedFile, Project};
use crate::rules::{unused_suppression, Settings, Sink};

/// The comment prefix of a suppression.
pub const PREFIX: &str = "leaflint-ignore:";
/// The code that suppresses every rule (except `unused-suppression`).
pub const ALL: &str = "all";

/// Filters configured for a run (see [`Settings::filters`]).
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// `[[ignore]]` entries of the configuration.
    pub ignores: Vec<IgnoreRule>,
    /// `[[filters]]` of a Mozilla project configuration.
    pub project: Option<Arc<ProjectFilters>>,
    /// Known findings to leave out (`--baseline`).
    pub baseline: Option<Arc<Baseline>>,
    /// Collect baseline entries for every finding reported (`--write-baseline`).
    pub record_baseline: bool,
    /// Report only findings in what changed since a git revision (`--changed-since`).
    pub changes: Option<Arc<Changes>>,
}

/// Where a suppression comment sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attachment {
    /// Attached to the entry with this index in the file.
    Entry(usize),
    /// A standalone, group or resource comment: it suppresses nothing.
    Detached,
}

/// One rule id in a suppression.
#[derive(Debug, Clone)]
pub struct Code<'s> {
    pub name: &'s str,
    pub span: Range<usize>,
}

/// One `# leaflint-ignore: a, b -- reason` line.
#[derive(Debug, Clone)]
pub struct Directive<'s> {
    pub attachment: Attachment,
    pub codes: Vec<Code<'s>>,
    pub reason: Option<&'s str>,
    /// The comment line's text after `#`.
    pub span: Range<usize>,
}

/// Parses one comment line; `None` when it is not a suppression.
fn parse_line<'s>(
    file: &ParsedFile<'s>,
    line: &'s str,
    attachment: Attachment,
) -> Option<Directive<'s>> {
    let start = file.offset(line)?;
    let trimmed = line.trim_start();
    let rest = trimmed.strip_prefix(PREFIX)?;
    let rest_start = start + (line.len() - trimmed.len()) + PREFIX.len();
    let (list, reason) = match rest.find("--") {
        Some(i) => (
            &rest[..i],
            Some(rest[i + 2..].trim()).filter(|r| !r.is_empty()),
        ),
        None => (rest, None),
    };
    let mut codes = Vec::new();
    let mut at = 0;
    for piece in list.split(',') {
        let name = piece.trim();
        if !name.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            let s = rest_start + at + lead;
            codes.push(Code {
                name,
                span: s..s + name.len(),
            });
        }
        at += piece.len() + 1;
    }
    Some(Directive {
        attachment,
        codes,
        reason,
        span: start..start + line.len(),
    })
}

/// Every suppression comment of a file, in source order.
pub fn directives<'s>(file: &ParsedFile<'s>) -> Vec<Directive<'s>> {
    let mut out = Vec::new();
    // A directive is a comment line of the file's text starting with the prefix: most files
    // hold none.
    if !file.text().contains(PREFIX) {
        return out;
    }
    let mut entry_of_body = HashMap::new();
    for (i, e) in file.entries.iter().enumerate() {
        entry_of_body.insert(e.body_index, i);
    }
    for (bi, entry) in file.resource.body.iter().enumerate() {
        let (comment, attachment) = match entry {
            Entry::Message(m) => (m.comment.as_ref(), entry_of_body.get(&bi)),
            Entry::Term(t) => (t.comment.as_ref(), entry_of_body.get(&bi)),
            Entry::Comment(c) | Entry::GroupComment(c) | Entry::ResourceComment(c) => {
                (Some(c), None)
            }
            Entry::Junk { .. } => continue,
        };
        let Some(comment) = comment else { continue };
        let attachment = match attachment {
            Some(&i) => Attachment::Entry(i),
            None if matches!(entry, Entry::Message(_) | Entry::Term(_)) => continue,
            None => Attachment::Detached,
        };
        for line in &comment.content {
            if let Some(d) = parse_line(file, line, attachment) {
                out.push(d);
            }
        }
    }
    out
}

/// The result of [`apply`] on one tree.
#[derive(Debug, Default)]
pub struct Applied {
    pub diagnostics: Vec<Diagnostic>,
    /// Baseline entries for the findings reported (when recording).
    pub baseline: Vec<baseline::Entry>,
    /// Findings left out because the baseline knows them.
    pub baselined: usize,
}

/// The path of a finding's file relative to its locale directory.
pub fn rel_of(project: &Project<'_>, d: &Diagnostic) -> String {
    if let Some(id) = d.file {
        return project.locales[id.locale].files[id.file].src.rel.clone();
    }
    let dir = &project.locales[d.locale].source.dir;
    match Path::new(&d.path).strip_prefix(dir) {
        Ok(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => d.path.clone(),
    }
}

/// Whether `rule` runs for the locale with index `locale`.
fn enabled(settings: &Settings, project: &Project<'_>, rule: &str, locale: usize) -> bool {
    let Some(r) = crate::rules::find(rule) else {
        return false;
    };
    if settings.severity_of(r.meta()).is_none() {
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

/// Applies suppressions and filters to one tree's diagnostics and sorts them.
pub fn apply(project: &Project<'_>, settings: &Settings, diagnostics: Vec<Diagnostic>) -> Applied {
    let mut diagnostics = inline(project, settings, diagnostics);
    let filters = &settings.filters;

    // Per-locale levels, project filters and `[[ignore]]` entries.
    let has_locale_levels = !settings.locale_severity.is_empty();
    if has_locale_levels || filters.project.is_some() || !filters.ignores.is_empty() {
        diagnostics.retain_mut(|d| {
            let tag = project.locales[d.locale].tag();
            if let Some(level) = settings
                .locale_severity
                .get(d.rule)
                .and_then(|m| m.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag)))
                .map(|(_, l)| *l)
            {
                match level {
                    None => return false,
                    Some(s) => d.severity = s,
                }
            }
            let rel = rel_of(project, d);
            if let Some(p) = &filters.project {
                match p.action(tag, &rel, d.message_id.as_deref()) {
                    Some(Action::Ignore) => return false,
                    Some(Action::Severity(s)) => d.severity = s,
                    None => {}
                }
            }
            !filters.ignores.iter().any(|i| {
                i.matches(
                    d.rule,
                    tag,
                    &rel,
                    d.message_id.as_deref(),
                    d.attribute.as_deref(),
                )
            })
        });
    }

    if let Some(changes) = &filters.changes {
        let set = ChangedSet::compute(project, changes);
        diagnostics.retain(|d| set.keeps(project, d));
    }

    let mut applied = Applied::default();
    if filters.record_baseline || filters.baseline.is_some() {
        let mut used: HashMap<baseline::Key, usize> = HashMap::new();
        diagnostics.retain(|d| {
            let key = baseline::key(project, d);
            if filters.record_baseline {
                applied
                    .baseline
                    .push(baseline::Entry::new(key.clone(), &d.message));
            }
            if let Some(b) = &filters.baseline {
                let known = b.count(&key);
                let n = used.entry(key).or_default();
                if *n < known {
                    *n += 1;
                    applied.baselined += 1;
                    return false;
                }
            }
            true
        });
    }
    applied.diagnostics = diagnostics;
    applied
}

/// A suppression with a used flag per code.
type Tracked<'s> = (Directive<'s>, Vec<bool>);

/// Inline suppressions: drops what they suppress, adds `unused-suppression` findings, sorts.
fn inline(
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
    diagnostics.retain(|d| {
        let Some(key) = entry_of(d) else { return true };
        let Some(list) = on_entry.get_mut(&key) else {
            return true;
        };
        let mut suppressed = false;
        for (dir, used) in list.iter_mut() {
            for (code, u) in dir.codes.iter().zip(used.iter_mut()) {
                let hit = code.name == d.rule
                    || (code.name == ALL && d.rule != unused_suppression::META.id);
                if hit {
                    *u = true;
                    suppressed = true;
                }
            }
        }
        !suppressed
    });

    // Unused codes of rules that ran.
    let meta = &unused_suppression::META;
    let Some(severity) = settings.severity_of(meta) else {
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
