//! `--fix` and `--diff` round trips: the fixed tree is clean of the fixed findings, every other
//! byte of every file is unchanged, and a read-only file stops the run before anything is
//! written.

use std::path::Path;
use std::process::{Command, Output};

const EN: &str =
    "dose = Take 4 mg twice a day.\nstore = Keep the bottle dry.\nwarn = Ask your doctor.\n";
// A zero-width space inside `flaskan` (fixable), a right-to-left mark (a translator may mean
// one: reported, not fixed) and a changed dose (no fix).
const SV: &str = "dose = Ta 40 mg två gånger om dagen.\nstore = Förvara flas\u{200B}kan torrt.\nwarn = Fråga din\u{200F} läkare.\n";
const ZH: &str =
    "dose = 每天两次，每次4毫克。\nstore = 保持\u{200B}瓶子干燥。\nwarn = 请咨询医生。\n";

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (l, text) in [("en", EN), ("sv", SV), ("zh", ZH)] {
        std::fs::create_dir_all(dir.path().join(l)).unwrap();
        std::fs::write(dir.path().join(l).join("leaflet.ftl"), text).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflint"))
        .arg("check")
        .arg(dir)
        .args(["--isolated", "--color", "never"])
        .args(args)
        .output()
        .unwrap()
}

fn read(dir: &Path, locale: &str) -> String {
    std::fs::read_to_string(dir.join(locale).join("leaflet.ftl")).unwrap()
}

/// (rule, locale, line) of every finding of a JSON report.
fn findings(out: &Output) -> Vec<(String, String, u64)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut f: Vec<_> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["locale"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    f.sort();
    f
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = tree();
    let out = run(dir.path(), &["--diff"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.contains("-store = Förvara flas<U+200B>kan torrt.\n+store = Förvara flaskan torrt.\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-store = 保持<U+200B>瓶子干燥。\n+store = 保持瓶子干燥。\n"),
        "{diff}"
    );
    // The right-to-left mark has no fix: its line is context only.
    assert!(
        diff.contains("\n warn = Fråga din<U+200F> läkare.\n"),
        "{diff}"
    );
    assert!(!diff.contains("-warn"), "{diff}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("2 findings in 2 files would be fixed"),
        "{stderr}"
    );
    assert_eq!(read(dir.path(), "sv"), SV);
    assert_eq!(read(dir.path(), "zh"), ZH);
}

#[test]
fn fix_removes_exactly_the_fixed_characters_and_reports_what_is_left() {
    let dir = tree();
    let before = findings(&run(dir.path(), &["--format", "json"]));
    assert_eq!(
        before,
        [
            ("invisible-character".to_string(), "sv".to_string(), 2),
            ("invisible-character".to_string(), "sv".to_string(), 3),
            ("invisible-character".to_string(), "zh".to_string(), 2),
            ("numeric-mismatch".to_string(), "sv".to_string(), 1),
        ]
    );
    let out = run(dir.path(), &["--fix", "--format", "json"]);
    // The dose is still wrong.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        findings(&out),
        [
            ("invisible-character".to_string(), "sv".to_string(), 3),
            ("numeric-mismatch".to_string(), "sv".to_string(), 1),
        ]
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 2 findings in 2 files"));
    assert_eq!(read(dir.path(), "sv"), SV.replacen('\u{200B}', "", 1));
    assert_eq!(read(dir.path(), "zh"), ZH.replacen('\u{200B}', "", 1));
    assert_eq!(read(dir.path(), "en"), EN);
    // A second run finds what the first left, and fixes nothing.
    let again = run(dir.path(), &["--fix", "--format", "json"]);
    assert_eq!(findings(&again), findings(&out));
    assert!(String::from_utf8_lossy(&again.stderr).contains("fixed 0 findings in 0 files"));
    assert_eq!(read(dir.path(), "sv"), SV.replacen('\u{200B}', "", 1));
}

#[cfg(unix)]
#[test]
fn a_read_only_file_stops_the_fix_before_anything_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree();
    let zh = dir.path().join("zh/leaflet.ftl");
    std::fs::set_permissions(&zh, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = run(dir.path(), &["--fix"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("the file is read-only; nothing was written"),
        "{stderr}"
    );
    // Neither the read-only file nor the writable one was changed.
    assert_eq!(read(dir.path(), "zh"), ZH);
    assert_eq!(read(dir.path(), "sv"), SV);
}
