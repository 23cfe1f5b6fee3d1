#![doc = include_str!("../../docs/rules/missing-attribute.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};

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
            // Term attributes are private, locale-specific grammar (`.gender`, `.case`): each
            // locale has its own. An entry cut short by a syntax error is a `parse-error` already.
            if t.meta.is_term {
                continue;
            }
            // Most reference entries have no attributes: nothing more to look at then.
            let Some(r) = unit.counterpart(&t).filter(|r| !r.attributes.is_empty()) else {
                continue;
            };
            if file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
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
                let d = out
                    .emit_entry(unit, &t, t.meta.id_span.clone(), message)
                    .with_attribute(Some(a.id.name))
                    .with_reference(unit.reference_file_id(), r.meta.span.clone());
                if let Some(o) = reference.offset(a.id.name) {
                    d.with_label(Label {
                        side: Side::Reference,
                        span: o..o + a.id.name.len(),
                    });
                }
            }
        }
    }
}
