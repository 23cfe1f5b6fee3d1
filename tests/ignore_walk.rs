//! The tree is walked with the `ignore` crate: `.gitignore` (also outside a git repository),
//! `.ignore` and hidden files leave files out; `--no-ignore` reads them all.

mod common;
use common::{leaflint, write_files};

/// (rule, file) of every finding, sorted.
fn found(args: &[&str], dir: &std::path::Path) -> (i32, Vec<(String, String)>, String) {
    let mut all = vec!["check", "locales", "--format", "json"];
    all.extend_from_slice(args);
    let out = leaflint(dir, &all);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", out.stdout, out.stderr));
    let mut v: Vec<(String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().replace('\\', "/"),
            )
        })
        .collect();
    v.sort();
    (out.code, v, out.stderr)
}

fn tree() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            (".gitignore", "drafts/\n"),
            ("locales/.ignore", "*.wip.ftl\n"),
            ("locales/en/a.ftl", "hello = Hello\n"),
            ("locales/en/drafts/new.ftl", "soon = Soon\n"),
            ("locales/en/next.wip.ftl", "later = Later\n"),
            ("locales/en/.hidden.ftl", "secret = Secret\n"),
            ("locales/sv/a.ftl", "hello = Hej\n"),
            ("locales/de/a.ftl", "hello = Hallo\n"),
        ],
    );
    tmp
}

#[test]
fn ignored_and_hidden_files_are_not_checked() {
    let t = tree();
    let (code, found, stderr) = found(&[], t.path());
    assert_eq!(code, 0, "{found:?}\n{stderr}");
    assert_eq!(found, []);
}

#[test]
fn no_ignore_reads_every_file() {
    let t = tree();
    let (code, found, stderr) = found(&["--no-ignore"], t.path());
    assert_eq!(code, 1, "{stderr}");
    let missing: Vec<&str> = found
        .iter()
        .filter(|(r, _)| r == "missing-file")
        .map(|(_, f)| f.as_str())
        .collect();
    assert_eq!(
        missing,
        [
            "locales/de/.hidden.ftl",
            "locales/de/drafts/new.ftl",
            "locales/de/next.wip.ftl",
            "locales/sv/.hidden.ftl",
            "locales/sv/drafts/new.ftl",
            "locales/sv/next.wip.ftl",
        ]
    );
    assert_eq!(found.len(), missing.len(), "{found:?}");
}

#[test]
fn an_ignored_locale_directory_is_left_out_with_a_note() {
    let t = tree();
    write_files(t.path(), &[("locales/.gitignore", "de/\n")]);
    let out = leaflint(t.path(), &["check", "locales"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("ignoring directory `locales/de`: an ignore file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("1 locale") || !out.stdout.contains("de"),
        "{}",
        out.stdout
    );
}
