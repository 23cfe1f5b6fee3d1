//! English versus Swedish: cheap signals first (function words, Swedish letters), then a
//! statistical language model (`lingua`, built lazily, once per process) for the sentences
//! the cheap signals leave open.

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

use super::text::Atom;

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

/// Both word lists, each word packed into a `u64` and bucketed by list, byte length and first
/// byte, so a lookup compares at most a handful of integers and never hashes. A word on both
/// lists is English.
struct WordTable {
    /// `buckets[side][len * 256 + first byte]`.
    buckets: [Vec<Vec<u64>>; 2],
    /// The byte length of the longest word of each list.
    longest: [usize; 2],
}

const MAX_FUNCTION_WORD: usize = 9;

/// The longest listed word in bytes (`eftersom`): every one packs into a `u64`, zero-padded;
/// its bucket holds only words of its length, so the padding is unambiguous.
const KEY_BYTES: usize = 8;

fn bucket_of(word: &[u8], lowercase: bool) -> Option<usize> {
    let &first = word.first()?;
    let first = if lowercase {
        first.to_ascii_lowercase()
    } else {
        first
    };
    (word.len() <= KEY_BYTES).then(|| word.len() * 256 + usize::from(first))
}

/// `word` (at most [`KEY_BYTES`] long) as an integer, with ASCII capitals lowered if asked.
fn pack(word: &[u8], lowercase: bool) -> u64 {
    // Last byte first, shifting: a few scalar steps, where a loop over a buffer would be
    // vectorised or call `memcpy` for a handful of bytes.
    word.iter().rev().fold(0, |key, &b| {
        let b = if lowercase { b.to_ascii_lowercase() } else { b };
        key << 8 | u64::from(b)
    })
}

impl WordTable {
    /// The list `word` is on.
    fn get(&self, word: &str) -> Option<Side> {
        [Side::English, Side::Swedish]
            .into_iter()
            .find(|&side| self.has(side, word.as_bytes(), false))
    }

    /// Whether `word` (with ASCII capitals lowered if asked) is on the list of `side`.
    #[inline]
    fn has(&self, side: Side, word: &[u8], lowercase: bool) -> bool {
        let Some(bucket) = bucket_of(word, lowercase) else {
            return false;
        };
        let bucket = &self.buckets[side as usize][bucket];
        !bucket.is_empty() && bucket.contains(&pack(word, lowercase))
    }

    fn longest(&self, side: Side) -> usize {
        self.longest[side as usize]
    }
}

fn word_table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable {
            buckets: [
                vec![Vec::new(); (KEY_BYTES + 1) * 256],
                vec![Vec::new(); (KEY_BYTES + 1) * 256],
            ],
            longest: [0; 2],
        };
        let lists = [(ENGLISH, Side::English), (SWEDISH, Side::Swedish)];
        for (list, side) in lists {
            for &w in list {
                if table.get(w).is_some() {
                    continue;
                }
                let w = w.as_bytes();
                let i = bucket_of(w, false).expect("function words are short");
                table.buckets[side as usize][i].push(pack(w, false));
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
        n += match joiners {
            Joiners::Bytes(bytes) => bytes
                .iter()
                .map(|&j| memchr::memchr_iter(j, text.as_bytes()).count())
                .sum::<usize>(),
            Joiners::Chars(chars) => text.chars().filter(|c| chars.contains(c)).count(),
        };
        n += super::text::atoms(text)
            .filter(|&atom| may_signal(atom, foreign))
            .count();
    }
    n
}

/// The joiners that some listed word holds (only the apostrophe of `it's` and `don't`), as bytes
/// when they are all ASCII, so that counting them needs no decoding.
enum Joiners {
    Bytes(Vec<u8>),
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
            Joiners::Bytes(v.iter().map(|&c| c as u8).collect())
        } else {
            Joiners::Chars(v)
        }
    })
}

/// Whether the word `atom` may be a sign of `foreign` in [`Signals::of`] (`true` whenever it
/// is one).
#[inline]
fn may_signal(atom: Atom<'_>, foreign: Lang) -> bool {
    let side = match foreign {
        Lang::English if atom.text == "I" => return true,
        Lang::English => Side::English,
        Lang::Swedish if !atom.ascii && has_swedish_letter(atom.text) => return true,
        Lang::Swedish => Side::Swedish,
    };
    let table = word_table();
    if atom.ascii {
        // Lowering ASCII keeps the length: an atom longer than every word of the list is none.
        return atom.text.len() <= table.longest(side)
            && table.has(side, atom.text.as_bytes(), true);
    }
    may_signal_unicode(atom.text, side)
}

/// [`may_signal`] for an atom with non-ASCII letters, whose lower case may differ in length.
fn may_signal_unicode(atom: &str, side: Side) -> bool {
    if atom.len() > MAX_FUNCTION_WORD {
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

/// Whether the model has been loaded in this process (for tests of laziness).
pub fn loaded() -> bool {
    DETECTOR.get().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

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
