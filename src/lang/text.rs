//! Strings of an entry with their source offsets, stripped of everything that says nothing
//! about their language, split into words and sentences.

use std::ops::Range;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use super::glossary::Glossary;
use super::script::cjk;
use crate::fluent::{offset_in, parts, variant_key};
use crate::project::EntryView;

/// Stands for a placeable or a stripped token (markup, URL, e-mail address).
pub const PLACEHOLDER: char = '\u{FFFC}';

/// A character of a string and its byte offset in the file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ch {
    pub c: char,
    pub at: usize,
}

impl Ch {
    pub fn end(&self) -> usize {
        self.at + self.c.len_utf8()
    }
}

/// One string of an entry: its value or an attribute, or one variant of a select expression
/// (the select itself is a placeholder in the string around it).
#[derive(Debug)]
pub struct Segment<'s> {
    pub attribute: Option<&'s str>,
    pub variant: Option<&'s str>,
    pub chars: Vec<Ch>,
}

impl Segment<'_> {
    /// The byte range in the file from character `from` to character `to` (inclusive).
    pub fn span(&self, from: usize, to: usize) -> Range<usize> {
        self.chars[from].at..self.chars[to].end()
    }
}

const MAX_DEPTH: usize = 32;

/// The strings of an entry (value, attributes, variants), in source order. `text` is the file's
/// text, which every text element borrows from.
pub fn segments<'a>(text: &str, entry: &EntryView<'a, '_>) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    for part in parts(entry.value, entry.attributes) {
        collect(text, part.pattern, part.attribute, None, &mut out, 0);
    }
    out
}

fn collect<'s>(
    text: &str,
    pattern: &Pattern<&'s str>,
    attribute: Option<&'s str>,
    variant: Option<&'s str>,
    out: &mut Vec<Segment<'s>>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let index = out.len();
    out.push(Segment {
        attribute,
        variant,
        chars: Vec::new(),
    });
    let mut chars: Vec<Ch> = Vec::new();
    let mut nested: Vec<(&'s str, &Pattern<&'s str>)> = Vec::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                let Some(o) = offset_in(text, value) else {
                    continue;
                };
                // Lines of a multiline pattern are separate elements; keep the line break.
                if let Some(last) = chars.last() {
                    let between = text.get(last.end()..o).unwrap_or("");
                    if last.c != '\n' && !value.starts_with('\n') && between.contains('\n') {
                        chars.push(Ch {
                            c: '\n',
                            at: last.end(),
                        });
                    }
                }
                chars.extend(value.char_indices().map(|(i, c)| Ch { c, at: o + i }));
            }
            PatternElement::Placeable { expression } => {
                let at = chars.last().map(Ch::end).unwrap_or(0);
                chars.push(Ch { c: PLACEHOLDER, at });
                selects(expression, &mut nested, 0);
            }
        }
    }
    out[index].chars = chars;
    for (key, p) in nested {
        collect(text, p, attribute, Some(key), out, depth + 1);
    }
}

fn selects<'a, 's>(
    expr: &'a Expression<&'s str>,
    out: &mut Vec<(&'s str, &'a Pattern<&'s str>)>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match expr {
        Expression::Select { variants, .. } => {
            for v in variants {
                out.push((variant_key(&v.key), &v.value));
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            selects(expression, out, depth + 1)
        }
        Expression::Inline(_) => {}
    }
}

/// What a word is, for language purposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// An ordinary word of running text.
    Plain,
    /// An acronym, unit, code or number: a digit inside, two capitals, an inner capital, a dot
    /// or colon inside (`JAK1`, `IC50`, `nM`, `GM-CSF`, `iOS`, `mozilla.org`, `about:config`), or
    /// a known unit (`mg`).
    Code,
    /// Part of a glossary term (a product or substance name).
    Glossary,
    /// A word with no Latin letters (Greek `γ`, Cyrillic).
    NonLatin,
}

/// A word of a segment: characters `start..end` of its `chars`, and its text (borrowed from
/// the source: a word never spans a placeable or a line break, so it is contiguous there).
#[derive(Debug, Clone)]
pub struct Word<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub kind: WordKind,
}

impl Word<'_> {
    /// Starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Units written in lower case, which the capital-letter test does not catch.
const UNITS: &[&str] = &[
    "mg", "ml", "kg", "µg", "μg", "mcg", "mmol", "cm", "mm", "km", "kcal", "dl", "cl", "mmhg",
];

/// Small words that join the parts of a name (`Firefox for Android`, `Bank of England`).
const CONNECTORS: &[&str] = &[
    "for", "of", "and", "the", "on", "in", "de", "la", "von", "van", "der", "du", "och", "för",
    "&", "by", "to",
];

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Latin-1 letters and Latin Extended-A and -B (`å`, `é`, `ł`) are all letters but `×` and
    // `÷`: no table lookup for the accented letters of European text.
    if ('\u{00C0}'..='\u{024F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    // General and CJK punctuation (`“”…—`, `，。：（）`) is no letter: no script or table lookups
    // for the punctuation of Chinese text.
    if is_common_punctuation(c) {
        return false;
    }
    c != PLACEHOLDER && cjk(c).is_none() && (c.is_alphanumeric() || is_mark(c))
}

/// Blocks of punctuation and symbols without letters or digits (General Punctuation, the
/// punctuation of CJK Symbols and Punctuation, fullwidth ASCII punctuation).
fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
}

/// The atoms of `text`: maximal runs of word characters. Every word [`words`] finds is made of
/// whole atoms of the text elements it comes from (markup removal never splits one), joined by
/// joiners, so counting atoms bounds counting words from above.
pub fn atoms(text: &str) -> Atoms<'_> {
    Atoms { text, at: 0 }
}

/// The atoms of `text` from byte `at` (a character boundary) on.
pub(crate) fn atoms_from(text: &str, at: usize) -> Atoms<'_> {
    Atoms { text, at }
}

/// Whether the non-ASCII character at byte `at` of `text` is a word character, and its length.
pub(crate) fn non_ascii_word_char_at(text: &str, at: usize) -> (bool, usize) {
    Atoms { text, at }.decode_at(at)
}

/// An atom of a text (see [`atoms`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atom<'t> {
    pub text: &'t str,
    /// Whether all its characters are ASCII (found while scanning, so callers need not look).
    pub ascii: bool,
}

/// The iterator of [`atoms`]. It steps over bytes and decodes only non-ASCII characters: the
/// raw-text bounds read every entry this way, and most of their text is ASCII.
pub struct Atoms<'t> {
    text: &'t str,
    at: usize,
}

impl Atoms<'_> {
    /// The byte offset the next atom is looked for from.
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// Whether the non-ASCII character at byte `i` is a word character, and its length.
    #[inline]
    fn decode_at(&self, i: usize) -> (bool, usize) {
        let bytes = self.text.as_bytes();
        match bytes[i] {
            // U+00C0 to U+023F (accented Latin letters): all letters but `×` and `÷`, known from
            // the lead byte (and the second byte for those two) without decoding.
            0xC3 => (!matches!(bytes.get(i + 1), Some(0x97 | 0xB7)), 2),
            0xC4..=0xC8 => (true, 2),
            // U+4000 to U+9FFF (CJK ideographs, Yijing hexagrams): never a word character, so
            // the bulk of Chinese text is stepped over a character at a time.
            0xE4..=0xE9 => (false, 3),
            // The punctuation of Chinese text (see `is_common_punctuation`): `“”…—` (U+2000 to
            // U+203F), `、。「」` (U+3000 to U+3004, U+3008 to U+3020), `！（），：；？` (U+FF01 to
            // U+FF0F, U+FF1A to U+FF20).
            0xE2 if bytes.get(i + 1) == Some(&0x80) => (false, 3),
            0xE3 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x80..=0x84 | 0x88..=0xA0)) =>
            {
                (false, 3)
            }
            0xEF if bytes.get(i + 1) == Some(&0xBC)
                && matches!(bytes.get(i + 2), Some(0x81..=0x8F | 0x9A..=0xA0)) =>
            {
                (false, 3)
            }
            _ => self.decode_slow(i),
        }
    }

    #[cold]
    fn decode_slow(&self, i: usize) -> (bool, usize) {
        match self.text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => (is_word_char(c), c.len_utf8()),
            None => (false, 1),
        }
    }
}

/// What a byte is to [`Atoms`]: part of an ASCII word character, part of a non-ASCII character
/// (to be decoded), or an ASCII separator.
pub(crate) const ASCII_WORD: u8 = 1;
pub(crate) const NON_ASCII: u8 = 2;
pub(crate) const BYTE_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    table
};

impl<'t> Iterator for Atoms<'t> {
    type Item = Atom<'t>;

    #[inline]
    fn next(&mut self) -> Option<Atom<'t>> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        let mut ascii = true;
        let start = loop {
            let &b = bytes.get(at)?;
            match BYTE_CLASS[usize::from(b)] {
                ASCII_WORD => break at,
                NON_ASCII => {
                    let (word, len) = self.decode_at(at);
                    if word {
                        ascii = false;
                        let start = at;
                        at += len;
                        break start;
                    }
                    at += len;
                }
                _ => at += 1,
            }
        };
        while let Some(&b) = bytes.get(at) {
            match BYTE_CLASS[usize::from(b)] {
                ASCII_WORD => at += 1,
                NON_ASCII => {
                    let (word, len) = self.decode_at(at);
                    if !word {
                        break;
                    }
                    ascii = false;
                    at += len;
                }
                _ => break,
            }
        }
        self.at = at;
        let text = self.text.get(start..at)?;
        Some(Atom { text, ascii })
    }
}

/// Whether `atom` holds a Latin letter (which every [`WordKind::Plain`] word does).
pub fn has_latin_letter(atom: &str) -> bool {
    atom.chars().any(|c| {
        c.is_ascii_alphabetic()
            || (!c.is_ascii()
                && c.is_alphabetic()
                && super::script::family(c) == super::script::Family::Latin)
    })
}

fn is_mark(c: char) -> bool {
    // Combining marks (accents typed as separate code points).
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '_' | '\u{2011}' | '/' | ':')
}

/// Replaces markup (tags with their attributes), character references, URLs and e-mail
/// addresses with placeholders, in place.
pub fn strip_markup(chars: &mut [Ch]) {
    // Tags need `<`, references `&`, URLs `://` or a leading `www.`, addresses `@`: most
    // strings hold none of them and are left as they are without looking at each word.
    let may_hold_markup = chars.iter().enumerate().any(|(k, d)| match d.c {
        '<' | '&' | ':' | '@' => true,
        'w' | 'W' => chars.get(k + 3).is_some_and(|e| e.c == '.'),
        _ => false,
    });
    if !may_hold_markup {
        return;
    }
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i].c;
        // <tag attr="…">, </tag>, <!-- … -->
        if c == '<'
            && chars
                .get(i + 1)
                .is_some_and(|d| d.c.is_ascii_alphabetic() || d.c == '/' || d.c == '!')
        {
            if let Some(len) = chars[i..].iter().take(2000).position(|d| d.c == '>') {
                blank(&mut chars[i..=i + len]);
                i += len + 1;
                continue;
            }
        }
        // &amp; &nbsp; &#160;
        if c == '&' {
            let len = chars[i + 1..]
                .iter()
                .take(10)
                .take_while(|d| d.c.is_ascii_alphanumeric() || d.c == '#')
                .count();
            if len > 0 && chars.get(i + 1 + len).is_some_and(|d| d.c == ';') {
                blank(&mut chars[i..=i + 1 + len]);
                i += len + 2;
                continue;
            }
        }
        // URLs and e-mail addresses: a run without spaces holding `://`, `www.` at its start,
        // or an `@` between letters.
        if !c.is_whitespace()
            && (i == 0 || chars[i - 1].c.is_whitespace() || !is_url_char(chars[i - 1].c))
        {
            let len = chars[i..].iter().take_while(|d| is_url_char(d.c)).count();
            if len > 3 {
                let run = &chars[i..i + len];
                let at = run.iter().position(|d| d.c == '@');
                let email = at.is_some_and(|a| a > 0 && run[a + 1..].iter().any(|d| d.c == '.'));
                let scheme = run
                    .windows(3)
                    .any(|w| w[0].c == ':' && w[1].c == '/' && w[2].c == '/');
                let www = run.len() > 4
                    && run[..4]
                        .iter()
                        .map(|d| d.c.to_ascii_lowercase())
                        .eq("www.".chars());
                if scheme || www || email {
                    blank(&mut chars[i..i + len]);
                    i += len;
                    continue;
                }
            }
        }
        i += 1;
    }
}

fn is_url_char(c: char) -> bool {
    !c.is_whitespace()
        && c != PLACEHOLDER
        && c != '<'
        && c != '"'
        && c != '>'
        && cjk(c).is_none()
        && !super::script::is_cjk_punctuation(c)
}

fn blank(chars: &mut [Ch]) {
    for ch in chars {
        ch.c = PLACEHOLDER;
    }
}

/// The words of a segment (after [`strip_markup`]), classified, with glossary terms marked.
/// `source` is the text the characters' offsets point into.
pub fn words<'t>(source: &'t str, chars: &[Ch], glossary: &Glossary) -> Vec<Word<'t>> {
    let mut out = Vec::new();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !is_word_char(chars[i].c) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < n && is_word_char(chars[end].c) {
                end += 1;
            } else if end + 1 < n && is_joiner(chars[end].c) && is_word_char(chars[end + 1].c) {
                end += 2;
            } else {
                break;
            }
        }
        let Some(text) = source.get(chars[start].at..chars[end - 1].end()) else {
            i = end;
            continue;
        };
        let kind = classify(text);
        out.push(Word {
            start,
            end,
            text,
            kind,
        });
        i = end;
    }
    mark_glossary(&mut out, glossary);
    out
}

/// Whether a token is an acronym, unit, code or number rather than a word of running text.
pub fn classify(text: &str) -> WordKind {
    if !text
        .chars()
        .any(|c| c.is_alphabetic() && super::script::family(c) == super::script::Family::Latin)
    {
        return if text.chars().any(char::is_alphabetic) {
            WordKind::NonLatin
        } else {
            WordKind::Code
        };
    }
    let mut capitals = 0;
    let mut inner_capital = false;
    for (i, c) in text.chars().enumerate() {
        if c.is_numeric() || matches!(c, '.' | '_' | '/' | ':') {
            return WordKind::Code;
        }
        if c.is_uppercase() {
            capitals += 1;
            if i > 0 {
                inner_capital = true;
            }
        }
    }
    if capitals >= 2
        || inner_capital
        || (text.len() <= 5 && UNITS.iter().any(|u| u.eq_ignore_ascii_case(text)))
    {
        WordKind::Code
    } else {
        WordKind::Plain
    }
}

fn mark_glossary(words: &mut [Word<'_>], glossary: &Glossary) {
    if glossary.is_empty() {
        return;
    }
    let mut i = 0;
    while i < words.len() {
        let len = glossary.match_len(words[i..].iter().map(|w| w.text));
        if len == 0 {
            i += 1;
            continue;
        }
        for w in &mut words[i..i + len] {
            w.kind = WordKind::Glossary;
        }
        i += len;
    }
}

/// Whether the characters between two words end a sentence.
fn breaks_sentence(gap: &[Ch]) -> bool {
    for (k, ch) in gap.iter().enumerate() {
        match ch.c {
            '.' | '!' | '?' | '…' | '•' | '。' | '！' | '？' | '；' => return true,
            '\n' => {
                let before = gap[..k].iter().rev().find(|d| !d.c.is_whitespace());
                let after = gap[k + 1..].iter().find(|d| !d.c.is_whitespace());
                if before.is_some_and(|d| matches!(d.c, ':' | ';'))
                    || after.is_some_and(|d| matches!(d.c, '•' | '-' | '*' | '–' | '·' | '◦'))
                {
                    return true;
                }
            }
            c if cjk(c).is_some() => return true,
            _ => {}
        }
    }
    false
}

/// Sentences as ranges of word indices.
pub fn sentences(chars: &[Ch], words: &[Word<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..words.len() {
        if breaks_sentence(&chars[words[i - 1].end..words[i].start]) {
            out.push(start..i);
            start = i;
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}

/// The words that carry language: plain words that are not part of a name. A name is a run
/// of capitalised words, possibly joined by connectors (`Firefox for Android`); a single
/// capitalised word counts as a name too ("Video", "Forum").
pub fn content_words(words: &[Word<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w.kind != WordKind::Plain {
            i += 1;
            continue;
        }
        if w.is_capitalised() {
            // Skip the name run: capitalised words, and connectors followed by a capital.
            let mut j = i + 1;
            while j < words.len() {
                let v = &words[j];
                if v.kind != WordKind::Plain || v.is_capitalised() {
                    j += 1;
                } else if CONNECTORS.contains(&v.text)
                    && words
                        .get(j + 1)
                        .is_some_and(|x| x.kind != WordKind::Plain || x.is_capitalised())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            i = j;
            continue;
        }
        out.push(i);
        i += 1;
    }
    out
}

/// A fragment's characters from the first character of word `first` to the last of word
/// `last`, with sentence punctuation that directly follows it.
pub fn fragment_end(chars: &[Ch], words: &[Word<'_>], last: usize) -> usize {
    let mut end = words[last].end - 1;
    if let Some(next) = chars.get(end + 1) {
        if matches!(next.c, '.' | '!' | '?' | '…') {
            end += 1;
        }
    }
    end
}

/// The source text of characters `from..=to` as the reader sees it: placeholders shown as the
/// source they stand for (taken from the file text).
pub fn source_text<'t>(text: &'t str, chars: &[Ch], from: usize, to: usize) -> &'t str {
    text.get(chars[from].at..chars[to].end()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<Ch> {
        s.char_indices().map(|(at, c)| Ch { c, at }).collect()
    }

    fn texts(s: &str, glossary: &Glossary) -> Vec<(String, WordKind)> {
        let mut c = chars(s);
        strip_markup(&mut c);
        words(s, &c, glossary)
            .into_iter()
            .map(|w| (w.text.to_string(), w.kind))
            .collect()
    }

    /// The raw-text bounds `mixed-language` skips strings with never count less than the
    /// word-level counts they stand for.
    #[test]
    fn atom_counts_bound_word_counts() {
        use crate::lang::detect::{signal_bound, Lang, Signals};
        let g = Glossary::default();
        for s in [
            "Don't take it if it's there, you're fine",
            "I <b>know</b> who is here &amp; there: some by www.example.com/a-b",
            "Ta två tabletter per dag, även om du mår bättre. Det är viktigt.",
            "Ärlig och snäll-på-väg och i en vecka",
            "在 the morning take two tablets 每天",
            "IC50 för JAK1 is 5 nM; a.b.c and x/y_z",
            "Ögon, ÅÄÖ-test, it’s I",
        ] {
            let mut c = chars(s);
            strip_markup(&mut c);
            let ws = words(s, &c, &g);
            let plain: Vec<&str> = ws
                .iter()
                .filter(|w| w.kind == WordKind::Plain)
                .map(|w| w.text)
                .collect();
            let signals = Signals::of(plain.iter().copied());
            for lang in [Lang::English, Lang::Swedish] {
                assert!(
                    signal_bound([s], lang) >= signals.for_lang(lang),
                    "{lang:?} in {s:?}"
                );
            }
            let latin = atoms(s).filter(|a| has_latin_letter(a.text)).count();
            assert!(latin >= content_words(&ws).len(), "{s:?}");
        }
    }

    #[test]
    fn word_characters_and_atoms() {
        // The fast paths for Latin letters and for punctuation agree with the general rule.
        let general =
            |c: char| c != PLACEHOLDER && cjk(c).is_none() && (c.is_alphanumeric() || is_mark(c));
        for c in ('\u{0080}'..='\u{3100}').chain('\u{FF00}'..='\u{FFFF}') {
            assert_eq!(is_word_char(c), general(c), "{c:?}");
        }
        for s in [
            "",
            "  ",
            "Hej { $name }, ditt nästa besök är den 12:e.",
            "stif可以缓解fness ×2 a÷b naïve\u{0301} \u{FFFC}x\u{FFFC}",
            "ÅÄÖ-test it’s 53 nM, IFN-γ…",
        ] {
            let expected: Vec<&str> = s
                .split(|c: char| !is_word_char(c))
                .filter(|a| !a.is_empty())
                .collect();
            let found: Vec<&str> = atoms(s).map(|a| a.text).collect();
            assert_eq!(found, expected, "{s:?}");
            assert!(atoms(s).all(|a| a.ascii == a.text.is_ascii()), "{s:?}");
        }
    }

    #[test]
    fn atom_fast_paths_agree_with_decoding() {
        let mut s = String::new();
        let ranges = [
            '\u{0080}'..='\u{07FF}',
            '\u{2000}'..='\u{3FFF}',
            '\u{4000}'..='\u{9FFF}',
            '\u{FF00}'..='\u{FFFF}',
        ];
        for c in ranges.into_iter().flatten() {
            s.clear();
            s.push(c);
            let atoms = Atoms { text: &s, at: 0 };
            assert_eq!(atoms.decode_at(0), atoms.decode_slow(0), "{c:?}");
        }
    }

    #[test]
    fn codes_and_units_are_not_words() {
        for t in [
            "JAK1",
            "IC50",
            "nM",
            "GM-CSF",
            "iOS",
            "IFN-γ",
            "μM",
            "mg",
            "4",
            "e.g",
            "about:config",
        ] {
            assert_eq!(classify(t), WordKind::Code, "{t}");
        }
        for t in ["Video", "tracking", "e-mail", "don't"] {
            assert_eq!(classify(t), WordKind::Plain, "{t}");
        }
        assert_eq!(classify("γ"), WordKind::NonLatin);
    }

    #[test]
    fn markup_urls_and_addresses_are_stripped() {
        let g = Glossary::default();
        let w = texts(
            "See <a href=\"https://x.org/a\">the page</a> at https://example.com/x or write to help@example.com &amp; www.example.org",
            &g,
        );
        let plain: Vec<&str> = w.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(plain, ["See", "the", "page", "at", "or", "write", "to"]);
    }

    #[test]
    fn cjk_splits_latin_words() {
        let g = Glossary::default();
        let w = texts("stif可以缓解fness", &g);
        let plain: Vec<&str> = w.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(plain, ["stif", "fness"]);
    }

    #[test]
    fn glossary_terms_are_marked() {
        let mut g = Glossary::default();
        g.add("Firefox Focus");
        g.add("baricitinib");
        let w = texts("Baricitinib and Firefox Focus and Firefox", &g);
        let kinds: Vec<WordKind> = w.iter().map(|(_, k)| *k).collect();
        use WordKind::{Glossary as G, Plain as P};
        assert_eq!(kinds, [G, P, G, G, P, P]);
    }

    #[test]
    fn names_are_not_content() {
        let g = Glossary::default();
        let s = "Firefox for Android is a browser for The Guardian readers";
        let mut c = chars(s);
        strip_markup(&mut c);
        let w = words(s, &c, &g);
        let content: Vec<&str> = content_words(&w).into_iter().map(|i| w[i].text).collect();
        assert_eq!(content, ["is", "a", "browser", "for", "readers"]);
    }

    #[test]
    fn sentences_split_at_punctuation_and_bullets() {
        let g = Glossary::default();
        let s = "How it works. Here it is:\n• one thing\n• two things";
        let c = chars(s);
        let w = words(s, &c, &g);
        let s = sentences(&c, &w);
        assert_eq!(s, vec![0..3, 3..6, 6..8, 8..10]);
    }
}
