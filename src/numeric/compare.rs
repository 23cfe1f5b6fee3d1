//! Pairing the quantities of a reference text with those of its translation.
//!
//! Values are exact ([`Decimal`]), so "the same value" is an equality, and every pass files the
//! quantities of one side under keys (a hash map) built from what its test compares for
//! equality: the value in the base unit of its dimension, the end of a range, the unit, the
//! normalised text of an identifier. A quantity of the other side then looks only at the
//! quantities under its own keys, in the order the pass would have tried them, so each pass is
//! linear in the number of quantities (plus the length of identifiers, for the prefix test),
//! and finds the partners an all-pairs search would find.

use std::borrow::Cow;

/// Hash maps with a fast hash (the keys are the texts' own quantities).
type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use super::{Cmp, Date, Decimal, DecimalKey, Dimension, Kind, Quantity, Unit};

/// One difference: a pair that differs (one quantity on each side), quantities of the reference
/// with no counterpart (`translation` empty; several when the same text is missing more than
/// once), or quantities only the translation has (`reference` empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Diff<'a, 's> {
    pub reference: Vec<&'a Quantity<'s>>,
    pub translation: Vec<&'a Quantity<'s>>,
}

/// The value and, for an ambiguous separator, its other reading.
fn readings<'q>(q: &'q Quantity<'_>) -> impl Iterator<Item = &'q Decimal> {
    std::iter::once(&q.value).chain(q.alt.as_ref())
}

/// Whether some reading of `a` equals some reading of `b` (as written, whatever the units).
#[cfg(test)]
pub(super) fn value_match(a: &Quantity<'_>, b: &Quantity<'_>) -> bool {
    readings(a).any(|x| readings(b).any(|y| x == y))
}

/// The text of an identifier as compared: every kind of hyphen made `-`, ASCII letters in
/// lowercase (`UTF-8` is `utf-8`) and a decimal comma between digits a point (`R57,60` is
/// `R57.60`); identifiers match verbatim otherwise.
fn ident_text(s: &str) -> Cow<'_, str> {
    let hyphen = |c: char| matches!(c, '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}');
    let b = s.as_bytes();
    let comma = (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b',' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit());
    if !s.contains(hyphen) && !comma && !b.iter().any(u8::is_ascii_uppercase) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev_digit = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next_digit = chars.peek().is_some_and(char::is_ascii_digit);
        out.push(match c {
            c if hyphen(c) => '-',
            ',' if prev_digit && next_digit => '.',
            c => c.to_ascii_lowercase(),
        });
        prev_digit = c.is_ascii_digit();
    }
    Cow::Owned(out)
}

/// How a limit reads for [`compatible`]: a symbol (`>`, `≤`) as written, a word (or none) by
/// its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CmpClass {
    Symbol(Option<Cmp>),
    Word(i8),
    /// A word that may not be a limit at all (`over 2 weeks` is "during"): agrees with any.
    Any,
}

/// What besides the value decides whether two numbers say the same: whether it is a frequency
/// (and whether its "every" word is reliable), and its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Class {
    freq: Option<bool>,
    /// A frequency of a count and a period (`3 times a week`), which a plain count may say.
    counted: bool,
    cmp: CmpClass,
}

fn class(q: &Quantity<'_>) -> Class {
    Class {
        freq: (q.kind == Kind::Frequency).then_some(q.reliable_every),
        counted: q.counted,
        // A weak form's limit is read no better than the form (`小于四位`).
        cmp: if q.vague || q.weak {
            CmpClass::Any
        } else if q.symbolic {
            CmpClass::Symbol(q.cmp)
        } else {
            CmpClass::Word(q.cmp.map_or(0, Cmp::direction))
        },
    }
}

/// Whether quantities of these classes may be the same. A reliable frequency is never a plain
/// amount. Symbols (`>`, `≤`) are reliable and must agree exactly, or be matched by a word of
/// the same direction; words must have the same direction (`over 65` and `65 år och äldre` are
/// both lower limits; a negation turns a word round before this), and a limit on one side
/// only is a difference.
fn compatible(a: Class, b: Class) -> bool {
    let freq_ok = a.freq.is_some() == b.freq.is_some()
        || (a.freq != Some(true) && b.freq != Some(true))
        || (a.counted && b.freq.is_none())
        || (b.counted && a.freq.is_none());
    let dir = |c: Option<Cmp>| c.map_or(0, Cmp::direction);
    let cmp_ok = match (a.cmp, b.cmp) {
        (CmpClass::Symbol(x), CmpClass::Symbol(y)) => x == y,
        (CmpClass::Symbol(x), CmpClass::Word(d)) | (CmpClass::Word(d), CmpClass::Symbol(x)) => {
            dir(x) == d
        }
        (CmpClass::Word(a), CmpClass::Word(b)) => a == b,
        (CmpClass::Any, _) | (_, CmpClass::Any) => true,
    };
    freq_ok && cmp_ok
}

fn is_year_only(q: &Quantity<'_>) -> bool {
    q.kind == Kind::Date
        && q.date
            .is_some_and(|d| d.year.is_some() && d.month.is_none() && d.day.is_none())
}

fn plain(q: &Quantity<'_>) -> bool {
    q.unit.is_none() && q.end.is_none() && q.kind == Kind::Number
}

/// How the values of quantities with these units compare: `Some(true)` in the base unit of
/// their dimension (`2 weeks` = `14 days`, `1000 mg` = `1 g`), `Some(false)` as written (no
/// unit, the same unit, or, when `lenient`, a unit on one side only), `None` never (units of
/// different dimensions).
fn scaling(a: Option<Unit>, b: Option<Unit>, lenient: bool) -> Option<bool> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (da, ka) = a.base();
            let (db, kb) = b.base();
            (da == db).then_some(ka != kb)
        }
        (None, None) => Some(false),
        _ => lenient.then_some(false),
    }
}

/// Whether one side wrote a unit symbol (`°C`, `mg`) and the other nothing where a unit could
/// be: the unit was dropped, which leniency does not excuse.
fn unit_dropped(a: &Quantity<'_>, b: &Quantity<'_>) -> bool {
    (a.unit_symbol && b.unit.is_none() && b.bare) || (b.unit_symbol && a.unit.is_none() && a.bare)
}

/// `v`, an amount in `unit`, in its dimension's base unit when `scaled`.
fn in_base<'v>(v: &'v Decimal, unit: Option<Unit>, scaled: bool) -> Cow<'v, Decimal> {
    match unit {
        Some(u) if scaled => Cow::Owned(u.to_base(v)),
        _ => Cow::Borrowed(v),
    }
}

/// Whether `r` and `t` say the same thing; `lenient` lets a unit that one side leaves out
/// (or writes in a way the table does not know) match. Symmetric in `r` and `t`.
pub fn same(r: &Quantity<'_>, t: &Quantity<'_>, lenient: bool) -> bool {
    match (r.kind, t.kind) {
        (Kind::Identifier, Kind::Identifier) => return ident_text(r.text) == ident_text(t.text),
        (Kind::Identifier, _) | (_, Kind::Identifier) => return false,
        (Kind::Date, Kind::Date) => return r.date == t.date,
        (Kind::Time, Kind::Time) => return readings(r).any(|x| readings(t).any(|y| x == y)),
        (Kind::Time, _) | (_, Kind::Time) => return false,
        (Kind::Date, _) => return is_year_only(r) && plain(t) && r.value == t.value,
        (_, Kind::Date) => return is_year_only(t) && plain(r) && r.value == t.value,
        _ => {}
    }
    if !compatible(class(r), class(t)) {
        return false;
    }
    if r.kind == Kind::Frequency && t.kind == Kind::Frequency && r.count != t.count {
        return false;
    }
    // `3 times a week` said as `3 bowel movements a week`: the count is the number.
    let counted_as = |f: &Quantity<'_>, p: &Quantity<'_>| {
        f.counted
            && p.kind != Kind::Frequency
            && plain(p)
            && readings(p).any(|v| *v == Decimal::from(u64::from(f.count)))
    };
    if counted_as(r, t) || counted_as(t, r) {
        return true;
    }
    if r.kind == Kind::Frequency && t.kind != Kind::Frequency && r.counted
        || t.kind == Kind::Frequency && r.kind != Kind::Frequency && t.counted
    {
        return false;
    }
    if lenient && unit_dropped(r, t) {
        return false;
    }
    let Some(scaled) = scaling(r.unit, t.unit, lenient) else {
        return false;
    };
    let ends = match (&r.end, &t.end) {
        (Some(a), Some(b)) => in_base(a, r.unit, scaled) == in_base(b, t.unit, scaled),
        (None, None) => true,
        _ => false,
    };
    ends && readings(r).any(|x| {
        let x = in_base(x, r.unit, scaled);
        readings(t).any(|y| *x == *in_base(y, t.unit, scaled))
    })
}

/// What [`same`] compares for equality, as a hash key: two quantities are the same exactly
/// when one is filed under a key the other looks up ([`filed_keys`], [`sought_keys`]) and
/// their classes are [`compatible`] (the pairing still asks [`same`] before it takes one).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key<'s> {
    /// An identifier by its text.
    Ident(Cow<'s, str>),
    Date(Option<Date>),
    /// A year-only date by its year, where plain numbers look.
    Year(DecimalKey),
    /// A plain number by its value (not its other reading), where year-only dates look.
    Plain(DecimalKey),
    /// A number, ordinal or frequency: its unit's dimension (`None` without a unit), one
    /// reading of its value and the end of its range, in the dimension's base unit.
    Value(Option<Dimension>, DecimalKey, Option<DecimalKey>),
    /// A number with a unit, by its value and end as written, where one without a unit looks
    /// when `lenient`.
    Raw(DecimalKey, Option<DecimalKey>),
}

impl Key<'_> {
    /// Whether quantities under this key must also have compatible classes.
    fn classed(&self) -> bool {
        matches!(self, Key::Value(..) | Key::Raw(..))
    }
}

/// Calls `f` with the (value, end) keys of each reading of `q` (once for equal readings), in
/// the base unit of its dimension if `scaled`; not at all when the end is not exactly known (a
/// range that can match nothing).
fn reading_keys(q: &Quantity<'_>, scaled: bool, mut f: impl FnMut(DecimalKey, Option<DecimalKey>)) {
    let end = match &q.end {
        Some(e) => match in_base(e, q.unit, scaled).key() {
            Some(k) => Some(k),
            None => return,
        },
        None => None,
    };
    let value = in_base(&q.value, q.unit, scaled).key();
    let alt = q
        .alt
        .as_ref()
        .and_then(|a| in_base(a, q.unit, scaled).key());
    let alt = alt.filter(|a| value.as_ref() != Some(a));
    match (value, alt) {
        (Some(v), Some(a)) => {
            f(v, end.clone());
            f(a, end);
        }
        (Some(k), None) | (None, Some(k)) => f(k, end),
        (None, None) => {}
    }
}

/// The keys `q` is filed under, on the side being searched (added to `out`).
fn filed_keys<'s>(q: &Quantity<'s>, out: &mut Vec<Key<'s>>) {
    match q.kind {
        Kind::Identifier => out.push(Key::Ident(ident_text(q.text))),
        Kind::Date => {
            out.push(Key::Date(q.date));
            if is_year_only(q) {
                out.extend(q.value.key().map(Key::Year));
            }
        }
        _ => {
            if plain(q) {
                out.extend(q.value.key().map(Key::Plain));
            }
            let dim = q.unit.map(Unit::dimension);
            reading_keys(q, true, |v, e| out.push(Key::Value(dim, v, e)));
            if q.unit.is_some() {
                reading_keys(q, false, |v, e| out.push(Key::Raw(v, e)));
            }
            if q.counted {
                out.extend(
                    Decimal::from(u64::from(q.count))
                        .key()
                        .map(|k| Key::Value(None, k, None)),
                );
            }
        }
    }
}

/// The keys to look up for `q` on the other side (added to `out`): where every quantity
/// [`same`] as `q` (with `lenient`) is filed.
fn sought_keys<'s>(q: &Quantity<'s>, lenient: bool, out: &mut Vec<Key<'s>>) {
    match q.kind {
        Kind::Identifier => out.push(Key::Ident(ident_text(q.text))),
        Kind::Date => {
            out.push(Key::Date(q.date));
            if is_year_only(q) {
                out.extend(q.value.key().map(Key::Plain));
            }
        }
        _ => {
            if plain(q) {
                out.extend(q.value.key().map(Key::Year));
            }
            let dim = q.unit.map(Unit::dimension);
            // Units of one dimension (or none on both sides).
            reading_keys(q, true, |v, e| out.push(Key::Value(dim, v, e)));
            if q.counted {
                out.extend(
                    Decimal::from(u64::from(q.count))
                        .key()
                        .map(|k| Key::Value(None, k, None)),
                );
            }
            if lenient {
                // A unit on one side only: values as written.
                reading_keys(q, false, |v, e| {
                    out.push(match dim {
                        Some(_) => Key::Value(None, v, e),
                        None => Key::Raw(v, e),
                    })
                });
            }
        }
    }
}

/// The quantities under one key with one class (`None`: any class): a range of
/// [`Index::items`], in the order they are tried, and the first one that may still be free.
#[derive(Debug)]
struct Slot {
    class: Option<Class>,
    items: std::ops::Range<u32>,
    next: u32,
}

/// What is filed under one key: most keys have one quantity, kept in the map entry itself.
#[derive(Debug)]
enum Filed {
    One(Option<Class>, u32),
    /// A range of [`Index::slots`].
    Slots(std::ops::Range<u32>),
}

/// The quantities of one side, filed under their [`filed_keys`]. The map is keyed by a 64-bit
/// hash of the key (with a random seed), not the key: the entries are small, so that a side of
/// 100,000 quantities takes few cache misses per lookup. The hash only narrows the candidates:
/// [`same`], called on each before it is taken, decides (two keys with one hash would only cost
/// a comparison more).
struct Index {
    hasher: foldhash::fast::RandomState,
    filed: Map<u64, Filed>,
    slots: Vec<Slot>,
    items: Vec<u32>,
}

/// A small number for each class, to sort by.
fn class_id(c: Option<Class>) -> u8 {
    let Some(c) = c else { return 0 };
    let freq = match (c.freq, c.counted) {
        (None, _) => 0,
        (Some(false), _) => 1,
        (Some(true), false) => 2,
        (Some(true), true) => 3,
    };
    let cmp = match c.cmp {
        CmpClass::Symbol(None) => 0,
        CmpClass::Symbol(Some(Cmp::Gt)) => 1,
        CmpClass::Symbol(Some(Cmp::Ge)) => 2,
        CmpClass::Symbol(Some(Cmp::Lt)) => 3,
        CmpClass::Symbol(Some(Cmp::Le)) => 4,
        CmpClass::Symbol(Some(Cmp::Approx)) => 5,
        CmpClass::Word(d) => 7 + d.signum(),
        CmpClass::Any => 9,
    };
    1 + freq * 10 + cmp as u8
}

/// A position in a side, for the index (a text has far fewer than 2^32 quantities: each is at
/// least one byte of it).
fn pos32(j: usize) -> u32 {
    u32::try_from(j).unwrap_or(u32::MAX)
}

impl Index {
    /// Files `qs`: strong quantities first, then weak ones, each in text order, which is the
    /// order the first pairing pass prefers partners in. Keys that no quantity of `seekers` (the
    /// other side) looks up are left out.
    fn new(qs: &[Quantity<'_>], seekers: &[Quantity<'_>]) -> Self {
        use std::hash::BuildHasher;
        let seek_plain = seekers.iter().any(is_year_only);
        let seek_year = seekers.iter().any(plain);
        let seek_raw = seekers
            .iter()
            .any(|q| q.unit.is_none() && !matches!(q.kind, Kind::Identifier | Kind::Date));
        let wanted = |key: &Key<'_>| match key {
            Key::Plain(_) => seek_plain,
            Key::Year(_) => seek_year,
            Key::Raw(..) => seek_raw,
            _ => true,
        };
        let hasher = foldhash::fast::RandomState::default();
        // (key hash, class, quantity) in the order tried: strong ones, then weak ones.
        let mut entries: Vec<(u64, u8, u32)> = Vec::with_capacity(qs.len() * 2);
        let mut classes: Vec<Option<Class>> = vec![None; 1 + 4 * 10];
        let mut keys = Vec::new();
        for weak in [false, true] {
            for (j, q) in qs.iter().enumerate().filter(|(_, q)| q.weak == weak) {
                let c = class(q);
                keys.clear();
                filed_keys(q, &mut keys);
                for key in keys.iter().filter(|k| wanted(k)) {
                    let class = key.classed().then_some(c);
                    let cid = class_id(class);
                    classes[usize::from(cid)] = class;
                    entries.push((hasher.hash_one(key), cid, pos32(j)));
                }
            }
        }
        // By key and class; the sort is stable, so each slot keeps the order tried.
        entries.sort_by_key(|&(h, cid, _)| (h, cid));
        entries.dedup();
        let mut filed: Map<u64, Filed> =
            Map::with_capacity_and_hasher(entries.len(), Default::default());
        let mut slots: Vec<Slot> = Vec::new();
        let items: Vec<u32> = entries.iter().map(|e| e.2).collect();
        let mut k = 0;
        while k < entries.len() {
            let h = entries[k].0;
            let first_slot = pos32(slots.len());
            let mut e = k;
            while e < entries.len() && entries[e].0 == h {
                let s = e;
                while e < entries.len() && entries[e].0 == h && entries[e].1 == entries[s].1 {
                    e += 1;
                }
                slots.push(Slot {
                    class: classes[usize::from(entries[s].1)],
                    items: pos32(s)..pos32(e),
                    next: pos32(s),
                });
            }
            let entry = if slots.len() == first_slot as usize + 1 && e == k + 1 {
                let one = slots.pop().expect("just pushed");
                Filed::One(one.class, entries[k].2)
            } else {
                Filed::Slots(first_slot..pos32(slots.len()))
            };
            filed.insert(h, entry);
            k = e;
        }
        Index {
            hasher,
            filed,
            slots,
            items,
        }
    }

    fn lookup(&self, key: &Key<'_>) -> Option<&Filed> {
        use std::hash::BuildHasher;
        self.filed.get(&self.hasher.hash_one(key))
    }

    /// The first quantity under `key` (strong before weak, then in text order) that is not
    /// `used`, in a slot compatible with `class`, that `ok` ([`same`]) accepts.
    fn first(
        &mut self,
        key: &Key<'_>,
        class: Class,
        used: &[bool],
        weak: impl Fn(usize) -> bool,
        ok: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let range = match self.lookup(key)? {
            Filed::One(c, j) => {
                let j = *j as usize;
                let fits = c.is_none_or(|c| compatible(class, c));
                return (fits && !used[j] && ok(j)).then_some(j);
            }
            Filed::Slots(r) => r.start as usize..r.end as usize,
        };
        let mut best: Option<usize> = None;
        for slot in &mut self.slots[range] {
            if slot.class.is_some_and(|c| !compatible(class, c)) {
                continue;
            }
            // Used quantities stay used: skip them once for all.
            while slot.next < slot.items.end && used[self.items[slot.next as usize] as usize] {
                slot.next += 1;
            }
            let hit = self.items[slot.next as usize..slot.items.end as usize]
                .iter()
                .map(|&j| j as usize)
                .find(|&j| !used[j] && ok(j));
            if let Some(j) = hit {
                if best.is_none_or(|b| (weak(j), j) < (weak(b), b)) {
                    best = Some(j);
                }
            }
        }
        best
    }

    /// Whether a quantity under `key`, in a slot compatible with `class`, is one `ok` accepts.
    fn any(&self, key: &Key<'_>, class: Class, ok: impl Fn(usize) -> bool) -> bool {
        match self.lookup(key) {
            None => false,
            Some(Filed::One(c, j)) => c.is_none_or(|c| compatible(class, c)) && ok(*j as usize),
            Some(Filed::Slots(r)) => self.slots[r.start as usize..r.end as usize]
                .iter()
                .filter(|s| s.class.is_none_or(|c| compatible(class, c)))
                .any(|s| {
                    self.items[s.items.start as usize..s.items.end as usize]
                        .iter()
                        .any(|&j| ok(j as usize))
                }),
        }
    }
}

/// Compares the quantities of a reference text with its translation's and returns what differs.
/// Weak quantities (number words that often are not numbers) may satisfy the other side but are
/// never reported.
pub fn compare<'a, 's>(r: &'a [Quantity<'s>], t: &'a [Quantity<'s>]) -> Vec<Diff<'a, 's>> {
    compare_pairs(r, t, &mut Vec::new())
}

/// [`compare`], also giving in `pairs` the (reference, translation) indices of the quantities
/// the value passes paired as the same.
pub fn compare_pairs<'a, 's>(
    r: &'a [Quantity<'s>],
    t: &'a [Quantity<'s>],
    pairs: &mut Vec<(usize, usize)>,
) -> Vec<Diff<'a, 's>> {
    pairs.clear();
    // The common case, without allocating: the same quantities in the same order. The pairing
    // below would pair each with its counterpart (every quantity takes the first free one that
    // is the same, strong ones first), so nothing differs.
    if r.len() == t.len()
        && r.iter()
            .zip(t)
            .all(|(a, b)| a.weak == b.weak && same(a, b, false))
    {
        // (One pair can have moved nowhere: the pairs are only wanted from two up.)
        if r.len() >= 2 {
            pairs.extend((0..r.len()).map(|i| (i, i)));
        }
        return Vec::new();
    }
    let mut r_used = vec![false; r.len()];
    let mut t_used = vec![false; t.len()];
    // Placeholder names first: their digits are no quantity a number word may take.
    placeholder_pairs(r, t, &mut r_used, &mut t_used);
    // Each quantity of the reference, in order, takes the first free quantity of the
    // translation that is the same (strong ones before weak ones).
    let mut t_index = Index::new(t, r);
    let mut keys = Vec::new();
    for lenient in [false, true] {
        // Strong quantities first, so a weak form does not take a strong one's partner.
        for strong_pass in [true, false] {
            for (i, rq) in r.iter().enumerate() {
                if r_used[i] || rq.weak == strong_pass {
                    continue;
                }
                let c = class(rq);
                let mut hit: Option<usize> = None;
                keys.clear();
                sought_keys(rq, lenient, &mut keys);
                for key in &keys {
                    let found =
                        t_index.first(key, c, &t_used, |j| t[j].weak, |j| same(rq, &t[j], lenient));
                    if let Some(j) = found {
                        if hit.is_none_or(|h| (t[j].weak, j) < (t[h].weak, h)) {
                            hit = Some(j);
                        }
                    }
                }
                if let Some(j) = hit {
                    r_used[i] = true;
                    t_used[j] = true;
                    pairs.push((i, j));
                }
            }
        }
    }
    // A range may be written as its two ends on the other side (`between 32-bit and 64-bit` /
    // `32 位和 64 位`).
    split_ranges(r, t, &mut r_used, &mut t_used);
    split_ranges(t, r, &mut t_used, &mut r_used);
    split_group_pairs(r, t, &mut r_used, &mut t_used);
    let mut rl: Vec<usize> = (0..r.len()).filter(|&i| !r_used[i] && !r[i].weak).collect();
    // What is left of the translation: `t_gone` is false for the quantities in it.
    let mut t_gone: Vec<bool> = (0..t.len()).map(|j| t_used[j] || t[j].weak).collect();
    let mut diffs = Vec::new();
    pair_leftovers(r, t, &mut rl, &mut t_gone, &mut diffs);
    // Spelt-out amounts are only reported against a counterpart (`十年` may be `a decade`), and a
    // value the other side has elsewhere in the text was only repeated less often (`the latter`).
    let elsewhere = |index: &Index, q: &Quantity<'s>, on_other_side: &dyn Fn(usize) -> bool| {
        let c = class(q);
        let mut keys = Vec::new();
        sought_keys(q, true, &mut keys);
        keys.iter().any(|key| index.any(key, c, on_other_side))
    };
    rl.retain(|&i| !r[i].spelled && !elsewhere(&t_index, &r[i], &|j| same(&r[i], &t[j], true)));
    let mut tl: Vec<usize> = (0..t.len())
        .filter(|&j| !t_gone[j] && !t[j].spelled)
        .collect();
    if tl.len() <= 8 {
        // A few: looking through the reference is cheaper than filing it.
        tl.retain(|&j| !r.iter().any(|q| same(q, &t[j], true)));
    } else {
        let r_index = Index::new(r, t);
        tl.retain(|&j| !elsewhere(&r_index, &t[j], &|i| same(&r[i], &t[j], true)));
    }
    // The same text missing (or added) several times is one difference.
    let mut group = |idx: &[usize], qs: &'a [Quantity<'s>], missing: bool| {
        let mut groups: Vec<Vec<&'a Quantity<'s>>> = Vec::new();
        let mut by_text: Map<&'s str, usize> = Map::default();
        for &k in idx {
            let g = *by_text.entry(qs[k].text).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(&qs[k]);
        }
        diffs.extend(groups.into_iter().map(|same_text| {
            if missing {
                Diff {
                    reference: same_text,
                    translation: Vec::new(),
                }
            } else {
                Diff {
                    reference: Vec::new(),
                    translation: same_text,
                }
            }
        }));
    };
    group(&rl, r, true);
    group(&tl, t, false);
    diffs
}

/// Quantities in the order a pass tries them, and the first that may not be gone yet.
#[derive(Debug, Default)]
struct Bucket {
    items: Vec<usize>,
    next: usize,
}

impl Bucket {
    /// The first quantity that is not `gone` and not `skip`.
    fn first(&mut self, gone: &[bool], skip: Option<usize>) -> Option<usize> {
        self.first_not(gone, skip.as_slice())
    }

    /// The first quantity that is not `gone` and not in `skip` (a few).
    fn first_not(&mut self, gone: &[bool], skip: &[usize]) -> Option<usize> {
        while self.items.get(self.next).is_some_and(|&j| gone[j]) {
            self.next += 1;
        }
        self.items[self.next..]
            .iter()
            .copied()
            .find(|&j| !gone[j] && !skip.contains(&j))
    }
}

fn first_in<K: std::hash::Hash + Eq>(
    map: &mut Map<K, Bucket>,
    key: &K,
    gone: &[bool],
    skip: Option<usize>,
) -> Option<usize> {
    map.get_mut(key).and_then(|b| b.first(gone, skip))
}

/// Units that [`Unit::same`] does not tell apart are one.
fn same_unit_key(u: Unit) -> Unit {
    match u {
        Unit::AgeYear => Unit::Year,
        u => u,
    }
}

/// Pairs what is left of the reference (`rl`) with what is left of the translation (the
/// quantities not `t_gone`), each reference quantity in order with the first translation
/// quantity that passes a test: same unit, then same value, then an identifier cut short
/// (`56.0.1` → `56.0`), then two plain numbers. Paired quantities leave `rl` and are `t_gone`.
fn pair_leftovers<'a, 's>(
    r: &'a [Quantity<'s>],
    t: &'a [Quantity<'s>],
    rl: &mut Vec<usize>,
    t_gone: &mut [bool],
    diffs: &mut Vec<Diff<'a, 's>>,
) {
    let left: Vec<usize> = (0..t.len()).filter(|&j| !t_gone[j]).collect();
    if rl.is_empty() || left.is_empty() {
        return;
    }
    let mut pair = |i: usize, j: Option<usize>, t_gone: &mut [bool]| match j {
        Some(j) => {
            t_gone[j] = true;
            diffs.push(Diff {
                reference: vec![&r[i]],
                translation: vec![&t[j]],
            });
            false
        }
        None => true,
    };
    // Same unit.
    let mut by_unit: Map<Unit, Bucket> = Map::default();
    for &j in &left {
        if let (Some(u), false) = (t[j].unit, t[j].kind == Kind::Identifier) {
            by_unit.entry(same_unit_key(u)).or_default().items.push(j);
        }
    }
    rl.retain(|&i| {
        let j = match (r[i].unit, r[i].kind) {
            (Some(u), k) if k != Kind::Identifier => {
                first_in(&mut by_unit, &same_unit_key(u), t_gone, None)
            }
            _ => None,
        };
        pair(i, j, t_gone)
    });
    // Same value (either reading).
    let mut by_value: Map<DecimalKey, Bucket> = Map::default();
    for &j in &left {
        if t[j].kind != Kind::Identifier {
            let mut keys: Vec<DecimalKey> = readings(&t[j]).filter_map(Decimal::key).collect();
            keys.dedup();
            for k in keys {
                by_value.entry(k).or_default().items.push(j);
            }
        }
    }
    rl.retain(|&i| {
        let j = if r[i].kind == Kind::Identifier {
            None
        } else {
            readings(&r[i])
                .filter_map(Decimal::key)
                .filter_map(|k| first_in(&mut by_value, &k, t_gone, None))
                .min()
        };
        pair(i, j, t_gone)
    });
    // An identifier cut short: one text a prefix of the other, one of them an identifier.
    let ident = |q: &Quantity<'_>| q.kind == Kind::Identifier;
    let r_ident = rl.iter().any(|&i| ident(&r[i]));
    let t_ident = left.iter().any(|&j| !t_gone[j] && ident(&t[j]));
    if r_ident || t_ident {
        // Without an identifier left in the reference, only the translation's can be partners.
        let filed: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&j| !t_gone[j] && (r_ident || ident(&t[j])))
            .collect();
        let mut prefixes = PrefixIndex::new(t, &filed);
        rl.retain(|&i| {
            let j = prefixes.first(core_text(&r[i]), !ident(&r[i]));
            if let Some(j) = j {
                prefixes.remove(j);
            }
            pair(i, j, t_gone)
        });
    }
    // Two plain numbers (or two times of day) left in the same text are most likely one that
    // changed.
    let mut plains = Bucket {
        items: left.iter().copied().filter(|&j| plain(&t[j])).collect(),
        next: 0,
    };
    let mut times = Bucket {
        items: left
            .iter()
            .copied()
            .filter(|&j| t[j].kind == Kind::Time)
            .collect(),
        next: 0,
    };
    rl.retain(|&i| {
        let j = if plain(&r[i]) {
            plains.first(t_gone, None)
        } else if r[i].kind == Kind::Time {
            times.first(t_gone, None)
        } else {
            None
        };
        pair(i, j, t_gone)
    });
}

/// What the prefix test compares of a quantity: an identifier's text, or a number's digits and
/// separators without the words around them (`56.0 或更高` is `56.0`).
pub(super) fn core_text<'s>(q: &Quantity<'s>) -> &'s str {
    if q.kind == Kind::Identifier {
        return q.text;
    }
    let b = q.text.as_bytes();
    let Some(st) = b.iter().position(u8::is_ascii_digit) else {
        return q.text;
    };
    let len = b[st..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
        .count();
    &q.text[st..st + len]
}

/// Texts of quantities in a trie (by bytes), for "the first quantity whose text is a prefix of
/// this text, or has it as a prefix". The quantities are numbered in depth-first order, so the
/// ones ending at a node are a range and the ones below a node too; two segment trees give the
/// first quantity left in a range, of all and of the identifiers.
struct PrefixIndex {
    /// Children by byte; the quantities ending here and below, as ranges of positions.
    nodes: Vec<TrieNode>,
    /// The position of each quantity filed (by index in the side).
    pos: Map<usize, usize>,
    all: MinTree,
    idents: MinTree,
}

#[derive(Default)]
struct TrieNode {
    children: Vec<(u8, u32)>,
    /// The quantities whose text ends here (while building).
    here: Vec<usize>,
    /// Positions of the quantities ending here, and of all in the subtree (`ends.start..end`).
    ends: std::ops::Range<usize>,
    end: usize,
}

impl TrieNode {
    fn child(&self, b: u8) -> Option<usize> {
        self.children
            .iter()
            .find(|(c, _)| *c == b)
            .map(|&(_, n)| n as usize)
    }
}

impl PrefixIndex {
    fn new(qs: &[Quantity<'_>], filed: &[usize]) -> Self {
        let mut nodes = vec![TrieNode::default()];
        for &j in filed {
            let mut n = 0;
            for b in core_text(&qs[j]).bytes() {
                n = match nodes[n].child(b) {
                    Some(c) => c,
                    None => {
                        nodes.push(TrieNode::default());
                        let c = nodes.len() - 1;
                        nodes[n].children.push((b, c as u32));
                        c
                    }
                };
            }
            nodes[n].here.push(j);
        }
        // Depth first, without recursion (a text may be as deep as it is long).
        let mut order: Vec<usize> = Vec::with_capacity(filed.len());
        let mut stack: Vec<(usize, bool)> = vec![(0, false)];
        while let Some((n, done)) = stack.pop() {
            if done {
                nodes[n].end = order.len();
                continue;
            }
            let start = order.len();
            order.extend(std::mem::take(&mut nodes[n].here));
            nodes[n].ends = start..order.len();
            stack.push((n, true));
            stack.extend(
                nodes[n]
                    .children
                    .iter()
                    .rev()
                    .map(|&(_, c)| (c as usize, false)),
            );
        }
        let mut all = MinTree::new(order.len());
        let mut idents = MinTree::new(order.len());
        let mut pos = Map::with_capacity_and_hasher(order.len(), Default::default());
        for (p, &j) in order.iter().enumerate() {
            pos.insert(j, p);
            all.set(p, j);
            if qs[j].kind == Kind::Identifier {
                idents.set(p, j);
            }
        }
        PrefixIndex {
            nodes,
            pos,
            all,
            idents,
        }
    }

    /// The first quantity left whose text is a prefix of `text` or starts with it; only
    /// identifiers if `idents_only`.
    fn first(&self, text: &str, idents_only: bool) -> Option<usize> {
        let tree = if idents_only { &self.idents } else { &self.all };
        let mut best = usize::MAX;
        let mut n = 0;
        best = best.min(tree.min(self.nodes[n].ends.clone()));
        for b in text.bytes() {
            match self.nodes[n].child(b) {
                Some(c) => n = c,
                None => return (best != usize::MAX).then_some(best),
            }
            if !self.nodes[n].ends.is_empty() {
                best = best.min(tree.min(self.nodes[n].ends.clone()));
            }
        }
        // Every text below the node starts with `text`.
        best = best.min(tree.min(self.nodes[n].ends.start..self.nodes[n].end));
        (best != usize::MAX).then_some(best)
    }

    fn remove(&mut self, j: usize) {
        if let Some(&p) = self.pos.get(&j) {
            self.all.set(p, usize::MAX);
            self.idents.set(p, usize::MAX);
        }
    }
}

/// The minimum over ranges of positions, with updates (a segment tree; empty is `usize::MAX`).
struct MinTree {
    size: usize,
    tree: Vec<usize>,
}

impl MinTree {
    fn new(n: usize) -> Self {
        let size = n.next_power_of_two().max(1);
        MinTree {
            size,
            tree: vec![usize::MAX; 2 * size],
        }
    }

    fn set(&mut self, p: usize, v: usize) {
        let mut k = p + self.size;
        self.tree[k] = v;
        while k > 1 {
            k /= 2;
            self.tree[k] = self.tree[2 * k].min(self.tree[2 * k + 1]);
        }
    }

    fn min(&self, range: std::ops::Range<usize>) -> usize {
        let (mut lo, mut hi) = (range.start + self.size, range.end + self.size);
        let mut best = usize::MAX;
        while lo < hi {
            if lo % 2 == 1 {
                best = best.min(self.tree[lo]);
                lo += 1;
            }
            if hi % 2 == 1 {
                hi -= 1;
                best = best.min(self.tree[hi]);
            }
            lo /= 2;
            hi /= 2;
        }
        best
    }
}

/// A placeholder name translated with its digit kept (`FILE1` ↔ `文件1`, `SET2` ↔ `字符集2`,
/// `FILE1` ↔ `FIL1`), in both directions: paired before anything else.
pub(super) fn placeholder_pairs(
    r: &[Quantity<'_>],
    t: &[Quantity<'_>],
    r_used: &mut [bool],
    t_used: &mut [bool],
) {
    placeholder_digits(r, t, r_used, t_used);
    placeholder_digits(t, r, t_used, r_used);
}

/// Digits a language groups with a space that the other writes as a list (`222 222`), in
/// both directions: paired after the ranges.
pub(super) fn split_group_pairs(
    r: &[Quantity<'_>],
    t: &[Quantity<'_>],
    r_used: &mut [bool],
    t_used: &mut [bool],
) {
    split_groups(r, t, r_used, t_used);
    split_groups(t, r, t_used, r_used);
}

/// The number at the end of an identifier made of ASCII letters and then digits only
/// (`FILE1`, `set2`, `arg10`), as a placeholder name is.
fn placeholder_number(q: &Quantity<'_>) -> Option<DecimalKey> {
    if q.kind != Kind::Identifier {
        return None;
    }
    let b = q.text.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = &q.text[letters..];
    if letters == 0
        || digits.is_empty()
        || digits.len() > 6
        || !digits.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Decimal::from_ascii(digits, 0).key()
}

fn placeholder_digits(
    a: &[Quantity<'_>],
    b: &[Quantity<'_>],
    a_used: &mut [bool],
    b_used: &mut [bool],
) {
    let mut by_value: Map<DecimalKey, Bucket> = Map::default();
    for (j, q) in b.iter().enumerate() {
        if b_used[j] {
            continue;
        }
        let key = if q.after_word && plain(q) {
            q.value.key()
        } else {
            placeholder_number(q)
        };
        if let Some(k) = key {
            by_value.entry(k).or_default().items.push(j);
        }
    }
    if by_value.is_empty() {
        return;
    }
    for (i, q) in a.iter().enumerate() {
        if a_used[i] {
            continue;
        }
        let Some(k) = placeholder_number(q) else {
            continue;
        };
        if let Some(j) = first_in(&mut by_value, &k, b_used, None) {
            a_used[i] = true;
            b_used[j] = true;
        }
    }
}

/// Each free plain number of `a` written with a space between digit groups (`222 222`) whose
/// groups are, as numbers, free plain numbers of `b` (the first free ones, in text order).
fn split_groups(a: &[Quantity<'_>], b: &[Quantity<'_>], a_used: &mut [bool], b_used: &mut [bool]) {
    let grouped = |q: &Quantity<'_>| {
        plain(q)
            && q.text.chars().any(super::is_space)
            && q.text
                .chars()
                .all(|c| c.is_ascii_digit() || super::is_space(c))
    };
    if !a.iter().enumerate().any(|(i, q)| !a_used[i] && grouped(q)) {
        return;
    }
    let mut by_value: Map<DecimalKey, Bucket> = Map::default();
    for (j, q) in b.iter().enumerate() {
        if !b_used[j] && plain(q) {
            if let Some(k) = q.value.key() {
                by_value.entry(k).or_default().items.push(j);
            }
        }
    }
    let mut taken: Vec<usize> = Vec::new();
    for (i, q) in a.iter().enumerate() {
        if a_used[i] || !grouped(q) {
            continue;
        }
        taken.clear();
        // A number has few groups; each takes the first free value not taken yet.
        let all = q
            .text
            .split(super::is_space)
            .filter(|p| !p.is_empty())
            .all(|part| {
                let Some(k) = Decimal::from_ascii(part, 0).key() else {
                    return false;
                };
                let Some(bucket) = by_value.get_mut(&k) else {
                    return false;
                };
                match bucket.first_not(b_used, &taken) {
                    Some(j) => {
                        taken.push(j);
                        true
                    }
                    None => false,
                }
            });
        if all && taken.len() >= 2 {
            a_used[i] = true;
            for &j in &taken {
                b_used[j] = true;
            }
        }
    }
}

/// Matches each unmatched range of `a` with two unmatched single values of `b` at its ends (the
/// first such values in text order, with the range's unit or none).
fn split_ranges(a: &[Quantity<'_>], b: &[Quantity<'_>], a_used: &mut [bool], b_used: &mut [bool]) {
    if !a
        .iter()
        .enumerate()
        .any(|(i, q)| q.end.is_some() && !a_used[i])
    {
        return;
    }
    // The single values of `b` by value, and by value and unit.
    let mut by_value: Map<DecimalKey, Bucket> = Map::default();
    let mut by_unit: Map<(DecimalKey, Option<Unit>), Bucket> = Map::default();
    for (j, q) in b.iter().enumerate() {
        if b_used[j] || q.end.is_some() || matches!(q.kind, Kind::Identifier | Kind::Date) {
            continue;
        }
        if let Some(k) = q.value.key() {
            by_unit
                .entry((k.clone(), q.unit.map(same_unit_key)))
                .or_default()
                .items
                .push(j);
            by_value.entry(k).or_default().items.push(j);
        }
    }
    for (i, q) in a.iter().enumerate() {
        let Some(end) = &q.end else { continue };
        if a_used[i] {
            continue;
        }
        // The first free value `v` of `b` but `skip`, with a unit that agrees with the range's.
        let mut find = |v: &Decimal, skip: Option<usize>, used: &[bool]| {
            let k = v.key()?;
            match q.unit {
                None => first_in(&mut by_value, &k, used, skip),
                Some(u) => {
                    let without = first_in(&mut by_unit, &(k.clone(), None), used, skip);
                    let with = first_in(&mut by_unit, &(k, Some(same_unit_key(u))), used, skip);
                    without.into_iter().chain(with).min()
                }
            }
        };
        if let Some(lo) = find(&q.value, None, b_used) {
            if let Some(hi) = find(end, Some(lo), b_used) {
                a_used[i] = true;
                b_used[lo] = true;
                b_used[hi] = true;
            }
        }
    }
}
