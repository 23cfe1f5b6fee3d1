#![doc = include_str!("../../docs/rules/malformed-suppression.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;
use crate::directive::{malformed, PREFIX};

pub struct MalformedSuppression;

pub static META: RuleMeta = RuleMeta {
    id: "malformed-suppression",
    severity: Severity::Warning,
    summary: "a `leaflint-ignore` comment without its colon suppresses nothing",
    doc: include_str!("../../docs/rules/malformed-suppression.md"),
};

impl Rule for MalformedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        for (span, rest) in malformed(file) {
            let fixed = format!("# {PREFIX} {}", rest.trim());
            out.emit(
                unit.file_id(),
                unit.path(),
                span,
                format!(
                    "`leaflint-ignore` without a colon is not read and suppresses nothing: write `{}`",
                    fixed.trim_end()
                ),
            );
        }
    }
}
