//! `--format github`: one workflow command per finding, checked line by line, with `%`, CR and
//! LF escaped in the message and also `:` and `,` in the properties.

mod report_support;

use report_support::{leaflint, showcase};

/// A parsed `::level prop=value,…::message` line.
struct Command {
    level: String,
    props: Vec<(String, String)>,
    message: String,
}

fn parse(line: &str) -> Command {
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (head, message) = rest.split_once("::").expect("has a message");
    let (level, props) = head.split_once(' ').expect("has properties");
    let props = props
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), v.to_string())
        })
        .collect();
    Command {
        level: level.to_string(),
        props,
        message: message.to_string(),
    }
}

fn unescape(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn one_command_per_finding_line_by_line() {
    let (tmp, _) = showcase();
    let json = leaflint(
        tmp.path(),
        &["check", "report-showcase", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = doc["diagnostics"].as_array().unwrap();
    let out = leaflint(
        tmp.path(),
        &["check", "report-showcase", "--format", "github"],
    );
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, f) in lines.iter().zip(findings) {
        let c = parse(line);
        let level = match f["severity"].as_str().unwrap() {
            "info" => "notice",
            s => s,
        };
        assert_eq!(c.level, level, "{line}");
        let keys: Vec<&str> = c.props.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"],
            "{line}"
        );
        let prop = |k: &str| unescape(&c.props.iter().find(|(n, _)| n == k).unwrap().1);
        assert_eq!(prop("file"), f["file"].as_str().unwrap());
        assert_eq!(prop("line"), f["line"].to_string());
        assert_eq!(prop("col"), f["column"].to_string());
        assert_eq!(prop("endLine"), f["end_line"].to_string());
        assert_eq!(prop("endColumn"), f["end_column"].to_string());
        assert_eq!(
            prop("title"),
            format!("leaflint {}", f["rule"].as_str().unwrap())
        );
        assert!(
            unescape(&c.message).contains(f["message"].as_str().unwrap()),
            "{line}"
        );
    }
}

#[test]
fn escapes_percent_newlines_colons_and_commas() {
    let (tmp, root) = showcase();
    // An extra file whose name holds every character that needs escaping.
    std::fs::write(
        root.join("sv/100%, a:b\r\nc.ftl"),
        "dose-with-food = Tabletten kan tas med mat.\n",
    )
    .unwrap();
    let out = leaflint(
        tmp.path(),
        &["check", "report-showcase", "--format", "github"],
    );
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("obsolete-file") && l.contains("100"))
        .expect("the extra file is reported");
    let c = parse(line);
    let file = &c.props[0].1;
    assert_eq!(file, "report-showcase/sv/100%25%2C a%3Ab%0D%0Ac.ftl");
    assert!(
        c.message.contains("`100%25, a:b%0D%0Ac.ftl`"),
        "{}",
        c.message
    );
    // Every finding stays on one line.
    let count = leaflint(
        tmp.path(),
        &["check", "report-showcase", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&count.stdout).unwrap();
    assert_eq!(
        out.stdout.lines().count(),
        doc["diagnostics"].as_array().unwrap().len()
    );
}
