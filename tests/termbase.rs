//! Termbases on the command line and in `leaflint.toml`: TBX and CSV files load, malformed
//! ones stop the run with a positioned error (exit code 2), and a configured termbase never
//! leads out of the configuration's directory.

use std::path::Path;

mod common;
use common::{leaflint, write_files};

/// A tree with one Swedish message that uses a deprecated term.
fn tree() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            (
                "locales/en/leaflet.ftl",
                "tests = Your doctor will check your blood lipids.\n",
            ),
            (
                "locales/sv/leaflet.ftl",
                "tests = Din läkare kommer att kontrollera dina lipider.\n",
            ),
        ],
    );
    tmp
}

const TBX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="lipids">
<langSec xml:lang="en"><termSec><term>blood lipids</term></termSec></langSec>
<langSec xml:lang="sv">
<termSec><term>blodfetter</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
<termSec><term>lipider</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
</langSec>
</conceptEntry>
</body></text>
</tbx>
"#;

#[test]
fn a_tbx_termbase_from_the_configuration_reports_a_deprecated_term() {
    let tmp = tree();
    write_files(
        tmp.path(),
        &[
            ("terms/leaflet.tbx", TBX),
            ("leaflint.toml", "termbase = [\"terms/leaflet.tbx\"]\n"),
        ],
    );
    let out = leaflint(tmp.path(), &["check", "locales", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "term-mismatch");
    assert_eq!(
        d["message"],
        "`lipider` in sv is a deprecated term for `blood lipids` (en): use `blodfetter`"
    );
    // Both sides are highlighted: the deprecated term and the reference term.
    let sides: Vec<&str> = d["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["side"].as_str().unwrap())
        .collect();
    assert_eq!(sides, ["translation", "reference"]);
    // `config --dump` shows the setting.
    let dump = leaflint(tmp.path(), &["config", "--dump"]);
    assert!(
        dump.stdout.contains("termbase = [\"terms/leaflet.tbx\"]"),
        "{}",
        dump.stdout
    );
}

#[test]
fn a_csv_termbase_on_the_command_line_loads_and_the_fix_is_clean() {
    let tmp = tree();
    write_files(
        tmp.path(),
        &[("terms.csv", "en,sv\nblood lipids,blodfetter|!lipider\n")],
    );
    let out = leaflint(
        tmp.path(),
        &["check", "locales", "--isolated", "--termbase", "terms.csv"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "`lipider` in sv is a forbidden term for `blood lipids` (en): use `blodfetter`"
        ),
        "{}",
        out.stdout
    );
    write_files(
        tmp.path(),
        &[(
            "locales/sv/leaflet.ftl",
            "tests = Din läkare kommer att kontrollera dina blodfetter.\n",
        )],
    );
    let out = leaflint(
        tmp.path(),
        &["check", "locales", "--isolated", "--termbase", "terms.csv"],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

#[test]
fn a_malformed_tbx_file_is_a_positioned_error_and_exit_2() {
    let tmp = tree();
    let broken = TBX.replace("</langSec>\n</conceptEntry>", "</langSet>\n</conceptEntry>");
    write_files(
        tmp.path(),
        &[
            ("terms.tbx", &broken),
            ("leaflint.toml", "termbase = [\"terms.tbx\"]\n"),
        ],
    );
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("terms.tbx:10:1: not well-formed XML"),
        "{}",
        out.stderr
    );
    // A term group without a term.
    write_files(
        tmp.path(),
        &[(
            "terms.tbx",
            "<tbx>\n<text><body><conceptEntry>\n<langSec xml:lang=\"sv\">\n  <termSec></termSec>\n</langSec></conceptEntry></body></text></tbx>\n",
        )],
    );
    let out = leaflint(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("terms.tbx:4:3: a term group without a term (an empty `<term>`)"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_malformed_csv_file_is_a_positioned_error_with_its_control_characters_escaped() {
    let tmp = tree();
    write_files(
        tmp.path(),
        &[("bad.csv", "en,sv\nblood lipids,blodfetter,extra\n")],
    );
    let out = leaflint(
        tmp.path(),
        &["check", "locales", "--isolated", "--termbase", "bad.csv"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("bad.csv:2:25: a row of 3 cells under a header of 2"),
        "{}",
        out.stderr
    );
    write_files(tmp.path(), &[("bad.csv", "en,\u{1b}[31msv\n")]);
    let out = leaflint(
        tmp.path(),
        &["check", "locales", "--isolated", "--termbase", "bad.csv"],
    );
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
    assert!(
        out.stderr
            .contains("bad.csv:1:4: header `<U+001B>[31msv` is not a locale tag"),
        "{}",
        out.stderr
    );
    // A missing file.
    let out = leaflint(
        tmp.path(),
        &["check", "locales", "--isolated", "--termbase", "none.csv"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("cannot read the termbase `none.csv`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_configured_termbase_stays_inside_the_configuration_directory() {
    let outer = tempfile::tempdir().unwrap();
    write_files(outer.path(), &[("secret.tbx", TBX)]);
    let project = outer.path().join("project");
    std::fs::create_dir(&project).unwrap();
    let tmp_tree = tree();
    for l in ["en", "sv"] {
        let from = tmp_tree.path().join("locales").join(l).join("leaflet.ftl");
        let to = project.join("locales").join(l);
        std::fs::create_dir_all(&to).unwrap();
        std::fs::copy(from, to.join("leaflet.ftl")).unwrap();
    }
    write_files(
        &project,
        &[("leaflint.toml", "# x\ntermbase = [\"../secret.tbx\"]\n")],
    );
    let out = leaflint(&project, &["check", "locales"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("leaflint.toml:2:13: termbase `../secret.tbx` is outside"),
        "{}",
        out.stderr
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outer.path().join("secret.tbx"), project.join("terms.tbx"))
            .unwrap();
        write_files(
            &project,
            &[("leaflint.toml", "termbase = [\"terms.tbx\"]\n")],
        );
        let out = leaflint(&project, &["check", "locales"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains("is outside"), "{}", out.stderr);
    }
}

#[test]
fn the_shipped_termbase_loads_and_the_sample_stays_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("locales/terms.tbx")).unwrap();
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(text.contains("xmlns=\"urn:iso:std:iso:30042:ed-2\"") && text.contains("<tbxHeader>"));
    let mut concepts = Vec::new();
    leaflint::terms::load(&root.join("locales/terms.tbx"), "terms.tbx", &mut concepts).unwrap();
    assert!(concepts.len() >= 30, "{} concepts", concepts.len());
    for c in &concepts {
        assert!(
            c.languages.iter().any(|(t, _)| t == "en")
                && c.languages.iter().any(|(t, _)| t == "sv"),
            "{c:?}"
        );
    }
    // Through the shipped leaflint.toml.
    let out = leaflint(root, &["check", "locales/"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("no findings"), "{}", out.stdout);
}
