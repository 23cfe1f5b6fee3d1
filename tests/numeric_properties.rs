//! Property tests of the numeric comparison (proptest): a quantity rewritten in the locale's own
//! format never fires; a changed digit, unit or limit always does.

use leaflint::numeric::{differences_str, table_for};
use proptest::prelude::*;

/// Limits in en, sv and zh (the empty one is no limit), by direction.
const LIMITS: &[(&str, &str, &str, i8)] = &[
    ("", "", "", 0),
    ("more than ", "mer än ", "超过", 1),
    ("at least ", "minst ", "至少", 1),
    ("over ", "över ", "高于", 1),
    ("less than ", "mindre än ", "低于", -1),
    ("at most ", "högst ", "最多", -1),
    ("no more than ", "inte mer än ", "不超过", -1),
];

/// Units in en, sv and zh, each of its own dimension.
const UNITS: &[(&str, &str, &str)] = &[
    ("mg", "mg", "毫克"),
    ("ml", "ml", "毫升"),
    ("°C", "°C", "°C"),
    ("%", "%", "%"),
    ("nM", "nM", "nM"),
    ("IU", "IE", "国际单位"),
    ("tablets", "tabletter", "片"),
];

/// A value: whole digits and, maybe, decimals.
fn value() -> impl Strategy<Value = (u32, Option<String>)> {
    (
        1u32..2_000_000,
        prop::option::of("[0-9]{1,2}[1-9]".prop_map(|s| s)),
    )
}

/// The value in a locale's own way: en and zh `1,234.5`, sv `1 234,5` (a space, a no-break
/// space or a thin space between groups); `plain` leaves out the groups.
fn written(whole: u32, frac: &Option<String>, locale: &str, sep: char, plain: bool) -> String {
    let digits = whole.to_string();
    let group = if locale == "sv" { sep } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && !plain {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(if locale == "sv" { ',' } else { '.' });
        out.push_str(f);
    }
    out
}

fn sentence(locale: &str, limit: usize, value: &str, unit: usize) -> String {
    let (l, u) = (LIMITS[limit], UNITS[unit]);
    match locale {
        "en" => format!("Take {}{value} {} each time.", l.0, u.0),
        "sv" => format!("Ta {}{value} {} varje gång.", l.1, u.1),
        _ => format!("每次服用{}{value}{}。", l.2, u.2),
    }
}

fn fires(en: &str, tr: &str, locale: &str) -> bool {
    differences_str(en, table_for("en"), tr, table_for(locale)) > 0
}

fn separator() -> impl Strategy<Value = char> {
    prop::sample::select(vec![' ', '\u{a0}', '\u{2009}'])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_same_quantity_in_the_locales_format_never_fires(
        (whole, frac) in value(),
        limit in 0..LIMITS.len(),
        unit in 0..UNITS.len(),
        locale in prop::sample::select(vec!["sv", "zh"]),
        sep in separator(),
        plain in any::<bool>(),
    ) {
        let en = sentence("en", limit, &written(whole, &frac, "en", ',', false), unit);
        let tr = sentence(locale, limit, &written(whole, &frac, locale, sep, plain), unit);
        prop_assert!(!fires(&en, &tr, locale), "{en} | {tr}");
    }

    #[test]
    fn a_changed_digit_always_fires(
        (whole, frac) in value(),
        limit in 0..LIMITS.len(),
        unit in 0..UNITS.len(),
        locale in prop::sample::select(vec!["sv", "zh"]),
        sep in separator(),
        at in any::<prop::sample::Index>(),
        to in 0u8..9,
    ) {
        let en = sentence("en", limit, &written(whole, &frac, "en", ',', false), unit);
        let tv = written(whole, &frac, locale, sep, false);
        let positions: Vec<usize> = tv.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
        let p = positions[at.index(positions.len())];
        let old = tv.as_bytes()[p] - b'0';
        let new = if to >= old { to + 1 } else { to };
        // A leading digit never becomes 0 (`0123` would be another way of writing `123`).
        prop_assume!(!(p == 0 && new == 0));
        let mut changed = tv.clone();
        changed.replace_range(p..p + 1, &new.to_string());
        let tr = sentence(locale, limit, &changed, unit);
        prop_assert!(fires(&en, &tr, locale), "{en} | {tr}");
    }

    #[test]
    fn a_changed_unit_always_fires(
        (whole, frac) in value(),
        limit in 0..LIMITS.len(),
        unit in 0..UNITS.len(),
        other in 0..UNITS.len(),
        locale in prop::sample::select(vec!["sv", "zh"]),
    ) {
        prop_assume!(unit != other);
        let en = sentence("en", limit, &written(whole, &frac, "en", ',', false), unit);
        let tr = sentence(locale, limit, &written(whole, &frac, locale, ' ', false), other);
        prop_assert!(fires(&en, &tr, locale), "{en} | {tr}");
    }

    #[test]
    fn a_limit_of_another_direction_always_fires(
        (whole, frac) in value(),
        limit in 0..LIMITS.len(),
        other in 0..LIMITS.len(),
        unit in 0..UNITS.len(),
        locale in prop::sample::select(vec!["sv", "zh"]),
    ) {
        prop_assume!(LIMITS[limit].3 != LIMITS[other].3);
        let en = sentence("en", limit, &written(whole, &frac, "en", ',', false), unit);
        let tr = sentence(locale, other, &written(whole, &frac, locale, ' ', false), unit);
        prop_assert!(fires(&en, &tr, locale), "{en} | {tr}");
    }
}
