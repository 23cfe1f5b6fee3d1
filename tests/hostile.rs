//! Input from a pull request is untrusted: the files, their names, the layout and what links
//! point to. Each test builds a small tree the way an attacker or a careless contributor would
//! and runs the binary on it, with a time limit, so that a hang fails the test instead of
//! blocking it. What must not happen: a panic (exit 101), a hang, reading outside the tree,
//! opening a FIFO or a device.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const EN: &str = "dose-adult = Take 4 mg once a day.\nstorage = Store below 30 °C.\n";
const SV: &str = "dose-adult = Ta 4 mg en gång om dagen.\nstorage = Förvaras vid högst 30 °C.\n";

fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `leaflint check <root> <args>` from `root`, killing it after 60 s (a hang).
fn run(root: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_leaflint"))
        .arg("check")
        .arg(root)
        .args(args)
        .arg("--isolated")
        .current_dir(root)
        .env_remove("RUST_BACKTRACE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        out.read_to_string(&mut s).unwrap();
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        err.read_to_string(&mut s).unwrap();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("leaflint did not finish within 60 s on {}", root.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

/// (rule, file relative to the tree, message) of each finding of a JSON report.
fn findings(run: &Run, root: &Path) -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    let prefix = format!("{}/", root.display());
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            (
                d["rule"].as_str().unwrap().to_string(),
                file.strip_prefix(&prefix).unwrap_or(file).to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_unicode_escape_cut_short_by_a_non_ascii_character_is_a_parse_error_everywhere() {
    // fluent-syntax 0.12 panics on `\u` followed by a non-ASCII character in a string literal.
    let t = tree(&[
        (
            "en/leaflet.ftl",
            "a = A\nbad = { \"\\ué\" } x\n-brand = { \"\\U01F6é\" }\nb = B\n",
        ),
        (
            "sv/leaflet.ftl",
            "a = A\nbad = { \"\\u00e9\" } x\n-brand = Olumiant\nb = { \"\\uabé\" }\n",
        ),
        // In text (not a string literal) `\u` is no escape at all: valid, and kept.
        (
            "zh/leaflet.ftl",
            "a = 路径 \\ué\nbad = { \"\\u00e9\" } x\n-brand = Olumiant\nb = B\n",
        ),
    ]);
    let r = run(t.path(), &["--format", "json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let escape = "invalid unicode escape: `\\u` takes four hex digits and `\\U` six";
    assert_eq!(
        findings(&r, t.path()),
        [
            (
                "parse-error".into(),
                "en/leaflet.ftl".into(),
                format!("{escape}; `bad` is skipped")
            ),
            (
                "parse-error".into(),
                "en/leaflet.ftl".into(),
                format!("{escape}; `-brand` is skipped")
            ),
            (
                "parse-error".into(),
                "sv/leaflet.ftl".into(),
                format!("{escape}; `b` is skipped")
            ),
        ]
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn links_never_lead_out_of_the_tree() {
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(
        secret.path().join("secret.ftl"),
        "token = CI_SECRET_TOKEN_1234\n",
    )
    .unwrap();
    let t = tree(&[("en/leaflet.ftl", EN), ("sv/leaflet.ftl", SV)]);
    let sv = t.path().join("sv");
    std::os::unix::fs::symlink("/proc/self/environ", sv.join("env.ftl")).unwrap();
    std::os::unix::fs::symlink(secret.path().join("secret.ftl"), sv.join("secret.ftl")).unwrap();
    std::os::unix::fs::symlink(secret.path(), sv.join("outside")).unwrap();
    std::os::unix::fs::symlink("/", sv.join("root")).unwrap();
    // A locale directory that is itself a link out of the tree.
    std::os::unix::fs::symlink(secret.path(), t.path().join("zh")).unwrap();
    for format in ["json", "human", "html", "sarif", "github"] {
        let r = run(t.path(), &["--format", format]);
        assert_eq!(r.code, Some(1), "{format}: {}", r.stderr);
        for text in [&r.stdout, &r.stderr] {
            assert!(
                !text.contains("CI_SECRET_TOKEN"),
                "{format} leaks a file outside the tree"
            );
            assert!(!text.contains("PATH="), "{format} leaks the environment");
        }
    }
    let r = run(t.path(), &["--format", "json"]);
    let got: Vec<(String, String)> = findings(&r, t.path())
        .into_iter()
        .map(|(rule, file, msg)| (rule, format!("{file}: {}", msg.split(':').next().unwrap())))
        .collect();
    let leaves = |f: &str| ("io-error".to_string(), format!("{f}: cannot read"));
    assert_eq!(
        got,
        [
            leaves("sv/env.ftl"),
            leaves("sv/outside"),
            leaves("sv/root"),
            leaves("sv/secret.ftl"),
            leaves("zh"),
            (
                "missing-file".to_string(),
                "zh/leaflet.ftl: `leaflet.ftl` is missing in zh".to_string()
            ),
        ]
    );
    assert!(r.stdout.contains("link leaves the tree"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn links_inside_the_tree_are_read_only_when_asked_and_loops_are_caught() {
    let t = tree(&[("en/leaflet.ftl", EN), ("sv/main/leaflet.ftl", SV)]);
    std::os::unix::fs::symlink("main/leaflet.ftl", t.path().join("sv/leaflet.ftl")).unwrap();
    std::os::unix::fs::symlink("..", t.path().join("sv/main/up")).unwrap();
    let r = run(t.path(), &["--format", "json"]);
    let rules: Vec<(String, String)> = findings(&r, t.path())
        .into_iter()
        .map(|(rule, file, _)| (rule, file))
        .collect();
    // The link is the finding (an unreadable file is not also a missing one).
    assert_eq!(
        rules,
        [
            ("io-error".into(), "sv/leaflet.ftl".into()),
            ("obsolete-file".into(), "sv/main/leaflet.ftl".into()),
            ("io-error".into(), "sv/main/up".into()),
        ]
    );
    let r = run(t.path(), &["--format", "json", "--follow-links"]);
    let got = findings(&r, t.path());
    let rules: Vec<(&str, &str)> = got
        .iter()
        .map(|(rule, file, _)| (rule.as_str(), file.as_str()))
        .collect();
    // The link to the file is read; the link to an ancestor is a loop, reported, not walked.
    assert_eq!(
        rules,
        [
            ("obsolete-file", "sv/main/leaflet.ftl"),
            ("io-error", "sv/main/up"),
        ]
    );
    assert!(got[1].2.contains("loop"), "{}", got[1].2);
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_never_opened() {
    let t = tree(&[("en/leaflet.ftl", EN), ("sv/leaflet.ftl", SV)]);
    let fifo = |p: &Path| {
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    };
    fifo(&t.path().join("sv/extra.ftl"));
    fifo(&t.path().join("glossary.txt"));
    let r = run(t.path(), &["--format", "json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let special = "cannot read: not a regular file (a FIFO, device or socket): it is not read";
    assert_eq!(
        findings(&r, t.path()),
        [
            ("io-error".into(), "glossary.txt".into(), special.into()),
            ("io-error".into(), "sv/extra.ftl".into(), special.into()),
        ]
    );
    // A device as the glossary: refused at once, not read for gigabytes.
    std::fs::remove_file(t.path().join("glossary.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", t.path().join("glossary.txt")).unwrap();
    let r = run(t.path(), &["--format", "json", "--follow-links"]);
    let got = findings(&r, t.path());
    assert_eq!(got[0].0, "io-error");
    assert_eq!(got[0].1, "glossary.txt");
    assert!(got[0].2.contains("link leaves the tree"), "{}", got[0].2);
}

#[test]
fn a_glossary_that_cannot_be_read_is_a_finding_not_silence() {
    let t = tree(&[("en/leaflet.ftl", EN), ("sv/leaflet.ftl", SV)]);
    std::fs::write(t.path().join("glossary.txt"), b"Olumiant\n\xff\xfeJAK\n").unwrap();
    let r = run(t.path(), &["--format", "json"]);
    assert_eq!(
        findings(&r, t.path()),
        [(
            "io-error".into(),
            "glossary.txt".into(),
            "cannot read: is not valid UTF-8 (byte 10 is not part of a character); its terms are not used".into()
        )]
    );
}

#[test]
fn the_same_tree_twice_is_checked_once_and_locales_differing_in_case_are_refused() {
    let t = tree(&[
        ("en/leaflet.ftl", EN),
        ("sv/leaflet.ftl", "dose-adult = Ta 5 mg.\n"),
    ]);
    let twice = run(
        t.path(),
        &[t.path().join(".").to_str().unwrap(), "--format", "json"],
    );
    let once = run(t.path(), &["--format", "json"]);
    assert_eq!(
        findings(&twice, t.path()).len(),
        findings(&once, t.path()).len()
    );
    assert!(!findings(&once, t.path()).is_empty());
    assert!(
        twice.stderr.contains("is given more than once"),
        "{}",
        twice.stderr
    );

    let t = tree(&[
        ("en/leaflet.ftl", EN),
        ("EN/leaflet.ftl", EN),
        ("sv/leaflet.ftl", SV),
    ]);
    let r = run(t.path(), &[]);
    assert_eq!(r.code, Some(2), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("name the same locale (tags are not case-sensitive)"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_given_as_the_baseline_or_the_configuration_is_refused_at_once() {
    let t = tree(&[("en/leaflet.ftl", EN), ("sv/leaflet.ftl", SV)]);
    for name in ["base.json", "conf.toml"] {
        let c = std::ffi::CString::new(t.path().join(name).as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    for args in [["--baseline", "base.json"], ["--config", "conf.toml"]] {
        let out = cmd
            .current_dir(t.path())
            .arg("check")
            .arg(".")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("is not a regular file (a FIFO, device or socket)"),
            "{args:?}: {err}"
        );
        cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    }
}
