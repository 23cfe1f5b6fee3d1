#![doc = include_str!("../../docs/rules/missing-value.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct MissingValue;

static META: RuleMeta = RuleMeta {
    id: "missing-value",
    severity: Severity::Error,
    summary: "the reference message has a value the translation lacks",
    doc: include_str!("../../docs/rules/missing-value.md"),
};

impl Rule for MissingValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        for t in file.views() {
            // Terms take locale-specific parameters (`{ $case -> … }`) that only their own locale
            // passes. An entry cut short by a syntax error is a `parse-error` already.
            if t.meta.is_term || file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            if r.value.is_some() && t.value.is_none() {
                let message = format!(
                    "`{}` has no value: {} has one, {} has only attributes",
                    t.id(),
                    ctx.reference().tag(),
                    unit.locale.tag()
                );
                out.emit_entry(unit, &t, t.meta.id_span.clone(), message)
                    .with_reference(unit.reference_file_id(), r.meta.span.clone());
            }
        }
    }
}
