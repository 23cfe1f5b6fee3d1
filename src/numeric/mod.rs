//! Quantities in running text: numbers, units, limits, ranges, dates and frequencies, read the way
//! each language writes them, and normalised so that `5,9 nM` (sv), `5.9 nM` (en) and `十二周` /
//! `12 weeks` compare equal.
//!
//! Each language is a [`tables::Table`] of words and patterns; the scanner in this module is the
//! same for all of them. Languages without a table are read for digits and symbols only.
//! Extraction is one left-to-right pass; every look-around is bounded by the length of a table
//! phrase, so the cost is linear in the text length.

mod binding;
mod compare;
mod decimal;
pub mod dose;
pub mod tables;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

pub use binding::{moved, Moved};
pub use compare::{compare, compare_pairs, Diff};
pub use decimal::{Decimal, DecimalKey, DigitBuilder};
pub use tables::{table_for, Table};

use tables::{Phrases, WordKind};

/// A canonical unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    NanoMolar,
    MicroMolar,
    Milligram,
    Gram,
    Microgram,
    Kilogram,
    Millilitre,
    Percent,
    Celsius,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    /// Age in years (`aged 75`, `75 års ålder`, `75岁`).
    AgeYear,
    /// Multipliers and repetitions (`10-fold`, `100 gånger`, `100倍`, `2x`, `twice`).
    Times,
    Gigabyte,
    Megabyte,
    Fahrenheit,
    /// International units (`IU`, `IE`, `国际单位`).
    InternationalUnit,
    MilligramPerKilogram,
    MicrogramPerKilogram,
    MilligramPerMillilitre,
    Litre,
    /// Tablets, capsules and pills (`片` and `粒` are both).
    Tablet,
    Drop,
    Dose,
    /// Puffs and inhalations.
    Puff,
    Sachet,
    /// A proportion "1 in N" (`1 in 10`, `1 av 10`, `1/10`, `十分之一`); the value is N.
    OneIn,
}

impl Unit {
    /// The canonical name, as shown in messages and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Unit::NanoMolar => "nM",
            Unit::MicroMolar => "µM",
            Unit::Milligram => "mg",
            Unit::Gram => "g",
            Unit::Microgram => "µg",
            Unit::Kilogram => "kg",
            Unit::Millilitre => "ml",
            Unit::Percent => "%",
            Unit::Celsius => "°C",
            Unit::Minute => "minutes",
            Unit::Hour => "hours",
            Unit::Day => "days",
            Unit::Week => "weeks",
            Unit::Month => "months",
            Unit::Year => "years",
            Unit::AgeYear => "years of age",
            Unit::Times => "times",
            Unit::Gigabyte => "GB",
            Unit::Megabyte => "MB",
            Unit::Fahrenheit => "°F",
            Unit::InternationalUnit => "IU",
            Unit::MilligramPerKilogram => "mg/kg",
            Unit::MicrogramPerKilogram => "µg/kg",
            Unit::MilligramPerMillilitre => "mg/ml",
            Unit::Litre => "l",
            Unit::Tablet => "tablets or capsules",
            Unit::Drop => "drops",
            Unit::Dose => "doses",
            Unit::Puff => "puffs",
            Unit::Sachet => "sachets",
            Unit::OneIn => "1 in N",
        }
    }

    pub fn is_time(self) -> bool {
        matches!(
            self,
            Unit::Minute | Unit::Hour | Unit::Day | Unit::Week | Unit::Month | Unit::Year
        )
    }

    /// Units of a dose or a strength (`mg`, `µg`, `ml`, `IU`, `mg/kg`): not a body weight
    /// (`kg`), a concentration in per cent, a temperature or a time.
    pub fn is_dose(self) -> bool {
        matches!(
            self,
            Unit::Milligram
                | Unit::Gram
                | Unit::Microgram
                | Unit::Millilitre
                | Unit::Litre
                | Unit::InternationalUnit
                | Unit::MilligramPerKilogram
                | Unit::MicrogramPerKilogram
                | Unit::MilligramPerMillilitre
        )
    }

    /// Units that count things (tablets, drops, doses): `one tablet` says something.
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Unit::Tablet | Unit::Drop | Unit::Dose | Unit::Puff | Unit::Sachet
        )
    }

    /// What the unit measures and how many of that dimension's smallest unit one of it is, for
    /// the units that convert exactly into each other (`12 months` = `1 year`, `2 weeks` =
    /// `14 days`, `1000 mg` = `1 g`); every other unit is a dimension of its own, of size 1.
    /// Amounts in two units of one dimension are equal when their values times the sizes are.
    pub fn base(self) -> (Dimension, u64) {
        match self {
            Unit::Minute => (Dimension::Duration, 1),
            Unit::Hour => (Dimension::Duration, 60),
            Unit::Day => (Dimension::Duration, 1440),
            Unit::Week => (Dimension::Duration, 10080),
            Unit::Month => (Dimension::Calendar, 1),
            Unit::Year | Unit::AgeYear => (Dimension::Calendar, 12),
            Unit::Microgram => (Dimension::Mass, 1),
            Unit::Milligram => (Dimension::Mass, 1_000),
            Unit::Gram => (Dimension::Mass, 1_000_000),
            Unit::Kilogram => (Dimension::Mass, 1_000_000_000),
            Unit::Millilitre => (Dimension::Volume, 1),
            Unit::Litre => (Dimension::Volume, 1_000),
            u => (Dimension::Other(u), 1),
        }
    }

    /// The dimension the unit measures (see [`Unit::base`]).
    pub fn dimension(self) -> Dimension {
        self.base().0
    }

    /// `value` (an amount in this unit) in the smallest unit of its dimension, exactly.
    pub fn to_base(self, value: &Decimal) -> Decimal {
        match self.base().1 {
            1 => value.clone(),
            k => value.mul(&Decimal::from(k)),
        }
    }

    /// Whether two units measure the same thing (Swedish `år` is both a duration and an age).
    pub fn same(self, other: Unit) -> bool {
        self == other
            || matches!(
                (self, other),
                (Unit::Year, Unit::AgeYear) | (Unit::AgeYear, Unit::Year)
            )
    }
}

/// What a unit measures, for [`Unit::base`]: units of one dimension convert into each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Minutes, hours, days, weeks (in minutes).
    Duration,
    /// Months and years (in months).
    Calendar,
    /// µg, mg, g, kg (in µg).
    Mass,
    /// ml, l (in ml).
    Volume,
    /// A unit that converts into no other (`%`, `°C`, `nM`, `GB`, …).
    Other(Unit),
}

/// A limit or an approximation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Gt,
    Ge,
    Lt,
    Le,
    Approx,
}

impl Cmp {
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Gt => ">",
            Cmp::Ge => "≥",
            Cmp::Lt => "<",
            Cmp::Le => "≤",
            Cmp::Approx => "≈",
        }
    }

    /// The limit a negation makes of this one (`not more than` is "at most").
    pub fn negated(self) -> Cmp {
        match self {
            Cmp::Gt => Cmp::Le,
            Cmp::Ge => Cmp::Lt,
            Cmp::Lt => Cmp::Ge,
            Cmp::Le => Cmp::Gt,
            Cmp::Approx => Cmp::Approx,
        }
    }

    /// The limit in English words, for messages.
    pub fn words(self) -> &'static str {
        match self {
            Cmp::Gt => "more than",
            Cmp::Ge => "at least",
            Cmp::Lt => "less than",
            Cmp::Le => "at most",
            Cmp::Approx => "about",
        }
    }

    /// +1 for a lower limit, -1 for an upper limit, 0 for an approximation.
    fn direction(self) -> i8 {
        match self {
            Cmp::Gt | Cmp::Ge => 1,
            Cmp::Lt | Cmp::Le => -1,
            Cmp::Approx => 0,
        }
    }
}

/// What sort of quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Number,
    Ordinal,
    Date,
    Frequency,
    /// A token that contains digits but is not an amount (`JAK1`, `56.0.1`, a URL): it must
    /// appear verbatim on both sides.
    Identifier,
    /// A time of day, in minutes after midnight (`8 pm`, `kl. 20.00`, `晚上8点`, `20:00`).
    Time,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Ordinal => "ordinal",
            Kind::Date => "date",
            Kind::Frequency => "frequency",
            Kind::Identifier => "identifier",
            Kind::Time => "time",
        }
    }
}

/// A calendar date; parts the text leaves out are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Date {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// One quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity<'s> {
    /// The quantity as written, with its comparator, unit and range.
    pub text: &'s str,
    /// Byte range of `text` in the file.
    pub span: Range<usize>,
    pub kind: Kind,
    /// The value, exactly (for a date, its year or 0; for an identifier, 0).
    pub value: Decimal,
    /// The other reading of an ambiguous separator (`1,000` is 1000 in en, 1 in sv).
    pub alt: Option<Decimal>,
    /// The upper end of a range.
    pub end: Option<Decimal>,
    pub unit: Option<Unit>,
    pub cmp: Option<Cmp>,
    /// Whether the comparator is a symbol (`>`), which is reliable, rather than a word.
    pub symbolic: bool,
    /// For frequencies: whether the "every" word is unambiguous.
    pub reliable_every: bool,
    pub date: Option<Date>,
    /// Spelt with a word that is often not a number (`en`, `一`, `a`, `twice`, `andra`): it may
    /// satisfy a quantity on the other side but is never reported by itself.
    pub weak: bool,
    /// Spelt in words or Chinese numerals with a unit (`fyra år`, `十年`): compared with the
    /// other side, but never reported as missing or extra by itself (`decade` is `十年`).
    pub spelled: bool,
    /// For a frequency: how many times in each period (`twice a day`: 2 per 1 day; `every 12
    /// hours`: 1 per 12 hours). 1 for everything else.
    pub count: u32,
    /// The comparator word may mean "during" (`over 2 weeks`, `under 2 veckor`): the limit is
    /// left open and agrees with any.
    pub vague: bool,
    /// The unit is a symbol every language writes the same way (`°C`, `mg`, `%`).
    pub unit_symbol: bool,
    /// Nothing that could be a unit follows the number (punctuation, a digit or the end).
    pub bare: bool,
    /// Digits glued right after a letter of another script or a CJK character (`文件1`), as in
    /// a translated placeholder name.
    pub after_word: bool,
    /// A frequency made of a count of times and a period (`twice a day`, `每天两次`), which
    /// may also be said as a count of things in the period (`3 bowel movements a week`).
    pub counted: bool,
}

impl<'s> Quantity<'s> {
    /// A quantity with nothing but its text, place, kind and value.
    pub fn new(text: &'s str, span: Range<usize>, kind: Kind, value: Decimal) -> Self {
        Quantity {
            text,
            span,
            kind,
            value,
            alt: None,
            end: None,
            unit: None,
            cmp: None,
            symbolic: false,
            reliable_every: false,
            date: None,
            weak: false,
            spelled: false,
            count: 1,
            vague: false,
            unit_symbol: false,
            bare: false,
            after_word: false,
            counted: false,
        }
    }
}

/// A run of text from a message, with its byte offset in the file.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'s> {
    pub text: &'s str,
    pub offset: usize,
}

/// Every quantity and identifier in `pieces` (the text elements of one message part, in order),
/// read with `table`. Markup tags and character references are skipped, also across pieces.
pub fn extract<'s>(pieces: &[Piece<'s>], table: &Table) -> Vec<Quantity<'s>> {
    let mut out = Vec::new();
    extract_into(pieces, table, &mut out);
    out
}

/// [`extract`] into `out`, which is cleared first (to reuse its allocation across calls).
pub fn extract_into<'s>(pieces: &[Piece<'s>], table: &Table, out: &mut Vec<Quantity<'s>>) {
    read_pieces(pieces, table, out, table.cache_slot());
}

/// [`extract_str`] without the cache of piece texts: what reading a text costs (for
/// benchmarks).
#[doc(hidden)]
pub fn extract_str_uncached<'s>(text: &'s str, table: &Table) -> Vec<Quantity<'s>> {
    let mut out = Vec::new();
    read_pieces(&[Piece { text, offset: 0 }], table, &mut out, None);
    out
}

/// Reads `pieces` into `out` (cleared first), through the piece cache's `slot` if one is given.
fn read_pieces<'s>(
    pieces: &[Piece<'s>],
    table: &Table,
    out: &mut Vec<Quantity<'s>>,
    slot: Option<usize>,
) {
    out.clear();
    let mut in_tag = false;
    let mut lower = String::new();
    // While the cache is paused, the pieces are read without it.
    let slot = slot.filter(|_| piece_cache::active(pieces.len()));
    for piece in pieces {
        let cached = slot.filter(|_| piece_cache::worth_it(piece.text));
        if let Some(slot) = cached {
            match piece_cache::replay(slot, in_tag, piece, out) {
                piece_cache::Replay::Hit(tag) => {
                    in_tag = tag;
                    continue;
                }
                piece_cache::Replay::Miss => {}
                piece_cache::Replay::Off => {
                    in_tag = scan_piece(table, piece, in_tag, out, &mut lower);
                    continue;
                }
            }
        }
        let before = out.len();
        let tag = scan_piece(table, piece, in_tag, out, &mut lower);
        if let Some(slot) = cached {
            piece_cache::record(slot, in_tag, piece, &out[before..], tag);
        }
        in_tag = tag;
    }
}

/// Reads one piece into `out`; whether it ends inside a markup tag.
fn scan_piece<'s>(
    table: &Table,
    piece: &Piece<'s>,
    in_tag: bool,
    out: &mut Vec<Quantity<'s>>,
    lower: &mut String,
) -> bool {
    Scan {
        t: table,
        s: piece.text,
        base: piece.offset,
        out,
        lower,
    }
    .run(in_tag)
}

/// The quantities of recently read piece texts, per thread. A generated or templated leaflet
/// repeats its phrases (`Ta 4 mg en gång om dagen.` in every section), and a piece's quantities
/// depend only on its text, the table and whether it starts inside a markup tag (a scan never
/// looks outside its piece), so a repeated piece is read once.
///
/// Only short texts are looked up (long ones rarely repeat). The cache watches its hit
/// rate: where texts do not repeat (a real product's strings are mostly unique), it turns itself
/// off for a while, so that it costs next to nothing. Bounded in memory: it is emptied when its
/// texts reach `MAX_BYTES`.
mod piece_cache {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use super::{Piece, Quantity};

    /// Longer texts are read every time (they rarely repeat).
    const MAX_TEXT: usize = 512;
    /// The texts a thread's cache may hold before it is emptied.
    const MAX_BYTES: usize = 4 << 20;
    /// Look-ups per measurement of the hit rate, and the hits below which the cache turns off.
    const WINDOW: u32 = 2048;
    const MIN_HITS: u32 = WINDOW / 3;
    /// Pieces read without the cache once it has turned off, before it is tried again.
    const PAUSE: u32 = 64 * 1024;

    /// Quantities with spans relative to the piece and no text (it is cut again from the piece
    /// it is replayed into), and the tag state after the piece.
    type Entry = (Box<[Quantity<'static>]>, bool);
    type Map = HashMap<Box<str>, Entry, foldhash::fast::FixedState>;

    #[derive(Default)]
    struct Cache {
        /// One map per table slot and starting tag state.
        maps: Vec<Map>,
        bytes: usize,
        lookups: u32,
        hits: u32,
        /// Pieces left to read without the cache.
        paused: u32,
    }

    thread_local! {
        static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
    }

    /// Whether the cache is on for a text of `pieces` pieces (counting them off a pause).
    pub fn active(pieces: usize) -> bool {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let n = u32::try_from(pieces).unwrap_or(u32::MAX);
            c.paused = c.paused.saturating_sub(n);
            c.paused == 0
        })
    }

    /// Whether `text` is worth looking up: short.
    pub fn worth_it(text: &str) -> bool {
        text.len() <= MAX_TEXT
    }

    fn index(slot: usize, in_tag: bool) -> usize {
        slot * 2 + usize::from(in_tag)
    }

    pub enum Replay {
        /// Replayed; the tag state after the piece.
        Hit(bool),
        /// Not cached: read it and [`record`] what it gave.
        Miss,
        /// The cache is paused: read it.
        Off,
    }

    /// Appends the cached quantities of `piece` to `out`.
    pub fn replay<'s>(
        slot: usize,
        in_tag: bool,
        piece: &Piece<'s>,
        out: &mut Vec<Quantity<'s>>,
    ) -> Replay {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.paused > 0 {
                return Replay::Off;
            }
            c.lookups += 1;
            let found = c
                .maps
                .get(index(slot, in_tag))
                .and_then(|m| m.get(piece.text))
                .map(|(qs, tag)| {
                    out.extend(qs.iter().map(|q| {
                        let mut q: Quantity<'s> = q.clone();
                        q.text = &piece.text[q.span.clone()];
                        q.span = q.span.start + piece.offset..q.span.end + piece.offset;
                        q
                    }));
                    *tag
                });
            c.hits += u32::from(found.is_some());
            if c.lookups == WINDOW {
                if c.hits < MIN_HITS {
                    c.paused = PAUSE;
                    c.maps.clear();
                    c.bytes = 0;
                }
                c.lookups = 0;
                c.hits = 0;
            }
            found.map_or(Replay::Miss, Replay::Hit)
        })
    }

    /// Remembers what reading `piece` gave.
    pub fn record(slot: usize, in_tag: bool, piece: &Piece<'_>, qs: &[Quantity<'_>], tag: bool) {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.paused > 0 {
                return;
            }
            if c.bytes + piece.text.len() > MAX_BYTES {
                c.maps.clear();
                c.bytes = 0;
            }
            let i = index(slot, in_tag);
            if c.maps.len() <= i {
                c.maps.resize_with(i + 1, Map::default);
            }
            let local: Box<[Quantity<'static>]> = qs
                .iter()
                .map(|q| {
                    let span = q.span.start - piece.offset..q.span.end - piece.offset;
                    debug_assert_eq!(q.text, &piece.text[span.clone()]);
                    Quantity {
                        text: "",
                        span,
                        ..q.clone()
                    }
                })
                .collect();
            c.bytes += piece.text.len();
            c.maps[i].insert(piece.text.into(), (local, tag));
        })
    }
}

type RefMap<'s> = HashMap<
    (usize, Option<&'s str>),
    Arc<Vec<Quantity<'s>>>,
    std::hash::BuildHasherDefault<tables::Fnv>,
>;

/// The quantities of reference message parts, shared by the units of every translation locale
/// (each reference part is otherwise read once per locale). Keyed by the address of the
/// reference pattern (stable while the project is alive) and the chosen variant key.
#[derive(Default)]
pub struct RefCache<'s> {
    map: Mutex<RefMap<'s>>,
}

impl<'s> RefCache<'s> {
    /// The cached quantities for `(pattern, key)`, computing them with `f` on a miss (outside
    /// the lock; a race computes the same value twice).
    pub fn get_or_insert<T>(
        &self,
        pattern: &T,
        key: Option<&'s str>,
        f: impl FnOnce() -> Vec<Quantity<'s>>,
    ) -> Arc<Vec<Quantity<'s>>> {
        let k = (pattern as *const T as usize, key);
        if let Some(v) = self.lock().get(&k) {
            return Arc::clone(v);
        }
        let v = Arc::new(f());
        Arc::clone(self.lock().entry(k).or_insert(v))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, RefMap<'s>> {
        self.map
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What differs between a reference text and its translation: the quantities that differ
/// ([`compare`]) and the equal ones given to other things ([`binding`]).
pub struct Comparison<'a, 's> {
    pub diffs: Vec<Diff<'a, 's>>,
    pub moved: Vec<Moved<'a, 's>>,
}

/// Compares the quantities `r` read from `r_pieces` with `r_table` and the translation's `t`
/// read from `t_pieces` with `t_table`.
pub fn compare_in<'a, 's>(
    (r, r_pieces, r_table): (&'a [Quantity<'s>], &[Piece<'s>], &Table),
    (t, t_pieces, t_table): (&'a [Quantity<'s>], &[Piece<'s>], &Table),
) -> Comparison<'a, 's> {
    let mut pairs = Vec::new();
    let diffs = compare_pairs(r, t, &mut pairs);
    let moved = binding::moved(r, r_pieces, r_table, t, t_pieces, t_table, &pairs);
    Comparison { diffs, moved }
}

/// [`compare_in`] of two strings whose offsets are 0 (for tests and tools): how many
/// differences, moved values included.
pub fn differences_str(
    reference: &str,
    r_table: &Table,
    translation: &str,
    t_table: &Table,
) -> usize {
    let rp = [Piece {
        text: reference,
        offset: 0,
    }];
    let tp = [Piece {
        text: translation,
        offset: 0,
    }];
    let r = extract(&rp, r_table);
    let t = extract(&tp, t_table);
    let c = compare_in((&r, &rp, r_table), (&t, &tp, t_table));
    c.diffs.len() + c.moved.len()
}

/// Extracts from one string whose offset is 0 (for tests and tools).
pub fn extract_str<'s>(text: &'s str, table: &Table) -> Vec<Quantity<'s>> {
    extract(&[Piece { text, offset: 0 }], table)
}

/// How a number was spelt.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Src {
    Digits,
    Word,
    Chinese,
}

/// A number as read, before its context.
#[derive(Debug, Clone)]
struct Num {
    start: usize,
    end: usize,
    value: Decimal,
    alt: Option<Decimal>,
    unit: Option<Unit>,
    ordinal: bool,
    src: Src,
    /// A word with the unit built in (`twice`, `dubbel`).
    implied_unit: bool,
    /// `a` / `an`: only a number when a unit follows.
    article: bool,
    /// Where the number itself ends, before a glued unit.
    num_end: usize,
    /// A loose mention (`1990s`): never reported by itself.
    loose: bool,
    /// What the number word is, for a word.
    word: Option<WordKind>,
    /// The unit is a symbol (`mg`, `°C`).
    unit_symbol: bool,
    /// Hours and minutes written as a clock (`20:00`, `9:30`).
    clock: Option<(u32, u32)>,
}

impl Num {
    /// A number read from `start` to `end` with nothing glued to it or around it.
    fn bare(start: usize, end: usize, value: Decimal, src: Src) -> Num {
        Num {
            start,
            end,
            value,
            alt: None,
            unit: None,
            ordinal: false,
            src,
            implied_unit: false,
            article: false,
            num_end: end,
            loose: false,
            word: None,
            unit_symbol: false,
            clock: None,
        }
    }
}

/// What [`Scan::read`] found at a position.
enum Read {
    Num(Num),
    /// A token to match verbatim, and where it ends.
    Ident(usize, usize),
    /// An ISO date.
    Date(usize, usize, Date),
    /// Nothing usable; continue after this position.
    Skip(usize),
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// A letter or digit of a space-separated script.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if (c as u32) < 0x100 {
        // `²`, `³`, `¹` and `¼`–`¾` are numeric.
        is_latin1_letter(c) || matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}')
    } else {
        !is_cjk(c) && c.is_alphanumeric()
    }
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if (c as u32) < 0x100 {
        is_latin1_letter(c)
    } else {
        !is_cjk(c) && c.is_alphabetic()
    }
}

/// `char::is_alphabetic` for U+0080–U+00FF (`å`, `ä`, `ö`, `é`, …) without Unicode tables.
fn is_latin1_letter(c: char) -> bool {
    matches!(c, '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{ff}')
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{3000}'
    )
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The power of ten a Chinese numeral character stands for (`十` 1, `万` 4).
fn cn_power(c: char) -> Option<u32> {
    Some(match c {
        '十' => 1,
        '百' => 2,
        '千' => 3,
        '万' => 4,
        '亿' => 8,
        _ => return None,
    })
}

/// Every character [`is_cn_numeral`] accepts.
const CN_NUMERALS: &[char] = &[
    '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万',
    '亿',
];

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_power(c).is_some()
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

fn skip_space(s: &str, mut i: usize) -> usize {
    // ASCII bytes without decoding: this runs several times around every number.
    let b = s.as_bytes();
    loop {
        match b.get(i) {
            Some(b' ' | b'\t') => i += 1,
            Some(&x) if x >= 0x80 => match char_at(s, i) {
                Some(c) if is_space(c) => i += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    i
}

fn skip_space_back(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    loop {
        match i.checked_sub(1).map(|j| b[j]) {
            Some(b' ' | b'\t') => i -= 1,
            Some(x) if x >= 0x80 => match char_before(s, i) {
                Some(c) if is_space(c) => i -= c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    i
}

/// The lowercase of `c` when it is a single character (what [`chars_eq`] folds to).
fn lower1(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

fn chars_eq(text: char, phrase: char, fold: bool) -> bool {
    if text == phrase {
        return true;
    }
    if phrase == ' ' {
        return is_space(text);
    }
    if !fold {
        return false;
    }
    if text.is_ascii() {
        // The common case, without Unicode case tables.
        return text.to_ascii_lowercase() == phrase;
    }
    text.to_lowercase().eq(std::iter::once(phrase))
}

/// Whether the text character with the lead byte `lead` and the first (or last) byte `t` cannot
/// be one that [`chars_eq`] matches with the phrase character with the first (or last) byte
/// `p`; `false` means "maybe". Folding, only non-ASCII text characters outside U+3000–U+9FFF
/// (CJK, which has no case) are left open: one may fold to an ASCII one, or be a space.
#[inline]
fn cannot_match(lead: u8, t: u8, p: u8, fold: bool) -> bool {
    if p == b' ' {
        // Any space matches a phrase space (U+3000 among them).
        return t < 0x80 && t != b' ' && t != b'\t';
    }
    if !fold || (0xE3..=0xE9).contains(&lead) {
        // Equal characters have equal encodings.
        return t != p;
    }
    if t >= 0x80 {
        return false;
    }
    // An ASCII character neither equals nor folds to a non-ASCII one.
    p >= 0x80 || (t != p && t.to_ascii_lowercase() != p)
}

/// Where `phrase` ends if `s[i..]` starts with it (at a word boundary for word characters).
#[inline(always)]
fn match_at(s: &str, i: usize, phrase: &str, fold: bool) -> Option<usize> {
    // Most phrases are rejected by their first byte, without decoding anything (and inline, as
    // the tables are scanned phrase by phrase).
    if let Some(&p) = phrase.as_bytes().first() {
        let t = *s.as_bytes().get(i)?;
        if cannot_match(t, t, p, fold) {
            return None;
        }
    }
    match_at_full(s, i, phrase, fold)
}

#[inline(never)]
fn match_at_full(s: &str, i: usize, phrase: &str, fold: bool) -> Option<usize> {
    let rest = s.get(i..)?;
    let p = phrase.as_bytes();
    let end = match bytes_match(rest.as_bytes().get(..p.len()), p, fold, false) {
        Some(true) => i + p.len(),
        Some(false) => return None,
        None => {
            let mut it = rest.char_indices();
            for p in phrase.chars() {
                let (_, c) = it.next()?;
                if !chars_eq(c, p, fold) {
                    return None;
                }
            }
            it.next().map_or(s.len(), |(o, _)| i + o)
        }
    };
    let last = phrase.chars().next_back().unwrap_or(' ');
    if is_letter(last) && char_at(s, end).is_some_and(is_word) {
        return None;
    }
    Some(end)
}

/// Whether the text bytes `t` (as many as the phrase has, if the text has them) spell the phrase
/// bytes `p` the way [`chars_eq`] compares characters, when the bytes alone can tell: equal bytes
/// are equal characters, two ASCII characters compare as they are, and an ASCII text character
/// never matches a non-ASCII phrase character. `None` means: decode and
/// compare characters (a non-ASCII space, or a letter whose lowercase is another character).
/// `backwards` compares from the end, where a phrase matched before a position is anchored.
#[inline(always)]
fn bytes_match(t: Option<&[u8]>, p: &[u8], fold: bool, backwards: bool) -> Option<bool> {
    // Without folding, a phrase without spaces matches only its own bytes.
    let exact = !fold && !p.contains(&b' ');
    let Some(t) = t else {
        return if exact { Some(false) } else { None };
    };
    // `Some(answer)` ends the comparison. The bytes from the anchor up to an ASCII pair are
    // alike, so the pair is two whole characters.
    let differ = |a: u8, b: u8| {
        if a == b
            || (a < 0x80
                && b < 0x80
                && ((b == b' ' && a == b'\t') || (fold && a.to_ascii_lowercase() == b)))
        {
            None
        } else if a < 0x80 || exact {
            // An ASCII text character never equals, folds to or spaces like a non-ASCII phrase
            // character.
            Some(Some(false))
        } else {
            Some(None)
        }
    };
    let pairs = t.iter().zip(p);
    let first_difference = if backwards {
        pairs.rev().find_map(|(&a, &b)| differ(a, b))
    } else {
        pairs.into_iter().find_map(|(&a, &b)| differ(a, b))
    };
    first_difference.unwrap_or(Some(true))
}

/// Where `phrase` starts if `s[..i]` ends with it (at a word boundary for word characters).
#[inline(always)]
fn match_before(s: &str, i: usize, phrase: &str, fold: bool) -> Option<usize> {
    if let Some(&p) = phrase.as_bytes().last() {
        let b = s.as_bytes();
        let t = *b.get(i.checked_sub(1)?)?;
        // The lead byte of the character before `i` (the byte itself if it is ASCII).
        let lead = (1..=4)
            .filter_map(|k| b.get(i.checked_sub(k)?))
            .find(|&&x| x & 0xC0 != 0x80)
            .copied()
            .unwrap_or(t);
        if cannot_match(lead, t, p, fold) {
            return None;
        }
    }
    match_before_full(s, i, phrase, fold)
}

#[inline(never)]
fn match_before_full(s: &str, i: usize, phrase: &str, fold: bool) -> Option<usize> {
    let head = s.get(..i)?;
    let p = phrase.as_bytes();
    let window = i.checked_sub(p.len()).map(|st| &head.as_bytes()[st..]);
    let start = match bytes_match(window, p, fold, true) {
        Some(true) => i - p.len(),
        Some(false) => return None,
        None => {
            let mut it = head.char_indices().rev();
            let mut start = i;
            for p in phrase.chars().rev() {
                let (o, c) = it.next()?;
                if !chars_eq(c, p, fold) {
                    return None;
                }
                start = o;
            }
            start
        }
    };
    let first = phrase.chars().next().unwrap_or(' ');
    if is_letter(first) && char_before(s, start).is_some_and(is_word) {
        return None;
    }
    Some(start)
}

/// Whether the text byte `t` and the phrase byte `p` (at the same place, the second one from
/// where the phrase is anchored) surely differ: both ASCII, neither a space (a phrase space
/// matches any space) and not equal (folding case when `fold`). `false` means "maybe".
#[inline(always)]
fn differs_at(t: Option<u8>, p: Option<u8>, fold: bool) -> bool {
    match (t, p) {
        (Some(t), Some(p)) if t < 0x80 && p < 0x80 && p != b' ' && t != b' ' && t != b'\t' => {
            if fold {
                t.to_ascii_lowercase() != p
            } else {
                t != p
            }
        }
        // The text ends where the phrase goes on.
        (None, Some(_)) => true,
        _ => false,
    }
}

/// Longest of `phrases` at `i`. (The phrase groups have already done what the first-byte test
/// of [`match_at`] and [`match_before`] does, so these look-ups go straight to the full match.)
fn longest_at<T: Copy>(s: &str, i: usize, phrases: &Phrases<T>, fold: bool) -> Option<(usize, T)> {
    let mut best: Option<(usize, T)> = None;
    let next = s.as_bytes().get(i + 1).copied();
    for &(p, v) in phrases.get(char_at(s, i)?, fold) {
        // Most phrases of a group differ from the text in their second byte already.
        if differs_at(next, p.as_bytes().get(1).copied(), fold) {
            continue;
        }
        if let Some(e) = match_at_full(s, i, p, fold) {
            if best.is_none_or(|(be, _)| e > be) {
                best = Some((e, v));
            }
        }
    }
    best
}

/// Longest of `phrases` ending at `i`, as (start, value); `c` is the character before `i` (the
/// callers try several tables at one place).
fn longest_before<T: Copy>(
    s: &str,
    i: usize,
    c: char,
    phrases: &Phrases<T>,
    fold: bool,
) -> Option<(usize, T)> {
    let mut best: Option<(usize, T)> = None;
    let prev = i.checked_sub(2).and_then(|k| s.as_bytes().get(k).copied());
    for &(p, v) in phrases.get(c, fold) {
        let pb = p.as_bytes();
        if pb.len() >= 2 && differs_at(prev, Some(pb[pb.len() - 2]), fold) {
            continue;
        }
        if let Some(st) = match_before_full(s, i, p, fold) {
            if best.is_none_or(|(bs, _)| st < bs) {
                best = Some((st, v));
            }
        }
    }
    best
}

fn any_before(s: &str, i: usize, c: char, phrases: &Phrases<()>) -> Option<usize> {
    phrases
        .get(c, true)
        .iter()
        .filter_map(|(p, _)| match_before_full(s, i, p, true))
        .min()
}

fn any_at(s: &str, i: usize, phrases: &Phrases<()>, fold: bool) -> Option<usize> {
    phrases
        .get(char_at(s, i)?, fold)
        .iter()
        .filter_map(|(p, _)| match_at_full(s, i, p, fold))
        .max()
}

struct Scan<'a, 's> {
    t: &'a Table,
    s: &'s str,
    base: usize,
    out: &'a mut Vec<Quantity<'s>>,
    lower: &'a mut String,
}

impl<'s> Scan<'_, 's> {
    /// Scans the piece; returns whether it ends inside a markup tag.
    fn run(&mut self, mut in_tag: bool) -> bool {
        let s = self.s;
        let mut i = 0;
        while i < s.len() {
            if in_tag {
                match s[i..].find('>') {
                    Some(p) => {
                        i += p + 1;
                        in_tag = false;
                        continue;
                    }
                    None => return true,
                }
            }
            // Fast path: ASCII spaces and punctuation start nothing (but `<`, `&` do).
            let b = s.as_bytes()[i];
            if b < 0x80 && !b.is_ascii_alphanumeric() && b != b'<' && b != b'&' {
                i += 1;
                continue;
            }
            if let Some(e) = self.plain_word(i) {
                i = e;
                continue;
            }
            let c = char_at(s, i).unwrap_or(' ');
            // Fast path: most characters of U+3000–U+9FFF (CJK; three bytes each) start nothing.
            if (0xE3..=0xE9).contains(&b) && !self.t.may_start_cjk(c) {
                i += 3;
                continue;
            }
            if c == '<'
                && char_at(s, i + 1)
                    .is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!')
            {
                in_tag = true;
                i += 1;
                continue;
            }
            if c == '&' {
                if let Some(e) = entity_end(s, i) {
                    i = e;
                    continue;
                }
            }
            let boundary = !char_before(s, i).is_some_and(is_word);
            if boundary && (c == 'h' || c == 'w' || c == 'H' || c == 'W') {
                if let Some(e) = url_end(s, i) {
                    if s[i..e].bytes().any(|b| b.is_ascii_digit()) {
                        self.push_ident(i, e);
                    }
                    i = e;
                    continue;
                }
            }
            let candidate = digit(c).is_some()
                || (self.t.chinese_numerals && is_cn_numeral(c))
                || (boundary && is_letter(c))
                || (self.t.spaceless && is_cjk(c) && self.t.may_start_word(c));
            if !candidate {
                i += c.len_utf8();
                continue;
            }
            i = match self.read(i, true) {
                Read::Num(n) => self.finish(n),
                Read::Ident(st, e) => {
                    self.push_ident(st, e);
                    e
                }
                Read::Date(st, e, d) => {
                    self.push_date(st, e, d);
                    e
                }
                Read::Skip(e) => e,
            };
        }
        in_tag
    }

    /// Fast path for most of a text: the end of the word at `i` when it is plainly not a
    /// number, which is what the full reading would find more slowly. A plain word starts at a
    /// word boundary, is made of letters of U+0000–U+00FF (ASCII, `å`, `é`, …), is not glued to
    /// digits or a URL, and cannot be a number word. `None`: read it the full way.
    fn plain_word(&self, i: usize) -> Option<usize> {
        let b = self.s.as_bytes();
        // Only a character before that is ASCII is checked here.
        if i > 0 && (b[i - 1] >= 0x80 || b[i - 1].is_ascii_alphanumeric()) {
            return None;
        }
        if matches!(b[i], b'h' | b'H' | b'w' | b'W') && url_end(self.s, i).is_some() {
            return None;
        }
        let mut e = i;
        loop {
            match b.get(e) {
                Some(c) if c.is_ascii_alphabetic() => e += 1,
                // U+00C0–U+00FF but `×` and `÷` (the letters of `is_latin1_letter` but `ª`, `µ`
                // and `º`).
                Some(0xC3) if !matches!(b.get(e + 1), Some(0x97 | 0xB7)) => e += 2,
                Some(c) if *c >= 0x80 => return None,
                _ => break,
            }
        }
        if e == i {
            return None;
        }
        // An identifier (`JAK1`, `IL-6`) or more letters (`-` before `'１'`) is for `read`.
        let glued = |j: usize| b.get(j).is_some_and(|&c| c.is_ascii_digit() || c >= 0x80);
        if glued(e) || (matches!(b.get(e), Some(b'-' | b'.' | b'_' | b'/')) && glued(e + 1)) {
            return None;
        }
        let index = self.t.index();
        (e - i > index.max_len || !self.t.may_be_latin1_word(&b[i..e])).then_some(e)
    }

    fn push_ident(&mut self, st: usize, e: usize) {
        self.out.push(Quantity::new(
            &self.s[st..e],
            self.base + st..self.base + e,
            Kind::Identifier,
            Decimal::ZERO,
        ));
    }

    fn push_date(&mut self, st: usize, e: usize, d: Date) {
        let mut q = Quantity::new(
            &self.s[st..e],
            self.base + st..self.base + e,
            Kind::Date,
            Decimal::from(u64::from(d.year.unwrap_or(0))),
        );
        q.date = Some(d);
        self.out.push(q);
    }

    /// End of an identifier-like token starting at `i`: letters and digits, joined by `-._/+`
    /// only when a digit follows the joiner, plus letters glued to the end.
    fn ident_end(&self, mut i: usize) -> usize {
        let s = self.s;
        while let Some(c) = char_at(s, i) {
            if is_word(c) || digit(c).is_some() {
                i += c.len_utf8();
            } else if matches!(c, '-' | '.' | '_' | '/' | '+' | ':' | ',')
                && char_at(s, i + 1).is_some_and(|n| digit(n).is_some())
            {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// Reads the number at `i` (digits, a Chinese numeral or a number word) with what is glued
    /// to it, but not its context. `top` is false for the second end of a range.
    fn read(&mut self, i: usize, top: bool) -> Read {
        let s = self.s;
        let c = char_at(s, i).unwrap_or(' ');
        if digit(c).is_some() {
            return self.read_digits(i);
        }
        if self.t.spaceless && top && is_cjk(c) {
            if let Some(n) = self.spaceless_word(i) {
                return Read::Num(n);
            }
        }
        if self.t.chinese_numerals && is_cn_numeral(c) {
            return self.read_chinese(i);
        }
        if is_letter(c) {
            let e = letters_end(s, i);
            // Letters glued to digits: an identifier such as `JAK1`, `IL-6`, `H.264`.
            let next = char_at(s, e);
            if next.is_some_and(|n| digit(n).is_some())
                || (next.is_some_and(|n| matches!(n, '-' | '.' | '_' | '/'))
                    && char_at(s, e + 1).is_some_and(|n| digit(n).is_some()))
            {
                let end = self.ident_end(i);
                return Read::Ident(i, end);
            }
            return match self.word(i, e) {
                Some(n) => Read::Num(n),
                None => Read::Skip(e),
            };
        }
        Read::Skip(i + c.len_utf8())
    }

    /// A word of a language written without spaces (`双倍`, `全年`).
    fn spaceless_word(&self, i: usize) -> Option<Num> {
        let s = self.s;
        if !char_at(s, i).is_some_and(|c| self.t.may_start_word(c)) {
            return None;
        }
        for &(w, v, k) in self.t.words {
            if let Some(e) = match_at(s, i, w, false) {
                return Some(Num {
                    start: i,
                    end: e,
                    value: word_value(v, k),
                    alt: None,
                    unit: implied(k),
                    ordinal: k == WordKind::Ordinal,
                    src: Src::Word,
                    implied_unit: implied(k).is_some(),
                    article: false,
                    num_end: e,
                    loose: false,
                    word: Some(k),
                    unit_symbol: false,
                    clock: None,
                });
            }
        }
        None
    }

    /// The number word `word` is, whatever its case. The table's words are lowercase; the
    /// word is lowercased into a reused buffer when it has to be, byte by byte when it is ASCII.
    fn number_word(&mut self, word: &str) -> Option<(u64, WordKind)> {
        if word.is_ascii() && !self.t.may_be_ascii_word(word.as_bytes()) {
            return None;
        }
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.t.word(word);
        }
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                if c.is_ascii() {
                    self.lower.push(c.to_ascii_lowercase());
                } else {
                    self.lower.extend(c.to_lowercase());
                }
            }
        }
        self.t.word(self.lower.as_str())
    }

    /// A number word of a space-separated language at `i..e`.
    fn word(&mut self, i: usize, e: usize) -> Option<Num> {
        let s = self.s;
        let first = char_at(s, i).map_or(' ', |c| {
            if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        });
        if e - i > self.t.index().max_len || !self.t.may_start_word(first) {
            return None;
        }
        let (value, kind) = self.number_word(&s[i..e])?;
        if kind == WordKind::Multiplier {
            return None;
        }
        let whole = value;
        let mut value = word_value(value, kind);
        let mut end = e;
        if kind == WordKind::Cardinal {
            // `one and a half`, `en och en halv`
            let j = skip_space(s, e);
            if let Some(k) = any_at(s, j, &self.t.index().and_half, true) {
                value = Decimal::new(u128::from(whole) * 10 + 5, -1);
                end = k;
            }
        }
        if kind == WordKind::Cardinal && end == e {
            // `two hundred`, `two million`
            let j = skip_space(s, e);
            if j > e {
                let k = letters_end(s, j);
                if k > j && k - j <= 14 {
                    if let Some((m, mk)) = self.number_word(&s[j..k]) {
                        if mk == WordKind::Multiplier || (mk == WordKind::Cardinal && m >= 100) {
                            value = value.mul(&Decimal::from(m));
                            end = k;
                        }
                    }
                }
            }
        }
        let mut n = Num {
            start: i,
            end,
            value,
            alt: None,
            unit: implied(kind),
            ordinal: kind == WordKind::Ordinal,
            src: Src::Word,
            implied_unit: implied(kind).is_some(),
            article: kind == WordKind::Article,
            num_end: end,
            loose: false,
            word: Some(kind),
            unit_symbol: false,
            clock: None,
        };
        self.glued_unit(&mut n);
        Some(n)
    }

    /// A unit written right after the number, with or without a hyphen (`5mg`, `10-fold`).
    fn glued_unit(&self, n: &mut Num) {
        let s = self.s;
        let hyphen = char_at(s, n.end) == Some('-');
        let at = if hyphen { n.end + 1 } else { n.end };
        if n.unit.is_none() {
            if let Some((e, u, sym)) = self.unit_at(at, true) {
                n.unit = Some(u);
                n.unit_symbol = sym;
                n.end = e;
                return;
            }
        }
        if n.src != Src::Digits {
            return;
        }
        // Other letters glued on: an ordinal suffix, or a word we do not know (`64-bitars`).
        let mut e = at;
        while let Some(c) = char_at(s, e) {
            if !is_letter(c) {
                break;
            }
            e += c.len_utf8();
        }
        if !hyphen {
            for suf in self.t.ordinal_suffixes {
                if let Some(se) = match_at(s, n.end, suf, true) {
                    n.ordinal = true;
                    n.end = se;
                    return;
                }
            }
        }
        if e > at {
            n.loose = !hyphen
                && self
                    .t
                    .weak_suffixes
                    .iter()
                    .any(|w| s[at..e].eq_ignore_ascii_case(w));
            n.end = e;
        }
    }

    /// The unit at `i`, longest match; `glued` allows the symbols only valid without a space.
    fn unit_at(&self, i: usize, glued: bool) -> Option<(usize, Unit, bool)> {
        let s = self.s;
        let c = char_at(s, i)?;
        let index = self.t.index();
        let mut best = longest_at(s, i, &index.units, true).map(|(e, u)| (e, u, false));
        for &(p, u) in index.symbols.get(c, false) {
            if !glued && (p == "x" || p == "×") {
                continue;
            }
            if let Some(e) = match_at_full(s, i, p, false) {
                // A symbol is not the start of a longer word (`4 g` but not `4 gram…`).
                if p.chars().last().is_some_and(is_letter) && char_at(s, e).is_some_and(is_word) {
                    continue;
                }
                if best.is_none_or(|(be, _, _)| e > be) {
                    best = Some((e, u, true));
                }
            }
        }
        best
    }

    fn read_digits(&mut self, i: usize) -> Read {
        let s = self.s;
        // Digits glued after letters belong to an identifier (`IC50`, `IL-6`).
        let before = char_before(s, i);
        if before.is_some_and(is_letter)
            || (before.is_some_and(|c| matches!(c, '-' | '.' | '_' | '/'))
                && char_before(s, i - 1).is_some_and(is_letter))
        {
            let end = self.ident_end(i);
            return Read::Ident(i, end);
        }
        let run = |mut j: usize| -> (usize, u64, usize) {
            let mut v: u64 = 0;
            let mut n = 0;
            while let Some(c) = char_at(s, j) {
                let Some(d) = digit(c) else { break };
                v = v.saturating_mul(10).saturating_add(u64::from(d));
                j += c.len_utf8();
                n += 1;
            }
            (j, v, n)
        };
        let (e1, v1, n1) = run(i);
        // ISO date 2018-03-22
        if n1 == 4 && char_at(s, e1) == Some('-') {
            let (e2, m, n2) = run(e1 + 1);
            if n2 == 2 && char_at(s, e2) == Some('-') {
                let (e3, d, n3) = run(e2 + 1);
                if n3 == 2 && (1..=12).contains(&m) && (1..=31).contains(&d) {
                    return Read::Date(
                        i,
                        e3,
                        Date {
                            year: Some(v1 as u16),
                            month: Some(m as u8),
                            day: Some(d as u8),
                        },
                    );
                }
            }
        }
        // Month and year: `2027-06`, `06/2027`.
        if n1 == 4 && char_at(s, e1) == Some('-') && (1000..=2999).contains(&v1) {
            let (e2, m, n2) = run(e1 + 1);
            let more =
                char_at(s, e2).is_some_and(|c| digit(c).is_some() || c == '-' || is_letter(c));
            if n2 == 2 && (1..=12).contains(&m) && !more {
                return Read::Date(
                    i,
                    e2,
                    Date {
                        year: Some(v1 as u16),
                        month: Some(m as u8),
                        day: None,
                    },
                );
            }
        }
        if (1..=2).contains(&n1) && char_at(s, e1) == Some('/') && before != Some('/') {
            let (e2, v2, n2) = run(e1 + 1);
            let more = char_at(s, e2).is_some_and(|c| {
                digit(c).is_some()
                    || c == '/'
                    || (c == '.' && char_at(s, e2 + 1).is_some_and(|d| digit(d).is_some()))
            });
            if !more && n2 == 4 && (1..=12).contains(&v1) && (1000..=2999).contains(&v2) {
                return Read::Date(
                    i,
                    e2,
                    Date {
                        year: Some(v2 as u16),
                        month: Some(v1 as u8),
                        day: None,
                    },
                );
            }
            // `1/10`: a proportion (`1/2` and `1/4` of a unit are amounts).
            if !more && v1 == 1 && n2 > 0 && v2 >= 2 {
                let mut n = Num::bare(i, e2, Decimal::from(v2), Src::Digits);
                n.unit = Some(Unit::OneIn);
                if matches!(v2, 2 | 4) {
                    let j = skip_space(s, e2);
                    if let Some((e, u, sym)) = self.unit_at(j, false) {
                        n.value = word_value(v2, WordKind::Fraction);
                        n.unit = Some(u);
                        n.unit_symbol = sym;
                        n.end = e;
                    }
                }
                return Read::Num(n);
            }
        }
        // Groups after separators.
        let mut groups: Vec<(char, Range<usize>, usize)> = Vec::new(); // (sep, digits, count)
        let mut end = e1;
        let mut dots = 0;
        while let Some(sep) = char_at(s, end) {
            let is_sep = matches!(
                sep,
                '.' | ',' | '．' | '，' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''
            ) || (sep == ' ' && self.t.space_grouping);
            if !is_sep {
                break;
            }
            let gs = end + sep.len_utf8();
            let (ge, _, gn) = run(gs);
            if gn == 0 {
                break;
            }
            let spacey = matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'');
            if spacey && (gn != 3 || n1 > 3 || char_at(s, ge).is_some_and(|c| digit(c).is_some())) {
                break;
            }
            // After groups of a space, the locale's decimal separator ends the number
            // (`1 250,5`).
            let decimal_after_spaces = !groups.is_empty()
                && sep == self.t.decimal
                && groups
                    .iter()
                    .all(|(g, _, _)| !matches!(g, '.' | ',' | '．' | '，'));
            // A comma followed by a space-less digit run in a list (`5.9,5.7`) is rare; a comma
            // grouping must have three digits.
            if matches!(sep, ',' | '，') && gn != 3 && !groups.is_empty() && !decimal_after_spaces
            {
                break;
            }
            if matches!(sep, '.' | '．') {
                dots += 1;
            }
            groups.push((sep, gs..ge, gn));
            end = ge;
            if decimal_after_spaces {
                break;
            }
        }
        // `20:00`, `9:30`: a clock.
        if groups.is_empty() && n1 <= 2 && v1 <= 24 && char_at(s, end) == Some(':') {
            let (e2, mm, n2) = run(end + 1);
            let more = char_at(s, e2).is_some_and(|c| {
                c == ':'
                    || digit(c).is_some()
                    || is_letter(c)
                    || (c == '.' && char_at(s, e2 + 1).is_some_and(|d| digit(d).is_some()))
            });
            if n2 == 2 && mm < 60 && !more {
                let mut n = Num::bare(i, e2, Decimal::from(v1 * 60 + mm), Src::Digits);
                n.clock = Some((v1 as u32, mm as u32));
                return Read::Num(n);
            }
        }
        // Versions (`56.0.1`, `115.13.0esr`) and times (`10:30:15`) are identifiers.
        if dots >= 2
            || (char_at(s, end) == Some(':')
                && run(end + 1).2 == 2
                && !char_at(s, run(end + 1).0).is_some_and(is_letter))
        {
            let e = self.ident_end(i);
            return Read::Ident(i, e);
        }
        let norm = |c: char| match c {
            '．' => '.',
            '，' => ',',
            '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' => ' ',
            c => c,
        };
        let (value, alt) = number_value(s, i..e1, &groups, self.t.decimal, norm);
        // A language with a table reads a lone separator its own way (`1,000` is a thousand in
        // en and zh, one in sv); only the digits-only table keeps both readings.
        let alt = alt.filter(|_| self.t.lang.is_empty());
        // `.5 mg`, `,5 mg`: a decimal without its leading zero is read as its writer meant it,
        // half a milligram (how it is written is `dose-notation`'s): after the language's
        // decimal separator, or the other one when it cannot group thousands, at the start of
        // a token.
        let leading = groups.is_empty()
            && before.is_some_and(|c| {
                matches!(c, '.' | ',') && (c == self.t.decimal || self.t.lang.is_empty() || n1 != 3)
            })
            && !char_before(s, i - 1).is_some_and(|c| is_word(c) || matches!(c, '.' | ',' | '_'));
        let (start, value, alt) = if leading {
            (i - 1, value.mul_pow10(-(n1 as i64)), None)
        } else {
            (i, value, alt)
        };
        let mut n = Num::bare(start, end, value, Src::Digits);
        n.alt = alt;
        // `1万`, `2.5 million`
        let j = if self.t.spaceless {
            end
        } else {
            skip_space(s, end)
        };
        if let Some(c) = char_at(s, j) {
            if self.t.chinese_numerals && matches!(c, '万' | '亿' | '千' | '百') {
                let m = i64::from(cn_power(c).unwrap_or(0));
                n.value = n.value.mul_pow10(m);
                n.alt = n.alt.map(|a| a.mul_pow10(m));
                n.end = j + c.len_utf8();
                n.num_end = n.end;
            } else if is_letter(c) {
                let k = letters_end(s, j);
                if k - j <= 14 {
                    if let Some((m, WordKind::Multiplier)) = self.number_word(&s[j..k]) {
                        let m = Decimal::from(m);
                        n.value = n.value.mul(&m);
                        n.alt = n.alt.map(|a| a.mul(&m));
                        n.end = k;
                        n.num_end = k;
                    }
                }
            }
        }
        // A letter run with more digits after it (`3a4`) is an identifier too.
        let mut k = n.end;
        while char_at(s, k).is_some_and(is_letter) {
            k += char_at(s, k).map_or(1, char::len_utf8);
        }
        if k > n.end && char_at(s, k).is_some_and(|c| digit(c).is_some()) {
            let e = self.ident_end(i);
            return Read::Ident(i, e);
        }
        self.glued_unit(&mut n);
        Read::Num(n)
    }

    fn read_chinese(&mut self, i: usize) -> Read {
        let s = self.s;
        let mut e = i;
        let mut all_digits = true;
        let mut count = 0;
        while let Some(c) = char_at(s, e) {
            if !is_cn_numeral(c) {
                break;
            }
            all_digits &= cn_digit(c).is_some();
            count += 1;
            e += c.len_utf8();
        }
        // `十分之一`: a proportion "1 in 10". `百分之` is percent, read as a prefix; other
        // fractions (`三分之二`) are not amounts here.
        if let Some(k) = match_at(s, e, "分之", false) {
            let den = chinese_value(&s[i..e]);
            let mut k2 = k;
            while let Some(c) = char_at(s, k2).filter(|&c| is_cn_numeral(c)) {
                k2 += c.len_utf8();
            }
            if den != Decimal::from(100u64)
                && den.is_integer()
                && den.trunc_u32() >= 2
                && chinese_value(&s[k..k2]).is_one()
            {
                let mut n = Num::bare(i, k2, den, Src::Chinese);
                n.unit = Some(Unit::OneIn);
                return Read::Num(n);
            }
            return Read::Skip(e);
        }
        let text = &s[i..e];
        let value = if all_digits && count > 1 {
            // Positional: 二〇一八
            let mut b = DigitBuilder::default();
            for d in text.chars().filter_map(cn_digit) {
                b.push(d as u8);
            }
            b.finish()
        } else {
            chinese_value(text)
        };
        if value.is_zero() {
            return Read::Skip(e);
        }
        let mut n = Num::bare(i, e, value, Src::Chinese);
        self.glued_unit(&mut n);
        Read::Num(n)
    }

    /// Completes a number with its context (comparator, range, unit, date, frequency) and
    /// records it; returns where scanning continues.
    fn finish(&mut self, mut n: Num) -> usize {
        let s = self.s;
        let t = self.t;
        let index = t.index();
        match n.word {
            Some(WordKind::Per(u)) => return self.push_per(&n, u),
            Some(WordKind::EveryOther) => return self.every_other(&n),
            _ => {}
        }
        if n.src == Src::Digits && n.unit.is_none() {
            if let Some(e) = self.clock(&n) {
                return e;
            }
        }
        // `1 in 10`, `en av tio`: a proportion.
        if n.unit.is_none() && n.value.is_one() && !n.ordinal && !n.article {
            let j = skip_space(s, n.end);
            if let Some(k) = any_at(s, j, &index.proportion, !t.spaceless) {
                let k2 = skip_space(s, k);
                if char_at(s, k2).is_some_and(|c| digit(c).is_some() || is_letter(c)) {
                    if let Read::Num(m) = self.read(k2, false) {
                        if m.unit.is_none()
                            && !m.article
                            && !m.ordinal
                            && m.value.is_integer()
                            && m.value.trunc_u32() >= 2
                        {
                            n.value = m.value;
                            n.unit = Some(Unit::OneIn);
                            n.end = m.end;
                            n.num_end = m.end;
                            if m.src == Src::Digits {
                                n.src = Src::Digits;
                            }
                        }
                    }
                }
            }
        }
        // A cardinal from two up spelt in a language written with spaces (`twenty`, `tolv`) is
        // compared with a counterpart, but never reported by itself; the other words (`one`,
        // `en`, `first`, Chinese numerals such as `十分` "very") are weak.
        let spelled_cardinal = !t.spaceless
            && n.word == Some(WordKind::Cardinal)
            && n.value.is_integer()
            && n.value.trunc_u32() >= 2;
        // A word with no unit and no range after it (`en`, `一`, `a`, `first`) is weak whatever
        // its context: record it without reading the context, which is most of the cost.
        if n.src != Src::Digits && n.unit.is_none() && !spelled_cardinal {
            let j = skip_space(s, n.end);
            let fold = !t.spaceless;
            let ranged = any_at(s, j, &index.range_connectors, fold).is_some()
                || t.range_open
                    .iter()
                    .any(|(_, c)| match_at(s, j, c, fold).is_some());
            let prefixed = {
                let b = skip_space_back(s, n.start);
                char_before(s, b)
                    .is_some_and(|c| longest_before(s, b, c, &index.unit_prefixes, fold).is_some())
            };
            let unit_at = if n.word == Some(WordKind::Fraction) {
                self.after_fraction(j)
            } else {
                j
            };
            if !ranged && !prefixed && self.unit_at(unit_at, false).is_none() {
                if !n.article {
                    let kind = if n.ordinal {
                        Kind::Ordinal
                    } else {
                        Kind::Number
                    };
                    let mut q = Quantity::new(
                        &s[n.start..n.end],
                        self.base + n.start..self.base + n.end,
                        kind,
                        n.value,
                    );
                    q.weak = true;
                    self.out.push(q);
                }
                return n.end;
            }
        }
        let fold = !t.spaceless;
        let mut start = n.start;
        let mut cmp: Option<Cmp> = None;
        let mut symbolic = false;
        let mut every: Option<bool> = None;
        let mut closer: Option<&str> = None;
        let mut date: Option<Date> = None;
        let mut ordinal = n.ordinal;
        let mut unit = n.unit;
        let mut unit_symbol = n.unit_symbol;
        let mut vague_word = false;
        let mut vague_any = false;
        let mut prefixed = false;
        let mut gap_used = false;

        // Before the number.
        let mut p = start;
        for _ in 0..4 {
            let b = skip_space_back(s, p);
            // Every table below is keyed by the character before `b`; none matches without one.
            let Some(cb) = char_before(s, b) else {
                break;
            };
            if let Some((st, c)) = longest_before(s, b, cb, &index.symbol_cmps, false)
                .filter(|&(st, _)| !closes_tag(s, st))
            {
                if cmp.is_none() {
                    cmp = Some(c);
                    symbolic = c != Cmp::Approx;
                }
                p = st;
                continue;
            }
            if let Some((st, c)) = longest_before(s, b, cb, &index.cmp_before, fold) {
                p = st;
                if cmp.is_none() {
                    let word = &s[st..b];
                    vague_word = t.vague_before_time.iter().any(|v| eq_fold(word, v));
                    vague_any = t.vague_always.iter().any(|v| eq_fold(word, v));
                    cmp = Some(c);
                    if let Some(ns) = self.negation_before(st) {
                        cmp = Some(c.negated());
                        vague_word = false;
                        p = ns;
                    }
                }
                continue;
            }
            if let Some(st) = any_before(s, b, cb, &index.approx_before) {
                cmp.get_or_insert(Cmp::Approx);
                p = st;
                continue;
            }
            if let Some((st, r)) = longest_before(s, b, cb, &index.every, fold) {
                every = Some(r);
                p = st;
                continue;
            }
            if let Some((st, u)) = longest_before(s, b, cb, &index.unit_prefixes, fold) {
                prefixed |= unit.is_none();
                unit.get_or_insert(u);
                p = st;
                continue;
            }
            if let Some(st) = any_before(s, b, cb, &index.ordinal_prefixes) {
                ordinal = true;
                p = st;
                continue;
            }
            if let Some(&(o, c)) = index
                .range_open
                .get(cb, true)
                .iter()
                .find(|(o, _)| match_before_full(s, b, o, true).is_some())
            {
                closer = Some(c);
                p = match_before(s, b, o, true).unwrap_or(b);
                continue;
            }
            // Chinese puts a limit before the verb (`至多服用2粒`): a few letters between.
            if t.spaceless && cmp.is_none() && !gap_used {
                gap_used = true;
                if let Some((st, c)) = self.cmp_across_gap(b) {
                    cmp = Some(c);
                    p = st;
                    continue;
                }
            }
            if n.src == Src::Digits && date.is_none() {
                if let Some((st, m)) = longest_before(s, b, cb, &index.months_before, true) {
                    // `March 22, 2018` or `March 2018`
                    let v = n.value.trunc_u32();
                    if n.value.is_integer() && (1..=31).contains(&v) {
                        date = Some(Date {
                            year: None,
                            month: Some(m),
                            day: Some(v as u8),
                        });
                    } else if (1000..=2999).contains(&v) {
                        date = Some(Date {
                            year: Some(v as u16),
                            month: Some(m),
                            day: None,
                        });
                    }
                    if date.is_some() {
                        p = st;
                    }
                }
            }
            break;
        }
        if p < start {
            start = p;
        }

        let mut end = n.end;
        let mut range_end: Option<Decimal> = None;
        // `每 10 人中最多可能有 1 人`: one in every ten, a proportion.
        if t.spaceless && every.is_some() && unit.is_none() && date.is_none() {
            if let Some((e, c)) = self.one_among(end) {
                if n.value.is_integer() && n.value.trunc_u32() >= 2 {
                    unit = Some(Unit::OneIn);
                    end = e;
                    every = None;
                    if cmp.is_none() {
                        cmp = c;
                    }
                }
            }
        }
        // A range: `1 to 2`, `1–2`, `16至24`, `between 1 and 2`.
        if date.is_none() {
            let j = skip_space(s, end);
            let conn = match closer {
                Some(c) => match_at(s, j, c, true),
                None => any_at(s, j, &index.range_connectors, fold),
            };
            if let Some(k) = conn {
                let k2 = skip_space(s, k);
                let starts_number = char_at(s, k2).is_some_and(|c| {
                    digit(c).is_some() || (t.chinese_numerals && is_cn_numeral(c)) || is_letter(c)
                });
                if starts_number {
                    if let Read::Num(m) = self.read(k2, false) {
                        // A range goes up (`64-bit or 32-bit` is two numbers).
                        if !m.article
                            && m.ordinal == ordinal
                            && (m.src == n.src || m.src != Src::Word)
                            && m.value.to_f64() > n.value.to_f64()
                        {
                            range_end = Some(m.value);
                            end = m.end;
                            if unit.is_none() || unit == m.unit {
                                unit = unit.or(m.unit);
                            }
                        }
                    }
                }
            }
        }
        // A unit after a space.
        if let (Some(u), None, true) = (unit, date, prefixed) {
            // `aged 65 years`: the unit word the prefix already gave.
            let j = skip_space(s, end);
            if let Some((e, w, _)) = self.unit_at(j, false) {
                if w.same(u) {
                    end = e;
                }
            }
        } else if unit.is_none() && date.is_none() {
            let mut j = skip_space(s, end);
            if n.word == Some(WordKind::Fraction) {
                j = self.after_fraction(j);
            }
            if let Some((e, u, sym)) = self.unit_at(j, false) {
                unit = Some(u);
                unit_symbol = sym;
                end = e;
            }
        }
        // `一片半`: a half after the unit.
        if t.spaceless && unit.is_some() && range_end.is_none() && n.value.is_integer() {
            if let Some(k) = any_at(s, end, &index.and_half, false) {
                n.value = Decimal::new(u128::from(n.value.trunc_u32()) * 10 + 5, -1);
                end = k;
            }
        }
        // Dates: `22 March 2018`, `2018年3月22日`, `3月22日`.
        if n.src == Src::Digits && n.value.is_integer() && range_end.is_none() {
            let v = n.value.trunc_u32();
            if date.is_none() && unit.is_none() && (1..=31).contains(&v) && !t.months.is_empty() {
                let j = skip_space(s, end);
                if let Some((e, m)) = longest_at(s, j, &index.months_at, true) {
                    let mut d = Date {
                        year: None,
                        month: Some(m),
                        day: Some(v as u8),
                    };
                    end = e;
                    if let Some((ye, y)) = year_at(s, skip_space(s, e)) {
                        d.year = Some(y);
                        end = ye;
                    }
                    date = Some(d);
                }
            } else if let Some(d) = date.as_mut() {
                if d.year.is_none() {
                    let mut j = skip_space(s, end);
                    if char_at(s, j) == Some(',') {
                        j = skip_space(s, j + 1);
                    }
                    if let Some((ye, y)) = year_at(s, j) {
                        d.year = Some(y);
                        end = ye;
                    }
                }
            }
            if t.cjk_dates && date.is_none() {
                let mut d = Date::default();
                let mut e = skip_space(s, n.num_end);
                if (1000..=2999).contains(&v) && char_at(s, e) == Some('年') {
                    d.year = Some(v as u16);
                    e += '年'.len_utf8();
                    if let Some((me, m)) = small_before(s, e, '月', 12) {
                        d.month = Some(m);
                        e = me;
                        if let Some((de, day)) =
                            small_before(s, e, '日', 31).or_else(|| small_before(s, e, '号', 31))
                        {
                            d.day = Some(day);
                            e = de;
                        }
                    }
                } else if (1..=12).contains(&v) && char_at(s, e) == Some('月') {
                    d.month = Some(v as u8);
                    e += '月'.len_utf8();
                    if let Some((de, day)) =
                        small_before(s, e, '日', 31).or_else(|| small_before(s, e, '号', 31))
                    {
                        d.day = Some(day);
                        e = de;
                    }
                }
                if d != Date::default() {
                    date = Some(d);
                    unit = None;
                    end = e;
                }
            }
        }
        // `2000+`: or more.
        if char_at(s, end) == Some('+')
            && !char_at(s, end + 1).is_some_and(|c| digit(c).is_some() || is_word(c))
            && range_end.is_none()
        {
            cmp.get_or_insert(Cmp::Ge);
            end += 1;
        }
        let after_number = skip_space(s, end);
        // After the number and its unit: `and older`, `以上`, `左右`.
        {
            let mut j = skip_space(s, end);
            // A word or two between (`3 GB RAM or more`, `4GB of RAM or more`).
            if fold && unit.is_some() && longest_at(s, j, &index.cmp_after, fold).is_none() {
                let mut k = j;
                for _ in 0..2 {
                    let e = letters_end(s, k);
                    let k2 = skip_space(s, e);
                    if e == k || e - k > 12 || k2 == e {
                        break;
                    }
                    k = k2;
                    if longest_at(s, k, &index.cmp_after, fold).is_some() {
                        j = k;
                        break;
                    }
                }
            }
            if let Some((e, c)) = longest_at(s, j, &index.cmp_after, fold) {
                let phrase = &s[j..e];
                vague_any |= cmp.is_none() && t.vague_always.iter().any(|v| eq_fold(phrase, v));
                // `or older` is a lower limit for an age, an upper one for a version.
                let age = unit.is_some_and(|u| matches!(u, Unit::Year | Unit::AgeYear));
                vague_any |=
                    cmp.is_none() && !age && t.age_after.iter().any(|v| eq_fold(phrase, v));
                cmp.get_or_insert(c);
                end = e;
            } else if let Some(e) = any_at(s, j, &index.approx_after, true) {
                cmp.get_or_insert(Cmp::Approx);
                end = e;
            }
        }

        // A count of times with its period: `twice a day`, `två gånger i veckan`.
        let mut count = 1;
        let mut per = false;
        if unit == Some(Unit::Times) && date.is_none() && range_end.is_none() {
            let j = if fold { skip_space(s, end) } else { end };
            if let Some((e, u)) = longest_at(s, j, &index.per_after, fold) {
                if let Some(c) = small_count(&n.value) {
                    count = c;
                    per = true;
                    n.value = Decimal::ONE;
                    n.alt = None;
                    unit = Some(u);
                    unit_symbol = false;
                    every = Some(true);
                    end = e;
                }
            }
        }

        if n.article && unit.is_none() {
            return n.end;
        }
        let kind = if date.is_some() {
            Kind::Date
        } else if per || (every.is_some() && unit.is_some_and(Unit::is_time)) {
            Kind::Frequency
        } else if ordinal {
            Kind::Ordinal
        } else {
            Kind::Number
        };
        if kind != Kind::Frequency && every.is_some() && start < n.start {
            // `var` was not "every" after all: keep it out of the quantity's text.
            start = start.max(n.start);
        }
        // Words are weak unless a unit says what they count (`fyra år`, `十二周`, `var tredje
        // månad`); the value one never counts by itself, but for a count of things (`一片`, `one
        // tablet`) or times in a period (`once a week`).
        let counted = unit.is_some_and(Unit::is_count) && !n.article;
        let weak = match n.src {
            _ if per => false,
            Src::Digits => false,
            _ => {
                (n.implied_unit && unit == n.unit)
                    || (unit.is_none() && !spelled_cardinal)
                    || (n.value.is_one() && range_end.is_none() && !counted)
                    || (ordinal && kind != Kind::Frequency && unit.is_none())
            }
        };
        if date.is_some() {
            n.value = Decimal::from(u64::from(date.and_then(|d| d.year).unwrap_or(0)));
        }
        let mut q = Quantity::new(
            &s[start..end],
            self.base + start..self.base + end,
            kind,
            n.value,
        );
        q.alt = n.alt;
        q.end = range_end;
        q.unit = unit;
        q.cmp = cmp;
        q.symbolic = symbolic;
        q.reliable_every = every.unwrap_or(false);
        q.date = date;
        q.weak = weak || n.loose;
        // A count in words (`once a day`) is compared, never reported by itself, like every
        // spelt quantity.
        q.spelled = !weak && n.src != Src::Digits;
        q.count = count;
        q.vague =
            vague_any || (vague_word && unit.is_some_and(|u| u.dimension() == Dimension::Duration));
        q.counted = per;
        q.unit_symbol = unit_symbol;
        // Where no unit word could be: in Chinese, any letter but a Latin one (the table knows
        // the Chinese units).
        let next_word = &s[after_number..letters_end(s, after_number)];
        q.bare = unit.is_none()
            && (t.not_units.iter().any(|w| eq_fold(next_word, w))
                || !char_at(s, after_number).is_some_and(|c| {
                    c == '°'
                        || c.is_ascii_alphabetic()
                        || (!t.spaceless && (is_letter(c) || is_cjk(c)))
                }));
        q.after_word = n.src == Src::Digits
            && char_before(s, n.start)
                .is_some_and(|c| is_cjk(c) || (is_letter(c) && !c.is_ascii()));
        self.push_merged(q);
        end
    }

    /// A time of day at `n`: a clock (`20:00`), or hours with a clock word (`8 pm`, `kl. 20.00`,
    /// `晚上8点30分`); records it and returns where it ends. A twelve-hour reading without "am"
    /// or "pm" keeps both readings.
    fn clock(&mut self, n: &Num) -> Option<usize> {
        let s = self.s;
        let t = self.t;
        let index = t.index();
        let fold = !t.spaceless;
        // Hours and minutes as written (`20.00` after `kl.` is 20:00).
        let (mut h, mut m) = match n.clock {
            Some(hm) => hm,
            None => {
                let text = &s[n.start..n.num_end];
                let (hs, ms) = match text.split_once(['.', ':']) {
                    Some((a, b)) if b.len() == 2 => (a, b),
                    Some(_) => return None,
                    None => (text, "0"),
                };
                (hs.parse().ok()?, ms.parse().ok()?)
            }
        };
        if h > 24 || m > 59 {
            return None;
        }
        let b = skip_space_back(s, n.start);
        let before =
            char_before(s, b).and_then(|c| longest_before(s, b, c, &index.clock_before, fold));
        let j = skip_space(s, n.end);
        let after = longest_at(s, j, &index.clock_after, fold);
        // Hours need a clock word after them (`8 pm`, `8点`) or one that reads as written
        // before them (`kl. 20`); `晚上` alone says nothing of `晚上5 mg`.
        if n.clock.is_none() && after.is_none() && before.is_none_or(|(_, mark)| mark != 0) {
            return None;
        }
        let mut start = n.start;
        let mut end = n.end;
        let mut half = None; // 1 am, 2 pm, 3 noon
        if let Some((st, mark)) = before {
            start = st;
            if mark != 0 {
                half = Some(mark);
            }
        }
        if let Some((e, mark)) = after {
            end = e;
            if mark != 0 {
                half = Some(mark);
            }
            // `8点30分`, `9点半`
            if t.spaceless {
                let k = skip_space(s, e);
                if let Some((ke, mm, nn)) = digits_at(s, k, 2) {
                    if nn > 0 && char_at(s, ke) == Some('分') && mm < 60 {
                        m = mm;
                        end = ke + '分'.len_utf8();
                    }
                }
                if char_at(s, k) == Some('半') {
                    m = 30;
                    end = k + '半'.len_utf8();
                }
            }
        }
        match half {
            Some(1) if h == 12 => h = 0,
            Some(2) if h < 12 => h += 12,
            Some(3) if h < 11 => h += 12,
            _ => {}
        }
        let value = Decimal::from(u64::from(h * 60 + m));
        // Without "am" or "pm", a twelve-hour language's `8:00` may be 20:00.
        let alt = (half.is_none() && t.twelve_hour && (1..=12).contains(&h))
            .then(|| Decimal::from(u64::from((h + 12) % 24 * 60 + m)));
        let mut q = Quantity::new(
            &s[start..end],
            self.base + start..self.base + end,
            Kind::Time,
            value,
        );
        q.alt = alt;
        self.out.push(q);
        Some(end)
    }

    /// Where the unit of a fraction word may start, from `j` after the word: past `of` and an
    /// article (`half a tablet`, `a quarter of a tablet`).
    fn after_fraction(&mut self, mut j: usize) -> usize {
        let s = self.s;
        for _ in 0..2 {
            let k = letters_end(s, j);
            if k == j {
                break;
            }
            let word = &s[j..k];
            let article = matches!(self.number_word(word), Some((_, WordKind::Article)));
            if article || self.t.fraction_of.iter().any(|w| eq_fold(word, w)) {
                j = skip_space(s, k);
            } else {
                break;
            }
        }
        j
    }

    /// A word that is a frequency by itself (`daily`, `每天`): once in each period, weak.
    fn push_per(&mut self, n: &Num, u: Unit) -> usize {
        let s = self.s;
        let mut q = Quantity::new(
            &s[n.start..n.end],
            self.base + n.start..self.base + n.end,
            Kind::Frequency,
            Decimal::ONE,
        );
        q.unit = Some(u);
        q.reliable_every = true;
        q.weak = true;
        self.push_merged(q);
        n.end
    }

    /// `varannan dag`, `隔日`, `every other day`: every 2 days. Nothing without a time unit
    /// after it (`隔离` is "isolation"), or for a word that needs "every" before it (`other`).
    fn every_other(&mut self, n: &Num) -> usize {
        let s = self.s;
        let t = self.t;
        let index = t.index();
        let fold = !t.spaceless;
        let j = if fold { skip_space(s, n.end) } else { n.end };
        // `隔年` is also "the next year": in Chinese, days and weeks only.
        let fits = |u: Unit| u.is_time() && (!t.spaceless || matches!(u, Unit::Day | Unit::Week));
        let Some((e, u, _)) = self.unit_at(j, false).filter(|&(_, u, _)| fits(u)) else {
            return n.end;
        };
        let b = skip_space_back(s, n.start);
        let every = char_before(s, b).and_then(|c| longest_before(s, b, c, &index.every, fold));
        // A word spelt as a whole (`varannan`, `隔`) needs no "every"; `other` does.
        let needs_every = s[n.start..n.end].eq_ignore_ascii_case("other");
        let start = match every {
            Some((st, _)) => st,
            None if needs_every => return n.end,
            None => n.start,
        };
        let mut q = Quantity::new(
            &s[start..e],
            self.base + start..self.base + e,
            Kind::Frequency,
            Decimal::from(2u64),
        );
        q.unit = Some(u);
        q.reliable_every = true;
        self.push_merged(q);
        e
    }

    /// Records `q`, joining it with the quantity before it when the two are one frequency: a
    /// period and its count (`每天两次`, `每12小时一次`, `一天三次`) or a count and its period
    /// (`once every 2 weeks`).
    fn push_merged(&mut self, q: Quantity<'s>) {
        let is_count = |x: &Quantity<'_>| {
            x.kind == Kind::Number
                && x.unit == Some(Unit::Times)
                && x.end.is_none()
                && small_count(&x.value).is_some()
        };
        let is_period = |x: &Quantity<'_>| {
            (x.kind == Kind::Frequency && x.count == 1)
                || (x.kind == Kind::Number
                    && x.value.is_one()
                    && x.cmp.is_none()
                    && x.end.is_none()
                    && x.unit.is_some_and(Unit::is_time))
        };
        if let Some(prev) = self.out.last() {
            let in_piece = prev.span.start >= self.base && prev.span.end <= q.span.start;
            let joined = in_piece && {
                let gap = &self.s[prev.span.end - self.base..q.span.start - self.base];
                gap.chars().all(is_space)
                    || (self.t.spaceless
                        && gap.chars().count() <= 6
                        && gap.chars().all(is_cjk_letter))
            };
            if joined
                && ((is_period(prev) && is_count(&q))
                    || (is_count(prev) && is_period(&q) && q.kind == Kind::Frequency))
            {
                let prev = self.out.pop().expect("there is a last one");
                let (period, counted) = if is_count(&q) { (prev, q) } else { (q, prev) };
                let st = period.span.start.min(counted.span.start);
                let e = period.span.end.max(counted.span.end);
                let mut m = period;
                m.text = &self.s[st - self.base..e - self.base];
                m.span = st..e;
                m.kind = Kind::Frequency;
                m.reliable_every = true;
                m.count = small_count(&counted.value).unwrap_or(1);
                m.counted = true;
                m.cmp = m.cmp.or(counted.cmp);
                m.symbolic |= counted.symbolic;
                m.weak = false;
                // A count in words (`每天两次`) is compared, never reported by itself.
                m.spelled = counted.weak || counted.spelled;
                self.out.push(m);
                return;
            }
        }
        self.out.push(q);
    }

    /// After `每 N` at `i`: `<a few letters>中<a few letters>1` (`人中最多可能有 1`), as where
    /// the `1` ends and the limit just before it.
    fn one_among(&self, i: usize) -> Option<(usize, Option<Cmp>)> {
        let s = self.s;
        let mut k = i;
        let mut steps = 0;
        while char_at(s, k)? != '中' {
            let c = char_at(s, k)?;
            if !(is_space(c) || (is_cjk_letter(c) && !is_cn_numeral(c))) || steps >= 5 {
                return None;
            }
            k += c.len_utf8();
            steps += 1;
        }
        k += '中'.len_utf8();
        for _ in 0..9 {
            let c = char_at(s, k)?;
            if c == '1' || c == '一' {
                let e = k + c.len_utf8();
                if char_at(s, e).is_some_and(|n| digit(n).is_some() || is_cn_numeral(n)) {
                    return None;
                }
                let b = skip_space_back(s, k);
                let index = self.t.index();
                let cmp = char_before(s, b)
                    .and_then(|cb| longest_before(s, b, cb, &index.cmp_before, false))
                    .or_else(|| self.cmp_across_gap(b))
                    .map(|(_, c)| c);
                return Some((e, cmp));
            }
            if !(is_space(c) || (is_cjk_letter(c) && !is_cn_numeral(c))) {
                return None;
            }
            k += c.len_utf8();
        }
        None
    }

    /// A comparator word that ends a few Chinese letters before `b` (no numerals among them):
    /// where it starts, and its limit.
    fn cmp_across_gap(&self, b: usize) -> Option<(usize, Cmp)> {
        let s = self.s;
        let index = self.t.index();
        let mut w = b;
        for _ in 0..4 {
            let c = char_before(s, w).filter(|&c| is_cjk_letter(c) && !is_cn_numeral(c))?;
            w -= c.len_utf8();
            let cb = char_before(s, w)?;
            if let Some((st, cmp)) = longest_before(s, w, cb, &index.cmp_before, false) {
                return Some((st, cmp));
            }
        }
        None
    }

    /// Where a negation right before the comparator word at `st` starts, or one word before it
    /// in a language written with spaces (`not more than`, `får inte vara mer än`).
    fn negation_before(&self, st: usize) -> Option<usize> {
        let s = self.s;
        let index = self.t.index();
        let b = skip_space_back(s, st);
        let c = char_before(s, b)?;
        if let Some(ns) = any_before(s, b, c, &index.negators) {
            return Some(ns);
        }
        if self.t.spaceless || b == st {
            return None;
        }
        // One word in between.
        let mut w = b;
        while let Some(c) = char_before(s, w).filter(|&c| is_letter(c)) {
            w -= c.len_utf8();
            if b - w > 16 {
                return None;
            }
        }
        if w == b {
            return None;
        }
        let b2 = skip_space_back(s, w);
        if b2 == w {
            return None;
        }
        let c = char_before(s, b2)?;
        any_before(s, b2, c, &index.negators)
    }
}

/// A CJK character that is a letter (not punctuation such as `，` or `。`).
fn is_cjk_letter(c: char) -> bool {
    is_cjk(c) && c.is_alphabetic()
}

/// `v` as a count of times (a whole number from 1 to 1000).
fn small_count(v: &Decimal) -> Option<u32> {
    let n = v.trunc_u32();
    (v.is_integer() && (1..=1000).contains(&n)).then_some(n)
}

/// Whether two words are equal, ignoring case.
fn eq_fold(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars().zip(b.chars()).all(|(x, y)| chars_eq(x, y, true))
}

/// Whether the `>` at `i` closes a markup tag (`<b>5`) rather than being a comparator.
fn closes_tag(s: &str, i: usize) -> bool {
    s[i..].starts_with('>')
        && char_before(s, i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '"' | '\'' | '/'))
}

/// End of the run of letters starting at `i` (ASCII bytes without decoding).
fn letters_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            i += 1;
        } else if b[i] >= 0x80 {
            match char_at(s, i) {
                Some(c) if is_letter(c) => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

/// The value of a number word with its table number `v`.
fn word_value(v: u64, k: WordKind) -> Decimal {
    match (k, v) {
        (WordKind::Fraction, 2) => Decimal::new(5, -1),
        (WordKind::Fraction, 4) => Decimal::new(25, -2),
        (WordKind::Fraction, _) => Decimal::INEXACT,
        _ => Decimal::from(v),
    }
}

/// The unit a word carries in itself (`twice`: times, `decade`: years).
fn implied(k: WordKind) -> Option<Unit> {
    match k {
        WordKind::Times => Some(Unit::Times),
        WordKind::Amount(u) => Some(u),
        _ => None,
    }
}

/// The digits at `i` (any script `digit` reads): where they end, their value and how many there
/// are; `None` when there are more than `max` of them (so the value never overflows).
fn digits_at(s: &str, i: usize, max: usize) -> Option<(usize, u32, usize)> {
    let mut j = i;
    let mut v = 0u32;
    let mut n = 0;
    while let Some(c) = char_at(s, j) {
        let Some(d) = digit(c) else { break };
        v = v * 10 + d;
        n += 1;
        j += c.len_utf8();
        if n > max {
            return None;
        }
    }
    Some((j, v, n))
}

/// `N<marker>` at `i` with 1 ≤ N ≤ `max` (`3月`, `22日`).
fn small_before(s: &str, i: usize, marker: char, max: u32) -> Option<(usize, u8)> {
    let (j, v, n) = digits_at(s, skip_space(s, i), 2)?;
    let j = skip_space(s, j);
    (n > 0 && (1..=max).contains(&v) && char_at(s, j) == Some(marker))
        .then(|| (j + marker.len_utf8(), v as u8))
}

/// A four-digit year at `i`.
fn year_at(s: &str, i: usize) -> Option<(usize, u16)> {
    let (j, v, n) = digits_at(s, i, 4)?;
    (n == 4 && (1000..=2999).contains(&v)).then_some((j, v as u16))
}

/// The value of digits with separators: the locale's reading and, when a lone `.` or `,` stands
/// before exactly three digits, the other reading. `int` is the first run of digits in `s`,
/// `groups` the runs after separators; every reading is the digits of some of the runs, one
/// after the other, with the decimal point before the last of them or nowhere, so it is exact.
fn number_value(
    s: &str,
    int: Range<usize>,
    groups: &[(char, Range<usize>, usize)],
    decimal: char,
    norm: impl Fn(char) -> char,
) -> (Decimal, Option<Decimal>) {
    // The runs `whole` as one number, with the run `frac` after a decimal point.
    let read = |whole: &[&Range<usize>], frac: Option<&Range<usize>>| {
        let push = |b: &mut DigitBuilder, r: &Range<usize>| {
            for c in s[r.clone()].chars() {
                if let Some(d) = digit(c) {
                    b.push(d as u8);
                }
            }
        };
        let mut b = DigitBuilder::default();
        for r in whole {
            push(&mut b, r);
        }
        if let Some(r) = frac {
            b.point();
            push(&mut b, r);
        }
        b.finish()
    };
    match groups {
        [] => (read(&[&int], None), None),
        [(sep, g, n)] => {
            let sep = norm(*sep);
            if sep == ' ' {
                // A space groups exactly three digits.
                return (read(&[&int, g], None), None);
            }
            let as_decimal = read(&[&int], Some(g));
            let as_group = read(&[&int, g], None);
            if *n != 3 {
                (as_decimal, None)
            } else if sep == decimal {
                (as_decimal, Some(as_group))
            } else {
                (as_group, Some(as_decimal))
            }
        }
        _ => {
            // Several separators: all but a different last one group thousands.
            let last = norm(groups[groups.len() - 1].0);
            let first = norm(groups[0].0);
            let split = if last != first {
                groups.len() - 1
            } else {
                groups.len()
            };
            let whole: Vec<&Range<usize>> = std::iter::once(&int)
                .chain(groups[..split].iter().map(|g| &g.1))
                .collect();
            (read(&whole, groups.get(split).map(|g| &g.1)), None)
        }
    }
}

/// The value of a Chinese numeral (`十二` 12, `三千五百` 3500, `一亿` 1e8, `两` 2), exactly, or
/// [`Decimal::INEXACT`] beyond 38 digits (only a run of numerals no one writes gets there).
fn chinese_value(text: &str) -> Decimal {
    fn value(text: &str) -> Option<u128> {
        let pow = |p: u32| 10u128.checked_pow(p);
        let mut total: u128 = 0;
        let mut section: u128 = 0;
        let mut pending: Option<u128> = None;
        for c in text.chars() {
            if let Some(d) = cn_digit(c) {
                pending = Some(u128::from(d));
            } else if let Some(p) = cn_power(c) {
                if p >= 4 {
                    let unit = section.checked_add(pending.unwrap_or(0))?;
                    let unit = if unit == 0 { 1 } else { unit };
                    total = total.checked_add(unit)?.checked_mul(pow(p)?)?;
                    section = 0;
                } else {
                    section = section.checked_add(pending.unwrap_or(1).checked_mul(pow(p)?)?)?;
                }
                pending = None;
            }
        }
        total
            .checked_add(section)?
            .checked_add(pending.unwrap_or(0))
    }
    value(text).map_or(Decimal::INEXACT, Decimal::from)
}

/// End of a character reference such as `&nbsp;` or `&#160;`.
fn entity_end(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = i + 1;
    if b.get(j) == Some(&b'#') {
        j += 1;
    }
    let st = j;
    while j < b.len() && j - st < 10 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    (j > st && b.get(j) == Some(&b';')).then_some(j + 1)
}

/// End of a URL starting at `i`.
fn url_end(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    let lower_starts = |p: &str| {
        rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if !(lower_starts("http://") || lower_starts("https://") || lower_starts("www.")) {
        return None;
    }
    let mut e = i;
    for c in rest.chars() {
        if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | ')' | '(') || is_cjk(c) {
            break;
        }
        e += c.len_utf8();
    }
    while e > i && matches!(s.as_bytes()[e - 1], b'.' | b',' | b';' | b':' | b'!' | b'?') {
        e -= 1;
    }
    Some(e)
}

#[cfg(test)]
mod tests;
