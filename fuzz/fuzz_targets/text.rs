//! Arbitrary strings to the numeric extractor and comparison, the language signals and model,
//! and, as the value of one message, to every rule (numbers, scripts and languages included).

#![no_main]

use leaflint::check::check_tree;
use leaflint::lang::detect::{self, Lang, Signals};
use leaflint::lang::script;
use leaflint::numeric::{compare, extract_str, table_for};
use leaflint::project::Tree;
use leaflint::settings::Settings;
use libfuzzer_sys::fuzz_target;

/// `text` as the value of message `msg`: braces escaped, every line indented, so that most inputs
/// parse and reach the rules instead of stopping at `parse-error`.
fn message(text: &str) -> Vec<u8> {
    let mut value = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            value.push_str("\n    ");
        }
        for c in line.chars() {
            match c {
                '{' => value.push_str("{\"{\"}"),
                '}' => value.push_str("{\"}\"}"),
                '\r' => {}
                c => value.push(c),
            }
        }
    }
    format!("-brand = Olumiant\nmsg = {value}\n").into_bytes()
}

fuzz_target!(|input: (u8, &str, &str)| {
    let (selector, reference, translation) = input;
    let tag = ["sv", "zh", "sv-SE", "zh-TW"][usize::from(selector % 4)];

    // Numbers: every table on both strings, then the comparison a rule makes.
    for table in ["en", "sv", "zh", "de"] {
        let _ = extract_str(translation, table_for(table));
    }
    let r = extract_str(reference, table_for("en"));
    let t = extract_str(translation, table_for(tag));
    for d in compare(&r, &t) {
        let _ = format!("{d:?}");
    }

    // Language and script facts.
    let signals = Signals::of(translation.split_whitespace());
    let _ = (signals.likely(), signals.suggest(Lang::English));
    if selector & 0x80 != 0 && translation.len() < 4096 {
        let c = detect::confidence(translation, Lang::Swedish);
        assert!((0.0..=1.0).contains(&c), "confidence {c}");
    }
    for c in translation.chars() {
        let _ = (script::cjk(c), script::family(c), script::invisible(c));
        let _ = script::latin_lookalike(c);
    }

    // Every rule on a message holding the strings.
    let files = vec![
        ("en".into(), "leaflet.ftl".into(), message(reference)),
        (tag.into(), "leaflet.ftl".into(), message(translation)),
    ];
    let tree = Tree::from_memory("en", files).expect("the reference is there");
    let _ = check_tree(&tree, &Settings::default());
});
