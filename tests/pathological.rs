//! Pathological inputs: huge, deep, binary or broken trees. Each must end, quickly and within a
//! memory limit, with a clear finding or error; exit code 2 only when leaflint cannot proceed.
//!
//! Inputs are generated in temporary directories at test time, except the crash inputs kept in
//! `tests/regressions/` (each one aborted leaflint before its fix).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use leaflint::check::{check_path, check_tree_with};
use leaflint::parse::{nesting_overflows, MAX_NESTING};
use leaflint::project::Tree;
use leaflint::report::{write_report, Format, ReportOptions};
use leaflint::settings::Settings;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_leaflint");

/// Address space the binary may use (ulimit -v, in KiB): far above what any case needs, far
/// below what a runaway allocation would take.
const MEMORY_LIMIT_KIB: u64 = 3 * 1024 * 1024;

const EN: &str = "\
dose-adult = Take { $count } mg once a day.
dose-kidney = If your kidneys do not work well, take 3 mg once a day.
";

/// The Swedish translation of [`EN`], with a wrong dose in `dose-kidney`.
const SV_WRONG_DOSE: &str = "\
dose-adult = Ta { $count } mg en gång om dagen.
dose-kidney = Om dina njurar inte fungerar som de ska, ta 4 mg en gång om dagen.
";

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

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `leaflint check --color never ARGS ROOT` under a memory limit, and fails the test when it
/// takes longer than `limit` (the process is killed then).
fn check(root: &Path, args: &[&str], limit: Duration) -> Run {
    check_within(root, args, limit, 10)
}

/// [`check`], with peak memory bounded by `per_byte` times the input plus 70 MB.
fn check_within(root: &Path, args: &[&str], limit: Duration, per_byte: u64) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(BIN)
        .arg("check")
        .args(["--color", "never"])
        .args(args)
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut s = Vec::new();
        out.read_to_end(&mut s).unwrap();
        s
    });
    let stderr = std::thread::spawn(move || {
        let mut s = Vec::new();
        err.read_to_end(&mut s).unwrap();
        s
    });
    let start = Instant::now();
    let mut peak_kib = None;
    let code = loop {
        if let Some(done) = exited(&mut child, &mut peak_kib) {
            break done;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("leaflint took longer than {limit:?} on {}", root.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // Memory grows with the input, not with findings × text: `per_byte` times the input and
    // 70 MB for the program and its tables: the language models are loaded lazily, on a few KB
    // of text, and so are the Hunspell dictionaries of `untranslated`'s word check (about 16 MB
    // for Debian's sv_SE and en_US, when they are installed and a word needs them).
    let input = input_bytes(root);
    if let Some(peak) = peak_kib {
        let bound = per_byte * input / 1024 + 70 * 1024;
        assert!(
            peak <= bound,
            "peak memory {peak} KiB on {} KiB of input (bound {bound} KiB)",
            input / 1024
        );
    }
    let run = Run {
        code,
        stdout: String::from_utf8_lossy(&stdout.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.join().unwrap()).into_owned(),
    };
    assert_ne!(
        run.code, -1,
        "killed by a signal (stack overflow?): {run:?}"
    );
    assert!(!run.stderr.contains("panicked"), "{run:?}");
    run
}

/// The exit code (-1 for a signal) of `child` once it has exited, `None` while it runs; and
/// `peak` raised to the process's peak resident memory so far (KiB, from `/proc`, where the
/// platform has it). The peak is read while the process runs: `ru_maxrss` would count the
/// test process's own memory, which the child has until it execs.
fn exited(child: &mut std::process::Child, peak: &mut Option<u64>) -> Option<i32> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()));
    if let Some(kib) = status.ok().and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    }) {
        *peak = Some(peak.map_or(kib, |p| p.max(kib)));
    }
    child.try_wait().unwrap().map(|s| s.code().unwrap_or(-1))
}

/// Bytes of every file under `root`.
fn input_bytes(root: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in read.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(t) if t.is_file() => total += e.metadata().map_or(0, |m| m.len()),
                _ => {}
            }
        }
    }
    total
}

/// (rule, locale, message id or `-`) of every finding of a library run.
fn findings(root: &Path) -> Vec<(String, String, String)> {
    check_path(root)
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
        .into_iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.locale,
                f.message_id.unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

fn f(rule: &str, locale: &str, id: &str) -> (String, String, String) {
    (rule.into(), locale.into(), id.into())
}

#[test]
fn a_5_mb_single_line_message_is_checked_and_reported_in_a_few_lines() {
    let filler = "Förvaras utom syn och räckhåll för barn. ";
    let mut sv = String::from("dose-adult = Ta { $count } mg en gång om dagen, högst 50 mg. ");
    while sv.len() < 5 << 20 {
        sv.push_str(filler);
    }
    sv.push_str("\ndose-kidney = Om dina njurar inte fungerar, ta 3 mg en gång om dagen.\n");
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    let r = check(t.path(), &[], Duration::from_secs(90));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.contains(
            "error[numeric-mismatch] dose-adult: `högst 50 mg` (at most 50 mg) in sv has no counterpart in en"
        ),
        "{}",
        r.stdout
    );
    // The report shows an excerpt of the line, not 5 MB of it.
    assert!(r.stdout.len() < 4096, "{} bytes of report", r.stdout.len());
}

#[test]
fn a_file_of_100_000_messages_is_checked_message_by_message() {
    let mut en = String::new();
    let mut sv = String::new();
    for i in 0..100_000 {
        en += &format!("m{i} = Take one tablet.\n");
        match i {
            // One wrong dose and one missing message, deep in the file.
            54_321 => sv += &format!("m{i} = Ta 2 tabletter.\n"),
            77_777 => {}
            _ => sv += &format!("m{i} = Ta en tablett.\n"),
        }
    }
    let t = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    // fluent-syntax's tree of a parsed file takes about 1 KB per message, some 40 bytes per
    // byte of these one-line messages: the file is parsed whole, once.
    let r = check_within(t.path(), &["--format", "json"], Duration::from_secs(90), 45);
    assert_eq!(r.code, 1, "{r:?}");
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["summary"]["messages"], 199_999);
    let got: Vec<(String, String, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["message_id"].as_str().unwrap_or("-").to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            // The one translation of 99,999 places that says something else (the others are
            // the usual way, named in the finding, not reported each).
            ("inconsistent-translation".into(), "m54321".into(), 54_322),
            ("numeric-mismatch".into(), "m54321".into(), 54_322),
            ("missing-message".into(), "m77777".into(), 77_778),
        ],
        "{}",
        r.stdout
    );
}

/// `n` placeables nested in each other around `$count`.
fn nested_placeables(n: usize) -> String {
    format!("{}$count{}", "{ ".repeat(n), " }".repeat(n))
}

/// `n` select expressions nested in each other's default variant.
fn nested_selects(n: usize) -> String {
    let mut s = String::new();
    for _ in 0..n {
        s += "{ $count ->\n    *[other] ";
    }
    s += "{ $count }";
    for _ in 0..n {
        s += "\n    }";
    }
    s
}

#[test]
fn deeply_nested_placeables_and_selects_are_a_parse_error_not_a_crash() {
    for (what, value) in [
        ("placeables", nested_placeables(10_000)),
        ("selects", nested_selects(10_000)),
        (
            "calls",
            format!(
                "{{ {}$count{} }}",
                "NUMBER(".repeat(10_000),
                ")".repeat(10_000)
            ),
        ),
    ] {
        let sv = format!(
            "dose-adult = {value}\ndose-kidney = Om dina njurar inte fungerar, ta 2 mg en gång om dagen.\n"
        );
        let t = tree(&[
            ("en/leaflet.ftl", EN.as_bytes()),
            ("sv/leaflet.ftl", sv.as_bytes()),
        ]);
        let r = check(t.path(), &[], Duration::from_secs(30));
        assert_eq!(r.code, 1, "{what}: {r:?}");
        assert!(
            r.stdout.contains(&format!(
                "error[parse-error] dose-adult: placeables are nested more than {MAX_NESTING} deep; `dose-adult` is skipped"
            )),
            "{what}: {}",
            r.stdout
        );
        // The rest of the file is still checked; the skipped message is not also missing.
        assert_eq!(
            findings(t.path()),
            vec![
                f("parse-error", "sv", "dose-adult"),
                f("numeric-mismatch", "sv", "dose-kidney"),
            ],
            "{what}"
        );
    }
}

#[test]
fn nesting_that_real_leaflets_use_is_parsed_as_usual() {
    // Just inside the limit: parsed, and the variable is found in the innermost placeable.
    let en = "dose = { $count } tablets\n";
    for sv in [
        format!("dose = {}\n", nested_placeables(MAX_NESTING)),
        format!("dose = {}\n", nested_selects(MAX_NESTING / 2 - 1)),
    ] {
        assert_eq!(nesting_overflows(&sv), vec![], "{sv}");
        let t = tree(&[
            ("en/leaflet.ftl", en.as_bytes()),
            ("sv/leaflet.ftl", sv.as_bytes()),
        ]);
        assert_eq!(findings(t.path()), vec![], "{sv}");
    }
    // Escaped braces are string literals: a hundred of them in one message are no nesting at all.
    let escaped = format!("note = {}\n", r#"{"{"} x {"}"} "#.repeat(100));
    assert_eq!(nesting_overflows(&escaped), vec![]);
    // Broken entries, each with an unclosed brace, do not add up: the parser starts over at
    // every entry, and reports each as an ordinary syntax error.
    let broken: String = (0..200).map(|i| format!("m{i} = Ta {{ $count\n")).collect();
    assert_eq!(nesting_overflows(&broken), vec![]);
    // Text braces inside select variants count; closing braces inside strings do not.
    let hidden = format!(
        "m = {}\n",
        r#"{ NUMBER("}}", "#.repeat(MAX_NESTING) + "$n" + &")}".repeat(MAX_NESTING)
    );
    let deep = nesting_overflows(&hidden);
    assert_eq!(deep.len(), 1, "{deep:?}");
    assert_eq!(deep[0].junk, 0..hidden.len());
}

/// Every input in `tests/regressions/` once crashed leaflint. Each is a Swedish `leaflet.ftl`
/// checked against [`EN`], and lists the findings it must give, in order, in its header as
/// `# expect: RULE MESSAGE-ID` lines.
#[test]
fn crash_inputs_from_tests_regressions_give_their_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 5, "{inputs:?}");
    for input in inputs {
        let bytes = std::fs::read(&input).unwrap();
        let expected: Vec<(String, Option<String>)> = String::from_utf8_lossy(&bytes)
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .map(|e| {
                let (rule, id) = e.split_once(' ').unwrap_or((e, "-"));
                (rule.to_string(), (id != "-").then(|| id.to_string()))
            })
            .collect();
        assert!(
            !expected.is_empty(),
            "{}: no `# expect:` line",
            input.display()
        );
        let files = vec![
            ("en".into(), "leaflet.ftl".into(), EN.as_bytes().to_vec()),
            ("sv".into(), "leaflet.ftl".into(), bytes),
        ];
        let tree = Tree::from_memory("en", files).unwrap();
        let outcome = check_tree_with(&tree, &Settings::default(), true);
        let got: Vec<(String, Option<String>)> = outcome
            .findings
            .iter()
            .map(|f| (f.rule.to_string(), f.message_id.clone()))
            .collect();
        assert_eq!(got, expected, "{}", input.display());
        if input
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("nested-")
        {
            assert!(
                outcome.findings[0].message.contains("nested more than"),
                "{}: {}",
                input.display(),
                outcome.findings[0].message
            );
        }
        for format in [Format::Human, Format::Json, Format::Sarif, Format::Html] {
            let mut out = Vec::new();
            let opts = ReportOptions {
                color: true,
                quiet: false,
                width: None,
            };
            write_report(format, opts, &outcome, &mut out).unwrap();
            assert!(!out.is_empty());
        }
    }
}

#[test]
fn a_file_of_nul_bytes_is_one_parse_error() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", &vec![0u8; 1 << 20]),
    ]);
    let r = check(t.path(), &[], Duration::from_secs(30));
    assert_eq!(r.code, 1, "{r:?}");
    let got = findings(t.path());
    assert_eq!(
        got.iter()
            .filter(|(rule, ..)| rule == "parse-error")
            .count(),
        1,
        "{got:?}"
    );
    assert!(r.stdout.len() < 4096, "{} bytes of report", r.stdout.len());
}

#[test]
fn invalid_utf8_in_the_middle_of_a_message_is_reported_and_the_rest_checked() {
    let mut sv = Vec::new();
    for i in 0..1000 {
        sv.extend_from_slice(format!("m{i} = Ta en tablett.\n").as_bytes());
    }
    // A Latin-1 `å` in the middle of message 500's text.
    let at = sv.len();
    sv.extend_from_slice(b"dose-adult = Ta { $count } mg en g\xE5ng om dagen.\n");
    sv.extend_from_slice("dose-kidney = Ta 2 mg en gång om dagen.\n".as_bytes());
    let mut en = String::new();
    for i in 0..1000 {
        en += &format!("m{i} = Take one tablet.\n");
    }
    en += EN;
    let t = tree(&[("en/leaflet.ftl", en.as_bytes()), ("sv/leaflet.ftl", &sv)]);
    let r = check(t.path(), &[], Duration::from_secs(30));
    assert_eq!(r.code, 1, "{r:?}");
    let offset = at + "dose-adult = Ta { $count } mg en g".len();
    assert!(
        r.stdout.contains(&format!(
            "the file is not valid UTF-8: invalid byte at offset {offset}"
        )),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("sv/leaflet.ftl:1001:"), "{}", r.stdout);
    assert_eq!(
        findings(t.path()),
        vec![
            f("parse-error", "sv", "-"),
            f("numeric-mismatch", "sv", "dose-kidney"),
        ]
    );
}

#[test]
fn mixed_crlf_and_lf_line_endings_keep_lines_right() {
    let en = "a = One.\nb = Two.\nc = Take { $count } mg.\nd = Take 3 mg.\n";
    // Every other line ends in CRLF; the wrong variable and dose must still be found on lines
    // 3 and 4, at the right columns.
    let sv = "a = Ett.\r\nb = Två.\nc = Ta { $cuont } mg.\r\nd = Ta 4 mg.\n";
    let t = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    let outcome = check_path(t.path()).unwrap();
    let got: Vec<(&str, usize, usize)> = outcome
        .findings
        .iter()
        .map(|f| (f.rule, f.line, f.column))
        .collect();
    assert_eq!(
        got,
        vec![("variable-mismatch", 3, 10), ("numeric-mismatch", 4, 8)],
        "{:#?}",
        outcome.findings
    );
    for f in &outcome.findings {
        let text = f.text.as_deref().unwrap_or_default();
        assert!(!text.contains('\r'), "{text:?}");
    }
    let r = check(t.path(), &[], Duration::from_secs(30));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(!r.stdout.contains('\r'), "{:?}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_ends_with_an_io_error() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", SV_WRONG_DOSE.as_bytes()),
    ]);
    std::fs::create_dir_all(t.path().join("sv/a/b")).unwrap();
    std::os::unix::fs::symlink("../..", t.path().join("sv/a/b/loop")).unwrap();
    std::os::unix::fs::symlink("self.ftl", t.path().join("sv/self.ftl")).unwrap();
    let r = check(t.path(), &[], Duration::from_secs(30));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("symbolic link loop"), "{}", r.stdout);
    let got = findings(t.path());
    assert!(got.contains(&f("io-error", "sv", "-")), "{got:?}");
    assert!(
        got.contains(&f("numeric-mismatch", "sv", "dose-kidney")),
        "{got:?}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_io_error_and_the_rest_is_checked() {
    // Tests may run as root, which reads any file: a link to nothing is unreadable for everyone.
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        (
            "en/storage.ftl",
            "storage = Store below 30 °C.\n".as_bytes(),
        ),
        (
            "sv/storage.ftl",
            "storage = Förvaras vid högst 25 °C.\n".as_bytes(),
        ),
    ]);
    std::os::unix::fs::symlink("/nonexistent/leaflet.ftl", t.path().join("sv/leaflet.ftl"))
        .unwrap();
    let r = check(t.path(), &[], Duration::from_secs(30));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.contains("error[io-error]")
            && r.stdout
                .contains("cannot read: it is a symbolic link to `/nonexistent/leaflet.ftl`"),
        "{}",
        r.stdout
    );
    assert_eq!(
        findings(t.path()),
        vec![
            f("io-error", "sv", "-"),
            f("numeric-mismatch", "sv", "storage"),
        ]
    );
}

#[test]
fn a_directory_named_like_a_file_is_not_a_file() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", SV_WRONG_DOSE.as_bytes()),
    ]);
    // In the reference, in a translation next to its real file, and as a translation's only
    // "file" (that locale then holds no Fluent file at all, and is left out with a note).
    std::fs::create_dir_all(t.path().join("en/x.ftl")).unwrap();
    std::fs::create_dir_all(t.path().join("sv/x.ftl")).unwrap();
    std::fs::create_dir_all(t.path().join("zh/leaflet.ftl")).unwrap();
    let r = check(t.path(), &[], Duration::from_secs(30));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("zh`: it holds no .ftl files"),
        "{}",
        r.stderr
    );
    let got = findings(t.path());
    assert_eq!(
        got,
        vec![f("numeric-mismatch", "sv", "dose-kidney")],
        "{}",
        r.stdout
    );
}

#[test]
fn ten_thousand_empty_locale_directories_are_one_note() {
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", SV_WRONG_DOSE.as_bytes()),
    ]);
    let mut made = 0;
    'outer: for a in b'a'..=b'z' {
        for b in b'a'..=b'z' {
            for region in [
                "", "-SE", "-CN", "-US", "-GB", "-DE", "-FR", "-IT", "-ES", "-NL", "-PT", "-BR",
                "-JP", "-KR", "-TW",
            ] {
                let name = format!("{}{}{region}", a as char, b as char);
                if name == "en" || name == "sv" {
                    continue;
                }
                std::fs::create_dir(t.path().join(name)).unwrap();
                made += 1;
                if made == 10_000 {
                    break 'outer;
                }
            }
        }
    }
    let r = check(t.path(), &[], Duration::from_secs(30));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("numeric-mismatch"), "{}", r.stdout);
    let notes: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(notes.len(), 1, "{}", r.stderr);
    assert!(
        notes[0].contains("ignoring 10000 directories that hold no .ftl files: `"),
        "{}",
        notes[0]
    );
    assert!(notes[0].ends_with("and 9997 more"), "{}", notes[0]);
}

#[test]
fn a_suppression_naming_100_000_rules_is_reported_in_bounded_lines_and_memory() {
    let names: Vec<String> = (0..100_000).map(|i| format!("no-such-rule-{i}")).collect();
    let sv = format!("# leaflint-ignore: {}\n{SV_WRONG_DOSE}", names.join(","));
    let t = tree(&[
        ("en/leaflet.ftl", EN.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    let r = check(t.path(), &["--format", "json"], Duration::from_secs(90));
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let got: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    // 100 suppression findings on `dose-adult` (the last one counts the rest), and the wrong
    // dose below it.
    let mut want = vec!["unused-suppression"; leaflint::diagnostic::MAX_PER_MESSAGE];
    want.push("numeric-mismatch");
    assert_eq!(got, want);
    let last = &json["diagnostics"][leaflint::diagnostic::MAX_PER_MESSAGE - 1]["message"];
    assert!(
        last.as_str()
            .unwrap()
            .starts_with("99901 more `unused-suppression` findings on `dose-adult`"),
        "{last}"
    );
    // Each finding's text is the entry, shared, not 100,000 copies of a 1.9 MB comment.
    assert!(r.stdout.len() < 2 * sv.len(), "{} bytes", r.stdout.len());
}

#[test]
fn a_message_with_20_000_attributes_is_checked_without_quadratic_look_ups() {
    let attrs = |skip: Option<usize>| -> String {
        (0..20_000)
            .filter(|i| Some(*i) != skip)
            .map(|i| format!("    .a{i} = Ta {i} mg.\n"))
            .collect()
    };
    let en = format!("dose =\n{}", attrs(None));
    let mut sv = format!("dose =\n{}", attrs(Some(12_345)));
    sv.push_str("    .a7 = Ta 7 mg.\n");
    let t = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    let r = check(t.path(), &["--format", "json"], Duration::from_secs(90));
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let got: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["attribute"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("missing-attribute", "a12345"), ("duplicate-id", "a7")]
    );
}

#[test]
fn a_list_of_50_000_items_and_a_url_of_200_000_brackets_are_checked_in_linear_time() {
    // Items without digits (numbers lost are `numeric-mismatch`'s, measured elsewhere).
    let word = |mut i: usize| {
        let mut w = String::new();
        loop {
            w.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
            if i == 0 {
                return w;
            }
        }
    };
    let items = |n: usize| -> String {
        (0..n)
            .map(|i| format!("    • item {}\n", word(i)))
            .collect()
    };
    let url = format!("https://x.org/{}", ")".repeat(200_000));
    let en = format!("list =\n    Items:\n{}link = See {url}.\n", items(50_000));
    let sv = format!(
        "list =\n    Punkter:\n{}link = Se https://x.org/ny.\n",
        items(2)
    );
    let t = tree(&[
        ("en/leaflet.ftl", en.as_bytes()),
        ("sv/leaflet.ftl", sv.as_bytes()),
    ]);
    let r = check(t.path(), &["--quiet"], Duration::from_secs(60));
    // Every lost item is counted; the URL is one finding.
    let count = |rule: &str| {
        r.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(rule))
            .and_then(|l| l.split_whitespace().last())
            .map(str::to_string)
    };
    assert_eq!(
        count("list-mismatch").as_deref(),
        Some("49998"),
        "{}",
        r.stdout
    );
    assert_eq!(count("url-mismatch").as_deref(), Some("1"), "{}", r.stdout);
}
