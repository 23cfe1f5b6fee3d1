//! `leaflint.toml`: discovery, validation errors with positions, settings and `config --dump`.
//! Each test builds its tree in a temporary directory (outside the repository, so the shipped
//! `leaflint.toml` is never discovered), or uses `fixtures/config-aliases`.

use std::path::Path;

mod common;
use common::{leaflint, write_files};

/// A tree whose only finding is an obsolete message in sv (a warning by default).
fn tree_with_obsolete_message() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            (
                "locales/en/leaflet.ftl",
                "dose-adult = Take 4 mg once a day.\n",
            ),
            (
                "locales/sv/leaflet.ftl",
                "dose-adult = Ta 4 mg en gång om dagen.\ndose-old = Ta 2 mg två gånger om dagen.\n",
            ),
        ],
    );
    tmp
}

#[test]
fn unknown_key_is_an_error_with_position_and_suggestion() {
    let tmp = tree_with_obsolete_message();
    write_files(
        tmp.path(),
        &[(
            "leaflint.toml",
            "# project settings\nreference = \"en\"\n\n[rules]\nobsolete-message = \"error\"\n[[ignore]]\nrule = \"obsolete-message\"\nreason = \"x\"\nmesage = \"dose-*\"\n",
        )],
    );
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "leaflint.toml:9:1: unknown key `mesage` in `[[ignore]]`; did you mean `message`?"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_rule_in_rules_is_an_error_with_suggestion() {
    let tmp = tree_with_obsolete_message();
    write_files(
        tmp.path(),
        &[("leaflint.toml", "[rules]\nobsolete-mesage = \"off\"\n")],
    );
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("leaflint.toml:2:1: unknown rule `obsolete-mesage` in `[rules]`; did you mean `obsolete-message`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn severity_override_changes_the_exit_code_and_isolated_ignores_it() {
    let tmp = tree_with_obsolete_message();
    let plain = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(plain.code, 0, "a warning alone exits 0: {}", plain.stdout);
    assert!(
        plain.stdout.contains("warning[obsolete-message]"),
        "{}",
        plain.stdout
    );

    write_files(
        tmp.path(),
        &[("leaflint.toml", "[rules]\nobsolete-message = \"error\"\n")],
    );
    let raised = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(raised.code, 1, "{}{}", raised.stdout, raised.stderr);
    assert!(
        raised.stdout.contains("error[obsolete-message]"),
        "{}",
        raised.stdout
    );

    let isolated = leaflint(tmp.path(), &["check", "locales", "--isolated"]);
    assert_eq!(isolated.code, 0);
    assert!(isolated.stdout.contains("warning[obsolete-message]"));

    write_files(
        tmp.path(),
        &[("leaflint.toml", "[rules]\nobsolete-message = \"off\"\n")],
    );
    let off = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(off.code, 0);
    assert!(!off.stdout.contains("obsolete-message"), "{}", off.stdout);
}

#[test]
fn per_locale_level_applies_to_that_locale_only() {
    let tmp = tree_with_obsolete_message();
    write_files(
        tmp.path(),
        &[
            (
                "locales/zh/leaflet.ftl",
                "dose-adult = 每天服用一次，每次 4 mg。\ndose-old = 每天两次，每次 2 mg。\n",
            ),
            (
                "leaflint.toml",
                "[rules.obsolete-message]\nseverity = \"error\"\nlocales = { zh = \"off\" }\n",
            ),
        ],
    );
    let out = leaflint(tmp.path(), &["check", "locales", "--format", "json"]);
    assert_eq!(out.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let found: Vec<(String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["locale"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(found, [("sv".to_string(), "error".to_string())]);
}

#[test]
fn ignore_entry_needs_a_reason_and_then_hides_its_findings() {
    let tmp = tree_with_obsolete_message();
    write_files(
        tmp.path(),
        &[(
            "leaflint.toml",
            "[[ignore]]\nrule = \"obsolete-message\"\nlocale = \"sv\"\nmessage = \"dose-*\"\n",
        )],
    );
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(
            "leaflint.toml:1:1: `[[ignore]]` entry for `obsolete-message` needs a `reason`"
        ),
        "{}",
        out.stderr
    );

    write_files(
        tmp.path(),
        &[(
            "leaflint.toml",
            "[[ignore]]\nrule = \"obsolete-message\"\nlocale = \"sv\"\nmessage = \"dose-*\"\nreason = \"the 2019 dose stays until the label update\"\n",
        )],
    );
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("clean:"), "{}", out.stdout);

    // The glob must match: another message id is still reported.
    write_files(
        tmp.path(),
        &[(
            "leaflint.toml",
            "[[ignore]]\nrule = \"obsolete-message\"\nmessage = \"storage-*\"\nreason = \"r\"\n",
        )],
    );
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert!(
        out.stdout.contains("warning[obsolete-message]"),
        "{}",
        out.stdout
    );
}

#[test]
fn configuration_is_found_walking_up_and_can_be_named() {
    let tmp = tree_with_obsolete_message();
    write_files(
        tmp.path(),
        &[
            (".leaflint.toml", "[rules]\nobsolete-message = \"error\"\n"),
            ("other.toml", "[rules]\nobsolete-message = \"info\"\n"),
        ],
    );
    // Checked from a subdirectory: the file two levels up applies.
    let sub = tmp.path().join("locales/sv");
    let out = leaflint(&sub, &["check", ".."]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("error[obsolete-message]"));

    let out = leaflint(tmp.path(), &["check", "locales", "--config", "other.toml"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("info[obsolete-message]"),
        "{}",
        out.stdout
    );

    let out = leaflint(tmp.path(), &["config"]);
    assert!(
        out.stdout.trim_end().ends_with(".leaflint.toml"),
        "{}",
        out.stdout
    );

    let out = leaflint(
        tmp.path(),
        &["check", "locales", "--config", "missing.toml"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("cannot read `missing.toml`"),
        "{}",
        out.stderr
    );
}

#[test]
fn config_dump_prints_the_effective_configuration() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[(
            "leaflint.toml",
            "locales = [\"sv\"]\n[rules]\nobsolete-message = \"error\"\n[glossary]\nterms = [\"Olumiant\"]\n",
        )],
    );
    let out = leaflint(tmp.path(), &["config", "--dump"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dumped: toml::Table = toml::from_str(&out.stdout).unwrap();
    assert_eq!(dumped["locales"], toml::Value::from(vec!["sv"]));
    let rules = dumped["rules"].as_table().unwrap();
    assert_eq!(rules["obsolete-message"].as_str(), Some("error"));
    // Defaults are filled in: every registered rule has its level.
    for r in leaflint::rules::registry() {
        let m = r.meta();
        if m.id != "obsolete-message" {
            // A rule with options is a table: its level and every option's default.
            let level = match &rules[m.id] {
                toml::Value::Table(t) => t["severity"].as_str(),
                v => v.as_str(),
            };
            assert_eq!(level, Some(m.severity.as_str()), "{}", m.id);
        }
    }
    assert_eq!(
        dumped["glossary"]["terms"],
        toml::Value::from(vec!["Olumiant"])
    );

    let isolated = leaflint(tmp.path(), &["config", "--dump", "--isolated"]);
    let dumped: toml::Table = toml::from_str(&isolated.stdout).unwrap();
    assert_eq!(
        dumped["rules"]["obsolete-message"].as_str(),
        Some("warning")
    );
}

#[test]
fn aliases_include_and_exclude_shape_the_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/config-aliases");
    let out = leaflint(&root, &["check", ".", "--format", "json"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let diags = doc["diagnostics"].as_array().unwrap();
    // `sv-SE` is checked as `sv` (the alias); `drafts/` is excluded, so its file is not
    // obsolete; the one finding left is an info the configuration lowered.
    let found: Vec<(&str, &str, &str)> = diags
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["locale"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("obsolete-message", "sv", "info")],
        "{}",
        out.stdout
    );
    assert!(diags[0]["file"].as_str().unwrap().contains("sv-SE"));

    let isolated = leaflint(&root, &["check", ".", "--isolated", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&isolated.stdout).unwrap();
    let rules: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"obsolete-file"), "{rules:?}");
}

#[test]
fn the_shipped_configuration_is_valid_and_documents_every_key() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflint.toml");
    let config = leaflint::config::Config::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.reference.as_deref(), Some("en"));
    let text = std::fs::read_to_string(&path).unwrap();
    for key in leaflint::config::all_keys() {
        assert!(
            text.contains(&format!("{key} =")) || text.contains(&format!("[{key}]")),
            "leaflint.toml does not document `{key}`"
        );
    }
}

#[test]
fn every_rule_is_listed_and_prints_its_documentation() {
    let tmp = tempfile::tempdir().unwrap();
    let list = leaflint(tmp.path(), &["rules"]);
    assert_eq!(list.code, 0);
    for r in leaflint::rules::registry() {
        let m = r.meta();
        assert!(
            list.stdout
                .lines()
                .any(|l| l.split_whitespace().take(2).eq([m.id, m.severity.as_str()])),
            "`leaflint rules` lacks {} {}:\n{}",
            m.id,
            m.severity,
            list.stdout
        );
        let doc = leaflint(tmp.path(), &["rule", m.id]);
        assert_eq!(doc.code, 0, "{}", m.id);
        let page = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/rules/{}.md", m.id)),
        )
        .unwrap();
        // The page, then (for a rule with options) the options' defaults.
        assert!(
            doc.stdout.starts_with(&page),
            "`leaflint rule {}` prints docs/rules/{}.md",
            m.id,
            m.id
        );
        let rest = &doc.stdout[page.len()..];
        assert_eq!(
            rest.is_empty(),
            leaflint::rules::options(m.id).is_empty(),
            "{}: {rest}",
            m.id
        );
    }
}

/// A pull request can add a link where leaflint reads its configuration or a baseline: one to a
/// device is refused before it is read (`/dev/zero` would never end).
#[cfg(unix)]
#[test]
fn a_configuration_or_baseline_linked_to_a_device_is_not_read() {
    let tmp = tree_with_obsolete_message();
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("leaflint.toml")).unwrap();
    // Discovery passes it by (it is not a file); named, it is refused.
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = leaflint(
        tmp.path(),
        &["check", "locales", "--config", "leaflint.toml"],
    );
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "leaflint: error: cannot read `leaflint.toml`\n  caused by: is not a regular file (a FIFO, device or socket)\n"
        )
    );
    std::fs::remove_file(tmp.path().join("leaflint.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("base.json")).unwrap();
    let out = leaflint(tmp.path(), &["check", "locales", "--baseline", "base.json"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "leaflint: error: cannot read baseline `base.json`\n  caused by: is not a regular file (a FIFO, device or socket)\n"
        )
    );
}
