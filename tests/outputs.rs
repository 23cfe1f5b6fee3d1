//! `-o/--output` and `--write-baseline` never replace an input of the run (a translation, the
//! baseline being read, the configuration, the project files, a glossary), and write their
//! file atomically: the binary exits 2 before writing anything, and the input keeps its bytes.

use std::path::Path;

mod common;
use common::{leaflint, write_files, Run};

/// `locales/{en,sv}/leaflet.ftl` (one numeric mismatch), a glossary and a `leaflint.toml`.
fn tree() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("locales/en/leaflet.ftl", "dose = Take 4 mg once a day.\n"),
            (
                "locales/sv/leaflet.ftl",
                "dose = Ta 5 mg en gång om dagen.\n",
            ),
            ("locales/glossary.txt", "Olumiant\n"),
            ("leaflint.toml", "reference = \"en\"\n"),
        ],
    );
    tmp
}

/// Every file under `dir` (relative, sorted) with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walk(dir)
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&p).unwrap();
            (rel, bytes)
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if std::fs::symlink_metadata(&p).unwrap().is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Runs `args` in the tree; asserts exit 2, this one error line, and no file changed or added.
fn refused(tmp: &tempfile::TempDir, args: &[&str], error: &str) {
    let before = snapshot(tmp.path());
    let out = leaflint(tmp.path(), args);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", format!("leaflint: error: {error}\n").as_str()),
        "{args:?}"
    );
    assert!(snapshot(tmp.path()) == before, "{args:?} changed the tree");
}

#[test]
fn the_report_is_not_written_over_a_checked_translation() {
    let tmp = tree();
    refused(
        &tmp,
        &["check", "-o", "locales/sv/leaflet.ftl"],
        "refusing to write the report to `locales/sv/leaflet.ftl`: it is inside the checked tree `locales/`, where every `.ftl` file is an input",
    );
    // The same file by another path, and the reference.
    refused(
        &tmp,
        &["check", "locales", "--output", "locales/sv/../en/leaflet.ftl"],
        "refusing to write the report to `locales/sv/../en/leaflet.ftl`: it is inside the checked tree `locales`, where every `.ftl` file is an input",
    );
}

#[test]
fn the_report_is_not_written_over_the_baseline_being_read() {
    let tmp = tree();
    let out = leaflint(tmp.path(), &["check", "--write-baseline", "base.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    refused(
        &tmp,
        &["check", "--baseline", "base.json", "-o", "base.json"],
        "refusing to write the report to `base.json`: it is the baseline being read (`base.json`)",
    );
    // A hard link to it is the same file.
    #[cfg(unix)]
    {
        std::fs::hard_link(tmp.path().join("base.json"), tmp.path().join("copy.json")).unwrap();
        refused(
            &tmp,
            &["check", "--baseline", "base.json", "-o", "copy.json"],
            "refusing to write the report to `copy.json`: it is the baseline being read (`base.json`)",
        );
    }
}

#[test]
fn the_report_is_not_written_over_the_configuration_file() {
    let tmp = tree();
    let config = std::fs::canonicalize(tmp.path())
        .unwrap()
        .join("leaflint.toml");
    refused(
        &tmp,
        &["check", "-o", "leaflint.toml"],
        &format!(
            "refusing to write the report to `leaflint.toml`: it is the configuration file in use (`{}`)",
            config.display()
        ),
    );
    refused(
        &tmp,
        &["check", "--config", "leaflint.toml", "-o", "./leaflint.toml"],
        "refusing to write the report to `./leaflint.toml`: it is the configuration file in use (`leaflint.toml`)",
    );
}

#[test]
fn the_report_is_not_written_to_a_new_fluent_file_inside_the_tree() {
    let tmp = tree();
    refused(
        &tmp,
        &["check", "-o", "locales/sv/report.ftl"],
        "refusing to write the report to `locales/sv/report.ftl`: it is inside the checked tree `locales/`, where every `.ftl` file is an input",
    );
    refused(
        &tmp,
        &["check", "-o", "locales/zh/new/report.ftl"],
        "refusing to write the report to `locales/zh/new/report.ftl`: it is inside the checked tree `locales/`, where every `.ftl` file is an input",
    );
    assert!(!tmp.path().join("locales/sv/report.ftl").exists());
}

#[test]
fn a_baseline_is_not_written_over_an_input_either() {
    let tmp = tree();
    refused(
        &tmp,
        &["check", "--write-baseline", "locales/sv/leaflet.ftl"],
        "refusing to write the baseline to `locales/sv/leaflet.ftl`: it is inside the checked tree `locales/`, where every `.ftl` file is an input",
    );
    refused(
        &tmp,
        &["check", "--write-baseline", "locales/glossary.txt"],
        "refusing to write the baseline to `locales/glossary.txt`: it is the glossary of the checked tree `locales/`",
    );
    refused(
        &tmp,
        &["check", "--write-baseline", "out.json", "-o", "./out.json"],
        "refusing to write both the report and the baseline to `./out.json`",
    );
}

#[test]
fn the_report_is_not_written_over_a_project_file() {
    let tmp = tempfile::tempdir().unwrap();
    write_files(
        tmp.path(),
        &[
            ("en/a.ftl", "a = A\n"),
            ("sv/a.ftl", "a = B\n"),
            (
                "l10n.toml",
                "locales = [\"sv\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n[[includes]]\npath = \"more.toml\"\n",
            ),
            ("more.toml", "locales = [\"sv\"]\n"),
        ],
    );
    refused(
        &tmp,
        &["check", "--project", "l10n.toml", "-o", "l10n.toml"],
        "refusing to write the report to `l10n.toml`: it is a project configuration file read (`l10n.toml`)",
    );
    refused(
        &tmp,
        &["check", "--project", "l10n.toml", "-o", "more.toml"],
        "refusing to write the report to `more.toml`: it is a project configuration file read (`more.toml`)",
    );
    refused(
        &tmp,
        &["check", "--project", "l10n.toml", "-o", "sv/b.ftl"],
        "refusing to write the report to `sv/b.ftl`: it is inside the checked tree `.`, where every `.ftl` file is an input",
    );
}

#[test]
fn a_report_file_is_written_whole_with_no_temporary_file_left() {
    let tmp = tree();
    let stdout: Run = leaflint(tmp.path(), &["check", "--format", "json"]);
    assert_eq!(stdout.code, 1, "{}", stdout.stderr);
    std::fs::write(tmp.path().join("report.json"), "an older report\n").unwrap();
    let before: Vec<String> = snapshot(tmp.path()).into_iter().map(|(p, _)| p).collect();
    let out = leaflint(
        tmp.path(),
        &["check", "--format", "json", "-o", "report.json"],
    );
    assert_eq!((out.code, out.stdout.as_str()), (1, ""), "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("report.json")).unwrap(),
        stdout.stdout
    );
    let after: Vec<String> = snapshot(tmp.path()).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        after, before,
        "no temporary file is left next to the report"
    );

    let out = leaflint(tmp.path(), &["check", "--write-baseline", "base.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let after: Vec<String> = snapshot(tmp.path()).into_iter().map(|(p, _)| p).collect();
    let mut expected = before.clone();
    expected.push("base.json".into());
    expected.sort();
    assert_eq!(after, expected);
}

#[cfg(unix)]
#[test]
fn a_link_at_the_output_path_is_replaced_not_followed() {
    let tmp = tree();
    std::fs::write(tmp.path().join("notes.txt"), "keep me\n").unwrap();
    std::os::unix::fs::symlink("notes.txt", tmp.path().join("report.txt")).unwrap();
    let out = leaflint(tmp.path(), &["check", "-o", "report.txt"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "keep me\n"
    );
    let link = std::fs::symlink_metadata(tmp.path().join("report.txt")).unwrap();
    assert!(link.is_file(), "the link was replaced by the report");
    // A link to a translation is refused (it is an input by where it leads).
    std::os::unix::fs::symlink("locales/sv/leaflet.ftl", tmp.path().join("sv.json")).unwrap();
    refused(
        &tmp,
        &["check", "-o", "sv.json"],
        "refusing to write the report to `sv.json`: it is inside the checked tree `locales/`, where every `.ftl` file is an input",
    );
}
