#![doc = include_str!("../../docs/rules/empty-translation.md")]

use std::ops::Range;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{
    first_select, for_each_reading, is_blank, offset_in, parts, shown, shown_text, shows_nothing,
};
use crate::lang::excerpt;

pub struct EmptyTranslation;

static META: RuleMeta = RuleMeta {
    id: "empty-translation",
    severity: Severity::Error,
    summary: "a translated value, attribute or `select` variant that is empty or only whitespace (`{ \"\" }`, `{ \" \" }`) where the reference has text",
    doc: include_str!("../../docs/rules/empty-translation.md"),
};

/// Longest excerpt of the reference's text in a message.
const SHOWN: usize = 48;

/// `the value` or `` `.title` ``, for messages.
fn part_name(attribute: Option<&str>) -> String {
    match attribute {
        None => "the value".to_string(),
        Some(a) => format!("`.{a}`"),
    }
}

/// Where a blank pattern is in the file: its first string literal with the braces around it,
/// else its first text.
fn blank_span(text: &str, pattern: &Pattern<&str>, depth: usize) -> Option<Range<usize>> {
    if depth > 8 {
        return None;
    }
    pattern.elements.iter().find_map(|e| match e {
        PatternElement::TextElement { value } => offset_in(text, value).map(|o| o..o + value.len()),
        PatternElement::Placeable { expression } => literal_span(text, expression, depth + 1),
    })
}

fn literal_span(text: &str, expression: &Expression<&str>, depth: usize) -> Option<Range<usize>> {
    match expression {
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            let o = offset_in(text, value)?;
            // The placeable's braces, when they are near (`{ "" }`).
            let open = text[..o].rfind('{').filter(|b| o - b <= 8)?;
            let close = text[o + value.len()..].find('}').filter(|c| *c <= 8)?;
            Some(open..o + value.len() + close + 1)
        }
        Expression::Inline(InlineExpression::Placeable { expression }) if depth <= 8 => {
            literal_span(text, expression, depth + 1)
        }
        Expression::Select { variants, .. } => variants
            .iter()
            .find_map(|v| blank_span(text, &v.value, depth + 1)),
        Expression::Inline(_) => None,
    }
}

/// The span of a variant key `[other]` (with its brackets) in the file.
fn key_span(text: &str, key: &str) -> Option<Range<usize>> {
    let o = offset_in(text, key)?;
    let start = text[..o].rfind('[').filter(|b| o - b <= 4)?;
    let end = text[o + key.len()..].find(']').filter(|c| *c <= 4)?;
    Some(start..o + key.len() + end + 1)
}

impl Rule for EmptyTranslation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference().tag();
        let lang = unit.locale.tag();
        let text = file.text();
        let (mut tb, mut rb) = (Vec::new(), Vec::new());
        for t in file.views() {
            if file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            for part in parts(t.value, t.attributes) {
                // A term's attributes are grammar (`.gender = neuter`), not text to read.
                if t.meta.is_term && part.attribute.is_some() {
                    continue;
                }
                let r_pattern = r.part(part.attribute);
                let Some(r_pattern) = r_pattern else {
                    continue;
                };
                if is_blank(r_pattern) {
                    continue;
                }
                let anchor = || match part.attribute {
                    Some(a) => file
                        .offset(a)
                        .map_or(t.meta.id_span.clone(), |o| o..o + a.len()),
                    None => t.meta.id_span.clone(),
                };
                if is_blank(part.pattern) {
                    shown(reference.text(), r_pattern, None, &mut rb);
                    let theirs = excerpt(&shown_text(&rb), SHOWN);
                    let span = blank_span(text, part.pattern, 0).unwrap_or_else(anchor);
                    let message = format!(
                        "{} is empty in {lang}, but {en} has `{theirs}`",
                        part_name(part.attribute)
                    );
                    emit(unit, &t, out, span, message, part.attribute, None);
                    continue;
                }
                // A variant that leaves the whole reading blank.
                if first_select(part.pattern).is_none() {
                    continue;
                }
                for_each_reading(part.pattern, r_pattern, |key, own, theirs| {
                    shown(text, part.pattern, own, &mut tb);
                    if !shows_nothing(&tb) {
                        return;
                    }
                    shown(reference.text(), r_pattern, theirs, &mut rb);
                    if shows_nothing(&rb) {
                        return;
                    }
                    let Some(key) = key else {
                        return;
                    };
                    let their_text = excerpt(&shown_text(&rb), SHOWN);
                    let of = match part.attribute {
                        Some(a) => format!(" of `.{a}`"),
                        None => String::new(),
                    };
                    let message = format!(
                        "variant `[{key}]`{of} is empty in {lang}, but {en} has `{their_text}`"
                    );
                    let span = key_span(text, key).unwrap_or_else(anchor);
                    emit(unit, &t, out, span, message, part.attribute, Some(key));
                });
            }
        }
    }
}

fn emit(
    unit: &Unit<'_, '_>,
    entry: &crate::project::EntryView<'_, '_>,
    out: &mut Sink,
    span: Range<usize>,
    message: String,
    attribute: Option<&str>,
    variant: Option<&str>,
) {
    let d = out
        .emit_entry(unit, entry, span.clone(), message)
        .with_attribute(attribute)
        .with_label(Label {
            side: Side::Translation,
            span,
        });
    d.variant = variant.map(str::to_string);
}
