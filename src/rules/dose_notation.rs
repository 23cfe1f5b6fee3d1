#![doc = include_str!("../../docs/rules/dose-notation.md")]

use fluent_syntax::ast::PatternElement;

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{offset_in, parts, text_runs};
use crate::numeric::dose::{dose_faults, DoseFault, Fault};
use crate::numeric::table_for;

pub struct DoseNotation;

static META: RuleMeta = RuleMeta {
    id: "dose-notation",
    severity: Severity::Error,
    summary: "a dose written with a trailing zero (`1.0 mg`) or without its leading zero (`.5 mg`), in any locale",
    doc: include_str!("../../docs/rules/dose-notation.md"),
};

impl Rule for DoseNotation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        let table = table_for(unit.locale.tag());
        let text = file.text();
        let mut found: Vec<DoseFault> = Vec::new();
        for t in file.views() {
            if file.damaged(t.id()) {
                continue;
            }
            for part in parts(t.value, t.attributes) {
                text_runs(part.pattern, &mut |run| {
                    for element in run.elements {
                        let PatternElement::TextElement { value } = element else {
                            continue;
                        };
                        let Some(off) = offset_in(text, value) else {
                            continue;
                        };
                        found.clear();
                        dose_faults(value, table, &mut found);
                        for f in &found {
                            let span = off + f.span.start..off + f.span.end;
                            let written = &text[span.clone()];
                            let message = match f.fault {
                                Fault::TrailingZero => {
                                    format!("`{written}` has a trailing zero: write `{}`", f.fix)
                                }
                                Fault::NoLeadingZero => {
                                    format!("`{written}` has no leading zero: write `{}`", f.fix)
                                }
                            };
                            let d = out
                                .emit_entry(unit, &t, span.clone(), message)
                                .with_attribute(part.attribute)
                                .with_label(Label {
                                    side: Side::Translation,
                                    span,
                                });
                            d.variant = run.variant.map(str::to_string);
                            d.data = Some(serde_json::json!({
                                "fault": match f.fault {
                                    Fault::TrailingZero => "trailing-zero",
                                    Fault::NoLeadingZero => "no-leading-zero",
                                },
                                "written": written,
                                "fix": f.fix,
                            }));
                        }
                    }
                });
            }
        }
    }
}
