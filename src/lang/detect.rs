//! English versus Swedish: cheap signals first (function words, Swedish letters), then a
//! statistical language model (`lingua`, built lazily, once per process) for the sentences
//! the cheap signals leave open.

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

use super::text::{Atom, ASCII_WORD, BYTE_CLASS, NON_ASCII};

/// The Latin-script languages leaflint can tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    English,
    Swedish,
}

impl Lang {
    pub fn of_subtag(language: &str) -> Option<Lang> {
        match language {
            "en" => Some(Lang::English),
            "sv" => Some(Lang::Swedish),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Swedish => "Swedish",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::English => Lang::Swedish,
            Lang::Swedish => Lang::English,
        }
    }

    /// The language's subtag (`en`, `sv`).
    pub fn subtag(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Swedish => "sv",
        }
    }

    fn lingua(self) -> Language {
        match self {
            Lang::English => Language::English,
            Lang::Swedish => Language::Swedish,
        }
    }
}

/// Frequent English words that are not Swedish words (no `in`, `be`, `man`, `just`, `all`, `till`).
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "you", "your", "with", "for", "this", "that", "it",
    "or", "not", "can", "will", "have", "has", "from", "on", "at", "an", "as", "we", "our",
    "which", "if", "do", "does", "more", "what", "how", "about", "when", "was", "were", "these",
    "they", "their", "other", "than", "into", "should", "may", "would", "been", "only", "them",
    "there", "here", "who", "its", "it's", "don't", "you're", "a", "any", "some", "by",
];

/// Frequent Swedish words that are not English words.
const SWEDISH: &[&str] = &[
    "och", "är", "att", "det", "ett", "en", "som", "för", "med", "på", "av", "inte", "du", "din",
    "ditt", "dina", "har", "om", "kan", "vi", "den", "eller", "ska", "vid", "från", "hur", "vad",
    "när", "där", "här", "också", "mer", "alla", "sig", "dig", "mig", "oss", "våra", "vår",
    "dessa", "detta", "denna", "måste", "bör", "efter", "utan", "mot", "så", "jag", "kommer",
    "finns", "bara", "även", "samt", "enligt", "hos", "sina", "sin", "sitt", "deras", "vilket",
    "vilka", "eftersom", "innan", "mellan", "genom", "sedan", "ej", "få", "ni", "de", "i", "dem",
    "var", "blir", "ger", "hjälp",
];

fn has_swedish_letter(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö'))
}

/// Which list a function word is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    English,
    Swedish,
}

/// Both word lists, each word packed into a `u64` and kept in a small open-addressing set per
/// list, so a lookup hashes with one multiplication and compares one or two integers. A word on
/// both lists is English.
struct WordTable {
    /// `sets[side]`: packed words, zero for a free slot (no word packs to zero).
    sets: [Box<[u64; SET_SLOTS]>; 2],
    /// The byte length of the longest word of each list.
    longest: [usize; 2],
}

const MAX_FUNCTION_WORD: usize = 9;

/// The longest listed word in bytes (`eftersom`): every one packs into a `u64`, zero-padded;
/// no listed word holds a zero byte, so the padding is unambiguous.
const KEY_BYTES: usize = 8;

/// Slots of a set: a power of two, about four times the words of a list, so probes are short.
const SET_SLOTS: usize = 256;

/// `word` (at most [`KEY_BYTES`] long) as an integer.
fn pack(word: &[u8]) -> u64 {
    // Last byte first, shifting: a few scalar steps, where a loop over a buffer would be
    // vectorised or call `memcpy` for a handful of bytes.
    word.iter().rev().fold(0, |key, &b| key << 8 | u64::from(b))
}

/// [`pack`] of the ASCII letters and digits `bytes[start..end]`, lowered: letters and digits
/// differ from their lower case only in bit 5, which is set in every lower-case letter and
/// digit. Reads eight bytes at once when the text has them.
#[inline]
fn pack_lowered_alphanumeric(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    debug_assert!((1..=KEY_BYTES).contains(&len));
    let mask = u64::MAX >> (64 - 8 * len);
    let key = match bytes.get(start..start + 8) {
        Some(eight) => <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes),
        None => pack(&bytes[start..end]),
    };
    (key | 0x2020_2020_2020_2020) & mask
}

fn slot_of(key: u64) -> usize {
    // Fibonacci hashing: the top bits of the product.
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % SET_SLOTS
}

impl WordTable {
    /// The list `word` is on.
    fn get(&self, word: &str) -> Option<Side> {
        let word = word.as_bytes();
        if !(1..=KEY_BYTES).contains(&word.len()) {
            return None;
        }
        let key = pack(word);
        [Side::English, Side::Swedish]
            .into_iter()
            .find(|&side| self.has_key(side, key))
    }

    /// Whether the packed word `key` (not zero) is on the list of `side`.
    #[inline]
    fn has_key(&self, side: Side, key: u64) -> bool {
        let set = &self.sets[side as usize];
        let mut i = slot_of(key);
        loop {
            match set[i] {
                k if k == key => return true,
                0 => return false,
                _ => i = (i + 1) % SET_SLOTS,
            }
        }
    }

    fn insert(&mut self, side: Side, key: u64) {
        let set = &mut self.sets[side as usize];
        let mut i = slot_of(key);
        while set[i] != 0 {
            i = (i + 1) % SET_SLOTS;
        }
        set[i] = key;
    }

    fn longest(&self, side: Side) -> usize {
        self.longest[side as usize]
    }
}

fn word_table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable {
            sets: [Box::new([0; SET_SLOTS]), Box::new([0; SET_SLOTS])],
            longest: [0; 2],
        };
        let lists = [(ENGLISH, Side::English), (SWEDISH, Side::Swedish)];
        for (list, side) in lists {
            for &w in list {
                if table.get(w).is_some() {
                    continue;
                }
                let w = w.as_bytes();
                assert!(
                    (1..=KEY_BYTES).contains(&w.len()) && !w.contains(&0),
                    "function words are short"
                );
                table.insert(side, pack(w));
                table.longest[side as usize] = table.longest[side as usize].max(w.len());
            }
        }
        table
    })
}

/// Evidence for each language in a sentence's words.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Signals {
    pub english: usize,
    pub swedish: usize,
}

impl Signals {
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Signals {
        let mut s = Signals::default();
        for w in words {
            // English "I" is written as a capital; Swedish "i" (in) is not.
            if w == "I" {
                s.english += 1;
                continue;
            }
            // Function words are short: longer words need no lookup.
            if w.len() > MAX_FUNCTION_WORD {
                if has_swedish_letter(w) {
                    s.swedish += 1;
                }
                continue;
            }
            let lower;
            let w = if w.chars().any(char::is_uppercase) {
                lower = w.to_lowercase();
                lower.as_str()
            } else {
                w
            };
            let side = word_table().get(w);
            if side == Some(Side::English) {
                s.english += 1;
            } else if side == Some(Side::Swedish) || has_swedish_letter(w) {
                s.swedish += 1;
            }
        }
        s
    }

    pub fn for_lang(self, lang: Lang) -> usize {
        match lang {
            Lang::English => self.english,
            Lang::Swedish => self.swedish,
        }
    }

    /// Whether these signals make `foreign` plausible enough to ask the model: at least two
    /// signs of it, and more than of the locale's own language.
    pub fn suggest(self, foreign: Lang) -> bool {
        let f = self.for_lang(foreign);
        let own = self.for_lang(foreign.other());
        f >= 2 && f > own
    }

    /// The more likely of the two languages.
    pub fn likely(self) -> Lang {
        if self.swedish > self.english {
            Lang::Swedish
        } else {
            Lang::English
        }
    }
}

/// An upper bound of `Signals::of(words).for_lang(foreign)` over the words of any string built
/// from text elements whose texts are `texts`, read from the raw text without splitting it into
/// words. A word that signals `foreign` is `I`, a listed word, or holds a Swedish letter: one
/// without a joiner is a whole atom that signals by itself, one with a joiner holds one of the
/// joiners some listed word has; words do not overlap, so counting both bounds the words.
pub fn signal_bound<'a>(texts: impl IntoIterator<Item = &'a str>, foreign: Lang) -> usize {
    let joiners = joiners();
    let mut n = 0;
    for text in texts {
        if let Joiners::Chars(chars) = joiners {
            n += text.chars().filter(|c| chars.contains(c)).count();
        }
        n += ascii_joiners_and_signs(text, joiners, foreign);
    }
    n
}

/// The ASCII joiners (all of them, when they are ASCII) and the atoms that may signal
/// `foreign` in `text`, in one pass: ASCII separators and ASCII atoms (most of a Latin-script
/// text) are read byte by byte, only atoms with other letters go through [`Atoms`].
///
/// [`Atoms`]: super::text::Atoms
fn ascii_joiners_and_signs(text: &str, joiners: &Joiners, foreign: Lang) -> usize {
    let ascii_joiners = match joiners {
        Joiners::Ascii(mask) => *mask,
        Joiners::Chars(_) => 0,
    };
    let table = word_table();
    let side = match foreign {
        Lang::English => Side::English,
        Lang::Swedish => Side::Swedish,
    };
    let longest = table.longest(side);
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match BYTE_CLASS[usize::from(b)] {
            ASCII_WORD => {
                let start = at;
                at += 1 + bytes[at + 1..]
                    .iter()
                    .position(|&b| BYTE_CLASS[usize::from(b)] != ASCII_WORD)
                    .unwrap_or(bytes.len() - at - 1);
                if bytes.get(at).is_none_or(u8::is_ascii) {
                    // Lowering ASCII keeps the length: an atom longer than every word of the
                    // list is none.
                    let len = at - start;
                    n += usize::from(
                        (side == Side::English && len == 1 && b == b'I')
                            || (len <= longest
                                && table
                                    .has_key(side, pack_lowered_alphanumeric(bytes, start, at))),
                    );
                    continue;
                }
                // The atom goes on with a non-ASCII character: read it whole below.
                at = start;
            }
            NON_ASCII => {
                let (word, len) = super::text::non_ascii_word_char_at(text, at);
                if !word {
                    at += len;
                    continue;
                }
            }
            _ => {
                n += usize::from(ascii_joiners >> b & 1 == 1);
                at += 1;
                continue;
            }
        }
        // A word character starts an atom here, which the iterator reads to its end (and no
        // further: the separators after it are counted above).
        let mut atoms = super::text::atoms_from(text, at);
        let Some(atom) = atoms.next() else {
            break;
        };
        n += usize::from(may_signal(atom, foreign));
        at = atoms.position();
    }
    n
}

/// The joiners that some listed word holds (only the apostrophe of `it's` and `don't`), as a
/// bit mask over ASCII when they are all ASCII, so that counting them needs no decoding.
enum Joiners {
    Ascii(u128),
    Chars(Vec<char>),
}

fn joiners() -> &'static Joiners {
    static JOINERS: OnceLock<Joiners> = OnceLock::new();
    JOINERS.get_or_init(|| {
        let mut v: Vec<char> = ENGLISH
            .iter()
            .chain(SWEDISH)
            .flat_map(|w| w.chars())
            .filter(|&c| super::text::is_joiner(c))
            .collect();
        v.sort_unstable();
        v.dedup();
        if v.iter().all(char::is_ascii) {
            Joiners::Ascii(v.iter().fold(0, |mask, &c| mask | 1 << (c as u32)))
        } else {
            Joiners::Chars(v)
        }
    })
}

/// Whether the word `atom` may be a sign of `foreign` in [`Signals::of`] (`true` whenever it
/// is one).
#[inline]
fn may_signal(atom: Atom<'_>, foreign: Lang) -> bool {
    if atom.ascii {
        return ascii_may_signal(atom.text.as_bytes(), 0, atom.text.len(), foreign);
    }
    match foreign {
        Lang::Swedish if has_swedish_letter(atom.text) => true,
        Lang::Swedish => may_signal_unicode(atom.text, Side::Swedish),
        Lang::English => may_signal_unicode(atom.text, Side::English),
    }
}

/// [`may_signal`] for the atom `bytes[start..end]` of ASCII letters and digits.
#[inline]
fn ascii_may_signal(bytes: &[u8], start: usize, end: usize, foreign: Lang) -> bool {
    let side = match foreign {
        Lang::English if &bytes[start..end] == b"I" => return true,
        Lang::English => Side::English,
        Lang::Swedish => Side::Swedish,
    };
    let table = word_table();
    // Lowering ASCII keeps the length: an atom longer than every word of the list is none.
    end - start <= table.longest(side)
        && table.has_key(side, pack_lowered_alphanumeric(bytes, start, end))
}

/// [`may_signal`] for an atom with non-ASCII letters, whose lower case may differ in length.
fn may_signal_unicode(atom: &str, side: Side) -> bool {
    if atom.len() > MAX_FUNCTION_WORD {
        false
    } else if side == Side::English && atom.as_bytes().contains(&0xC3) {
        // A letter of U+00C0 to U+00FF (lead byte 0xC3) stays outside ASCII in lower case, and
        // every English word is ASCII: `för`, `är` and their like need no lower-casing.
        false
    } else if atom.chars().any(char::is_uppercase) {
        word_table().get(&atom.to_lowercase()) == Some(side)
    } else {
        word_table().get(atom) == Some(side)
    }
}

static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();

fn detector() -> &'static LanguageDetector {
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[
            Language::English,
            Language::Swedish,
            Language::Chinese,
        ])
        .build()
    })
}

/// The model's confidence (0 to 1) that `text` is written in `lang`.
pub fn confidence(text: &str, lang: Lang) -> f64 {
    detector().compute_language_confidence(text, lang.lingua())
}

/// The two-state (own language, foreign language) Viterbi decode of a sequence of words:
/// `foreign[i]` is word `i`'s probability of being foreign (0.5 when a word says nothing, as a
/// name or a code does), `boundary[i]` whether a sentence ends before word `i`. A switch of
/// language costs [`SWITCH`] inside a sentence and [`SWITCH_AT_BOUNDARY`] between sentences, so
/// that one word alone does not make a run but two clear ones do. Linear in the words.
pub fn decode_runs(foreign: &[f64], boundary: &[bool]) -> Vec<bool> {
    let n = foreign.len();
    if n == 0 {
        return Vec::new();
    }
    let ln = |p: f64| p.clamp(0.02, 0.98).ln();
    // score[s] of the best path ending in state s (0 own, 1 foreign); back[i][s] its previous state.
    let mut back: Vec<[u8; 2]> = vec![[0, 0]; n];
    let mut score = [ln(0.9) + ln(1.0 - foreign[0]), ln(0.1) + ln(foreign[0])];
    for i in 1..n {
        let switch = if boundary[i] {
            SWITCH_AT_BOUNDARY
        } else {
            SWITCH
        }
        .ln();
        let stay = (1.0
            - if boundary[i] {
                SWITCH_AT_BOUNDARY
            } else {
                SWITCH
            })
        .ln();
        let mut next = [0.0; 2];
        for (to, emit) in [(0usize, ln(1.0 - foreign[i])), (1, ln(foreign[i]))] {
            let from_same = score[to] + stay;
            let from_other = score[1 - to] + switch;
            if from_same >= from_other {
                next[to] = from_same + emit;
                back[i][to] = to as u8;
            } else {
                next[to] = from_other + emit;
                back[i][to] = (1 - to) as u8;
            }
        }
        score = next;
    }
    let mut state = if score[1] > score[0] { 1u8 } else { 0 };
    let mut out = vec![false; n];
    for i in (0..n).rev() {
        out[i] = state == 1;
        state = back[i][state as usize];
    }
    out
}

/// Probability of a switch of language between two words of one sentence.
pub const SWITCH: f64 = 0.05;
/// Probability of a switch of language between two sentences.
pub const SWITCH_AT_BOUNDARY: f64 = 0.25;

/// How strongly one word alone points to `foreign` (0 to 1; 0.5 says nothing): a function word
/// or a Swedish letter settles it; a word that the message in `foreign` (the reference) also
/// has leans to `foreign`, as a word left untranslated does. The model is not asked: it is for
/// the runs these leanings make.
pub fn word_leaning(word: &str, foreign: Lang, in_reference: bool) -> f64 {
    let s = Signals::of([word]);
    let (f, own) = (s.for_lang(foreign), s.for_lang(foreign.other()));
    if f > own {
        0.95
    } else if own > f {
        0.05
    } else if in_reference {
        0.85
    } else {
        0.5
    }
}

/// Whether the model has been loaded in this process (for tests of laziness).
pub fn loaded() -> bool {
    DETECTOR.get().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_clear_word_makes_no_run_and_two_do() {
        let none = [false; 6];
        // Own, own, one foreign word, own, own, own: no switch for one word.
        assert_eq!(
            decode_runs(&[0.1, 0.1, 0.95, 0.1, 0.1, 0.1], &none),
            [false; 6]
        );
        // Two clear foreign words inside a sentence are not worth two switches; three, with a
        // neutral one among them, make one run.
        assert_eq!(
            decode_runs(&[0.1, 0.1, 0.95, 0.5, 0.95, 0.1, 0.1], &[false; 7]),
            [false; 7]
        );
        assert_eq!(
            decode_runs(&[0.1, 0.1, 0.95, 0.5, 0.95, 0.85, 0.1, 0.1], &[false; 8]),
            [false, false, true, true, true, true, false, false]
        );
        // At a sentence boundary a switch is cheaper: a foreign sentence of two clear words.
        let mut at = [false; 5];
        at[3] = true;
        assert_eq!(
            decode_runs(&[0.1, 0.1, 0.1, 0.95, 0.9], &at),
            [false, false, false, true, true]
        );
        assert!(decode_runs(&[], &[]).is_empty());
    }

    #[test]
    fn words_lean_by_function_words_letters_and_the_reference() {
        assert_eq!(word_leaning("your", Lang::English, false), 0.95);
        assert_eq!(word_leaning("och", Lang::English, false), 0.05);
        assert_eq!(word_leaning("flaskan", Lang::English, false), 0.5);
        assert_eq!(word_leaning("fridge", Lang::English, true), 0.85);
        assert_eq!(word_leaning("stående", Lang::English, true), 0.05);
    }

    #[test]
    fn signals_count_function_words_and_letters() {
        let s = Signals::of("är en selektiv och reversibel hämmare av".split(' '));
        assert_eq!(s.swedish, 5);
        assert_eq!(s.english, 0);
        assert!(s.suggest(Lang::Swedish));
        assert!(!s.suggest(Lang::English));
        let s = Signals::of("Logga in".split(' '));
        assert!(!s.suggest(Lang::English));
        let s = Signals::of("Wash your hands and carry a bottle".split(' '));
        assert!(s.suggest(Lang::English));
    }

    #[test]
    fn english_words_are_ascii() {
        // `may_signal_unicode` relies on it.
        assert!(ENGLISH.iter().all(|w| w.is_ascii()));
        for atom in ["för", "Är", "ÅTTA", "naïve", "\u{212A}", "i\u{0307}t"] {
            let slow = word_table().get(&atom.to_lowercase()) == Some(Side::English);
            assert!(!slow || may_signal_unicode(atom, Side::English), "{atom:?}");
        }
    }

    #[test]
    fn the_model_tells_english_from_swedish() {
        assert!(
            confidence(
                "wash your hands regularly and carry a small bottle of hand gel",
                Lang::English
            ) > 0.8
        );
        assert!(
            confidence(
                "tvätta händerna regelbundet och ha en liten flaska handsprit med dig",
                Lang::Swedish
            ) > 0.8
        );
        assert!(loaded());
    }
}
