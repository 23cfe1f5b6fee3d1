#![doc = include_str!("../../docs/rules/internal-error.md")]
//!
//! The engine reports it: a panic while one path is checked is caught there (see
//! `check::check_tree_filtered`) and turned into this rule's finding. The rule itself has
//! nothing to look at in a file.

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;

pub struct InternalError;

pub static META: RuleMeta = RuleMeta {
    id: "internal-error",
    severity: Severity::Error,
    summary: "leaflint or a library it uses failed while checking a file (the rest is checked)",
    doc: include_str!("../../docs/rules/internal-error.md"),
};

impl Rule for InternalError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, _unit: &Unit<'_, '_>, _out: &mut Sink) {}
}
