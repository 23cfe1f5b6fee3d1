//! Parsing a file once: `fluent-syntax`, behind the guards that keep its recursion and its bugs
//! away from leaflint's callers.

use std::ops::Range;

use fluent_syntax::ast::{self, Entry};
use fluent_syntax::parser::ParserError;

/// How deep placeables, call arguments and select variants may nest before leaflint refuses to
/// parse an entry. `fluent-syntax` parses them by recursion, and a few thousand levels (easy to
/// type by accident, trivial in a malicious file) overflow the stack, which aborts the process.
/// Real leaflets nest three or four levels.
pub const MAX_NESTING: usize = 32;

/// Why [`nesting_overflows`] keeps an entry away from the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Placeables nest deeper than [`MAX_NESTING`]: the parser's recursion would overflow the
    /// stack.
    TooDeep,
    /// A `\u`/`\U` escape in a string literal is cut short by a non-ASCII character
    /// (`{ "\ué" }`). fluent-syntax 0.12 panics on it: `skip_unicode_escape_sequence`
    /// (src/parser/helper.rs) slices the source one byte past the last hex digit to quote the
    /// bad sequence, which lands inside the multi-byte character. The entry is a syntax error
    /// either way (an escape needs 4 or 6 hex digits), so it is skipped as junk, with that
    /// reason, instead of being handed to the parser.
    BadEscape,
}

/// A part of a file skipped because its placeables nest deeper than [`MAX_NESTING`] or because
/// it holds an escape the parser cannot take ([`Guard`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Where the nesting first goes too deep (or the bad escape starts).
    pub at: usize,
    /// Why the entry is not parsed.
    pub why: Guard,
    /// The skipped text: from the start of the entry to the next line that can start an entry
    /// (where the parser would resume after a syntax error).
    pub junk: Range<usize>,
}

/// Parses `text`, leaving out (as junk) every entry whose nesting [`nesting_overflows`] finds too
/// deep, and parsing the parts between them separately.
pub fn parse_guarded(text: &str) -> (ast::Resource<&str>, Vec<ParserError>, Vec<TooDeep>) {
    fn parse(piece: &str) -> (ast::Resource<&str>, Vec<ParserError>) {
        match fluent_syntax::parser::parse(piece) {
            Ok(r) => (r, Vec::new()),
            Err((r, e)) => (r, e),
        }
    }
    let too_deep = nesting_overflows(text);
    if too_deep.is_empty() {
        let (resource, errors) = parse(text);
        return (resource, errors, too_deep);
    }
    let mut body = Vec::new();
    let mut errors = Vec::new();
    let mut from = 0;
    let pieces = too_deep.iter().map(|d| Some(d.junk.clone())).chain([None]);
    for junk in pieces {
        let to = junk.as_ref().map_or(text.len(), |j| j.start);
        let (resource, errs) = parse(&text[from..to]);
        body.extend(resource.body);
        errors.extend(errs.into_iter().map(|mut e| {
            e.pos = e.pos.start + from..e.pos.end + from;
            e.slice = e.slice.map(|r| r.start + from..r.end + from);
            e
        }));
        if let Some(j) = junk {
            body.push(Entry::Junk {
                content: &text[j.clone()],
            });
            from = j.end;
        }
    }
    (ast::Resource { body }, errors, too_deep)
}

/// Finds the entries of `text` that nest deeper than [`MAX_NESTING`], in one pass without
/// recursion. It follows the parser closely enough never to count less than the parser recurses:
/// braces inside string literals (`{ "}" }`) do not count, braces in text do, and the count starts
/// over only where the parser starts over after a syntax error (a line that defines an entry).
pub fn nesting_overflows(text: &str) -> Vec<TooDeep> {
    #[derive(Clone, Copy, PartialEq)]
    enum Open {
        /// Inside `{ … }`; `true` once `->` made it a select expression.
        Expr(bool),
        /// Inside a call's `( … )`.
        Args,
        /// A select variant's pattern: text until the next variant or the closing `}`.
        Variant,
    }
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut entry_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // In text only a line end or a brace (a closing one ends a variant) changes anything:
        // skip to the next one.
        let skip = match stack.last() {
            None => memchr::memchr2(b'\n', b'{', &bytes[i..]),
            Some(Open::Variant) => memchr::memchr3(b'\n', b'{', b'}', &bytes[i..]),
            Some(_) => Some(0),
        };
        match skip {
            Some(k) => i += k,
            None => break,
        }
        let b = bytes[i];
        let in_text = matches!(stack.last(), None | Some(Open::Variant));
        match b {
            b'\n' => {
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                if next.is_ascii_alphabetic() || next == b'-' || next == b'#' {
                    // A line at column 0 ends any pattern; inside an expression, only a line
                    // that defines an entry or is a comment is sure to be a syntax error.
                    if in_text || defines_entry(&bytes[i + 1..]) {
                        stack.clear();
                    }
                    if next != b'#' && stack.is_empty() {
                        entry_start = i + 1;
                    }
                } else if stack.last() == Some(&Open::Variant) {
                    let rest = &bytes[i + 1..];
                    let first = rest
                        .iter()
                        .find(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'));
                    if matches!(first, Some(b'[' | b'*')) {
                        stack.pop();
                    }
                }
            }
            b'{' => stack.push(Open::Expr(false)),
            b'}' => {
                if in_text {
                    if stack.last() == Some(&Open::Variant) {
                        stack.pop();
                        stack.pop();
                    }
                } else {
                    while let Some(o) = stack.pop() {
                        if matches!(o, Open::Expr(_)) {
                            break;
                        }
                    }
                }
            }
            b'"' if !in_text => {
                // A string literal ends at an unescaped quote or, as a syntax error, at the line end.
                i += 1;
                let mut bad = None;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' && bad.is_none() && cut_short_escape(&bytes[i..]) {
                        bad = Some(i);
                    }
                    // A backslash at the line end escapes nothing: the parser stops there.
                    let escaped = bytes[i] == b'\\' && bytes.get(i + 1) != Some(&b'\n');
                    i += if escaped { 2 } else { 1 };
                }
                if let Some(at) = bad {
                    let end = next_entry_start(bytes, at);
                    found.push(TooDeep {
                        at,
                        why: Guard::BadEscape,
                        junk: entry_start..end,
                    });
                    stack.clear();
                    entry_start = end;
                    i = end;
                    continue;
                }
                if bytes.get(i) == Some(&b'\n') {
                    continue;
                }
            }
            b'(' if !in_text => stack.push(Open::Args),
            b')' if stack.last() == Some(&Open::Args) => {
                stack.pop();
            }
            b'-' if !in_text && bytes.get(i + 1) == Some(&b'>') => {
                if let Some(Open::Expr(select)) = stack.last_mut() {
                    *select = true;
                }
            }
            b']' if stack.last() == Some(&Open::Expr(true)) => stack.push(Open::Variant),
            _ => {}
        }
        if stack.len() > MAX_NESTING {
            let end = next_entry_start(bytes, i);
            found.push(TooDeep {
                at: i,
                why: Guard::TooDeep,
                junk: entry_start..end,
            });
            stack.clear();
            entry_start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

/// Whether `b` (starting at a backslash in a string literal) is a `\u`/`\U` escape whose hex
/// digits stop short at a non-ASCII byte: the sequence fluent-syntax 0.12 panics on (see
/// [`Guard::BadEscape`]).
fn cut_short_escape(b: &[u8]) -> bool {
    let length = match b.get(1) {
        Some(b'u') => 4,
        Some(b'U') => 6,
        _ => return false,
    };
    let digits = b[2..]
        .iter()
        .take(length)
        .take_while(|c| c.is_ascii_hexdigit())
        .count();
    digits < length && b.get(2 + digits).is_some_and(|c| !c.is_ascii())
}

/// Whether `line` starts by defining a message or term (`id =`, `-id =`) or is a comment.
fn defines_entry(line: &[u8]) -> bool {
    if line.first() == Some(&b'#') {
        return true;
    }
    let body = line.strip_prefix(b"-").unwrap_or(line);
    let id = body
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b'_')
        .count();
    let after = body[id..].iter().find(|c| !matches!(c, b' ' | b'\t'));
    id > 0 && body[0].is_ascii_alphabetic() && after == Some(&b'=')
}

/// The start of the first line after `from` that can start an entry, as the parser looks for one
/// after a syntax error; the end of the text when there is none.
fn next_entry_start(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            if next.is_ascii_alphabetic() || next == b'-' || next == b'#' {
                return i + 1;
            }
        }
        i += 1;
    }
    bytes.len()
}
