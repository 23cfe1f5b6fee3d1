//! The locale tables: every word and pattern the extractor knows, one table per language.
//!
//! A locale is data, not code: adding a language means adding a [`Table`] here and an entry in
//! [`table_for`]. Words are matched case-insensitively at word boundaries (Latin scripts) or as
//! plain substrings (scripts written without spaces, flagged by `spaceless`). Symbols shared by all
//! languages (`nM`, `mg`, `%`, `°C`, `>`, `≥` …) live in [`SYMBOL_UNITS`] and are matched
//! case-sensitively.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::{Cmp, Unit};

/// What a number word means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WordKind {
    /// `four`, `fyra`: a cardinal number.
    Cardinal,
    /// `a`, `an`: the value 1, only when a unit follows (`a week`).
    Article,
    /// `third`, `tredje`: an ordinal.
    Ordinal,
    /// `twice`, `double`, `dubbel`: a multiplier with the unit "times" built in.
    Times,
    /// `million`, `miljoner`: multiplies the number before it.
    Multiplier,
    /// A word that is an amount with its unit (`decade`, `全年` a full year, `八折` 20 % off).
    Amount(Unit),
    /// A word that is a frequency by itself: once per one of the unit (`daily`, `dagligen`,
    /// `每天`); with a count next to it (`twice daily`, `每天两次`) it is that many times.
    Per(Unit),
    /// "Every second" before a time unit (`varannan dag`, `隔日`, `every other day`): every 2 of
    /// the unit. Nothing without one.
    EveryOther,
    /// One part of the word's number (`half` 2: ½, `quarter` 4: ¼; `en och en halv` and
    /// `一片半` add a half to a number).
    Fraction,
}

/// The words and patterns of one language.
#[derive(Debug)]
pub struct Table {
    pub lang: &'static str,
    /// The decimal separator the language prefers; the other of `.` and `,` groups thousands
    /// (a lone separator before exactly three digits keeps both readings).
    pub decimal: char,
    /// Whether a plain space groups thousands (`1 000`); no-break spaces always do.
    pub space_grouping: bool,
    /// Whether Chinese numerals (`十二`, `两`, `三千五百`, `1万`) are read.
    pub chinese_numerals: bool,
    /// Whether the language is written without spaces between words (phrases match anywhere).
    pub spaceless: bool,
    /// Number words (lowercase).
    pub words: &'static [(&'static str, u64, WordKind)],
    /// Suffixes glued to digits that make them a loose mention (`1990s`), never reported alone.
    pub weak_suffixes: &'static [&'static str],
    /// Suffixes that make digits an ordinal (`4th`, `4:e`).
    pub ordinal_suffixes: &'static [&'static str],
    /// Prefixes that make the number after them an ordinal (`第`).
    pub ordinal_prefixes: &'static [&'static str],
    /// Unit words and their canonical unit (lowercase; longest match wins).
    pub units: &'static [(&'static str, Unit)],
    /// Words before a number that give it a unit (`aged 75`, `百分之五`).
    pub unit_prefixes: &'static [(&'static str, Unit)],
    /// Comparator words before a number (`more than`, `minst`, `不超过`).
    pub cmp_before: &'static [(&'static str, Cmp)],
    /// Comparator words after a number or its unit (`and older`, `以上`).
    pub cmp_after: &'static [(&'static str, Cmp)],
    /// Words that negate a comparator right after them, or one word later (`not more than`,
    /// `får inte vara mer än`, `不高于`): the limit turns round (`>` becomes `≤`).
    pub negators: &'static [&'static str],
    /// Comparator words that before a duration mean "during" instead (`over 2 weeks`, `under 2
    /// veckor`): there the limit is left open, and agrees with any.
    pub vague_before_time: &'static [&'static str],
    /// Phrases after a count of times that give its period (`twice a day`, `två gånger i
    /// veckan`): the count becomes a frequency.
    pub per_after: &'static [(&'static str, Unit)],
    /// Words joining `N` and a fraction of it (`one and a half`, `en och en halv`).
    pub and_half: &'static [&'static str],
    /// Words between `1` and `N` in a proportion "1 in N" (`1 in 10`, `1 av 10`).
    pub proportion: &'static [&'static str],
    /// Words between a fraction word and what it divides (`a quarter of a tablet`).
    pub fraction_of: &'static [&'static str],
    /// Limit words that are also read "in the course of" (`within 2 hours`, `inom`, `内`):
    /// the limit is left open and agrees with any.
    pub vague_always: &'static [&'static str],
    /// Limits after a number that say "older" or "younger": a limit for an age only (`56.0 or
    /// older` is a version, at most 56.0); elsewhere left open.
    pub age_after: &'static [&'static str],
    /// Words before hours that make them a time of day, with the half of the day they say (0:
    /// as written, 1: morning, 2: afternoon or evening, 3: noon): `kl.`, `晚上`.
    pub clock_before: &'static [(&'static str, u8)],
    /// Words after hours that make them a time of day, likewise (`pm`, `点`).
    pub clock_after: &'static [(&'static str, u8)],
    /// Whether the language writes a twelve-hour clock, so that `8:00` may be 20:00.
    pub twelve_hour: bool,
    /// Short words that are never a unit: a number with one of them after it has no unit
    /// (`below 25 in the pack`), so a dropped unit symbol shows.
    pub not_units: &'static [&'static str],
    /// Words that join two clauses, for what a value belongs to (`and`, `och`, `和`).
    pub conjunctions: &'static [&'static str],
    /// Words that name what a value belongs to, each with a concept shared by every table
    /// (lowercase): `morning`, `kvällen`, `儿童`.
    pub anchors: &'static [(&'static str, &'static str)],
    /// Approximation words before a number (`about`, `cirka`, `约`).
    pub approx_before: &'static [&'static str],
    /// Approximation words after a number or its unit (`左右`).
    pub approx_after: &'static [&'static str],
    /// Words joining the two ends of a range (`to`, `till`, `至`).
    pub range_connectors: &'static [&'static str],
    /// Words opening a range and the word that then joins its ends (`between … and …`).
    pub range_open: &'static [(&'static str, &'static str)],
    /// Words making a quantity a frequency (`every 3 months`), and whether the word is reliable
    /// (Swedish `var` is also the past tense of "to be").
    pub every: &'static [(&'static str, bool)],
    /// Month names (lowercase) and their number, for `22 March 2018`.
    pub months: &'static [(&'static str, u8)],
    /// Whether `2018年3月22日` style dates are read.
    pub cjk_dates: bool,
    /// The index of `words`, built on first use.
    pub index: OnceLock<Index>,
}

/// A lookup of a table's number words and phrases.
#[derive(Debug)]
pub struct Index {
    words: HashMap<&'static str, (u64, WordKind), BuildHasherDefault<Fnv>>,
    /// The first character of every word, for a quick "cannot be a number word" answer.
    first: Vec<char>,
    /// The ASCII ones among `first`, as a bit set.
    first_ascii: u128,
    /// The characters of U+3000–U+9FFF that a Chinese numeral or a number word the table reads
    /// may start with, by their low ten bits, as a bit set: most CJK text starts neither.
    cjk_starts: [u64; 16],
    /// The [`latin1_sign`] of every word of U+0000–U+00FF characters, as a bit set: most words of
    /// a text are not number words, and this rules them out without lowercasing or hashing them.
    latin1_signs: [u64; 64],
    /// The longest word, in bytes.
    pub max_len: usize,
    /// Unit words by their first character (matched folding case).
    pub units: Phrases<Unit>,
    /// [`SYMBOL_UNITS`] by their first character (matched as written).
    pub symbols: Phrases<Unit>,
    /// Words and patterns read after a number, by their first character.
    pub cmp_after: Phrases<Cmp>,
    pub per_after: Phrases<Unit>,
    /// Read before a comparator, by their last character.
    pub negators: Phrases<()>,
    pub clock_before: Phrases<u8>,
    pub clock_after: Phrases<u8>,
    /// Read after a number, by their first character.
    pub and_half: Phrases<()>,
    pub proportion: Phrases<()>,
    pub approx_after: Phrases<()>,
    pub range_connectors: Phrases<()>,
    pub months_at: Phrases<u8>,
    /// Words and patterns read before a number, by their last character.
    pub symbol_cmps: Phrases<Cmp>,
    pub cmp_before: Phrases<Cmp>,
    pub approx_before: Phrases<()>,
    pub every: Phrases<bool>,
    pub unit_prefixes: Phrases<Unit>,
    pub ordinal_prefixes: Phrases<()>,
    pub range_open: Phrases<&'static str>,
    pub months_before: Phrases<u8>,
}

/// Phrases grouped by their first (or last) character: the scanner tries them at nearly every
/// number, and only the few that may match the character in the text need a closer look.
#[derive(Debug)]
pub struct Phrases<T: 'static> {
    /// Every phrase, in table order.
    all: Vec<(&'static str, T)>,
    /// The distinct first (or last) characters, sorted, and the phrases with each, in table order.
    keys: Vec<char>,
    groups: Vec<Vec<(&'static str, T)>>,
    /// [`Phrases::get`] for U+0000–U+00FF (ASCII and `å`, `ä`, `ö`, `é`, the no-break space),
    /// exact and folding: `NONE`, `ALL` or a group.
    latin1: [[u8; 256]; 2],
}

const NONE: u8 = u8::MAX;
const ALL: u8 = u8::MAX - 1;

impl<T: Copy> Phrases<T> {
    /// Groups `phrases` (none empty) by their last character if `last`, else by their first.
    pub fn new(phrases: impl IntoIterator<Item = (&'static str, T)>, last: bool) -> Self {
        let all: Vec<(&'static str, T)> = phrases.into_iter().collect();
        let key = |p: &str| {
            if last {
                p.chars().next_back()
            } else {
                p.chars().next()
            }
        };
        let mut keys: Vec<char> = all.iter().filter_map(|(p, _)| key(p)).collect();
        keys.sort_unstable();
        keys.dedup();
        assert!(keys.len() < usize::from(ALL), "too many phrase groups");
        let groups = keys
            .iter()
            .map(|&k| {
                all.iter()
                    .filter(|(p, _)| key(p) == Some(k))
                    .copied()
                    .collect()
            })
            .collect();
        let mut phrases = Phrases {
            all,
            keys,
            groups,
            latin1: [[NONE; 256]; 2],
        };
        for (fold, table) in [false, true].into_iter().zip(0..) {
            for c in 0..=u8::MAX {
                phrases.latin1[table][usize::from(c)] = phrases.find(char::from(c), fold);
            }
        }
        phrases
    }

    /// The phrases, in table order, that may match where the text has `c` (the character at a
    /// phrase's first position, or before its end): those whose character equals `c`, its
    /// lowercase (`fold`) or a space when `c` is one (see `chars_eq`). When two groups qualify
    /// (rare: an uppercase letter a table also lists) this is every phrase, to keep table order.
    #[inline]
    pub fn get(&self, c: char, fold: bool) -> &[(&'static str, T)] {
        let code = match self.latin1[usize::from(fold)].get(c as usize) {
            Some(&code) => code,
            None => self.find(c, fold),
        };
        match code {
            NONE => &[],
            ALL => &self.all,
            g => &self.groups[usize::from(g)],
        }
    }

    /// Every phrase, in table order.
    pub fn all(&self) -> &[(&'static str, T)] {
        &self.all
    }

    /// What [`Phrases::get`] returns for `c`, as `NONE`, `ALL` or the index of a group.
    fn find(&self, c: char, fold: bool) -> u8 {
        // U+3000–U+9FFF (CJK) has no case, and is most of the text not ASCII.
        let lower = if fold && !('\u{3000}'..='\u{9fff}').contains(&c) {
            super::lower1(c).filter(|&l| l != c)
        } else {
            None
        };
        let space = (c != ' ' && super::is_space(c)).then_some(' ');
        let mut found = NONE;
        for k in [Some(c), lower, space].into_iter().flatten() {
            if let Ok(ix) = self.keys.binary_search(&k) {
                if found != NONE {
                    return ALL;
                }
                // Fewer groups than `ALL` (asserted in `new`).
                found = ix as u8;
            }
        }
        found
    }
}

/// A 12-bit digest of a word of U+0000–U+00FF characters that ignores case: its length in bytes
/// and its first and last characters. Lowercasing keeps such a word's length (`Å` and `å` are two
/// bytes each), so a word and its lowercase have the same digest. `None` for other words.
fn latin1_sign(word: &[u8]) -> Option<usize> {
    // The low five bits of the lowercase of the character encoded as `lead` (ASCII) or `lead`,
    // `cont` (U+0080–U+00FF).
    let fold = |lead: u8, cont: u8| -> Option<usize> {
        let c = match lead {
            0..=0x7F => lead.to_ascii_lowercase(),
            0xC2 => cont,
            // U+00C0–U+00DE, but for `×`, are capitals whose lowercase is 32 code points on.
            0xC3 => match cont | 0x40 {
                c @ (0xC0..=0xD6 | 0xD8..=0xDE) => c + 0x20,
                c => c,
            },
            _ => return None,
        };
        Some(usize::from(c & 31))
    };
    let (&first, &last) = (word.first()?, word.last()?);
    let first = fold(first, word.get(1).copied().unwrap_or(0))?;
    let last = if last < 0x80 {
        fold(last, 0)?
    } else {
        fold(*word.get(word.len().checked_sub(2)?)?, last)?
    };
    Some((word.len() & 3) << 10 | last << 5 | first)
}

/// FNV-1a: the words are few and short, and this runs for every word of every text.
#[derive(Debug, Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

impl Table {
    /// Which of the built-in tables this is (0–3), for caches keyed by table; `None` for a
    /// table made elsewhere.
    pub fn cache_slot(&self) -> Option<usize> {
        [&EN, &SV, &ZH, &DIGITS]
            .iter()
            .position(|t| std::ptr::eq(*t, self))
    }

    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut first: Vec<char> = self
                .words
                .iter()
                .filter_map(|(w, _, _)| w.chars().next())
                .collect();
            first.sort_unstable();
            first.dedup();
            let plain = |list: &'static [&'static str], last: bool| {
                Phrases::new(list.iter().map(|&p| (p, ())), last)
            };
            Index {
                units: Phrases::new(self.units.iter().copied(), false),
                symbols: Phrases::new(SYMBOL_UNITS.iter().copied(), false),
                cmp_after: Phrases::new(self.cmp_after.iter().copied(), false),
                negators: plain(self.negators, true),
                clock_before: Phrases::new(self.clock_before.iter().copied(), true),
                clock_after: Phrases::new(self.clock_after.iter().copied(), false),
                and_half: plain(self.and_half, false),
                proportion: plain(self.proportion, false),
                per_after: Phrases::new(self.per_after.iter().copied(), false),
                approx_after: plain(self.approx_after, false),
                range_connectors: plain(self.range_connectors, false),
                months_at: Phrases::new(self.months.iter().copied(), false),
                symbol_cmps: Phrases::new(SYMBOL_CMPS.iter().copied(), true),
                cmp_before: Phrases::new(self.cmp_before.iter().copied(), true),
                approx_before: plain(self.approx_before, true),
                every: Phrases::new(self.every.iter().copied(), true),
                unit_prefixes: Phrases::new(self.unit_prefixes.iter().copied(), true),
                ordinal_prefixes: plain(self.ordinal_prefixes, true),
                range_open: Phrases::new(self.range_open.iter().copied(), true),
                months_before: Phrases::new(self.months.iter().copied(), true),
                words: self.words.iter().map(|&(w, v, k)| (w, (v, k))).collect(),
                cjk_starts: first
                    .iter()
                    .filter(|_| self.spaceless)
                    .chain(super::CN_NUMERALS.iter().filter(|_| self.chinese_numerals))
                    .filter(|c| ('\u{3000}'..='\u{9fff}').contains(*c))
                    .fold([0; 16], |mut set, &c| {
                        let low = c as usize & 0x3ff;
                        set[low / 64] |= 1 << (low % 64);
                        set
                    }),
                first_ascii: first
                    .iter()
                    .filter(|c| c.is_ascii())
                    .fold(0, |set, &c| set | 1 << (c as u32)),
                first,
                latin1_signs: self
                    .words
                    .iter()
                    .filter(|(w, _, _)| w.chars().all(|c| c <= '\u{ff}'))
                    .filter_map(|(w, _, _)| latin1_sign(w.as_bytes()))
                    .fold([0; 64], |mut set, sign| {
                        set[sign / 64] |= 1 << (sign % 64);
                        set
                    }),
                max_len: self
                    .words
                    .iter()
                    .map(|(w, _, _)| w.len())
                    .max()
                    .unwrap_or(0),
            }
        })
    }

    /// The number word `word` (already lowercase), if it is one.
    pub fn word(&self, word: &str) -> Option<(u64, WordKind)> {
        self.index().words.get(word).copied()
    }

    /// Whether the ASCII word `word`, in any case, may be a number word (`false`: it is not).
    pub fn may_be_ascii_word(&self, word: &[u8]) -> bool {
        self.may_be_latin1_word(word)
    }

    /// Whether `word`, in any case, may be a number word (`false`: it is not), when all its
    /// characters are in U+0000–U+00FF (`true` when its first or last one is not; the caller
    /// checks the others, whose lowercase may be longer or shorter).
    pub fn may_be_latin1_word(&self, word: &[u8]) -> bool {
        latin1_sign(word)
            .is_none_or(|sign| self.index().latin1_signs[sign / 64] & (1 << (sign % 64)) != 0)
    }

    /// Whether `c`, a character of U+3000–U+9FFF, may start a Chinese numeral or a number word
    /// the table reads (`false`: it starts neither).
    pub fn may_start_cjk(&self, c: char) -> bool {
        let low = c as usize & 0x3ff;
        self.index().cjk_starts[low / 64] & (1 << (low % 64)) != 0
    }

    /// Whether some number word starts with `c` (lowercase).
    pub fn may_start_word(&self, c: char) -> bool {
        let index = self.index();
        match index.first_ascii.checked_shr(c as u32) {
            Some(bits) if c.is_ascii() => bits & 1 != 0,
            _ => index.first.binary_search(&c).is_ok(),
        }
    }
}

/// Unit symbols every language writes the same way (matched case-sensitively).
pub static SYMBOL_UNITS: &[(&str, Unit)] = &[
    ("nM", Unit::NanoMolar),
    ("nmol/l", Unit::NanoMolar),
    ("µM", Unit::MicroMolar),
    ("μM", Unit::MicroMolar),
    ("mg", Unit::Milligram),
    ("µg", Unit::Microgram),
    ("μg", Unit::Microgram),
    ("mcg", Unit::Microgram),
    ("kg", Unit::Kilogram),
    ("g", Unit::Gram),
    ("ml", Unit::Millilitre),
    ("mL", Unit::Millilitre),
    ("%", Unit::Percent),
    ("％", Unit::Percent),
    ("°C", Unit::Celsius),
    ("℃", Unit::Celsius),
    ("°F", Unit::Fahrenheit),
    ("℉", Unit::Fahrenheit),
    ("IU", Unit::InternationalUnit),
    ("IE", Unit::InternationalUnit),
    ("mg/kg", Unit::MilligramPerKilogram),
    ("µg/kg", Unit::MicrogramPerKilogram),
    ("μg/kg", Unit::MicrogramPerKilogram),
    ("mcg/kg", Unit::MicrogramPerKilogram),
    ("mg/ml", Unit::MilligramPerMillilitre),
    ("mg/mL", Unit::MilligramPerMillilitre),
    ("l", Unit::Litre),
    ("L", Unit::Litre),
    ("h", Unit::Hour),
    ("x", Unit::Times),
    ("×", Unit::Times),
    ("GB", Unit::Gigabyte),
    ("MB", Unit::Megabyte),
];

/// Unit symbols of doses and strengths that the quantity reader does not read (`ng`, `mmol`,
/// Swedish `E` for units of insulin): with the dose units of [`SYMBOL_UNITS`] and of each
/// language's `units` (see [`super::Unit::is_dose`]), what `dose-notation` reads after a number
/// (matched case-sensitively, as whole words; a unit followed by `/` is a strength, `mg/ml`).
pub static MORE_DOSE_SYMBOLS: &[&str] = &[
    "ng", "mmol", "µmol", "μmol", "mEq", "µl", "μl", "µL", "μL", "dl", "dL", "E", "U",
];

/// Comparator symbols every language writes the same way.
pub static SYMBOL_CMPS: &[(&str, Cmp)] = &[
    (">=", Cmp::Ge),
    ("<=", Cmp::Le),
    ("≥", Cmp::Ge),
    ("≤", Cmp::Le),
    ("⩾", Cmp::Ge),
    ("⩽", Cmp::Le),
    ("≧", Cmp::Ge),
    ("≦", Cmp::Le),
    (">", Cmp::Gt),
    ("<", Cmp::Lt),
    ("＞", Cmp::Gt),
    ("＜", Cmp::Lt),
    ("≈", Cmp::Approx),
];

use WordKind::{Amount, Article, Cardinal, EveryOther, Fraction, Multiplier, Ordinal, Per, Times};

pub static EN: Table = Table {
    lang: "en",
    decimal: '.',
    space_grouping: false,
    chinese_numerals: false,
    spaceless: false,
    words: &[
        ("a", 1, Article),
        ("an", 1, Article),
        ("one", 1, Cardinal),
        ("two", 2, Cardinal),
        ("three", 3, Cardinal),
        ("four", 4, Cardinal),
        ("five", 5, Cardinal),
        ("six", 6, Cardinal),
        ("seven", 7, Cardinal),
        ("eight", 8, Cardinal),
        ("nine", 9, Cardinal),
        ("ten", 10, Cardinal),
        ("eleven", 11, Cardinal),
        ("twelve", 12, Cardinal),
        ("thirteen", 13, Cardinal),
        ("fourteen", 14, Cardinal),
        ("fifteen", 15, Cardinal),
        ("sixteen", 16, Cardinal),
        ("seventeen", 17, Cardinal),
        ("eighteen", 18, Cardinal),
        ("nineteen", 19, Cardinal),
        ("twenty", 20, Cardinal),
        ("thirty", 30, Cardinal),
        ("forty", 40, Cardinal),
        ("fifty", 50, Cardinal),
        ("sixty", 60, Cardinal),
        ("seventy", 70, Cardinal),
        ("eighty", 80, Cardinal),
        ("ninety", 90, Cardinal),
        ("zero", 0, Cardinal),
        ("hundred", 100, Cardinal),
        ("thousand", 1000, Cardinal),
        ("first", 1, Ordinal),
        ("second", 2, Ordinal),
        ("third", 3, Ordinal),
        ("fourth", 4, Ordinal),
        ("fifth", 5, Ordinal),
        ("sixth", 6, Ordinal),
        ("seventh", 7, Ordinal),
        ("eighth", 8, Ordinal),
        ("ninth", 9, Ordinal),
        ("tenth", 10, Ordinal),
        ("twelfth", 12, Ordinal),
        ("once", 1, Times),
        ("twice", 2, Times),
        ("thrice", 3, Times),
        ("half", 2, Fraction),
        ("quarter", 4, Fraction),
        ("daily", 1, Per(Unit::Day)),
        ("nightly", 1, Per(Unit::Day)),
        ("weekly", 1, Per(Unit::Week)),
        ("monthly", 1, Per(Unit::Month)),
        ("hourly", 1, Per(Unit::Hour)),
        ("other", 2, EveryOther),
        ("double", 2, Times),
        ("triple", 3, Times),
        ("million", 1_000_000, Multiplier),
        ("millions", 1_000_000, Multiplier),
        ("billion", 1_000_000_000, Multiplier),
        ("dozen", 12, Cardinal),
        ("decade", 10, Amount(Unit::Year)),
        ("decades", 10, Amount(Unit::Year)),
        ("annual", 1, Amount(Unit::Year)),
        ("yearly", 1, Amount(Unit::Year)),
        ("fortnight", 14, Amount(Unit::Day)),
    ],
    weak_suffixes: &["s"],
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    ordinal_prefixes: &[],
    units: &[
        ("hours", Unit::Hour),
        ("hour", Unit::Hour),
        ("hrs", Unit::Hour),
        ("hr", Unit::Hour),
        ("minutes", Unit::Minute),
        ("minute", Unit::Minute),
        ("min", Unit::Minute),
        ("days", Unit::Day),
        ("day", Unit::Day),
        ("weeks", Unit::Week),
        ("week", Unit::Week),
        ("months", Unit::Month),
        ("month", Unit::Month),
        ("years old", Unit::AgeYear),
        ("year-old", Unit::AgeYear),
        ("years", Unit::Year),
        ("year", Unit::Year),
        ("percent", Unit::Percent),
        ("per cent", Unit::Percent),
        ("fold", Unit::Times),
        ("times", Unit::Times),
        ("degrees celsius", Unit::Celsius),
        ("milligrams", Unit::Milligram),
        ("milligram", Unit::Milligram),
        ("micrograms", Unit::Microgram),
        ("microgram", Unit::Microgram),
        ("grams", Unit::Gram),
        ("gram", Unit::Gram),
        ("kilograms", Unit::Kilogram),
        ("kilogram", Unit::Kilogram),
        ("millilitres", Unit::Millilitre),
        ("millilitre", Unit::Millilitre),
        ("milliliters", Unit::Millilitre),
        ("milliliter", Unit::Millilitre),
        ("litres", Unit::Litre),
        ("litre", Unit::Litre),
        ("liters", Unit::Litre),
        ("liter", Unit::Litre),
        ("degrees fahrenheit", Unit::Fahrenheit),
        ("international units", Unit::InternationalUnit),
        ("units", Unit::InternationalUnit),
        ("tablets", Unit::Tablet),
        ("tablet", Unit::Tablet),
        ("capsules", Unit::Tablet),
        ("capsule", Unit::Tablet),
        ("pills", Unit::Tablet),
        ("pill", Unit::Tablet),
        ("drops", Unit::Drop),
        ("drop", Unit::Drop),
        ("doses", Unit::Dose),
        ("dose", Unit::Dose),
        ("puffs", Unit::Puff),
        ("puff", Unit::Puff),
        ("inhalations", Unit::Puff),
        ("inhalation", Unit::Puff),
        ("sachets", Unit::Sachet),
        ("sachet", Unit::Sachet),
    ],
    unit_prefixes: &[("aged", Unit::AgeYear), ("age", Unit::AgeYear)],
    cmp_before: &[
        ("greater than", Cmp::Gt),
        ("more than", Cmp::Gt),
        ("higher than", Cmp::Gt),
        ("over", Cmp::Gt),
        ("above", Cmp::Gt),
        ("exceeding", Cmp::Gt),
        ("past the", Cmp::Gt),
        ("beyond the", Cmp::Gt),
        ("beyond", Cmp::Gt),
        ("longer than", Cmp::Gt),
        ("shorter than", Cmp::Lt),
        ("exceeds", Cmp::Gt),
        ("exceed", Cmp::Gt),
        ("in excess of", Cmp::Gt),
        ("at least", Cmp::Ge),
        ("no less than", Cmp::Ge),
        ("not less than", Cmp::Ge),
        ("no fewer than", Cmp::Ge),
        ("minimum of", Cmp::Ge),
        ("a minimum of", Cmp::Ge),
        ("up to", Cmp::Le),
        ("at most", Cmp::Le),
        ("no more than", Cmp::Le),
        ("not more than", Cmp::Le),
        ("no longer than", Cmp::Le),
        ("maximum of", Cmp::Le),
        ("a maximum of", Cmp::Le),
        ("within", Cmp::Le),
        ("less than", Cmp::Lt),
        ("fewer than", Cmp::Lt),
        ("lower than", Cmp::Lt),
        ("below", Cmp::Lt),
        ("under", Cmp::Lt),
    ],
    cmp_after: &[
        ("and older", Cmp::Ge),
        ("or older", Cmp::Ge),
        ("and over", Cmp::Ge),
        ("or over", Cmp::Ge),
        ("and above", Cmp::Ge),
        ("or above", Cmp::Ge),
        ("or more", Cmp::Ge),
        ("or later", Cmp::Ge),
        ("or higher", Cmp::Ge),
        ("or newer", Cmp::Ge),
        ("or less", Cmp::Le),
        ("or fewer", Cmp::Le),
        ("or earlier", Cmp::Le),
        ("or younger", Cmp::Le),
        ("and under", Cmp::Le),
        ("or under", Cmp::Le),
        ("and younger", Cmp::Le),
    ],
    negators: &[
        "not",
        "no",
        "never",
        "don't",
        "mustn't",
        "shouldn't",
        "cannot",
    ],
    vague_before_time: &["over", "under"],
    per_after: &[
        ("a day", Unit::Day),
        ("per day", Unit::Day),
        ("each day", Unit::Day),
        ("every day", Unit::Day),
        ("daily", Unit::Day),
        ("a week", Unit::Week),
        ("per week", Unit::Week),
        ("each week", Unit::Week),
        ("every week", Unit::Week),
        ("weekly", Unit::Week),
        ("a month", Unit::Month),
        ("per month", Unit::Month),
        ("every month", Unit::Month),
        ("monthly", Unit::Month),
        ("a year", Unit::Year),
        ("per year", Unit::Year),
        ("yearly", Unit::Year),
        ("an hour", Unit::Hour),
        ("per hour", Unit::Hour),
        ("hourly", Unit::Hour),
        ("a night", Unit::Day),
        ("per night", Unit::Day),
    ],
    and_half: &["and a half"],
    proportion: &["in", "in every", "out of"],
    fraction_of: &["of"],
    vague_always: &["within", "past the", "beyond the", "beyond"],
    age_after: &["and older", "or older", "and younger", "or younger"],
    clock_before: &[],
    clock_after: &[
        ("am", 1),
        ("a.m.", 1),
        ("pm", 2),
        ("p.m.", 2),
        ("o'clock", 0),
    ],
    twelve_hour: true,
    not_units: &[
        "in", "at", "on", "and", "or", "for", "of", "to", "the", "with", "if", "until",
    ],
    conjunctions: &["and", "but", "while", "whereas"],
    anchors: &[
        ("morning", "morning"),
        ("mornings", "morning"),
        ("breakfast", "morning"),
        ("evening", "evening"),
        ("evenings", "evening"),
        ("night", "night"),
        ("bedtime", "night"),
        ("adults", "adult"),
        ("adult", "adult"),
        ("children", "child"),
        ("child", "child"),
        ("adolescents", "adolescent"),
        ("infants", "infant"),
        ("elderly", "elderly"),
        ("men", "man"),
        ("women", "woman"),
        ("white", "white"),
        ("yellow", "yellow"),
        ("red", "red"),
        ("blue", "blue"),
        ("green", "green"),
        ("pink", "pink"),
        ("orange", "orange"),
        ("brown", "brown"),
        ("grey", "grey"),
        ("gray", "grey"),
        ("black", "black"),
    ],
    approx_before: &[
        "about",
        "approximately",
        "approx.",
        "around",
        "roughly",
        "nearly",
        "almost",
        "circa",
        "some",
    ],
    approx_after: &[],
    range_connectors: &["to", "or", "–", "—", "-", "~"],
    range_open: &[("between", "and"), ("from", "to")],
    every: &[("every", true), ("each", false)],
    months: &[
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
        ("jan", 1),
        ("jan.", 1),
        ("feb", 2),
        ("feb.", 2),
        ("mar", 3),
        ("mar.", 3),
        ("apr", 4),
        ("apr.", 4),
        ("jun", 6),
        ("jun.", 6),
        ("jul", 7),
        ("jul.", 7),
        ("aug", 8),
        ("aug.", 8),
        ("sep", 9),
        ("sep.", 9),
        ("sept", 9),
        ("sept.", 9),
        ("oct", 10),
        ("oct.", 10),
        ("nov", 11),
        ("nov.", 11),
        ("dec", 12),
        ("dec.", 12),
    ],
    cjk_dates: false,
    index: OnceLock::new(),
};

pub static SV: Table = Table {
    lang: "sv",
    decimal: ',',
    space_grouping: true,
    chinese_numerals: false,
    spaceless: false,
    words: &[
        ("en", 1, Cardinal),
        ("ett", 1, Cardinal),
        ("två", 2, Cardinal),
        ("tre", 3, Cardinal),
        ("fyra", 4, Cardinal),
        ("fem", 5, Cardinal),
        ("sex", 6, Cardinal),
        ("sju", 7, Cardinal),
        ("åtta", 8, Cardinal),
        ("nio", 9, Cardinal),
        ("tio", 10, Cardinal),
        ("elva", 11, Cardinal),
        ("tolv", 12, Cardinal),
        ("tretton", 13, Cardinal),
        ("fjorton", 14, Cardinal),
        ("femton", 15, Cardinal),
        ("sexton", 16, Cardinal),
        ("sjutton", 17, Cardinal),
        ("arton", 18, Cardinal),
        ("nitton", 19, Cardinal),
        ("tjugo", 20, Cardinal),
        ("trettio", 30, Cardinal),
        ("fyrtio", 40, Cardinal),
        ("femtio", 50, Cardinal),
        ("sextio", 60, Cardinal),
        ("sjuttio", 70, Cardinal),
        ("åttio", 80, Cardinal),
        ("nittio", 90, Cardinal),
        ("noll", 0, Cardinal),
        ("hundra", 100, Cardinal),
        ("tusen", 1000, Cardinal),
        ("första", 1, Ordinal),
        ("andra", 2, Ordinal),
        ("tredje", 3, Ordinal),
        ("fjärde", 4, Ordinal),
        ("femte", 5, Ordinal),
        ("sjätte", 6, Ordinal),
        ("sjunde", 7, Ordinal),
        ("åttonde", 8, Ordinal),
        ("nionde", 9, Ordinal),
        ("tionde", 10, Ordinal),
        ("tolfte", 12, Ordinal),
        ("halv", 2, Fraction),
        ("halva", 2, Fraction),
        ("halvt", 2, Fraction),
        ("kvarts", 4, Fraction),
        ("dagligen", 1, Per(Unit::Day)),
        ("veckovis", 1, Per(Unit::Week)),
        ("månatligen", 1, Per(Unit::Month)),
        ("varannan", 2, EveryOther),
        ("vartannat", 2, EveryOther),
        ("dubbel", 2, Times),
        ("dubbelt", 2, Times),
        ("dubbla", 2, Times),
        ("trippel", 3, Times),
        ("miljon", 1_000_000, Multiplier),
        ("miljoner", 1_000_000, Multiplier),
        ("miljard", 1_000_000_000, Multiplier),
        ("miljarder", 1_000_000_000, Multiplier),
        ("årlig", 1, Amount(Unit::Year)),
        ("årligen", 1, Amount(Unit::Year)),
        ("decennium", 10, Amount(Unit::Year)),
    ],
    weak_suffixes: &[],
    ordinal_suffixes: &[":e", ":a"],
    ordinal_prefixes: &[],
    units: &[
        ("timmar", Unit::Hour),
        ("timmarna", Unit::Hour),
        ("timme", Unit::Hour),
        ("timmen", Unit::Hour),
        ("tim", Unit::Hour),
        ("minuter", Unit::Minute),
        ("minut", Unit::Minute),
        ("min", Unit::Minute),
        ("dagar", Unit::Day),
        ("dagarna", Unit::Day),
        ("dag", Unit::Day),
        ("dagen", Unit::Day),
        ("dygn", Unit::Day),
        ("veckor", Unit::Week),
        ("veckorna", Unit::Week),
        ("vecka", Unit::Week),
        ("veckan", Unit::Week),
        ("månader", Unit::Month),
        ("månaderna", Unit::Month),
        ("månad", Unit::Month),
        ("månaden", Unit::Month),
        ("års ålder", Unit::AgeYear),
        ("år gammal", Unit::AgeYear),
        ("år gamla", Unit::AgeYear),
        ("åringar", Unit::AgeYear),
        ("åring", Unit::AgeYear),
        ("år", Unit::Year),
        ("åren", Unit::Year),
        ("procent", Unit::Percent),
        ("gånger", Unit::Times),
        ("gång", Unit::Times),
        ("faldigt", Unit::Times),
        ("grader celsius", Unit::Celsius),
        ("grader fahrenheit", Unit::Fahrenheit),
        ("milligram", Unit::Milligram),
        ("mikrogram", Unit::Microgram),
        ("gram", Unit::Gram),
        ("kilogram", Unit::Kilogram),
        ("kilo", Unit::Kilogram),
        ("milliliter", Unit::Millilitre),
        ("liter", Unit::Litre),
        ("internationella enheter", Unit::InternationalUnit),
        ("tabletter", Unit::Tablet),
        ("tabletterna", Unit::Tablet),
        ("tablett", Unit::Tablet),
        ("tabletten", Unit::Tablet),
        ("kapslar", Unit::Tablet),
        ("kapslarna", Unit::Tablet),
        ("kapsel", Unit::Tablet),
        ("kapseln", Unit::Tablet),
        ("droppar", Unit::Drop),
        ("dropparna", Unit::Drop),
        ("droppe", Unit::Drop),
        ("doser", Unit::Dose),
        ("doserna", Unit::Dose),
        ("dos", Unit::Dose),
        ("dosen", Unit::Dose),
        ("puffar", Unit::Puff),
        ("puff", Unit::Puff),
        ("inhalationer", Unit::Puff),
        ("inhalation", Unit::Puff),
        ("dospåsar", Unit::Sachet),
        ("dospåse", Unit::Sachet),
        ("påsar", Unit::Sachet),
        ("påse", Unit::Sachet),
    ],
    unit_prefixes: &[],
    cmp_before: &[
        ("mer än", Cmp::Gt),
        ("fler än", Cmp::Gt),
        ("högre än", Cmp::Gt),
        ("större än", Cmp::Gt),
        ("över", Cmp::Gt),
        ("överstiger", Cmp::Gt),
        ("överstiga", Cmp::Gt),
        ("överskrider", Cmp::Gt),
        ("överskrida", Cmp::Gt),
        ("minst", Cmp::Ge),
        ("åtminstone", Cmp::Ge),
        ("inte mindre än", Cmp::Ge),
        ("inte färre än", Cmp::Ge),
        ("högst", Cmp::Le),
        ("upp till", Cmp::Le),
        ("inte mer än", Cmp::Le),
        ("inte fler än", Cmp::Le),
        ("inte över", Cmp::Le),
        ("maximalt", Cmp::Le),
        ("max", Cmp::Le),
        ("som mest", Cmp::Le),
        ("som högst", Cmp::Le),
        ("inom", Cmp::Le),
        ("understiger", Cmp::Lt),
        ("kortare än", Cmp::Lt),
        ("längre än", Cmp::Gt),
        ("understiga", Cmp::Lt),
        ("mindre än", Cmp::Lt),
        ("färre än", Cmp::Lt),
        ("lägre än", Cmp::Lt),
        ("under", Cmp::Lt),
    ],
    cmp_after: &[
        ("och äldre", Cmp::Ge),
        ("eller äldre", Cmp::Ge),
        ("och uppåt", Cmp::Ge),
        ("eller mer", Cmp::Ge),
        ("eller fler", Cmp::Ge),
        ("eller flera", Cmp::Ge),
        ("eller senare", Cmp::Ge),
        ("eller högre", Cmp::Ge),
        ("eller nyare", Cmp::Ge),
        ("eller mindre", Cmp::Le),
        ("eller färre", Cmp::Le),
        ("eller tidigare", Cmp::Le),
        ("eller yngre", Cmp::Le),
        ("och yngre", Cmp::Le),
        ("och nedåt", Cmp::Le),
    ],
    negators: &["inte", "ej", "icke", "aldrig"],
    vague_before_time: &["över", "under"],
    per_after: &[
        ("om dagen", Unit::Day),
        ("per dag", Unit::Day),
        ("per dygn", Unit::Day),
        ("om dygnet", Unit::Day),
        ("dagligen", Unit::Day),
        ("varje dag", Unit::Day),
        ("i veckan", Unit::Week),
        ("per vecka", Unit::Week),
        ("varje vecka", Unit::Week),
        ("i månaden", Unit::Month),
        ("per månad", Unit::Month),
        ("varje månad", Unit::Month),
        ("om året", Unit::Year),
        ("per år", Unit::Year),
        ("i timmen", Unit::Hour),
        ("per timme", Unit::Hour),
        ("per natt", Unit::Day),
    ],
    and_half: &["och en halv", "och ett halvt"],
    proportion: &["av", "på"],
    fraction_of: &[],
    vague_always: &["inom"],
    age_after: &["och äldre", "eller äldre", "eller yngre", "och yngre"],
    clock_before: &[("kl.", 0), ("kl", 0), ("klockan", 0)],
    clock_after: &[],
    twelve_hour: false,
    not_units: &[
        "i", "vid", "på", "och", "eller", "för", "av", "till", "med", "om", "tills",
    ],
    conjunctions: &["och", "men", "medan"],
    anchors: &[
        ("morgonen", "morning"),
        ("morgon", "morning"),
        ("morgnar", "morning"),
        ("frukost", "morning"),
        ("kvällen", "evening"),
        ("kväll", "evening"),
        ("kvällar", "evening"),
        ("natten", "night"),
        ("natt", "night"),
        ("läggdags", "night"),
        ("vuxna", "adult"),
        ("vuxen", "adult"),
        ("barn", "child"),
        ("barnet", "child"),
        ("ungdomar", "adolescent"),
        ("spädbarn", "infant"),
        ("män", "man"),
        ("kvinnor", "woman"),
        ("vit", "white"),
        ("vita", "white"),
        ("vitt", "white"),
        ("gul", "yellow"),
        ("gula", "yellow"),
        ("gult", "yellow"),
        ("röd", "red"),
        ("röda", "red"),
        ("rött", "red"),
        ("blå", "blue"),
        ("blått", "blue"),
        ("grön", "green"),
        ("gröna", "green"),
        ("grönt", "green"),
        ("rosa", "pink"),
        ("orange", "orange"),
        ("brun", "brown"),
        ("bruna", "brown"),
        ("brunt", "brown"),
        ("grå", "grey"),
        ("grått", "grey"),
        ("svart", "black"),
        ("svarta", "black"),
    ],
    approx_before: &["cirka", "ca", "ca.", "ungefär", "omkring", "runt", "nästan"],
    approx_after: &[],
    range_connectors: &["till", "eller", "–", "—", "-", "~"],
    range_open: &[("mellan", "och"), ("från", "till")],
    every: &[("varje", true), ("var", false)],
    months: &[
        ("januari", 1),
        ("februari", 2),
        ("mars", 3),
        ("april", 4),
        ("maj", 5),
        ("juni", 6),
        ("juli", 7),
        ("augusti", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("december", 12),
        ("jan", 1),
        ("jan.", 1),
        ("febr.", 2),
        ("feb.", 2),
        ("feb", 2),
        ("apr.", 4),
        ("apr", 4),
        ("jun.", 6),
        ("jul.", 7),
        ("aug.", 8),
        ("aug", 8),
        ("sep.", 9),
        ("sept.", 9),
        ("sep", 9),
        ("okt.", 10),
        ("okt", 10),
        ("nov.", 11),
        ("nov", 11),
        ("dec.", 12),
        ("dec", 12),
    ],
    cjk_dates: false,
    index: OnceLock::new(),
};

pub static ZH: Table = Table {
    lang: "zh",
    decimal: '.',
    space_grouping: false,
    chinese_numerals: true,
    spaceless: true,
    words: &[
        ("每日", 1, Per(Unit::Day)),
        ("每天", 1, Per(Unit::Day)),
        ("每晚", 1, Per(Unit::Day)),
        ("每周", 1, Per(Unit::Week)),
        ("每星期", 1, Per(Unit::Week)),
        ("每月", 1, Per(Unit::Month)),
        ("每年", 1, Per(Unit::Year)),
        ("每小时", 1, Per(Unit::Hour)),
        ("隔", 2, EveryOther),
        ("一半", 2, Fraction),
        ("半", 2, Fraction),
        ("双倍", 2, Times),
        ("翻倍", 2, Times),
        ("加倍", 2, Times),
        ("全年", 1, Amount(Unit::Year)),
        ("九五折", 5, Amount(Unit::Percent)),
        ("九折", 10, Amount(Unit::Percent)),
        ("八五折", 15, Amount(Unit::Percent)),
        ("八折", 20, Amount(Unit::Percent)),
        ("七五折", 25, Amount(Unit::Percent)),
        ("七折", 30, Amount(Unit::Percent)),
        ("六折", 40, Amount(Unit::Percent)),
        ("五折", 50, Amount(Unit::Percent)),
        ("半价", 50, Amount(Unit::Percent)),
    ],
    weak_suffixes: &[],
    ordinal_suffixes: &[],
    ordinal_prefixes: &["第"],
    units: &[
        ("个小时", Unit::Hour),
        ("小时", Unit::Hour),
        ("个钟头", Unit::Hour),
        ("分钟", Unit::Minute),
        ("天", Unit::Day),
        ("日", Unit::Day),
        ("个星期", Unit::Week),
        ("星期", Unit::Week),
        ("周", Unit::Week),
        ("个月", Unit::Month),
        ("年", Unit::Year),
        ("周岁", Unit::AgeYear),
        ("岁", Unit::AgeYear),
        ("倍", Unit::Times),
        ("次", Unit::Times),
        ("摄氏度", Unit::Celsius),
        ("度", Unit::Celsius),
        ("毫克", Unit::Milligram),
        ("微克", Unit::Microgram),
        ("毫升", Unit::Millilitre),
        ("升", Unit::Litre),
        ("克", Unit::Gram),
        ("千克", Unit::Kilogram),
        ("公斤", Unit::Kilogram),
        ("华氏度", Unit::Fahrenheit),
        ("国际单位", Unit::InternationalUnit),
        ("单位", Unit::InternationalUnit),
        ("片", Unit::Tablet),
        ("粒", Unit::Tablet),
        ("颗", Unit::Tablet),
        ("胶囊", Unit::Tablet),
        ("滴", Unit::Drop),
        ("剂", Unit::Dose),
        ("喷", Unit::Puff),
        ("揿", Unit::Puff),
        ("袋", Unit::Sachet),
    ],
    unit_prefixes: &[("百分之", Unit::Percent)],
    cmp_before: &[
        ("大于", Cmp::Gt),
        ("超过", Cmp::Gt),
        ("高于", Cmp::Gt),
        ("多于", Cmp::Gt),
        ("不少于", Cmp::Ge),
        ("不低于", Cmp::Ge),
        ("至少", Cmp::Ge),
        ("小于", Cmp::Lt),
        ("低于", Cmp::Lt),
        ("少于", Cmp::Lt),
        ("不到", Cmp::Lt),
        ("至多", Cmp::Le),
        ("未满", Cmp::Lt),
        ("不足", Cmp::Lt),
        ("超出", Cmp::Gt),
        ("高达", Cmp::Le),
        ("不超过", Cmp::Le),
        ("不应超过", Cmp::Le),
        ("不得超过", Cmp::Le),
        ("不高于", Cmp::Le),
        ("最多", Cmp::Le),
        ("多达", Cmp::Le),
        ("最高", Cmp::Le),
    ],
    cmp_after: &[
        ("及以上", Cmp::Ge),
        ("或以上", Cmp::Ge),
        ("以上", Cmp::Ge),
        ("或更多", Cmp::Ge),
        ("或更高", Cmp::Ge),
        ("或更新", Cmp::Ge),
        ("及以下", Cmp::Le),
        ("或以下", Cmp::Le),
        ("以下", Cmp::Le),
        ("多个", Cmp::Gt),
        ("多", Cmp::Gt),
        ("余", Cmp::Gt),
        ("以内", Cmp::Le),
        ("之内", Cmp::Le),
        ("内", Cmp::Le),
        ("或更早", Cmp::Le),
        ("或更低", Cmp::Le),
    ],
    negators: &[
        "不", "不要", "不宜", "不得", "不能", "不应", "不可", "别", "勿", "切勿", "请勿",
    ],
    vague_before_time: &[],
    per_after: &[],
    and_half: &["半"],
    proportion: &[],
    fraction_of: &[],
    vague_always: &["以内", "之内", "内"],
    age_after: &[],
    clock_before: &[
        ("凌晨", 1),
        ("早上", 1),
        ("早晨", 1),
        ("上午", 1),
        ("中午", 3),
        ("下午", 2),
        ("傍晚", 2),
        ("晚上", 2),
    ],
    clock_after: &[("点钟", 0), ("点", 0)],
    twelve_hour: true,
    not_units: &[],
    conjunctions: &["和", "及", "与", "而", "但"],
    anchors: &[
        ("早上", "morning"),
        ("早晨", "morning"),
        ("上午", "morning"),
        ("早餐", "morning"),
        ("晚上", "evening"),
        ("傍晚", "evening"),
        ("晚间", "evening"),
        ("夜间", "night"),
        ("睡前", "night"),
        ("成年人", "adult"),
        ("成人", "adult"),
        ("儿童", "child"),
        ("小儿", "child"),
        ("孩子", "child"),
        ("青少年", "adolescent"),
        ("婴儿", "infant"),
        ("老年人", "elderly"),
        ("男性", "man"),
        ("女性", "woman"),
        ("白色", "white"),
        ("黄色", "yellow"),
        ("红色", "red"),
        ("蓝色", "blue"),
        ("绿色", "green"),
        ("粉红色", "pink"),
        ("粉色", "pink"),
        ("橙色", "orange"),
        ("棕色", "brown"),
        ("灰色", "grey"),
        ("黑色", "black"),
    ],
    approx_before: &["大约", "大概", "约", "近"],
    approx_after: &["左右"],
    range_connectors: &["至", "到", "或", "~", "～", "-", "–", "—"],
    range_open: &[],
    every: &[("每隔", true), ("每", true)],
    months: &[],
    cjk_dates: true,
    index: OnceLock::new(),
};

/// Languages with no table: digits and symbols only, so their words never make noise.
pub static DIGITS: Table = Table {
    lang: "",
    decimal: '.',
    space_grouping: false,
    chinese_numerals: false,
    spaceless: false,
    words: &[],
    weak_suffixes: &[],
    ordinal_suffixes: &[],
    ordinal_prefixes: &[],
    units: &[],
    unit_prefixes: &[],
    cmp_before: &[],
    cmp_after: &[],
    negators: &[],
    vague_before_time: &[],
    per_after: &[],
    and_half: &[],
    proportion: &[],
    fraction_of: &[],
    vague_always: &[],
    age_after: &[],
    clock_before: &[],
    clock_after: &[],
    twelve_hour: false,
    not_units: &[],
    conjunctions: &[],
    anchors: &[],
    approx_before: &[],
    approx_after: &[],
    range_connectors: &["–", "—"],
    range_open: &[],
    every: &[],
    months: &[],
    cjk_dates: false,
    index: OnceLock::new(),
};

/// The table for a locale tag (`sv-SE` → Swedish), by its language subtag.
pub fn table_for(tag: &str) -> &'static Table {
    let lang = tag.split(['-', '_']).next().unwrap_or("");
    match lang.to_ascii_lowercase().as_str() {
        "en" => &EN,
        "sv" => &SV,
        "zh" => &ZH,
        _ => &DIGITS,
    }
}
