#![doc = include_str!("../../docs/rules/variable-mismatch.md")]

use fluent_syntax::ast::InlineExpression;

use super::{closest, Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{parts, walk_pattern, Visitor};
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
    variables_in(entry, |_| true)
}

/// The variables used in the parts of an entry that `part` accepts (`None` is the value,
/// `Some(name)` an attribute).
pub fn variables_in<'a>(
    entry: &EntryView<'a, '_>,
    part: impl Fn(Option<&str>) -> bool,
) -> Vec<&'a str> {
    struct Vars<'s>(Vec<&'s str>);
    impl<'s> Visitor<'s> for Vars<'s> {
        fn inline(&mut self, expr: &'s InlineExpression<&'s str>) {
            if let InlineExpression::VariableReference { id } = expr {
                if !self.0.contains(&id.name) {
                    self.0.push(id.name);
                }
            }
        }
    }
    let mut v = Vars(Vec::new());
    for p in parts(entry.value, entry.attributes).filter(|p| part(p.attribute)) {
        walk_pattern(p.pattern, &mut v);
    }
    v.0
}

/// Span of `$name` for a variable name slice.
fn var_span(file: &ParsedFile<'_>, name: &str) -> Option<std::ops::Range<usize>> {
    let o = file.offset(name)?;
    Some(o.saturating_sub(1)..o + name.len())
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
            // Reference variables a misspelt one stands for: reported once, as the typo.
            let mut suggested = Vec::new();
            for &v in &tv {
                if rv.contains(&v) {
                    continue;
                }
                let guess = closest(v, rv.iter().copied().filter(|c| !tv.contains(c)));
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
            let unused: Vec<&str> = rv
                .iter()
                .copied()
                .filter(|v| !tv.contains(v) && !suggested.contains(v))
                .collect();
            if unused.is_empty() {
                continue;
            }
            // Variables of a value or attribute the translation lacks altogether are part of that
            // `missing-value` / `missing-attribute` finding.
            let rv_translated = variables_in(&r, |attribute| match attribute {
                None => t.value.is_some(),
                Some(a) => t.attribute(a).is_some(),
            });
            for v in unused {
                if !rv_translated.contains(&v) {
                    continue;
                }
                let message = format!("`${v}` from {en} is not used in {lang}");
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
    }
}
