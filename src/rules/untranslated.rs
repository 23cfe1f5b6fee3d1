#![doc = include_str!("../../docs/rules/untranslated.md")]

use std::collections::HashMap;
use std::ops::Range;

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use fluent_syntax::ast::Pattern;

use crate::fluent::{parts, walk_pattern, Visitor};
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

/// The text elements of a pattern (with all its variants), in order, written into `out`
/// (cleared first, so that one buffer serves every pattern).
fn text_elements<'s>(pattern: &'s Pattern<&'s str>, out: &mut Vec<&'s str>) {
    struct Texts<'b, 's>(&'b mut Vec<&'s str>);
    impl<'s> Visitor<'s> for Texts<'_, 's> {
        fn text(&mut self, text: &'s str) {
            self.0.push(text);
        }
    }
    out.clear();
    walk_pattern(pattern, &mut Texts(out));
}

/// The words of text elements: the text of a pattern without placeables, whitespace aside.
/// Two patterns whose words are the same have the same text with whitespace collapsed, so
/// words are compared one by one instead of building that text.
fn words_of<'a>(texts: &'a [&str]) -> impl Iterator<Item = &'a str> {
    texts.iter().flat_map(|t| t.split_whitespace())
}

/// The first character of the words of text elements, if they have any.
fn first_char(texts: &[&str]) -> Option<char> {
    texts.iter().find_map(|t| t.trim_start().chars().next())
}

/// The text of a pattern's words with whitespace collapsed.
fn normalized(texts: &[&str]) -> String {
    words_of(texts).collect::<Vec<_>>().join(" ")
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
        let (mut t_texts, mut r_texts) = (Vec::new(), Vec::new());
        for t in file.views() {
            if t.meta.is_term {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            let mut t_segs = None;
            let mut r_segs = None;
            for part in parts(t.value, t.attributes) {
                let attribute = part.attribute;
                // A look-up by name, not a scan: an entry may have thousands of attributes.
                let r_pattern = r.part(attribute);
                let Some(r_pattern) = r_pattern else {
                    continue;
                };
                text_elements(part.pattern, &mut t_texts);
                let Some(first) = first_char(&t_texts) else {
                    continue;
                };
                text_elements(r_pattern, &mut r_texts);
                // Most translations differ at their first character: words are compared only
                // when it is the same (a CJK string is one long "word").
                if first_char(&r_texts) != Some(first) || !words_of(&t_texts).eq(words_of(&r_texts))
                {
                    continue;
                }
                // The segments of each part, grouped once per entry.
                let t_segs = t_segs.get_or_insert_with(|| by_part(segments(file.text(), &t)));
                let r_segs = r_segs.get_or_insert_with(|| by_part(segments(reference.text(), &r)));
                let ts: Vec<&Segment<'_>> = t_segs
                    .get(&attribute)
                    .map(|v| v.iter().collect())
                    .unwrap_or_default();
                let rs: Vec<&Segment<'_>> = r_segs
                    .get(&attribute)
                    .map(|v| v.iter().collect())
                    .unwrap_or_default();
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
                let same;
                let shown = match file.text().get(span.clone()) {
                    Some(shown) => shown,
                    None => {
                        same = normalized(&t_texts);
                        &same
                    }
                };
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

/// Segments grouped by the part (value or attribute) they belong to, in order.
fn by_part(segments: Vec<Segment<'_>>) -> HashMap<Option<&str>, Vec<Segment<'_>>> {
    let mut out: HashMap<Option<&str>, Vec<Segment<'_>>> = HashMap::new();
    for s in segments {
        out.entry(s.attribute).or_default().push(s);
    }
    out
}
