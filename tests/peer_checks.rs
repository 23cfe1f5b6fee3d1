//! The examples of issue 13 for the rules that compare what a translation keeps: an empty value,
//! attribute or variant (`{ "" }`, `{ " " }`) is an `empty-translation` — and only that, not also
//! a stray space, a lost full stop or a lost variable; a list of four warnings that lost a bullet
//! in Swedish is a `list-mismatch` naming the lost one; a changed URL, a lost e-mail address and
//! a changed phone number are `url-mismatch`es; `1.0 mg` and `.5 mg` are `dose-notation`
//! findings in every locale, the reference too. The same leaflet with the defects mended has
//! none of them.

use std::path::Path;

use leaflint::check::check_path;

mod common;
use common::write_files;

const RULES: [&str; 4] = [
    "empty-translation",
    "list-mismatch",
    "url-mismatch",
    "dose-notation",
];

/// (rule, locale, message id, line, column, end column, message) of a finding.
type Found = (String, String, String, usize, usize, usize, String);

fn all_found(outcome: leaflint::check::Outcome) -> Vec<Found> {
    outcome
        .findings
        .into_iter()
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

fn found(root: &Path) -> Vec<Found> {
    all_found(check_path(root).unwrap())
        .into_iter()
        .filter(|f| RULES.contains(&f.0.as_str()))
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
-drug = Olumiant
daily-dose = Take one tablet a day.
with-food = Take { -drug } with or without food.
tablets = { $count ->
    [one] one tablet
   *[other] { $count } tablets
}
warnings =
    Do not take { -drug } if you:
    • are allergic to baricitinib
    • are pregnant or think you may be pregnant
    • have an active infection, such as tuberculosis
    • have severe liver problems
report-online = Report side effects at https://www.lakemedelsverket.se/biverkningar.
report-mail = Or write to biverkningar@lakemedelsverket.se.
helpline = Call the helpline on +46 8 123 456 78.
usual-dose = The usual dose is 1 mg once a day.
child-dose = Children take 0.5 mg.
";

const SV: &str = "\
-drug = Olumiant
daily-dose = { \"\" }
with-food = { \" \" }
tablets = { $count ->
    [one] en tablett
   *[other] { \"\" }
}
warnings =
    Ta inte { -drug } om du:
    • är allergisk mot baricitinib
    • har en aktiv infektion, till exempel tuberkulos
    • har svåra leverproblem
report-online = Rapportera biverkningar på https://www.lakemedelsverket.se/biverkning.
report-mail = Eller skriv till oss.
helpline = Ring stödlinjen på +46 8 123 456 87.
usual-dose = Den vanliga dosen är 1,0 mg en gång dagligen.
child-dose = Barn tar ,5 mg.
";

const ZH: &str = "\
-drug = Olumiant
daily-dose = 每日服用一片。
with-food = { -drug } 可与食物同服，也可空腹服用。
tablets = { $count ->
   *[other] { $count } 片
}
warnings =
    如有以下情况，请勿服用 { -drug }：
    • 对巴瑞替尼过敏
    • 怀孕或认为自己可能怀孕
    • 患有活动性感染，例如结核病
    • 患有严重肝脏问题
report-online = 请在 https://www.lakemedelsverket.se/biverkningar 报告副作用。
report-mail = 或发邮件至 biverkningar@lakemedelsverket.se。
helpline = 请拨打热线 +46 8 123 456 78。
usual-dose = 常用剂量为每日一次，每次 1.0 mg。
child-dose = 儿童服用 .5 mg。
";

/// The reference with its own badly written doses.
fn en_with_doses() -> String {
    EN.replace("is 1 mg once", "is 1.0 mg once")
        .replace("take 0.5 mg", "take .5 mg")
}

#[test]
fn the_issues_examples_fire_where_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", &en_with_doses()),
            ("sv/leaflet.ftl", SV),
            ("zh/leaflet.ftl", ZH),
        ],
    );
    let got = found(tmp.path());
    let want = vec![
        // The reference's doses: the number, the space and the unit.
        f(
            "dose-notation",
            "en",
            "usual-dose",
            (17, 32, 38),
            "`1.0 mg` has a trailing zero: write `1 mg`",
        ),
        f(
            "dose-notation",
            "en",
            "child-dose",
            (18, 28, 33),
            "`.5 mg` has no leading zero: write `0.5 mg`",
        ),
        // At the empty literal, braces included.
        f(
            "empty-translation",
            "sv",
            "daily-dose",
            (2, 14, 20),
            "the value is empty in sv, but en has `Take one tablet a day.`",
        ),
        f(
            "empty-translation",
            "sv",
            "with-food",
            (3, 13, 20),
            "the value is empty in sv, but en has `Take { -drug } with or without food.`",
        ),
        // At the variant's key.
        f(
            "empty-translation",
            "sv",
            "tablets",
            (6, 5, 12),
            "variant `[other]` is empty in sv, but en has `{ $count } tablets`",
        ),
        // Where the lost warning would be: before the item that follows it.
        f(
            "list-mismatch",
            "sv",
            "warnings",
            (11, 5, 54),
            "`• are pregnant or think you may be pregnant` in en is missing in sv: the list has 4 items in en, 3 in sv",
        ),
        f(
            "url-mismatch",
            "sv",
            "report-online",
            (13, 44, 86),
            "`https://www.lakemedelsverket.se/biverkningar` in en is `https://www.lakemedelsverket.se/biverkning` in sv",
        ),
        // A lost address has no place in the translation: at the message id.
        f(
            "url-mismatch",
            "sv",
            "report-mail",
            (14, 1, 12),
            "`biverkningar@lakemedelsverket.se` in en is missing in sv",
        ),
        f(
            "url-mismatch",
            "sv",
            "helpline",
            (15, 31, 47),
            "`+46 8 123 456 78` in en is `+46 8 123 456 87` in sv",
        ),
        // Swedish doses with the decimal comma.
        f(
            "dose-notation",
            "sv",
            "usual-dose",
            (16, 35, 41),
            "`1,0 mg` has a trailing zero: write `1 mg`",
        ),
        f(
            "dose-notation",
            "sv",
            "child-dose",
            (17, 23, 28),
            "`,5 mg` has no leading zero: write `0,5 mg`",
        ),
        f(
            "dose-notation",
            "zh",
            "usual-dose",
            (16, 27, 33),
            "`1.0 mg` has a trailing zero: write `1 mg`",
        ),
        f(
            "dose-notation",
            "zh",
            "child-dose",
            (17, 19, 24),
            "`.5 mg` has no leading zero: write `0.5 mg`",
        ),
    ];
    assert_eq!(got, want, "{got:#?}");
}

/// An empty part is one defect: no rule but `empty-translation` says anything of it (not a
/// stray space, a lost full stop, a lost variable or term, an inconsistent translation).
#[test]
fn an_empty_part_is_one_finding() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", EN),
            ("sv/leaflet.ftl", SV),
            ("zh/leaflet.ftl", ZH),
        ],
    );
    let got: Vec<Found> = all_found(check_path(tmp.path()).unwrap())
        .into_iter()
        .filter(|f| ["daily-dose", "with-food", "tablets"].contains(&f.2.as_str()))
        .collect();
    let rules: Vec<(&str, &str)> = got.iter().map(|f| (f.0.as_str(), f.2.as_str())).collect();
    assert_eq!(
        rules,
        [
            ("empty-translation", "daily-dose"),
            ("empty-translation", "with-food"),
            ("empty-translation", "tablets"),
        ],
        "{got:#?}"
    );
}

#[test]
fn the_mended_leaflet_has_none_of_them() {
    let tmp = tempfile::tempdir().unwrap();
    let sv = SV
        .replace(
            "daily-dose = { \"\" }",
            "daily-dose = Ta en tablett om dagen.",
        )
        .replace(
            "with-food = { \" \" }",
            "with-food = Ta { -drug } med eller utan mat.",
        )
        .replace("*[other] { \"\" }", "*[other] { $count } tabletter")
        .replace(
            "    • har en aktiv",
            "    • är gravid eller tror att du kan vara gravid\n    • har en aktiv",
        )
        .replace("/biverkning.", "/biverkningar.")
        .replace(
            "skriv till oss.",
            "skriv till biverkningar@lakemedelsverket.se.",
        )
        .replace("456 87", "456 78")
        .replace("1,0 mg", "1 mg")
        .replace(",5 mg", "0,5 mg");
    let zh = ZH.replace("1.0 mg", "1 mg").replace(".5 mg", "0.5 mg");
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", EN),
            ("sv/leaflet.ftl", &sv),
            ("zh/leaflet.ftl", &zh),
        ],
    );
    assert_eq!(found(tmp.path()), vec![]);
    // Nor anything else: the mended leaflet is clean.
    let all = all_found(check_path(tmp.path()).unwrap());
    assert_eq!(all, vec![], "{all:#?}");
}

/// What only looks like a defect: `1,5 mg` in Swedish, `1,500 mg` in English, `v1.0`, a list
/// written with other bullets, a reflowed paragraph, a URL with the locale's own segment,
/// `mg/ml` and a date.
#[test]
fn what_only_looks_like_a_defect_is_none() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            (
                "en/leaflet.ftl",
                "dose = Take 1.5 mg, at most 1,500 mg a month.\nversion = Leaflet v1.0 of 12/05/2024.\nstorage =\n    Keep it:\n    • below 30 °C\n    • in the original package\nintro =\n    Read all of this leaflet carefully before you start taking this medicine\n    because it contains important information for you.\nlink = See https://www.example-pharma.com/en/leaflets/ and 2.5 mg/ml.\n",
            ),
            (
                "sv/leaflet.ftl",
                "dose = Ta 1,5 mg, högst 1 500 mg i månaden.\nversion = Bipacksedel v1.0 av 12/05/2024.\nstorage =\n    Förvaras:\n    - vid högst 30 °C\n    - i originalförpackningen\nintro =\n    Läs noga igenom denna bipacksedel innan du börjar ta detta\n    läkemedel. Den innehåller information som är viktig för\n    dig.\nlink = Se https://www.example-pharma.com/sv/leaflets/ och 2,5 mg/ml.\n",
            ),
        ],
    );
    assert_eq!(found(tmp.path()), vec![]);
}

/// `[rules.url-mismatch] locale-parts = false` compares the locale's segments too.
#[test]
fn locale_parts_can_be_compared() {
    let tmp = tempfile::tempdir().unwrap();
    let en = "link = See https://www.example-pharma.com/en/leaflets/ for more.\n";
    let sv = "link = Se https://www.example-pharma.com/sv/leaflets/ för mer.\n";
    write_files(tmp.path(), &[("en/a.ftl", en), ("sv/a.ftl", sv)]);
    assert_eq!(found(tmp.path()), vec![]);
    let config = tmp.path().join("leaflint.toml");
    std::fs::write(&config, "[rules.url-mismatch]\nlocale-parts = false\n").unwrap();
    let mut opts = leaflint::check::CheckOptions {
        paths: vec![tmp.path().to_path_buf()],
        ..Default::default()
    };
    let inputs = leaflint::config::RunInputs {
        config: Some(&config),
        ..Default::default()
    };
    leaflint::config::prepare(&mut opts, &inputs).unwrap();
    let got: Vec<Found> = all_found(leaflint::check::check(&opts).unwrap())
        .into_iter()
        .filter(|f| f.0 == "url-mismatch")
        .collect();
    assert_eq!(
        got,
        vec![f(
            "url-mismatch",
            "sv",
            "link",
            (1, 11, 54),
            "`https://www.example-pharma.com/en/leaflets/` in en is `https://www.example-pharma.com/sv/leaflets/` in sv",
        )]
    );
}
