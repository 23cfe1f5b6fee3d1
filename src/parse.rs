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
    /// `\{` in a string literal: no escape in Fluent 1.0 (only `\\`, `\"`, `\uXXXX` and
    /// `\UXXXXXX` are), but fluent-syntax 0.12 still takes it, from an older syntax
    /// (`get_inline_expression` in src/parser/expression.rs: `Some(b'\\') | Some(b'{') |
    /// Some(b'"')`). The reference parser rejects it; so does leaflint, before parsing.
    OldEscape,
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
        let (mut resource, mut errors) = parse(text);
        negative_named_arguments(text, &mut resource, &mut errors);
        missing_commas(text, &mut resource, &mut errors);
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
    let mut resource = ast::Resource { body };
    negative_named_arguments(text, &mut resource, &mut errors);
    missing_commas(text, &mut resource, &mut errors);
    (resource, errors, too_deep)
}

/// Works round another upstream bug: fluent-syntax 0.12 does not require the commas between
/// call arguments (`get_call_arguments` in src/parser/expression.rs ends each argument with
/// `self.take_byte_if(b',')`), so `{ NUMBER($n style: "percent") }` parses, though the grammar
/// says `argument_list ::= (Argument blank? "," blank?)* Argument?` and the reference parser
/// rejects it. Each entry with a call whose neighbouring arguments have no comma between them
/// becomes junk, as the parser would have made it, with the error at the second argument. Costs
/// one `memchr` on a file without a `(`.
fn missing_commas<'t>(
    text: &'t str,
    resource: &mut ast::Resource<&'t str>,
    errors: &mut Vec<ParserError>,
) {
    use crate::fluent::{offset_in, parts, walk_pattern, Visitor};
    use ast::InlineExpression as E;
    if memchr::memchr(b'(', text.as_bytes()).is_none() && !text.ends_with(' ') {
        return;
    }
    /// Where an argument starts and ends in `text`; `None` for a placeable argument.
    fn bounds(text: &str, e: &E<&str>) -> Option<(usize, usize)> {
        let span = |s: &str| offset_in(text, s).map(|o| (o, o + s.len()));
        let args_end = |a: &ast::CallArguments<&str>| {
            let named = a.named.iter().map(|n| &n.value);
            a.positional
                .iter()
                .chain(named)
                .last()
                .and_then(|l| bounds(text, l))
                .map(|b| b.1)
        };
        match e {
            E::StringLiteral { value } => span(value).map(|(s, e)| (s.saturating_sub(1), e + 1)),
            E::NumberLiteral { value } => span(value),
            E::VariableReference { id } => span(id.name).map(|(s, e)| (s.saturating_sub(1), e)),
            E::MessageReference { id, attribute } => {
                let (s, mut end) = span(id.name)?;
                if let Some(a) = attribute.as_ref().and_then(|a| span(a.name)) {
                    end = a.1;
                }
                Some((s, end))
            }
            E::TermReference {
                id,
                attribute,
                arguments,
            } => {
                let (s, mut end) = span(id.name)?;
                if let Some(a) = attribute.as_ref().and_then(|a| span(a.name)) {
                    end = a.1;
                }
                if let Some(e) = arguments.as_ref().and_then(args_end) {
                    end = end.max(e);
                }
                Some((s.saturating_sub(1), end))
            }
            E::FunctionReference { id, arguments } => {
                let (s, end) = span(id.name)?;
                Some((s, args_end(arguments).map_or(end, |e| e.max(end))))
            }
            E::Placeable { .. } => None,
        }
    }
    #[derive(Clone, Copy)]
    enum Problem {
        Comma,
        Literal,
    }
    struct Commas<'a> {
        text: &'a str,
        missing: Option<(usize, Problem)>,
    }
    impl<'s> Visitor<'s> for Commas<'_> {
        fn inline(&mut self, expr: &'s E<&'s str>) {
            let arguments = match expr {
                E::FunctionReference { arguments, .. } => arguments,
                E::TermReference {
                    arguments: Some(arguments),
                    ..
                } => arguments,
                _ => return,
            };
            if self.missing.is_some() {
                return;
            }
            // A named argument's value is a literal (`NamedArgument ::= Identifier blank? ":"
            // blank? (StringLiteral | NumberLiteral)`); the crate's `get_inline_expression`
            // takes an identifier there too (its `is_ascii_alphabetic` case has no
            // `!only_literal` guard), as a message reference.
            for n in &arguments.named {
                if !matches!(n.value, E::StringLiteral { .. } | E::NumberLiteral { .. }) {
                    self.missing = bounds(self.text, &n.value).map(|b| (b.0, Problem::Literal));
                    if self.missing.is_some() {
                        return;
                    }
                }
            }
            let mut previous: Option<usize> = None;
            let named = arguments.named.iter().map(|n| {
                let value = bounds(self.text, &n.value);
                let name = offset_in(self.text, n.name.name);
                name.zip(value).map(|(s, (_, e))| (s, e))
            });
            for b in arguments
                .positional
                .iter()
                .map(|a| bounds(self.text, a))
                .chain(named)
            {
                if let (Some(end), Some((start, _))) = (previous, b) {
                    if !self.text.get(end..start).is_some_and(|t| t.contains(',')) {
                        self.missing = Some((start, Problem::Comma));
                        return;
                    }
                }
                previous = b.map(|b| b.1);
            }
        }
    }
    let bytes = text.as_bytes();
    let mut body = Vec::with_capacity(resource.body.len());
    for mut entry in std::mem::take(&mut resource.body) {
        // Blanks at the very end of a file without a final newline are a `blank_block` (the
        // grammar's `line_end` includes the end of input); the crate makes them junk.
        if let Entry::Junk { content } = &entry {
            if !content.is_empty() && content.bytes().all(|b| b == b' ') {
                let start = content.as_ptr() as usize - text.as_ptr() as usize;
                if start + content.len() == text.len() {
                    errors.retain(|e| e.slice.as_ref().is_none_or(|s| s.start != start));
                    continue;
                }
            }
        }
        let (id, value, attributes, comment) = match &mut entry {
            Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes, &mut m.comment),
            Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes, &mut t.comment),
            _ => {
                body.push(entry);
                continue;
            }
        };
        let mut v = Commas {
            text,
            missing: None,
        };
        for part in parts(value, attributes) {
            walk_pattern(part.pattern, &mut v);
        }
        let (Some((at, problem)), Some(id_at)) = (v.missing, offset_in(text, id)) else {
            body.push(entry);
            continue;
        };
        let start = bytes[..id_at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = next_entry_start(bytes, at).max(at + 1).min(text.len());
        errors.push(ParserError {
            pos: at..at + 1,
            slice: Some(start..end),
            kind: match problem {
                Problem::Comma => fluent_syntax::parser::ErrorKind::ExpectedToken(','),
                Problem::Literal => fluent_syntax::parser::ErrorKind::ExpectedLiteral,
            },
        });
        // The entry's comment stays a comment; the entry is junk.
        if let Some(c) = comment.take() {
            body.push(Entry::Comment(c));
        }
        body.push(Entry::Junk {
            content: &text[start..end],
        });
    }
    resource.body = body;
    errors.sort_by_key(|e| e.pos.start);
}

/// Whether `e` is fluent-syntax 0.12's error on a negative number as a named argument's value
/// (`NUMBER($n, minimumFractionDigits: -1)`), which the Fluent grammar allows: `NamedArgument ::=
/// Identifier blank? ":" blank? (StringLiteral | NumberLiteral)` with `NumberLiteral ::= "-"?
/// digits …`. Its `get_inline_expression` takes a `-` only where any expression may stand
/// (`Some(b'-') if !only_literal`), so a named argument's `-1` is "expected a string or number
/// literal".
fn is_negative_named_argument(text: &str, e: &ParserError) -> bool {
    let b = text.as_bytes();
    matches!(e.kind, fluent_syntax::parser::ErrorKind::ExpectedLiteral)
        && b.get(e.pos.start) == Some(&b'-')
        && b.get(e.pos.start + 1).is_some_and(u8::is_ascii_digit)
}

/// Works round the upstream bug of [`is_negative_named_argument`]: each entry the parser gave up
/// on only because of it is parsed again from a copy in which the minus signs of those arguments
/// are zeros (same length, so every position stays exact), and the entries parsed from the copy
/// are mapped back to the slices of `text` at the same places, so that a value reads `-1` again.
/// An entry with any other error stays as it was. Costs nothing on a file without errors.
fn negative_named_arguments<'t>(
    text: &'t str,
    resource: &mut ast::Resource<&'t str>,
    errors: &mut Vec<ParserError>,
) {
    if !errors.iter().any(|e| is_negative_named_argument(text, e)) {
        return;
    }
    let base = text.as_ptr() as usize;
    let mut body = Vec::with_capacity(resource.body.len());
    let mut entries = std::mem::take(&mut resource.body).into_iter().peekable();
    while let Some(entry) = entries.next() {
        let Entry::Junk { content } = entry else {
            body.push(entry);
            continue;
        };
        let start = content.as_ptr() as usize - base;
        let mut range = start..start + content.len();
        // The parser gives each junk entry one error whose `slice` is that entry; its position
        // may lie at the junk's end (an unclosed `{` is found on the next line, where the next
        // entry starts), so the slice, not the position, says which entry an error is of.
        let of = |e: &ParserError, range: &std::ops::Range<usize>| match &e.slice {
            Some(s) => s.start == range.start,
            None => range.contains(&e.pos.start),
        };
        let Some(first) = errors
            .iter()
            .find(|e| of(e, &range) && is_negative_named_argument(text, e))
        else {
            body.push(Entry::Junk { content });
            continue;
        };
        // A negative argument at the start of a continuation line (`minimumFractionDigits:`
        // then `-1)` at column 0): the parser ends the entry before the `-`, which it takes
        // for the start of a term, and makes the rest junk of its own. The two are one entry.
        let mut starts = vec![range.start];
        if first.pos.start >= range.end {
            if let Some(Entry::Junk { content: next }) = entries.peek() {
                let next_start = next.as_ptr() as usize - base;
                if next_start == range.end {
                    range.end = next_start + next.len();
                    starts.push(next_start);
                    entries.next();
                }
            }
        }
        let content = &text[range.clone()];
        let inside = |e: &ParserError| match &e.slice {
            Some(s) => starts.contains(&s.start),
            None => range.contains(&e.pos.start),
        };
        match reparse_with_zeros(content) {
            Some(mut entries) => {
                // A comment right above the entry is the entry's own, as when it parses at once
                // (a `# leaflint-ignore:` line among them).
                let end = |c: &ast::Comment<&str>| {
                    c.content
                        .last()
                        .map(|l| l.as_ptr() as usize - base + l.len())
                };
                let attached = match (body.last(), entries.first()) {
                    (
                        Some(Entry::Comment(c)),
                        Some(Entry::Message(ast::Message { comment: None, .. })),
                    )
                    | (
                        Some(Entry::Comment(c)),
                        Some(Entry::Term(ast::Term { comment: None, .. })),
                    ) => end(c).is_some_and(|e| text.get(e..start) == Some("\n")),
                    _ => false,
                };
                if attached {
                    if let Some(Entry::Comment(c)) = body.pop() {
                        match entries.first_mut() {
                            Some(Entry::Message(m)) => m.comment = Some(c),
                            Some(Entry::Term(t)) => t.comment = Some(c),
                            _ => {}
                        }
                    }
                }
                body.extend(entries);
                errors.retain(|e| !inside(e));
            }
            // Not valid even so: the junk stays as the parser cut it.
            None => {
                let mut cuts = starts.clone();
                cuts.push(range.end);
                for w in cuts.windows(2) {
                    body.push(Entry::Junk {
                        content: &text[w[0]..w[1]],
                    });
                }
            }
        }
    }
    resource.body = body;
}

/// The entries of `junk` parsed with the minus sign of each negative named argument read as a
/// zero, as slices of `junk`; `None` if it has any other error. Every `-` before a digit that
/// follows a `:` (blanks between) is turned: in text or a string literal a `0` parses as a `-`
/// does (and the slices come from `junk`, which still has the `-`), so only named arguments
/// parse differently. (The parser cannot name them all: after the first, an attribute's error
/// shows as another error.)
fn reparse_with_zeros(junk: &str) -> Option<Vec<Entry<&str>>> {
    let b = junk.as_bytes();
    let signs: Vec<usize> = (0..b.len())
        .filter(|&i| {
            b[i] == b'-'
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && b[..i]
                    .iter()
                    .rev()
                    .find(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
                    == Some(&b':')
        })
        .collect();
    let mut copy = junk.to_string();
    for &i in &signs {
        copy.replace_range(i..i + 1, "0");
    }
    let r = fluent_syntax::parser::parse(copy.as_str()).ok()?;
    let at = |s: &str| {
        let o = s.as_ptr() as usize - copy.as_ptr() as usize;
        &junk[o..o + s.len()]
    };
    Some(r.body.into_iter().map(|e| remap::entry(e, &at)).collect())
}

/// The same syntax tree with each slice replaced by `at(slice)`.
mod remap {
    use fluent_syntax::ast::*;

    pub fn entry<'a, 't>(e: Entry<&'a str>, at: &impl Fn(&'a str) -> &'t str) -> Entry<&'t str> {
        match e {
            Entry::Message(m) => Entry::Message(Message {
                id: ident(m.id, at),
                value: m.value.map(|p| pattern(p, at)),
                attributes: m.attributes.into_iter().map(|a| attr(a, at)).collect(),
                comment: m.comment.map(|c| comment(c, at)),
            }),
            Entry::Term(t) => Entry::Term(Term {
                id: ident(t.id, at),
                value: pattern(t.value, at),
                attributes: t.attributes.into_iter().map(|a| attr(a, at)).collect(),
                comment: t.comment.map(|c| comment(c, at)),
            }),
            Entry::Comment(c) => Entry::Comment(comment(c, at)),
            Entry::GroupComment(c) => Entry::GroupComment(comment(c, at)),
            Entry::ResourceComment(c) => Entry::ResourceComment(comment(c, at)),
            Entry::Junk { content } => Entry::Junk {
                content: at(content),
            },
        }
    }

    fn ident<'a, 't>(
        i: Identifier<&'a str>,
        at: &impl Fn(&'a str) -> &'t str,
    ) -> Identifier<&'t str> {
        Identifier { name: at(i.name) }
    }

    fn comment<'a, 't>(c: Comment<&'a str>, at: &impl Fn(&'a str) -> &'t str) -> Comment<&'t str> {
        Comment {
            content: c.content.into_iter().map(at).collect(),
        }
    }

    fn attr<'a, 't>(a: Attribute<&'a str>, at: &impl Fn(&'a str) -> &'t str) -> Attribute<&'t str> {
        Attribute {
            id: ident(a.id, at),
            value: pattern(a.value, at),
        }
    }

    fn pattern<'a, 't>(p: Pattern<&'a str>, at: &impl Fn(&'a str) -> &'t str) -> Pattern<&'t str> {
        Pattern {
            elements: p
                .elements
                .into_iter()
                .map(|e| match e {
                    PatternElement::TextElement { value } => {
                        PatternElement::TextElement { value: at(value) }
                    }
                    PatternElement::Placeable { expression } => PatternElement::Placeable {
                        expression: expr(expression, at),
                    },
                })
                .collect(),
        }
    }

    fn expr<'a, 't>(
        e: Expression<&'a str>,
        at: &impl Fn(&'a str) -> &'t str,
    ) -> Expression<&'t str> {
        match e {
            Expression::Select { selector, variants } => Expression::Select {
                selector: inline(selector, at),
                variants: variants
                    .into_iter()
                    .map(|v| Variant {
                        key: match v.key {
                            VariantKey::Identifier { name } => {
                                VariantKey::Identifier { name: at(name) }
                            }
                            VariantKey::NumberLiteral { value } => {
                                VariantKey::NumberLiteral { value: at(value) }
                            }
                        },
                        value: pattern(v.value, at),
                        default: v.default,
                    })
                    .collect(),
            },
            Expression::Inline(i) => Expression::Inline(inline(i, at)),
        }
    }

    fn args<'a, 't>(
        a: CallArguments<&'a str>,
        at: &impl Fn(&'a str) -> &'t str,
    ) -> CallArguments<&'t str> {
        CallArguments {
            positional: a.positional.into_iter().map(|i| inline(i, at)).collect(),
            named: a
                .named
                .into_iter()
                .map(|n| NamedArgument {
                    name: ident(n.name, at),
                    value: inline(n.value, at),
                })
                .collect(),
        }
    }

    fn inline<'a, 't>(
        i: InlineExpression<&'a str>,
        at: &impl Fn(&'a str) -> &'t str,
    ) -> InlineExpression<&'t str> {
        match i {
            InlineExpression::StringLiteral { value } => {
                InlineExpression::StringLiteral { value: at(value) }
            }
            InlineExpression::NumberLiteral { value } => {
                InlineExpression::NumberLiteral { value: at(value) }
            }
            InlineExpression::FunctionReference { id, arguments } => {
                InlineExpression::FunctionReference {
                    id: ident(id, at),
                    arguments: args(arguments, at),
                }
            }
            InlineExpression::MessageReference { id, attribute } => {
                InlineExpression::MessageReference {
                    id: ident(id, at),
                    attribute: attribute.map(|a| ident(a, at)),
                }
            }
            InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => InlineExpression::TermReference {
                id: ident(id, at),
                attribute: attribute.map(|a| ident(a, at)),
                arguments: arguments.map(|a| args(a, at)),
            },
            InlineExpression::VariableReference { id } => {
                InlineExpression::VariableReference { id: ident(id, at) }
            }
            InlineExpression::Placeable { expression } => InlineExpression::Placeable {
                expression: Box::new(expr(*expression, at)),
            },
        }
    }
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
                    if bytes[i] == b'\\' && bad.is_none() {
                        if cut_short_escape(&bytes[i..]) {
                            bad = Some((i, Guard::BadEscape));
                        } else if bytes.get(i + 1) == Some(&b'{') {
                            bad = Some((i, Guard::OldEscape));
                        }
                    }
                    // A backslash at the line end escapes nothing: the parser stops there.
                    let escaped = bytes[i] == b'\\' && bytes.get(i + 1) != Some(&b'\n');
                    i += if escaped { 2 } else { 1 };
                }
                if let Some((at, why)) = bad {
                    let end = next_entry_start(bytes, at);
                    found.push(TooDeep {
                        at,
                        why,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Vec<Entry<&str>>, Vec<ParserError>) {
        let (r, e, _) = parse_guarded(text);
        (r.body, e)
    }

    /// The value of the first named argument of the first placeable of a message's value.
    fn first_named(e: &Entry<&str>) -> Option<String> {
        let Entry::Message(m) = e else { return None };
        m.value.as_ref()?.elements.iter().find_map(|el| match el {
            ast::PatternElement::Placeable {
                expression:
                    ast::Expression::Inline(ast::InlineExpression::FunctionReference {
                        arguments, ..
                    }),
            } => arguments.named.first().map(|n| match &n.value {
                ast::InlineExpression::NumberLiteral { value } => value.to_string(),
                other => format!("{other:?}"),
            }),
            _ => None,
        })
    }

    #[test]
    fn a_negative_named_argument_is_valid_fluent() {
        let text = "a = { NUMBER($n, minimumFractionDigits: -1) } st\nb = Ratio: -5 { NUMBER($n, x: -2.5, y: \"-3\") }\n";
        let (body, errors) = parsed(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(body.len(), 2, "{body:?}");
        assert_eq!(first_named(&body[0]).as_deref(), Some("-1"));
        // The slices are the file's own, at their places.
        let Entry::Message(b) = &body[1] else {
            panic!("{body:?}")
        };
        let Some(ast::PatternElement::TextElement { value }) =
            b.value.as_ref().and_then(|p| p.elements.first())
        else {
            panic!("{b:?}")
        };
        assert_eq!(*value, "Ratio: -5 ");
        assert_eq!(
            value.as_ptr() as usize - text.as_ptr() as usize,
            text.find("Ratio").unwrap()
        );
        assert_eq!(first_named(&body[1]).as_deref(), Some("-2.5"));
    }

    #[test]
    fn negative_named_arguments_of_attributes_and_terms_and_the_comment_above() {
        let text = "# leaflint-ignore: numeric-mismatch\nd = { -brand(case: -3) } { NUMBER($n, x: -1) }\n    .attr = { NUMBER($m, y: -4) }\n";
        let (body, errors) = parsed(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(body.len(), 1, "{body:?}");
        let Entry::Message(m) = &body[0] else {
            panic!("{body:?}")
        };
        assert_eq!(m.attributes.len(), 1);
        assert_eq!(
            m.comment.as_ref().map(|c| c.content.clone()),
            Some(vec!["leaflint-ignore: numeric-mismatch"])
        );
    }

    #[test]
    fn what_the_grammar_does_not_allow_stays_an_error() {
        for text in [
            // A blank between the sign and the digits.
            "c = { NUMBER($n, x: - 1) }\n",
            // A sign before a name.
            "c = { NUMBER($n, x: -a) }\n",
            // A negative argument and another error in the same entry.
            "c = { NUMBER($n, x: -1) } { $ }\n",
            "c = { NUMBER($n, x: -1) }\n    .attr = { NUMBER($n, y: -) }\n",
        ] {
            let (body, errors) = parsed(text);
            assert_eq!(errors.len(), 1, "{text}: {errors:?}");
            assert!(
                matches!(body[0], Entry::Junk { content } if content == text),
                "{text}: {body:?}"
            );
        }
    }
}
