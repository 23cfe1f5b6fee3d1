//! Finding a termbase's terms in text, for one locale: every surface form of every term in one
//! Aho–Corasick automaton, built once per run, so that a text is scanned once whatever the
//! size of the termbase.
//!
//! Matching is language-aware:
//! - case is ignored, and a hyphen (`-`, U+2010, U+2011, U+2012, U+2013), a soft hyphen's
//!   absence and any run of whitespace are the same (`JAK-hämmare` = `JAK hämmare`);
//! - terms in Latin script match whole words only (not `cap` in `capsule`); Chinese terms match
//!   anywhere (Chinese has no spaces between words);
//! - English and Swedish terms also match their inflected forms: suffix rules on the last word
//!   of the term ([`forms`]), from the plural and definite endings of each language.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::automaton::{Automaton, OverlappingState};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind};

use crate::settings::{Concept, Term, TermStatus};

/// One term found in a text: the concept (index into the termbase), the term (index into the
/// concept's terms for the locale) and the byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub concept: usize,
    pub term: usize,
    pub range: Range<usize>,
}

/// One pattern of the automaton: the (concept, term) pairs it is a form of, and whether its
/// first and last characters are word characters (then a match must start and end at word
/// boundaries).
type Pattern = (Vec<(u32, u32)>, bool, bool);

/// The terms of one locale, ready to be found in its texts.
#[derive(Debug, Default)]
pub struct TermIndex {
    automaton: Option<NFA>,
    patterns: Vec<Pattern>,
    /// Per concept of the termbase: its terms for this locale.
    terms: Vec<Vec<Term>>,
    /// Whether any of them is deprecated, superseded or forbidden.
    unapproved: bool,
}

/// Whether `c` is part of a word for boundary checks (letters and digits, not CJK: Chinese
/// terms match inside runs of Han characters).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() && crate::lang::script::cjk(c).is_none()
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

/// `text` folded for matching: lower case, hyphens and whitespace runs as one space, soft
/// hyphens and zero-width characters left out, typographic apostrophes as `'`; with, per byte
/// of the folded text, the byte range of the character of `text` it comes from.
pub fn fold(text: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if c.is_whitespace() || is_hyphen(c) {
            if !out.ends_with(' ') {
                out.push(' ');
                map.push(i..end);
            }
            continue;
        }
        if matches!(
            c,
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        ) {
            continue;
        }
        let c = if matches!(c, '\u{2019}' | '\u{02BC}') {
            '\''
        } else {
            c
        };
        for l in c.to_lowercase() {
            out.push(l);
            for _ in 0..l.len_utf8() {
                map.push(i..end);
            }
        }
    }
    (out, map)
}

/// [`fold`] for the texts searched, which are many: an ASCII text whose spaces and hyphens come
/// one at a time folds byte for byte (each space or hyphen a space; ASCII capitals stay, as the
/// automaton ignores ASCII case), so no map is needed (`None`: byte `i` of the folded text comes
/// from byte `i` of `text`); other texts go the general way, with the start of each folded
/// byte's source character.
fn fold_text(text: &str) -> (std::borrow::Cow<'_, str>, Option<Vec<u32>>) {
    let b = text.as_bytes();
    // (What `char::is_whitespace` says of ASCII: the vertical tab too.)
    let spacing = |c: u8| c == b'-' || c.is_ascii_whitespace() || c == 0x0B;
    let simple = text.is_ascii() && !b.windows(2).any(|w| spacing(w[0]) && spacing(w[1]));
    if simple {
        // ASCII capitals stay: the automaton ignores ASCII case.
        if !b.iter().any(|&c| spacing(c) && c != b' ') {
            return (std::borrow::Cow::Borrowed(text), None);
        }
        let folded: String = b
            .iter()
            .map(|&c| if spacing(c) { ' ' } else { c as char })
            .collect();
        return (std::borrow::Cow::Owned(folded), None);
    }
    // Most other texts (Swedish, Chinese) fold character for character into as many bytes:
    // then too the folded text needs no map. The folded bytes are written only from the first
    // one that differs (a Chinese text without capitals is returned as it is).
    let mut out: Vec<u8> = Vec::new();
    let mut changed = false;
    let mut aligned = true;
    let mut prev_space = false;
    let mut i = 0;
    // Writes the folded bytes `f` of the source bytes `i..i + f.len()`.
    let put = |out: &mut Vec<u8>, changed: &mut bool, i: usize, f: &[u8]| {
        if !*changed && f != &b[i..i + f.len()] {
            *changed = true;
            out.reserve(b.len());
            out.extend_from_slice(&b[..i]);
        }
        if *changed {
            out.extend_from_slice(f);
        }
    };
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            let space = c == b'-' || c.is_ascii_whitespace() || c == 0x0B;
            if space && prev_space {
                aligned = false;
                break;
            }
            prev_space = space;
            // ASCII capitals stay: the automaton ignores ASCII case.
            let f = if space { b' ' } else { c };
            put(&mut out, &mut changed, i, &[f]);
            i += 1;
            continue;
        }
        prev_space = false;
        // U+00C0..=U+00FF: the capitals (but `×`) are their small letters less 0x20.
        if c == 0xC3 {
            let n = b[i + 1];
            let f = if (0x80..=0x9E).contains(&n) && n != 0x97 {
                n + 0x20
            } else {
                n
            };
            put(&mut out, &mut changed, i, &[c, f]);
            i += 2;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        let len = ch.len_utf8();
        if ('\u{3001}'..='\u{9fff}').contains(&ch) {
            // CJK (U+3000, the ideographic space, is whitespace): no case.
            put(&mut out, &mut changed, i, &b[i..i + len]);
            i += len;
            continue;
        }
        let mut lower = ch.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None)
                if l.len_utf8() == len
                    && !l.is_whitespace()
                    && !is_hyphen(l)
                    && !matches!(
                        l,
                        '\u{00AD}'
                            | '\u{200B}'
                            | '\u{200C}'
                            | '\u{200D}'
                            | '\u{2060}'
                            | '\u{2019}'
                            | '\u{02BC}'
                    ) =>
            {
                let mut buf = [0u8; 4];
                put(
                    &mut out,
                    &mut changed,
                    i,
                    l.encode_utf8(&mut buf).as_bytes(),
                );
            }
            _ => {
                aligned = false;
                break;
            }
        }
        i += len;
    }
    if aligned {
        if !changed {
            return (std::borrow::Cow::Borrowed(text), None);
        }
        // Each character was replaced by one of the same length: still UTF-8.
        let out = String::from_utf8(out).unwrap_or_default();
        return (std::borrow::Cow::Owned(out), None);
    }

    let (folded, map) = fold(text);
    let starts = map.iter().map(|r| r.start as u32).collect();
    (std::borrow::Cow::Owned(folded), Some(starts))
}

/// The surface forms of a (folded) term in a language: the term, and for English and Swedish
/// its plural, definite and genitive forms, by suffix rules on its last word. The rules
/// over-generate (they make forms a word may not have), which costs nothing: a form that is no
/// word is never found.
///
/// - English: `-s`, `-es`, `-'s`, `-s'`; `-y` → `-ies`; `-sis` → `-ses`.
/// - Swedish: `-en`, `-et`, `-n`, `-t`, `-ar`, `-arna`, `-er`, `-erna`, `-or`, `-orna`, `-na`,
///   `-s` on the word; `-a` → `-or`, `-orna`; `-e` → `-ar`, `-arna`, `-na`; an unstressed
///   `-el`, `-er`, `-en` drops its `e` before `-ar`, `-arna`, `-er`, `-erna` (`kapsel`,
///   `kapseln`, `kapslar`, `kapslarna`; `biverkning`, `biverkningen`, `biverkningar`).
pub fn forms(term: &str, language: &str) -> Vec<String> {
    let mut out = vec![term.to_string()];
    let (head, last) = match term.rfind(' ') {
        Some(i) => (&term[..=i], &term[i + 1..]),
        None => ("", term),
    };
    // Only words in letters inflect (not `JAK1`, not `4 mg`).
    if last.chars().count() < 2 || !last.chars().all(char::is_alphabetic) {
        return out;
    }
    let mut add = |word: String| {
        let f = format!("{head}{word}");
        if !out.contains(&f) {
            out.push(f);
        }
    };
    let strip = |n: usize| -> &str {
        let cut = last.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
        &last[..cut]
    };
    match language {
        "en" => {
            for s in ["s", "es", "'s", "s'"] {
                add(format!("{last}{s}"));
            }
            if last.ends_with('y') && !last.ends_with("ay") && !last.ends_with("ey") {
                add(format!("{}ies", strip(1)));
            }
            if last.ends_with("sis") {
                add(format!("{}ses", strip(3)));
            }
        }
        "sv" | "nb" | "nn" | "no" | "da" => {
            add(format!("{last}s"));
            let ends_vowel = last.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 'å', 'ä', 'ö']);
            if let Some(stem) = last.strip_suffix('a') {
                for s in ["n", "ns"] {
                    add(format!("{last}{s}"));
                }
                for s in ["or", "orna", "ors", "ornas"] {
                    add(format!("{stem}{s}"));
                }
            } else if let Some(stem) = last.strip_suffix('e') {
                for s in ["n", "t", "ns", "r", "rna"] {
                    add(format!("{last}{s}"));
                }
                for s in ["ar", "arna", "na"] {
                    add(format!("{stem}{s}"));
                }
            } else if ends_vowel {
                for s in ["n", "t", "r", "rna", "er", "erna", "ns"] {
                    add(format!("{last}{s}"));
                }
            } else {
                for s in [
                    "en", "et", "ar", "arna", "er", "erna", "or", "orna", "na", "ens", "ets",
                    "ars", "ers", "arnas", "ernas",
                ] {
                    add(format!("{last}{s}"));
                }
                // An unstressed -el, -er, -en after a consonant: kapsel → kapslar.
                let chars: Vec<char> = last.chars().collect();
                let n = chars.len();
                if n >= 4
                    && chars[n - 2] == 'e'
                    && matches!(chars[n - 1], 'l' | 'r' | 'n')
                    && !"aeiouyåäö".contains(chars[n - 3])
                {
                    let syncope: String = chars[..n - 2].iter().chain(&chars[n - 1..]).collect();
                    for s in ["ar", "arna", "er", "erna"] {
                        add(format!("{syncope}{s}"));
                    }
                    for s in ["n", "ns", "s"] {
                        add(format!("{last}{s}"));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

impl TermIndex {
    /// The index of the terms for locale `tag` (language subtag `language`).
    pub fn new(concepts: &[Concept], tag: &str, language: &str) -> TermIndex {
        let mut by_form: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        let mut terms = Vec::with_capacity(concepts.len());
        for (ci, c) in concepts.iter().enumerate() {
            let list = c.terms_for(tag, language);
            for (ti, t) in list.iter().enumerate() {
                let (folded, _) = fold(t.text.trim());
                let folded = folded.trim();
                if folded.is_empty() {
                    continue;
                }
                for form in forms(folded, language) {
                    let at = *by_form.entry(form.clone()).or_insert_with(|| {
                        let first = form.chars().next().is_some_and(word_char);
                        let last = form.chars().next_back().is_some_and(word_char);
                        patterns.push((Vec::new(), first, last));
                        texts.push(form);
                        patterns.len() - 1
                    });
                    let pair = (ci as u32, ti as u32);
                    if !patterns[at].0.contains(&pair) {
                        patterns[at].0.push(pair);
                    }
                }
            }
            terms.push(list.to_vec());
        }
        let automaton = (!texts.is_empty())
            .then(|| {
                // The contiguous NFA, used as its own type (not behind `AhoCorasick`'s dynamic
                // dispatch, which costs a call per byte). A DFA searches 10 MB 1.6% faster but
                // takes 20 M instructions more to build for a small termbase, which every
                // run of a small tree pays.
                NFA::builder()
                    .match_kind(MatchKind::Standard)
                    // The terms are folded; texts are folded but for ASCII case (see
                    // [`fold_text`]), which the automaton ignores.
                    .ascii_case_insensitive(true)
                    .build(&texts)
                    .ok()
            })
            .flatten();
        let unapproved = terms.iter().flatten().any(|t: &Term| !t.status.allowed());
        TermIndex {
            automaton,
            patterns,
            terms,
            unapproved,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.automaton.is_none()
    }

    /// Whether any term of this locale is deprecated, superseded or forbidden (else a text is
    /// searched only where its reference has a term).
    pub fn has_unapproved(&self) -> bool {
        self.unapproved
    }

    /// The terms of concept `concept` for this locale.
    pub fn terms(&self, concept: usize) -> &[Term] {
        self.terms.get(concept).map_or(&[], Vec::as_slice)
    }

    /// The term a translation should use for a concept: its first preferred term, else its
    /// first admitted one.
    pub fn preferred(&self, concept: usize) -> Option<&Term> {
        let terms = self.terms(concept);
        terms
            .iter()
            .find(|t| t.status == TermStatus::Preferred)
            .or_else(|| terms.iter().find(|t| t.status.allowed()))
    }

    /// Every term in `text`: the longest at each place, places not overlapping (a longer term
    /// wins over the shorter ones inside it), in text order. Ranges are byte ranges of `text`.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.find_into(text, 0, &mut hits);
        hits
    }

    /// [`TermIndex::find`] into `hits`, each range moved by `offset`: what a caller that
    /// searches many texts uses, with no allocation for a text without a term.
    pub fn find_into(&self, text: &str, offset: usize, hits: &mut Vec<Hit>) {
        let Some(ac) = &self.automaton else {
            return;
        };
        let (folded, map) = fold_text(text);
        let folded: &str = &folded;
        // Most texts have no term, or one: the matches are few, kept on the stack.
        let mut found: smallvec::SmallVec<[(usize, usize, usize); 8]> = smallvec::SmallVec::new();
        let input = Input::new(folded);
        let mut state = OverlappingState::start();
        loop {
            // A standard-match DFA searches overlapping matches without error.
            if ac.try_find_overlapping(&input, &mut state).is_err() {
                break;
            }
            let Some(m) = state.get_match() else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            let (_, first, last) = &self.patterns[m.pattern().as_usize()];
            if *first && folded[..s].chars().next_back().is_some_and(word_char) {
                continue;
            }
            if *last && folded[e..].chars().next().is_some_and(word_char) {
                continue;
            }
            found.push((s, e, m.pattern().as_usize()));
        }
        if found.is_empty() {
            return;
        }
        // Longest first, then leftmost; keep those that overlap nothing kept.
        found.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        let mut kept: smallvec::SmallVec<[(usize, usize, usize); 8]> = smallvec::SmallVec::new();
        for f in found {
            if kept.iter().all(|k| f.1 <= k.0 || f.0 >= k.1) {
                kept.push(f);
            }
        }
        kept.sort_by_key(|k| k.0);
        for (s, e, p) in kept {
            let range = match &map {
                None => s..e,
                Some(starts) => {
                    let last = starts[e - 1] as usize;
                    let len = text[last..].chars().next().map_or(1, char::len_utf8);
                    starts[s] as usize..last + len
                }
            };
            for &(concept, term) in &self.patterns[p].0 {
                hits.push(Hit {
                    concept: concept as usize,
                    term: term as usize,
                    range: range.start + offset..range.end + offset,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_fold_is_the_full_fold() {
        for text in [
            "Take Two tablets",
            "side-effects and  double spaces",
            "tab\there\x0bvertical",
            "ends with -",
            "Biverkningar – ÅÄÖ",
            "类风湿关节炎 RA",
            "中文，标点。\u{3000}全角空格",
            "ÉCOLE × ÷ ß ÿ Ÿ Þ þ",
            "Läkemedlet ÄR bra",
            "İstanbul",
            "soft\u{AD}hyphen",
            "Ελληνικά ΚΕΙΜΕΝΟ",
            "",
        ] {
            let (full, map) = fold(text);
            let (quick, starts) = fold_text(text);
            // The quick fold leaves ASCII capitals to the automaton.
            assert_eq!(quick.to_ascii_lowercase(), full, "{text:?}");
            match starts {
                // Without a map, each folded byte comes from the character at the same place.
                None => assert!(
                    full.len() == text.len()
                        && map.iter().enumerate().all(|(i, r)| r.start
                            == (0..=i).rev().find(|&k| text.is_char_boundary(k)).unwrap()),
                    "{text:?}"
                ),
                Some(starts) => assert_eq!(
                    starts,
                    map.iter().map(|r| r.start as u32).collect::<Vec<_>>(),
                    "{text:?}"
                ),
            }
        }
    }

    fn concept(langs: &[(&str, &[(&str, TermStatus)])]) -> Concept {
        Concept {
            id: None,
            origin: String::new(),
            languages: langs
                .iter()
                .map(|(tag, terms)| {
                    (
                        tag.to_string(),
                        terms
                            .iter()
                            .map(|(t, s)| Term {
                                text: t.to_string(),
                                status: *s,
                                part_of_speech: None,
                            })
                            .collect(),
                    )
                })
                .collect(),
        }
    }

    fn found(index: &TermIndex, text: &str) -> Vec<String> {
        index
            .find(text)
            .into_iter()
            .map(|h| text[h.range].to_string())
            .collect()
    }

    use TermStatus::*;

    #[test]
    fn swedish_inflection_from_suffix_rules() {
        let c = vec![
            concept(&[("sv", &[("kapsel", Preferred)])]),
            concept(&[("sv", &[("biverkning", Preferred)])]),
            concept(&[("sv-SE", &[("JAK-hämmare", Preferred)])]),
        ];
        let sv = TermIndex::new(&c, "sv-SE", "sv");
        for w in ["kapsel", "kapseln", "kapslar", "kapslarna", "Kapslarna"] {
            assert_eq!(found(&sv, &format!("Ta {w} nu")), [w], "{w}");
        }
        for w in [
            "biverkning",
            "biverkningen",
            "biverkningar",
            "biverkningarna",
        ] {
            assert_eq!(found(&sv, &format!("{w}.")), [w], "{w}");
        }
        assert_eq!(found(&sv, "en JAK hämmare"), ["JAK hämmare"]);
        assert_eq!(found(&sv, "JAK‑hämmaren"), ["JAK‑hämmaren"]);
        // Whole words only.
        assert!(found(&sv, "kapselform").is_empty());
        assert!(found(&sv, "ökapsel").is_empty());
    }

    #[test]
    fn english_plurals_case_and_longest_match() {
        let c = vec![
            concept(&[("en", &[("side effect", Preferred)])]),
            concept(&[("en", &[("effect", Preferred)])]),
            concept(&[("en", &[("therapy", Preferred)])]),
        ];
        let en = TermIndex::new(&c, "en", "en");
        assert_eq!(found(&en, "Side-effects may"), ["Side-effects"]);
        let hits = en.find("side effects and an effect");
        assert_eq!(
            hits.iter().map(|h| h.concept).collect::<Vec<_>>(),
            [0, 1],
            "the longer term wins where both match"
        );
        assert_eq!(found(&en, "therapies"), ["therapies"]);
        assert!(found(&en, "effective").is_empty());
    }

    #[test]
    fn chinese_by_substring() {
        let c = vec![concept(&[("zh-CN", &[("类风湿关节炎", Preferred)])])];
        let zh = TermIndex::new(&c, "zh", "zh");
        assert_eq!(found(&zh, "用于治疗类风湿关节炎的药"), ["类风湿关节炎"]);
        assert!(TermIndex::new(&c, "sv", "sv").is_empty());
    }

    #[test]
    fn preferred_then_admitted() {
        let c = vec![concept(&[(
            "sv",
            &[
                ("lipider", Deprecated),
                ("blodlipider", Admitted),
                ("blodfetter", Preferred),
            ],
        )])];
        let sv = TermIndex::new(&c, "sv", "sv");
        assert_eq!(sv.preferred(0).unwrap().text, "blodfetter");
        assert_eq!(sv.terms(0).len(), 3);
        assert!(sv.terms(7).is_empty());
    }
}
