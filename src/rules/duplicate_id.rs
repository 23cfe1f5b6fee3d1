#![doc = include_str!("../../docs/rules/duplicate-id.md")]

use fluent_syntax::ast::{InlineExpression, Variant};

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;
use crate::fluent::{parts, variant_key, walk_pattern, Visitor};

pub struct DuplicateId;

static META: RuleMeta = RuleMeta {
    id: "duplicate-id",
    severity: Severity::Error,
    summary: "a message, term, attribute or variant key is defined twice in one locale",
    doc: include_str!("../../docs/rules/duplicate-id.md"),
};

impl Rule for DuplicateId {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let (Some(file), Some(file_index)) = (unit.file, unit.file_index) else {
            return;
        };
        let locale = unit.locale;
        for (ei, t) in file.views().enumerate() {
            // Entries defined more than once in the locale, in any of its files.
            if let Some(locs) = locale.ids.get(t.id()) {
                // Files of a locale may be loaded into separate bundles (one per page), so a
                // message repeated in another file only counts when the settings say the locale
                // is one bundle; terms are shared across files and always count.
                let earlier = locs.iter().take_while(|&&l| l != (file_index, ei));
                let first = earlier
                    .filter(|&&(f, _)| {
                        f == file_index || t.meta.is_term || ctx.settings.single_bundle
                    })
                    .copied()
                    .next();
                if let Some((ff, fe)) = first {
                    let first = &locale.files[ff];
                    let pos = first
                        .src
                        .lines
                        .line_col(first.text(), first.entries[fe].span.start);
                    let message = format!(
                        "`{}` is defined again; the first definition is at {}:{}",
                        t.id(),
                        first.src.path,
                        pos.line
                    );
                    out.emit_entry(unit, &t, t.meta.id_span.clone(), message);
                }
            }
            // Attributes defined twice in one message.
            for (i, a) in t.attributes.iter().enumerate() {
                if let Some(prev) = t.attributes[..i].iter().find(|p| p.id.name == a.id.name) {
                    let at = file.offset(a.id.name).unwrap_or(t.meta.span.start);
                    let first_line = file
                        .offset(prev.id.name)
                        .map_or(0, |o| file.src.lines.line_col(file.text(), o).line);
                    let message = format!(
                        "attribute `.{}` of `{}` is defined again; the first one is on line {first_line}",
                        a.id.name,
                        t.id()
                    );
                    out.emit_entry(unit, &t, at..at + a.id.name.len(), message)
                        .with_attribute(Some(a.id.name));
                }
            }
            // Variant keys repeated within one select expression.
            for part in parts(t.value, t.attributes) {
                let mut v = Selects(Vec::new());
                walk_pattern(part.pattern, &mut v);
                for variants in v.0 {
                    for (i, var) in variants.iter().enumerate() {
                        let key = variant_key(&var.key);
                        let Some(prev) = variants[..i].iter().find(|p| variant_key(&p.key) == key)
                        else {
                            continue;
                        };
                        let at = file.offset(key).unwrap_or(t.meta.span.start);
                        let first_line = file
                            .offset(variant_key(&prev.key))
                            .map_or(0, |o| file.src.lines.line_col(file.text(), o).line);
                        let message = format!(
                            "variant `[{key}]` of `{}` is defined again; the first one is on line {first_line}",
                            t.id()
                        );
                        let d = out.emit_entry(unit, &t, at..at + key.len(), message);
                        d.with_attribute(part.attribute);
                        d.variant = Some(key.to_string());
                    }
                }
            }
        }
    }
}

struct Selects<'s>(Vec<&'s [Variant<&'s str>]>);

impl<'s> Visitor<'s> for Selects<'s> {
    fn select(
        &mut self,
        _selector: &'s InlineExpression<&'s str>,
        variants: &'s [Variant<&'s str>],
    ) {
        self.0.push(variants);
    }
}
