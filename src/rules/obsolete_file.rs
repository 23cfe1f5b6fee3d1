#![doc = include_str!("../../docs/rules/obsolete-file.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct ObsoleteFile;

static META: RuleMeta = RuleMeta {
    id: "obsolete-file",
    severity: Severity::Warning,
    summary: "a translation has a file the reference does not have",
    doc: include_str!("../../docs/rules/obsolete-file.md"),
};

impl Rule for ObsoleteFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        if unit.is_reference_locale() || unit.reference.is_some() || unit.file.is_none() {
            return;
        }
        // The reference file is there but unreadable: that is the reference's `io-error`.
        let reference = &ctx.reference().source;
        let expected = reference
            .dir
            .join(unit.rel.replace('/', std::path::MAIN_SEPARATOR_STR))
            .display()
            .to_string();
        if ctx.project.unreadable(0, &expected) {
            return;
        }
        out.emit(
            unit.file_id(),
            unit.path(),
            0..0,
            format!(
                "`{}` has no counterpart in {}",
                unit.rel,
                ctx.reference().tag()
            ),
        );
    }
}
