//! Every output format of `leaflint check` on `fixtures/report-showcase`, which has at least one
//! finding of every rule: exit code, stdout and stderr, snapshotted (version and temporary paths
//! redacted).

mod report_support;

use report_support::{leaflint, settings, showcase};

fn snapshot(name: &str, args: &[&str]) {
    let (tmp, _) = showcase();
    let mut all = vec!["check", "report-showcase"];
    all.extend_from_slice(args);
    let out = leaflint(tmp.path(), &all);
    assert_eq!(out.code, 1, "error-level findings exit 1:\n{}", out.stderr);
    settings(tmp.path()).bind(|| insta::assert_snapshot!(name, out.transcript()));
}

#[test]
fn human() {
    snapshot("human", &["--color", "never"]);
}

#[test]
fn human_quiet() {
    snapshot("human-quiet", &["--color", "never", "--quiet"]);
}

#[test]
fn json() {
    snapshot("json", &["--format", "json"]);
}

#[test]
fn sarif() {
    snapshot("sarif", &["--format", "sarif"]);
}

#[test]
fn github() {
    snapshot("github", &["--format", "github"]);
}

#[test]
fn html() {
    snapshot("html", &["--format", "html"]);
}

#[test]
fn every_rule_fires_in_the_showcase() {
    let (tmp, _) = showcase();
    let out = leaflint(
        tmp.path(),
        &["check", "report-showcase", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let fired: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    let missing: Vec<&str> = leaflint::rules::registry()
        .iter()
        .map(|r| r.meta().id)
        // A panic cannot be stored in a fixture: src/check.rs's unit tests cause one.
        .filter(|id| *id != "internal-error" && !fired.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "add a case to fixtures/report-showcase for: {}",
        missing.join(", ")
    );
}

#[test]
fn colour_emphasises_instead_of_marking() {
    let (tmp, _) = showcase();
    let out = leaflint(
        tmp.path(),
        &["check", "report-showcase", "--color", "always"],
    );
    assert!(out.stdout.contains("\u{1b}["), "colour codes");
    assert!(!out.stdout.contains("{+") && !out.stdout.contains("[-"));
    // `auto` with NO_COLOR set, or not a terminal (a pipe here): no colour.
    let plain = leaflint(tmp.path(), &["check", "report-showcase"]);
    assert!(!plain.stdout.contains('\u{1b}'));
    assert!(plain.stdout.contains("{+Olumiant+}"));
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let (tmp, _) = showcase();
    let out = leaflint(
        tmp.path(),
        &[
            "check",
            "report-showcase",
            "--format",
            "html",
            "--output",
            "review.html",
        ],
    );
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    let page = std::fs::read_to_string(tmp.path().join("review.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    let bad = leaflint(
        tmp.path(),
        &[
            "check",
            "report-showcase",
            "--output",
            "no-such-dir/out.txt",
        ],
    );
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("cannot create `no-such-dir/out.txt`"),
        "{}",
        bad.stderr
    );
}
