#![doc = include_str!("../../docs/rules/variable-mismatch.md")]

use fluent_syntax::ast::InlineExpression;

use super::{closest, Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{first_select, is_blank, parts, uses, walk_pattern, Uses, Visitor};
use crate::project::{EntryView, ParsedFile};

pub struct VariableMismatch;

static META: RuleMeta = RuleMeta {
    id: "variable-mismatch",
    severity: Severity::Error,
    summary: "the `$variables` of a translation differ from the reference's",
    doc: include_str!("../../docs/rules/variable-mismatch.md"),
};

/// The variables used anywhere in an entry (value, attributes, all variants), first use first.
pub fn variables<'a>(entry: &EntryView<'a, '_>) -> Vec<&'a str> {
    struct Vars<'s>(Vec<&'s str>, foldhash::HashSet<&'s str>);
    impl<'s> Visitor<'s> for Vars<'s> {
        fn inline(&mut self, expr: &'s InlineExpression<&'s str>) {
            if let InlineExpression::VariableReference { id } = expr {
                if self.1.insert(id.name) {
                    self.0.push(id.name);
                }
            }
        }
    }
    let mut v = Vars(Vec::new(), Default::default());
    for p in parts(entry.value, entry.attributes) {
        walk_pattern(p.pattern, &mut v);
    }
    v.0
}

/// Span of `$name` for a variable name slice.
fn var_span(file: &ParsedFile<'_>, name: &str) -> Option<std::ops::Range<usize>> {
    let o = file.offset(name)?;
    Some(o.saturating_sub(1)..o + name.len())
}

/// The variables of each part of an entry (value first, then attributes), counted.
fn part_uses<'a>(entry: &EntryView<'a, '_>) -> Vec<(Option<&'a str>, Uses<&'a str>)> {
    let key = |e: &'a InlineExpression<&'a str>| match e {
        InlineExpression::VariableReference { id } => Some(id.name),
        _ => None,
    };
    parts(entry.value, entry.attributes)
        .map(|p| (p.attribute, uses(p.pattern, &key)))
        .collect()
}

/// `the value` or `` `.title` ``, for messages about one part.
fn part_name(part: Option<&str>) -> String {
    match part {
        None => "the value".to_string(),
        Some(a) => format!("`.{a}`"),
    }
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

impl Rule for VariableMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference().tag();
        let lang = unit.locale.tag();
        // A locale whose numbers all take one form (zh, ja) has nothing to choose.
        let one_form = ctx
            .plural_categories
            .get(unit.locale_index)
            .is_some_and(|c| c.as_slice() == ["other"]);
        for t in file.views() {
            // Terms take locale-specific parameters (`{ $case -> … }`) that only their own locale
            // passes. An entry cut short by a syntax error is a `parse-error` already.
            if t.meta.is_term || file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            let tv = variables(&t);
            let rv = variables(&r);
            // First use first, looked up without a scan.
            let t_order: foldhash::HashMap<&str, usize> =
                tv.iter().enumerate().map(|(i, v)| (*v, i)).collect();
            let r_order: foldhash::HashMap<&str, usize> =
                rv.iter().enumerate().map(|(i, v)| (*v, i)).collect();
            // Most messages have no variables on either side: nothing to count.
            if tv.is_empty() && rv.is_empty() {
                continue;
            }
            let own = part_uses(&t);
            let theirs = part_uses(&r);
            // Variables the translation shows somewhere (not only as a selector).
            let shown: foldhash::HashSet<&str> = own
                .iter()
                .flat_map(|(_, u)| u.shown.iter().filter(|(_, c)| c.0 > 0).map(|(v, _)| *v))
                .collect();
            // Reference variables a misspelt one stands for: reported once, as the typo.
            let mut suggested = foldhash::HashSet::default();
            for &v in &tv {
                if r_order.contains_key(v) {
                    continue;
                }
                let guess = closest(v, rv.iter().copied().filter(|c| !shown.contains(c)));
                suggested.extend(guess);
                let hint = guess
                    .map(|c| format!("; did you mean `${c}`?"))
                    .unwrap_or_default();
                let span = var_span(file, v).unwrap_or(t.meta.id_span.clone());
                let message = format!("`${v}` is used in {lang} but {en} never passes it{hint}");
                let severity = out.upgraded(Severity::Error);
                out.emit_entry(unit, &t, span.clone(), message)
                    .with_severity(severity)
                    .with_reference(unit.reference_file_id(), r.meta.span.clone())
                    .with_label(Label {
                        side: Side::Translation,
                        span,
                    });
            }
            // Each part against the same part of the reference. A part the translation lacks
            // altogether is a `missing-value` / `missing-attribute` finding.
            let own_parts: foldhash::HashMap<Option<&str>, &Uses<&str>> =
                own.iter().map(|(p, u)| (*p, u)).collect();
            let their_parts: foldhash::HashMap<Option<&str>, &Uses<&str>> =
                theirs.iter().map(|(p, u)| (*p, u)).collect();
            // In how many parts the translation uses each variable.
            let mut parts_using: foldhash::HashMap<&str, usize> = Default::default();
            for (_, u) in &own {
                let mut seen: Vec<&str> = u.shown.keys().chain(&u.selectors).copied().collect();
                seen.sort_unstable();
                seen.dedup();
                for v in seen {
                    *parts_using.entry(v).or_default() += 1;
                }
            }
            // Variables reported as moved to another part: one finding, not two.
            let mut misplaced = foldhash::HashSet::default();
            // A part that shows nothing is `empty-translation`'s: its lost variables are that
            // one finding.
            // So is a variant that shows nothing (`*[other] { "" }`), which would otherwise make
            // the count look as if it only chose a form.
            let blank: Vec<Option<&str>> = parts(t.value, t.attributes)
                .filter(|p| is_blank(p.pattern))
                .map(|p| p.attribute)
                .collect();
            let blank_variant: Vec<Option<&str>> = parts(t.value, t.attributes)
                .filter(|p| {
                    first_select(p.pattern).is_some_and(|vs| vs.iter().any(|v| is_blank(&v.value)))
                })
                .map(|p| p.attribute)
                .collect();
            for (part, ru) in &theirs {
                let Some(tu) = own_parts.get(part) else {
                    continue;
                };
                if blank.contains(part) {
                    continue;
                }
                let mut keys: Vec<&str> = ru.shown.keys().chain(&ru.selectors).copied().collect();
                keys.sort_by_key(|v| r_order.get(v).copied());
                keys.dedup();
                for v in keys {
                    if suggested.contains(&v) {
                        continue;
                    }
                    let (rmost, tmost) = (ru.most(&v), tu.most(&v));
                    let here = usize::from(tu.uses(&v));
                    let elsewhere = parts_using.get(v).is_some_and(|&n| n > here);
                    let message = if !tu.uses(&v) {
                        // A count that only chooses a form, or that the reference itself leaves
                        // out of some form, need not appear where there is one form.
                        if one_form && ru.selectors.contains(&v) && ru.fewest(&v) == 0 {
                            continue;
                        }
                        match (part, elsewhere) {
                            (None, false) => format!("`${v}` from {en} is not used in {lang}"),
                            (_, false) => format!(
                                "`${v}` of {} in {en} is not used in {lang}",
                                part_name(*part)
                            ),
                            (_, true) => {
                                misplaced.insert(v);
                                format!(
                                    "`${v}` is in {} in {en} but in another part in {lang}",
                                    part_name(*part)
                                )
                            }
                        }
                    } else if tmost == 0
                        && rmost > 0
                        && !(one_form && ru.fewest(&v) == 0)
                        && !blank_variant.contains(part)
                    {
                        format!(
                            "`${v}` is shown in {en} but {lang} only uses it to choose a form{}",
                            if part.is_some() {
                                format!(" in {}", part_name(*part))
                            } else {
                                String::new()
                            }
                        )
                    } else if tmost > 0 && tmost < rmost {
                        format!(
                            "`${v}` is shown {} in {en} but {} in {lang}{}",
                            times(rmost),
                            times(tmost),
                            if part.is_some() {
                                format!(" in {}", part_name(*part))
                            } else {
                                String::new()
                            }
                        )
                    } else {
                        continue;
                    };
                    let severity = out.downgraded(Severity::Warning);
                    let d = out
                        .emit_entry(unit, &t, t.meta.id_span.clone(), message)
                        .with_severity(severity)
                        .with_reference(unit.reference_file_id(), r.meta.span.clone());
                    if let Some(span) = var_span(reference, v) {
                        d.with_label(Label {
                            side: Side::Reference,
                            span,
                        });
                    }
                }
            }
            // A variable of the reference that the translation moved to another part.
            for (part, tu) in &own {
                let Some(ru) = their_parts.get(part) else {
                    continue;
                };
                let mut moved: Vec<&str> = tu
                    .shown
                    .keys()
                    .copied()
                    .filter(|v| r_order.contains_key(v) && !ru.uses(v) && !misplaced.contains(v))
                    .collect();
                moved.sort_by_key(|v| t_order.get(v).copied());
                for v in moved {
                    let span = var_span(file, v).unwrap_or(t.meta.id_span.clone());
                    let message = format!(
                        "`${v}` is used in {} in {lang} but {en} uses it only in another part",
                        part_name(*part)
                    );
                    let severity = out.downgraded(Severity::Warning);
                    out.emit_entry(unit, &t, span.clone(), message)
                        .with_severity(severity)
                        .with_reference(unit.reference_file_id(), r.meta.span.clone())
                        .with_label(Label {
                            side: Side::Translation,
                            span,
                        });
                }
            }
        }
    }
}
