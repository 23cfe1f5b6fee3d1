//! The `leaflint` binary as CI runs it: exit code, stdout and stderr checked together.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_leaflint");

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(dir).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs the binary in the tree's directory, so that paths in the output are relative.
fn run(tree: &TempDir, args: &[&str]) -> Run {
    run_in(tree.path(), args, &[])
}

/// A temporary directory holding `locales/<path>` for each file.
fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let full = dir.path().join("locales").join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

const EN: &str = "dose-adult = Take 4 mg once a day.\ndose-kidney = If your kidneys do not work well, take 2 mg once a day.\n";
const SV: &str = "dose-adult = Ta 4 mg en gång om dagen.\ndose-kidney = Om dina njurar inte fungerar som de ska, ta 2 mg en gång om dagen.\n";
const ZH: &str = "dose-adult = 每天服用一次，每次 4 mg。\ndose-kidney = 如果您的肾脏功能不好，请每天服用一次，每次 2 mg。\n";
/// Swedish without `dose-kidney`: one error.
const SV_MISSING: &str = "dose-adult = Ta 4 mg en gång om dagen.\n";
/// Chinese with an extra message: one warning.
const ZH_EXTRA: &str = "dose-adult = 每天服用一次，每次 4 mg。\ndose-kidney = 如果您的肾脏功能不好，请每天服用一次，每次 2 mg。\ndose-food = 本药可与食物同服。\n";

fn clean() -> TempDir {
    tree(&[
        ("en/leaflet.ftl", EN),
        ("sv/leaflet.ftl", SV),
        ("zh/leaflet.ftl", ZH),
    ])
}

fn with_error() -> TempDir {
    tree(&[
        ("en/leaflet.ftl", EN),
        ("sv/leaflet.ftl", SV_MISSING),
        ("zh/leaflet.ftl", ZH),
    ])
}

fn with_warning() -> TempDir {
    tree(&[
        ("en/leaflet.ftl", EN),
        ("sv/leaflet.ftl", SV),
        ("zh/leaflet.ftl", ZH_EXTRA),
    ])
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", run.stdout))
}

#[test]
fn a_clean_tree_exits_0() {
    let t = clean();
    let r = run(&t, &["check", "locales"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("no findings"), "{r:?}");
    assert!(r.stdout.contains("3 locales"), "{r:?}");
    assert_eq!(r.stderr, "");
}

#[test]
fn the_default_path_is_locales() {
    let t = with_error();
    let r = run(&t, &["check"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("locales/sv/leaflet.ftl"), "{r:?}");
    assert_eq!(r.stderr, "");
}

#[test]
fn errors_exit_1() {
    let t = with_error();
    let r = run(&t, &["check", "locales/"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("error[missing-message]"), "{r:?}");
    assert!(r.stdout.contains("dose-kidney"), "{r:?}");
    assert!(r.stdout.contains("locales/sv/leaflet.ftl"), "{r:?}");
    assert!(r.stdout.contains("found: 1 errors, 0 warnings"), "{r:?}");
    assert_eq!(r.stderr, "");
}

#[test]
fn warnings_alone_exit_0_unless_denied() {
    let t = with_warning();
    let r = run(&t, &["check", "locales"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("warning[obsolete-message]"), "{r:?}");
    assert!(r.stdout.contains("found: 0 errors, 1 warnings"), "{r:?}");
    assert_eq!(r.stderr, "");

    let denied = run(&t, &["check", "locales", "--deny-warnings"]);
    assert_eq!(denied.code, 1, "{denied:?}");
    assert_eq!(denied.stdout, r.stdout);
    assert_eq!(denied.stderr, "");
}

#[test]
fn exit_zero_reports_but_does_not_fail() {
    let t = with_error();
    let r = run(&t, &["check", "locales", "--exit-zero"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("error[missing-message]"), "{r:?}");
    assert_eq!(r.stderr, "");
    let both = run(&t, &["check", "locales", "--exit-zero", "--deny-warnings"]);
    assert_eq!(both.code, 0, "{both:?}");
}

#[test]
fn a_missing_path_exits_2_naming_it() {
    let t = clean();
    let r = run(&t, &["check", "no-such-dir/"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("leaflint: error:"), "{r:?}");
    assert!(r.stderr.contains("`no-such-dir/` does not exist"), "{r:?}");
    // A file instead of a directory is a usage error too.
    let f = run(&t, &["check", "locales/en/leaflet.ftl"]);
    assert_eq!(f.code, 2, "{f:?}");
    assert_eq!(f.stdout, "");
    assert!(f.stderr.contains("locales/en/leaflet.ftl"), "{f:?}");
}

#[test]
fn no_reference_locale_exits_2() {
    let t = tree(&[("sv/leaflet.ftl", SV), ("zh/leaflet.ftl", ZH)]);
    let r = run(&t, &["check", "locales"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("no reference locale `en`"), "{r:?}");
    assert!(r.stderr.contains("sv, zh"), "lists what it found: {r:?}");
}

#[test]
fn the_single_en_variant_is_the_reference() {
    let t = tree(&[("en-GB/leaflet.ftl", EN), ("sv/leaflet.ftl", SV_MISSING)]);
    let r = run(&t, &["check", "locales", "--format", "json"]);
    assert_eq!(r.code, 1, "{r:?}");
    let v = json(&r);
    assert_eq!(v["reference"], "en-GB");
    assert_eq!(
        v["diagnostics"][0]["message"],
        "message `dose-kidney` is missing: en-GB has it, sv does not"
    );
    assert_eq!(r.stderr, "");
}

#[test]
fn reference_option_chooses_the_reference() {
    // Swedish as the reference: the Chinese file is compared with it.
    let t = tree(&[("sv/leaflet.ftl", SV_MISSING), ("zh/leaflet.ftl", ZH)]);
    let r = run(
        &t,
        &["check", "locales", "--reference", "sv", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let v = json(&r);
    assert_eq!(v["reference"], "sv");
    assert_eq!(v["locales"], serde_json::json!(["sv", "zh"]));
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "obsolete-message");
    assert_eq!(d["message_id"], "dose-kidney");
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(r.stderr, "");

    let unknown = run(&t, &["check", "locales", "--reference", "de"]);
    assert_eq!(unknown.code, 2, "{unknown:?}");
    assert_eq!(unknown.stdout, "");
    assert!(
        unknown.stderr.contains("no reference locale `de`"),
        "{unknown:?}"
    );
}

#[test]
fn locale_option_filters_translations() {
    let t = tree(&[
        ("en/leaflet.ftl", EN),
        ("sv/leaflet.ftl", SV_MISSING),
        ("zh/leaflet.ftl", ZH_EXTRA),
    ]);
    let only_zh = run(
        &t,
        &["check", "locales", "--locale", "zh", "--format", "json"],
    );
    assert_eq!(
        only_zh.code, 0,
        "the Swedish error is not checked: {only_zh:?}"
    );
    let v = json(&only_zh);
    assert_eq!(v["locales"], serde_json::json!(["en", "zh"]));
    let rules: Vec<(&str, &str)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["locale"].as_str().unwrap()))
        .collect();
    assert_eq!(rules, vec![("obsolete-message", "zh")]);
    assert_eq!(only_zh.stderr, "");

    let both = run(
        &t,
        &[
            "check", "locales", "--locale", "sv", "--locale", "zh", "--format", "json",
        ],
    );
    assert_eq!(both.code, 1, "{both:?}");
    assert_eq!(json(&both)["summary"]["errors"], 1);
    assert_eq!(json(&both)["summary"]["warnings"], 1);
}

#[test]
fn an_unknown_locale_exits_2() {
    let t = clean();
    let r = run(&t, &["check", "locales", "--locale", "fr"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("locale `fr`"), "{r:?}");
    assert!(
        r.stderr.contains("en, sv, zh"),
        "lists the locales found: {r:?}"
    );
}

#[test]
fn a_directory_that_is_not_a_locale_tag_gets_a_note() {
    let t = tree(&[
        ("en/leaflet.ftl", EN),
        ("sv/leaflet.ftl", SV),
        ("images/logo.svg", "<svg/>\n"),
    ]);
    let r = run(&t, &["check", "locales"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("no findings"), "{r:?}");
    assert!(r.stdout.contains("2 locales"), "{r:?}");
    assert!(r.stderr.contains("leaflint: note:"), "{r:?}");
    assert!(r.stderr.contains("`images` is not a locale tag"), "{r:?}");
    assert_eq!(r.stderr.lines().count(), 1, "{r:?}");

    // --quiet drops notes.
    let q = run(&t, &["check", "locales", "--quiet"]);
    assert_eq!(q.code, 0, "{q:?}");
    assert_eq!(q.stderr, "");
}

#[test]
fn directories_of_translations_under_names_that_are_no_locale_tag_are_errors() {
    let t = tree(&[
        ("en/leaflet.ftl", EN),
        ("zh/leaflet.ftl", ZH),
        ("Svenska/leaflet.ftl", SV),
        ("sv_SE.bak/leaflet.ftl", SV),
        ("zh_Hans_CN_old/leaflet.ftl", ZH),
    ]);
    let r = run(&t, &["check", "locales", "--format", "github"]);
    assert_eq!(r.code, 1, "{r:?}");
    for dir in ["Svenska", "sv_SE.bak", "zh_Hans_CN_old"] {
        let line = r
            .stdout
            .lines()
            .find(|l| l.contains(&format!("locales/{dir}")))
            .unwrap_or_else(|| panic!("no finding for {dir}: {r:?}"));
        assert!(line.contains("io-error"), "{line}");
        assert!(
            line.contains(&format!("`{dir}` is not a locale tag")),
            "{line}"
        );
    }
    // Excluded, they are left alone.
    std::fs::write(
        t.path().join("leaflint.toml"),
        "exclude = [\"Svenska/**\", \"sv_SE.bak\", \"zh_Hans_CN_old/**\"]\n",
    )
    .unwrap();
    let r = run(&t, &["check", "locales"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("no findings"), "{r:?}");
}

#[test]
fn a_posix_locale_directory_is_read_as_its_tag_with_a_note() {
    let t = tree(&[("en/leaflet.ftl", EN), ("sv_SE/leaflet.ftl", SV_MISSING)]);
    let r = run(&t, &["check", "locales", "--format", "github"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr
            .contains("reading directory `locales/sv_SE` as locale `sv-SE`"),
        "{r:?}"
    );
    assert!(r.stdout.contains("sv-SE"), "{r:?}");
    assert!(r.stdout.contains("missing-message"), "{r:?}");
}

#[test]
fn a_tree_with_only_the_reference_exits_2() {
    let t = tree(&[("en/leaflet.ftl", EN), ("Svenska/leaflet.ftl", SV)]);
    let r = run(&t, &["check", "locales"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("no translations to compare"), "{r:?}");
    assert!(
        r.stderr.contains("Svenska"),
        "names the likely cause: {r:?}"
    );
    let only = tree(&[("en/leaflet.ftl", EN)]);
    let r = run(&only, &["check", "locales"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("no translations to compare"), "{r:?}");
}

#[test]
fn version_is_the_package_version() {
    let t = clean();
    let r = run(&t, &["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        format!("leaflint {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(r.stderr, "");
}

#[test]
fn check_help_shows_examples_and_exit_codes() {
    let t = clean();
    let r = run(&t, &["check", "--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Usage: leaflint check"), "{r:?}");
    assert!(r.stdout.contains("Examples:"), "{r:?}");
    assert!(
        r.stdout.contains("leaflint check locales/ --locale sv"),
        "{r:?}"
    );
    assert!(r.stdout.contains("--reference"), "{r:?}");
    assert!(r.stdout.contains("--deny-warnings"), "{r:?}");
    assert!(r.stdout.contains("Exit codes:"), "{r:?}");
    assert_eq!(r.stderr, "");
}

#[test]
fn a_usage_error_exits_2() {
    let t = clean();
    let r = run(&t, &["check", "--format", "yaml"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("yaml"), "{r:?}");
}

#[test]
fn quiet_prints_only_the_summary() {
    let t = with_error();
    let loud = run(&t, &["check", "locales"]);
    let r = run(&t, &["check", "locales", "--quiet"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(!r.stdout.contains("error[missing-message]"), "{r:?}");
    assert!(r.stdout.contains("found: 1 errors"), "{r:?}");
    assert!(r.stdout.len() < loud.stdout.len());
    assert_eq!(r.stderr, "");
}

#[test]
fn json_is_one_sorted_document() {
    let t = tree(&[
        ("en/leaflet.ftl", EN),
        ("en/brands.ftl", "-brand = Olumiant\n"),
        (
            "sv/leaflet.ftl",
            "dose-food = Med mat.\ndose-adult = Ta 4 mg en gång om dagen.\n",
        ),
        (
            "zh/leaflet.ftl",
            "dose-adult = 每天服用一次，每次 4 mg。{ $note }\n",
        ),
    ]);
    let r = run(&t, &["check", "locales", "--format", "json"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stderr, "");
    let v = json(&r);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "leaflint");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["reference"], "en");
    assert_eq!(v["locales"], serde_json::json!(["en", "sv", "zh"]));
    let diags = v["diagnostics"].as_array().unwrap();
    let key = |d: &serde_json::Value| {
        (
            d["file"].as_str().unwrap().to_string(),
            d["line"].as_u64().unwrap(),
            d["column"].as_u64().unwrap(),
            d["rule"].as_str().unwrap().to_string(),
        )
    };
    let keys: Vec<_> = diags.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        keys, sorted,
        "diagnostics are sorted by file, line, column, rule"
    );
    let found: Vec<(&str, &str, &str)> = diags
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["message_id"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("missing-file", "locales/sv/brands.ftl", "-"),
            ("obsolete-message", "locales/sv/leaflet.ftl", "dose-food"),
            ("missing-message", "locales/sv/leaflet.ftl", "dose-kidney"),
            ("missing-file", "locales/zh/brands.ftl", "-"),
            ("variable-mismatch", "locales/zh/leaflet.ftl", "dose-adult"),
            ("missing-message", "locales/zh/leaflet.ftl", "dose-kidney"),
        ]
    );
    let count = |sev: &str| diags.iter().filter(|d| d["severity"] == sev).count();
    assert_eq!(v["summary"]["errors"], count("error"));
    assert_eq!(v["summary"]["warnings"], count("warning"));
    assert_eq!(v["summary"]["files"], 4);
    // The same order on every run.
    assert_eq!(
        run(&t, &["check", "locales", "--format", "json"]).stdout,
        r.stdout
    );
}

#[test]
fn rules_lists_every_rule() {
    let t = clean();
    let r = run(&t, &["rules"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
    let ids: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let registered: Vec<&str> = leaflint::rules::registry()
        .iter()
        .map(|r| r.meta().id)
        .collect();
    assert_eq!(ids, registered);
    assert!(r.stdout.contains("missing-message"));
}

#[test]
fn rule_prints_its_documentation() {
    let t = clean();
    let r = run(&t, &["rule", "missing-message"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        leaflint::rules::find("missing-message").unwrap().meta().doc
    );
    assert!(r.stdout.starts_with("# `missing-message`"));
    assert_eq!(r.stderr, "");
}

#[test]
fn an_unknown_rule_exits_2_with_a_suggestion() {
    let t = clean();
    let r = run(&t, &["rule", "missing-mesage"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("no rule `missing-mesage`"), "{r:?}");
    assert!(
        r.stderr.contains("did you mean `missing-message`?"),
        "{r:?}"
    );

    let far = run(&t, &["rule", "nope"]);
    assert_eq!(far.code, 2, "{far:?}");
    assert_eq!(far.stdout, "");
    assert!(far.stderr.contains("no rule `nope`"), "{far:?}");
    assert!(!far.stderr.contains("did you mean"), "{far:?}");
}

#[test]
fn colour_follows_the_option_and_no_color() {
    let t = with_error();
    let esc = '\u{1b}';
    let never = run(&t, &["check", "locales", "--color", "never"]);
    assert!(!never.stdout.contains(esc), "{never:?}");
    let always = run(&t, &["check", "locales", "--color", "always"]);
    assert!(always.stdout.contains("\u{1b}["), "{always:?}");
    assert_eq!(always.code, 1);
    // Not a terminal: `auto` means no colour, and NO_COLOR keeps it off too.
    let auto = run(&t, &["check", "locales"]);
    assert!(!auto.stdout.contains(esc), "{auto:?}");
    let no_color = run_in(t.path(), &["check", "locales"], &[("NO_COLOR", "1")]);
    assert!(!no_color.stdout.contains(esc), "{no_color:?}");
    assert_eq!(no_color.stdout, never.stdout);
    // An explicit `always` wins over NO_COLOR.
    let forced = run_in(
        t.path(),
        &["check", "locales", "--color", "always"],
        &[("NO_COLOR", "1")],
    );
    assert_eq!(forced.stdout, always.stdout);
    // Without the escapes the coloured report is the plain one.
    let stripped = strip_ansi(&always.stdout);
    assert_eq!(stripped, never.stdout);
    // JSON is never coloured.
    let j = run(
        &t,
        &["check", "locales", "--format", "json", "--color", "always"],
    );
    assert!(!j.stdout.contains(esc));
    json(&j);
}

/// `auto` follows the CLICOLOR conventions (through anstream): CLICOLOR_FORCE colours a report
/// that is not going to a terminal, CLICOLOR=0 and NO_COLOR turn colour off.
#[test]
fn colour_follows_clicolor_force_and_clicolor() {
    let t = with_error();
    let esc = '\u{1b}';
    let forced = run_in(t.path(), &["check", "locales"], &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.stdout.contains("\u{1b}["), "{forced:?}");
    let off = run_in(
        t.path(),
        &["check", "locales"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!off.stdout.contains(esc), "{off:?}");
    let zero = run_in(t.path(), &["check", "locales"], &[("CLICOLOR", "0")]);
    assert!(!zero.stdout.contains(esc), "{zero:?}");
}

/// On a terminal (a pseudo-terminal from `script`), `auto` colours the report, except with
/// `TERM=dumb` (outside CI: with `CI` set, anstream colours a terminal whatever `TERM` says).
#[cfg(target_os = "linux")]
#[test]
fn term_dumb_turns_colour_off_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("no `script`: skipped");
        return;
    }
    let t = with_error();
    let on_tty = |term: &str| {
        let out = Command::new("script")
            .args(["-qec", &format!("{BIN} check locales"), "/dev/null"])
            .current_dir(t.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR")
            // anstream colours a terminal under CI whatever TERM says; CI sets `CI`.
            .env_remove("CI")
            .env("TERM", term)
            .output()
            .expect("script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let xterm = on_tty("xterm-256color");
    assert!(xterm.contains("\u{1b}["), "{xterm}");
    let dumb = on_tty("dumb");
    assert!(dumb.contains("error"), "{dumb}");
    assert!(!dumb.contains('\u{1b}'), "{dumb}");
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters final-byte
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    // Enough findings to fill the pipe many times over.
    let mut en = String::new();
    for i in 0..3000 {
        en.push_str(&format!(
            "message-number-{i} = Take {} tablets a day.\n",
            i % 7 + 1
        ));
    }
    let t = tree(&[("en/leaflet.ftl", &en), ("sv/leaflet.ftl", "")]);
    let mut child = Command::new(BIN)
        .args(["check", "locales"])
        .current_dir(t.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // like `| head -c1`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(status.code(), Some(0), "{status:?}");

    // The same through a shell pipeline.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("'{BIN}' check locales | head -c1"))
        .current_dir(t.path())
        .output()
        .unwrap();
    assert_eq!(out.stdout.len(), 1);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
