//! Escaping for each place output goes. File and directory names, `.ftl` text and `leaflint.toml`
//! values come from the checked tree, which on a pull request anyone can write: none of it may
//! reach a terminal or a CI log as a control character, or start a line of its own (a line that
//! begins with `::` is a GitHub Actions workflow command). Every format and the binary escape
//! through this module:
//!
//! - the human report and stderr (notes, errors): [`terminal`] shows every character
//!   [`is_unsafe`] matches as its code point, `<U+001B>`, the way the human report already shows
//!   hidden characters inside FTL text. Line breaks are among them, so one escaped string is
//!   always one line, and a line leaflint writes always begins with leaflint's own text;
//! - `--format github`: [`workflow_data`] for a command's message and [`workflow_property`] for
//!   its `file=` and `title=`: GitHub's escapes for what the runner decodes (`%` → `%25`, CR →
//!   `%0D`, LF → `%0A`; in properties also `:` → `%3A`, `,` → `%2C`), and `<U+001B>` for every
//!   other unsafe character, for which the runner has no escape;
//! - SARIF `artifactLocation.uri`: [`uri_path`], percent-encoding per RFC 3986.
//!
//! JSON and SARIF strings are escaped by `serde_json` alone (`\n`, `\u001b`), so that they keep
//! the real path; the HTML page escapes with `html::escape` and shows hidden characters there as
//! `U+001B` marks.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters a reader would not see, or that would change a terminal, inside FTL text: the
/// reports show them as their code point (`<U+200B>`). Tab and line feed are not among them,
/// as FTL text has them in its own right; [`is_unsafe`] adds them for names and messages.
pub(crate) fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}')
}

/// Characters no output line shows raw: every control character (C0 with tab, line feed and
/// carriage return, DEL, C1) and the hidden characters of [`is_hidden`] (bidirectional controls,
/// zero-width characters, the line and paragraph separators).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_hidden(c)
}

/// Appends `c` as the reports show a hidden character: `<U+001B>`.
pub(crate) fn push_code_point(out: &mut String, c: char) {
    let _ = write!(out, "<U+{:04X}>", c as u32);
}

/// Text for a terminal or a log (the human report, stderr): every [`is_unsafe`] character as
/// `<U+001B>`. The result is one line. Borrowed when there is nothing to escape.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            push_code_point(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The message part of a GitHub workflow command (after the second `::`).
pub fn workflow_data(text: &str) -> String {
    workflow(text, false)
}

/// A property value of a GitHub workflow command (`file=…`, `title=…`): as [`workflow_data`],
/// and `:` and `,`, which end a property.
pub fn workflow_property(text: &str) -> String {
    workflow(text, true)
}

fn workflow(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c if is_unsafe(c) => push_code_point(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// A relative URI reference for a path (SARIF `artifactLocation.uri`): the platform's own
/// separator becomes `/` (on Unix a `\` is an ordinary character of a file name, and is
/// encoded), a leading `./` goes, and every byte outside RFC 3986's unreserved characters and
/// `/` is percent-encoded (`%`, space, `#`, `?`, `:`, control characters, non-ASCII).
pub fn uri_path(path: &str) -> String {
    let sep = std::path::MAIN_SEPARATOR;
    let path: Cow<'_, str> = if sep == '/' {
        Cow::Borrowed(path)
    } else {
        Cow::Owned(path.replace(sep, "/"))
    };
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "x\n::error file=x::pwned\u{1b}]0;title\u{7}\r\t\u{7f}\u{9b}\u{202e}";

    #[test]
    fn terminal_shows_every_control_and_hidden_character_as_its_code_point() {
        assert_eq!(
            terminal(HOSTILE),
            "x<U+000A>::error file=x::pwned<U+001B>]0;title<U+0007><U+000D><U+0009><U+007F><U+009B><U+202E>"
        );
        assert_eq!(
            terminal("a\u{2028}b\u{85}c\u{200b}"),
            "a<U+2028>b<U+0085>c<U+200B>"
        );
    }

    #[test]
    fn terminal_leaves_ordinary_text_alone() {
        let text = "locales/zh-CN/药 品.ftl: `5,9 nM` ü → ok%:,";
        assert!(matches!(terminal(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escaped_text_is_one_line_without_control_characters() {
        for escaped in [
            terminal(HOSTILE).into_owned(),
            workflow_data(HOSTILE),
            workflow_property(HOSTILE),
        ] {
            assert!(!escaped.chars().any(is_unsafe), "{escaped:?}");
            assert_eq!(escaped.lines().count(), 1, "{escaped:?}");
        }
    }

    #[test]
    fn workflow_data_and_properties_use_githubs_escapes() {
        assert_eq!(workflow_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(workflow_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(
            workflow_data(HOSTILE),
            "x%0A::error file=x::pwned<U+001B>]0;title<U+0007>%0D<U+0009><U+007F><U+009B><U+202E>"
        );
        assert_eq!(
            workflow_property("sv/x\n::error file=x::pwned\u{1b}.ftl"),
            "sv/x%0A%3A%3Aerror file=x%3A%3Apwned<U+001B>.ftl"
        );
        // An escape already in the name stays the name's own text.
        assert_eq!(workflow_data("%0A"), "%250A");
    }

    #[test]
    fn uris_are_relative_and_percent_encoded() {
        assert_eq!(uri_path("./locales/sv/a b.ftl"), "locales/sv/a%20b.ftl");
        assert_eq!(
            uri_path("locales/zh-CN/药.ftl"),
            "locales/zh-CN/%E8%8D%AF.ftl"
        );
        assert_eq!(
            uri_path("sv/100% #1?x=y:z,\n\u{1b}.ftl"),
            "sv/100%25%20%231%3Fx%3Dy%3Az%2C%0A%1B.ftl"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_backslash_is_part_of_a_unix_file_name() {
        assert_eq!(uri_path("locales\\sv\\a.ftl"), "locales%5Csv%5Ca.ftl");
        assert_eq!(uri_path(".\\a.ftl"), ".%5Ca.ftl");
    }

    #[cfg(windows)]
    #[test]
    fn a_backslash_is_the_windows_separator() {
        assert_eq!(
            uri_path("locales\\zh-CN\\药.ftl"),
            "locales/zh-CN/%E8%8D%AF.ftl"
        );
        assert_eq!(uri_path(".\\a.ftl"), "a.ftl");
    }
}
