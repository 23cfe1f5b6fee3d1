#![doc = include_str!("../../docs/rules/obsolete-attribute.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct ObsoleteAttribute;

static META: RuleMeta = RuleMeta {
    id: "obsolete-attribute",
    severity: Severity::Warning,
    summary: "the translation has an attribute (or a value) the reference lacks",
    doc: include_str!("../../docs/rules/obsolete-attribute.md"),
};

impl Rule for ObsoleteAttribute {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference().tag();
        for t in file.views() {
            // Term attributes are private, locale-specific grammar (`.gender`, `.case`): each
            // locale has its own. An entry cut short by a syntax error is a `parse-error` already.
            if t.meta.is_term || file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            if t.value.is_some() && r.value.is_none() {
                let message = format!(
                    "`{}` has a value, but in {en} it has only attributes",
                    t.id()
                );
                out.emit_entry(unit, &t, t.meta.id_span.clone(), message)
                    .with_reference(unit.reference_file_id(), r.meta.span.clone());
            }
            for a in t.attributes {
                if r.attribute(a.id.name).is_some() {
                    continue;
                }
                let span = file
                    .offset(a.id.name)
                    .map_or(t.meta.id_span.clone(), |o| o..o + a.id.name.len());
                let message = format!("attribute `.{}` of `{}` is not in {en}", a.id.name, t.id());
                out.emit_entry(unit, &t, span, message)
                    .with_attribute(Some(a.id.name))
                    .with_reference(unit.reference_file_id(), r.meta.span.clone());
            }
        }
    }
}
