#![doc = include_str!("../../docs/rules/list-mismatch.md")]

use std::ops::Range;

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{for_each_reading, is_blank, parts, shown, Shown, ShownKind};
use crate::lang::excerpt;
use crate::lang::lists::{marker, Marker, BULLETS, NUMBER_BRACKETS};
use fluent_syntax::ast::{Pattern, PatternElement};

pub struct ListMismatch;

static META: RuleMeta = RuleMeta {
    id: "list-mismatch",
    severity: Severity::Error,
    summary: "a list item (`•`, `-`, `1.` …) of the reference that the translation lost, one it added, or a numbered item numbered differently",
    doc: include_str!("../../docs/rules/list-mismatch.md"),
};

/// Longest excerpt of an item in a message.
const SHOWN: usize = 48;

/// Unmarked lines are a list when each side has this many at least…
const LINE_LIST_MIN: usize = 3;
/// …and none of them is longer (in characters): longer lines are a paragraph's, which a
/// translation may break anywhere.
const LINE_LIST_WIDTH: usize = 40;

/// Largest alignment table (items of the reference times items of the translation); beyond,
/// items are paired by position.
const MAX_TABLE: usize = 40_000;

/// One line of a reading: its text as shown, where it is and how it is marked.
#[derive(Debug, Default)]
struct Line {
    text: String,
    /// Bytes of the file from its first to its last character (of text it borrows).
    span: Option<Range<usize>>,
    in_variant: bool,
    marker: Option<Marker>,
}

impl Line {
    fn push(&mut self, s: &str, at: Option<usize>, in_variant: bool) {
        if s.trim().is_empty() && self.text.trim().is_empty() {
            self.text.push_str(s);
            return;
        }
        if let Some(at) = at {
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            if lead < s.len() {
                let (a, b) = (at + lead, at + s.len() - trail);
                self.span = Some(match self.span.take() {
                    None => a..b,
                    Some(r) => r.start.min(a)..r.end.max(b),
                });
            }
        }
        self.in_variant |= in_variant && !s.trim().is_empty();
        self.text.push_str(s);
    }
}

/// The lines of a reading, placeables written as Fluent writes them.
fn lines(pieces: &[Shown<'_>]) -> Vec<Line> {
    let mut out = vec![Line::default()];
    for p in pieces {
        match p.kind {
            ShownKind::Text | ShownKind::Literal => {
                let mut rest = p.text;
                let mut at = p.at;
                while let Some(nl) = rest.find('\n') {
                    let line = out.last_mut().expect("one line at least");
                    line.push(&rest[..nl], at, p.in_variant);
                    out.push(Line::default());
                    at = at.map(|a| a + nl + 1);
                    rest = &rest[nl + 1..];
                }
                let line = out.last_mut().expect("one line at least");
                line.push(rest, at, p.in_variant);
            }
            kind => {
                let (open, close) = match kind {
                    ShownKind::Variable => ("{ $", " }"),
                    ShownKind::Term => ("{ -", " }"),
                    ShownKind::Function => ("{ ", "(…) }"),
                    _ => ("{ ", " }"),
                };
                // A placeable's text is shown, but its place is its text's only.
                let line = out.last_mut().expect("one line at least");
                line.push(&format!("{open}{}{close}", p.text), None, p.in_variant);
            }
        }
    }
    for l in &mut out {
        l.marker = marker(&l.text).map(|(m, _)| m);
    }
    out.retain(|l| !l.text.trim().is_empty());
    out
}

/// The lines of a reading that are items: its marked lines, or (`unmarked`) its lines after an
/// introduction ending with a colon, when they look like a list.
fn items(lines: &[Line], unmarked: bool) -> Vec<&Line> {
    if !unmarked {
        return lines.iter().filter(|l| l.marker.is_some()).collect();
    }
    let skip = usize::from(
        lines
            .first()
            .is_some_and(|l| l.text.trim_end().ends_with([':', '：'])),
    );
    lines[skip..].iter().collect()
}

/// Whether unmarked lines read as a list: enough of them, all short.
fn line_list(items: &[&Line]) -> bool {
    items.len() >= LINE_LIST_MIN
        && items
            .iter()
            .all(|l| l.text.trim().chars().count() <= LINE_LIST_WIDTH)
}

/// The words of an item that may survive translation: names, codes, options, numbers,
/// placeables, and words a language borrows (`infection`, `infektion`).
fn anchors(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '$' || c == '-' || c == '_'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.len() >= 2)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The first four letters of the anchors that have more, lowercase: a word and its
/// cognate often share them.
fn stems(anchors: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = anchors
        .iter()
        .filter(|w| w.chars().count() > 4)
        .map(|w| w.chars().take(4).flat_map(char::to_lowercase).collect())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What an item is compared by.
struct Words<'a> {
    anchors: Vec<&'a str>,
    stems: Vec<String>,
}

impl<'a> Words<'a> {
    fn of(line: &'a Line) -> Self {
        let anchors = anchors(&line.text);
        let stems = stems(&anchors);
        Words { anchors, stems }
    }
}

/// How well a translated item fits a reference item: shared anchors and stems, the same
/// number, and a length in the proportion of the two lists (Gale and Church's measure of
/// sentence alignment).
fn fit(r: &Line, t: &Line, rw: &Words<'_>, tw: &Words<'_>, ratio: f64) -> i64 {
    let shared = rw
        .anchors
        .iter()
        .filter(|w| tw.anchors.binary_search(w).is_ok())
        .count() as i64;
    let stems = rw
        .stems
        .iter()
        .filter(|w| tw.stems.binary_search(w).is_ok())
        .count() as i64;
    let number = match (r.marker, t.marker) {
        (Some(Marker::Number(a, _)), Some(Marker::Number(b, _))) if a == b => 300,
        _ => 0,
    };
    let (lr, lt) = (
        r.text.trim().chars().count().max(1) as f64,
        t.text.trim().chars().count().max(1) as f64,
    );
    let length = (1.0 - ((lt / lr) / ratio).ln().abs()).max(0.0);
    shared * 200 + stems * 100 + number + (length * 100.0) as i64
}

/// Whether a pair is paired on evidence, not on length and place alone: a shared anchor or
/// stem, or the same number.
fn evidence(r: &Line, t: &Line, rw: &Words<'_>, tw: &Words<'_>) -> bool {
    matches!((r.marker, t.marker), (Some(Marker::Number(a, _)), Some(Marker::Number(b, _))) if a == b)
        || rw
            .anchors
            .iter()
            .any(|w| tw.anchors.binary_search(w).is_ok())
        || rw.stems.iter().any(|w| tw.stems.binary_search(w).is_ok())
}

/// A little for a pair in the same place counted from the start: with nothing else to tell,
/// the item left over is the last.
const SAME_PLACE: i64 = 10;

/// Which items of the longer list have no counterpart: the shorter list's items are each paired
/// with one of the longer's, in order, so that the pairs fit best. `long_is_reference`: which
/// side is longer. Returns the indices of the unpaired items of the longer list, and for each
/// item of it the index of its partner (if any).
#[cfg(test)]
fn unpaired(long: &[&Line], short: &[&Line], long_is_reference: bool) -> Vec<Option<usize>> {
    aligned(long, short, long_is_reference).0
}

/// [`unpaired`], and for each item of the longer list whether it is paired on
/// [`evidence`].
fn aligned(
    long: &[&Line],
    short: &[&Line],
    long_is_reference: bool,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let (n, m) = (long.len(), short.len());
    if n * m > MAX_TABLE || m == 0 {
        return (
            (0..n).map(|i| (i < m).then_some(i)).collect(),
            vec![false; n],
        );
    }
    let la: Vec<Words<'_>> = long.iter().map(|l| Words::of(l)).collect();
    let sa: Vec<Words<'_>> = short.iter().map(|l| Words::of(l)).collect();
    let chars = |ls: &[&Line]| -> f64 {
        ls.iter()
            .map(|l| l.text.trim().chars().count())
            .sum::<usize>()
            .max(1) as f64
    };
    // Translation characters per reference character.
    let ratio = if long_is_reference {
        chars(short) / chars(long)
    } else {
        chars(long) / chars(short)
    };
    let score = |i: usize, j: usize| {
        let place = if i == j { SAME_PLACE } else { 0 };
        place
            + if long_is_reference {
                fit(long[i], short[j], &la[i], &sa[j], ratio)
            } else {
                fit(short[j], long[i], &sa[j], &la[i], ratio)
            }
    };
    // best[i][j]: the best fit of the first `i` long items with the first `j` short ones, every
    // short one paired.
    let w = m + 1;
    let none = i64::MIN / 4;
    let mut best = vec![none; (n + 1) * w];
    best[0] = 0;
    for i in 1..=n {
        for j in 0..=m.min(i) {
            let skip = best[(i - 1) * w + j];
            let pair = if j > 0 {
                best[(i - 1) * w + j - 1] + score(i - 1, j - 1)
            } else {
                none
            };
            best[i * w + j] = skip.max(pair);
        }
    }
    let mut partner = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        let here = best[i * w + j];
        if j > 0 && best[(i - 1) * w + j - 1] + score(i - 1, j - 1) == here {
            partner[i - 1] = Some(j - 1);
            j -= 1;
        }
        i -= 1;
    }
    let evidenced = (0..n)
        .map(|i| {
            partner[i].is_some_and(|j| {
                if long_is_reference {
                    evidence(long[i], short[j], &la[i], &sa[j])
                } else {
                    evidence(short[j], long[i], &sa[j], &la[i])
                }
            })
        })
        .collect();
    (partner, evidenced)
}

/// For each unpaired item of the longer list, whether the paired items next to it (the nearest
/// before and after it that exist) are paired on evidence: then which item is left over is
/// known, otherwise it is the best guess by length and place.
fn certain(partner: &[Option<usize>], evidenced: &[bool]) -> Vec<bool> {
    let n = partner.len();
    // The evidence of the nearest paired item before and after each item.
    let mut before = vec![None; n];
    let mut last = None;
    for i in 0..n {
        before[i] = last;
        if partner[i].is_some() {
            last = Some(evidenced[i]);
        }
    }
    let mut out = vec![false; n];
    let mut next = None;
    for i in (0..n).rev() {
        out[i] = partner[i].is_none()
            && (before[i].is_some() || next.is_some())
            && before[i] != Some(false)
            && next != Some(false);
        if partner[i].is_some() {
            next = Some(evidenced[i]);
        }
    }
    out
}

/// The number of a numbered item and its marker as written (`3.`).
fn number_of(line: &Line) -> Option<(u32, String)> {
    match line.marker? {
        Marker::Number(n, end) => Some((n, format!("{n}{end}"))),
        Marker::Bullet(_) => None,
    }
}

impl Rule for ListMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference().tag();
        let lang = unit.locale.tag();
        let (mut tb, mut rb) = (Vec::new(), Vec::new());
        let mut seen: foldhash::HashSet<(usize, u8)> = Default::default();
        for t in file.views() {
            if t.meta.is_term || file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            for part in parts(t.value, t.attributes) {
                let r_pattern = r.part(part.attribute);
                let Some(r_pattern) = r_pattern else {
                    continue;
                };
                // A list is lines: a reference part of one line has none. A copy keeps the
                // reference's; a part that shows nothing is `empty-translation`'s.
                if !has_line_break(r_pattern)
                    || part.pattern == r_pattern
                    || is_blank(part.pattern)
                    || !may_hold_list(r_pattern)
                {
                    continue;
                }
                let anchor = match part.attribute {
                    Some(a) => file
                        .offset(a)
                        .map_or(t.meta.id_span.clone(), |o| o..o + a.len()),
                    None => t.meta.id_span.clone(),
                };
                seen.clear();
                for_each_reading(part.pattern, r_pattern, |key, own, theirs| {
                    shown(file.text(), part.pattern, own, &mut tb);
                    shown(reference.text(), r_pattern, theirs, &mut rb);
                    let (tl, rl) = (lines(&tb), lines(&rb));
                    let site = Site {
                        unit,
                        entry: &t,
                        attribute: part.attribute,
                        key,
                        anchor: &anchor,
                    };
                    compare(&rl, &tl, (en, lang), &site, &mut seen, out);
                });
            }
        }
    }
}

/// Whether a reference pattern may hold a list, before its readings are put together: a line
/// that may start with a marker (a bullet, a digit, a bracket), or only short lines (a list of
/// lines). Most multiline texts are paragraphs, and are not read further.
fn may_hold_list(pattern: &Pattern<&str>) -> bool {
    fn scan(p: &Pattern<&str>, depth: usize, long: &mut bool) -> bool {
        if depth >= 16 {
            return false;
        }
        p.elements.iter().any(|e| match e {
            PatternElement::TextElement { value } => value.split('\n').any(|line| {
                let t = line.trim_start();
                let first = t.chars().next();
                *long |= t.len() > LINE_LIST_WIDTH * 4 || t.chars().count() > LINE_LIST_WIDTH;
                first.is_some_and(|c| {
                    c.is_ascii_digit()
                        || BULLETS.iter().any(|(b, _)| *b == c)
                        || NUMBER_BRACKETS.iter().any(|(o, _, _)| *o == c)
                })
            }),
            PatternElement::Placeable {
                expression: fluent_syntax::ast::Expression::Select { variants, .. },
            } => variants.iter().any(|v| scan(&v.value, depth + 1, long)),
            PatternElement::Placeable { .. } => false,
        })
    }
    let mut long = false;
    scan(pattern, 0, &mut long) || !long
}

/// Whether a pattern's text has a line break.
fn has_line_break(pattern: &Pattern<&str>) -> bool {
    fn any(p: &Pattern<&str>, depth: usize) -> bool {
        depth < 16
            && p.elements.iter().any(|e| match e {
                PatternElement::TextElement { value } => value.contains('\n'),
                PatternElement::Placeable {
                    expression: fluent_syntax::ast::Expression::Select { variants, .. },
                } => variants.iter().any(|v| any(&v.value, depth + 1)),
                PatternElement::Placeable { .. } => false,
            })
    }
    any(pattern, 0)
}

/// Compares the items of one reading of a reference part and its translation.
fn compare(
    rl: &[Line],
    tl: &[Line],
    (en, lang): (&str, &str),
    site: &Site<'_, '_, '_, '_>,
    seen: &mut foldhash::HashSet<(usize, u8)>,
    out: &mut Sink,
) {
    let (mut ri, mut ti) = (items(rl, false), items(tl, false));
    let mut what = "items";
    if ri.is_empty() {
        // A translation that marks lines the reference does not is laid out, not changed.
        if !ti.is_empty() {
            return;
        }
        // Unmarked lines, when both sides are clearly a list of lines.
        let (r_lines, t_lines) = (items(rl, true), items(tl, true));
        if !line_list(&r_lines) || !line_list(&t_lines) {
            return;
        }
        (ri, ti) = (r_lines, t_lines);
        what = "lines";
    }
    let (n, m) = (ri.len(), ti.len());
    let counts = format!("the list has {n} {what} in {en}, {m} in {lang}");
    let cut = |l: &Line| excerpt(l.text.trim(), SHOWN);
    if m == 0 {
        // The whole list is gone, unless its lines are kept without their markers.
        if tl.len() >= rl.len() {
            return;
        }
        let first = ri[0];
        let message = if n == 1 {
            format!("list item `{}` of {en} is missing in {lang}", cut(first))
        } else {
            format!(
                "the {n} list items of {en} (`{}`, …) are missing in {lang}",
                cut(first)
            )
        };
        site.emit(
            out,
            seen,
            0,
            site.anchor.clone(),
            first.span.clone(),
            false,
            message,
        );
        return;
    }
    if n == m {
        for (r, t) in ri.iter().zip(&ti) {
            let (Some((rk, rn)), Some((tk, tn))) = (number_of(r), number_of(t)) else {
                continue;
            };
            if rk == tk {
                continue;
            }
            let Some(span) = t.span.clone() else {
                continue;
            };
            let message = format!("`{rn}` in {en} is numbered `{tn}` in {lang}: `{}`", cut(t));
            site.emit(out, seen, 1, span, r.span.clone(), t.in_variant, message);
        }
        return;
    }
    if n > m {
        let (partner, evidenced) = aligned(&ri, &ti, true);
        let known = certain(&partner, &evidenced);
        // Where a lost item would be: before the translation's next paired item, else after
        // its last (looked up from the end, once).
        let mut next = vec![None; n];
        let mut after = None;
        for i in (0..n).rev() {
            after = partner[i].or(after);
            next[i] = after;
        }
        for (i, r) in ri.iter().enumerate() {
            if partner[i].is_some() {
                continue;
            }
            let at = next[i].map_or(ti[m - 1], |j| ti[j]);
            let span = at.span.clone().unwrap_or_else(|| site.anchor.clone());
            let message = if known[i] {
                format!("`{}` in {en} is missing in {lang}: {counts}", cut(r))
            } else {
                format!(
                    "an item of {en} is missing in {lang}, perhaps `{}` (the items share no names or numbers; the best fit by length): {counts}",
                    cut(r)
                )
            };
            site.emit(out, seen, 2, span, r.span.clone(), at.in_variant, message);
        }
    } else {
        let (partner, evidenced) = aligned(&ti, &ri, false);
        let known = certain(&partner, &evidenced);
        for (j, t) in ti.iter().enumerate() {
            if partner[j].is_some() {
                continue;
            }
            let span = t.span.clone().unwrap_or_else(|| site.anchor.clone());
            let message = if known[j] {
                format!(
                    "`{}` in {lang} has no counterpart in {en}: {counts}",
                    cut(t)
                )
            } else {
                format!(
                    "an item of {lang} has no counterpart in {en}, perhaps `{}` (the items share no names or numbers; the best fit by length): {counts}",
                    cut(t)
                )
            };
            site.emit(out, seen, 3, span, None, t.in_variant, message);
        }
    }
}

/// Where the findings of one part go.
struct Site<'a, 'p, 's, 'k> {
    unit: &'a Unit<'p, 's>,
    entry: &'a crate::project::EntryView<'p, 's>,
    attribute: Option<&'s str>,
    key: Option<&'k str>,
    anchor: &'a Range<usize>,
}

impl Site<'_, '_, '_, '_> {
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        out: &mut Sink,
        seen: &mut foldhash::HashSet<(usize, u8)>,
        kind: u8,
        span: Range<usize>,
        reference: Option<Range<usize>>,
        in_variant: bool,
        message: String,
    ) {
        // Text outside a `select` is in every reading: one finding.
        let at = reference.as_ref().map_or(span.start, |r| r.start);
        if !seen.insert((at, kind)) {
            return;
        }
        let d = out
            .emit_entry(self.unit, self.entry, span.clone(), message)
            .with_attribute(self.attribute)
            .with_label(Label {
                side: Side::Translation,
                span,
            });
        if let Some(span) = reference {
            d.with_label(Label {
                side: Side::Reference,
                span,
            });
        }
        if in_variant {
            d.variant = self.key.map(str::to_string);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            text: text.to_string(),
            marker: marker(text).map(|(m, _)| m),
            ..Line::default()
        }
    }

    fn lost(r: &[&str], t: &[&str]) -> Vec<String> {
        let rl: Vec<Line> = r.iter().map(|s| line(s)).collect();
        let tl: Vec<Line> = t.iter().map(|s| line(s)).collect();
        let (ri, ti): (Vec<&Line>, Vec<&Line>) = (rl.iter().collect(), tl.iter().collect());
        let partner = unpaired(&ri, &ti, true);
        ri.iter()
            .zip(&partner)
            .filter(|(_, p)| p.is_none())
            .map(|(l, _)| l.text.clone())
            .collect()
    }

    /// Which lost items are known (the pairs next to them share names or numbers) and which are
    /// the best guess by length.
    fn known(r: &[&str], t: &[&str]) -> Vec<(String, bool)> {
        let rl: Vec<Line> = r.iter().map(|s| line(s)).collect();
        let tl: Vec<Line> = t.iter().map(|s| line(s)).collect();
        let (ri, ti): (Vec<&Line>, Vec<&Line>) = (rl.iter().collect(), tl.iter().collect());
        let (partner, evidenced) = aligned(&ri, &ti, true);
        let sure = certain(&partner, &evidenced);
        ri.iter()
            .enumerate()
            .filter(|(i, _)| partner[*i].is_none())
            .map(|(i, l)| (l.text.clone(), sure[i]))
            .collect()
    }

    #[test]
    fn a_lost_item_between_items_that_share_nothing_is_a_guess() {
        // Four warnings, three translated: by length alone the last looks lost, though the
        // third is (`Förvaras torrt.` is `Store dry.`). Named as a guess, not as a fact.
        assert_eq!(
            known(
                &[
                    "• Do not drive.",
                    "• Avoid alcohol.",
                    "• Keep away from children.",
                    "• Store dry."
                ],
                &["• Kör inte bil.", "• Undvik alkohol.", "• Förvaras torrt."],
            ),
            [("• Store dry.".to_string(), false)]
        );
        // Names on both sides of the gap: known.
        assert_eq!(
            known(
                &[
                    "- sysv: (sum -s)",
                    "- bsd: (sum -r)",
                    "- crc: (cksum)",
                    "- md5: (md5sum)"
                ],
                &[
                    "- sysv: (motsvarande sum -s)",
                    "- crc: (motsvarande cksum)",
                    "- md5: (motsvarande md5sum)"
                ],
            ),
            [("- bsd: (sum -r)".to_string(), true)]
        );
        // Numbers: known, also at the end of the list.
        assert_eq!(
            known(
                &["1. Wash", "2. Dry", "3. Apply"],
                &["1. Tvätta", "2. Torka"]
            ),
            [("3. Apply".to_string(), true)]
        );
    }

    #[test]
    fn the_lost_item_is_the_one_that_fits_nowhere() {
        // Anchors that survive translation.
        assert_eq!(
            lost(
                &[
                    "- sysv: (sum -s)",
                    "- bsd: (sum -r)",
                    "- crc: (cksum)",
                    "- md5: (md5sum)"
                ],
                &[
                    "- sysv: (motsvarande sum -s)",
                    "- crc: (motsvarande cksum)",
                    "- md5: (motsvarande md5sum)"
                ],
            ),
            ["- bsd: (sum -r)"]
        );
        // Lengths alone.
        assert_eq!(
            lost(
                &[
                    "• a headache",
                    "• feeling sick (nausea) or being sick (vomiting)",
                    "• a sore throat",
                    "• raised levels of cholesterol in your blood",
                ],
                &[
                    "• huvudvärk",
                    "• illamående eller kräkningar",
                    "• förhöjda kolesterolvärden i blodet",
                ],
            ),
            ["• a sore throat"]
        );
        // Nothing to tell: the last is left over.
        assert_eq!(
            lost(
                &[
                    "- en infektion",
                    "- leversjukdom",
                    "- lågt blodvärde",
                    "- hjärtsjukdom"
                ],
                &["- an infection", "- liver disease", "- a low blood count"],
            ),
            ["- hjärtsjukdom"]
        );
        // Numbers.
        assert_eq!(
            lost(
                &["1. Wash", "2. Dry", "3. Apply"],
                &["1. Tvätta", "3. Smörj in"]
            ),
            ["2. Dry"]
        );
    }

    #[test]
    fn anchors_are_names_codes_and_placeables() {
        assert_eq!(
            anchors("- sha1: (equivalent to { $cmd } sha1sum)"),
            ["$cmd", "equivalent", "sha1", "sha1sum", "to"]
        );
    }
}
