#![doc = include_str!("../../docs/rules/unused-suppression.md")]
//!
//! Two halves: this rule's `check` reports suppression comments that cannot work wherever they
//! are (an unknown rule id, a comment not attached to a message); the engine's inline-suppression
//! stage reports, once every other rule has run, the rule ids that suppressed nothing.

use super::{closest, registry, Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;
use crate::directive::{directives, Attachment, ALL};

pub struct UnusedSuppression;

pub static META: RuleMeta = RuleMeta {
    id: "unused-suppression",
    severity: Severity::Warning,
    summary: "a `# leaflint-ignore:` comment suppresses nothing",
    doc: include_str!("../../docs/rules/unused-suppression.md"),
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        // "Did you mean" costs an edit distance per rule: past the findings a report lists one
        // by one on a message, the hint is left out.
        let mut hints_left = crate::diagnostic::MAX_PER_MESSAGE;
        for d in directives(file) {
            let entry = match d.attachment {
                Attachment::Entry(i) => file.view(i),
                Attachment::Detached => {
                    out.emit(
                        unit.file_id(),
                        unit.path(),
                        d.span.clone(),
                        "`leaflint-ignore` comment is not attached to a message: remove the blank line below it, or use `#` rather than `##`/`###`".into(),
                    );
                    continue;
                }
            };
            if d.codes.is_empty() {
                out.emit_entry(
                    unit,
                    &entry,
                    d.span.clone(),
                    format!(
                        "`leaflint-ignore` on `{}` names no rule (write a rule id, a comma list, or `all`)",
                        entry.id()
                    ),
                );
            }
            for code in &d.codes {
                if code.name == ALL || super::find(code.name).is_some() {
                    continue;
                }
                let hint = if hints_left > 0 {
                    hints_left -= 1;
                    closest(code.name, registry().iter().map(|r| r.meta().id))
                        .map(|c| format!("; did you mean `{c}`?"))
                        .unwrap_or_default()
                } else {
                    String::new()
                };
                out.emit_entry(
                    unit,
                    &entry,
                    code.span.clone(),
                    format!(
                        "`leaflint-ignore` on `{}` names unknown rule `{}`{hint}",
                        entry.id(),
                        code.name
                    ),
                );
            }
        }
    }
}
