//! Pairing the quantities of a reference text with those of its translation.

use std::borrow::Cow;

use super::{Cmp, Decimal, Kind, Quantity, Unit};

/// One difference: a pair that differs (one quantity on each side), quantities of the reference
/// with no counterpart (`translation` empty; several when the same text is missing more than
/// once), or quantities only the translation has (`reference` empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Diff<'a, 's> {
    pub reference: Vec<&'a Quantity<'s>>,
    pub translation: Vec<&'a Quantity<'s>>,
}

/// Whether two leftover quantities are one that changed.
type PairTest = dyn Fn(&Quantity<'_>, &Quantity<'_>) -> bool;

/// The value and, for an ambiguous separator, its other reading.
fn readings<'q>(q: &'q Quantity<'_>) -> impl Iterator<Item = &'q Decimal> {
    std::iter::once(&q.value).chain(q.alt.as_ref())
}

/// Whether some reading of `a` equals some reading of `b` (as written, whatever the units).
pub(super) fn value_match(a: &Quantity<'_>, b: &Quantity<'_>) -> bool {
    readings(a).any(|x| readings(b).any(|y| x == y))
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

/// `v`, an amount in `unit`, in its dimension's base unit when `scaled`.
fn in_base<'v>(v: &'v Decimal, unit: Option<Unit>, scaled: bool) -> Cow<'v, Decimal> {
    match unit {
        Some(u) if scaled => Cow::Owned(u.to_base(v)),
        _ => Cow::Borrowed(v),
    }
}

/// Identifiers match verbatim, except for the kind of hyphen.
fn ident_eq(a: &str, b: &str) -> bool {
    let norm = |c: char| match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
        c => c,
    };
    a.chars().map(norm).eq(b.chars().map(norm))
}

/// Whether the limits agree. Symbols (`>`, `≤`) are reliable and must agree exactly, or be
/// matched by a word of the same direction; words alone never disagree (`inte … mer än` is a
/// negated "more than", which a table of words cannot see).
fn cmp_ok(a: &Quantity<'_>, b: &Quantity<'_>) -> bool {
    let dir = |q: &Quantity<'_>| q.cmp.map_or(0, Cmp::direction);
    match (a.symbolic, b.symbolic) {
        (true, true) => a.cmp == b.cmp,
        (true, false) => dir(b) == dir(a),
        (false, true) => dir(a) == dir(b),
        (false, false) => true,
    }
}

fn is_year_only(q: &Quantity<'_>) -> bool {
    q.kind == Kind::Date
        && q.date
            .is_some_and(|d| d.year.is_some() && d.month.is_none() && d.day.is_none())
}

fn plain(q: &Quantity<'_>) -> bool {
    q.unit.is_none() && q.end.is_none() && q.kind == Kind::Number
}

/// Whether `r` and `t` say the same thing; `lenient` lets a unit that one side leaves out
/// (or writes in a way the table does not know) match. Values are exact: equal means equal.
pub fn same(r: &Quantity<'_>, t: &Quantity<'_>, lenient: bool) -> bool {
    match (r.kind, t.kind) {
        (Kind::Identifier, Kind::Identifier) => return ident_eq(r.text, t.text),
        (Kind::Identifier, _) | (_, Kind::Identifier) => return false,
        (Kind::Date, Kind::Date) => return r.date == t.date,
        (Kind::Date, _) => return is_year_only(r) && plain(t) && r.value == t.value,
        (_, Kind::Date) => return is_year_only(t) && plain(r) && r.value == t.value,
        _ => {}
    }
    let freq = |q: &Quantity<'_>| q.kind == Kind::Frequency;
    if freq(r) != freq(t) && ((freq(r) && r.reliable_every) || (freq(t) && t.reliable_every)) {
        return false;
    }
    // Units of one dimension convert exactly (`12 months` = `全年`, `2 weeks` = `14 dagar`,
    // `1000 mg` = `1 g`).
    let Some(scaled) = scaling(r.unit, t.unit, lenient) else {
        return false;
    };
    let ends = match (&r.end, &t.end) {
        (Some(a), Some(b)) => in_base(a, r.unit, scaled) == in_base(b, t.unit, scaled),
        (None, None) => true,
        _ => false,
    };
    let values = readings(r).any(|x| {
        let x = in_base(x, r.unit, scaled);
        readings(t).any(|y| *x == *in_base(y, t.unit, scaled))
    });
    ends && values && cmp_ok(r, t)
}

/// Compares the quantities of a reference text with its translation's and returns what differs.
/// Weak quantities (number words that often are not numbers) may satisfy the other side but are
/// never reported.
pub fn compare<'a, 's>(r: &'a [Quantity<'s>], t: &'a [Quantity<'s>]) -> Vec<Diff<'a, 's>> {
    // The common case, without allocating: the same quantities in the same order. The pairing
    // below would pair each with its counterpart (every quantity takes the first free one that
    // is the same, strong ones first), so nothing differs.
    if r.len() == t.len()
        && r.iter()
            .zip(t)
            .all(|(a, b)| a.weak == b.weak && same(a, b, false))
    {
        return Vec::new();
    }
    let mut r_used = vec![false; r.len()];
    let mut t_used = vec![false; t.len()];
    for lenient in [false, true] {
        // Strong quantities first, so a weak form does not take a strong one's partner.
        for strong_pass in [true, false] {
            for (i, rq) in r.iter().enumerate() {
                if r_used[i] || rq.weak == strong_pass {
                    continue;
                }
                let hit = (0..t.len())
                    .filter(|&j| !t_used[j] && same(rq, &t[j], lenient))
                    .min_by_key(|&j| (t[j].weak, j));
                if let Some(j) = hit {
                    r_used[i] = true;
                    t_used[j] = true;
                }
            }
        }
    }
    // A range may be written as its two ends on the other side (`between 32-bit and 64-bit` /
    // `32 位和 64 位`).
    split_ranges(r, t, &mut r_used, &mut t_used);
    split_ranges(t, r, &mut t_used, &mut r_used);
    let mut rl: Vec<usize> = (0..r.len()).filter(|&i| !r_used[i] && !r[i].weak).collect();
    let mut tl: Vec<usize> = (0..t.len()).filter(|&j| !t_used[j] && !t[j].weak).collect();
    let mut diffs = Vec::new();
    // Pair what is left: same unit, then same value, then an identifier cut short (`56.0.1` →
    // `56.0`).
    let tests: [&PairTest; 4] = [
        &|a, b| {
            a.kind != Kind::Identifier
                && b.kind != Kind::Identifier
                && matches!((a.unit, b.unit), (Some(x), Some(y)) if x.same(y))
        },
        &|a, b| a.kind != Kind::Identifier && b.kind != Kind::Identifier && value_match(a, b),
        &|a, b| {
            (a.kind == Kind::Identifier || b.kind == Kind::Identifier)
                && (a.text.starts_with(b.text) || b.text.starts_with(a.text))
        },
        // Two plain numbers left in the same text are most likely one that changed.
        &|a, b| a.kind == b.kind && plain(a) && plain(b),
    ];
    for test in tests {
        rl.retain(|&i| {
            if let Some(pos) = tl.iter().position(|&j| test(&r[i], &t[j])) {
                let j = tl.remove(pos);
                diffs.push(Diff {
                    reference: vec![&r[i]],
                    translation: vec![&t[j]],
                });
                false
            } else {
                true
            }
        });
    }
    // Spelt-out amounts are only reported against a counterpart (`十年` may be `a decade`), and a
    // value the other side has elsewhere in the text was only repeated less often (`the latter`).
    rl.retain(|&i| !r[i].spelled && !t.iter().any(|q| same(&r[i], q, true)));
    tl.retain(|&j| !t[j].spelled && !r.iter().any(|q| same(q, &t[j], true)));
    // The same text missing (or added) several times is one difference.
    let mut group = |idx: &[usize], qs: &'a [Quantity<'s>], missing: bool| {
        let mut done = vec![false; idx.len()];
        for a in 0..idx.len() {
            if done[a] {
                continue;
            }
            let mut same_text = vec![&qs[idx[a]]];
            for b in a + 1..idx.len() {
                if !done[b] && qs[idx[b]].text == qs[idx[a]].text {
                    done[b] = true;
                    same_text.push(&qs[idx[b]]);
                }
            }
            diffs.push(if missing {
                Diff {
                    reference: same_text,
                    translation: Vec::new(),
                }
            } else {
                Diff {
                    reference: Vec::new(),
                    translation: same_text,
                }
            });
        }
    };
    group(&rl, r, true);
    group(&tl, t, false);
    diffs
}

/// Matches each unmatched range of `a` with two unmatched single values of `b` at its ends.
fn split_ranges(a: &[Quantity<'_>], b: &[Quantity<'_>], a_used: &mut [bool], b_used: &mut [bool]) {
    for (i, q) in a.iter().enumerate() {
        let Some(end) = &q.end else { continue };
        if a_used[i] {
            continue;
        }
        let find = |v: &Decimal, skip: Option<usize>, used: &[bool]| {
            (0..b.len()).find(|&j| {
                !used[j]
                    && Some(j) != skip
                    && b[j].end.is_none()
                    && b[j].kind != Kind::Identifier
                    && b[j].kind != Kind::Date
                    && b[j].value == *v
                    && match (q.unit, b[j].unit) {
                        (Some(x), Some(y)) => x.same(y),
                        _ => true,
                    }
            })
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
