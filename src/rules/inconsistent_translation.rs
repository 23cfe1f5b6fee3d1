#![doc = include_str!("../../docs/rules/inconsistent-translation.md")]

/// Maps keyed by text: foldhash, fast on short strings.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
use std::fmt::Write as _;
use std::ops::Range;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{is_blank, offset_in, parts, pattern_slices, variant_key};
use crate::lang::excerpt;
use crate::lang::script::cjk;

pub struct InconsistentTranslation;

static META: RuleMeta = RuleMeta {
    id: "inconsistent-translation",
    severity: Severity::Warning,
    summary: "one reference text translated two ways in a file, or two reference texts translated the same way",
    doc: include_str!("../../docs/rules/inconsistent-translation.md"),
};

/// Fewest words (outside placeables) a text needs to be compared: single words ("Open",
/// "Close", "Download") change with their context (verb or noun), and are left alone.
const MIN_WORDS: usize = 2;
/// Fewest Han characters a Chinese text needs to be compared, for the same reason.
const MIN_HAN: usize = 4;
/// Most ways and places named in one finding's message.
const LISTED: usize = 3;
/// Most labels one finding carries.
const MAX_LABELS: usize = 16;
/// Most findings of one group (one reference text, or one translation).
const MAX_REPORTED: usize = 100;
/// Deepest placeable nesting written into a text's key.
const MAX_DEPTH: usize = 16;

/// A pattern as one line: its text with whitespace collapsed, placeables written the way
/// Fluent writes them (`{ $count }`, `{ -brand }`, `{ $n -> [one] … *[other] … }`).
fn canonical<'s>(pattern: &Pattern<&'s str>) -> std::borrow::Cow<'s, str> {
    // The common case: one run of text that is already one line with single spaces.
    if let [PatternElement::TextElement { value }] = pattern.elements.as_slice() {
        if is_one_line(value) {
            return std::borrow::Cow::Borrowed(value);
        }
    }
    let mut raw = String::new();
    write_pattern(pattern, &mut raw, 0);
    std::borrow::Cow::Owned(collapse(&raw))
}

/// Whether `value` is one line with single spaces: no whitespace at either end, none but
/// single spaces inside (one pass over the bytes; only the lead bytes of the non-ASCII
/// spaces, U+0085 to U+3000, are decoded).
fn is_one_line(value: &str) -> bool {
    let b = value.as_bytes();
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_whitespace() {
            if c != b' ' || prev_space || i == 0 {
                return false;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        if matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3)
            && value[i..].chars().next().is_some_and(char::is_whitespace)
        {
            return false;
        }
    }
    !prev_space
}

/// `text` with its whitespace runs as one space and none at either end.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn write_pattern(pattern: &Pattern<&str>, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    for e in &pattern.elements {
        match e {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => {
                out.push_str("{ ");
                write_expression(expression, out, depth + 1);
                out.push_str(" }");
            }
        }
    }
}

fn write_expression(e: &Expression<&str>, out: &mut String, depth: usize) {
    match e {
        Expression::Inline(i) => write_inline(i, out, depth),
        Expression::Select { selector, variants } => {
            write_inline(selector, out, depth);
            out.push_str(" ->");
            for v in variants {
                let star = if v.default { "*" } else { "" };
                let _ = write!(out, " {star}[{}] ", variant_key(&v.key));
                write_pattern(&v.value, out, depth + 1);
            }
        }
    }
}

fn write_inline(e: &InlineExpression<&str>, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    match e {
        InlineExpression::StringLiteral { value } => {
            let _ = write!(out, "\"{value}\"");
        }
        InlineExpression::NumberLiteral { value } => out.push_str(value),
        InlineExpression::VariableReference { id } => {
            let _ = write!(out, "${}", id.name);
        }
        InlineExpression::MessageReference { id, attribute } => {
            out.push_str(id.name);
            if let Some(a) = attribute {
                let _ = write!(out, ".{}", a.name);
            }
        }
        InlineExpression::TermReference { id, attribute, .. } => {
            let _ = write!(out, "-{}", id.name);
            if let Some(a) = attribute {
                let _ = write!(out, ".{}", a.name);
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            let _ = write!(out, "{}(", id.name);
            for (k, a) in arguments.positional.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                write_inline(a, out, depth + 1);
            }
            out.push(')');
        }
        InlineExpression::Placeable { expression } => {
            out.push_str("{ ");
            write_expression(expression, out, depth + 1);
            out.push_str(" }");
        }
    }
}

/// Whether a text has enough words outside placeables to be compared: at least
/// [`MIN_WORDS`] words with a letter, or [`MIN_HAN`] Han characters.
fn substantial(pattern: &Pattern<&str>) -> bool {
    let mut words = 0;
    let mut han = 0;
    for e in &pattern.elements {
        if let PatternElement::TextElement { value } = e {
            for w in value.split_whitespace() {
                // A word of ASCII letters (the common case) needs no table.
                if w.as_bytes()[0].is_ascii_alphabetic()
                    || w.chars().any(|c| c.is_alphabetic() && cjk(c).is_none())
                {
                    words += 1;
                }
                if !w.is_ascii() {
                    han += w.chars().filter(|&c| cjk(c).is_some()).count();
                }
                // Enough seen: the rest of the text changes nothing.
                if words >= MIN_WORDS || han >= MIN_HAN {
                    return true;
                }
            }
        }
    }
    false
}

/// A text with case, punctuation and spaces left out: two reference texts that differ only
/// there ("Learn more" and "Learn more.") may well be translated the same way.
fn loose(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// One translated part of the file: a value or an attribute with its reference.
struct Place<'s> {
    entry: usize,
    attribute: Option<&'s str>,
    /// Canonical texts of the reference and the translation.
    reference: std::borrow::Cow<'s, str>,
    translation: std::borrow::Cow<'s, str>,
}

impl Place<'_> {
    fn name(&self, ids: &[&str]) -> String {
        match self.attribute {
            Some(a) => format!("`{}.{a}`", ids[self.entry]),
            None => format!("`{}`", ids[self.entry]),
        }
    }
}

/// The span of a pattern in the file: its first to its last borrowed slice.
fn span_of(text: &str, pattern: &Pattern<&str>, fallback: &Range<usize>) -> Range<usize> {
    let mut slices = Vec::new();
    pattern_slices(pattern, &mut slices);
    let mut range: Option<Range<usize>> = None;
    for s in slices.iter().filter(|s| !s.trim().is_empty()) {
        if let Some(o) = offset_in(text, s) {
            let lead = s.len() - s.trim_start().len();
            let (a, b) = (o + lead, o + s.trim_end().len());
            range = Some(match range {
                None => a..b,
                Some(r) => r.start.min(a)..r.end.max(b),
            });
        }
    }
    range.unwrap_or_else(|| fallback.clone())
}

impl Rule for InconsistentTranslation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let (lang, en) = (unit.locale.tag(), ctx.reference().tag());
        let mut places: Vec<Place<'_>> = Vec::new();
        let mut ids: Vec<&str> = Vec::new();
        for (i, t) in file.views().enumerate() {
            ids.push(t.id());
            // A repeated id is `duplicate-id`'s finding: only its first entry is compared.
            if t.meta.is_term
                || file.by_id.get(t.id()) != Some(&i)
                || file.damaged(t.id())
                || reference.damaged(t.id())
            {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            for part in parts(t.value, t.attributes) {
                // An attribute given twice is `duplicate-id`'s too: only the first is compared.
                if let Some(a) = part.attribute {
                    if t.attribute(a)
                        .is_some_and(|first| !std::ptr::eq(&first.value, part.pattern))
                    {
                        continue;
                    }
                }
                let r_pattern = r.part(part.attribute);
                let Some(r_pattern) = r_pattern else {
                    continue;
                };
                // A part that shows nothing is `empty-translation`'s, not a translation.
                if !substantial(r_pattern) || is_blank(part.pattern) {
                    continue;
                }
                places.push(Place {
                    entry: i,
                    attribute: part.attribute,
                    reference: canonical(r_pattern),
                    translation: canonical(part.pattern),
                });
            }
        }
        if places.len() < 2 {
            return;
        }
        // One reference text, translated in two ways or more.
        let mut by_reference: HashMap<&str, Vec<usize>> = HashMap::default();
        // One translation, of two reference texts or more.
        let mut by_translation: HashMap<&str, Vec<usize>> = HashMap::default();
        for (k, p) in places.iter().enumerate() {
            by_reference.entry(&p.reference).or_default().push(k);
            by_translation.entry(&p.translation).or_default().push(k);
        }
        for group in by_reference.values().filter(|g| g.len() > 1) {
            let classes = classes(&places, &ids, group, |p| p.translation.as_ref());
            if classes.len() < 2 {
                continue;
            }
            let source = excerpt(&places[group[0]].reference, 50);
            for (k, more) in reported(&classes) {
                let listed = listing(&places, &ids, &classes, k, |p| p.translation.as_ref());
                let message = format!(
                    "`{source}` in {en} is translated {} ways in {lang}: {listed}{more}",
                    classes.len()
                );
                emit(unit, out, &places, group, k, message);
            }
        }
        for group in by_translation.values().filter(|g| g.len() > 1) {
            let classes = classes(&places, &ids, group, |p| loose(&p.reference));
            if classes.len() < 2 {
                continue;
            }
            let shown = excerpt(&places[group[0]].translation, 50);
            for (k, more) in reported(&classes) {
                let listed = listing(&places, &ids, &classes, k, |p| p.reference.as_ref());
                let message = format!(
                    "`{shown}` in {lang} translates {} different {en} texts: {listed}{more}",
                    classes.len()
                );
                // Mostly paraphrases and synonyms of the reference rendered alike (measured
                // on mozilla.org's translations): an info unless the level is configured.
                let severity = out.downgraded(Severity::Info);
                emit(unit, out, &places, group, k, message).with_severity(severity);
            }
        }
    }
}

/// The places of a group split by `key` (the translation, or the reference told apart
/// loosely), each class's places sorted by id, the classes by size (largest first), then
/// key: the same whatever the order of the messages in the file.
fn classes<'p, K: std::hash::Hash + Eq + Ord>(
    places: &'p [Place<'_>],
    ids: &[&str],
    group: &[usize],
    key: impl Fn(&'p Place<'_>) -> K,
) -> Vec<(K, Vec<usize>)> {
    let mut by: HashMap<K, Vec<usize>> = HashMap::default();
    for &k in group {
        by.entry(key(&places[k])).or_default().push(k);
    }
    let mut out: Vec<(K, Vec<usize>)> = by.into_iter().collect();
    for (_, ks) in &mut out {
        ks.sort_by_key(|&k| (ids[places[k].entry], places[k].attribute));
    }
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The places that get a finding, with what the last one says of the rest: the places
/// outside the largest class when one class is larger than every other (the usual way, whose
/// places are labelled in each finding but not reported), all places otherwise; at most
/// [`MAX_REPORTED`] of them.
fn reported<K>(classes: &[(K, Vec<usize>)]) -> Vec<(usize, String)> {
    let majority = classes.len() > 1 && classes[0].1.len() > classes[1].1.len();
    let all: Vec<usize> = classes
        .iter()
        .skip(usize::from(majority))
        .flat_map(|(_, ks)| ks.iter().copied())
        .collect();
    let total = all.len();
    all.into_iter()
        .take(MAX_REPORTED)
        .enumerate()
        .map(|(n, k)| {
            let more = if n + 1 == MAX_REPORTED && total > MAX_REPORTED {
                format!(
                    "; {} more places like this one are not listed",
                    total - MAX_REPORTED
                )
            } else {
                String::new()
            };
            (k, more)
        })
        .collect()
}

/// The classes as a finding lists them: each class's text (from its first place, or from `k`
/// when `k` is in it) with up to [`LISTED`] of its places ("here" for `k`).
fn listing<'p, K>(
    places: &'p [Place<'_>],
    ids: &[&str],
    classes: &[(K, Vec<usize>)],
    k: usize,
    text: impl Fn(&'p Place<'_>) -> &'p str,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (_, ks) in classes.iter().take(LISTED) {
        let mine = ks.contains(&k);
        let shown = text(&places[if mine { k } else { ks[0] }]);
        let mut at: Vec<String> = Vec::new();
        if mine {
            at.push("here".into());
        }
        at.extend(
            ks.iter()
                .filter(|&&j| j != k)
                .take(LISTED - at.len())
                .map(|&j| places[j].name(ids)),
        );
        let more = ks.len().saturating_sub(at.len());
        if more > 0 {
            at.push(format!("{more} more"));
        }
        parts.push(format!("`{}` ({})", excerpt(shown, 40), at.join(", ")));
    }
    let rest = classes.len().saturating_sub(LISTED);
    let mut out = parts.join(", ");
    if rest > 0 {
        let _ = write!(out, ", and {rest} more");
    }
    out
}

/// Reports place `k` of a group, with every place of the group labelled on both sides.
fn emit<'o>(
    unit: &Unit<'_, '_>,
    out: &'o mut Sink,
    places: &[Place<'_>],
    group: &[usize],
    k: usize,
    message: String,
) -> &'o mut crate::diagnostic::Diagnostic {
    let file = unit.file.expect("a unit with a pair has a file");
    let p = &places[k];
    let view = file.view(p.entry);
    let (t_span, r_span) = spans(unit, p);
    let d = out
        .emit_entry(unit, &view, t_span.clone(), message)
        .with_attribute(p.attribute)
        .with_label(Label {
            side: Side::Translation,
            span: t_span,
        })
        .with_label(Label {
            side: Side::Reference,
            span: r_span,
        });
    for &j in group.iter().filter(|&&j| j != k).take(MAX_LABELS / 2) {
        let (t_span, r_span) = spans(unit, &places[j]);
        d.with_label(Label {
            side: Side::Translation,
            span: t_span,
        })
        .with_label(Label {
            side: Side::Reference,
            span: r_span,
        });
    }
    d
}

/// The byte spans of a place's translation and reference texts, found again for a finding
/// only (most places are never reported).
fn spans(unit: &Unit<'_, '_>, p: &Place<'_>) -> (Range<usize>, Range<usize>) {
    let Some((file, reference)) = unit.pair() else {
        return (0..0, 0..0);
    };
    let t = file.view(p.entry);
    // The part's span in its file, or the entry's id where the part is gone.
    let span = |text: &str, e: &crate::project::EntryView<'_, '_>| match e.part(p.attribute) {
        Some(pattern) => span_of(text, pattern, &e.meta.id_span),
        None => e.meta.id_span.clone(),
    };
    let t_span = span(file.text(), &t);
    let r_span = unit
        .counterpart(&t)
        .map(|r| span(reference.text(), &r))
        .unwrap_or_default();
    (t_span, r_span)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass test says what the plain definition says: no whitespace at either end,
    /// no ASCII whitespace but single spaces, no other whitespace.
    #[test]
    fn one_line_is_the_plain_definition() {
        let plain = |v: &str| {
            let b = v.as_bytes();
            !b.first().is_some_and(u8::is_ascii_whitespace)
                && !b.last().is_some_and(u8::is_ascii_whitespace)
                && !b.windows(2).any(|w| {
                    w[0].is_ascii_whitespace() && (w[1].is_ascii_whitespace() || w[0] != b' ')
                })
                && !v.chars().any(|c| !c.is_ascii() && c.is_whitespace())
        };
        for v in [
            "",
            " ",
            "a",
            "Take two tablets",
            " lead",
            "trail ",
            "double  space",
            "tab\there",
            "line\nbreak",
            "vertical\x0btab",
            "no-break\u{a0}space",
            "thin\u{2009}space",
            "ideographic\u{3000}space",
            "服用 两片",
            "Läkemedel ¢ € – —",
            "next\u{85}line",
        ] {
            assert_eq!(is_one_line(v), plain(v), "{v:?}");
        }
    }
}
