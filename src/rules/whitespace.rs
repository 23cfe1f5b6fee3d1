#![doc = include_str!("../../docs/rules/whitespace.md")]

use std::ops::Range;

use fluent_syntax::ast::{Pattern, PatternElement};

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{
    for_each_reading, is_blank, offset_in, parts, shown, shown_text, shows_nothing, text_runs, Run,
    Shown, ShownKind,
};
use crate::lang::typography::{typography_for, Ending, UnitSpace};
use crate::lang::{excerpt, excerpt_end};
use crate::numeric::tables::SYMBOL_UNITS;
use crate::numeric::Unit as Measure;
use crate::project::EntryView;

pub struct Whitespace;

static META: RuleMeta = RuleMeta {
    id: "whitespace",
    severity: Severity::Warning,
    summary: "leading or trailing whitespace that differs from the reference, a double space inside a line, a space before a punctuation mark, or a number glued to its unit where the locale sets them apart",
    doc: include_str!("../../docs/rules/whitespace.md"),
};

/// A double space after the end of a sentence (`tablet.  Swallow`), which some writers type on
/// purpose, and one anywhere else.
const AFTER_SENTENCE: u8 = 1;
const INNER: u8 = 2;

/// Longest excerpt of a string in a message.
const SHOWN: usize = 40;

/// What the scan of a part's text found.
#[derive(Debug, Clone)]
enum Hit<'s> {
    /// Two spaces in a line, of kind [`AFTER_SENTENCE`] or [`INNER`].
    Double { span: Range<usize>, kind: u8 },
    /// A space before a punctuation mark that ends something (`översätter .`).
    SpacedMark { span: Range<usize>, mark: char },
    /// A number glued to a unit symbol (`10mg`).
    Glued {
        span: Range<usize>,
        number: &'s str,
        unit: &'static str,
    },
}

/// What of a reference part excuses the same in its translation.
#[derive(Debug, Default, Clone, Copy)]
struct Habits {
    /// The kinds of double space it has.
    doubles: u8,
    /// Whether it has a space before a punctuation mark.
    spaced_marks: bool,
}

/// The length of the space character at byte `i`: a space, a no-break space (U+00A0) or a
/// narrow no-break space (U+202F); 0 for anything else.
#[inline]
fn space_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' => 1,
        0xC2 if b.get(i + 1) == Some(&0xA0) => 2,
        0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xAF) => 3,
        _ => 0,
    }
}

/// The bytes [`scan_text`] looks at: a line end, a space, the lead bytes of the no-break and
/// narrow no-break spaces (U+00A0, U+202F), digits.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b' ' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = true;
        d += 1;
    }
    t
};

/// The character that ends `text[..i]`.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Whether another run of two or more spaces follows in the same line, from byte `i`.
fn another_double(b: &[u8], mut i: usize) -> bool {
    let mut run = 0;
    while i < b.len() && b[i] != b'\n' {
        let w = space_len(b, i);
        if w > 0 {
            run += 1;
            if run >= 2 {
                return true;
            }
            i += w;
        } else {
            run = 0;
            i += 1;
        }
    }
    false
}

/// The unit symbol glued at byte `j` of `text` (the longest that ends at a word boundary),
/// of those a space sets apart: not `x` (`2x`, a multiplier) or `h`.
fn unit_at(text: &str, j: usize) -> Option<&'static str> {
    let rest = text.get(j..)?;
    let first = *rest.as_bytes().first()?;
    if first.is_ascii_digit() || first == b' ' {
        return None;
    }
    SYMBOL_UNITS
        .iter()
        .filter(|(_, u)| !matches!(u, Measure::Times | Measure::Hour))
        .filter(|(s, _)| rest.starts_with(s))
        .filter(|(s, _)| {
            !rest[s.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
        .map(|(s, _)| *s)
        .max_by_key(|s| s.len())
}

/// Scans one element's text. `line_start`: the text starts a line.
fn scan_text<'s>(
    text: &'s str,
    off: usize,
    line_start: bool,
    units: bool,
    hits: &mut Vec<Hit<'s>>,
) {
    let b = text.as_bytes();
    let mut line_start = line_start;
    // The line is laid out with spaces (indented, or in columns): no double space in it counts.
    let mut layout = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // Most bytes are none of a line end, a space, the lead byte of a no-break space or a
        // digit: stepped over in a tight loop.
        if !SPECIAL[usize::from(c)] {
            line_start = false;
            i += 1;
            while i < b.len() && !SPECIAL[usize::from(b[i])] {
                i += 1;
            }
            continue;
        }
        if c == b'\n' {
            line_start = true;
            layout = false;
            i += 1;
            continue;
        }
        if space_len(b, i) > 0 {
            let start = i;
            let mut n = 0;
            while i < b.len() {
                let w = space_len(b, i);
                if w == 0 {
                    break;
                }
                i += w;
                n += 1;
            }
            if line_start {
                // Indentation: the line is laid out.
                layout = true;
                line_start = false;
                continue;
            }
            let next = b.get(i).copied();
            // Spaces at the end of a line are not shown.
            if next == Some(b'\n') {
                continue;
            }
            let before = char_before(text, start);
            if n >= 2 {
                if n >= 3 || layout || another_double(b, i) {
                    layout = true;
                    continue;
                }
                let kind = match before {
                    Some(';') => AFTER_SENTENCE,
                    Some(p) if Ending::of(p).is_some() => AFTER_SENTENCE,
                    _ => INNER,
                };
                hits.push(Hit::Double {
                    span: off + start..off + i,
                    kind,
                });
            } else if b[start] == b' ' {
                if let Some(m @ (b'.' | b',' | b';' | b':' | b'!' | b'?')) = next {
                    // The mark ends something (not `.5`, `...`, `:)`), after a word or a
                    // placeable (`{ $name } .`).
                    let after = b.get(i + 1).copied();
                    let ends = after.is_none_or(|a| {
                        a == b' ' || a == b'\n' || matches!(a, b')' | b']' | b'"' | b'\'' | b'<')
                    });
                    let after_word =
                        before.is_none_or(|p| p.is_alphanumeric() || matches!(p, ')' | '”' | '’'));
                    if ends && after_word {
                        hits.push(Hit::SpacedMark {
                            span: off + start..off + i + 1,
                            mark: char::from(m),
                        });
                    }
                }
            }
            continue;
        }
        line_start = false;
        if units && c.is_ascii_digit() {
            let boundary = char_before(text, i)
                .is_none_or(|p| !(p.is_alphanumeric() || matches!(p, '_' | '.' | ',')));
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            while i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit() {
                i += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if boundary {
                if let Some(unit) = unit_at(text, i) {
                    hits.push(Hit::Glued {
                        span: off + start..off + i + unit.len(),
                        number: &text[start..i],
                        unit,
                    });
                    i += unit.len();
                }
            }
            continue;
        }
        i += 1;
    }
}

/// Scans the text elements of one run.
fn scan_run<'s>(run: &Run<'_, 's>, base: &str, units: bool, hits: &mut Vec<Hit<'s>>) {
    let mut line_start = run.starts_pattern;
    for element in run.elements {
        let PatternElement::TextElement { value } = element else {
            continue;
        };
        if let Some(off) = offset_in(base, value) {
            scan_text(value, off, line_start, units, hits);
        }
        line_start = value.ends_with('\n');
    }
}

/// What a reference part has that excuses the same in its translation.
fn habits(pattern: &Pattern<&str>, base: &str) -> Habits {
    let mut hits = Vec::new();
    text_runs(pattern, &mut |run| scan_run(&run, base, false, &mut hits));
    let mut h = Habits::default();
    for hit in hits {
        match hit {
            Hit::Double { kind, .. } => h.doubles |= kind,
            Hit::SpacedMark { .. } => h.spaced_marks = true,
            Hit::Glued { .. } => {}
        }
    }
    h
}

/// Whether a reference part writes `number`, a space (or a no-break or thin space) and `unit`.
fn spaced_in(pattern: &Pattern<&str>, number: &str, unit: &str) -> bool {
    let mut found = false;
    text_runs(pattern, &mut |run| {
        for text in run.texts() {
            found |= text.match_indices(number).any(|(i, _)| {
                let rest = &text[i + number.len()..];
                ["\u{20}", "\u{A0}", "\u{202F}", "\u{2009}"]
                    .iter()
                    .any(|s| rest.strip_prefix(s).is_some_and(|r| r.starts_with(unit)))
            });
        }
    });
    found
}

/// The word or placeable that ends at byte `at` of the file, for a message.
fn token_before(base: &str, at: usize) -> &str {
    let head = &base[..at];
    if head.ends_with('}') {
        if let Some(i) = head.rfind('{').filter(|i| at - i <= 80) {
            return &head[i..];
        }
    }
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .take(16)
        .last()
        .map_or(at, |(i, _)| i);
    &head[start..]
}

/// The word or placeable that starts at byte `at` of the file, for a message.
fn token_after(base: &str, at: usize) -> &str {
    let tail = &base[at..];
    if tail.starts_with('{') {
        if let Some(i) = tail.find('}').filter(|i| *i < 80) {
            return &tail[..=i];
        }
    }
    let end = tail
        .char_indices()
        .take_while(|(_, c)| !c.is_whitespace())
        .take(16)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    &tail[..end]
}

/// A whitespace character as a message names it.
fn name_of(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\n' => "a line break".into(),
        '\u{A0}' => "a no-break space (U+00A0)".into(),
        '\u{202F}' => "a narrow no-break space (U+202F)".into(),
        '\u{2009}' => "a thin space (U+2009)".into(),
        '\u{3000}' => "an ideographic space (U+3000)".into(),
        c => format!("a space (U+{:04X})", c as u32),
    }
}

/// The first and last character a string literal stands for (its escapes read).
fn literal_edges(raw: &str) -> (Option<char>, Option<char>) {
    let (mut first, mut last) = (None, None);
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        let d = if c == '\\' {
            match chars.next() {
                Some('u') => hex(&mut chars, 4),
                Some('U') => hex(&mut chars, 6),
                other => other,
            }
        } else {
            Some(c)
        };
        if let Some(d) = d {
            first.get_or_insert(d);
            last = Some(d);
        }
    }
    (first, last)
}

fn hex(chars: &mut std::str::Chars<'_>, n: usize) -> Option<char> {
    let mut v = 0u32;
    for _ in 0..n {
        v = v * 16 + chars.next()?.to_digit(16)?;
    }
    char::from_u32(v)
}

/// Whitespace at the start (or, `end`, the end) of a string as shown: the character, where it
/// is, whether it is in the chosen variant and whether it is a string literal (`{ " " }`).
type Edge = (char, Option<Range<usize>>, bool, bool);

fn edge(pieces: &[Shown<'_>], end: bool) -> Option<Edge> {
    let p = if end { pieces.last()? } else { pieces.first()? };
    let (c, span) = match p.kind {
        ShownKind::Text => {
            let c = if end {
                p.text.chars().next_back()?
            } else {
                p.text.chars().next()?
            };
            let at = p.at.map(|a| {
                if end {
                    a + p.text.len() - c.len_utf8()
                } else {
                    a
                }
            });
            (c, at.map(|a| a..a + c.len_utf8()))
        }
        ShownKind::Literal => {
            let (first, last) = literal_edges(p.text);
            let c = if end { last? } else { first? };
            // The literal with its quotes.
            (c, p.at.map(|a| a.saturating_sub(1)..a + p.text.len() + 1))
        }
        _ => return None,
    };
    let literal = p.kind == ShownKind::Literal;
    c.is_whitespace()
        .then_some((c, span, p.in_variant, literal))
}

/// Where a string as shown starts (or ends), for a finding about whitespace it lacks.
fn edge_span(pieces: &[Shown<'_>], end: bool) -> Option<(Range<usize>, bool)> {
    let p = if end { pieces.last()? } else { pieces.first()? };
    let at = p.at?;
    let len = if end {
        p.text.chars().next_back().map_or(0, char::len_utf8)
    } else {
        p.text.chars().next().map_or(0, char::len_utf8)
    };
    let start = if end { at + p.text.len() - len } else { at };
    Some((start..start + len, p.in_variant))
}

impl Rule for Whitespace {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        let lang = unit.locale.tag();
        let en = ctx.reference().tag();
        let table = typography_for(lang);
        let translation = !unit.is_reference_locale();
        let reference = unit.reference.filter(|_| translation);
        let units = match table.unit_space {
            UnitSpace::Required => true,
            UnitSpace::AsReference => reference.is_some(),
            UnitSpace::Never => false,
        };
        let text = file.text();
        let mut hits = Vec::new();
        let mut variants: Vec<Option<&str>> = Vec::new();
        let (mut tb, mut rb) = (Vec::new(), Vec::new());
        for t in file.views() {
            if file.damaged(t.id()) {
                continue;
            }
            let r = reference
                .filter(|rf| !rf.damaged(t.id()))
                .and_then(|_| unit.counterpart(&t));
            for part in parts(t.value, t.attributes) {
                // A part that shows nothing but whitespace is `empty-translation`'s (or, in the
                // reference, nothing to read).
                if is_blank(part.pattern) {
                    continue;
                }
                let r_pattern = r.as_ref().and_then(|r| r.part(part.attribute));
                let site = Site {
                    unit,
                    entry: &t,
                    attribute: part.attribute,
                };
                // Inside the text: double spaces, spaces before marks, glued units (each with the
                // variant of the run it is in).
                hits.clear();
                text_runs(part.pattern, &mut |run| {
                    let before = hits.len();
                    scan_run(&run, text, units, &mut hits);
                    variants.resize(before, None);
                    variants.resize(hits.len(), run.variant);
                });
                if !hits.is_empty() {
                    let reference_text = unit.reference.map_or("", |f| f.text());
                    let mut theirs: Option<Habits> = None;
                    let mut their_habits = || {
                        *theirs.get_or_insert_with(|| {
                            r_pattern.map_or(Habits::default(), |p| habits(p, reference_text))
                        })
                    };
                    for (hit, &variant) in hits.iter().zip(&variants) {
                        match hit {
                            Hit::Double { span, kind } => {
                                let excused = if r_pattern.is_some() {
                                    their_habits().doubles & kind != 0
                                } else {
                                    // Two spaces after a full stop are a typing habit; only
                                    // the others are reported where nothing compares.
                                    *kind == AFTER_SENTENCE
                                };
                                if excused {
                                    continue;
                                }
                                let message = format!(
                                    "two spaces between `{}` and `{}`",
                                    token_before(text, span.start),
                                    token_after(text, span.end)
                                );
                                site.emit(out, span.clone(), message, variant, None);
                            }
                            Hit::SpacedMark { span, mark } => {
                                if r_pattern.is_none()
                                    || table.space_before_marks
                                    || their_habits().spaced_marks
                                {
                                    continue;
                                }
                                let message = format!(
                                    "space before `{mark}` in `{} {mark}`, which {en} does not have",
                                    token_before(text, span.start)
                                );
                                site.emit(out, span.clone(), message, variant, None);
                            }
                            Hit::Glued { span, number, unit } => {
                                let message = match table.unit_space {
                                    UnitSpace::Required => format!(
                                        "`{number}{unit}` has no space between the number and the unit: {lang} writes `{number} {unit}`"
                                    ),
                                    _ if r_pattern.is_some_and(|p| spaced_in(p, number, unit)) => {
                                        format!("`{number}{unit}` has no space between the number and the unit, but {en} writes `{number} {unit}`")
                                    }
                                    _ => continue,
                                };
                                site.emit(out, span.clone(), message, variant, None);
                            }
                        }
                    }
                }
                // The edges: whitespace at the start or end that the reference lacks, or
                // lacks where the reference has it.
                let Some(r_pattern) = r_pattern else {
                    continue;
                };
                let Some(reference) = reference else {
                    continue;
                };
                if part.pattern == r_pattern {
                    continue;
                }
                let mut seen: Vec<(usize, bool)> = Vec::new();
                for_each_reading(part.pattern, r_pattern, |key, own, theirs| {
                    shown(text, part.pattern, own, &mut tb);
                    // A variant that leaves the reading blank is `empty-translation`'s.
                    if shows_nothing(&tb) {
                        return;
                    }
                    shown(reference.text(), r_pattern, theirs, &mut rb);
                    for end in [false, true] {
                        let (t, r) = (edge(&tb, end), edge(&rb, end));
                        let (whose, ws, span, in_variant, literal) = match (t, r.clone()) {
                            (Some((c, span, v, literal)), None) => (false, c, span, v, literal),
                            (None, Some((c, _, _, literal))) => {
                                let Some((span, v)) = edge_span(&tb, end) else {
                                    continue;
                                };
                                (true, c, Some(span), v, literal)
                            }
                            _ => continue,
                        };
                        let Some(span) = span else {
                            continue;
                        };
                        if seen.contains(&(span.start, end)) {
                            continue;
                        }
                        seen.push((span.start, end));
                        let cut = |p: &[Shown<'_>]| {
                            let s = shown_text(p);
                            if end {
                                excerpt_end(&s, SHOWN)
                            } else {
                                excerpt(&s, SHOWN)
                            }
                        };
                        let side = if end { "ends" } else { "starts" };
                        let mut ws = name_of(ws);
                        if literal {
                            ws.push_str(" (a `{ \"…\" }` literal)");
                        }
                        let (t_text, r_text) = (cut(&tb), cut(&rb));
                        let message = if whose {
                            format!("`{r_text}` {side} with {ws} in {en}, but `{t_text}` does not in {lang}")
                        } else {
                            format!("`{t_text}` {side} with {ws} in {lang}, but `{r_text}` does not in {en}")
                        };
                        let r_span = r.and_then(|(_, s, _, _)| s);
                        site.emit(out, span, message, key.filter(|_| in_variant), r_span);
                    }
                });
            }
        }
    }
}

/// Where the findings of one part go.
struct Site<'a, 'p, 's> {
    unit: &'a Unit<'p, 's>,
    entry: &'a EntryView<'p, 's>,
    attribute: Option<&'s str>,
}

impl Site<'_, '_, '_> {
    fn emit(
        &self,
        out: &mut Sink,
        span: Range<usize>,
        message: String,
        variant: Option<&str>,
        reference: Option<Range<usize>>,
    ) {
        let d = out
            .emit_entry(self.unit, self.entry, span.clone(), message)
            .with_attribute(self.attribute)
            .with_label(Label {
                side: Side::Translation,
                span,
            });
        if let Some(span) = reference {
            d.with_label(Label {
                side: Side::Reference,
                span,
            });
        }
        d.variant = variant.map(str::to_string);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &'static str, units: bool) -> Vec<Hit<'static>> {
        let mut out = Vec::new();
        scan_text(text, 0, true, units, &mut out);
        out
    }

    fn doubles(text: &'static str) -> Vec<(Range<usize>, u8)> {
        hits(text, false)
            .into_iter()
            .filter_map(|h| match h {
                Hit::Double { span, kind } => Some((span, kind)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn double_spaces_inside_lines_but_not_layout() {
        assert_eq!(doubles("Take one  tablet."), [(8..10, INNER)]);
        assert_eq!(doubles("Take it.  Then rest."), [(8..10, AFTER_SENTENCE)]);
        assert_eq!(doubles("a\u{A0} b"), [(1..4, INNER)]);
        // Indentation, columns, runs of three and spaces at a line's end are layout.
        assert!(doubles("  -a, --all  show all").is_empty());
        assert!(doubles("-a  all  of it").is_empty());
        assert!(doubles("124   if it times out").is_empty());
        assert!(doubles("first line  \nsecond").is_empty());
        assert!(doubles("one\n  indented  line").is_empty());
        assert_eq!(doubles("one\nsecond  line"), [(10..12, INNER)]);
    }

    #[test]
    fn spaces_before_marks() {
        let marks = |t: &'static str| {
            hits(t, false)
                .into_iter()
                .filter(|h| matches!(h, Hit::SpacedMark { .. }))
                .count()
        };
        assert_eq!(marks("du översätter ."), 1);
        assert_eq!(marks("Ta en , två"), 1);
        assert_eq!(marks("Laddar ..."), 0);
        assert_eq!(marks("the .NET runtime"), 0);
        assert_eq!(marks("costs .5 mg"), 0);
        assert_eq!(marks("Take it."), 0);
    }

    #[test]
    fn numbers_glued_to_units() {
        let glued = |t: &'static str| -> Vec<String> {
            hits(t, true)
                .into_iter()
                .filter_map(|h| match h {
                    Hit::Glued { number, unit, .. } => Some(format!("{number}{unit}")),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            glued("Ta 10mg eller 2,5ml vid 30°C"),
            ["10mg", "2,5ml", "30°C"]
        );
        assert_eq!(glued("upp till 5mg/kg och 39%"), ["5mg/kg", "39%"]);
        assert!(glued("Ta 10 mg vid 30 °C, 25\u{A0}%").is_empty());
        // Identifiers, multipliers, hours and words are no number with a unit.
        assert!(glued("JAK1 x86 2x 24h 3D 10mgs H2O 5G").is_empty());
    }

    #[test]
    fn literal_escapes_are_read() {
        assert_eq!(literal_edges(" "), (Some(' '), Some(' ')));
        assert_eq!(literal_edges("\\u00A0x"), (Some('\u{A0}'), Some('x')));
        assert_eq!(literal_edges(""), (None, None));
    }
}
