//! Arbitrary bytes as a translation of the shipped sample leaflet, with every rule on and the
//! findings rendered in the human and JSON formats.
//!
//! The first byte picks the translation's locale (`sv` or `zh`) and the file it replaces; the rest
//! is the file's content. Seed the corpus with `locales/sv/*.ftl` and `locales/zh/*.ftl`.

#![no_main]

use leaflint::check::check_tree_with;
use leaflint::project::Tree;
use leaflint::report::{write_report, Format, ReportOptions};
use leaflint::settings::Settings;
use libfuzzer_sys::fuzz_target;

const REFERENCE: &[(&str, &str)] = &[
    ("brands.ftl", include_str!("../../locales/en/brands.ftl")),
    ("leaflet.ftl", include_str!("../../locales/en/leaflet.ftl")),
    ("mechanism.ftl", include_str!("../../locales/en/mechanism.ftl")),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let tag = if selector & 1 == 0 { "sv" } else { "zh" };
    let rel = REFERENCE[usize::from(selector >> 1) % REFERENCE.len()].0;
    let mut files: Vec<(String, String, Vec<u8>)> = REFERENCE
        .iter()
        .map(|(rel, text)| ("en".into(), rel.to_string(), text.as_bytes().to_vec()))
        .collect();
    files.push((tag.into(), rel.into(), content.to_vec()));
    let tree = Tree::from_memory("en", files).expect("the reference is there");
    let outcome = check_tree_with(&tree, &Settings::default(), true);
    for format in [Format::Human, Format::Json] {
        let mut out = Vec::new();
        let opts = ReportOptions {
            color: true,
            quiet: false,
        };
        write_report(format, opts, &outcome, &mut out).expect("writing to memory");
    }
});
