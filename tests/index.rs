//! The symbol index's line scan against the parser (proptest): on any text built from
//! Fluent-shaped lines, every message and term `fluent-syntax` finds is in the scan on the same
//! line, with its attributes (a syntax error can cost the parser an attribute the scan still
//! sees), and on text the parser accepts without an error the two agree exactly.

use fluent_syntax::ast::Entry;
use leaflint::index::outline;
use proptest::prelude::*;

/// Lines of every kind the scan must tell apart, valid and broken.
fn line() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "dose = Take { $n } tablets",
        "dose = Take one tablet",
        "-brand = Olumiant",
        "-drug = { $case ->",
        "other-id = x",
        "empty =",
        "  .title = Read this",
        "    .label = Label",
        "    continued text",
        "    { $count ->",
        "        [one] one tablet",
        "       *[other] { $count } tablets",
        "    }",
        "}",
        "*[other] at column zero",
        "# a comment",
        "## a group comment",
        "",
        "   ",
        "no equals sign here",
        "9lives = not an id",
        "- = junk",
        ".attr = at column zero",
        "broken = { $x",
        "\tindented with a tab",
        "id=tight",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..24).prop_map(|lines| {
        let mut s = lines.join("\n");
        s.push('\n');
        s
    })
}

/// (id, line, attributes) of every message and term the parser finds.
fn parsed(text: &str) -> (Vec<(String, usize, Vec<String>)>, bool) {
    let (resource, clean) = match fluent_syntax::parser::parse(text) {
        Ok(r) => (r, true),
        Err((r, _)) => (r, false),
    };
    let line_of = |s: &str| {
        let at = s.as_ptr() as usize - text.as_ptr() as usize;
        text[..at].matches('\n').count() + 1
    };
    let entries = resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some((
                m.id.name.to_string(),
                line_of(m.id.name),
                m.attributes.iter().map(|a| a.id.name.to_string()).collect(),
            )),
            Entry::Term(t) => Some((
                format!("-{}", t.id.name),
                line_of(t.id.name),
                t.attributes.iter().map(|a| a.id.name.to_string()).collect(),
            )),
            _ => None,
        })
        .collect();
    (entries, clean)
}

fn scanned(text: &str) -> Vec<(String, usize, Vec<String>)> {
    outline(text)
        .entries()
        .into_iter()
        .map(|(id, line, attrs)| {
            (
                id.to_string(),
                line,
                attrs.into_iter().map(str::to_string).collect(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_scan_finds_every_entry_the_parser_finds(text in text()) {
        let (parsed, clean) = parsed(&text);
        let scanned = scanned(&text);
        for (id, line, attrs) in &parsed {
            let found = scanned.iter().find(|(i, l, _)| i == id && l == line);
            prop_assert!(found.is_some(), "{id} on line {line} missing from {scanned:?}");
            let (_, _, seen) = found.unwrap();
            for a in attrs {
                prop_assert!(seen.contains(a), "{id}.{a} missing from {scanned:?}");
            }
        }
        if clean {
            prop_assert_eq!(&scanned, &parsed);
        }
    }
}

#[test]
fn a_multiline_select_with_attributes_is_one_entry() {
    let text = "count =\n    { $n ->\n        [one] one\n       *[other] many\n    }\n    .title = T\nnext = x\n";
    assert_eq!(
        scanned(text),
        vec![
            ("count".to_string(), 1, vec!["title".to_string()]),
            ("next".to_string(), 7, vec![]),
        ]
    );
    assert_eq!(parsed(text).0, scanned(text));
}
