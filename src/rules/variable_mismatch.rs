#![doc = include_str!("../../docs/rules/variable-mismatch.md")]

use fluent_syntax::ast::InlineExpression;

use super::{closest, Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{parts, walk_pattern, Visitor};
use crate::project::{EntryView, ParsedFile};

pub struct VariableMismatch;

static META: RuleMeta = RuleMeta {
    id: "variable-mismatch",
    severity: Severity::Error,
    summary: "the `$variables` of a translation differ from the reference's",
    doc: include_str!("../../docs/rules/variable-mismatch.md"),
};

/// The variables used anywhere in an entry (value, attributes, all variants), first use first.
pub fn variables<'a>(entry: &EntryView<'a, '_>) -> Vec<&'a str> {
    struct Vars<'s>(Vec<&'s str>);
    impl<'s> Visitor<'s> for Vars<'s> {
        fn inline(&mut self, expr: &'s InlineExpression<&'s str>) {
            if let InlineExpression::VariableReference { id } = expr {
                if !self.0.contains(&id.name) {
                    self.0.push(id.name);
                }
            }
        }
    }
    let mut v = Vars(Vec::new());
    for part in parts(entry.value, entry.attributes) {
        walk_pattern(part.pattern, &mut v);
    }
    v.0
}

/// Span of `$name` for a variable name slice.
fn var_span(file: &ParsedFile<'_>, name: &str) -> Option<std::ops::Range<usize>> {
    let o = file.offset(name)?;
    Some(o.saturating_sub(1)..o + name.len())
}

impl Rule for VariableMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference().tag();
        let lang = unit.locale.tag();
        for t in file.views() {
            let Some(r) = reference.get(t.id()) else {
                continue;
            };
            let tv = variables(&t);
            let rv = variables(&r);
            for &v in &tv {
                if rv.contains(&v) {
                    continue;
                }
                let hint = closest(v, rv.iter().copied().filter(|c| !tv.contains(c)))
                    .map(|c| format!("; did you mean `${c}`?"))
                    .unwrap_or_default();
                let span = var_span(file, v).unwrap_or(t.meta.id_span.clone());
                let message = format!("`${v}` is used in {lang} but {en} never passes it{hint}");
                let severity = out.upgraded(Severity::Error);
                out.emit_entry(unit, &t, span.clone(), message)
                    .with_severity(severity)
                    .with_reference(unit.reference_file_id(), r.meta.span.clone())
                    .with_label(Label {
                        side: Side::Translation,
                        span,
                    });
            }
            for &v in &rv {
                if tv.contains(&v) {
                    continue;
                }
                let message = format!("`${v}` from {en} is not used in {lang}");
                let severity = out.downgraded(Severity::Warning);
                let d = out
                    .emit_entry(unit, &t, t.meta.id_span.clone(), message)
                    .with_severity(severity)
                    .with_reference(unit.reference_file_id(), r.meta.span.clone());
                if let Some(span) = var_span(reference, v) {
                    d.with_label(Label {
                        side: Side::Reference,
                        span,
                    });
                }
            }
        }
    }
}
