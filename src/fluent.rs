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

/// How often each key occurs in a pattern where the reader sees it, and which keys choose a
/// variant. A `select` counts as its variants do: the most and the fewest occurrences of any one
/// of them (a variant that lacks a key counts 0), so `{ $n -> [one] a tablet *[other] { $n }
/// tablets }` shows `$n` at most once and at least never. Selectors are not occurrences: they
/// only choose a form.
pub struct Uses<K> {
    /// Key → (most, fewest) occurrences in any one rendering.
    pub shown: foldhash::HashMap<K, (usize, usize)>,
    /// Keys that are a selector somewhere in the pattern.
    pub selectors: foldhash::HashSet<K>,
}

impl<K: std::hash::Hash + Eq + Copy> Uses<K> {
    /// The most occurrences of `key` in one rendering.
    pub fn most(&self, key: &K) -> usize {
        self.shown.get(key).map_or(0, |c| c.0)
    }
    /// The fewest occurrences of `key` in one rendering.
    pub fn fewest(&self, key: &K) -> usize {
        self.shown.get(key).map_or(0, |c| c.1)
    }
    /// Whether the pattern uses `key` at all, shown or as a selector.
    pub fn uses(&self, key: &K) -> bool {
        self.most(key) > 0 || self.selectors.contains(key)
    }
}

/// Counts the keys `key` gives for the inline expressions of `pattern` (see [`Uses`]).
pub fn uses<'s, K: std::hash::Hash + Eq + Copy>(
    pattern: &'s Pattern<&'s str>,
    key: &impl Fn(&'s InlineExpression<&'s str>) -> Option<K>,
) -> Uses<K> {
    let mut selectors = foldhash::HashSet::default();
    let shown = count_pattern(pattern, key, &mut selectors, 0);
    Uses { shown, selectors }
}

type Counts<K> = foldhash::HashMap<K, (usize, usize)>;

fn add_counts<K: std::hash::Hash + Eq>(into: &mut Counts<K>, from: Counts<K>) {
    for (k, (most, fewest)) in from {
        let c = into.entry(k).or_default();
        c.0 += most;
        c.1 += fewest;
    }
}

fn count_pattern<'s, K: std::hash::Hash + Eq + Copy>(
    pattern: &'s Pattern<&'s str>,
    key: &impl Fn(&'s InlineExpression<&'s str>) -> Option<K>,
    selectors: &mut foldhash::HashSet<K>,
    depth: usize,
) -> Counts<K> {
    let mut out = Counts::default();
    if depth > MAX_DEPTH {
        return out;
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            let c = count_expression(expression, key, selectors, depth + 1);
            add_counts(&mut out, c);
        }
    }
    out
}

fn count_expression<'s, K: std::hash::Hash + Eq + Copy>(
    expr: &'s Expression<&'s str>,
    key: &impl Fn(&'s InlineExpression<&'s str>) -> Option<K>,
    selectors: &mut foldhash::HashSet<K>,
    depth: usize,
) -> Counts<K> {
    match expr {
        Expression::Inline(inline) => count_inline(inline, key, selectors, depth),
        Expression::Select { selector, variants } => {
            // What the selector reads chooses a form; it is not shown.
            for k in count_inline(selector, key, selectors, depth).into_keys() {
                selectors.insert(k);
            }
            let per_variant: Vec<Counts<K>> = variants
                .iter()
                .map(|v| count_pattern(&v.value, key, selectors, depth + 1))
                .collect();
            let mut out = Counts::default();
            for counts in &per_variant {
                for (k, &(most, _)) in counts {
                    let c = out.entry(*k).or_insert((0, usize::MAX));
                    c.0 = c.0.max(most);
                }
            }
            for (k, c) in out.iter_mut() {
                c.1 = per_variant
                    .iter()
                    .map(|v| v.get(k).map_or(0, |x| x.1))
                    .min()
                    .unwrap_or(0);
            }
            out
        }
    }
}

fn count_inline<'s, K: std::hash::Hash + Eq + Copy>(
    expr: &'s InlineExpression<&'s str>,
    key: &impl Fn(&'s InlineExpression<&'s str>) -> Option<K>,
    selectors: &mut foldhash::HashSet<K>,
    depth: usize,
) -> Counts<K> {
    let mut out = Counts::default();
    if depth > MAX_DEPTH {
        return out;
    }
    if let Some(k) = key(expr) {
        out.insert(k, (1, 1));
    }
    let arguments = match expr {
        InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        InlineExpression::Placeable { expression } => {
            let c = count_expression(expression, key, selectors, depth + 1);
            add_counts(&mut out, c);
            None
        }
        _ => None,
    };
    if let Some(arguments) = arguments {
        let named = arguments.named.iter().map(|a| &a.value);
        for a in arguments.positional.iter().chain(named) {
            let c = count_inline(a, key, selectors, depth + 1);
            add_counts(&mut out, c);
        }
    }
    out
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

    #[test]
    fn uses_count_what_one_rendering_shows() {
        let src = "key = { $n ->\n    [one] one tablet of { -b }\n   *[other] { $n } tablets of { -b }, { -b }\n} { $n }\n";
        let res = fluent_syntax::parser::parse(src).unwrap();
        let fluent_syntax::ast::Entry::Message(m) = &res.body[0] else {
            panic!("not a message")
        };
        let pattern = m.value.as_ref().unwrap();
        let vars = uses(pattern, &|e| match e {
            InlineExpression::VariableReference { id } => Some(id.name),
            _ => None,
        });
        assert_eq!(vars.shown.get("n"), Some(&(2, 1)));
        assert!(vars.selectors.contains("n"));
        let terms = uses(pattern, &|e| match e {
            InlineExpression::TermReference { id, .. } => Some(id.name),
            _ => None,
        });
        assert_eq!((terms.most(&"b"), terms.fewest(&"b")), (2, 1));
        assert!(!terms.uses(&"c"));
    }
}
