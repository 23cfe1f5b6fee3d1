#![doc = include_str!("../../docs/rules/obsolete-message.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct ObsoleteMessage;

static META: RuleMeta = RuleMeta {
    id: "obsolete-message",
    severity: Severity::Warning,
    summary: "the translation defines a message or term the reference does not",
    doc: include_str!("../../docs/rules/obsolete-message.md"),
};

impl Rule for ObsoleteMessage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let reference_locale = ctx.reference();
        for t in file.views() {
            // A reference entry lost to a syntax error is already a `parse-error` there.
            if reference.by_id.contains_key(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let kind = if t.meta.is_term { "term" } else { "message" };
            let elsewhere = reference_locale
                .source
                .index
                .first(t.id())
                .map(|d| &reference_locale.source.files[d.file].rel);
            let message = match elsewhere {
                Some(rel) => format!(
                    "{kind} `{}` is not in {}'s `{}`: {} defines it in `{rel}`",
                    t.id(),
                    reference_locale.tag(),
                    unit.rel,
                    reference_locale.tag(),
                ),
                None => format!(
                    "{kind} `{}` is not in {}: it was removed or renamed there",
                    t.id(),
                    reference_locale.tag()
                ),
            };
            out.emit_entry(unit, &t, t.meta.id_span.clone(), message);
        }
    }
}
