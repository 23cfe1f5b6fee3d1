//! Helpers over the `fluent-syntax` AST: byte offsets of borrowed slices, and a visitor over
//! patterns and expressions.

use fluent_syntax::ast::{
    Attribute, Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey,
};

/// Byte offset of `slice` inside `base`, when `slice` borrows from `base`.
pub fn offset_in(base: &str, slice: &str) -> Option<usize> {
    let b = base.as_ptr() as usize;
    let s = slice.as_ptr() as usize;
    if s >= b && s + slice.len() <= b + base.len() {
        Some(s - b)
    } else {
        None
    }
}

/// Callbacks for [`walk_pattern`]; every method has a no-op default.
pub trait Visitor<'s> {
    fn text(&mut self, _text: &'s str) {}
    fn inline(&mut self, _expr: &'s InlineExpression<&'s str>) {}
    fn select(
        &mut self,
        _selector: &'s InlineExpression<&'s str>,
        _variants: &'s [Variant<&'s str>],
    ) {
    }
}

/// Deepest placeable nesting we walk; deeper parts are skipped (the parser limits nesting too).
const MAX_DEPTH: usize = 64;

pub fn walk_pattern<'s, V: Visitor<'s>>(pattern: &'s Pattern<&'s str>, v: &mut V) {
    walk_pattern_at(pattern, v, 0);
}

fn walk_pattern_at<'s, V: Visitor<'s>>(pattern: &'s Pattern<&'s str>, v: &mut V, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    // Most patterns are one text element: no loop to set up.
    if let [PatternElement::TextElement { value }] = pattern.elements.as_slice() {
        v.text(value);
        return;
    }
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => v.text(value),
            PatternElement::Placeable { expression } => walk_expression(expression, v, depth + 1),
        }
    }
}

fn walk_expression<'s, V: Visitor<'s>>(expr: &'s Expression<&'s str>, v: &mut V, depth: usize) {
    match expr {
        Expression::Inline(inline) => walk_inline(inline, v, depth),
        Expression::Select { selector, variants } => {
            v.select(selector, variants);
            walk_inline(selector, v, depth);
            for variant in variants {
                walk_pattern_at(&variant.value, v, depth + 1);
            }
        }
    }
}

fn walk_inline<'s, V: Visitor<'s>>(expr: &'s InlineExpression<&'s str>, v: &mut V, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    v.inline(expr);
    match expr {
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, v, depth + 1);
            }
            for a in &arguments.named {
                walk_inline(&a.value, v, depth + 1);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                walk_inline(a, v, depth + 1);
            }
            for a in &arguments.named {
                walk_inline(&a.value, v, depth + 1);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, v, depth + 1),
        _ => {}
    }
}

/// Every borrowed slice in a pattern (text, identifiers, literals), in source order, for spans.
pub fn pattern_slices<'s>(pattern: &'s Pattern<&'s str>, out: &mut Vec<&'s str>) {
    struct Slices<'a, 's>(&'a mut Vec<&'s str>);
    impl<'s> Visitor<'s> for Slices<'_, 's> {
        fn text(&mut self, text: &'s str) {
            self.0.push(text);
        }
        fn inline(&mut self, expr: &'s InlineExpression<&'s str>) {
            match expr {
                InlineExpression::StringLiteral { value }
                | InlineExpression::NumberLiteral { value } => self.0.push(value),
                InlineExpression::FunctionReference { id, .. }
                | InlineExpression::MessageReference { id, .. }
                | InlineExpression::TermReference { id, .. }
                | InlineExpression::VariableReference { id } => self.0.push(id.name),
                InlineExpression::Placeable { .. } => {}
            }
            if let InlineExpression::MessageReference {
                attribute: Some(a), ..
            }
            | InlineExpression::TermReference {
                attribute: Some(a), ..
            } = expr
            {
                self.0.push(a.name);
            }
        }
        fn select(
            &mut self,
            _selector: &'s InlineExpression<&'s str>,
            variants: &'s [Variant<&'s str>],
        ) {
            for v in variants {
                self.0.push(variant_key(&v.key));
            }
        }
    }
    walk_pattern(pattern, &mut Slices(out));
}

/// The text of a variant key (`one`, `0`).
pub fn variant_key<'s>(key: &VariantKey<&'s str>) -> &'s str {
    match key {
        VariantKey::Identifier { name } => name,
        VariantKey::NumberLiteral { value } => value,
    }
}

/// One translatable part of an entry: its value or one attribute.
pub struct Part<'s> {
    pub attribute: Option<&'s str>,
    pub pattern: &'s Pattern<&'s str>,
}

/// The value (if any) and the attributes of an entry, as parts.
pub fn parts<'s>(
    value: Option<&'s Pattern<&'s str>>,
    attributes: &'s [Attribute<&'s str>],
) -> impl Iterator<Item = Part<'s>> {
    value
        .map(|pattern| Part {
            attribute: None,
            pattern,
        })
        .into_iter()
        .chain(attributes.iter().map(|a| Part {
            attribute: Some(a.id.name),
            pattern: &a.value,
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_of_borrowed_slices() {
        let src = "key = Hello { $name }!\n";
        let res = fluent_syntax::parser::parse(src).unwrap();
        let fluent_syntax::ast::Entry::Message(m) = &res.body[0] else {
            panic!("not a message")
        };
        let mut slices = Vec::new();
        pattern_slices(m.value.as_ref().unwrap(), &mut slices);
        let offsets: Vec<_> = slices.iter().map(|s| offset_in(src, s).unwrap()).collect();
        assert_eq!(offsets, vec![6, 15, 21]);
        assert_eq!(offset_in(src, "elsewhere"), None);
    }
}
