#![doc = include_str!("../../docs/rules/numeric-mismatch.md")]

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
use serde_json::{json, Value};

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{first_of_keys, first_select, is_blank, variant_key, Choice};
use crate::lang::address::{addresses, may_hold, Kind as AddressKind};
use crate::lang::lists::{marker, Marker};
use crate::numeric::{
    compare_pairs, extract, extract_into, moved, table_for, Decimal, Diff, Kind, Piece, Quantity,
    Table,
};
use crate::project::{EntryView, ParsedFile};

pub struct NumericMismatch;

static META: RuleMeta = RuleMeta {
    id: "numeric-mismatch",
    severity: Severity::Error,
    summary: "a quantity (dose, concentration, duration, limit, date, version) differs between the reference and the translation",
    doc: include_str!("../../docs/rules/numeric-mismatch.md"),
};

/// The text pieces of `pattern`, choosing in the first `select` the variant `key` (else the
/// default) and the default variant everywhere else.
fn pieces<'s>(
    file: &ParsedFile<'s>,
    pattern: &Pattern<&'s str>,
    key: Option<Choice<'_>>,
    first: &mut bool,
    out: &mut Vec<Piece<'s>>,
) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                if let Some(offset) = file.offset(value) {
                    out.push(Piece {
                        text: value,
                        offset,
                    });
                }
            }
            PatternElement::Placeable { expression } => {
                expression_pieces(file, expression, key, first, out)
            }
        }
    }
}

fn expression_pieces<'s>(
    file: &ParsedFile<'s>,
    expression: &Expression<&'s str>,
    key: Option<Choice<'_>>,
    first: &mut bool,
    out: &mut Vec<Piece<'s>>,
) {
    match expression {
        Expression::Select { variants, .. } => {
            let wanted = if *first { key } else { None };
            *first = false;
            let chosen = wanted
                .and_then(|k| k.pick(variants))
                .or_else(|| variants.iter().find(|v| v.default))
                .or(variants.first());
            if let Some(v) = chosen {
                pieces(file, &v.value, key, first, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_pieces(file, expression, key, first, out)
        }
        Expression::Inline(_) => {}
    }
}

fn quantities<'s>(
    file: &ParsedFile<'s>,
    pattern: &Pattern<&'s str>,
    key: Option<Choice<'_>>,
    table: &Table,
    buf: &mut Vec<Piece<'s>>,
) -> Vec<Quantity<'s>> {
    buf.clear();
    pieces(file, pattern, key, &mut true, buf);
    let mut qs = extract(buf, table);
    without_non_quantities(buf, &mut qs);
    qs
}

/// Drops what only looks like a quantity: the digits of a phone number (`+46 8 123 456 78`),
/// an address that `url-mismatch` compares whole, and the number of a numbered list item
/// (`3. Swallow…`), which `list-mismatch` compares.
fn without_non_quantities(pieces: &[Piece<'_>], qs: &mut Vec<Quantity<'_>>) {
    if qs.is_empty() {
        return;
    }
    // A phone number is read as several numbers, or as one of seven digits or more.
    let phone_like = qs.len() >= 2
        || qs
            .iter()
            .any(|q| q.text.bytes().filter(u8::is_ascii_digit).count() >= 7);
    let mut phones: Vec<Range<usize>> = Vec::new();
    if phone_like {
        let mut found = Vec::new();
        // Seven digits at least, or a `tel:`, in the piece.
        let may_call = |t: &str| {
            t.bytes().filter(u8::is_ascii_digit).count() >= 7 || (t.contains(':') && may_hold(t))
        };
        for p in pieces.iter().filter(|p| may_call(p.text)) {
            addresses(p.text, &mut found);
            phones.extend(
                found
                    .iter()
                    .filter(|a| a.kind == AddressKind::Phone)
                    .map(|a| p.offset + a.span.start..p.offset + a.span.end),
            );
        }
    }
    qs.retain(|q| {
        !phones
            .iter()
            .any(|ph| ph.start <= q.span.start && q.span.end <= ph.end)
            && !numbers_an_item(pieces, q.span.start)
    });
}

/// Whether the digits at byte `at` of the file number a list item: they start a line of the
/// pieces (after its indentation, or a bracket) that `lists::marker` reads as numbered.
fn numbers_an_item(pieces: &[Piece<'_>], at: usize) -> bool {
    // The pieces of a reading follow the file, so the one holding `at` is found by halves.
    let k = pieces.partition_point(|p| p.offset + p.text.len() <= at);
    if !pieces
        .get(k)
        .is_some_and(|p| p.offset <= at && at < p.offset + p.text.len())
    {
        return false;
    }
    let p = &pieces[k];
    let local = at - p.offset;
    let head = &p.text[..local];
    let begin = match head.rfind('\n') {
        Some(nl) => nl + 1,
        // The piece's start starts a line when it starts the pattern or follows a line break.
        None if k == 0 || pieces[k - 1].text.ends_with('\n') => 0,
        None => return false,
    };
    let before = head[begin..].trim_start();
    if !(before.is_empty() || before == "(" || before == "（") {
        return false;
    }
    let line = &p.text[begin..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    matches!(marker(line), Some((Marker::Number(..), _)))
}

/// A quantity as JSON, for `data` and the diff report.
fn describe(q: &Quantity<'_>) -> Value {
    json!({
        "text": q.text,
        "kind": q.kind.name(),
        // The report shows values as JSON numbers: the nearest `f64` to the exact value.
        "value": if q.kind == crate::numeric::Kind::Identifier { Value::Null } else { json!(q.value.to_f64()) },
        "end": q.end.as_ref().map(|e| e.to_f64()),
        "unit": q.unit.map(|u| u.name()),
        "comparator": q.cmp.map(|c| c.symbol()),
        "date": q.date.map(|d| json!({"year": d.year, "month": d.month, "day": d.day})),
        "span": [q.span.start, q.span.end],
    })
}

/// How leaflint read a quantity, in English words, for a reviewer who does not read the
/// language (`högst 18 år` is "at most 18 years").
fn reading(q: &Quantity<'_>) -> String {
    let unit = q.unit.map(|u| u.name());
    let mut out = String::new();
    if let Some(c) = q.cmp.filter(|_| !q.vague) {
        out.push_str(c.words());
        out.push(' ');
    }
    match q.kind {
        Kind::Identifier => return String::new(),
        Kind::Date => {
            let d = q.date.unwrap_or_default();
            let part = |v: Option<u16>, w: usize| v.map_or("?".repeat(w), |v| format!("{v:0w$}"));
            out.push_str(&format!(
                "{}-{}-{}",
                part(d.year, 4),
                part(d.month.map(u16::from), 2),
                part(d.day.map(u16::from), 2)
            ));
            return out.trim_end_matches("-??").to_string();
        }
        Kind::Time => {
            let m = q.value.trunc_u32();
            out.push_str(&format!("{:02}:{:02}", m / 60, m % 60));
            if let Some(a) = &q.alt {
                let m = a.trunc_u32();
                out.push_str(&format!(" or {:02}:{:02}", m / 60, m % 60));
            }
            return out;
        }
        Kind::Frequency if q.counted || q.count > 1 => {
            let per = if q.value.is_one() {
                String::new()
            } else {
                format!("{} ", q.value)
            };
            let unit = if q.value.is_one() {
                unit.map(singular)
            } else {
                unit
            };
            out.push_str(&format!(
                "{} times per {per}{}",
                q.count,
                unit.unwrap_or("")
            ));
            return out;
        }
        Kind::Frequency => {
            out.push_str(&format!("every {} {}", q.value, unit.unwrap_or("")));
            return out;
        }
        _ => {}
    }
    if q.unit == Some(crate::numeric::Unit::OneIn) {
        out.push_str(&format!("1 in {}", q.value));
        return out;
    }
    out.push_str(&q.value.to_string());
    if let Some(e) = &q.end {
        out.push_str(&format!(" to {e}"));
    }
    if let Some(u) = unit {
        out.push(' ');
        out.push_str(if q.value.is_one() && q.end.is_none() {
            singular(u)
        } else {
            u
        });
    }
    if q.kind == Kind::Ordinal {
        out.push_str(" (ordinal)");
    }
    out
}

/// A unit's name for one of it (`days` → `day`).
fn singular(name: &str) -> &str {
    match name {
        "years of age" => "year of age",
        n if n.len() > 2 && n.ends_with('s') && n.is_ascii() => &n[..n.len() - 1],
        n => n,
    }
}

/// ` (reading)` after a translation quantity, when the translation is not in English and the
/// reading says something its text does not.
fn gloss(q: &Quantity<'_>, lang: &str) -> String {
    if lang
        .split(['-', '_'])
        .next()
        .is_some_and(|l| l.eq_ignore_ascii_case("en"))
    {
        return String::new();
    }
    let r = reading(q);
    if r.is_empty() || r == q.text {
        String::new()
    } else {
        format!(" ({r})")
    }
}

fn times(n: usize) -> String {
    if n > 1 {
        format!(" ({n} times)")
    } else {
        String::new()
    }
}

/// What one difference says, and where in the translation it points.
fn render(d: &Diff<'_, '_>, en: &str, lang: &str, anchor: &Range<usize>) -> (String, Range<usize>) {
    match (d.reference.as_slice(), d.translation.as_slice()) {
        ([r], [t]) => {
            let note = match (r.unit, t.unit) {
                (Some(a), Some(b)) if !a.same(b) && !t.text.contains(b.name()) => {
                    format!(" ({})", b.name())
                }
                _ => String::new(),
            };
            let note = if note.is_empty() {
                gloss(t, lang)
            } else {
                note
            };
            (
                format!("`{}` in {en} is `{}`{note} in {lang}", r.text, t.text),
                t.span.clone(),
            )
        }
        (rs, []) if !rs.is_empty() => (
            format!(
                "`{}`{} has no counterpart in {lang}",
                rs[0].text,
                times(rs.len())
            ),
            anchor.clone(),
        ),
        (_, ts) => (
            format!(
                "`{}`{}{} in {lang} has no counterpart in {en}",
                ts.first().map_or("", |q| q.text),
                ts.first().map_or(String::new(), |q| gloss(q, lang)),
                times(ts.len())
            ),
            ts.first().map_or(anchor.clone(), |q| q.span.clone()),
        ),
    }
}

impl Rule for NumericMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        // The same files, borrowed through `ctx` so that their text shares its lifetime with
        // the reference-quantity cache.
        let (Some(fi), Some(ri)) = (unit.file_index, unit.reference_index) else {
            return;
        };
        let (file, reference) = {
            let f = &ctx.project.locales[unit.locale_index].files[fi];
            let r = &ctx.reference().files[ri];
            debug_assert!(std::ptr::eq(f.src, file.src) && std::ptr::eq(r.src, reference.src));
            let _ = (file, reference);
            (f, r)
        };
        let en = ctx.reference().tag();
        let lang = unit.locale.tag();
        let r_table = table_for(en);
        let t_table = table_for(lang);
        let mut buf = Vec::new();
        let mut rbuf = Vec::new();
        let mut tq = Vec::new();
        for t in file.views() {
            if file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = reference.get(t.id()) else {
                continue;
            };
            check_entry(
                ctx,
                &t,
                &r,
                file,
                reference,
                (r_table, t_table),
                (en, lang),
                unit,
                out,
                (&mut buf, &mut rbuf, &mut tq),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_entry<'s>(
    ctx: &Ctx<'_, 's>,
    t: &EntryView<'_, 's>,
    r: &EntryView<'_, 's>,
    file: &ParsedFile<'s>,
    reference: &ParsedFile<'s>,
    (r_table, t_table): (&Table, &Table),
    (en, lang): (&str, &str),
    unit: &Unit<'_, '_>,
    out: &mut Sink,
    (buf, rbuf, tq): (
        &mut Vec<Piece<'s>>,
        &mut Vec<Piece<'s>>,
        &mut Vec<Quantity<'s>>,
    ),
) {
    let mut seen: HashSet<(String, Range<usize>)> = HashSet::new();
    // The pairs of each comparison, in one buffer (`compare_pairs` clears it).
    let mut pairs = Vec::new();
    let own = t
        .value
        .map(|p| (None, p))
        .into_iter()
        .chain(t.attributes.iter().map(|a| (Some(a.id.name), &a.value)));
    for (attribute, pattern) in own {
        let r_pattern = r.part(attribute);
        let Some(r_pattern) = r_pattern else {
            continue;
        };
        // Text copied from the reference says the same quantities, whatever the language tables
        // make of it (being a copy is `untranslated`'s business); a part that shows nothing is
        // `empty-translation`'s.
        if pattern == r_pattern || is_blank(pattern) {
            continue;
        }
        let anchor = match attribute {
            None => t.meta.id_span.clone(),
            Some(name) => file
                .offset(name)
                .map_or(t.meta.id_span.clone(), |o| o..o + name.len()),
        };
        // Each variant of the first `select`, or the pattern as a whole (without collecting
        // the keys: most patterns have no `select`).
        let variants = first_select(pattern);
        let keys = variants
            .into_iter()
            .flatten()
            .map(|v| Some(variant_key(&v.key)))
            .chain(variants.is_none().then_some(None));
        let t_at = variants.and_then(first_of_keys);
        let r_at = first_select(r_pattern).and_then(first_of_keys);
        let choice = |at: &Option<HashMap<&str, usize>>, key: Option<&'s str>| {
            key.map(|key| Choice::of(key, at))
        };
        for key in keys {
            let own = choice(&t_at, key);
            let theirs = choice(&r_at, key);
            let rq = ctx.reference_quantities.get_or_insert(r_pattern, key, || {
                quantities(reference, r_pattern, theirs, r_table, buf)
            });
            // The translation's quantities go to a reused buffer.
            buf.clear();
            pieces(file, pattern, own, &mut true, buf);
            // Text the decoder had to replace is damaged: `parse-error` says so, and what is
            // left of it says nothing reliable about its quantities.
            if buf.iter().any(|p| p.text.contains('\u{FFFD}')) {
                continue;
            }
            extract_into(buf, t_table, tq);
            without_non_quantities(buf, tq);
            if rq.is_empty() && tq.is_empty() {
                continue;
            }
            // A plural variant's number said by the variable (`[one] 1 tablet` ↔ `[one] {
            // $count } tablett`): the variable stands for it, on either side.
            let mut r_own: Option<Vec<Quantity<'s>>> = None;
            if let Some(v) = key.and_then(variant_value) {
                // The unit of the variant's number, if a side has one.
                let has = |qs: &[Quantity<'_>]| {
                    qs.iter()
                        .find(|q| q.kind == Kind::Number && q.value == v && q.end.is_none())
                        .map(|q| q.unit)
                };
                let key = key.unwrap_or_default();
                if let (Some(u), None) = (has(&rq), has(tq)) {
                    if let Some(q) = variable_quantity(file, pattern, key, &v, u) {
                        tq.push(q);
                    }
                } else if let (None, Some(u)) = (has(&rq), has(tq)) {
                    if let Some(q) = variable_quantity(reference, r_pattern, key, &v, u) {
                        let mut own = rq.to_vec();
                        own.push(q);
                        r_own = Some(own);
                    }
                }
            }
            let rq: &[Quantity<'s>] = r_own.as_deref().unwrap_or(&rq);
            let diffs = compare_pairs(rq, tq, &mut pairs);
            let mut found: Vec<Found> = diffs
                .iter()
                .map(|d| {
                    let (message, span) = render(d, en, lang, &anchor);
                    Found {
                        message,
                        span,
                        data: json!({
                            "reference": d.reference.first().map(|q| describe(q)),
                            "translation": d.translation.first().map(|q| describe(q)),
                            "count": d.reference.len().max(d.translation.len()),
                        }),
                        reference: d.reference.iter().map(|q| q.span.clone()).collect(),
                        translation: d.translation.iter().map(|q| q.span.clone()).collect(),
                    }
                })
                .collect();
            if pairs.len() >= 2 {
                rbuf.clear();
                pieces(reference, r_pattern, theirs, &mut true, rbuf);
                for m in moved(rq, rbuf, r_table, tq, buf, t_table, &pairs) {
                    found.push(Found {
                        message: format!(
                            "`{}` belongs to `{}` in {en}, but to `{}` in {lang}",
                            m.reference.text, m.owners[0], m.owners[1]
                        ),
                        span: m.translation.span.clone(),
                        data: json!({
                            "reference": describe(m.reference),
                            "translation": describe(m.translation),
                            "owners": m.owners,
                            "count": 1,
                        }),
                        reference: vec![m.reference.span.clone()],
                        translation: vec![m.translation.span.clone()],
                    });
                }
            }
            for f in found {
                if !seen.insert((f.message.clone(), f.span.clone())) {
                    continue;
                }
                let diag = out
                    .emit_entry(unit, t, f.span, f.message)
                    .with_attribute(attribute)
                    .with_reference(unit.reference_file_id(), r.meta.span.clone());
                for span in f.reference {
                    diag.with_label(Label {
                        side: Side::Reference,
                        span,
                    });
                }
                for span in f.translation {
                    diag.with_label(Label {
                        side: Side::Translation,
                        span,
                    });
                }
                diag.variant = key.map(str::to_string);
                diag.data = Some(f.data);
            }
        }
    }
}

/// One finding to emit: its message, where it points, its data and the quantities it is about.
struct Found {
    message: String,
    span: Range<usize>,
    data: Value,
    reference: Vec<Range<usize>>,
    translation: Vec<Range<usize>>,
}

/// The number a plural variant's key stands for in en, sv and zh (`one` is 1, `[2]` is 2).
fn variant_value(key: &str) -> Option<Decimal> {
    match key {
        "one" => Some(Decimal::ONE),
        k if !k.is_empty() && k.len() <= 6 && k.bytes().all(|b| b.is_ascii_digit()) => {
            Some(Decimal::from_ascii(k, 0))
        }
        _ => None,
    }
}

/// A weak quantity `v` for the variable in the variant `key` of `pattern`'s first `select`
/// (else its default variant), if that variant has one.
fn variable_quantity<'s>(
    file: &ParsedFile<'s>,
    pattern: &Pattern<&'s str>,
    key: &str,
    v: &Decimal,
    unit: Option<crate::numeric::Unit>,
) -> Option<Quantity<'s>> {
    let variants = first_select(pattern)?;
    let variant = variants
        .iter()
        .find(|x| variant_key(&x.key) == key)
        .or_else(|| variants.iter().find(|x| x.default))?;
    let name = variant.value.elements.iter().find_map(|e| match e {
        PatternElement::Placeable {
            expression: Expression::Inline(InlineExpression::VariableReference { id }),
        } => Some(id.name),
        _ => None,
    })?;
    let at = file.offset(name)?;
    let mut q = Quantity::new(name, at..at + name.len(), Kind::Number, v.clone());
    q.weak = true;
    q.unit = unit;
    Some(q)
}
