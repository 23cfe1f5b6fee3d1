//! Inline `# leaflint-ignore:` suppressions beyond `fixtures/unused-suppression`: scope (one
//! message, one locale's file), and rules that are off never count as unused.

use std::path::Path;

use leaflint::check::check_tree;
use leaflint::diagnostic::Severity;
use leaflint::project::{LoadOptions, Tree};
use leaflint::settings::Settings;

mod common;
use common::write_files;

/// (rule, locale, message id, line) of every finding.
fn findings(root: &Path, settings: &Settings) -> Vec<(String, String, String, usize)> {
    let tree = Tree::load(root, &LoadOptions::default()).unwrap();
    check_tree(&tree, settings)
        .findings
        .into_iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.locale,
                f.message_id.unwrap_or_default(),
                f.line,
            )
        })
        .collect()
}

fn f(rule: &str, locale: &str, id: &str, line: usize) -> (String, String, String, usize) {
    (rule.into(), locale.into(), id.into(), line)
}

const EN: &str = "dose-reminder = You have { $count } tablets left.\nstorage = Keep it cool.\n";

#[test]
fn a_suppression_covers_its_message_in_its_locale_only() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", EN),
            (
                "sv/leaflet.ftl",
                "# leaflint-ignore: variable-mismatch -- renamed on purpose\ndose-reminder = Du har { $antal } tabletter kvar.\nstorage = Förvara svalt { $where }.\n",
            ),
            (
                "zh/leaflet.ftl",
                "dose-reminder = 您还剩 { $antal } 片。\nstorage = 请冷藏保存。\n",
            ),
        ],
    );
    let found = findings(tmp.path(), &Settings::default());
    // sv dose-reminder is suppressed; sv storage (another message) and zh dose-reminder (another
    // locale's file) are not.
    assert!(
        !found
            .iter()
            .any(|(_, l, id, _)| l == "sv" && id == "dose-reminder"),
        "{found:?}"
    );
    assert!(
        found.contains(&f("variable-mismatch", "sv", "storage", 3)),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(r, l, id, _)| r == "variable-mismatch" && l == "zh" && id == "dose-reminder"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(r, ..)| r == "unused-suppression"),
        "{found:?}"
    );
}

#[test]
fn suppressions_of_rules_that_are_off_are_not_unused() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", EN),
            (
                "sv/leaflet.ftl",
                "# leaflint-ignore: variable-mismatch -- renamed on purpose\ndose-reminder = Du har { $count } tabletter kvar.\nstorage = Förvara svalt.\n",
            ),
        ],
    );
    // On: the suppression hides nothing, and says so.
    let found = findings(tmp.path(), &Settings::default());
    assert_eq!(
        found,
        [f("unused-suppression", "sv", "dose-reminder", 1)],
        "{found:?}"
    );

    // Off everywhere: not reported.
    let mut off = Settings::default();
    off.severity.insert("variable-mismatch".into(), None);
    assert_eq!(findings(tmp.path(), &off), []);

    // Off for sv only: not reported either.
    let mut off_sv = Settings::default();
    off_sv
        .locale_severity
        .entry("variable-mismatch".into())
        .or_default()
        .insert("sv".into(), None);
    assert_eq!(findings(tmp.path(), &off_sv), []);

    // `unused-suppression` itself off: nothing.
    let mut quiet = Settings::default();
    quiet.severity.insert("unused-suppression".into(), None);
    assert_eq!(findings(tmp.path(), &quiet), []);

    // Its level can be raised like any rule's.
    let mut strict = Settings::default();
    strict
        .severity
        .insert("unused-suppression".into(), Some(Severity::Error));
    let tree = Tree::load(tmp.path(), &LoadOptions::default()).unwrap();
    let outcome = check_tree(&tree, &strict);
    assert_eq!(outcome.summary.errors, 1);
}

#[test]
fn all_does_not_hide_unused_suppression_findings() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("en/leaflet.ftl", EN),
            (
                "sv/leaflet.ftl",
                "# leaflint-ignore: all, missing-mesage\ndose-reminder = Du har { $antal } tabletter kvar.\nstorage = Förvara svalt.\n",
            ),
        ],
    );
    let found = findings(tmp.path(), &Settings::default());
    // The variable mismatch is hidden by `all`; the unknown id is still reported.
    assert_eq!(
        found,
        [f("unused-suppression", "sv", "dose-reminder", 1)],
        "{found:?}"
    );
}
