#![doc = include_str!("../../docs/rules/reference-mismatch.md")]

use std::collections::HashSet;

use fluent_syntax::ast::{InlineExpression, PatternElement};

use super::{closest, Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{is_blank, parts, uses, walk_pattern, Uses, Visitor};
use crate::project::EntryView;

pub struct ReferenceMismatch;

static META: RuleMeta = RuleMeta {
    id: "reference-mismatch",
    severity: Severity::Warning,
    summary: "message and term references differ from the reference, or point nowhere",
    doc: include_str!("../../docs/rules/reference-mismatch.md"),
};

/// A `{ msg }`, `{ msg.attr }`, `{ -term }` or `{ -term.attr }` reference in an entry.
#[derive(Debug, Clone, Copy)]
pub struct Reference<'s> {
    /// The id as written, `-` included for terms (a slice of the source when it can be).
    pub id: &'s str,
    pub attribute: Option<&'s str>,
    pub is_term: bool,
    /// The identifier slice, for its position.
    pub name: &'s str,
    /// The part of the entry it is in: `None` for the value, or the attribute's name.
    pub part: Option<&'s str>,
}

impl Reference<'_> {
    fn display(&self) -> String {
        match self.attribute {
            Some(a) => format!("{{ {}.{a} }}", self.id),
            None => format!("{{ {} }}", self.id),
        }
    }
    fn key(&self) -> (&str, Option<&str>) {
        (self.id, self.attribute)
    }
    /// Whether the reference's and the translation's use of it must agree. A term attribute
    /// (`{ -brand.gender -> … }`) is the locale's own grammar, used where its language needs it.
    fn compared(&self) -> bool {
        !(self.is_term && self.attribute.is_some())
    }
}

/// Every message and term reference of an entry, in order.
pub fn references<'a>(text: &'a str, entry: &EntryView<'a, '_>) -> Vec<Reference<'a>> {
    struct Refs<'s> {
        text: &'s str,
        part: Option<&'s str>,
        out: Vec<Reference<'s>>,
    }
    impl<'s> Visitor<'s> for Refs<'s> {
        fn inline(&mut self, expr: &'s InlineExpression<&'s str>) {
            let (name, attribute, is_term) = match expr {
                InlineExpression::MessageReference { id, attribute } => {
                    (id.name, attribute.as_ref().map(|a| a.name), false)
                }
                InlineExpression::TermReference { id, attribute, .. } => {
                    (id.name, attribute.as_ref().map(|a| a.name), true)
                }
                _ => return,
            };
            let id = match crate::fluent::offset_in(self.text, name) {
                Some(o) if is_term && o > 0 => &self.text[o - 1..o + name.len()],
                _ => name,
            };
            self.out.push(Reference {
                id,
                attribute,
                is_term,
                name,
                part: self.part,
            });
        }
    }
    let mut v = Refs {
        text,
        part: None,
        out: Vec::new(),
    };
    for part in parts(entry.value, entry.attributes) {
        v.part = part.attribute;
        walk_pattern(part.pattern, &mut v);
    }
    v.out
}

impl Rule for ReferenceMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else { return };
        let locale = unit.locale;
        let lang = locale.tag();
        let text = file.text();
        for t in file.views() {
            let refs = references(text, &t);
            // References that point nowhere, and what they were probably meant to be: a typo is
            // reported once, as the broken reference, not again as a difference from the reference.
            let mut broken: Vec<(&str, Option<&str>)> = Vec::new();
            let mut meant: Vec<(String, Option<String>)> = Vec::new();
            // References to something the locale does not define (any locale, reference included).
            for r in &refs {
                let span = file
                    .offset(r.name)
                    .map(|o| if r.is_term { o.saturating_sub(1) } else { o })
                    .map_or(t.meta.id_span.clone(), |o| o..o + r.id.len());
                let problem = match unit.lookup(r.id) {
                    None => {
                        let kind = if r.is_term { "term" } else { "message" };
                        let guess = closest(
                            r.id,
                            locale
                                .source
                                .index
                                .ids()
                                .filter(|k| k.starts_with('-') == r.is_term),
                        );
                        if let Some(c) = guess {
                            meant.push((c.to_string(), r.attribute.map(str::to_string)));
                        }
                        let hint = guess
                            .map(|c| format!("; did you mean `{c}`?"))
                            .unwrap_or_default();
                        Some(format!(
                            "`{}` refers to a {kind} that {lang} does not define{hint}",
                            r.display()
                        ))
                    }
                    Some(target) => match r.attribute {
                        Some(a) if !target.has_attribute(a) => {
                            let guess = closest(a, target.attribute_names());
                            if let Some(c) = guess {
                                meant.push((r.id.to_string(), Some(c.to_string())));
                            }
                            let hint = guess
                                .map(|c| format!("; did you mean `.{c}`?"))
                                .unwrap_or_default();
                            Some(format!(
                                "`{}` refers to attribute `.{a}`, which `{}` does not have in {lang}{hint}",
                                r.display(),
                                r.id
                            ))
                        }
                        _ => None,
                    },
                };
                if let Some(message) = problem {
                    broken.push(r.key());
                    let severity = out.upgraded(Severity::Error);
                    out.emit_entry(unit, &t, span.clone(), message)
                        .with_severity(severity)
                        .with_label(Label {
                            side: Side::Translation,
                            span,
                        });
                }
            }
            // Differences from the reference message. Terms are the locale's own vocabulary and
            // may be built from other terms differently in each language, so only messages are
            // compared; so are entries a syntax error cut short (already a `parse-error`).
            let Some((_, reference)) = unit.pair() else {
                continue;
            };
            if t.meta.is_term || file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(rv) = unit.counterpart(&t) else {
                continue;
            };
            let rrefs = references(reference.text(), &rv);
            let en = ctx.reference().tag();
            // References in a value or attribute the translation lacks altogether are part of
            // that `missing-value` / `missing-attribute` finding, and those of a part that shows
            // nothing of `empty-translation`'s.
            let translated = |r: &&Reference<'_>| match r.part {
                None => t.value.is_some_and(|v| !is_blank(v)),
                Some(a) => t.attribute(a).is_some_and(|a| !is_blank(&a.value)),
            };
            // Sets of what each side references, so that a message with thousands of
            // references is compared in one pass, not each against all.
            let own: HashSet<(&str, Option<&str>)> = refs.iter().map(|x| x.key()).collect();
            let theirs: HashSet<(&str, Option<&str>)> = rrefs.iter().map(|x| x.key()).collect();
            let meant_keys: HashSet<(&str, Option<&str>)> = meant
                .iter()
                .map(|(id, attribute)| (id.as_str(), attribute.as_deref()))
                .collect();
            let broken_keys: HashSet<(&str, Option<&str>)> = broken.iter().copied().collect();
            // Each part against the same part of the reference, counting uses: a second
            // `{ -brand }` typed out as its text is as wrong as the first.
            // Counted only where the reference has something to compare (most messages have
            // no reference at all).
            let (own_parts, their_parts) = if rrefs.iter().any(|r| r.compared()) {
                (part_uses(&t), part_uses(&rv))
            } else {
                Default::default()
            };
            let mut seen = HashSet::new();
            for r in rrefs.iter().filter(|r| r.compared()).filter(translated) {
                if meant_keys.contains(&r.key()) || !seen.insert((r.part, r.key())) {
                    continue;
                }
                let k = (r.name, r.attribute, r.is_term);
                let rc = their_parts.get(&r.part).map_or(0, |u| u.most(&k));
                let (tc, here) = own_parts
                    .get(&r.part)
                    .map_or((0, false), |u| (u.most(&k), u.uses(&k)));
                if here && tc >= rc {
                    continue;
                }
                let in_part = match r.part {
                    Some(a) => format!(" in `.{a}`"),
                    None => String::new(),
                };
                // Moved to another part of the message: said once, without a typed-out search.
                if !here && own.contains(&r.key()) {
                    let message = format!(
                        "`{}` is used{in_part} in {en} but in another part in {lang}",
                        r.display()
                    );
                    let d = out
                        .emit_entry(unit, &t, t.meta.id_span.clone(), message)
                        .with_reference(unit.reference_file_id(), rv.meta.span.clone());
                    if let Some(o) = reference.offset(r.name) {
                        let start = if r.is_term { o.saturating_sub(1) } else { o };
                        d.with_label(Label {
                            side: Side::Reference,
                            span: start..o + r.name.len(),
                        });
                    }
                    continue;
                }
                let target = unit.lookup(r.id);
                let typed = target
                    .as_ref()
                    .and_then(|t| t.plain_value())
                    .filter(|v| v.chars().count() >= 2)
                    .and_then(|v| {
                        parts(t.value, t.attributes)
                            .filter(|p| p.attribute == r.part)
                            .find_map(|p| {
                                p.pattern.elements.iter().find_map(|e| match e {
                                    PatternElement::TextElement { value } if value.contains(v) => {
                                        let o = file.offset(value)? + value.find(v)?;
                                        Some((v, o..o + v.len()))
                                    }
                                    _ => None,
                                })
                            })
                    });
                let (message, span) = match (&typed, tc) {
                    (Some((v, span)), _) => (
                        format!(
                            "`{}`{in_part} in {en} is typed out as `{v}` in {lang}; use the reference",
                            r.display()
                        ),
                        span.clone(),
                    ),
                    (None, 0) => (
                        format!("`{}`{in_part} in {en} is not used in {lang}", r.display()),
                        t.meta.id_span.clone(),
                    ),
                    // Said fewer times, but not typed out: a language may name a product
                    // once where English repeats it (Chinese often does).
                    (None, _) => continue,
                };
                let d = out
                    .emit_entry(unit, &t, span.clone(), message)
                    .with_reference(unit.reference_file_id(), rv.meta.span.clone());
                if typed.is_some() {
                    d.with_label(Label {
                        side: Side::Translation,
                        span,
                    });
                }
                if let Some(o) = reference.offset(r.name) {
                    let start = if r.is_term { o.saturating_sub(1) } else { o };
                    d.with_label(Label {
                        side: Side::Reference,
                        span: start..o + r.name.len(),
                    });
                }
            }
            for r in refs.iter().filter(|r| r.compared()) {
                if theirs.contains(&r.key()) || broken_keys.contains(&r.key()) {
                    continue;
                }
                let span = file
                    .offset(r.name)
                    .map(|o| if r.is_term { o.saturating_sub(1) } else { o })
                    .map_or(t.meta.id_span.clone(), |o| o..o + r.id.len());
                let message = format!("`{}` is used in {lang} but not in {en}", r.display());
                out.emit_entry(unit, &t, span.clone(), message)
                    .with_reference(unit.reference_file_id(), rv.meta.span.clone())
                    .with_label(Label {
                        side: Side::Translation,
                        span,
                    });
            }
        }
    }
}

/// What a reference is counted by: its name, attribute and whether it is a term.
type RefKey<'a> = (&'a str, Option<&'a str>, bool);

/// The message and term references of each part of an entry, counted (see [`Uses`]).
fn part_uses<'a>(v: &EntryView<'a, '_>) -> foldhash::HashMap<Option<&'a str>, Uses<RefKey<'a>>> {
    let key = |e: &'a InlineExpression<&'a str>| match e {
        InlineExpression::MessageReference { id, attribute } => {
            Some((id.name, attribute.as_ref().map(|a| a.name), false))
        }
        InlineExpression::TermReference { id, attribute, .. } => {
            Some((id.name, attribute.as_ref().map(|a| a.name), true))
        }
        _ => None,
    };
    parts(v.value, v.attributes)
        .map(|p| (p.attribute, uses(p.pattern, &key)))
        .collect()
}
