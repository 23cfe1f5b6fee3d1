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
        let Some(file) = unit.file else {
            return;
        };
        let locale = unit.locale;
        let index = &locale.source.index;
        for (ei, t) in file.views().enumerate() {
            // Files of a locale may be loaded into separate bundles (one per page), or be
            // alternatives never loaded together (`branding/release/` and `branding/beta/`), so
            // a message or term repeated in another file only counts when the settings say the
            // locale is one bundle. Earlier files come first, so a definition in one of them is
            // the first.
            let across = ctx.settings.single_bundle;
            let elsewhere = (across && index.is_repeated(t.id()))
                .then(|| index.definitions(t.id()).find(|d| d.file < file.src.number))
                .flatten()
                .map(|d| (locale.source.files[d.file].path.as_str(), d.line));
            let here = || {
                let fe = *file.by_id.get(t.id()).filter(|&&fe| fe < ei)?;
                let pos = file
                    .src
                    .lines
                    .line_col(file.text(), file.entries[fe].span.start);
                Some((file.src.path.as_str(), pos.line))
            };
            if let Some((path, line)) = elsewhere.or_else(here) {
                let message = format!(
                    "`{}` is defined again; the first definition is at {path}:{line}",
                    t.id(),
                );
                out.emit_entry(unit, &t, t.meta.id_span.clone(), message);
            }
            // Attributes defined twice in one message.
            for a in t.attributes.iter() {
                // The first attribute of this name, when it is not this one (a look-up, not a
                // scan of the earlier ones: a hostile entry may have 100,000 attributes).
                let first = t.attribute(a.id.name).filter(|p| !std::ptr::eq(*p, a));
                if let Some(prev) = first {
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
                    // Key → its first variant, so a select with many variants is one pass.
                    let mut first: std::collections::HashMap<&str, usize> =
                        std::collections::HashMap::with_capacity(variants.len());
                    for (i, var) in variants.iter().enumerate() {
                        let key = variant_key(&var.key);
                        let f = *first.entry(key).or_insert(i);
                        if f == i {
                            continue;
                        }
                        let prev = &variants[f];
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
