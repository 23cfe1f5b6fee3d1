#![doc = include_str!("../../docs/rules/untranslated.md")]

use std::collections::HashMap;
use std::ops::Range;

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use fluent_syntax::ast::Pattern;

use crate::fluent::{parts, walk_pattern, Visitor};
use crate::lang::dictionary::language_name;
use crate::lang::text::{
    atoms, content_words, segments, sentences, strip_markup, words, Segment, WordKind, PLACEHOLDER,
};
use crate::lang::{excerpt, writing_of, Glossary, Writing};
use crate::project::ParsedFile;

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
        let mut left = Vec::new();
        // The word check compares words of Latin-script languages; it stops for the file when
        // a dictionary it needs is missing (which the run notes once).
        let mut word_check = !ctx.dictionaries.off_and_noted()
            && writing_of(unit.locale.source.langid.language.as_str()) == Writing::Latin
            && writing_of(en.source.langid.language.as_str()) == Writing::Latin;
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
                let identical = first_char(&r_texts) == Some(first)
                    && words_of(&t_texts).eq(words_of(&r_texts));
                if !identical {
                    // Single words left in the reference language, looked at only when a word
                    // of the translation is literally a word of the reference.
                    if word_check && shares_a_word(&t_texts, &r_texts) {
                        let t_segs =
                            t_segs.get_or_insert_with(|| by_part(segments(file.text(), &t)));
                        let r_segs =
                            r_segs.get_or_insert_with(|| by_part(segments(reference.text(), &r)));
                        let no_segs = Vec::new();
                        let parts = PartPair {
                            t: t_segs.get(&attribute).unwrap_or(&no_segs),
                            r: r_segs.get(&attribute).unwrap_or(&no_segs),
                            t_text: file.text(),
                            r_text: reference.text(),
                        };
                        word_check =
                            left_words(ctx, unit, t.meta.index, attribute, &parts, &mut left);
                    }
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
        report_left(ctx, unit, file, left, out);
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

/// Fewest letters of a word the pre-check looks for in the reference (a run of left words may
/// hold shorter ones, but needs one this long).
const MIN_LETTERS: usize = 3;

/// More runs of left words than this in one part are one finding: the part is mostly not
/// translated, and one finding says so better than a list.
const MAX_RUNS: usize = 3;

/// Whether some word of the translation's text (of at least [`MIN_LETTERS`] letters, no
/// digits) is also a word of the reference's text, ignoring ASCII case: the cheap test before
/// the word check, false for almost every translated message.
fn shares_a_word(t_texts: &[&str], r_texts: &[&str]) -> bool {
    let candidate = |a: &str| a.len() >= MIN_LETTERS && !a.bytes().any(|b| b.is_ascii_digit());
    let mut reference: smallvec::SmallVec<[&str; 32]> = smallvec::SmallVec::new();
    for t in r_texts {
        reference.extend(atoms(t).map(|a| a.text).filter(|a| candidate(a)));
    }
    if reference.is_empty() {
        return false;
    }
    let mut translation = t_texts
        .iter()
        .flat_map(|t| atoms(t))
        .map(|a| a.text)
        .filter(|a| candidate(a));
    if reference.len() <= 64 {
        return translation.any(|a| {
            reference
                .iter()
                .any(|r| r.len() == a.len() && r.eq_ignore_ascii_case(a))
        });
    }
    // A long reference: a set instead of a scan per word.
    let set: std::collections::HashSet<String> =
        reference.iter().map(|r| r.to_ascii_lowercase()).collect();
    translation.any(|a| set.contains(&a.to_ascii_lowercase()))
}

/// One part (value or attribute) of a translation and of its reference, as segments.
struct PartPair<'a, 's> {
    t: &'a [Segment<'s>],
    r: &'a [Segment<'s>],
    t_text: &'a str,
    r_text: &'a str,
}

/// Whether the characters around a word make it code rather than text: an option or its
/// value (`--reference`, `--sparse=auto`, `-lines`), a quoted literal (`'upper'`, `"use"`,
/// `` `users` ``), or a command followed by its options (`sum -s`).
fn is_code_context(chars: &[crate::lang::text::Ch], w: &crate::lang::text::Word<'_>) -> bool {
    let before = w.start.checked_sub(1).map(|i| chars[i].c);
    let after = chars.get(w.end).map(|c| c.c);
    if matches!(before, Some('-' | '=' | '_' | '$' | '%' | '\\' | '+'))
        || matches!(after, Some('=' | '_' | '(' | '[' | '/'))
    {
        return true;
    }
    let quote = |c: Option<char>| matches!(c, Some('\'' | '"' | '`' | '‘' | '’' | '“' | '”'));
    if quote(before) && quote(after) {
        return true;
    }
    // `sum -s`, `kill -l`: a command and an option.
    let mut rest = chars[w.end.min(chars.len())..].iter().map(|c| c.c);
    rest.next() == Some(' ')
        && rest.next() == Some('-')
        && rest.next().is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Whether a word is the whole name of the file (`head` in `head.ftl`, `fingerprinting` in
/// `features/fingerprinting.ftl`) or of a directory on its path: the file is about what the
/// word names (a command, a product feature).
fn names_file(rel: &str, lower: &str) -> bool {
    rel.trim_end_matches(".ftl")
        .split(['/', '\\'])
        .any(|part| part.eq_ignore_ascii_case(lower))
}

/// Whether a dictionary knows a word as written or in lower case (a capital at the start of a
/// sentence).
fn knows(d: &spellbook::Dictionary, word: &str) -> bool {
    d.check(word) || word.chars().any(char::is_uppercase) && d.check(&word.to_lowercase())
}

/// Words of the translation left in the reference language, found by [`left_words`], before
/// they are reported.
struct Run {
    entry: usize,
    attribute: Option<String>,
    span: Range<usize>,
    text: String,
    /// Its words in lower case.
    words: Vec<String>,
    /// Where the reference has each of its words.
    reference: Vec<Range<usize>>,
}

/// How many messages of one file may keep a word before it counts as the locale's own (a
/// term the translators chose to keep, as Swedish keeps `fingerprinting`), not a leftover.
const ADOPTED_IN: usize = 3;

/// Finds the words of one translated part that are left in the reference language: a word
/// of the reference part, unknown to the locale's dictionary and known to the reference's,
/// that is no name, glossary term, acronym, unit, number or placeable. Adjacent words are one
/// run. Returns false when a dictionary is missing (the check stops for the file).
fn left_words(
    ctx: &Ctx<'_, '_>,
    unit: &Unit<'_, '_>,
    entry: usize,
    attribute: Option<&str>,
    parts: &PartPair<'_, '_>,
    runs_out: &mut Vec<Run>,
) -> bool {
    // The reference's words, in lower case, with where each first occurs.
    let no_glossary = Glossary::default();
    let mut reference: HashMap<String, Range<usize>> = HashMap::new();
    for seg in parts.r {
        let mut chars = seg.chars.clone();
        strip_markup(&mut chars);
        for w in words(parts.r_text, &chars, &no_glossary) {
            let span = seg.span(w.start, w.end - 1);
            reference.entry(w.text.to_lowercase()).or_insert(span);
        }
    }
    let glossary = &ctx.glossaries[unit.locale_index];
    // Candidates by segment: (segment, its characters, its words, candidate word indices).
    let mut found = Vec::new();
    for seg in parts.t {
        let mut chars = seg.chars.clone();
        strip_markup(&mut chars);
        let ws = words(parts.t_text, &chars, glossary);
        let starts: Vec<usize> = sentences(&chars, &ws).iter().map(|r| r.start).collect();
        let capital = |i: usize| ws.get(i).is_some_and(|w| w.is_capitalised());
        let candidates: Vec<usize> = (0..ws.len())
            .filter(|&i| {
                let w = &ws[i];
                if w.kind != WordKind::Plain || w.text.chars().count() < 2 {
                    return false;
                }
                // A capital inside a sentence marks a name; so does one at its start that the
                // next word continues (`Virtual Reality`).
                if w.is_capitalised() && (!starts.contains(&i) || capital(i + 1)) {
                    return false;
                }
                if is_code_context(&chars, w) {
                    return false;
                }
                let lower = w.text.to_lowercase();
                reference.contains_key(&lower)
                    && !ctx.term_words.contains(&lower)
                    && !names_file(unit.rel, &lower)
            })
            .collect();
        if !candidates.is_empty() {
            found.push((seg, chars, ws, candidates));
        }
    }
    if found.is_empty() {
        return true;
    }
    let Some((r_dict, t_dict)) = ctx.dictionaries.pair(0, unit.locale_index) else {
        return false;
    };
    let is_left = |chars: &[crate::lang::text::Ch], w: &crate::lang::text::Word<'_>| {
        let text = w.text;
        if knows(t_dict, text) {
            return false;
        }
        // An abbreviation the locale writes with its full stop (`etc.`).
        if chars.get(w.end).is_some_and(|c| c.c == '.') && knows(t_dict, &format!("{text}.")) {
            return false;
        }
        // A capitalised word the reference's dictionary knows only with its capital is a name
        // (`Django`).
        if w.is_capitalised() {
            return r_dict.check(&text.to_lowercase());
        }
        knows(r_dict, text)
    };
    for (seg, chars, ws, candidates) in &found {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for &i in candidates {
            if !is_left(chars, &ws[i]) {
                continue;
            }
            match runs.last_mut() {
                Some((_, last))
                    if *last + 1 == i
                        && chars[ws[*last].end..ws[i].start]
                            .iter()
                            .all(|c| c.c == ' ' || c.c == '\u{a0}') =>
                {
                    *last = i
                }
                _ => runs.push((i, i)),
            }
        }
        for (first, last) in runs {
            let run = &ws[first..=last];
            // A run needs a word of MIN_LETTERS letters (not `to` alone).
            if !run.iter().any(|w| w.text.chars().count() >= MIN_LETTERS) {
                continue;
            }
            // A phrase the locale makes the first part of a compound is the locale's way to
            // write it (`open source-projekt`, `virtual reality-webbplatser`).
            let compound = ws.get(last + 1).is_some_and(|next| {
                ws[last].end + 1 == next.start
                    && chars[ws[last].end].c == ' '
                    && next.text.rsplit_once('-').is_some_and(|(head, tail)| {
                        let head = head.rsplit('-').next().unwrap_or(head);
                        reference.contains_key(&head.to_lowercase()) && knows(t_dict, tail)
                    })
            });
            // A word the translation also inflects as its own (`indentationer` next to
            // `indentation`) is the locale's loanword.
            let inflected = run.iter().any(|w| {
                let lower = w.text.to_lowercase();
                found.iter().any(|(_, _, others, _)| {
                    others.iter().any(|o| {
                        o.text.len() > w.text.len()
                            && o.text.to_lowercase().starts_with(&lower)
                            && o.text
                                .get(w.text.len()..)
                                .is_some_and(|r| !r.starts_with('-'))
                            && !reference.contains_key(&o.text.to_lowercase())
                    })
                })
            });
            if compound || inflected {
                continue;
            }
            let span = seg.span(ws[first].start, ws[last].end - 1);
            let words: Vec<String> = run.iter().map(|w| w.text.to_lowercase()).collect();
            runs_out.push(Run {
                entry,
                attribute: attribute.map(str::to_string),
                text: parts.t_text.get(span.clone()).unwrap_or("").to_string(),
                span,
                reference: words
                    .iter()
                    .filter_map(|w| reference.get(w).cloned())
                    .collect(),
                words,
            });
        }
    }
    true
}

/// Reports the left words of a file: leaving out those kept in [`ADOPTED_IN`] or more of its
/// messages, one finding per run, and one for a part with more than [`MAX_RUNS`] runs.
fn report_left(
    ctx: &Ctx<'_, '_>,
    unit: &Unit<'_, '_>,
    file: &ParsedFile<'_>,
    runs: Vec<Run>,
    out: &mut Sink,
) {
    if runs.is_empty() {
        return;
    }
    let mut messages: HashMap<&str, Vec<usize>> = HashMap::new();
    for r in &runs {
        for w in &r.words {
            let m = messages.entry(w.as_str()).or_default();
            if !m.contains(&r.entry) {
                m.push(r.entry);
            }
        }
    }
    let adopted = |w: &String| {
        messages
            .get(w.as_str())
            .is_some_and(|m| m.len() >= ADOPTED_IN)
    };
    let kept: Vec<&Run> = runs
        .iter()
        .filter(|r| !r.words.iter().all(adopted))
        .collect();
    let tag = unit.locale.tag();
    let own = language_name(unit.locale.source.langid.language.as_str());
    let theirs = language_name(ctx.reference().source.langid.language.as_str());
    let mut i = 0;
    while i < kept.len() {
        let part = kept[i..]
            .iter()
            .take_while(|r| r.entry == kept[i].entry && r.attribute == kept[i].attribute)
            .count();
        let group = &kept[i..i + part];
        i += part;
        let entry = file.view(group[0].entry);
        let mut emit = |span: Range<usize>, message: String, labels: &[Range<usize>]| {
            let d = out
                .emit_entry(unit, &entry, span.clone(), message)
                .with_attribute(group[0].attribute.as_deref())
                .with_label(Label {
                    side: Side::Translation,
                    span,
                });
            for r in labels {
                d.with_label(Label {
                    side: Side::Reference,
                    span: r.clone(),
                });
            }
        };
        if group.len() > MAX_RUNS {
            let count: usize = group.iter().map(|r| r.words.len()).sum();
            let shown: Vec<String> = group
                .iter()
                .take(MAX_RUNS)
                .map(|r| format!("`{}`", r.text))
                .collect();
            let last = group[group.len() - 1];
            let span = group[0].span.start..last.span.end.max(group[0].span.end);
            emit(
                span,
                format!(
                    "{count} {theirs} words are left untranslated in {tag}: {}, … (they are in the {theirs} dictionary, not in the {own} one)",
                    shown.join(", ")
                ),
                &group[0].reference,
            );
            continue;
        }
        for r in group {
            let message = if r.words.len() == 1 {
                format!(
                    "the {theirs} word `{}` is left untranslated in {tag} (it is in the {theirs} dictionary, not in the {own} one)",
                    r.text
                )
            } else {
                format!(
                    "the {theirs} words `{}` are left untranslated in {tag} (they are in the {theirs} dictionary, not in the {own} one)",
                    r.text
                )
            };
            emit(r.span.clone(), message, &r.reference);
        }
    }
}
