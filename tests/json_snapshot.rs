//! The JSON report (schema version 1) of one fixture, as a reviewed snapshot: a change to the
//! schema or to what the structural rules say shows up as a diff here.

use std::process::Command;

#[test]
fn json_report_of_the_variable_mismatch_fixture() {
    let root = env!("CARGO_MANIFEST_DIR");
    // Relative paths in, relative paths out: the snapshot does not depend on the checkout.
    let out = Command::new(env!("CARGO_BIN_EXE_leaflint"))
        .args([
            "check",
            "fixtures/variable-mismatch",
            "--format",
            "json",
            "--color",
            "always",
            // Not the repository's own `leaflint.toml`: defaults only.
            "--isolated",
        ])
        .current_dir(root)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(1), "the fixture has an error");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        !stdout.contains(root),
        "absolute paths leaked into the report"
    );
    insta::with_settings!({
        filters => vec![
            (r#""version": "[^"]+""#, r#""version": "[version]""#),
            (regex_escape(root).as_str(), "[root]"),
        ],
    }, {
        insta::assert_snapshot!("variable_mismatch_json", stdout);
    });
}

fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
