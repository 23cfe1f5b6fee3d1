#![doc = include_str!("../../docs/rules/missing-attribute.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct MissingAttribute;

static META: RuleMeta = RuleMeta {
    id: "missing-attribute",
    severity: Severity::Error,
    summary: "the reference message has an attribute the translation lacks",
    doc: include_str!("../../docs/rules/missing-attribute.md"),
};

impl Rule for MissingAttribute {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        for t in file.views() {
            let Some(r) = reference.get(t.id()) else {
                continue;
            };
            for a in r.attributes {
                if t.attribute(a.id.name).is_some() {
                    continue;
                }
                let message = format!(
                    "attribute `.{}` of `{}` is missing: {} has it, {} does not",
                    a.id.name,
                    t.id(),
                    ctx.reference().tag(),
                    unit.locale.tag()
                );
                let span = reference
                    .offset(a.id.name)
                    .map_or(r.meta.span.clone(), |o| o..o + a.id.name.len());
                out.emit_entry(unit, &t, t.meta.id_span.clone(), message)
                    .with_attribute(Some(a.id.name))
                    .with_reference(unit.reference_file_id(), span);
            }
        }
    }
}
