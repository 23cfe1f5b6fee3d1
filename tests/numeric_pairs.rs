//! The phrase-pair table `tests/numeric_pairs.txt`: en–sv and en–zh pairs written for the
//! numeric comparison, each marked `same` (must not fire) or `diff` (must fire), by class.
//! Every line is checked; a failure lists every pair that went the wrong way.

use leaflint::numeric::{differences_str, table_for};

struct Pair<'a> {
    line: usize,
    /// A known gap (a sixth field `gap: why`): the pair still goes the wrong way, and the test
    /// says so when it no longer does, so that the marker is taken away.
    gap: Option<&'a str>,
    locale: &'a str,
    same: bool,
    class: &'a str,
    en: &'a str,
    tr: &'a str,
}

fn pairs(text: &str) -> Vec<Pair<'_>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(" | ").collect();
        assert!(
            f.len() == 5 || (f.len() == 6 && f[5].starts_with("gap: ")),
            "line {line_no}: five fields expected (and an optional `gap: why`): {line}"
        );
        assert!(
            matches!(f[0], "sv" | "zh"),
            "line {line_no}: locale {}",
            f[0]
        );
        assert!(matches!(f[1], "same" | "diff"), "line {line_no}: {}", f[1]);
        out.push(Pair {
            line: line_no,
            gap: f.get(5).map(|g| &g[5..]),
            locale: f[0],
            same: f[1] == "same",
            class: f[2],
            en: f[3],
            tr: f[4],
        });
    }
    out
}

/// Whether the comparison reports a difference between `en` and its translation `tr`.
fn fires(en: &str, tr: &str, locale: &str) -> bool {
    differences_str(en, table_for("en"), tr, table_for(locale)) > 0
}

#[test]
fn every_pair_in_the_table_goes_the_way_it_is_marked() {
    let text = include_str!("numeric_pairs.txt");
    let all = pairs(text);
    assert!(all.len() >= 300, "at least 300 pairs, found {}", all.len());
    for class in [
        "limit",
        "frequency",
        "words",
        "proportion",
        "date",
        "format",
        "unit",
        "binding",
        "notquantity",
        "plain",
    ] {
        for loc in ["sv", "zh"] {
            for same in [true, false] {
                assert!(
                    all.iter()
                        .any(|p| p.class == class && p.locale == loc && p.same == same),
                    "no {} {class} pair for {loc}",
                    if same { "same" } else { "diff" }
                );
            }
        }
    }
    let gaps = all.iter().filter(|p| p.gap.is_some()).count();
    assert!(
        gaps * 50 <= all.len(),
        "{gaps} known gaps: at most 2% of the table"
    );
    let wrong: Vec<String> = all
        .iter()
        .filter(|p| (fires(p.en, p.tr, p.locale) == p.same) != p.gap.is_some())
        .map(|p| {
            format!(
                "line {} ({} {} {}): {} | {}",
                p.line,
                p.locale,
                if p.same {
                    "same, fired"
                } else {
                    "diff, silent"
                },
                p.class,
                p.en,
                p.tr
            )
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} pairs went the wrong way:\n{}",
        wrong.len(),
        all.len(),
        wrong.join("\n")
    );
}
