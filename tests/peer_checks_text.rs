//! The examples of issue 13 for the text checks: a translation that loses its full stop, its
//! question mark or a closing bracket is a `punctuation-mismatch`, `the the` a `doubled-word`,
//! a double space a `whitespace` finding, each at its exact place; and the same leaflet with the
//! defects mended has none of them.

use std::path::Path;

use leaflint::check::check_path;

mod common;
use common::write_files;

const RULES: [&str; 3] = ["punctuation-mismatch", "whitespace", "doubled-word"];

/// (rule, locale, message id, line, column, end column, message) of each finding of the three
/// rules.
type Found = (String, String, String, usize, usize, usize, String);

fn found(root: &Path) -> Vec<Found> {
    let outcome = check_path(root).unwrap();
    outcome
        .findings
        .into_iter()
        .filter(|f| RULES.contains(&f.rule))
        .map(|f| {
            (
                f.rule.to_string(),
                f.locale,
                f.message_id.unwrap_or_default(),
                f.line,
                f.column,
                f.end_column,
                f.message,
            )
        })
        .collect()
}

fn f(rule: &str, locale: &str, id: &str, at: (usize, usize, usize), message: &str) -> Found {
    (
        rule.into(),
        locale.into(),
        id.into(),
        at.0,
        at.1,
        at.2,
        message.into(),
    )
}

const EN: &str = "\
storage = Store below 25 °C.
with-food = Can I take the tablets with food?
timing = Take the tablet in the morning (before breakfast).
swallow = Swallow the tablet whole.
water = Take it with a glass of water.
";

const SV: &str = "\
storage = Förvaras under 25 °C
with-food = Kan jag ta tabletterna med mat
timing = Ta tabletten på morgonen (före frukost.
swallow = Svälj tabletten hel.
water = Ta den med ett  glas vatten.
";

const ZH: &str = "\
storage = 储存温度低于25 °C。
with-food = 能否与食物同服
timing = 请在早上服用（早餐前。
swallow = 请整片吞服。
water = 请用一杯水送服。
";

#[test]
fn the_issues_examples_fire_where_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    let en_doubled = EN.replace("Swallow the tablet", "Swallow the the tablet");
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", &en_doubled),
            ("sv/leaflet.ftl", SV),
            ("zh/leaflet.ftl", ZH),
        ],
    );
    let got = found(tmp.path());
    let want = vec![
        // The second `the`, columns 23 to 25 (columns count characters, 1-based; the end is
        // the column after).
        f(
            "doubled-word",
            "en",
            "swallow",
            (4, 23, 26),
            "`the` twice in a row: `Swallow the the tablet whole.`",
        ),
        // The last character of a string that lost its full stop or question mark.
        f(
            "punctuation-mismatch",
            "sv",
            "storage",
            (1, 30, 31),
            "`Store below 25 °C.` ends with `.` in en, but `Förvaras under 25 °C` has no full stop in sv",
        ),
        f(
            "punctuation-mismatch",
            "sv",
            "with-food",
            (2, 42, 43),
            "`Can I take the tablets with food?` ends with `?` in en, but `Kan jag ta tabletterna med mat` has no question mark in sv",
        ),
        // The bracket that is never closed.
        f(
            "punctuation-mismatch",
            "sv",
            "timing",
            (3, 35, 36),
            "`(` in `…tabletten på morgonen (före frukost.` is never closed in sv, while the brackets of en are balanced",
        ),
        // The two spaces themselves.
        f(
            "whitespace",
            "sv",
            "water",
            (5, 23, 25),
            "two spaces between `ett` and `glas`",
        ),
        f(
            "punctuation-mismatch",
            "zh",
            "with-food",
            (2, 19, 20),
            "`Can I take the tablets with food?` ends with `?` in en, but `能否与食物同服` has no question mark in zh",
        ),
        f(
            "punctuation-mismatch",
            "zh",
            "timing",
            (3, 16, 17),
            "`（` in `请在早上服用（早餐前。` is never closed in zh, while the brackets of en are balanced",
        ),
    ];
    assert_eq!(got, want, "{got:#?}");
}

#[test]
fn the_mended_leaflet_has_none_of_them() {
    let tmp = tempfile::tempdir().unwrap();
    let sv = SV
        .replace("25 °C\n", "25 °C.\n")
        .replace("med mat\n", "med mat?\n")
        .replace("(före frukost.", "(före frukost).")
        .replace("ett  glas", "ett glas");
    let zh = ZH
        .replace("能否与食物同服", "能否与食物同服？")
        .replace("（早餐前。", "（早餐前）。");
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", EN),
            ("sv/leaflet.ftl", &sv),
            ("zh/leaflet.ftl", &zh),
        ],
    );
    assert_eq!(found(tmp.path()), vec![]);
}

/// Chinese short strings drop the final full stop, a question rephrased as a heading has no
/// question mark, and a Swedish `Obs!` stands for `Note:`: none of them is a finding.
#[test]
fn the_conventions_of_each_language_are_no_findings() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            (
                "en/leaflet.ftl",
                "heading = Keep out of the reach of children.\nhow = How does it work?\nnote = Note:\nquote = Read “Important” first.\n",
            ),
            (
                "sv/leaflet.ftl",
                "heading = Förvaras utom räckhåll för barn.\nhow = Hur verkar det?\nnote = Obs!\nquote = Läs ”Viktigt” först.\n",
            ),
            (
                "zh/leaflet.ftl",
                "heading = 请放在儿童接触不到的地方\nhow = 作用原理\nnote = 注意：\nquote = 请先阅读“重要”。\n",
            ),
        ],
    );
    assert_eq!(found(tmp.path()), vec![]);
}
