#![doc = include_str!("../../docs/rules/term-mismatch.md")]

use std::collections::HashSet;
use std::ops::Range;

use fluent_syntax::ast::Pattern;

use super::{closest, Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{offset_in, parts, walk_pattern, Part, Visitor};
use crate::lang::glossary::Glossary;
use crate::lang::text::{is_joiner, segments, strip_markup, words, Segment};
use crate::lang::{writing_of, Writing};
use crate::project::{EntryView, ParsedFile};
use crate::terms::{Hit, TermIndex};

pub struct TermMismatch;

static META: RuleMeta = RuleMeta {
    id: "term-mismatch",
    severity: Severity::Error,
    summary: "a translation lacks the termbase's approved term, uses a deprecated or forbidden one, or changes a do-not-translate name",
    doc: include_str!("../../docs/rules/term-mismatch.md"),
};

/// Shortest do-not-translate name (in characters) whose near-misses are reported as
/// misspellings: `JAK1` and `JAK2` are two names, not one name mistyped.
const MIN_MISSPELT: usize = 5;

/// The text elements of a pattern (every variant too) with their byte offsets in `text`.
fn texts<'s>(text: &str, pattern: &'s Pattern<&'s str>) -> Vec<(usize, &'s str)> {
    struct Texts<'s>(Vec<&'s str>);
    impl<'s> Visitor<'s> for Texts<'s> {
        fn text(&mut self, text: &'s str) {
            self.0.push(text);
        }
    }
    let mut v = Texts(Vec::new());
    walk_pattern(pattern, &mut v);
    v.0.into_iter()
        .filter_map(|s| offset_in(text, s).map(|o| (o, s)))
        .collect()
}

/// Every termbase term of `index` in the text elements, with ranges in the file.
fn hits(index: &TermIndex, elements: &[(usize, &str)]) -> Vec<Hit> {
    let mut out = Vec::new();
    for &(o, s) in elements {
        index.find_into(s, o, &mut out);
    }
    out
}

/// The span of a part's text: its first to its last text element (trimmed).
fn text_span(text: &str, elements: &[(usize, &str)]) -> Option<Range<usize>> {
    let first = elements.iter().find(|(_, s)| !s.trim().is_empty())?;
    let last = elements.iter().rev().find(|(_, s)| !s.trim().is_empty())?;
    let start = first.0 + (first.1.len() - first.1.trim_start().len());
    let end = last.0 + last.1.trim_end().len();
    (start < end && end <= text.len()).then_some(start..end)
}

fn quoted(list: &[&str]) -> String {
    list.iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Rule for TermMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let with_terms = !ctx.term_indexes.is_empty();
        let glossary = &ctx.glossaries[0];
        if !with_terms && glossary.is_empty() {
            return;
        }
        for t in file.views() {
            if t.meta.is_term || file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            let mut names_here = false;
            for part in parts(t.value, t.attributes) {
                let r_pattern = r.part(part.attribute);
                let Some(r_pattern) = r_pattern else {
                    continue;
                };
                let r_texts = texts(reference.text(), r_pattern);
                if with_terms {
                    termbase(ctx, unit, out, &t, &part, (r_pattern, &r_texts));
                }
                names_here |= r_texts.iter().any(|(_, s)| mentions_name(glossary, s));
            }
            if names_here {
                names(ctx, unit, out, &t, &r, file, reference);
            }
        }
    }
}

/// The termbase check of one part (value or attribute).
fn termbase(
    ctx: &Ctx<'_, '_>,
    unit: &Unit<'_, '_>,
    out: &mut Sink,
    t: &EntryView<'_, '_>,
    part: &Part<'_>,
    (r_pattern, r_texts): (&Pattern<&str>, &[(usize, &str)]),
) {
    let attribute = part.attribute;
    let Some((file, reference)) = unit.pair() else {
        return;
    };
    let (Some(en_index), Some(index)) = (
        ctx.term_indexes.first(),
        ctx.term_indexes.get(unit.locale_index),
    ) else {
        return;
    };
    let (lang, en) = (unit.locale.tag(), ctx.reference().tag());
    let r_hits = ctx
        .reference_terms
        .get_or_insert(r_pattern, || hits(en_index, r_texts));
    let r_hits = r_hits.as_slice();
    // Without a term in the reference, only a term the translation must not use is reported.
    if r_hits.is_empty() && !index.has_unapproved() {
        return;
    }
    // The translation's text elements, only now that they are needed.
    let t_texts = texts(file.text(), part.pattern);
    let t_texts = t_texts.as_slice();
    let t_hits = hits(index, t_texts);
    let allowed = |h: &Hit| {
        index
            .terms(h.concept)
            .get(h.term)
            .is_some_and(|x| x.status.allowed())
    };
    let mut reported: HashSet<usize> = HashSet::new();
    // Deprecated, superseded and forbidden terms in the translation (unless the same words
    // are also an approved term of some concept).
    for h in &t_hits {
        let Some(term) = index.terms(h.concept).get(h.term) else {
            continue;
        };
        if term.status.allowed() || t_hits.iter().any(|g| g.range == h.range && allowed(g)) {
            continue;
        }
        if !reported.insert(h.concept) {
            continue;
        }
        let found = &file.text()[h.range.clone()];
        let source = r_hits.iter().find(|g| g.concept == h.concept);
        let of = source
            .map(|g| format!(" for `{}` ({en})", &reference.text()[g.range.clone()]))
            .unwrap_or_default();
        let instead = match index.preferred(h.concept) {
            Some(p) => format!("use `{}`", p.text),
            None => format!("the termbase has no approved {lang} term for it"),
        };
        let message = format!(
            "`{found}` in {lang} is a {} term{of}: {instead}",
            term.status.as_str()
        );
        let d = out
            .emit_entry(unit, t, h.range.clone(), message)
            .with_attribute(attribute)
            .with_label(Label {
                side: Side::Translation,
                span: h.range.clone(),
            });
        if let Some(g) = source {
            d.with_label(Label {
                side: Side::Reference,
                span: g.range.clone(),
            });
        }
    }
    // Reference terms the translation does not render with an approved term.
    let mut seen: HashSet<usize> = HashSet::new();
    for g in r_hits {
        if !seen.insert(g.concept) || reported.contains(&g.concept) {
            continue;
        }
        let terms = index.terms(g.concept);
        if !terms.iter().any(|x| x.status.allowed()) {
            continue;
        }
        if t_hits.iter().any(|h| h.concept == g.concept && allowed(h)) {
            continue;
        }
        let Some(preferred) = index.preferred(g.concept) else {
            continue;
        };
        let others: Vec<&str> = terms
            .iter()
            .filter(|x| x.status.allowed() && x.text != preferred.text)
            .map(|x| x.text.as_str())
            .collect();
        let nor = if others.is_empty() {
            String::new()
        } else {
            format!(" (nor {})", quoted(&others))
        };
        let source = &reference.text()[g.range.clone()];
        let message = format!(
            "`{source}` in {en} is not translated as the termbase's `{}`{nor} in {lang}",
            preferred.text
        );
        let span = text_span(file.text(), t_texts).unwrap_or(t.meta.id_span.clone());
        out.emit_entry(unit, t, span, message)
            .with_attribute(attribute)
            .with_label(Label {
                side: Side::Reference,
                span: g.range.clone(),
            });
    }
}

/// Whether a text may hold a do-not-translate name: one of its words starts a glossary term.
/// A cheap test, before the text is split into words properly.
fn mentions_name(glossary: &Glossary, text: &str) -> bool {
    !glossary.is_empty()
        && text
            .split(|c: char| !(c.is_alphanumeric() || is_joiner(c)))
            .map(|w| w.trim_matches(is_joiner))
            .any(|w| glossary.may_start(w))
}

/// A segment's words, markup stripped: (text, byte range in the file).
fn seg_words<'a>(text: &'a str, seg: &Segment<'_>) -> Vec<(&'a str, Range<usize>)> {
    let mut chars = seg.chars.clone();
    strip_markup(&mut chars);
    words(text, &chars, &Glossary::default())
        .into_iter()
        .map(|w| (w.text, chars[w.start].at..chars[w.end - 1].end()))
        .collect()
}

/// Words cut at the joiners that make compounds (`JAK-hämmare`, `JAK1/JAK2`, `Sjögren's`):
/// a name is kept when it is one part of such a word.
fn parts_of<'a>(ws: &[(&'a str, Range<usize>)]) -> Vec<(&'a str, Range<usize>)> {
    let mut out = Vec::with_capacity(ws.len());
    for (w, r) in ws {
        let mut from = 0;
        for (i, c) in w.char_indices() {
            if is_joiner(c) && !matches!(c, '.' | '_') {
                if i > from {
                    out.push((&w[from..i], r.start + from..r.start + i));
                }
                from = i + c.len_utf8();
            }
        }
        if from < w.len() {
            out.push((&w[from..], r.start + from..r.end));
        }
    }
    out
}

/// Whether the name at words `i..i + n` of a reference segment may be an ordinary word or part
/// of another name rather than the do-not-translate name: a one-word name that starts a
/// sentence (`Monitor network requests`, where `Monitor` is also a product), or a name next to
/// another capitalised word (`Network Monitor`). Its absence from the translation is then not
/// reported (a near miss still is).
fn ordinary_use(text: &str, ws: &[(&str, Range<usize>)], i: usize, n: usize) -> bool {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Whether word `k` starts the segment or a sentence.
    let starts_sentence = |k: usize| match k.checked_sub(1) {
        None => true,
        Some(p) => text
            .get(ws[p].1.end..ws[k].1.start)
            .is_some_and(|gap| gap.contains(['.', '!', '?', ':', '•'])),
    };
    // A capitalised word before the name counts unless it is only capitalised because it
    // starts the sentence (`Keep Olumiant …`).
    let before = i
        .checked_sub(1)
        .is_some_and(|k| capitalised(ws[k].0) && !starts_sentence(k) && !starts_sentence(i));
    let after = ws
        .get(i + n)
        .is_some_and(|w| capitalised(w.0) && !starts_sentence(i + n));
    before || after || (n == 1 && starts_sentence(i))
}

/// Whether two words are the same, the case of the first letter aside (a name that starts
/// a sentence in one language may be inside one in the other: `Baricitinib`, `baricitinib`).
fn same_word(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    match (x.next(), y.next()) {
        (Some(p), Some(q)) => p.to_lowercase().eq(q.to_lowercase()) && x.as_str() == y.as_str(),
        (None, None) => true,
        _ => false,
    }
}

/// The do-not-translate names of a reference entry must be in the translation as they are,
/// unless the translation refers to the Fluent term that holds the name.
fn names(
    ctx: &Ctx<'_, '_>,
    unit: &Unit<'_, '_>,
    out: &mut Sink,
    t: &EntryView<'_, '_>,
    r: &EntryView<'_, '_>,
    file: &ParsedFile<'_>,
    reference: &ParsedFile<'_>,
) {
    let glossary = &ctx.glossaries[0];
    let translated = ctx.translated_names.get(unit.locale_index);
    let (lang, en) = (unit.locale.tag(), ctx.reference().tag());
    let latin = writing_of(unit.locale.source.langid.language.as_str()) == Writing::Latin;
    let r_segs = segments(reference.text(), r);
    let t_segs = segments(file.text(), t);
    let refs = super::reference_mismatch::references(file.text(), t);
    let mut done: HashSet<(Option<&str>, String)> = HashSet::new();
    for rs in &r_segs {
        let rw = seg_words(reference.text(), rs);
        let mut i = 0;
        while i < rw.len() {
            let n = glossary.match_len(rw[i..].iter().map(|w| w.0));
            if n == 0 {
                i += 1;
                continue;
            }
            let span = rw[i].1.start..rw[i + n - 1].1.end;
            let name = rw[i..i + n]
                .iter()
                .map(|w| w.0)
                .collect::<Vec<_>>()
                .join(" ");
            let name_words: Vec<&str> = parts_of(&rw[i..i + n]).into_iter().map(|w| w.0).collect();
            let ordinary = ordinary_use(reference.text(), &rw, i, n);
            i += n;
            if translated.is_some_and(|set| set.contains(&name))
                || !done.insert((rs.attribute, name.clone()))
            {
                continue;
            }
            // The translation's words in the same part.
            let tw: Vec<Vec<(&str, Range<usize>)>> = t_segs
                .iter()
                .filter(|s| s.attribute == rs.attribute)
                .map(|s| seg_words(file.text(), s))
                .collect();
            let k = name_words.len();
            let present = k > 0
                && tw.iter().any(|ws| {
                    parts_of(ws).windows(k).any(|win| {
                        win.iter()
                            .zip(&name_words)
                            .all(|(w, name)| same_word(w.0, name))
                    })
                });
            if present {
                continue;
            }
            // `{ -brand }` instead of the name: the term holds it.
            let by_reference = refs
                .iter()
                .filter(|x| x.is_term && x.part == rs.attribute)
                .any(|x| {
                    [&unit.locale.source.index, &ctx.reference().source.index]
                        .iter()
                        .filter_map(|index| index.term(x.id))
                        .any(|d| d.texts.iter().any(|s| s.contains(&name)))
                });
            if by_reference {
                continue;
            }
            // A near-miss of the name: a misspelling.
            let mut candidates: Vec<(String, Range<usize>)> = Vec::new();
            if name.chars().count() >= MIN_MISSPELT {
                for ws in &tw {
                    for win in ws.windows(n) {
                        if glossary.match_len(win.iter().map(|w| w.0)) > 0
                            || win.iter().any(|w| same_word(w.0, &name))
                        {
                            continue;
                        }
                        let joined = win.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
                        candidates.push((joined, win[0].1.start..win[n - 1].1.end));
                    }
                }
            }
            let near = closest(&name, candidates.iter().map(|(s, _)| s.as_str()))
                .and_then(|c| candidates.iter().find(|(s, _)| s == c));
            match near {
                Some((typed, tspan)) => {
                    let message = format!(
                        "`{name}` in {en} is `{typed}` in {lang}: a do-not-translate name is kept as it is"
                    );
                    out.emit_entry(unit, t, tspan.clone(), message)
                        .with_attribute(rs.attribute)
                        .with_label(Label {
                            side: Side::Translation,
                            span: tspan.clone(),
                        })
                        .with_label(Label {
                            side: Side::Reference,
                            span: span.clone(),
                        });
                }
                // A name in Latin letters may be written in Chinese in a Chinese leaflet; in
                // a Latin-script translation it is kept.
                None if latin && !ordinary => {
                    let message =
                        format!("do-not-translate name `{name}` in {en} is missing from {lang}");
                    let severity = out.downgraded(Severity::Warning);
                    let mut all = tw.iter().flatten();
                    let at = match (all.next(), tw.iter().flatten().next_back()) {
                        (Some(a), Some(b)) => a.1.start..b.1.end,
                        _ => t.meta.id_span.clone(),
                    };
                    out.emit_entry(unit, t, at, message)
                        .with_attribute(rs.attribute)
                        .with_severity(severity)
                        .with_label(Label {
                            side: Side::Reference,
                            span: span.clone(),
                        });
                }
                None => {}
            }
        }
    }
}
