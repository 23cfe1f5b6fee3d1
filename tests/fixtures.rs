//! Every fixture tree under `fixtures/` is checked, and its findings must equal the expectations
//! written in it: `# expect: rule-id` comment lines above an entry (optionally `@+N` for a finding
//! N lines below the entry's first line), plus `expect.txt` lines `rule locale message-id|- line`
//! for findings that have no entry to sit above (missing files, parse errors).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use leaflint::check::check_path;

/// (rule, locale, message id, line) → count
type Expected = BTreeMap<(String, String, String, usize), usize>;

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.join("SKIP-AUTO").exists())
        .collect();
    dirs.sort();
    dirs
}

fn is_entry_start(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end();
    let body = id.strip_prefix('-').unwrap_or(id);
    (body.starts_with(|c: char| c.is_ascii_alphabetic())
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(id)
}

/// Reads the markers of one fixture.
pub fn expectations(dir: &Path) -> Expected {
    let mut expected = Expected::new();
    for locale in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        if !locale.path().is_dir() {
            continue;
        }
        let tag = locale.file_name().to_string_lossy().into_owned();
        for file in walk(&locale.path()) {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let mut pending: Vec<(String, usize)> = Vec::new();
            for (i, line) in text.lines().enumerate() {
                let line = line.trim_start_matches('\u{feff}');
                if let Some(rest) = line.strip_prefix("# expect:") {
                    for item in rest.split(',') {
                        let item = item.trim();
                        let (rule, offset) = match item.split_once("@+") {
                            Some((r, n)) => (r.trim(), n.trim().parse().expect("@+N")),
                            None => (item, 0),
                        };
                        pending.push((rule.to_string(), offset));
                    }
                    continue;
                }
                if pending.is_empty() || line.starts_with('#') {
                    continue;
                }
                let id = is_entry_start(line).unwrap_or_else(|| {
                    panic!(
                        "{}:{}: marker is not followed by an entry",
                        file.display(),
                        i + 1
                    )
                });
                for (rule, offset) in pending.drain(..) {
                    *expected
                        .entry((rule, tag.clone(), id.to_string(), i + 1 + offset))
                        .or_default() += 1;
                }
            }
            assert!(
                pending.is_empty(),
                "{}: marker at end of file",
                file.display()
            );
        }
    }
    if let Ok(text) = std::fs::read_to_string(dir.join("expect.txt")) {
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let f: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(
                f.len(),
                4,
                "expect.txt line `{line}`: rule locale id|- line"
            );
            *expected
                .entry((f[0].into(), f[1].into(), f[2].into(), f[3].parse().unwrap()))
                .or_default() += 1;
        }
    }
    expected
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "ftl") {
                out.push(p);
            }
        }
    }
    out
}

/// Checks a fixture: with its own `leaflint.toml` when it has one (a termbase, say), with the
/// defaults otherwise.
fn actual(dir: &Path) -> Expected {
    let config = dir.join("leaflint.toml");
    let outcome = if config.exists() {
        let mut opts = leaflint::check::CheckOptions {
            paths: vec![dir.to_path_buf()],
            ..Default::default()
        };
        let inputs = leaflint::config::RunInputs {
            config: Some(&config),
            ..Default::default()
        };
        leaflint::config::prepare(&mut opts, &inputs)
            .unwrap_or_else(|e| panic!("{}: {e}", config.display()));
        leaflint::check::check(&opts)
    } else {
        check_path(dir)
    }
    .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut found = Expected::new();
    for f in outcome.findings {
        let id = f.message_id.clone().unwrap_or_else(|| "-".into());
        *found
            .entry((f.rule.to_string(), f.locale, id, f.line))
            .or_default() += 1;
    }
    found
}

#[test]
fn every_fixture_fires_exactly_what_its_markers_say() {
    let mut failures = Vec::new();
    let dirs = fixture_dirs();
    assert!(dirs.len() >= 5, "fixtures/ should hold the rule fixtures");
    for dir in dirs {
        let expected = expectations(&dir);
        let found = actual(&dir);
        if expected != found {
            let mut msg = format!("fixture {}:\n", dir.display());
            for (k, n) in &expected {
                if found.get(k) != Some(n) {
                    msg += &format!("  expected {n}× {k:?}, found {:?}\n", found.get(k));
                }
            }
            for (k, n) in &found {
                if !expected.contains_key(k) {
                    msg += &format!("  unexpected {n}× {k:?}\n");
                }
            }
            failures.push(msg);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_fixture_that_fires_it() {
    let mut fired = std::collections::HashSet::new();
    for dir in fixture_dirs() {
        for (rule, ..) in expectations(&dir).keys() {
            fired.insert(rule.clone());
        }
    }
    // io-error needs an unreadable file, which git cannot store: tests/cli.rs makes one;
    // internal-error needs a panic, which src/check.rs's unit tests cause.
    let missing: Vec<&str> = leaflint::rules::registry()
        .iter()
        .map(|r| r.meta().id)
        .filter(|id| !["io-error", "internal-error"].contains(id) && !fired.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules with no firing fixture: {missing:?}"
    );
}

#[test]
fn the_shipped_leaflet_is_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let outcome = check_path(&root).unwrap();
    let list: Vec<String> = outcome
        .findings
        .iter()
        .map(|f| format!("{}:{} {} {}", f.file, f.line, f.rule, f.message))
        .collect();
    assert!(list.is_empty(), "{}", list.join("\n"));
    assert!(outcome.summary.messages >= 120);
}
