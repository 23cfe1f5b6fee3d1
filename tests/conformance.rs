//! leaflint's verdict on every case of `tests/fluent_conformance.txt`, a table of valid and
//! invalid forms of each production of the Fluent grammar: valid Fluent never gets a
//! `parse-error`, invalid Fluent always does. `fuzz/differential.py` checks the same table
//! against the reference parser (Python's `fluent.syntax`).

use std::collections::{BTreeMap, BTreeSet};

use leaflint::check::check_path;

struct Case {
    valid: bool,
    production: String,
    what: String,
    source: String,
}

fn cases() -> Vec<Case> {
    let table = include_str!("fluent_conformance.txt");
    let mut out: Vec<Case> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let flush = |out: &mut Vec<Case>, lines: &mut Vec<&str>| {
        if let Some(c) = out.last_mut() {
            let mut body = lines.join("\n");
            body = match body.strip_suffix("<NOEOL>") {
                Some(b) => b.to_string(),
                None => body + "\n",
            };
            c.source = body
                .replace("<TAB>", "\t")
                .replace("<CR>", "\r")
                .replace("<SP>", " ");
        }
        lines.clear();
    };
    for line in table.split('\n') {
        if let Some(head) = line.strip_prefix("=== ") {
            flush(&mut out, &mut lines);
            let (verdict, rest) = head.split_once(' ').expect("=== verdict production: what");
            let (production, what) = rest.split_once(": ").expect("production: what");
            assert!(
                verdict == "valid" || verdict == "invalid",
                "bad verdict in `{line}`"
            );
            out.push(Case {
                valid: verdict == "valid",
                production: production.to_string(),
                what: what.to_string(),
                source: String::new(),
            });
        } else if !out.is_empty() {
            lines.push(line);
        }
    }
    flush(&mut out, &mut lines);
    // The file's last line ends with a newline: the split leaves one empty line too many.
    if let Some(c) = out.last_mut() {
        if c.source.ends_with("\n\n") {
            c.source.pop();
        }
    }
    out
}

#[test]
fn every_production_has_valid_and_invalid_forms() {
    let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for c in cases() {
        let e = seen.entry(c.production).or_default();
        if c.valid {
            e.0 += 1
        } else {
            e.1 += 1
        }
    }
    // Any text is a resource, and junk is invalid by definition.
    let one_sided: BTreeSet<&str> = ["Resource", "Junk"].into();
    for (production, (valid, invalid)) in &seen {
        if one_sided.contains(production.as_str()) {
            continue;
        }
        assert!(
            *valid > 0 && *invalid > 0,
            "{production}: {valid} valid and {invalid} invalid cases"
        );
    }
    let expected = [
        "Attribute",
        "CommentLine",
        "FunctionReference",
        "Identifier",
        "Message",
        "MessageReference",
        "NumberLiteral",
        "Pattern",
        "Placeable",
        "SelectExpression",
        "StringLiteral",
        "Term",
        "TermReference",
        "VariableReference",
        "Variant",
        "VariantKey",
    ];
    for p in expected {
        assert!(seen.contains_key(p), "no case for {p}");
    }
}

#[test]
fn leaflint_agrees_with_the_table() {
    let cases = cases();
    assert!(cases.len() > 100);
    let dir = tempfile::tempdir().unwrap();
    for locale in ["en", "sv"] {
        std::fs::create_dir_all(dir.path().join(locale)).unwrap();
        for (i, c) in cases.iter().enumerate() {
            let path = dir.path().join(locale).join(format!("case-{i:03}.ftl"));
            std::fs::write(path, &c.source).unwrap();
        }
    }
    let outcome = check_path(dir.path()).unwrap();
    let mut invalid: BTreeSet<String> = BTreeSet::new();
    for f in &outcome.findings {
        if f.rule == "parse-error" && f.locale == "en" {
            let name = std::path::Path::new(&f.file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            invalid.insert(name);
        }
    }
    let mut wrong = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let found_invalid = invalid.contains(&format!("case-{i:03}.ftl"));
        if found_invalid == c.valid {
            wrong.push(format!(
                "case-{i:03} {} {}: {} ({:?}) — leaflint says {}",
                if c.valid { "valid" } else { "invalid" },
                c.production,
                c.what,
                c.source,
                if found_invalid { "invalid" } else { "valid" }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
