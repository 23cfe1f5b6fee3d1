//! Path mistakes get a hint on stderr and exit 2: a file or a locale directory given as the
//! tree, a misspelt path, and a tree with several English locales and no `en`.

mod common;
use common::{leaflint, write_files};

fn tree() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("locales/en/leaflet.ftl", "hello = Hello\n"),
            ("locales/sv/leaflet.ftl", "hello = Hej\n"),
        ],
    );
    tmp
}

fn fails_with(dir: &std::path::Path, args: &[&str], error: &str) {
    let out = leaflint(dir, args);
    assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
    assert_eq!(out.stdout, "", "{args:?}");
    let first = out.stderr.lines().find(|l| l.contains(error));
    assert!(
        first.is_some(),
        "{args:?}: wanted `{error}` in\n{}",
        out.stderr
    );
}

#[test]
fn a_file_given_as_the_tree_names_its_tree() {
    let t = tree();
    fails_with(
        t.path(),
        &["check", "locales/en/leaflet.ftl"],
        "`locales/en/leaflet.ftl` is a file, not a tree of locale directories: check the tree that holds it, `locales`",
    );
}

#[test]
fn a_locale_directory_given_as_the_tree_names_its_tree() {
    let t = tree();
    fails_with(
        t.path(),
        &["check", "locales/en"],
        "`locales/en` is the directory of locale `en`, not a tree of locale directories: check the tree that holds it, `locales`",
    );
}

#[test]
fn a_misspelt_path_suggests_its_sibling() {
    let t = tree();
    fails_with(
        t.path(),
        &["check", "locale"],
        "path `locale` does not exist; did you mean `locales`?",
    );
    // Nothing close: no suggestion.
    let out = leaflint(t.path(), &["check", "translations"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("path `translations` does not exist")
            && !out.stderr.contains("did you mean"),
        "{}",
        out.stderr
    );
}

#[test]
fn several_english_locales_and_no_en_ask_for_a_reference() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("locales/en-GB/a.ftl", "hello = Hello\n"),
            ("locales/en-US/a.ftl", "hello = Hello\n"),
            ("locales/sv/a.ftl", "hello = Hej\n"),
        ],
    );
    fails_with(
        tmp.path(),
        &["check", "locales"],
        "no reference locale `en` in `locales` (locales found: en-GB, en-US, sv); it has several English locales (`en-GB`, `en-US`): choose the reference with `--reference en-GB` or `reference = \"en-GB\"` in `leaflint.toml`",
    );
    // With the reference chosen, it runs (en-US is then a translation).
    let out = leaflint(tmp.path(), &["check", "locales", "--reference", "en-GB"]);
    assert_ne!(out.code, 2, "{}", out.stderr);
}
