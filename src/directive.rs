//! `# leaflint-ignore: rule, rule -- reason` comments: where they are in a parsed file and what
//! they name. The inline-suppression stage of the engine applies them; the
//! `unused-suppression` rule reports those that cannot work.

use std::collections::HashMap;
use std::ops::Range;

use fluent_syntax::ast::Entry;

use crate::project::ParsedFile;

/// The comment prefix of a suppression.
pub const PREFIX: &str = "leaflint-ignore:";
/// The code that suppresses every rule (except `unused-suppression`).
pub const ALL: &str = "all";

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

/// Comment lines that start with `leaflint-ignore` but not with [`PREFIX`]
/// (`# leaflint-ignore numeric-mismatch`): (span of the line after `#`, the text after
/// `leaflint-ignore` without a leading `=`). Lines of every kind of comment count.
pub fn malformed<'s>(file: &ParsedFile<'s>) -> Vec<(Range<usize>, &'s str)> {
    const WORD: &str = "leaflint-ignore";
    let mut out = Vec::new();
    if !file.text().contains(WORD) {
        return out;
    }
    for entry in &file.resource.body {
        let comment = match entry {
            Entry::Message(m) => m.comment.as_ref(),
            Entry::Term(t) => t.comment.as_ref(),
            Entry::Comment(c) | Entry::GroupComment(c) | Entry::ResourceComment(c) => Some(c),
            Entry::Junk { .. } => None,
        };
        let Some(comment) = comment else { continue };
        for line in &comment.content {
            let trimmed = line.trim_start();
            let Some(rest) = trimmed.strip_prefix(WORD) else {
                continue;
            };
            // `leaflint-ignore:` is a suppression; `leaflint-ignored` is another word.
            if rest.starts_with(':')
                || rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
            {
                continue;
            }
            let Some(start) = file.offset(line) else {
                continue;
            };
            let rest = rest.trim_start();
            let rest = rest.strip_prefix(['=', ':']).unwrap_or(rest);
            out.push((start..start + line.len(), rest));
        }
    }
    out
}
