//! `--format sarif` validates against the official SARIF 2.1.0 schema, lists every rule, points
//! back at the reference, and fingerprints findings so that moving unrelated lines changes none.

mod report_support;

use std::collections::BTreeSet;
use std::path::Path;

use report_support::{leaflint, showcase};
use serde_json::Value;

fn schema() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/assets/sarif-schema-2.1.0.json"),
    )
    .unwrap();
    // The schema's `run.language` pattern has a stray `]` that ECMAScript regexes take as a
    // literal and Rust's reject when the schema itself is checked; escape it (same meaning).
    let bad = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(
        text.contains(bad),
        "the asset is the unchanged official schema"
    );
    let text = text.replace(bad, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    serde_json::from_str(&text).unwrap()
}

fn sarif(dir: &Path) -> Value {
    let out = leaflint(dir, &["check", "report-showcase", "--format", "sarif"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("SARIF is JSON")
}

#[test]
fn output_validates_against_the_sarif_schema() {
    let (tmp, _) = showcase();
    let log = sarif(tmp.path());
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // The validator does reject what the schema forbids.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    broken["runs"][0]["columnKind"] = Value::from("bytes");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn driver_lists_every_rule_and_results_point_at_the_reference() {
    let (tmp, _) = showcase();
    let log = sarif(tmp.path());
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let registry = leaflint::rules::registry();
    assert_eq!(rules.len(), registry.len());
    for (r, rule) in rules.iter().zip(registry) {
        let m = rule.meta();
        assert_eq!(r["id"], m.id);
        assert_eq!(r["shortDescription"]["text"], m.summary);
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
        let page = format!("docs/rules/{}.md", m.id);
        assert_eq!(r["properties"]["docPath"], page.as_str());
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(&page).exists());
        // An absolute `helpUri` needs the repository's address (`package.repository`).
        if env!("CARGO_PKG_REPOSITORY").is_empty() {
            assert!(r.get("helpUri").is_none());
        } else {
            assert!(r["helpUri"].as_str().unwrap().ends_with(&page));
        }
    }
    let results = run["results"].as_array().unwrap();
    let variable = results
        .iter()
        .find(|r| r["ruleId"] == "variable-mismatch" && r["level"] == "error")
        .expect("a variable-mismatch error");
    let region = &variable["locations"][0]["physicalLocation"]["region"];
    // `missed-dose = Om du glömmer en dos, ta den { $datum } …`: `$datum` is at column 46.
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"]
        ),
        (&Value::from(18), &Value::from(46), &Value::from(52))
    );
    let related = &variable["relatedLocations"][0]["physicalLocation"];
    assert_eq!(
        related["artifactLocation"]["uri"],
        "report-showcase/en/leaflet.ftl"
    );
    assert_eq!(related["region"]["startLine"], 17);
    // Levels follow severities, and every rule of a result is in the driver.
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
    }
}

fn fingerprints(log: &Value, file: &str) -> BTreeSet<(String, String, u64)> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == file)
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["partialFingerprints"]["leaflintFingerprint/v1"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_unrelated_lines_moving() {
    let (tmp, root) = showcase();
    let before = sarif(tmp.path());
    // Push every entry of sv/leaflet.ftl five lines down.
    let path = root.join("sv/leaflet.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let moved = text.replacen("\n\n", "\n\n## Ny rubrik\n\n# En kommentar.\n\n", 1);
    std::fs::write(&path, moved).unwrap();
    let after = sarif(tmp.path());

    let file = "report-showcase/sv/leaflet.ftl";
    let a = fingerprints(&before, file);
    let b = fingerprints(&after, file);
    assert!(a.len() >= 8, "the showcase has findings in {file}");
    let prints = |s: &BTreeSet<(String, String, u64)>| -> BTreeSet<(String, String)> {
        s.iter().map(|(r, f, _)| (r.clone(), f.clone())).collect()
    };
    let lines = |s: &BTreeSet<(String, String, u64)>| -> Vec<u64> {
        s.iter().map(|(_, _, l)| *l).collect()
    };
    assert_ne!(lines(&a), lines(&b), "the findings moved");
    assert_eq!(prints(&a), prints(&b), "but their fingerprints did not");
    // Distinct findings have distinct fingerprints.
    assert_eq!(prints(&a).len(), a.len());
    let all: Vec<&str> = before["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["leaflintFingerprint/v1"]
                .as_str()
                .unwrap()
        })
        .collect();
    let unique: BTreeSet<&&str> = all.iter().collect();
    assert_eq!(unique.len(), all.len());

    // Changing the text a finding is about changes its fingerprint.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("{ $datum }", "{ $dag }")).unwrap();
    let changed = fingerprints(&sarif(tmp.path()), file);
    assert_ne!(prints(&changed), prints(&b));
}
