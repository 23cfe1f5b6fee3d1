//! `--project l10n.toml` on `fixtures/mozilla-project`: per-path locale lists, filters (ignore
//! and warning, with a `re:` key), `[env]`, `{l10n_base}` and `[[includes]]`.

use std::path::{Path, PathBuf};

mod common;
use common::{leaflint, Run};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/mozilla-project")
}

/// (rule, locale, severity, file relative to the locale, message id) of every finding.
fn found(run: &Run) -> Vec<(String, String, String, String, String)> {
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    let mut v: Vec<_> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let locale = d["locale"].as_str().unwrap().to_string();
            let file = d["file"].as_str().unwrap().replace('\\', "/");
            let rel = file
                .split_once(&format!("/{locale}/"))
                .map_or(file.clone(), |(_, r)| r.to_string());
            (
                d["rule"].as_str().unwrap().to_string(),
                locale,
                d["severity"].as_str().unwrap().to_string(),
                rel,
                d["message_id"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn t(
    rule: &str,
    locale: &str,
    sev: &str,
    rel: &str,
    id: &str,
) -> (String, String, String, String, String) {
    (
        rule.into(),
        locale.into(),
        sev.into(),
        rel.into(),
        id.into(),
    )
}

#[test]
fn project_paths_locales_and_filters_decide_what_is_checked() {
    let out = leaflint(
        &fixture(),
        &[
            "check",
            "--project",
            "configs/l10n.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        found(&out),
        [
            // Only zh translates extra/ (from the included configuration); sv is not asked to.
            t("missing-file", "zh", "error", "extra/faq.ftl", "-"),
            // `re:promo-` on main.ftl: a warning instead of an error.
            t(
                "missing-message",
                "sv",
                "warning",
                "main.ftl",
                "promo-banner"
            ),
        ]
    );
    // zh has no legal.ftl (filtered out), no welcome/special.ftl (sv only: neither missing
    // nor obsolete), and en/drafts/ is not in the project.
    assert!(
        out.stderr
            .contains("1 of the project's locales have no directory"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("(fr)"), "{}", out.stderr);
}

#[test]
fn locale_selection_uses_the_project_list() {
    let out = leaflint(
        &fixture(),
        &[
            "check",
            "--project",
            "configs/l10n.toml",
            "--locale",
            "sv",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        found(&out),
        [t(
            "missing-message",
            "sv",
            "warning",
            "main.ftl",
            "promo-banner"
        )]
    );

    let out = leaflint(
        &fixture(),
        &["check", "--project", "configs/l10n.toml", "--locale", "de"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("locale `de` was asked for"),
        "{}",
        out.stderr
    );
}

#[test]
fn without_the_project_the_tree_is_read_as_plain_directories() {
    let out = leaflint(
        &fixture(),
        &["check", ".", "--isolated", "--format", "json"],
    );
    let plain = found(&out);
    // The drafts file and sv's missing extra/ are reported, the legal filter does not apply.
    assert!(plain.contains(&t("missing-file", "sv", "error", "drafts/notes.ftl", "-")));
    assert!(plain.contains(&t("missing-file", "sv", "error", "extra/faq.ftl", "-")));
    assert!(plain.contains(&t("missing-file", "zh", "error", "legal.ftl", "-")));
    assert!(plain.contains(&t(
        "missing-message",
        "sv",
        "error",
        "main.ftl",
        "promo-banner"
    )));
}

#[test]
fn bad_project_files_are_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(tmp.path().join(name), text).unwrap();
    write(
        "pair.toml",
        "locales = [\"sv\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/sub/**/*.ftl\"\n",
    );
    let out = leaflint(tmp.path(), &["check", "--project", "pair.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot be paired"), "{}", out.stderr);

    write(
        "action.toml",
        "locales = [\"sv\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n[[filters]]\npath = \"{locale}/a.ftl\"\naction = \"report\"\n",
    );
    let out = leaflint(tmp.path(), &["check", "--project", "action.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("action `report`"), "{}", out.stderr);

    write("broken.toml", "locales = [\"sv\"\n");
    let out = leaflint(tmp.path(), &["check", "--project", "broken.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("broken.toml"), "{}", out.stderr);

    let out = leaflint(
        tmp.path(),
        &["check", "elsewhere/", "--project", "pair.toml"],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not both"), "{}", out.stderr);
}
