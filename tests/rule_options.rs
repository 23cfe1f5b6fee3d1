//! Rule options and their defaults in `leaflint rule <id>` and `leaflint config --dump`.

mod common;
use common::leaflint;

#[test]
fn a_rule_page_lists_its_options_with_defaults() {
    let t = tempfile::tempdir().unwrap();
    let out = leaflint(t.path(), &["rule", "mixed-language"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("## Option defaults"), "{}", out.stdout);
    assert!(out.stdout.contains("- `min-words = 3` (default)"));
    assert!(out.stdout.contains("- `min-confidence = 0.8` (default)"));
    let url = leaflint(t.path(), &["rule", "url-mismatch"]);
    assert!(
        url.stdout.contains("- `locale-parts = true` (default)"),
        "{}",
        url.stdout
    );
    let none = leaflint(t.path(), &["rule", "missing-message"]);
    assert!(!none.stdout.contains("## Option defaults"));
}

#[test]
fn config_dump_fills_in_option_defaults() {
    let t = tempfile::tempdir().unwrap();
    let out = leaflint(t.path(), &["config", "--dump", "--isolated"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: toml::Table = out.stdout.parse().expect("the dump is TOML");
    let rules = doc["rules"].as_table().unwrap();
    let ml = rules["mixed-language"]
        .as_table()
        .expect("a table with options");
    assert_eq!(ml["min-words"].as_integer(), Some(3));
    assert_eq!(ml["min-confidence"].as_float(), Some(0.8));
    assert!(ml.contains_key("severity"));
    assert_eq!(rules["url-mismatch"]["locale-parts"].as_bool(), Some(true));
    // A rule without options stays a plain level.
    assert!(rules["missing-message"].is_str());
    // A set option is shown as set, the others with their defaults.
    std::fs::write(
        t.path().join("leaflint.toml"),
        "[rules.mixed-language]\nmin-words = 5\n",
    )
    .unwrap();
    let set = leaflint(t.path(), &["config", "--dump"]);
    let doc: toml::Table = set.stdout.parse().expect("TOML");
    let ml = doc["rules"]["mixed-language"].as_table().unwrap();
    assert_eq!(ml["min-words"].as_integer(), Some(5));
    assert_eq!(ml["min-confidence"].as_float(), Some(0.8));
}
