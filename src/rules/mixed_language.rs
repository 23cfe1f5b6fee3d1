#![doc = include_str!("../../docs/rules/mixed-language.md")]

use std::collections::HashSet;
use std::ops::Range;

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use crate::fluent::parts;
use crate::lang::detect::{confidence, decode_runs, signal_bound, word_leaning, Lang, Signals};
use crate::lang::notation::{strip_notation, NOTATION};
use crate::lang::script::{cjk, cjk_language, is_cjk_punctuation, may_hold_cjk};
use crate::lang::text::{
    atoms, content_words, fragment_end, has_latin_letter, segments, sentences, source_text,
    strip_markup, words, Ch, Segment, Word, WordKind,
};
use crate::lang::{article_for_tag, excerpt, writing_of, Writing};
use crate::project::EntryView;

pub struct MixedLanguage;

static META: RuleMeta = RuleMeta {
    id: "mixed-language",
    severity: Severity::Error,
    summary: "a fragment of a string is in another language than its locale's",
    doc: include_str!("../../docs/rules/mixed-language.md"),
};

/// Fewest content words of a Latin run inside a CJK string before it counts as text.
pub const CJK_MIN_WORDS: usize = 2;
/// Fewest content words of a Latin run inside a CJK string that counts as prose without a
/// function word of English or Swedish among them.
const SHORT_RUN: usize = 4;
/// Fewest content words of a sentence before the language model is asked about it.
pub const SENTENCE_MIN_WORDS: usize = 3;
/// Lowest model confidence at which a sentence is reported.
pub const MIN_CONFIDENCE: f64 = 0.8;
/// Lowest model confidence for a run of words most of which the reference message has too.
const COPIED_CONFIDENCE: f64 = 0.5;
/// Longest fragment shown in a message.
const SHOWN: usize = 80;

/// A fragment in another language, as characters `from..=to` of a segment.
struct Fragment {
    from: usize,
    to: usize,
    language: &'static str,
    /// "text" or "sentence".
    what: &'static str,
    confidence: Option<f64>,
}

impl Rule for MixedLanguage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        let language = unit.locale.source.langid.language.as_str();
        let writing = writing_of(language);
        let own = Lang::of_subtag(language);
        let options = &ctx.settings.mixed_language;
        let glossary = &ctx.glossaries[unit.locale_index];
        let text = file.text();
        let tag = unit.locale.tag();
        // The text elements of the entry at hand: one buffer for all entries of the file.
        let mut texts = Vec::new();
        // Whether the reference is in the other language, so that its words left in a
        // translation lean to it.
        let in_other = own
            .is_some_and(|o| ctx.reference().source.langid.language.as_str() == o.other().subtag());
        for entry in file.views() {
            if entry.meta.is_term {
                continue;
            }
            // The reference message's words, read at most once for the entry and only when
            // asked for.
            let ref_words: std::cell::OnceCell<HashSet<String>> = std::cell::OnceCell::new();
            let words_of_reference = || {
                ref_words.get_or_init(|| {
                    if in_other {
                        reference_words(unit, &entry)
                    } else {
                        HashSet::new()
                    }
                })
            };
            let copies_reference = |texts: &[&str]| {
                in_other && {
                    let words = words_of_reference();
                    let needed = options.min_words.unwrap_or(SENTENCE_MIN_WORDS).max(1);
                    texts
                        .iter()
                        .flat_map(|t| atoms(t))
                        .filter(|a| has_latin_letter(a.text))
                        .filter(|a| words.contains(&a.text.to_lowercase()))
                        .take(needed)
                        .count()
                        >= needed
                }
            };
            if nothing_can_fire(
                &entry,
                (writing, own),
                options.min_words,
                &mut texts,
                copies_reference,
            ) {
                continue;
            }
            for mut seg in segments(text, &entry) {
                strip_markup(&mut seg.chars);
                strip_notation(&mut seg.chars, matches!(writing, Writing::Cjk));
                let mut found = Vec::new();
                if matches!(writing, Writing::Latin | Writing::Other) {
                    cjk_fragments(&seg.chars, &mut found);
                }
                let ws = words(text, &seg.chars, glossary);
                match (writing, own) {
                    (Writing::Cjk, _) => latin_runs(
                        &seg.chars,
                        &ws,
                        options.min_words.unwrap_or(CJK_MIN_WORDS),
                        &mut found,
                    ),
                    (Writing::Latin, Some(own)) => {
                        let min_words = options.min_words.unwrap_or(SENTENCE_MIN_WORDS);
                        let min_confidence = options.min_confidence.unwrap_or(MIN_CONFIDENCE);
                        foreign_sentences(
                            &seg.chars,
                            &ws,
                            own.other(),
                            min_words,
                            min_confidence,
                            &mut found,
                        );
                        foreign_runs(
                            &seg.chars,
                            &ws,
                            own.other(),
                            words_of_reference,
                            (min_words, min_confidence),
                            &mut found,
                        );
                    }
                    _ => {}
                }
                for f in found {
                    emit(unit, &entry, &seg, text, tag, f, out);
                }
            }
        }
    }
}

/// Whether the raw text of `entry` already rules out every finding, so that its strings need
/// not be split into characters and words: no CJK character for [`cjk_fragments`], fewer
/// than two signs of the other language for [`foreign_sentences`] (and one only, for
/// [`foreign_runs`], in a string that copies no words of the reference message), fewer atoms with Latin letters
/// than a run needs for [`latin_runs`]. Each count bounds the one the check makes.
fn nothing_can_fire<'a>(
    entry: &EntryView<'a, '_>,
    (writing, own): (Writing, Option<Lang>),
    min_words: Option<usize>,
    texts: &mut Vec<&'a str>,
    copies_reference: impl FnOnce(&[&str]) -> bool,
) -> bool {
    texts.clear();
    let complete =
        parts(entry.value, entry.attributes).all(|part| text_elements(part.pattern, texts, 0));
    if !complete {
        return false;
    }
    let no_cjk = || {
        // Nothing below U+1100 (lead bytes below 0xE1) is CJK.
        texts
            .iter()
            .all(|t| !may_hold_cjk(t) || !t.chars().any(|c| cjk(c).is_some()))
    };
    match (writing, own) {
        (Writing::Cjk, _) => {
            let latin: usize = texts
                .iter()
                .map(|t| atoms(t).filter(|a| has_latin_letter(a.text)).count())
                .sum();
            latin < min_words.unwrap_or(CJK_MIN_WORDS).max(1)
        }
        (Writing::Latin, Some(own)) => {
            // Two signs of the other language for a sentence; one is enough for a word-level
            // run only when the string copies words of the reference message.
            no_cjk()
                && match signal_bound(texts.iter().copied(), own.other()) {
                    0 => true,
                    1 => !copies_reference(texts),
                    _ => false,
                }
        }
        (Writing::Latin | Writing::Other, _) => no_cjk(),
        _ => false,
    }
}

/// Collects the text of every text element of `pattern`, select variants included; `false` when
/// the nesting is too deep to be sure every one was seen.
fn text_elements<'s>(pattern: &Pattern<&'s str>, out: &mut Vec<&'s str>, depth: usize) -> bool {
    fn expression<'s>(e: &Expression<&'s str>, out: &mut Vec<&'s str>, depth: usize) -> bool {
        match e {
            Expression::Select { variants, .. } => variants
                .iter()
                .all(|v| text_elements(&v.value, out, depth + 1)),
            Expression::Inline(InlineExpression::Placeable { expression: inner }) => {
                depth < 64 && expression(inner, out, depth + 1)
            }
            Expression::Inline(_) => true,
        }
    }
    if depth > 64 {
        return false;
    }
    pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => {
            out.push(value);
            true
        }
        PatternElement::Placeable { expression: e } => expression(e, out, depth),
    })
}

fn emit(
    unit: &Unit<'_, '_>,
    entry: &EntryView<'_, '_>,
    seg: &Segment<'_>,
    text: &str,
    tag: &str,
    f: Fragment,
    out: &mut Sink,
) {
    let span: Range<usize> = seg.span(f.from, f.to);
    let fragment = source_text(text, &seg.chars, f.from, f.to);
    let message = format!(
        "{} {} `{}` inside {} {tag} string",
        f.language,
        f.what,
        excerpt(fragment, SHOWN),
        article_for_tag(tag)
    );
    let d = out
        .emit_entry(unit, entry, span.clone(), message)
        .with_attribute(seg.attribute)
        .with_label(Label {
            side: Side::Translation,
            span,
        });
    d.variant = seg.variant.map(str::to_string);
    d.data = Some(serde_json::json!({
        "language": f.language,
        "fragment": fragment,
        "locale": tag,
        "confidence": f.confidence,
    }));
}

/// Runs of Han, kana or Hangul (with the punctuation, digits and spaces between them) in a
/// string of a locale that does not write them.
fn cjk_fragments(chars: &[Ch], found: &mut Vec<Fragment>) {
    let mut i = 0;
    while i < chars.len() {
        let Some(first) = cjk(chars[i].c) else {
            i += 1;
            continue;
        };
        let mut scripts = vec![first];
        let mut last = i;
        let mut k = i + 1;
        while k < chars.len() {
            let c = chars[k].c;
            if let Some(s) = cjk(c) {
                if !scripts.contains(&s) {
                    scripts.push(s);
                }
                last = k;
            } else if is_cjk_punctuation(c) {
                last = k;
            } else if c.is_alphabetic() || c == '\n' {
                break;
            }
            k += 1;
        }
        // Sentence punctuation right after the fragment belongs to it.
        if chars
            .get(last + 1)
            .is_some_and(|c| matches!(c.c, '.' | '!' | '?'))
        {
            last += 1;
        }
        found.push(Fragment {
            from: i,
            to: last,
            language: cjk_language(&scripts),
            what: "text",
            confidence: None,
        });
        i = last + 1;
    }
}

/// Runs of Latin words (not broken by CJK characters) inside a CJK string that hold at least
/// `min_words` words of running text: names, glossary terms, acronyms and units do not count.
fn latin_runs(chars: &[Ch], ws: &[Word<'_>], min_words: usize, found: &mut Vec<Fragment>) {
    let mut start = 0;
    for i in 1..=ws.len() {
        let broken = i == ws.len()
            || chars[ws[i - 1].end..ws[i].start]
                .iter()
                .any(|c| cjk(c.c).is_some() || is_cjk_punctuation(c.c));
        if !broken {
            continue;
        }
        let run = &ws[start..i];
        let content = content_words(run);
        let signals = Signals::of(
            run.iter()
                .filter(|w| w.kind == WordKind::Plain)
                .map(|w| w.text),
        );
        // A short run without a single function word is a name or a term kept as it is
        // (`musl libc`, `GNU coreutils printf`), not a phrase left untranslated; a run with
        // notation in it (a command line: `cut -f 2 some_file.txt`) needs both a function word
        // and a run of prose as long.
        let function_words = signals.english + signals.swedish > 0;
        let long = content.len() >= SHORT_RUN;
        let notation = chars[run[0].start..run[run.len() - 1].end]
            .iter()
            .any(|c| c.c == NOTATION);
        let prose = if notation {
            long && function_words
        } else {
            long || function_words
        };
        if content.len() >= min_words.max(1) && prose {
            let to = fragment_end(chars, ws, i - 1);
            found.push(Fragment {
                from: run[0].start,
                to,
                language: signals.likely().name(),
                what: sentence_or_text(chars[to].c),
                confidence: None,
            });
        }
        start = i;
    }
}

fn sentence_or_text(last: char) -> &'static str {
    if matches!(last, '.' | '!' | '?' | '。' | '！' | '？') {
        "sentence"
    } else {
        "text"
    }
}

/// Sentences of a Latin-script string that are in `foreign` (English in Swedish, Swedish in
/// English): function words must point there first, then the model must agree with
/// `min_confidence`.
fn foreign_sentences(
    chars: &[Ch],
    ws: &[Word<'_>],
    foreign: Lang,
    min_words: usize,
    min_confidence: f64,
    found: &mut Vec<Fragment>,
) {
    // Cheap first: the whole string must hold at least two signs of the other language.
    let all = Signals::of(
        ws.iter()
            .filter(|w| w.kind == WordKind::Plain)
            .map(|w| w.text),
    );
    if all.for_lang(foreign) < 2 {
        return;
    }
    let min_words = min_words.max(1);
    let is_foreign = |range: &Range<usize>| -> Option<f64> {
        let part = &ws[range.clone()];
        if content_words(part).len() < min_words {
            return None;
        }
        let plain: Vec<&str> = part
            .iter()
            .filter(|w| w.kind == WordKind::Plain)
            .map(|w| w.text)
            .collect();
        if !Signals::of(plain.iter().copied()).suggest(foreign) {
            return None;
        }
        let c = confidence(&plain.join(" "), foreign);
        (c >= min_confidence).then_some(c)
    };
    for s in sentences(chars, ws) {
        // A sentence whose clauses are long enough to judge alone is judged clause by clause,
        // so that an English clause in a Swedish sentence is reported by itself.
        let parts = clauses(chars, ws, s.clone());
        let judged: Vec<&Range<usize>> = parts
            .iter()
            .filter(|c| content_words(&ws[(*c).clone()]).len() >= min_words)
            .collect();
        let mut hits: Vec<(Range<usize>, f64)> = Vec::new();
        if judged.len() >= 2 {
            for c in judged {
                if let Some(conf) = is_foreign(c) {
                    match hits.last_mut() {
                        // Neighbouring foreign clauses form one fragment.
                        Some((last, best)) if last.end == c.start => {
                            last.end = c.end;
                            *best = best.min(conf);
                        }
                        _ => hits.push((c.clone(), conf)),
                    }
                }
            }
        } else if let Some(conf) = is_foreign(&s) {
            hits.push((s.clone(), conf));
        }
        for (range, conf) in hits {
            let to = fragment_end(chars, ws, range.end - 1);
            found.push(Fragment {
                from: ws[range.start].start,
                to,
                language: foreign.name(),
                what: if range == s {
                    sentence_or_text(chars[to].c)
                } else {
                    "clause"
                },
                confidence: Some((conf * 100.0).round() / 100.0),
            });
        }
    }
}

/// Runs of words in `foreign` that no sentence or clause boundary sets apart (`Förvara flaskan
/// stående Store it in the fridge after opening`, or a short sentence such as `Call your
/// pharmacist today.` with one function word): each word leans to one language or neither
/// ([`word_leaning`]), one Viterbi pass over the words of the string decides the runs
/// ([`decode_runs`]), and a run is reported when it holds `min_words` words of running text, a
/// function word of `foreign` and more of them than of the own language, and the model agrees
/// with `min_confidence` on the run's words together. Runs that a sentence finding already
/// covers are left out.
fn foreign_runs<'r>(
    chars: &[Ch],
    ws: &[Word<'_>],
    foreign: Lang,
    reference_words: impl FnOnce() -> &'r HashSet<String>,
    (min_words, min_confidence): (usize, f64),
    found: &mut Vec<Fragment>,
) {
    let plain = |w: &Word<'_>| w.kind == WordKind::Plain;
    let all = Signals::of(ws.iter().filter(|w| plain(w)).map(|w| w.text));
    if all.for_lang(foreign) == 0 || ws.len() < min_words.max(1) {
        return;
    }
    // Only now, for the few strings with a sign of the other language.
    let reference_words = reference_words();
    let ends_sentence = |i: usize| {
        i == 0
            || chars[ws[i - 1].end..ws[i].start]
                .iter()
                .any(|c| matches!(c.c, '.' | '!' | '?' | '\n'))
    };
    let boundary: Vec<bool> = (0..ws.len()).map(ends_sentence).collect();
    let quoted = quoted_chars(chars);
    let leaning: Vec<f64> = (0..ws.len())
        .map(|i| {
            let w = &ws[i];
            // A name inside a sentence (a capital, and a capital or a code after it) says
            // nothing of the language around it.
            let name = w.is_capitalised()
                && !boundary[i]
                && ws
                    .get(i + 1)
                    .is_none_or(|n| !plain(n) || n.is_capitalised());
            // A quoted phrase is a name or a literal (`'pad with zero'`).
            if !plain(w) || name || quoted[w.start] {
                0.5
            } else {
                let known =
                    !reference_words.is_empty() && reference_words.contains(&w.text.to_lowercase());
                word_leaning(w.text, foreign, known)
            }
        })
        .collect();
    let states = decode_runs(&leaning, &boundary);
    let mut i = 0;
    while i < ws.len() {
        if !states[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < ws.len() && states[j] {
            j += 1;
        }
        // The run without the words at its edges that lean nowhere.
        let (mut a, mut b) = (i, j);
        while a < b && leaning[a] <= 0.5 {
            a += 1;
        }
        while b > a && leaning[b - 1] <= 0.5 {
            b -= 1;
        }
        i = j;
        if a >= b {
            continue;
        }
        let run = &ws[a..b];
        if content_words(run).len() < min_words.max(1) {
            continue;
        }
        // Single words between commas or bars are a list of values (`auto, always, never`),
        // not a phrase.
        let listed = (a + 1..b).all(|k| {
            chars[ws[k - 1].end..ws[k].start]
                .iter()
                .any(|c| matches!(c.c, ',' | '|' | '/' | '、'))
        });
        if listed {
            continue;
        }
        let words: Vec<&str> = run.iter().filter(|w| plain(w)).map(|w| w.text).collect();
        let signals = Signals::of(words.iter().copied());
        if signals.for_lang(foreign) == 0
            || signals.for_lang(foreign) <= signals.for_lang(foreign.other())
        {
            continue;
        }
        let (from, to) = (run[0].start, fragment_end(chars, ws, b - 1));
        if found.iter().any(|f| f.from <= to && from <= f.to) {
            continue;
        }
        // Words copied from the reference message are evidence of their own: a run that is
        // mostly such words needs the model only to prefer `foreign`, not to be sure of it.
        let copied = words
            .iter()
            .filter(|w| reference_words.contains(&w.to_lowercase()))
            .count();
        let needed = if copied >= min_words.max(1) && copied * 5 >= words.len() * 3 {
            COPIED_CONFIDENCE.min(min_confidence)
        } else {
            min_confidence
        };
        let c = confidence(&words.join(" "), foreign);
        if c < needed {
            continue;
        }
        found.push(Fragment {
            from,
            to,
            language: foreign.name(),
            what: sentence_or_text(chars[to].c),
            confidence: Some((c * 100.0).round() / 100.0),
        });
    }
}

/// Which characters stand inside quotation marks on their line. A straight quote between two
/// letters is an apostrophe (`don't`), not a quotation mark.
fn quoted_chars(chars: &[Ch]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut inside = false;
    for (i, ch) in chars.iter().enumerate() {
        match ch.c {
            '\n' => inside = false,
            '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '»' | '«' => {
                let letter = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|d| d.c.is_alphanumeric())
                };
                if !(letter(i.checked_sub(1)) && letter(Some(i + 1))) {
                    inside = !inside;
                }
            }
            _ => {}
        }
        out[i] = inside;
    }
    out
}

/// The words (lower-cased) of the reference message of `entry`, every part and variant.
fn reference_words(unit: &Unit<'_, '_>, entry: &EntryView<'_, '_>) -> HashSet<String> {
    let mut out = HashSet::new();
    let Some(r) = unit.counterpart(entry) else {
        return out;
    };
    let mut buf = Vec::new();
    for part in parts(r.value, r.attributes) {
        text_elements(part.pattern, &mut buf, 0);
    }
    for t in buf.iter() {
        for w in t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
            if !w.is_empty() {
                out.insert(w.to_lowercase());
            }
        }
    }
    out
}

/// The clauses of sentence `s` (word indices), split at commas, semicolons, colons, dashes and
/// brackets.
fn clauses(chars: &[Ch], ws: &[Word<'_>], s: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = s.start;
    for i in s.start + 1..s.end {
        let gap = &chars[ws[i - 1].end..ws[i].start];
        if gap
            .iter()
            .any(|c| matches!(c.c, ',' | ';' | ':' | '–' | '—' | '(' | ')'))
        {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..s.end);
    out
}
