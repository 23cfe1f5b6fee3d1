//! Files a real tree can hold by accident: wrong encodings, line endings, junk, things that are
//! not files at all. None may panic, each gives exactly the findings listed, and the rest of the
//! tree is still checked.

use std::path::Path;

use leaflint::check::check_path;
use leaflint::project::LoadError;
use tempfile::TempDir;

const EN: &str = "dose-adult = Take 4 mg once a day.\ndose-kidney = If your kidneys do not work well, take 2 mg once a day.\n";
const SV: &str = "dose-adult = Ta 4 mg en gång om dagen.\ndose-kidney = Om dina njurar inte fungerar som de ska, ta 2 mg en gång om dagen.\n";
/// Chinese without `dose-kidney`: the "rest of the tree" that must still be checked.
const ZH_MISSING: &str = "dose-adult = 每天服用一次，每次 4 mg。\n";

/// A temporary tree with `files` (raw bytes) under it.
fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, bytes).unwrap();
    }
    dir
}

/// (rule, locale, file relative to the tree, message id or `-`, line, column)
type Found = (String, String, String, String, usize, usize);

fn findings(root: &Path) -> Vec<Found> {
    rows(&check_path(root).unwrap_or_else(|e| panic!("{e}")), root)
}

fn rows(outcome: &leaflint::check::Outcome, root: &Path) -> Vec<Found> {
    let prefix = format!("{}/", root.display());
    outcome
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.locale.clone(),
                f.file.strip_prefix(&prefix).unwrap_or(&f.file).to_string(),
                f.message_id.clone().unwrap_or_else(|| "-".into()),
                f.line,
                f.column,
            )
        })
        .collect()
}

fn found(rule: &str, locale: &str, file: &str, id: &str, line: usize, column: usize) -> Found {
    (
        rule.into(),
        locale.into(),
        file.into(),
        id.into(),
        line,
        column,
    )
}

/// The finding the rest of the tree must still produce.
fn zh_missing_kidney() -> Found {
    found(
        "missing-message",
        "zh",
        "zh/leaflet.ftl",
        "dose-kidney",
        2,
        1,
    )
}

#[test]
fn invalid_utf8_is_a_parse_error_at_its_position() {
    // `å` in Latin-1: a lone 0xE5 byte.
    let sv = b"dose-adult = Ta 4 mg en g\xE5ng om dagen.\ndose-kidney = Om dina njurar inte fungerar som de ska, ta 2 mg en g\xC3\xA5ng om dagen.\n";
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", sv),
        ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
    ]);
    assert_eq!(
        findings(t.path()),
        vec![
            // Column 26: the 25 characters before the bad byte, then it.
            found("parse-error", "sv", "sv/leaflet.ftl", "-", 1, 26),
            zh_missing_kidney(),
        ]
    );
    let outcome = check_path(t.path()).unwrap();
    let f = &outcome.findings[0];
    assert!(f.message.contains("not valid UTF-8"), "{}", f.message);
    assert!(f.message.contains("offset 25"), "{}", f.message);
    assert_eq!(f.severity, leaflint::diagnostic::Severity::Error);
}

#[test]
fn invalid_utf8_after_a_bom_counts_bytes_on_disk() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        (
            "sv/leaflet.ftl",
            b"\xEF\xBB\xBFdose-adult = Ta 4 mg en g\xE5ng om dagen.\ndose-kidney = Om njurarna inte fungerar, ta 2 mg.\n",
        ),
    ]);
    assert_eq!(
        findings(t.path()),
        vec![found("parse-error", "sv", "sv/leaflet.ftl", "-", 1, 26)]
    );
    let outcome = check_path(t.path()).unwrap();
    assert!(
        outcome.findings[0].message.contains("offset 28"),
        "{}",
        outcome.findings[0].message
    );
}

#[test]
fn a_bom_is_not_a_finding_and_does_not_shift_columns() {
    let sv = "\u{feff}dose-adult = Ta 4 mg en gång om dagen.\ndose-kidney = Om njurarna inte fungerar, ta { $cuont } mg.\n";
    let en = "\u{feff}dose-adult = Take 4 mg once a day.\ndose-kidney = If your kidneys do not work well, take { $count } mg.\n";
    let t = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    let col = "dose-kidney = Om njurarna inte fungerar, ta { "
        .chars()
        .count()
        + 1;
    assert_eq!(
        findings(t.path()),
        vec![found(
            "variable-mismatch",
            "sv",
            "sv/leaflet.ftl",
            "dose-kidney",
            2,
            col
        )]
    );
    // On the first line too: the BOM is not a column.
    let t = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        (
            "sv/leaflet.ftl",
            "\u{feff}dose-adult = Ta 4 mg { $cuont } gånger om dagen.\ndose-kidney = Om njurarna inte fungerar, ta { $count } mg.\n"
                .as_bytes(),
        ),
    ]);
    // `dose-adult` in en has no variable at all: `$cuont` is an error with no suggestion.
    assert_eq!(
        findings(t.path()),
        vec![found(
            "variable-mismatch",
            "sv",
            "sv/leaflet.ftl",
            "dose-adult",
            1,
            24
        )]
    );
}

#[test]
fn crlf_line_endings_give_the_same_findings_as_lf() {
    let en = "\
-brand = Olumiant
dose-adult = Take 4 mg of { -brand } once a day.
dose-kidney =
    If your kidneys do not work well,
    take 2 mg once a day.
    .title = Kidney problems
tablets-left = { $count ->
    [one] One tablet is left.
   *[other] { $count } tablets are left.
}
storage = Store below 30 °C.
";
    let sv = "\
-brand = Olumiant
dose-adult = Ta 4 mg { -brand } en gång om dagen.
dose-kidney =
    Om dina njurar inte fungerar som de ska,
    ta 2 mg en gång om dagen.
    .title = Njurproblem
tablets-left = { $count ->
    [one] En tablett finns kvar.
   *[other] { $cuont } tabletter finns kvar.
}
storage = Förvaras vid högst 30 °C.
";
    let lf = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    let expected = vec![found(
        "variable-mismatch",
        "sv",
        "sv/leaflet.ftl",
        "tablets-left",
        9,
        15,
    )];
    assert_eq!(findings(lf.path()), expected);
    // The translation in CRLF against the LF reference, then both in CRLF.
    let sv_crlf = sv.replace('\n', "\r\n");
    let en_crlf = en.replace('\n', "\r\n");
    let mixed = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        ("sv/leaflet.ftl", sv_crlf.as_bytes()),
    ]);
    assert_eq!(findings(mixed.path()), expected);
    let both = tree(&[
        ("en/leaflet.ftl", en_crlf.as_bytes()),
        ("sv/leaflet.ftl", sv_crlf.as_bytes()),
    ]);
    assert_eq!(findings(both.path()), expected);
    // Entry texts in the report carry no stray `\r`.
    let outcome = check_path(both.path()).unwrap();
    let text = outcome.findings[0].text.as_deref().unwrap();
    assert!(text.starts_with("tablets-left = { $count ->"), "{text:?}");
    assert!(!text.ends_with('\r'), "{text:?}");
    // And the reference locale alone in CRLF is clean.
    let clean = tree(&[
        ("en/leaflet.ftl", en_crlf.as_bytes()),
        ("sv/leaflet.ftl", sv.replace("$cuont", "$count").as_bytes()),
    ]);
    assert_eq!(findings(clean.path()), vec![]);
}

#[test]
fn an_empty_file_lacks_every_message_but_is_not_missing() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("en/empty.ftl", b""),
        ("sv/leaflet.ftl", b""),
        ("sv/empty.ftl", b""),
    ]);
    assert_eq!(
        findings(t.path()),
        vec![
            found(
                "missing-message",
                "sv",
                "sv/leaflet.ftl",
                "dose-adult",
                1,
                1
            ),
            found(
                "missing-message",
                "sv",
                "sv/leaflet.ftl",
                "dose-kidney",
                1,
                1
            ),
        ]
    );
}

#[test]
fn a_file_of_junk_is_one_parse_error() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        (
            "sv/leaflet.ftl",
            b"Det h\xC3\xA4r \xC3\xA4r ingen Fluent-fil.\n!!! ??? {{{\n\n<html><body>\n",
        ),
        ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
    ]);
    assert_eq!(
        findings(t.path()),
        vec![
            // Where the missing messages would go: the start of the file.
            found(
                "missing-message",
                "sv",
                "sv/leaflet.ftl",
                "dose-adult",
                1,
                1
            ),
            found(
                "missing-message",
                "sv",
                "sv/leaflet.ftl",
                "dose-kidney",
                1,
                1
            ),
            // `Det` reads as an id without `=`; everything after it up to the end is junk.
            found("parse-error", "sv", "sv/leaflet.ftl", "Det", 1, 5),
            zh_missing_kidney(),
        ]
    );
}

#[test]
fn a_file_of_nul_bytes_is_a_parse_error() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", &[0u8; 300]),
        ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
    ]);
    assert_eq!(
        findings(t.path()),
        vec![
            found(
                "missing-message",
                "sv",
                "sv/leaflet.ftl",
                "dose-adult",
                1,
                1
            ),
            found(
                "missing-message",
                "sv",
                "sv/leaflet.ftl",
                "dose-kidney",
                1,
                1
            ),
            found("parse-error", "sv", "sv/leaflet.ftl", "-", 1, 1),
            zh_missing_kidney(),
        ]
    );
}

#[test]
fn files_that_are_not_ftl_are_ignored() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("en/README.md", b"# Notes for translators\n"),
        ("sv/leaflet.ftl", SV.as_bytes()),
        ("sv/leaflet.ftl.orig", b"dose-old = kvar sedan tidigare\n"),
        ("sv/notes.txt", b"\xFF\xFE not even text"),
        ("sv/ftl", b"dose-old = utan filnamnstill\xC3\xA4gg\n"),
    ]);
    assert_eq!(findings(t.path()), vec![]);
    assert_eq!(check_path(t.path()).unwrap().summary.files, 2);
}

#[test]
fn a_directory_named_like_a_file_is_not_read() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", SV.as_bytes()),
        ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
    ]);
    std::fs::create_dir_all(t.path().join("en/extra.ftl")).unwrap();
    std::fs::create_dir_all(t.path().join("sv/extra.ftl")).unwrap();
    // A real file inside such a directory is a file like any other.
    std::fs::write(
        t.path().join("sv/extra.ftl/more.ftl"),
        "dose-old = Ta 2 mg.\n",
    )
    .unwrap();
    assert_eq!(
        findings(t.path()),
        vec![
            found("obsolete-file", "sv", "sv/extra.ftl/more.ftl", "-", 1, 1),
            zh_missing_kidney(),
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_an_io_error_and_the_rest_is_checked() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("en/storage.ftl", b"storage = Store below 30 \xC2\xB0C.\n"),
        (
            "sv/storage.ftl",
            "storage = Förvaras vid högst 30 °C.\n".as_bytes(),
        ),
        ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
        (
            "zh/storage.ftl",
            "storage = 请在 30 °C 以下保存。\n".as_bytes(),
        ),
    ]);
    // Running as root, permissions do not stop reads: a link to nothing does.
    std::os::unix::fs::symlink("nowhere.ftl", t.path().join("sv/leaflet.ftl")).unwrap();
    let got = findings(t.path());
    assert_eq!(
        got,
        vec![
            // Not also a missing file: the file is there, it cannot be read.
            found("io-error", "sv", "sv/leaflet.ftl", "-", 1, 1),
            zh_missing_kidney(),
        ],
    );
    let outcome = check_path(t.path()).unwrap();
    let io = &outcome.findings[0];
    assert_eq!(
        io.message,
        "cannot read: it is a symbolic link to `nowhere.ftl`, which does not exist"
    );
    assert_eq!(io.severity, leaflint::diagnostic::Severity::Error);
}

#[cfg(unix)]
#[test]
fn broken_links_are_reported_only_where_fluent_files_go() {
    let t = tree(&[
        ("en/storage.ftl", b"storage = Store below 30 \xC2\xB0C.\n"),
        ("sv/leaflet.ftl", SV.as_bytes()),
        (
            "sv/storage.ftl",
            "storage = Förvaras vid högst 30 °C.\n".as_bytes(),
        ),
    ]);
    // The reference file is the broken one: the Swedish file is not obsolete because of it.
    std::os::unix::fs::symlink("gone.ftl", t.path().join("en/leaflet.ftl")).unwrap();
    // A broken link that is not a Fluent file is none of leaflint's business.
    std::os::unix::fs::symlink("gone.txt", t.path().join("sv/notes.txt")).unwrap();
    std::os::unix::fs::symlink("gone", t.path().join("sv/README")).unwrap();
    assert_eq!(
        findings(t.path()),
        vec![found("io-error", "en", "en/leaflet.ftl", "-", 1, 1)],
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_io_error_and_the_rest_is_checked() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", SV.as_bytes()),
        ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
    ]);
    std::fs::create_dir_all(t.path().join("sv/sub")).unwrap();
    std::os::unix::fs::symlink("..", t.path().join("sv/sub/up")).unwrap();
    // Two links pointing at each other.
    std::os::unix::fs::symlink("b.ftl", t.path().join("zh/a.ftl")).unwrap();
    std::os::unix::fs::symlink("a.ftl", t.path().join("zh/b.ftl")).unwrap();
    let got = findings(t.path());
    assert_eq!(
        got,
        vec![
            found("io-error", "sv", "sv/sub/up", "-", 1, 1),
            found("io-error", "zh", "zh/a.ftl", "-", 1, 1),
            found("io-error", "zh", "zh/b.ftl", "-", 1, 1),
            zh_missing_kidney(),
        ],
    );
    let outcome = check_path(t.path()).unwrap();
    assert!(
        outcome.findings[0].message.contains("symbolic link loop"),
        "{}",
        outcome.findings[0].message
    );
}

#[test]
fn a_missing_path_is_a_load_error_naming_it() {
    let t = tempfile::tempdir().unwrap();
    let missing = t.path().join("no-such-tree");
    match check_path(&missing) {
        Err(e @ LoadError::Missing(_)) => {
            assert!(e.to_string().contains("no-such-tree"), "{e}");
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a missing path was checked"),
    }
    // Empty locale directories: nothing to compare, said as such (exit 2), and no crash.
    std::fs::create_dir_all(t.path().join("tree/en")).unwrap();
    std::fs::create_dir_all(t.path().join("tree/sv")).unwrap();
    match check_path(&t.path().join("tree")) {
        Err(e @ LoadError::NoTranslations { .. }) => {
            assert!(e.to_string().contains("no translations to compare"), "{e}");
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a tree without translations was checked"),
    }
}

#[test]
fn a_file_gone_between_indexing_and_checking_is_an_io_error_and_the_rest_is_checked() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", SV.as_bytes()),
        ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
    ]);
    // The tree is indexed when it is loaded and each path is read again when it is checked: a
    // file deleted in between (a checkout running alongside) is reported, not a crash.
    let tree = leaflint::project::Tree::load(t.path(), &Default::default()).unwrap();
    std::fs::remove_file(t.path().join("sv/leaflet.ftl")).unwrap();
    let outcome = leaflint::check::check_tree(&tree, &Default::default());
    assert_eq!(
        rows(&outcome, t.path()),
        vec![
            found("io-error", "sv", "sv/leaflet.ftl", "-", 1, 1),
            zh_missing_kidney(),
        ]
    );
    assert!(outcome.findings[0].message.starts_with("cannot read: "));

    // The reference file gone: its io-error, not an obsolete file in every translation.
    let tree = leaflint::project::Tree::load(t.path(), &Default::default()).unwrap();
    std::fs::remove_file(t.path().join("en/leaflet.ftl")).unwrap();
    let outcome = leaflint::check::check_tree(&tree, &Default::default());
    let rules: Vec<(&str, &str)> = outcome
        .findings
        .iter()
        .map(|f| (f.rule, f.locale.as_str()))
        .collect();
    assert_eq!(rules, vec![("io-error", "en")]);
}

/// `text` in UTF-16 (little or big endian), with or without a byte-order mark.
fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if little { b"\xFF\xFE" } else { b"\xFE\xFF" });
    }
    for u in text.encode_utf16() {
        out.extend_from_slice(&if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

#[test]
fn a_utf16_file_is_one_finding_and_the_rest_is_checked() {
    for (little, bom) in [(true, true), (false, true), (true, false), (false, false)] {
        let sv = utf16(SV, little, bom);
        let t = tree(&[
            ("en/leaflet.ftl", EN.as_bytes()),
            ("sv/leaflet.ftl", &sv),
            ("zh/leaflet.ftl", ZH_MISSING.as_bytes()),
        ]);
        let outcome = check_path(t.path()).unwrap();
        assert_eq!(
            rows(&outcome, t.path()),
            vec![
                found("io-error", "sv", "sv/leaflet.ftl", "-", 1, 1),
                zh_missing_kidney(),
            ],
            "little endian {little}, mark {bom}"
        );
        let want = if little { "UTF-16 LE" } else { "UTF-16 BE" };
        let m = &outcome.findings[0].message;
        assert!(
            m.contains(&format!("not UTF-8: it looks like {want}")),
            "{m}"
        );
    }
}

#[test]
fn what_only_looks_wide_is_read_as_utf8() {
    // NUL bytes everywhere, a few NULs in UTF-8 text, and a short file are no UTF-16.
    let nuls = vec![0u8; 64];
    let mut some = SV.as_bytes().to_vec();
    some.splice(10..10, [0u8, 0, 0]);
    for sv in [nuls.as_slice(), some.as_slice(), b"a\0b\0"] {
        let t = tree(&[("en/leaflet.ftl", EN.as_bytes()), ("sv/leaflet.ftl", sv)]);
        let outcome = check_path(t.path()).unwrap();
        assert!(
            outcome.findings.iter().all(|f| f.rule != "io-error"),
            "{:?}",
            rows(&outcome, t.path())
        );
    }
}

#[test]
fn a_latin1_file_says_so() {
    let sv =
        b"dose-adult = Ta 4 mg en g\xE5ng om dagen.\ndose-kidney = Ta 2 mg en g\xE5ng om dagen.\n";
    let t = tree(&[("en/leaflet.ftl", EN.as_bytes()), ("sv/leaflet.ftl", sv)]);
    let outcome = check_path(t.path()).unwrap();
    let m = &outcome.findings[0].message;
    assert!(
        m.contains("probably Latin-1 or Windows-1252: save it as UTF-8"),
        "{m}"
    );
    // A UTF-8 file with one damaged byte is not called Latin-1.
    let sv = b"dose-adult = Ta 4 mg en g\xE5ng om dagen.\ndose-kidney = Ta 2 mg en g\xC3\xA5ng om dagen.\n";
    let t = tree(&[("en/leaflet.ftl", EN.as_bytes()), ("sv/leaflet.ftl", sv)]);
    let outcome = check_path(t.path()).unwrap();
    let m = &outcome.findings[0].message;
    assert!(
        m.contains("not valid UTF-8") && !m.contains("Latin-1"),
        "{m}"
    );
}
