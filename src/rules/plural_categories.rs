#![doc = include_str!("../../docs/rules/plural-categories.md")]

use fluent_syntax::ast::{InlineExpression, Variant, VariantKey};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;
use crate::fluent::{parts, walk_pattern, Visitor};

pub struct PluralCategories;

static META: RuleMeta = RuleMeta {
    id: "plural-categories",
    severity: Severity::Warning,
    summary: "a select on a number lacks a CLDR plural category the locale needs, or has one it never uses",
    doc: include_str!("../../docs/rules/plural-categories.md"),
};

const ALL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

fn rules_for(langid: &LanguageIdentifier) -> Option<PluralRules> {
    PluralRules::create(langid.clone(), PluralRuleType::CARDINAL)
        .or_else(|_| {
            let lang: LanguageIdentifier = langid.language.as_str().parse().map_err(|_| "")?;
            PluralRules::create(lang, PluralRuleType::CARDINAL)
        })
        .ok()
}

/// The cardinal plural categories a locale produces, found by asking CLDR's rules about a spread
/// of integers and decimals (intl_pluralrules has no list of them). Empty when CLDR has no rules.
pub fn categories_for(langid: &LanguageIdentifier) -> Vec<&'static str> {
    let Some(rules) = rules_for(langid) else {
        return Vec::new();
    };
    let mut found = [false; 6];
    for n in samples() {
        if let Ok(c) = rules.select(n.as_str()) {
            let c = name(c);
            found[ALL.iter().position(|x| *x == c).unwrap_or(5)] = true;
        }
    }
    ALL.iter()
        .zip(found)
        .filter(|(_, f)| *f)
        .map(|(n, _)| *n)
        .collect()
}

/// A spread of integers and decimals that between them reach every category of every locale.
fn samples() -> impl Iterator<Item = String> {
    (0..=200u64)
        .chain([1_000, 10_000, 100_000, 1_000_000, 10_000_000])
        .map(|n| n.to_string())
        .chain(
            [
                "0.0",
                "0.1",
                "0.5",
                "1.0",
                "1.5",
                "2.0",
                "2.5",
                "3.5",
                "5.0",
                "10.0",
                "11.0",
                "100.0",
                "1000.0",
                "1000000.0",
            ]
            .map(str::to_string),
        )
}

/// The category an exact number key (`[1]`) stands for: only when that number is the whole
/// category (`one` is only 1 in English), not one member of it (`[3]` is one of Russian `few`:
/// 2, 3, 4, 22 …; `[1]` is one of French `one`: 0, 1, 1.5).
fn covered_category(rules: &PluralRules, key: &str) -> Option<&'static str> {
    let value: f64 = key.parse().ok()?;
    let category = name(rules.select(key).ok()?);
    samples()
        .filter(|s| rules.select(s.as_str()).ok().map(name) == Some(category))
        .all(|s| s.parse::<f64>().ok() == Some(value))
        .then_some(category)
}

struct Selects<'s>(Vec<(&'s InlineExpression<&'s str>, &'s [Variant<&'s str>])>);

impl<'s> Visitor<'s> for Selects<'s> {
    fn select(
        &mut self,
        selector: &'s InlineExpression<&'s str>,
        variants: &'s [Variant<&'s str>],
    ) {
        self.0.push((selector, variants));
    }
}

/// Whether every variant key is a plural category or a number.
fn keys_are_categories(variants: &[Variant<&str>]) -> bool {
    variants.iter().all(|v| match &v.key {
        VariantKey::Identifier { name } => ALL.contains(name),
        VariantKey::NumberLiteral { .. } => true,
    })
}

/// The variable a select chooses on: `$count` in `{ $count -> … }` or `{ NUMBER($count) -> … }`.
fn selector_variable<'s>(selector: &InlineExpression<&'s str>) -> Option<&'s str> {
    match selector {
        InlineExpression::VariableReference { id } => Some(id.name),
        InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
            match arguments.positional.first() {
                Some(InlineExpression::VariableReference { id }) => Some(id.name),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The variables an entry's plural selects choose on.
fn plural_variables<'a>(entry: &crate::project::EntryView<'a, '_>) -> Vec<&'a str> {
    let mut out = Vec::new();
    for part in parts(entry.value, entry.attributes) {
        let mut s = Selects(Vec::new());
        walk_pattern(part.pattern, &mut s);
        for (selector, variants) in s.0 {
            if is_plural_select(selector, variants) {
                out.extend(selector_variable(selector));
            }
        }
    }
    out
}

/// Whether a select expression chooses by plural category of a number.
fn is_plural_select(selector: &InlineExpression<&str>, variants: &[Variant<&str>]) -> bool {
    let numeric_selector = matches!(
        selector,
        InlineExpression::FunctionReference { id, .. } if id.name == "NUMBER"
    ) || matches!(selector, InlineExpression::NumberLiteral { .. });
    let keys_are_categories = keys_are_categories(variants);
    let has_plural_key = variants
        .iter()
        .any(|v| matches!(&v.key, VariantKey::Identifier { name } if *name != "other" && ALL.contains(name)));
    keys_are_categories
        && (has_plural_key
            || (numeric_selector
                && variants
                    .iter()
                    .any(|v| matches!(v.key, VariantKey::Identifier { .. }))))
}

impl Rule for PluralCategories {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else { return };
        let needed = &ctx.plural_categories[unit.locale_index];
        if needed.is_empty() {
            return;
        }
        let lang = unit.locale.tag();
        let rules = rules_for(&unit.locale.source.langid);
        for t in file.views() {
            // A translation's select on a variable the reference selects on by plural category is
            // a plural select too, even with only `*[other]` left (`one` dropped in Swedish).
            // Looked up only for a translation that has a select: most have none.
            let mut reference_plurals = None;
            for part in parts(t.value, t.attributes) {
                let mut s = Selects(Vec::new());
                walk_pattern(part.pattern, &mut s);
                for (selector, variants) in s.0 {
                    let plural_in_reference = keys_are_categories(variants)
                        && selector_variable(selector).is_some_and(|v| {
                            reference_plurals
                                .get_or_insert_with(|| {
                                    unit.pair()
                                        .and_then(|(_, reference)| reference.get(t.id()))
                                        .map(|r| plural_variables(&r))
                                        .unwrap_or_default()
                                })
                                .contains(&v)
                        });
                    if !is_plural_select(selector, variants) && !plural_in_reference {
                        continue;
                    }
                    let key_span = |v: &Variant<&str>| {
                        let k = crate::fluent::variant_key(&v.key);
                        file.offset(k)
                            .map_or(t.meta.id_span.clone(), |o| o..o + k.len())
                    };
                    // Categories covered by exact number keys (`[1]` covers `one` in English).
                    let covered_by_numbers: Vec<&str> = variants
                        .iter()
                        .filter_map(|v| match &v.key {
                            VariantKey::NumberLiteral { value } => {
                                covered_category(rules.as_ref()?, value)
                            }
                            _ => None,
                        })
                        .collect();
                    let has = |c: &str| {
                        variants.iter().any(
                            |v| matches!(&v.key, VariantKey::Identifier { name } if *name == c),
                        )
                    };
                    let missing: Vec<&str> = needed
                        .iter()
                        .copied()
                        .filter(|c| !has(c) && !covered_by_numbers.contains(c))
                        .collect();
                    let anchor = variants.first().map_or(t.meta.id_span.clone(), key_span);
                    if !missing.is_empty() {
                        let list = missing
                            .iter()
                            .map(|c| format!("`[{c}]`"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        let message = format!(
                            "plural select lacks {list}, which {lang} needs (CLDR categories: {})",
                            needed.join(", ")
                        );
                        out.emit_entry(unit, &t, anchor.clone(), message)
                            .with_attribute(part.attribute);
                    }
                    for v in variants {
                        if let VariantKey::Identifier { name } = &v.key {
                            if !needed.contains(name) {
                                let message = format!(
                                    "`[{name}]` is never selected in {lang}, whose plural categories are {}",
                                    needed.join(", ")
                                );
                                let d = out.emit_entry(unit, &t, key_span(v), message);
                                d.with_attribute(part.attribute);
                                d.variant = Some(name.to_string());
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_of_known_locales() {
        let l = |s: &str| categories_for(&s.parse().unwrap());
        assert_eq!(l("en"), vec!["one", "other"]);
        assert_eq!(l("sv-SE"), vec!["one", "other"]);
        assert_eq!(l("zh-CN"), vec!["other"]);
        assert_eq!(l("ru"), vec!["one", "few", "many", "other"]);
    }

    #[test]
    fn a_number_key_covers_a_category_only_when_it_is_all_of_it() {
        let r = |s: &str| rules_for(&s.parse().unwrap()).unwrap();
        assert_eq!(covered_category(&r("en"), "1"), Some("one"));
        assert_eq!(covered_category(&r("sv"), "1"), Some("one"));
        assert_eq!(covered_category(&r("ru"), "3"), None);
        assert_eq!(covered_category(&r("ru"), "1"), None);
        assert_eq!(covered_category(&r("fr"), "1"), None);
        assert_eq!(covered_category(&r("en"), "3"), None);
        assert_eq!(covered_category(&r("en"), "x"), None);
    }
}
