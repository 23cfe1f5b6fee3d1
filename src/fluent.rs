//! Helpers over the `fluent-syntax` AST: byte offsets of borrowed slices, and a visitor over
//! patterns and expressions.

use std::collections::HashMap;

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

/// Whether a string literal (its text as written, escapes unread) stands for nothing but
/// whitespace: `{ "" }`, `{ " " }`, `{ "\u00A0" }`.
pub fn literal_is_blank(raw: &str) -> bool {
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        let shown = if c == '\\' {
            match chars.next() {
                Some('u') => hex_char(&mut chars, 4),
                Some('U') => hex_char(&mut chars, 6),
                other => other,
            }
        } else {
            Some(c)
        };
        if shown.is_some_and(|d| !d.is_whitespace()) {
            return false;
        }
    }
    true
}

fn hex_char(chars: &mut std::str::Chars<'_>, n: usize) -> Option<char> {
    let mut v = 0u32;
    for _ in 0..n {
        v = v * 16 + chars.next()?.to_digit(16)?;
    }
    char::from_u32(v)
}

/// Whether a pattern shows nothing but whitespace however it is read: its text elements are
/// whitespace, and its placeables are string literals of whitespace (`{ "" }`, `{ " " }`) or
/// `select`s whose every variant is blank. A variable, a number or a reference is something.
/// Such a part is `empty-translation`'s finding, and the other rules leave it alone.
pub fn is_blank(pattern: &Pattern<&str>) -> bool {
    blank_at(pattern, 0)
}

fn blank_at(pattern: &Pattern<&str>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    pattern.elements.iter().all(|e| match e {
        PatternElement::TextElement { value } => value.chars().all(char::is_whitespace),
        PatternElement::Placeable { expression } => blank_expression(expression, depth + 1),
    })
}

fn blank_expression(expression: &Expression<&str>, depth: usize) -> bool {
    match expression {
        Expression::Select { variants, .. } => {
            variants.iter().all(|v| blank_at(&v.value, depth + 1))
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => literal_is_blank(value),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            depth <= MAX_DEPTH && blank_expression(expression, depth + 1)
        }
        Expression::Inline(_) => false,
    }
}

/// Whether pieces of a reading (see [`shown`]) show nothing but whitespace.
pub fn shows_nothing(pieces: &[Shown<'_>]) -> bool {
    pieces.iter().all(|p| match p.kind {
        ShownKind::Text => p.text.chars().all(char::is_whitespace),
        ShownKind::Literal => literal_is_blank(p.text),
        _ => false,
    })
}

/// A variant to choose: its key, and for a large `select` where the first variant with that
/// key is (`None`: there is none, so the default), so that going through the variants one by
/// one stays linear; a small `select` is searched.
#[derive(Debug, Clone, Copy)]
pub struct Choice<'k> {
    pub key: &'k str,
    pub at: Option<Option<usize>>,
}

impl<'k> Choice<'k> {
    /// The choice of `key` in a `select` whose first variants of each key are `at` (from
    /// [`first_of_keys`]; `None` for a small `select`).
    pub fn of(key: &'k str, at: &Option<HashMap<&str, usize>>) -> Choice<'k> {
        Choice {
            key,
            at: at.as_ref().map(|m| m.get(key).copied()),
        }
    }

    /// The variant this choice picks among `variants`: the one with its key, else the default.
    pub fn pick<'v, 's>(self, variants: &'v [Variant<&'s str>]) -> Option<&'v Variant<&'s str>> {
        match self.at {
            Some(at) => at.and_then(|i| variants.get(i)),
            None => variants.iter().find(|v| variant_key(&v.key) == self.key),
        }
    }
}

/// Where the first variant of each key is, for a `select` large enough to need it.
pub fn first_of_keys<'s>(variants: &[Variant<&'s str>]) -> Option<HashMap<&'s str, usize>> {
    (variants.len() > 16).then(|| {
        let mut m = HashMap::with_capacity(variants.len());
        for (i, v) in variants.iter().enumerate() {
            m.entry(variant_key(&v.key)).or_insert(i);
        }
        m
    })
}

/// The variants of the first `select` in a pattern.
pub fn first_select<'p, 's>(pattern: &'p Pattern<&'s str>) -> Option<&'p [Variant<&'s str>]> {
    fn in_expr<'p, 's>(e: &'p Expression<&'s str>) -> Option<&'p [Variant<&'s str>]> {
        match e {
            Expression::Select { variants, .. } => Some(variants),
            Expression::Inline(InlineExpression::Placeable { expression }) => in_expr(expression),
            Expression::Inline(_) => None,
        }
    }
    pattern.elements.iter().find_map(|e| match e {
        PatternElement::Placeable { expression } => in_expr(expression),
        PatternElement::TextElement { .. } => None,
    })
}

/// Calls `f` once per reading of a translated part and its reference part: with each key of
/// the translation's first `select` and the choice of that key on both sides (the reference
/// falls back on its default variant), or once with no key when the translation has no
/// `select`. Linear in the number of variants, also for a large `select`.
pub fn for_each_reading<'s>(
    own: &Pattern<&'s str>,
    theirs: &Pattern<&'s str>,
    mut f: impl FnMut(Option<&'s str>, Option<Choice<'s>>, Option<Choice<'s>>),
) {
    let Some(variants) = first_select(own) else {
        f(None, None, None);
        return;
    };
    let own_at = first_of_keys(variants);
    let their_at = first_select(theirs).and_then(first_of_keys);
    for v in variants {
        let key = variant_key(&v.key);
        f(
            Some(key),
            Some(Choice::of(key, &own_at)),
            Some(Choice::of(key, &their_at)),
        );
    }
}

/// What a piece of a string as it is shown is (see [`shown`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownKind {
    /// A text element.
    Text,
    /// A string literal (`{ " " }`), its escapes unread.
    Literal,
    /// A number literal (`{ 5 }`).
    Number,
    Variable,
    Term,
    /// A message reference: text defined elsewhere, unknown here.
    Message,
    Function,
}

/// A piece of a string as it is shown: the text of a text element or literal, or a placeable
/// (with its identifier, for a span).
#[derive(Debug, Clone, Copy)]
pub struct Shown<'s> {
    pub kind: ShownKind,
    /// The text (text elements and literals), the identifier (references) or the digits.
    pub text: &'s str,
    /// Byte offset of `text` in the file, when it borrows from it.
    pub at: Option<usize>,
    /// Whether the piece comes from the chosen variant of the first `select`.
    pub in_variant: bool,
}

/// The pieces of `pattern` as one reading of it shows them, written into `out` (cleared first):
/// the first `select` gives the variant `choice` picks (else its default), every other `select`
/// its default variant. `base` is the file's text.
pub fn shown<'s>(
    base: &str,
    pattern: &Pattern<&'s str>,
    choice: Option<Choice<'_>>,
    out: &mut Vec<Shown<'s>>,
) {
    out.clear();
    let mut first = true;
    shown_pattern(base, pattern, choice, &mut first, false, out, 0);
}

fn shown_pattern<'s>(
    base: &str,
    pattern: &Pattern<&'s str>,
    choice: Option<Choice<'_>>,
    first: &mut bool,
    in_variant: bool,
    out: &mut Vec<Shown<'s>>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push(Shown {
                kind: ShownKind::Text,
                text: value,
                at: offset_in(base, value),
                in_variant,
            }),
            PatternElement::Placeable { expression } => {
                shown_expression(base, expression, choice, first, in_variant, out, depth + 1)
            }
        }
    }
}

fn shown_expression<'s>(
    base: &str,
    expression: &Expression<&'s str>,
    choice: Option<Choice<'_>>,
    first: &mut bool,
    in_variant: bool,
    out: &mut Vec<Shown<'s>>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let inline = match expression {
        Expression::Select { variants, .. } => {
            let wanted = if *first { choice } else { None };
            let chosen = wanted.is_some();
            *first = false;
            let variant = wanted
                .and_then(|c| c.pick(variants))
                .or_else(|| variants.iter().find(|v| v.default))
                .or(variants.first());
            if let Some(v) = variant {
                let inside = in_variant || chosen;
                shown_pattern(base, &v.value, choice, first, inside, out, depth + 1);
            }
            return;
        }
        Expression::Inline(inline) => inline,
    };
    let (kind, text) = match inline {
        InlineExpression::Placeable { expression } => {
            return shown_expression(base, expression, choice, first, in_variant, out, depth + 1)
        }
        InlineExpression::StringLiteral { value } => (ShownKind::Literal, *value),
        InlineExpression::NumberLiteral { value } => (ShownKind::Number, *value),
        InlineExpression::VariableReference { id } => (ShownKind::Variable, id.name),
        InlineExpression::TermReference { id, .. } => (ShownKind::Term, id.name),
        InlineExpression::MessageReference { id, .. } => (ShownKind::Message, id.name),
        InlineExpression::FunctionReference { id, .. } => (ShownKind::Function, id.name),
    };
    out.push(Shown {
        kind,
        text,
        at: offset_in(base, text),
        in_variant,
    });
}

/// The text of shown pieces as a reader sees it, placeables as Fluent writes them (for
/// messages).
pub fn shown_text(pieces: &[Shown<'_>]) -> String {
    let mut s = String::new();
    for p in pieces {
        let (open, close) = match p.kind {
            ShownKind::Text | ShownKind::Literal => {
                s.push_str(p.text);
                continue;
            }
            ShownKind::Variable => ("{ $", " }"),
            ShownKind::Term => ("{ -", " }"),
            ShownKind::Message | ShownKind::Number => ("{ ", " }"),
            ShownKind::Function => ("{ ", "(…) }"),
        };
        s.push_str(open);
        s.push_str(p.text);
        s.push_str(close);
    }
    s
}

/// A run of text elements: consecutive ones of one pattern, with nothing but line breaks
/// between them (see [`text_runs`]).
pub struct Run<'p, 's> {
    pub elements: &'p [PatternElement<&'s str>],
    /// Whether the run starts its pattern (its first element starts a line).
    pub starts_pattern: bool,
    /// The key of the `select` variant the run is in (the innermost), if any.
    pub variant: Option<&'s str>,
}

impl<'p, 's> Run<'p, 's> {
    /// The texts of the run's elements.
    pub fn texts(&self) -> impl Iterator<Item = &'s str> + 'p {
        self.elements.iter().filter_map(|e| match e {
            PatternElement::TextElement { value } => Some(*value),
            PatternElement::Placeable { .. } => None,
        })
    }
}

/// Calls `f` with every run of text elements of `pattern` and of the patterns nested in it
/// (`select` variants), in source order. A placeable ends a run, and each variant is runs of
/// its own, so that text on either side of a placeable or in two variants is never one run.
pub fn text_runs<'p, 's>(pattern: &'p Pattern<&'s str>, f: &mut impl FnMut(Run<'p, 's>)) {
    runs_at(pattern, f, None, 0);
}

fn runs_at<'p, 's>(
    pattern: &'p Pattern<&'s str>,
    f: &mut impl FnMut(Run<'p, 's>),
    variant: Option<&'s str>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let elements = pattern.elements.as_slice();
    let mut start = 0;
    for (i, element) in elements.iter().enumerate() {
        if let PatternElement::Placeable { expression } = element {
            if start < i {
                f(Run {
                    elements: &elements[start..i],
                    starts_pattern: start == 0,
                    variant,
                });
            }
            start = i + 1;
            runs_in_expression(expression, f, depth + 1);
        }
    }
    if start < elements.len() {
        f(Run {
            elements: &elements[start..],
            starts_pattern: start == 0,
            variant,
        });
    }
}

fn runs_in_expression<'p, 's>(
    expression: &'p Expression<&'s str>,
    f: &mut impl FnMut(Run<'p, 's>),
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match expression {
        Expression::Select { variants, .. } => {
            for v in variants {
                runs_at(&v.value, f, Some(variant_key(&v.key)), depth + 1);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            runs_in_expression(expression, f, depth + 1)
        }
        Expression::Inline(_) => {}
    }
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
    let mut shown = Counts::default();
    count_pattern(pattern, key, &mut selectors, &mut shown, 0);
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

/// Adds the counts of `pattern` to `out` (a variable or reference is counted straight into its
/// pattern's table; only a select's variants need tables of their own).
fn count_pattern<'s, K: std::hash::Hash + Eq + Copy>(
    pattern: &'s Pattern<&'s str>,
    key: &impl Fn(&'s InlineExpression<&'s str>) -> Option<K>,
    selectors: &mut foldhash::HashSet<K>,
    out: &mut Counts<K>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            count_expression(expression, key, selectors, out, depth + 1);
        }
    }
}

fn count_expression<'s, K: std::hash::Hash + Eq + Copy>(
    expr: &'s Expression<&'s str>,
    key: &impl Fn(&'s InlineExpression<&'s str>) -> Option<K>,
    selectors: &mut foldhash::HashSet<K>,
    out: &mut Counts<K>,
    depth: usize,
) {
    match expr {
        Expression::Inline(inline) => count_inline(inline, key, selectors, out, depth),
        Expression::Select { selector, variants } => {
            // What the selector reads chooses a form; it is not shown.
            let mut chooses = Counts::default();
            count_inline(selector, key, selectors, &mut chooses, depth);
            selectors.extend(chooses.into_keys());
            let per_variant: Vec<Counts<K>> = variants
                .iter()
                .map(|v| {
                    let mut c = Counts::default();
                    count_pattern(&v.value, key, selectors, &mut c, depth + 1);
                    c
                })
                .collect();
            let mut select = Counts::default();
            for counts in &per_variant {
                for (k, &(most, _)) in counts {
                    let c = select.entry(*k).or_insert((0, usize::MAX));
                    c.0 = c.0.max(most);
                }
            }
            for (k, c) in select.iter_mut() {
                c.1 = per_variant
                    .iter()
                    .map(|v| v.get(k).map_or(0, |x| x.1))
                    .min()
                    .unwrap_or(0);
            }
            add_counts(out, select);
        }
    }
}

fn count_inline<'s, K: std::hash::Hash + Eq + Copy>(
    expr: &'s InlineExpression<&'s str>,
    key: &impl Fn(&'s InlineExpression<&'s str>) -> Option<K>,
    selectors: &mut foldhash::HashSet<K>,
    out: &mut Counts<K>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(k) = key(expr) {
        let c = out.entry(k).or_default();
        c.0 += 1;
        c.1 += 1;
    }
    let arguments = match expr {
        InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        InlineExpression::Placeable { expression } => {
            count_expression(expression, key, selectors, out, depth + 1);
            None
        }
        _ => None,
    };
    if let Some(arguments) = arguments {
        let named = arguments.named.iter().map(|a| &a.value);
        for a in arguments.positional.iter().chain(named) {
            count_inline(a, key, selectors, out, depth + 1);
        }
    }
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

    fn value(src: &str) -> Pattern<&str> {
        let res = fluent_syntax::parser::parse(src).unwrap();
        let fluent_syntax::ast::Entry::Message(m) = res.body.into_iter().next().unwrap() else {
            panic!("not a message")
        };
        m.value.unwrap()
    }

    #[test]
    fn readings_show_the_chosen_variant_and_the_rest() {
        let own = value("m = Ta { $n ->\n    [one] en tablett\n   *[other] { $n } tabletter\n}.\n");
        let theirs = value("m = Take { $n ->\n   *[other] { $n } tablets\n}.\n");
        let mut seen = Vec::new();
        let mut buf = Vec::new();
        for_each_reading(&own, &theirs, |key, mine, _| {
            shown("", &own, mine, &mut buf);
            let kinds: Vec<(ShownKind, &str, bool)> =
                buf.iter().map(|p| (p.kind, p.text, p.in_variant)).collect();
            seen.push((key, kinds));
        });
        use ShownKind::*;
        assert_eq!(
            seen,
            vec![
                (
                    Some("one"),
                    vec![
                        (Text, "Ta ", false),
                        (Text, "en tablett", true),
                        (Text, ".", false)
                    ]
                ),
                (
                    Some("other"),
                    vec![
                        (Text, "Ta ", false),
                        (Variable, "n", true),
                        (Text, " tabletter", true),
                        (Text, ".", false)
                    ]
                ),
            ]
        );
        assert_eq!(shown_text(&buf), "Ta { $n } tabletter.");
    }

    #[test]
    fn blank_patterns_show_nothing_but_whitespace() {
        for (src, blank) in [
            ("m = { \"\" }\n", true),
            ("m = { \" \" }{ \"\\u00A0\" }\n", true),
            ("m = {\"\\u0041\"}\n", false),
            ("m = { $n ->\n   *[other] { \"\" }\n}\n", true),
            (
                "m = { $n ->\n    [one] en\n   *[other] { \"\" }\n}\n",
                false,
            ),
            ("m = { $name }\n", false),
            ("m = { other }\n", false),
            ("m = { 0 }\n", false),
            ("m = Text\n", false),
        ] {
            assert_eq!(is_blank(&value(src)), blank, "{src:?}");
        }
        assert!(literal_is_blank(""));
        assert!(literal_is_blank(" \\u3000"));
        assert!(!literal_is_blank("\\u200B"));
        assert!(!literal_is_blank("\\\""));
    }

    #[test]
    fn runs_end_at_placeables_and_variants() {
        let p = value("m = a\n    b { $x } c { $n ->\n    [one] d\n   *[other] e\n}\n");
        let mut runs = Vec::new();
        text_runs(&p, &mut |run| {
            runs.push((
                run.texts().collect::<Vec<_>>().concat(),
                run.starts_pattern,
                run.variant,
            ))
        });
        assert_eq!(
            runs,
            vec![
                ("a\nb ".to_string(), true, None),
                (" c ".to_string(), false, None),
                ("d".to_string(), true, Some("one")),
                ("e".to_string(), true, Some("other")),
            ]
        );
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
