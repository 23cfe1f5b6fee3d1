#![doc = include_str!("../../docs/rules/untranslated.md")]

use std::ops::Range;

use super::{reference_entry, Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use fluent_syntax::ast::Pattern;

use crate::fluent::{parts, walk_pattern, Part, Visitor};
use crate::lang::excerpt;
use crate::lang::text::{content_words, segments, strip_markup, words, Segment, PLACEHOLDER};

pub struct Untranslated;

/// Fewest words of running text (not names, glossary terms, acronyms or units) an identical
/// translation needs before it is reported: one word alone ("support", "beta") is too often
/// the same in both languages.
const MIN_WORDS: usize = 2;

static META: RuleMeta = RuleMeta {
    id: "untranslated",
    severity: Severity::Warning,
    summary: "a translation is the same as the reference and has words to translate",
    doc: include_str!("../../docs/rules/untranslated.md"),
};

/// The text of a pattern (with all its variants) without placeables, with whitespace collapsed,
/// written into `buf` (cleared first, so that one buffer serves every pattern).
fn normalized(pattern: &Pattern<&str>, buf: &mut String) {
    struct Text<'b>(&'b mut String);
    impl<'s> Visitor<'s> for Text<'_> {
        fn text(&mut self, text: &'s str) {
            for word in text.split_whitespace() {
                if !self.0.is_empty() {
                    self.0.push(' ');
                }
                self.0.push_str(word);
            }
        }
    }
    buf.clear();
    walk_pattern(pattern, &mut Text(buf));
}

/// The span of a part's text: its first to last non-blank character.
fn text_span(segs: &[&Segment<'_>]) -> Option<Range<usize>> {
    let chars = &segs.first()?.chars;
    let first = chars
        .iter()
        .position(|c| c.c != PLACEHOLDER && !c.c.is_whitespace())?;
    let last = chars
        .iter()
        .rposition(|c| c.c != PLACEHOLDER && !c.c.is_whitespace())?;
    Some(chars[first].at..chars[last].end())
}

impl Rule for Untranslated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference();
        // en-GB may well say what en says.
        if unit.locale.source.langid.language == en.source.langid.language {
            return;
        }
        let glossary = &ctx.glossaries[unit.locale_index];
        let (tag, en_tag) = (unit.locale.tag(), en.tag());
        let (mut same, mut r_text) = (String::new(), String::new());
        for t in file.views() {
            if t.meta.is_term {
                continue;
            }
            let Some(r) = reference_entry(unit, &t) else {
                continue;
            };
            let r_parts: Vec<Part<'_>> = parts(r.value, r.attributes).collect();
            let mut t_segs = None;
            let mut r_segs = None;
            for part in parts(t.value, t.attributes) {
                let attribute = part.attribute;
                let Some(r_part) = r_parts.iter().find(|p| p.attribute == attribute) else {
                    continue;
                };
                normalized(part.pattern, &mut same);
                if same.is_empty() {
                    continue;
                }
                normalized(r_part.pattern, &mut r_text);
                if same != r_text {
                    continue;
                }
                let t_segs = t_segs.get_or_insert_with(|| segments(file.text(), &t));
                let r_segs = r_segs.get_or_insert_with(|| segments(reference.text(), &r));
                let ts: Vec<&Segment<'_>> =
                    t_segs.iter().filter(|s| s.attribute == attribute).collect();
                let rs: Vec<&Segment<'_>> =
                    r_segs.iter().filter(|s| s.attribute == attribute).collect();
                // Only text with words to translate: not names, glossary terms, acronyms, units.
                let translatable = rs.iter().any(|seg| {
                    let mut chars = seg.chars.clone();
                    strip_markup(&mut chars);
                    content_words(&words(reference.text(), &chars, glossary)).len() >= MIN_WORDS
                });
                let Some(span) = text_span(&ts) else {
                    continue;
                };
                if !translatable {
                    continue;
                }
                let shown = file.text().get(span.clone()).unwrap_or(&same);
                let message = format!(
                    "`{}` in {tag} is the same as in {en_tag}",
                    excerpt(shown, 60)
                );
                let d = out
                    .emit_entry(unit, &t, span.clone(), message)
                    .with_attribute(attribute)
                    .with_reference(unit.reference_file_id(), r.meta.span.clone())
                    .with_label(Label {
                        side: Side::Translation,
                        span,
                    });
                if let Some(rspan) = text_span(&rs) {
                    d.with_label(Label {
                        side: Side::Reference,
                        span: rspan,
                    });
                }
            }
        }
    }
}
