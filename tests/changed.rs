//! `--changed-since REV` on a git repository built in the test.

use std::path::Path;
use std::process::Command;

mod common;
use common::{leaflint, leaflint_env, Run};

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(root: &Path, path: &str, text: &str) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// (rule, locale, message id) of every finding.
fn found(run: &Run) -> Vec<(String, String, String)> {
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    let mut v: Vec<(String, String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["locale"].as_str().unwrap().to_string(),
                d["message_id"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn t(rule: &str, locale: &str, id: &str) -> (String, String, String) {
    (rule.into(), locale.into(), id.into())
}

const EN: &str = "\
dose-reminder = You have { $count } tablets left.
dose-missed = If you forget a dose, take it as soon as you remember.
storage = Keep this medicine out of the sight and reach of children.
";

/// Two old defects: `dose-reminder` and `storage` use variables the reference does not have.
const SV: &str = "\
dose-reminder = Du har { $antal } tabletter kvar.
dose-missed = Om du glömmer en dos, ta den så snart du kommer ihåg.
storage = Förvara detta läkemedel utom { $var } för barn.
";

#[test]
fn only_changed_messages_and_files_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    git(root, &["init", "-q", "-b", "main"]);
    write(root, "locales/en/leaflet.ftl", EN);
    write(root, "locales/sv/leaflet.ftl", SV);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);

    let all = leaflint(root, &["check", "locales", "--format", "json"]);
    assert_eq!(
        found(&all),
        [
            t("variable-mismatch", "sv", "dose-reminder"),
            t("variable-mismatch", "sv", "dose-reminder"),
            t("variable-mismatch", "sv", "storage"),
        ]
    );

    // Nothing changed: nothing reported.
    let none = leaflint(
        root,
        &[
            "check",
            "locales",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(none.code, 0, "{}", none.stderr);
    assert_eq!(found(&none), []);

    // Edit one defective message (uncommitted), move the other without changing it, and add a
    // reference file the translation lacks (untracked).
    write(
        root,
        "locales/sv/leaflet.ftl",
        "storage = Förvara detta läkemedel utom { $var } för barn.\n\
         dose-missed = Om du glömmer en dos, ta den så snart du kommer ihåg.\n\
         dose-reminder = Du har { $antal } tabletter till.\n",
    );
    write(
        root,
        "locales/en/warnings.ftl",
        "pregnancy = Ask your doctor before taking this medicine if you are pregnant.\n",
    );
    let changed = leaflint(
        root,
        &[
            "check",
            "locales",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(changed.code, 1, "{}", changed.stderr);
    assert_eq!(
        found(&changed),
        [
            t("missing-file", "sv", "-"),
            t("variable-mismatch", "sv", "dose-reminder"),
            t("variable-mismatch", "sv", "dose-reminder"),
        ]
    );

    // A change in the reference text brings the translation's findings for that message back.
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "second"]);
    write(
        root,
        "locales/en/leaflet.ftl",
        &EN.replace("out of the sight", "out of sight"),
    );
    let reference = leaflint(
        root,
        &[
            "check",
            "locales",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(found(&reference), [t("variable-mismatch", "sv", "storage")]);

    // Since the first commit (a revision given by name), both edits count.
    let since_first = leaflint(
        root,
        &[
            "check",
            "locales",
            "--changed-since",
            "HEAD~1",
            "--format",
            "json",
        ],
    );
    assert_eq!(found(&since_first).len(), 4, "{:?}", found(&since_first));
}

#[test]
fn unknown_revision_and_missing_git_are_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    git(root, &["init", "-q"]);
    write(root, "locales/en/leaflet.ftl", EN);
    write(root, "locales/sv/leaflet.ftl", SV);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);

    let out = leaflint(
        root,
        &["check", "locales", "--changed-since", "no-such-branch"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("`no-such-branch` is not a commit of the repository"),
        "{}",
        out.stderr
    );

    let empty = tempfile::tempdir().unwrap();
    let out = leaflint_env(
        root,
        &["check", "locales", "--changed-since", "HEAD"],
        Some(empty.path().to_str().unwrap()),
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("runs the `git` program"),
        "{}",
        out.stderr
    );

    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "locales/en/leaflet.ftl", EN);
    write(outside.path(), "locales/sv/leaflet.ftl", SV);
    let out = leaflint(
        outside.path(),
        &["check", "locales", "--changed-since", "HEAD"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("is not inside a git repository"),
        "{}",
        out.stderr
    );
}
