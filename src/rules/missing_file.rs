#![doc = include_str!("../../docs/rules/missing-file.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct MissingFile;

static META: RuleMeta = RuleMeta {
    id: "missing-file",
    severity: Severity::Error,
    summary: "a reference file has no counterpart in a translation",
    doc: include_str!("../../docs/rules/missing-file.md"),
};

impl Rule for MissingFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        if unit.is_reference_locale() || unit.file.is_some() {
            return;
        }
        let Some(reference) = unit.reference else {
            return;
        };
        if unit.unreadable {
            return;
        }
        let n = reference.entries.len();
        let d = out.emit(
            None,
            unit.path(),
            0..0,
            format!(
                "`{}` is missing in {}: {n} {} of {} untranslated",
                unit.rel,
                unit.locale.tag(),
                if n == 1 { "entry" } else { "entries" },
                ctx.reference().tag()
            ),
        );
        d.with_reference(unit.reference_file_id(), 0..0);
    }
}
