//! `--format html`: a self-contained page (inline CSS and script allowed by hashes in a strict
//! Content-Security-Policy), every FTL string escaped, and the locales side by side; checked in
//! headless Chromium when it is installed (`.ci/run` installs it).

mod report_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use report_support::{leaflint, showcase};
use sha2::{Digest, Sha256};

fn page() -> (tempfile::TempDir, String) {
    let (tmp, _) = showcase();
    let out = leaflint(
        tmp.path(),
        &["check", "report-showcase", "--format", "html"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    (tmp, out.stdout)
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let start = text.find(open).expect(open) + open.len();
    let end = start + text[start..].find(close).expect(close);
    &text[start..end]
}

fn hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

#[test]
fn every_ftl_string_is_escaped() {
    let (_tmp, html) = page();
    // The showcase's `seal-warning` holds `<script>`, `<b>`, `&` and quotes in every locale.
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(!html.contains("alert('x')"));
    assert!(!html.contains("<b>sealed</b>"));
    assert!(html.contains(
        "&quot;&lt;b&gt;sealed&lt;/b&gt;&quot; strip &amp; the foil are damaged: \
         &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    ));
    assert!(html.contains("“&lt;b&gt;密封&lt;/b&gt;”条 &amp; 铝箔损坏"));
}

#[test]
fn page_is_self_contained_under_a_strict_policy() {
    let (_tmp, html) = page();
    let csp = between(
        &html,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"",
        "\">",
    );
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(!csp.contains("unsafe-inline"));
    let style = between(&html, "<style>", "</style>");
    let script = between(&html, "<script>", "</script>");
    assert!(
        csp.contains(&format!("style-src {};", hash(style))),
        "{csp}"
    );
    assert!(
        csp.contains(&format!("script-src {};", hash(script))),
        "{csp}"
    );
    for external in ["src=", "href=\"http", "href=\"//", "url(", "@import"] {
        assert!(!html.contains(external), "`{external}` in the page");
    }
    // No inline event handlers (` onclick="…"`): the policy would block them.
    for (i, _) in html.match_indices(" on") {
        let name: String = html[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase())
            .collect();
        assert!(
            !html[i + 1 + name.len()..].starts_with("=\""),
            "inline handler `{name}`"
        );
    }
    assert!(!html.contains(" style=\""), "no inline style attributes");
}

#[test]
fn locales_side_by_side_with_highlights_and_findings() {
    let (_tmp, html) = page();
    let article = between(&html, "<h3><code>what-is</code></h3>", "</article>");
    let cols: Vec<&str> = article
        .split("<div class=\"col")
        .skip(1)
        .filter(|c| !c.starts_with("s\""))
        .collect();
    assert_eq!(cols.len(), 3, "en | sv | zh");
    assert!(
        cols[0].starts_with(" reference\" data-locale=\"en\"")
            && cols[0].contains("<mark class=\"ref\">-brand</mark>")
    );
    assert!(cols[1].contains("<mark class=\"tr\">Olumiant</mark>"));
    assert!(cols[1].contains("data-rule=\"reference-mismatch\""));
    assert!(
        cols[2].contains("<pre lang=\"zh\">what-is = { -brand } 含有活性成分 { -drug }。</pre>")
    );
    // CJK: the plural variant Chinese never selects is marked in the zh column.
    let plural = between(&html, "<h3><code>tablets-per-day</code></h3>", "</article>");
    assert!(plural.contains("[<mark class=\"tr\">one</mark>] 每天服用 { $count } 片。"));
    // Messages without findings are on the page too (for "show all"), marked clean.
    assert!(html.contains("<article class=\"msg clean\""));
    assert!(
        between(&html, "<h3><code>leaflet-title</code></h3>", "</article>")
            .contains("4 mg 薄膜衣片")
    );
    // The summary counts findings per rule and locale.
    let summary = between(&html, "<table class=\"summary\">", "</table>");
    assert!(summary.contains("<tr id=\"rule-variable-mismatch\"><th><code>variable-mismatch</code></th><td>2</td><td class=\"zero\">·</td><td>2</td></tr>"));
}

/// The Chromium binary, if one is installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Runs headless Chromium with `args` and returns its stdout.
fn run_chromium(browser: &Path, profile: &Path, args: &[String]) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            child.kill().unwrap();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn page_works_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!(
            "skipping the browser test: no chromium on PATH (`apt-get install chromium`; .ci/run installs it)"
        );
        return;
    };
    let (tmp, _) = showcase();
    let out = leaflint(
        tmp.path(),
        &[
            "check",
            "report-showcase",
            "--format",
            "html",
            "-o",
            "review.html",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let page = tmp.path().join("review.html");
    let url = format!("file://{}", page.display());
    let profile = tempfile::tempdir().unwrap();

    let dom = run_chromium(
        &browser,
        profile.path(),
        &["--dump-dom".into(), url.clone()],
    );
    let html_tag = between(&dom, "<html", ">");
    assert!(
        html_tag.contains("data-ready=\"1\""),
        "the script ran: {html_tag}"
    );
    assert!(
        !html_tag.contains("data-errors"),
        "script errors: {html_tag}"
    );
    assert!(dom.contains("<mark class=\"tr\">Olumiant</mark>"));
    assert!(dom.contains("<mark class=\"ref\">-brand</mark>"));
    assert!(dom.contains("[<mark class=\"tr\">one</mark>] 每天服用"));
    let findings = dom.matches("<li class=\"finding ").count();
    assert!(findings >= 15, "{findings} findings on the page");
    assert_eq!(dom.matches("<li class=\"finding ").count(), findings);
    // Messages without findings start hidden; `#all` shows them.
    assert!(dom.contains("<article class=\"msg clean\" id=") && dom.contains("hidden=\"\""));
    let shown = between(&dom, "<output id=\"shown\">", "</output>").to_string();
    assert!(shown.ends_with("messages shown"), "{shown}");
    let all = run_chromium(
        &browser,
        profile.path(),
        &["--dump-dom".into(), format!("{url}#all")],
    );
    assert!(between(&all, "<body", ">").contains("show-all"));
    let hidden_clean = all
        .match_indices("<article class=\"msg clean\"")
        .filter(|(i, _)| all[*i..].split_once('>').unwrap().0.contains("hidden"))
        .count();
    assert_eq!(hidden_clean, 0, "show all reveals every message");
    let shown_all = between(&all, "<output id=\"shown\">", "</output>");
    assert_ne!(shown_all, shown);

    let shot = tmp.path().join("review.png");
    run_chromium(
        &browser,
        profile.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600".into(),
            url,
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
}
