//! `--project l10n.toml` on `fixtures/mozilla-project`: per-path locale lists, filters (ignore
//! and warning, with a `re:` key), `[env]`, `{l10n_base}` and `[[includes]]`.

use std::path::{Path, PathBuf};

mod common;
use common::{leaflint, Run};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/mozilla-project")
}

/// (rule, locale, severity, file relative to the locale, message id) of every finding.
fn found(run: &Run) -> Vec<(String, String, String, String, String)> {
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    let mut v: Vec<_> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let locale = d["locale"].as_str().unwrap().to_string();
            let file = d["file"].as_str().unwrap().replace('\\', "/");
            let rel = file
                .split_once(&format!("/{locale}/"))
                .map_or(file.clone(), |(_, r)| r.to_string());
            (
                d["rule"].as_str().unwrap().to_string(),
                locale,
                d["severity"].as_str().unwrap().to_string(),
                rel,
                d["message_id"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn t(
    rule: &str,
    locale: &str,
    sev: &str,
    rel: &str,
    id: &str,
) -> (String, String, String, String, String) {
    (
        rule.into(),
        locale.into(),
        sev.into(),
        rel.into(),
        id.into(),
    )
}

#[test]
fn project_paths_locales_and_filters_decide_what_is_checked() {
    let out = leaflint(
        &fixture(),
        &[
            "check",
            "--project",
            "configs/l10n.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        found(&out),
        [
            // Only zh translates extra/ (from the included configuration); sv is not asked to.
            t("missing-file", "zh", "error", "extra/faq.ftl", "-"),
            // `re:promo-` on main.ftl: a warning instead of an error.
            t(
                "missing-message",
                "sv",
                "warning",
                "main.ftl",
                "promo-banner"
            ),
        ]
    );
    // zh has no legal.ftl (filtered out), no welcome/special.ftl (sv only: neither missing
    // nor obsolete), and en/drafts/ is not in the project.
    assert!(
        out.stderr
            .contains("1 of the project's locales have no directory"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("(fr)"), "{}", out.stderr);
}

#[test]
fn locale_selection_uses_the_project_list() {
    let out = leaflint(
        &fixture(),
        &[
            "check",
            "--project",
            "configs/l10n.toml",
            "--locale",
            "sv",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        found(&out),
        [t(
            "missing-message",
            "sv",
            "warning",
            "main.ftl",
            "promo-banner"
        )]
    );

    let out = leaflint(
        &fixture(),
        &["check", "--project", "configs/l10n.toml", "--locale", "de"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("locale `de` was asked for"),
        "{}",
        out.stderr
    );
}

#[test]
fn without_the_project_the_tree_is_read_as_plain_directories() {
    let out = leaflint(
        &fixture(),
        &["check", ".", "--isolated", "--format", "json"],
    );
    let plain = found(&out);
    // The drafts file and sv's missing extra/ are reported, the legal filter does not apply.
    assert!(plain.contains(&t("missing-file", "sv", "error", "drafts/notes.ftl", "-")));
    assert!(plain.contains(&t("missing-file", "sv", "error", "extra/faq.ftl", "-")));
    assert!(plain.contains(&t("missing-file", "zh", "error", "legal.ftl", "-")));
    assert!(plain.contains(&t(
        "missing-message",
        "sv",
        "error",
        "main.ftl",
        "promo-banner"
    )));
}

#[test]
fn bad_project_files_are_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(tmp.path().join(name), text).unwrap();
    write(
        "pair.toml",
        "locales = [\"sv\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/sub/**/*.ftl\"\n",
    );
    let out = leaflint(tmp.path(), &["check", "--project", "pair.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot be paired"), "{}", out.stderr);

    write(
        "action.toml",
        "locales = [\"sv\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n[[filters]]\npath = \"{locale}/a.ftl\"\naction = \"report\"\n",
    );
    let out = leaflint(tmp.path(), &["check", "--project", "action.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("action `report`"), "{}", out.stderr);

    write("broken.toml", "locales = [\"sv\"\n");
    let out = leaflint(tmp.path(), &["check", "--project", "broken.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("broken.toml"), "{}", out.stderr);

    let out = leaflint(
        tmp.path(),
        &["check", "elsewhere/", "--project", "pair.toml"],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not both"), "{}", out.stderr);
}

/// A project in a temporary directory: `en/a.ftl`, `sv/a.ftl` and the given files.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    common::write_files(
        tmp.path(),
        &[("en/a.ftl", "a = A\n"), ("sv/a.ftl", "a = B\n")],
    );
    common::write_files(tmp.path(), files);
    tmp
}

const PATHS: &str = "[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n";

/// Runs `check --project l10n.toml` in `dir`: exit code 2, nothing on stdout, and this one error.
fn fails_with(dir: &Path, error: &str) {
    let out = leaflint(dir, &["check", "--project", "l10n.toml"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", format!("leaflint: error: {error}\n").as_str())
    );
}

#[test]
fn an_env_value_made_of_sixteen_copies_of_itself_is_a_self_reference() {
    let bomb = "{a}".repeat(16);
    let tmp = project(&[(
        "l10n.toml",
        &format!("locales = [\"sv\"]\n[env]\na = \"{bomb}\"\n{PATHS}"),
    )]);
    fails_with(
        tmp.path(),
        "l10n.toml:3:1: `[env]` value `a` refers to itself",
    );
}

#[test]
fn an_env_value_that_grows_sixteen_fold_per_level_stops_at_the_size_limit() {
    // b9 would be 4 × 16⁹ bytes (256 GiB); b3 (16 KiB) is the first over 4 KiB.
    let mut env = String::from("b0 = \"abcd\"\n");
    for i in 1..10 {
        env.push_str(&format!(
            "b{i} = \"{}\"\n",
            format!("{{b{}}}", i - 1).repeat(16)
        ));
    }
    let tmp = project(&[(
        "l10n.toml",
        &format!(
            "locales = [\"sv\"]\n[env]\n{env}[[paths]]\nreference = \"{{b9}}/en/*.ftl\"\nl10n = \"{{locale}}/*.ftl\"\n"
        ),
    )]);
    fails_with(
        tmp.path(),
        "l10n.toml:6:1: `[env]` value `b3` expands to more than 4096 bytes",
    );
}

#[test]
fn env_values_that_refer_to_each_other_in_a_circle_are_an_error() {
    let tmp = project(&[(
        "l10n.toml",
        &format!(
            "locales = [\"sv\"]\n[env]\nx = \"{{y}}/\"\ny = \"{{z}}\"\nz = \"{{x}}\"\n{PATHS}"
        ),
    )]);
    fails_with(
        tmp.path(),
        "l10n.toml:3:1: `[env]` values refer to each other in a circle: `x` → `y` → `z` → `x`",
    );
    // An unused value that refers to itself is reported too.
    let tmp = project(&[(
        "l10n.toml",
        &format!("locales = [\"sv\"]\n[env]\n  unused = \"x{{unused}}\"\n{PATHS}"),
    )]);
    fails_with(
        tmp.path(),
        "l10n.toml:3:3: `[env]` value `unused` refers to itself",
    );
}

#[test]
fn includes_that_go_round_in_a_circle_are_an_error() {
    let tmp = project(&[
        (
            "l10n.toml",
            &format!("locales = [\"sv\"]\n{PATHS}[[includes]]\npath = \"more/b.toml\"\n"),
        ),
        ("more/b.toml", "[[includes]]\n  path = \"../l10n.toml\"\n"),
    ]);
    fails_with(
        tmp.path(),
        "more/b.toml:2:10: `[[includes]]` entry 1: the includes go round in a circle: `l10n.toml` → `more/b.toml` → `l10n.toml`",
    );
}

#[test]
fn a_chain_of_six_thousand_includes_stops_at_the_depth_limit() {
    let tmp = project(&[(
        "l10n.toml",
        &format!("locales = [\"sv\"]\n{PATHS}[[includes]]\npath = \"inc/1.toml\"\n"),
    )]);
    std::fs::create_dir(tmp.path().join("inc")).unwrap();
    for i in 1..6000 {
        // Relative to the including file's directory.
        let next = format!("[[includes]]\npath = \"{}.toml\"\n", i + 1);
        std::fs::write(tmp.path().join(format!("inc/{i}.toml")), next).unwrap();
    }
    std::fs::write(tmp.path().join("inc/6000.toml"), "").unwrap();
    fails_with(
        tmp.path(),
        "inc/32.toml:2:8: `[[includes]]` entry 1: including `inc/33.toml` here nests includes more than 32 deep below `l10n.toml`",
    );
    // 32 deep is allowed.
    std::fs::write(tmp.path().join("inc/32.toml"), "").unwrap();
    let out = leaflint(tmp.path(), &["check", "--project", "l10n.toml"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
}

#[test]
fn too_many_include_files_are_an_error() {
    let mut root = format!("locales = [\"sv\"]\n{PATHS}");
    for i in 1..=1000 {
        root.push_str(&format!("[[includes]]\npath = \"inc/{i}.toml\"\n"));
    }
    let tmp = project(&[("l10n.toml", &root)]);
    std::fs::create_dir(tmp.path().join("inc")).unwrap();
    for i in 1..=1000 {
        std::fs::write(tmp.path().join(format!("inc/{i}.toml")), "").unwrap();
    }
    // The project file and 999 includes make 1000 files; the next one is refused.
    fails_with(
        tmp.path(),
        "l10n.toml:2004:8: including `inc/1000.toml` makes more than 1000 project configuration files",
    );
}

#[test]
fn project_files_that_are_not_regular_files_are_not_read() {
    let tmp = project(&[(
        "l10n.toml",
        &format!("locales = [\"sv\"]\n{PATHS}[[includes]]\npath = \"/dev/zero\"\n"),
    )]);
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let out = leaflint(tmp.path(), &["check", "--project", "l10n.toml"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "leaflint: error: cannot read project configuration `/dev/zero`\n  caused by: is not a regular file (a FIFO, device or socket)\n"
        )
    );
}

/// Paths in an `l10n.toml` are relative to its directory (as in compare-locales), not to the
/// working directory: the same findings from the fixture's parent as from the fixture itself.
#[test]
fn a_project_is_read_the_same_from_another_working_directory() {
    let parent = fixture().parent().unwrap().to_path_buf();
    let args = |p: &'static str| ["check", "--project", p, "--format", "json"];
    let here = leaflint(&fixture(), &args("configs/l10n.toml"));
    let there = leaflint(&parent, &args("mozilla-project/configs/l10n.toml"));
    assert_eq!(there.code, 1, "{}", there.stderr);
    assert!(!there.stderr.contains("error"), "{}", there.stderr);
    assert_eq!(found(&there), found(&here));
    assert_eq!(found(&there).len(), 2);
}

/// The same for a project without `[[includes]]` whose patterns use `{l10n_base}`: from
/// another directory it still finds its files (it used to find none and report a clean run).
#[test]
fn a_project_without_includes_is_read_from_another_working_directory() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_files(
        tmp.path(),
        &[
            (
                "proj/l10n.toml",
                "basepath = \".\"\nlocales = [\"sv\"]\n[env]\nl = \"{l10n_base}/{locale}/\"\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{l}*.ftl\"\n",
            ),
            ("proj/en/a.ftl", "hello = Hello\nbye = Bye\n"),
            ("proj/sv/a.ftl", "hello = Hej\n"),
        ],
    );
    for (dir, path) in [
        (tmp.path().join("proj"), "l10n.toml"),
        (tmp.path().to_path_buf(), "proj/l10n.toml"),
    ] {
        let out = leaflint(&dir, &["check", "--project", path, "--format", "json"]);
        assert_eq!(out.code, 1, "{}: {}", path, out.stderr);
        assert_eq!(
            found(&out),
            [t("missing-message", "sv", "error", "a.ftl", "bye")],
            "from {path}"
        );
    }
}
