//! `--write-baseline` / `--baseline`: known findings stay known when messages move, and come
//! back when the offending text changes; the summary counts fixed entries.

use std::path::Path;

mod common;
use common::{leaflint, Run};

fn write(root: &Path, path: &str, text: &str) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const EN: &str = "\
ic50-tyk2 = IC50 for TYK2: 53 nM
dose-reminder = You have { $count } tablets left.
storage = Keep this medicine out of the sight and reach of children.
";

/// Two known defects: a wrong concentration and a renamed variable.
const SV: &str = "\
ic50-tyk2 = IC50 för TYK2: 35 nM
dose-reminder = Du har { $antal } tabletter kvar.
storage = Förvara detta läkemedel utom syn- och räckhåll för barn.
";

/// The same messages in another order, with a comment and blank lines in between.
const SV_MOVED: &str = "\
storage = Förvara detta läkemedel utom syn- och räckhåll för barn.

# Doses
dose-reminder = Du har { $antal } tabletter kvar.


ic50-tyk2 = IC50 för TYK2: 35 nM
";

fn rules(run: &Run) -> Vec<(String, String)> {
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["message_id"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

#[test]
fn baseline_survives_moves_and_catches_changed_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "locales/en/leaflet.ftl", EN);
    write(root, "locales/sv/leaflet.ftl", SV);

    let before = leaflint(root, &["check", "locales", "--format", "json"]);
    assert_eq!(before.code, 1);
    let mut known = rules(&before);
    known.sort();
    assert!(
        known.contains(&("numeric-mismatch".into(), "ic50-tyk2".into())),
        "{known:?}"
    );
    assert!(
        known.contains(&("variable-mismatch".into(), "dose-reminder".into())),
        "{known:?}"
    );

    // Writing the baseline accepts what is there: exit 0.
    let wrote = leaflint(root, &["check", "locales", "--write-baseline", "base.json"]);
    assert_eq!(wrote.code, 0, "{}", wrote.stderr);
    assert!(
        wrote.stderr.contains("to the baseline `base.json`"),
        "{}",
        wrote.stderr
    );
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("base.json")).unwrap()).unwrap();
    assert_eq!(file["version"], 1);
    let entries = file["findings"].as_array().unwrap();
    let total: u64 = entries.iter().map(|e| e["count"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, known.len());
    assert!(entries.iter().all(|e| e.get("line").is_none()));
    assert!(entries.iter().all(|e| e["file"] == "leaflet.ftl"));

    // Same text: nothing new.
    let same = leaflint(root, &["check", "locales", "--baseline", "base.json"]);
    assert_eq!(same.code, 0, "{}", same.stdout);
    assert!(
        same.stdout.contains(&format!(
            "baseline: {} known findings not shown, 0 fixed",
            known.len()
        )),
        "{}",
        same.stdout
    );

    // Moved messages: still known.
    write(root, "locales/sv/leaflet.ftl", SV_MOVED);
    let moved = leaflint(
        root,
        &[
            "check",
            "locales",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(moved.code, 0, "{}", moved.stdout);
    assert!(rules(&moved).is_empty());

    // A changed number in the offending message: reported again (the other stays known).
    write(
        root,
        "locales/sv/leaflet.ftl",
        &SV_MOVED.replace("35 nM", "36 nM"),
    );
    let changed = leaflint(
        root,
        &[
            "check",
            "locales",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(changed.code, 1);
    let new = rules(&changed);
    assert!(new.iter().all(|(_, id)| id == "ic50-tyk2"), "{new:?}");
    assert!(
        new.contains(&("numeric-mismatch".into(), "ic50-tyk2".into())),
        "{new:?}"
    );

    // Fixing a known defect shows up as fixed in the summary.
    write(
        root,
        "locales/sv/leaflet.ftl",
        &SV_MOVED.replace("$antal", "$count"),
    );
    let fixed = leaflint(
        root,
        &[
            "check",
            "locales",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(fixed.code, 0, "{}", fixed.stdout);
    let doc: serde_json::Value = serde_json::from_str(&fixed.stdout).unwrap();
    let fixed_count = known
        .iter()
        .filter(|(r, _)| r == "variable-mismatch")
        .count();
    assert_eq!(doc["summary"]["baseline_fixed"], fixed_count);
    assert_eq!(doc["summary"]["baselined"], known.len() - fixed_count);
}

#[test]
fn unreadable_or_foreign_baselines_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "locales/en/leaflet.ftl", EN);
    write(root, "locales/sv/leaflet.ftl", SV);
    let missing = leaflint(root, &["check", "locales", "--baseline", "nope.json"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("cannot read baseline `nope.json`"),
        "{}",
        missing.stderr
    );

    write(root, "other.json", "{\"version\": 9, \"findings\": []}");
    let other = leaflint(root, &["check", "locales", "--baseline", "other.json"]);
    assert_eq!(other.code, 2);
    assert!(other.stderr.contains("has version 9"), "{}", other.stderr);
}
