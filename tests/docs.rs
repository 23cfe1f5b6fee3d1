//! Every registered rule is documented in `docs/rules/<id>.md`, and the Fluent examples in its
//! page do what the page says: the `## Example` files make the rule fire, and the same tree with
//! the `## Use instead` files swapped in does not.

use std::collections::BTreeMap;
use std::path::Path;

use leaflint::check::check_path;
use leaflint::rules::registry;

const SECTIONS: [&str; 4] = [
    "## What it does",
    "## Why it matters",
    "## Example",
    "## Use instead",
];

/// The text of one `## ` section (up to the next `## ` heading), if the page has it.
fn section<'a>(doc: &'a str, heading: &str) -> Option<&'a str> {
    let start = doc.lines().position(|l| l.trim_end() == heading)?;
    let body: Vec<&str> = doc
        .lines()
        .skip(start + 1)
        .take_while(|l| !l.starts_with("## "))
        .collect();
    // Lines borrow from `doc`: return the slice from the first to the end of the last.
    let text = body.join("\n");
    let at = doc.find(&text)?;
    Some(&doc[at..at + text.len()])
}

/// The ```` ```ftl <path> ```` fences of a section: path → contents.
fn ftl_fences(section: &str) -> BTreeMap<String, String> {
    let mut fences = BTreeMap::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut words = info.split_whitespace();
        let is_ftl = words.next() == Some("ftl");
        let path = words.next();
        let mut body = String::new();
        for l in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        if let (true, Some(path)) = (is_ftl, path) {
            assert!(
                !fences.contains_key(path),
                "fence `{path}` given twice in one section"
            );
            fences.insert(path.to_string(), body);
        }
    }
    fences
}

fn write_tree(root: &Path, files: &BTreeMap<String, String>) {
    for (path, text) in files {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
}

/// Every finding of a tree as `rule file:line message`.
fn findings(root: &Path) -> Vec<(String, String)> {
    let outcome = check_path(root).unwrap_or_else(|e| panic!("{e}"));
    outcome
        .findings
        .iter()
        .map(|f| {
            let file = f.file.replace(&root.display().to_string(), "");
            (
                f.rule.to_string(),
                format!("{} {file}:{} {}", f.rule, f.line, f.message),
            )
        })
        .collect()
}

#[test]
fn every_rule_has_a_complete_doc_page() {
    let mut problems = Vec::new();
    for rule in registry() {
        let meta = rule.meta();
        let id = meta.id;
        if meta.doc.trim().is_empty() {
            problems.push(format!("{id}: empty doc"));
            continue;
        }
        if !meta.doc.starts_with(&format!("# `{id}`\n")) {
            problems.push(format!("{id}: the page does not start with \"# `{id}`\""));
        }
        let severity = format!("Default severity: **{}**", meta.severity);
        if !meta.doc.contains(&severity) {
            problems.push(format!("{id}: the page does not say `{severity}`"));
        }
        for heading in SECTIONS {
            match section(meta.doc, heading) {
                Some(body) if !body.trim().is_empty() => {}
                Some(_) => problems.push(format!("{id}: `{heading}` is empty")),
                None => problems.push(format!("{id}: no `{heading}` section")),
            }
        }
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/rules")
            .join(format!("{id}.md"));
        match std::fs::read_to_string(&file) {
            Ok(text) if text == meta.doc => {}
            Ok(_) => problems.push(format!(
                "{id}: RuleMeta.doc is not the text of {}",
                file.display()
            )),
            Err(e) => problems.push(format!("{id}: {}: {e}", file.display())),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_doc_page_for_an_unknown_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let ids: Vec<&str> = registry().iter().map(|r| r.meta().id).collect();
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        match name.strip_suffix(".md") {
            Some(id) if ids.contains(&id) => {}
            _ => stale.push(name),
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules holds pages for no registered rule: {stale:?}"
    );
}

#[test]
fn doc_examples_fire_and_their_fixes_do_not() {
    let mut problems = Vec::new();
    let mut tried = 0;
    for rule in registry() {
        let meta = rule.meta();
        let id = meta.id;
        let example = ftl_fences(section(meta.doc, "## Example").unwrap_or(""));
        if example.is_empty() {
            // io-error: an unreadable file cannot be shown as a Fluent example.
            continue;
        }
        tried += 1;
        let dir = tempfile::tempdir().unwrap();
        write_tree(dir.path(), &example);
        let before = findings(dir.path());
        if !before.iter().any(|(r, _)| r == id) {
            let all: Vec<&str> = before.iter().map(|(_, f)| f.as_str()).collect();
            problems.push(format!(
                "{id}: the `## Example` does not fire it; found: {all:?}"
            ));
        }
        // The fix replaces the example's files with the same paths, or adds the missing ones.
        let fixed = ftl_fences(section(meta.doc, "## Use instead").unwrap_or(""));
        if fixed.is_empty() {
            // The fix is to delete something (obsolete-file): said in prose.
            continue;
        }
        write_tree(dir.path(), &fixed);
        let after = findings(dir.path());
        let still: Vec<&str> = after
            .iter()
            .filter(|(r, _)| r == id)
            .map(|(_, f)| f.as_str())
            .collect();
        if !still.is_empty() {
            problems.push(format!("{id}: `## Use instead` still fires it: {still:?}"));
        }
    }
    assert!(tried >= 12, "only {tried} rules have example fences");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn fences_are_read_with_their_paths() {
    let doc = "## Example\n```ftl en/a.ftl\nx = 1\n```\ntext\n```ftl sv/a.ftl\nx = 2\n```\n## Use instead\n```ftl sv/a.ftl\nx = 3\n```\n";
    let ex = ftl_fences(section(doc, "## Example").unwrap());
    assert_eq!(ex.len(), 2);
    assert_eq!(ex["sv/a.ftl"], "x = 2\n");
    let fix = ftl_fences(section(doc, "## Use instead").unwrap());
    assert_eq!(fix.keys().collect::<Vec<_>>(), vec!["sv/a.ftl"]);
}
