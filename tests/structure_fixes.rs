//! Issue 13's structural inaccuracies, each as the new user met it: what must fire fires, and
//! what is valid Fluent or a correct translation stays silent.

use std::path::Path;

use leaflint::check::{check, check_path, CheckOptions};
use tempfile::TempDir;

fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

/// (rule, locale, message id, message) of every finding.
fn findings(outcome: &leaflint::check::Outcome) -> Vec<(String, String, String, String)> {
    outcome
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.locale.clone(),
                f.message_id.clone().unwrap_or_else(|| "-".into()),
                f.message.clone(),
            )
        })
        .collect()
}

fn of(root: &Path) -> Vec<(String, String, String, String)> {
    findings(&check_path(root).unwrap_or_else(|e| panic!("{e}")))
}

fn row(rule: &str, locale: &str, id: &str, message: &str) -> (String, String, String, String) {
    (rule.into(), locale.into(), id.into(), message.into())
}

#[test]
fn a_negative_named_argument_is_valid_fluent_in_every_locale() {
    let t = tree(&[
        (
            "en/a.ftl",
            "a = { NUMBER($n, minimumFractionDigits: -1) } st\n",
        ),
        (
            "sv/a.ftl",
            "a = { NUMBER($n, minimumFractionDigits: -1) } st\n",
        ),
        (
            "zh/a.ftl",
            "a = { NUMBER($n, minimumFractionDigits: -1) } 个\n",
        ),
    ]);
    assert_eq!(of(t.path()), vec![]);
}

#[test]
fn a_count_that_only_chooses_a_form_is_not_needed_in_chinese() {
    let en = "minutes = { $count ->\n    [one] one minute\n   *[other] { $count } minutes\n}\n\
              tablets = { $count ->\n    [one] { $count } tablet\n   *[other] { $count } tablets\n}\n";
    let t = tree(&[
        ("en/a.ftl", en),
        ("zh/a.ftl", "minutes = 分钟\ntablets = 药片\n"),
    ]);
    // The count the reference shows in every form is still a dropped figure.
    assert_eq!(
        of(t.path()),
        vec![row(
            "variable-mismatch",
            "zh",
            "tablets",
            "`$count` from en is not used in zh"
        )]
    );
}

#[test]
fn references_are_compared_with_their_count() {
    let t = tree(&[
        ("en/brands.ftl", "-brand = Olumiant\n"),
        ("sv/brands.ftl", "-brand = Olumiant\n"),
        (
            "en/a.ftl",
            "open = Open { -brand } and sign in to { -brand }.\n",
        ),
        (
            "sv/a.ftl",
            "open = Öppna { -brand } och logga in i Olumiant.\n",
        ),
    ]);
    assert_eq!(
        of(t.path()),
        vec![row(
            "reference-mismatch",
            "sv",
            "open",
            "`{ -brand }` in en is typed out as `Olumiant` in sv; use the reference"
        )]
    );
}

#[test]
fn a_number_key_does_not_stand_for_a_whole_category() {
    let en = "left = { $n ->\n    [one] { $n } dose left\n   *[other] { $n } doses left\n}\n";
    // Polish needs one, few, many and other; `[3]` is one member of `few`, `[1]` all of `one`.
    let pl = "left = { $n ->\n    [1] została jedna dawka\n    [3] zostały trzy dawki\n    [many] zostało { $n } dawek\n   *[other] zostało { $n } dawki\n}\n";
    let t = tree(&[("en/a.ftl", en), ("pl/a.ftl", pl)]);
    let got = of(t.path());
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "plural-categories");
    assert!(
        got[0].3.starts_with("plural select lacks `[few]`,"),
        "{got:?}"
    );
}

#[test]
fn terms_in_alternative_folders_collide_only_in_one_bundle() {
    let files = [
        ("en/branding/release/brand.ftl", "-brand = Olumiant\n"),
        ("en/branding/beta/brand.ftl", "-brand = Olumiant Beta\n"),
        ("sv/branding/release/brand.ftl", "-brand = Olumiant\n"),
        ("sv/branding/beta/brand.ftl", "-brand = Olumiant Beta\n"),
    ];
    let t = tree(&files);
    assert_eq!(of(t.path()), vec![]);
    let mut opts = CheckOptions {
        paths: vec![t.path().to_path_buf()],
        ..CheckOptions::default()
    };
    opts.settings.single_bundle = true;
    let got: Vec<(String, String)> = findings(&check(&opts).unwrap())
        .into_iter()
        .map(|(rule, locale, ..)| (rule, locale))
        .collect();
    let dup = |l: &str| ("duplicate-id".to_string(), l.to_string());
    assert_eq!(got, vec![dup("en"), dup("sv")]);
}
