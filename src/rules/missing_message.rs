#![doc = include_str!("../../docs/rules/missing-message.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct MissingMessage;

static META: RuleMeta = RuleMeta {
    id: "missing-message",
    severity: Severity::Error,
    summary: "a reference message or term is absent from the translation",
    doc: include_str!("../../docs/rules/missing-message.md"),
};

impl Rule for MissingMessage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let text = file.text();
        // Where a missing entry would go: after the last reference entry the translation has
        // (the end of its span, turned into a line only when an entry is missing).
        let mut last_present = None;
        for r in reference.views() {
            if let Some(t) = file.get(r.id()) {
                last_present = Some(t.meta.span.end);
                continue;
            }
            if file.damaged(r.id()) {
                continue; // already reported as a parse error
            }
            let insert_at = last_present.map_or(0, |end| {
                let end_line = file.src.lines.line_of(end);
                file.src.lines.line_range(text, end_line + 1).start
            });
            let kind = if r.meta.is_term { "term" } else { "message" };
            let d = out.emit(
                unit.file_id(),
                unit.path(),
                insert_at..insert_at,
                format!(
                    "{kind} `{}` is missing: {} has it, {} does not",
                    r.id(),
                    ctx.reference().tag(),
                    unit.locale.tag()
                ),
            );
            d.message_id = Some(r.id().to_string());
            d.with_reference(unit.reference_file_id(), r.meta.span.clone());
        }
    }
}
