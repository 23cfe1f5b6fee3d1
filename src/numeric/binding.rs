//! Which value belongs to what: the same numbers on both sides, given to other things
//! (`10 mg in the morning and 5 mg in the evening` → `5 mg på morgonen och 10 mg på kvällen`).
//!
//! Each text is cut into clauses (at `;`, `,`, `。`, `and`, `och`, `和`, …). A quantity belongs
//! to the nearest quantity before it in its clause (a band: `under 30 kg: 5 mg`, `Week 1: 25
//! mg`), or else to the nearest *anchor* in its clause: an identifier or an acronym both sides
//! write the same way (`JAK1`, `HbA1c`, `LDL`), a word of the table's concepts (morning, evening,
//! children, adults, colours; `kvällen`, `儿童`), or a long Latin word both sides share (a
//! substance name: `amlodipine` / `amlodipin`). An anchor only counts when it occurs in one
//! clause of its side and also on the other side. A pair of equal quantities whose owners do
//! not correspond is reported, unless another equal quantity of the translation has the
//! right owner (the same dose twice). Only texts with at least two paired quantities and at
//! most [`MAX`] quantities a side are looked at, so the cost stays small and linear in the text.

use std::collections::HashMap;

use super::compare::same;
use super::tables::Table;
use super::{is_cjk, Kind, Piece, Quantity};

/// Texts with more quantities than this on a side are not looked at (the checks below are
/// quadratic in the quantities, never in the text).
pub const MAX: usize = 64;

/// What a quantity belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// Another quantity of the same side, by index.
    Quantity(usize),
    /// An anchor, by its key on this side (see [`Anchors`]), and where its word is.
    Anchor(usize, usize, usize),
    None,
}

/// The anchors of one text: each key (a concept or a text both sides write the same way) with
/// the clauses it occurs in and the places of its words.
#[derive(Default)]
struct Anchors {
    /// Key → index in `keys`.
    by_key: HashMap<String, usize>,
    keys: Vec<String>,
    /// Per key: the clauses it occurs in (deduplicated) and its places (start, end).
    clauses: Vec<Vec<usize>>,
    places: Vec<Vec<(usize, usize)>>,
}

impl Anchors {
    fn add(&mut self, key: String, clause: usize, at: (usize, usize)) {
        let k = match self.by_key.get(&key) {
            Some(&k) => k,
            None => {
                self.keys.push(key.clone());
                self.clauses.push(Vec::new());
                self.places.push(Vec::new());
                self.by_key.insert(key, self.keys.len() - 1);
                self.keys.len() - 1
            }
        };
        if !self.clauses[k].contains(&clause) {
            self.clauses[k].push(clause);
        }
        self.places[k].push(at);
    }
}

/// One side: its text pieces, clause boundaries, quantities and anchors.
struct Side<'p, 'q, 's> {
    pieces: &'p [Piece<'s>],
    qs: &'q [Quantity<'s>],
    /// File offsets where a new clause starts, sorted.
    cuts: Vec<usize>,
    anchors: Anchors,
}

impl<'s> Side<'_, '_, 's> {
    fn clause(&self, pos: usize) -> usize {
        self.cuts.partition_point(|&c| c <= pos)
    }

    /// Whether the text between the file offsets `a` and `b` (in one piece) has a colon.
    fn colon_between(&self, a: usize, b: usize) -> bool {
        let t = self.text_at((a, b));
        t.contains(':') || t.contains('：')
    }

    fn text_at(&self, range: (usize, usize)) -> &'s str {
        for p in self.pieces {
            if range.0 >= p.offset && range.1 <= p.offset + p.text.len() {
                if let Some(t) = p.text.get(range.0 - p.offset..range.1 - p.offset) {
                    return t;
                }
            }
        }
        ""
    }
}

fn counts(q: &Quantity<'_>) -> bool {
    !q.weak && q.kind != Kind::Identifier
}

/// Clause boundaries and anchors of one side.
fn read_side<'p, 'q, 's>(
    pieces: &'p [Piece<'s>],
    qs: &'q [Quantity<'s>],
    table: &Table,
) -> Side<'p, 'q, 's> {
    let mut cuts = Vec::new();
    for p in pieces {
        let b = p.text.as_bytes();
        for (i, c) in p.text.char_indices() {
            let cut = match c {
                ';' | '；' | '。' | '，' | '、' | '!' | '?' | '！' | '？' | '\n' => true,
                ',' | '.' => b.get(i + 1).is_some_and(|&n| n == b' '),
                _ => false,
            };
            if cut {
                cuts.push(p.offset + i);
            }
        }
        for conj in table.conjunctions {
            let mut from = 0;
            while let Some(k) = p.text[from..].find(conj) {
                let at = from + k;
                let before = p.text[..at].chars().next_back();
                let after = p.text[at + conj.len()..].chars().next();
                let bounded = table.spaceless
                    || (before.is_none_or(|c| !c.is_alphanumeric())
                        && after.is_none_or(|c| !c.is_alphanumeric()));
                if bounded {
                    cuts.push(p.offset + at);
                }
                from = at + conj.len();
            }
        }
    }
    cuts.sort_unstable();
    let mut side = Side {
        pieces,
        qs,
        cuts,
        anchors: Anchors::default(),
    };
    // Quantity spans: an acronym inside one is its unit (`IU`), not an anchor.
    let inside = |pos: usize| qs.iter().any(|q| q.span.start <= pos && pos < q.span.end);
    for q in qs.iter().filter(|q| q.kind == Kind::Identifier) {
        let clause = side.clause(q.span.start);
        side.anchors.add(
            q.text.to_ascii_lowercase(),
            clause,
            (q.span.start, q.span.end),
        );
    }
    for p in pieces {
        let s = p.text;
        let mut i = 0;
        while let Some(ch) = s[i..].chars().next() {
            if table.spaceless && is_cjk(ch) {
                if let Some((w, concept)) =
                    table.anchors.iter().find(|(w, _)| s[i..].starts_with(w))
                {
                    let at = (p.offset + i, p.offset + i + w.len());
                    let clause = side.clause(at.0);
                    side.anchors.add(format!("={concept}"), clause, at);
                    i += w.len();
                } else {
                    i += ch.len_utf8();
                }
                continue;
            }
            if !ch.is_alphabetic() || is_cjk(ch) {
                i += ch.len_utf8();
                continue;
            }
            // A whole word of letters (`LDL`, `amlodipine`, `kvällen`).
            let mut e = i;
            while let Some(c) = s[e..]
                .chars()
                .next()
                .filter(|c| c.is_alphabetic() && !is_cjk(*c))
            {
                e += c.len_utf8();
            }
            let word = &s[i..e];
            let glued = s[e..].chars().next().is_some_and(|c| c.is_ascii_digit());
            let at = (p.offset + i, p.offset + e);
            if !glued && !inside(at.0) {
                let clause = side.clause(at.0);
                if word.len() >= 2 && word.bytes().all(|c| c.is_ascii_uppercase()) {
                    side.anchors.add(word.to_ascii_lowercase(), clause, at);
                } else if word.is_ascii() && word.len() >= 6 {
                    // A long Latin word, by its first six letters (`amlodi`): it counts only if
                    // the other side has it too.
                    side.anchors
                        .add(format!("~{}", word[..6].to_ascii_lowercase()), clause, at);
                }
                if !table.spaceless {
                    let lower = word.to_lowercase();
                    if let Some((_, concept)) = table.anchors.iter().find(|(w, _)| *w == lower) {
                        side.anchors.add(format!("={concept}"), clause, at);
                    }
                }
            }
            i = e;
        }
    }
    side
}

/// What each quantity of `side` belongs to (`other`: the anchors of the other side).
fn owners(side: &Side<'_, '_, '_>, other: &Anchors) -> Vec<Owner> {
    let a = &side.anchors;
    // Keys that count: in one clause of this side, and present on the other side.
    let good: Vec<bool> = (0..a.keys.len())
        .map(|k| a.clauses[k].len() == 1 && other.by_key.contains_key(&a.keys[k]))
        .collect();
    side.qs
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if !counts(q) {
                return Owner::None;
            }
            let clause = side.clause(q.span.start);
            // The nearest band before it in its clause: a quantity with a limit, a range or
            // an age (`over 75 years … 2.5 mg`), or one with a colon after it (`Week 1: 25 mg`).
            // Another quantity before it owns nothing: word order moves those freely.
            let before = (0..i).rev().find(|&k| {
                let b = &side.qs[k];
                let band = (b.cmp.is_some() && !b.vague && !b.weak)
                    || b.end.is_some()
                    || b.unit == Some(super::Unit::AgeYear)
                    || side.colon_between(b.span.end, q.span.start);
                counts(b)
                    && band
                    && b.span.end <= q.span.start
                    && side.clause(b.span.start) == clause
            });
            if let Some(k) = before {
                return Owner::Quantity(k);
            }
            // The nearest anchor in its clause.
            let mut best: Option<(usize, Owner)> = None;
            for k in (0..a.keys.len()).filter(|&k| good[k] && a.clauses[k][0] == clause) {
                for &(st, en) in &a.places[k] {
                    if st < q.span.end && q.span.start < en {
                        continue;
                    }
                    let d = if en <= q.span.start {
                        q.span.start - en
                    } else {
                        st.saturating_sub(q.span.end)
                    };
                    if best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, Owner::Anchor(k, st, en)));
                    }
                }
            }
            best.map_or(Owner::None, |(_, o)| o)
        })
        .collect()
}

/// A pair whose value went to another owner: the reference quantity, the translation
/// quantity, and their owners' texts.
pub struct Moved<'a, 's> {
    pub reference: &'a Quantity<'s>,
    pub translation: &'a Quantity<'s>,
    pub owners: [&'s str; 2],
}

/// The pairs (reference index, translation index) of equal quantities whose owners do not
/// correspond.
pub fn moved<'a, 's>(
    r: &'a [Quantity<'s>],
    r_pieces: &[Piece<'s>],
    r_table: &Table,
    t: &'a [Quantity<'s>],
    t_pieces: &[Piece<'s>],
    t_table: &Table,
    pairs: &[(usize, usize)],
) -> Vec<Moved<'a, 's>> {
    let strong = pairs
        .iter()
        .filter(|&&(i, j)| counts(&r[i]) && counts(&t[j]))
        .count();
    if strong < 2 || r.len() > MAX || t.len() > MAX {
        return Vec::new();
    }
    // A value can only go to another thing in place of a value of the same kind of unit
    // (`10 mg` for `5 mg`, not `5 days`): without two such pairs of different values, nothing
    // can have moved, and the texts are not read at all.
    let swappable = pairs.iter().enumerate().any(|(k, &(i, _))| {
        pairs[k + 1..].iter().any(|&(i2, _)| {
            let (a, b) = (&r[i], &r[i2]);
            counts(a)
                && counts(b)
                && a.kind == b.kind
                && a.unit.map(super::Unit::dimension) == b.unit.map(super::Unit::dimension)
                && !same(a, b, false)
        })
    });
    if !swappable {
        return Vec::new();
    }
    // Values given in the order of a list of things (`5.9, 5.7 and 53 nM respectively`) belong
    // to them by place, which clauses do not see.
    let in_order = |pieces: &[Piece<'_>]| {
        pieces.iter().any(|p| {
            let lower = p.text.to_lowercase();
            ["respectively", "respektive", "分别", "各自"]
                .iter()
                .any(|w| lower.contains(w))
        })
    };
    if in_order(r_pieces) || in_order(t_pieces) {
        return Vec::new();
    }
    let rs = read_side(r_pieces, r, r_table);
    let ts = read_side(t_pieces, t, t_table);
    let r_own = owners(&rs, &ts.anchors);
    let t_own = owners(&ts, &rs.anchors);
    let mut r_partner = vec![None; r.len()];
    let mut t_partner = vec![None; t.len()];
    for &(i, j) in pairs {
        r_partner[i] = Some(j);
        t_partner[j] = Some(i);
    }
    // Whether the owners `a` (reference) and `b` (translation) correspond: `None` when it
    // cannot be told.
    let agree = |a: Owner, b: Owner| -> Option<bool> {
        match (a, b) {
            (Owner::Anchor(x, ..), Owner::Anchor(y, ..)) => {
                Some(rs.anchors.keys[x] == ts.anchors.keys[y])
            }
            (Owner::Quantity(x), Owner::Quantity(y)) => r_partner[x].map(|p| p == y),
            // One side's owner is a quantity whose partner owns another value there.
            (_, Owner::Quantity(y)) => {
                let p = t_partner[y]?;
                r_own.contains(&Owner::Quantity(p)).then_some(false)
            }
            (Owner::Quantity(x), _) => {
                let p = r_partner[x]?;
                t_own.contains(&Owner::Quantity(p)).then_some(false)
            }
            _ => None,
        }
    };
    let text = |side: &Side<'_, '_, 's>, o: Owner| -> &'s str {
        match o {
            Owner::Quantity(k) => side.qs[k].text,
            Owner::Anchor(_, st, en) => side.text_at((st, en)),
            Owner::None => "",
        }
    };
    let mut out = Vec::new();
    for &(i, j) in pairs {
        if !counts(&r[i]) || !counts(&t[j]) || agree(r_own[i], t_own[j]) != Some(false) {
            continue;
        }
        // The reference's owner in the translation's clause too: the value may belong to it
        // there, only farther away.
        if let Owner::Anchor(x, ..) = r_own[i] {
            let clause = ts.clause(t[j].span.start);
            let there = ts
                .anchors
                .by_key
                .get(&rs.anchors.keys[x])
                .is_some_and(|&k| {
                    ts.anchors.places[k]
                        .iter()
                        .any(|&(st, _)| ts.clause(st) == clause)
                });
            if there {
                continue;
            }
        }
        // The same value elsewhere in the translation with the right owner: the pairing only
        // took them in another order.
        let elsewhere = (0..t.len())
            .any(|k| k != j && same(&r[i], &t[k], true) && agree(r_own[i], t_own[k]) == Some(true));
        if elsewhere {
            continue;
        }
        let owners = [text(&rs, r_own[i]), text(&ts, t_own[j])];
        out.push(Moved {
            reference: &r[i],
            translation: &t[j],
            owners,
        });
    }
    out
}
