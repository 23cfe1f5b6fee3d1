#![doc = include_str!("../../docs/rules/io-error.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;
use crate::project::IoProblem;

pub struct IoError;

static META: RuleMeta = RuleMeta {
    id: "io-error",
    severity: Severity::Error,
    summary: "a file or directory in the tree cannot be read",
    doc: include_str!("../../docs/rules/io-error.md"),
};

impl Rule for IoError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Problems belong to a locale, not to a file of it: report them with the locale's first unit.
    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        if !unit.first_of_locale {
            return;
        }
        for p in &unit.locale.source.problems {
            report(out, p);
        }
    }
}

/// Reports one file or directory that cannot be read.
pub fn report(out: &mut Sink, p: &IoProblem) {
    out.emit(
        None,
        p.path.clone(),
        0..0,
        format!("cannot read: {}", p.message),
    );
}
