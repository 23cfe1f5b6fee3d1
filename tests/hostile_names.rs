//! File names, directory names and `leaflint.toml` values come from whoever opens the pull
//! request. A line break in one must not start a GitHub Actions workflow command (a line that
//! begins with `::`, after leading spaces, which the runner trims), and ESC, BEL or CR must not
//! reach the terminal or the log raw, in any format or on stderr. The machine formats keep the
//! real path. Each test builds its tree with control characters in names, which Unix file
//! systems take; elsewhere the tests say that they are skipped.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_leaflint");

/// A translation file name of the reference only (so `missing-file` in sv).
const FILE: &str = "x\n::error file=x::pwned\u{1b}]0;title\u{7}.ftl";
/// A directory inside sv that the reference lacks (so `obsolete-file`).
const DIR: &str = "sub\r\n::error file=x::pwned\u{1b}]0;title\u{7}";
/// A directory next to the locales that is not a locale tag (so a note on stderr).
const NOT_A_LOCALE: &str = "dir\n::error file=x::pwned\u{1b}]0;title\u{7}";

const EN: &str = "dose-adult = Take 4 mg once a day.\n";
const SV: &str = "dose-adult = Ta 4 mg en gång om dagen.\n";

const FORMATS: [&str; 5] = ["human", "github", "json", "sarif", "html"];

/// The note every format's run writes to stderr.
const NOTE: &str = "leaflint: note: ignoring directory `locales/dir<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>`: `dir<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>` is not a locale tag\n";

/// What one run did, as raw bytes.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }
    fn stderr(&self) -> &str {
        std::str::from_utf8(&self.stderr).expect("stderr is UTF-8")
    }
}

/// Runs the binary in `dir` as a GitHub Actions job would (`GITHUB_ACTIONS=true`), without colour.
fn run(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("GITHUB_ACTIONS", "true")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: out.stdout,
        stderr: out.stderr,
    }
}

/// Writes `files` (relative path, text) under `root`; `None` (with a message) when the file
/// system refuses a name.
fn write(root: &Path, files: &[(String, &str)]) -> Option<()> {
    for (path, text) in files {
        let full = root.join(path);
        let made = std::fs::create_dir_all(full.parent().unwrap())
            .and_then(|()| std::fs::write(&full, text));
        if let Err(e) = made {
            eprintln!("skipped: this file system does not take the name {path:?}: {e}");
            return None;
        }
    }
    Some(())
}

/// The hostile tree: `locales/{en,sv}` with [`FILE`] and [`DIR`], and [`NOT_A_LOCALE`] beside
/// them. `None` where names cannot hold control characters.
fn hostile_tree() -> Option<TempDir> {
    if !cfg!(unix) {
        eprintln!("skipped: file names with control characters need a Unix file system");
        return None;
    }
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        &[
            ("locales/en/leaflet.ftl".into(), EN),
            ("locales/sv/leaflet.ftl".into(), SV),
            (format!("locales/en/{FILE}"), EN),
            (format!("locales/sv/{DIR}/leaflet.ftl"), SV),
            (
                format!("locales/{NOT_A_LOCALE}/readme.txt"),
                "not a locale\n",
            ),
        ],
    )?;
    Some(tmp)
}

/// Fails when a line of `text` (split at LF and CR, as a log viewer may) begins a workflow
/// command and is not one of `own`.
fn assert_no_injected_command(text: &str, own: &[&str], what: &str) {
    for line in text.split(['\n', '\r']) {
        if line.trim_start().starts_with("::") {
            assert!(
                own.contains(&line),
                "{what}: a line starts a workflow command: {line:?}"
            );
        }
    }
}

/// Fails when `bytes` hold a control character other than line feed: ESC, BEL, CR, tab, DEL, or
/// a C1 control (U+0080 to U+009F, `0xC2 0x80..=0x9F` in UTF-8).
fn assert_no_raw_control(bytes: &[u8], what: &str) {
    for (i, w) in bytes.windows(2).enumerate() {
        assert!(
            !(w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1])),
            "{what}: raw C1 control at byte {i}"
        );
    }
    if let Some(i) = bytes
        .iter()
        .position(|&b| (b < 0x20 && b != b'\n') || b == 0x7f)
    {
        panic!(
            "{what}: raw control byte {:#04x} at {i}: {:?}",
            bytes[i],
            String::from_utf8_lossy(&bytes[i.saturating_sub(40)..(i + 40).min(bytes.len())])
        );
    }
}

/// Percent-decodes a URI path (for the round trip of SARIF `artifactLocation.uri`).
fn percent_decode(uri: &str) -> String {
    let b = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Item 4 of the hostile-input issue: a newline in a file or directory name must not inject
/// `::error file=…` lines. The annotations are leaflint's own, escaped the way GitHub decodes
/// them (`%0A`, `%3A`); the stderr note, like every line leaflint writes to stderr, begins with
/// `leaflint: ` because line breaks inside it are escaped, so in CI no line of it can begin a
/// workflow command either.
#[test]
fn names_cannot_start_a_workflow_command() {
    let Some(tmp) = hostile_tree() else { return };
    let own = [
        "::warning file=locales/sv/sub%0D%0A%3A%3Aerror file=x%3A%3Apwned<U+001B>]0;title<U+0007>/leaflet.ftl,line=1,col=1,endLine=1,endColumn=1,title=leaflint obsolete-file::`sub%0D%0A::error file=x::pwned<U+001B>]0;title<U+0007>/leaflet.ftl` has no counterpart in en",
        "::error file=locales/sv/x%0A%3A%3Aerror file=x%3A%3Apwned<U+001B>]0;title<U+0007>.ftl,line=1,col=1,endLine=1,endColumn=1,title=leaflint missing-file::`x%0A::error file=x::pwned<U+001B>]0;title<U+0007>.ftl` is missing in sv: 1 entry of en untranslated (en locales/en/x%0A::error file=x::pwned<U+001B>]0;title<U+0007>.ftl:1)",
    ];
    let github = run(tmp.path(), &["check", "locales", "--format", "github"]);
    assert_eq!(github.code, 1, "{}", github.stderr());
    assert_eq!(github.stdout(), format!("{}\n{}\n", own[0], own[1]));
    assert_eq!(github.stderr(), NOTE);
    for format in FORMATS {
        let out = run(tmp.path(), &["check", "locales", "--format", format]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr());
        let own: &[&str] = if format == "github" { &own } else { &[] };
        assert_no_injected_command(out.stdout(), own, &format!("{format} stdout"));
        assert_no_injected_command(out.stderr(), &[], &format!("{format} stderr"));
        assert_eq!(out.stderr(), NOTE, "{format}");
    }
}

/// Item 5: ESC, BEL and CR in file and directory names reach no output raw; the human report
/// shows them as `<U+001B>`, as it shows hidden characters inside FTL text.
#[test]
fn control_characters_in_names_reach_no_output_raw() {
    let Some(tmp) = hostile_tree() else { return };
    for format in FORMATS {
        let out = run(tmp.path(), &["check", "locales", "--format", format]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr());
        assert_no_raw_control(&out.stdout, &format!("{format} stdout"));
        assert_no_raw_control(&out.stderr, &format!("{format} stderr"));
    }
    let human = run(tmp.path(), &["check", "locales"]);
    assert_eq!(
        human.stdout(),
        "\
locales/sv/sub<U+000D><U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>/leaflet.ftl
warning[obsolete-file]: `sub<U+000D><U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>/leaflet.ftl` has no counterpart in en
   locales/sv/sub<U+000D><U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>/leaflet.ftl:1:1

locales/sv/x<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>.ftl
error[missing-file]: `x<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>.ftl` is missing in sv: 1 entry of en untranslated
  - en  locales/en/x<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>.ftl:1:1
  - 1 │ dose-adult = Take 4 mg once a day.
  + sv  locales/sv/x<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>.ftl:1:1  (no such file)

found: 1 errors, 1 warnings, 0 infos in 4 files, 4 messages (reference en)
  rule           sv  total
  missing-file    1      1
  obsolete-file   1      1
  total           2      2
"
    );
    assert_eq!(human.stderr(), NOTE);
    // The review page shows them as code-point marks, and keeps them out of attributes.
    let html = run(tmp.path(), &["check", "locales", "--format", "html"]);
    let page = html.stdout();
    assert!(
        page.contains("<h2>x<span class=\"cp\">U+000A</span>::error file=x::pwned<span class=\"cp\">U+001B</span>]0;title<span class=\"cp\">U+0007</span>.ftl</h2>"),
        "{page}"
    );
    assert!(
        page.contains("data-rel=\"x&lt;U+000A&gt;::error file=x::pwned&lt;U+001B&gt;]0;title&lt;U+0007&gt;.ftl\""),
        "{page}"
    );
}

/// JSON and SARIF escape only as JSON does, so a reader gets the exact path back; SARIF's URI
/// decodes to it.
#[test]
fn json_and_sarif_keep_the_real_path() {
    let Some(tmp) = hostile_tree() else { return };
    let obsolete = format!("locales/sv/{DIR}/leaflet.ftl");
    let missing = format!("locales/sv/{FILE}");
    let reference = format!("locales/en/{FILE}");

    let json = run(tmp.path(), &["check", "locales", "--format", "json"]);
    assert!(
        json.stdout().contains(
            r#""file": "locales/sv/sub\r\n::error file=x::pwned\u001b]0;title\u0007/leaflet.ftl","#
        ),
        "{}",
        json.stdout()
    );
    let doc: serde_json::Value = serde_json::from_str(json.stdout()).unwrap();
    let d = doc["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["rule"], "obsolete-file");
    assert_eq!(d[0]["file"], obsolete.as_str());
    assert_eq!(d[1]["rule"], "missing-file");
    assert_eq!(d[1]["file"], missing.as_str());
    assert_eq!(d[1]["reference"]["file"], reference.as_str());
    assert_eq!(
        d[1]["message"],
        format!("`{FILE}` is missing in sv: 1 entry of en untranslated").as_str()
    );

    let sarif = run(tmp.path(), &["check", "locales", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(sarif.stdout()).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let uri = |r: &serde_json::Value| {
        r["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let first = uri(&results[0]["locations"][0]);
    assert_eq!(
        first,
        "locales/sv/sub%0D%0A%3A%3Aerror%20file%3Dx%3A%3Apwned%1B%5D0%3Btitle%07/leaflet.ftl"
    );
    assert_eq!(percent_decode(&first), obsolete);
    assert_eq!(percent_decode(&uri(&results[1]["locations"][0])), missing);
    assert_eq!(
        percent_decode(&uri(&results[1]["relatedLocations"][0])),
        reference
    );
    assert_eq!(
        results[1]["message"]["text"],
        format!("`{FILE}` is missing in sv: 1 entry of en untranslated").as_str()
    );
}

/// Item 5 for configuration: a `leaflint.toml` value with ESC and BEL, in the error that names
/// it, and a configuration file whose name has a line break, in `config --dump`.
#[test]
fn configuration_text_reaches_stderr_and_stdout_escaped() {
    let Some(tmp) = hostile_tree() else { return };
    let name = "c\n::error file=x::pwned\u{1b}]0;title\u{7}.toml";
    let toml = "[[ignore]]\nrule = \"all\"\nlocale = \"s\\u001b]0;cfg\\u0007v\"\nreason = \"r\"\n";
    write(
        tmp.path(),
        &[("leaflint.toml".into(), toml), (name.into(), toml)],
    )
    .unwrap();
    let out = run(tmp.path(), &["check", "locales"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout(), "");
    let stderr = out.stderr();
    assert!(
        stderr.ends_with(
            "leaflint.toml:3:10: `s<U+001B>]0;cfg<U+0007>v` in `ignore.locale` is not a locale tag\n"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_no_raw_control(&out.stderr, "stderr");

    let out = run(
        tmp.path(),
        &["check", "locales", "--config", name, "--format", "github"],
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr(),
        "leaflint: error: c<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>.toml:3:10: `s<U+001B>]0;cfg<U+0007>v` in `ignore.locale` is not a locale tag\n"
    );

    let dumped = "include = [\"\\u001b]0;cfg\\u0007*.ftl\"]\n";
    write(tmp.path(), &[(name.into(), dumped)]).unwrap();
    let out = run(tmp.path(), &["config", "--dump", "--config", name]);
    assert_eq!(out.code, 0, "{}", out.stderr());
    let stdout = out.stdout();
    assert!(
        stdout.starts_with(
            "# effective configuration, read from c<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007>.toml\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("include = [\"\\u001B]0;cfg\\u0007*.ftl\"]\n"),
        "{stdout}"
    );
    assert_no_raw_control(&out.stdout, "config --dump");
    assert_no_injected_command(stdout, &[], "config --dump");
}

/// SARIF `artifactLocation.uri`: on Unix a `\` is part of a file name, not a separator, so it is
/// percent-encoded like `%`, space, `#` and `?`; the URI decodes to the real path.
#[test]
fn sarif_uris_encode_backslashes_and_reserved_characters() {
    if !cfg!(unix) {
        eprintln!("skipped: `\\` is an ordinary file-name character only on Unix");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let name = "a\\b 100%#?.ftl";
    write(
        tmp.path(),
        &[
            ("locales/en/leaflet.ftl".into(), EN),
            ("locales/sv/leaflet.ftl".into(), SV),
            (format!("locales/sv/{name}"), SV),
        ],
    )
    .unwrap();
    let out = run(tmp.path(), &["check", "locales", "--format", "sarif"]);
    assert_eq!(out.code, 0, "{}", out.stderr());
    let log: serde_json::Value = serde_json::from_str(out.stdout()).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "obsolete-file");
    let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(uri, "locales/sv/a%5Cb%20100%25%23%3F.ftl");
    assert_eq!(percent_decode(uri), format!("locales/sv/{name}"));
}
