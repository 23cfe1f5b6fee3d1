//! `--format html`: one self-contained review page. For every message with findings, the
//! reference and each translation side by side (en | sv | zh …) with the differing parts
//! highlighted and the findings under their locale; a summary at the top; filters by locale,
//! rule and severity; and a toggle that shows every message, so a reviewer can read the whole
//! leaflet side by side.
//!
//! The page loads nothing: its CSS and script are inline and allowed by a Content-Security-Policy
//! that lists their SHA-256 hashes, so it works from `file://` and under a strict policy. Every
//! string that comes from an FTL file is HTML-escaped. Paths, ids and messages also show line
//! breaks and tabs as `U+000A` marks in element content ([`escape_name`]), and go into attribute
//! values as the human report writes them, `<U+000A>` ([`escape_attr`]): no line of the page
//! begins with text from a file name.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::escape::{is_hidden, terminal};
use super::{EntryCell, EntryRow, EntryTable, FileRows, Finding, Reporter, RunInfo, Snippet};
use crate::diagnostic::Severity;

const CSS: &str = include_str!("html/review.css");
const JS: &str = include_str!("html/review.js");

/// Collects findings and writes the page at the end.
#[derive(Default)]
pub struct Html {
    findings: Vec<Finding>,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text, false);
    out
}

/// Escapes a path, id or message for element content: as [`escape`], and line breaks and tabs
/// shown as code points too, as the other reports show them in names.
pub fn escape_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_line_into(&mut out, text, false);
    out
}

/// Escapes a path, id or locale for an attribute value (or `<title>`, which holds no markup):
/// control and hidden characters as `<U+001B>`, then HTML-escaped.
pub fn escape_attr(text: &str) -> String {
    escape(&terminal(text))
}

/// [`escape_into`], with line breaks and tabs shown as code points.
fn escape_line_into(out: &mut String, text: &str, show_hidden: bool) {
    let mut rest = text;
    while let Some(i) = rest.find(['\n', '\r', '\t']) {
        escape_into(out, &rest[..i], show_hidden);
        let _ = write!(
            out,
            "<span class=\"cp\">U+{:04X}</span>",
            rest.as_bytes()[i]
        );
        rest = &rest[i + 1..];
    }
    escape_into(out, rest, show_hidden);
}

/// Bytes [`escape_into`] must look at: markup characters, control characters, and the lead
/// bytes of the characters [`is_hidden`] matches (and of the no-break spaces).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\t' as usize && b != b'\n' as usize;
        b += 1;
    }
    let others = [
        b'&', b'<', b'>', b'"', b'\'', 0x7f, 0xc2, 0xcd, 0xd8, 0xe1, 0xe2, 0xe3, 0xef,
    ];
    let mut i = 0;
    while i < others.len() {
        t[others[i] as usize] = true;
        i += 1;
    }
    t
};

fn escape_into(out: &mut String, text: &str, show_hidden: bool) {
    // Copies runs of ordinary text whole: escaping is most of the page's rendering time on a
    // large tree.
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    loop {
        while i < bytes.len() && !SPECIAL[bytes[i] as usize] {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let replacement = match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "",
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let len = c.len_utf8();
                if is_hidden(c) || (show_hidden && matches!(c, '\u{a0}' | '\u{202f}')) {
                    out.push_str(&text[run..i]);
                    let _ = write!(out, "<span class=\"cp\">U+{:04X}</span>", c as u32);
                    run = i + len;
                }
                i += len;
                continue;
            }
        };
        out.push_str(&text[run..i]);
        out.push_str(replacement);
        i += 1;
        run = i;
    }
    out.push_str(&text[run..]);
}

/// `'sha256-…'` for a CSP source list.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Which side a highlight belongs to (its colour).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Reference,
    Translation,
}

/// A finding placed on the page.
struct Placed<'a> {
    finding: &'a Finding,
    /// Index of the finding's locale in the table's locales.
    locale: usize,
}

/// Findings of one message of one file.
#[derive(Default)]
struct Group<'a> {
    findings: Vec<Placed<'a>>,
}

/// Where on the page findings go: per table and file, per row; and file-level findings.
#[derive(Default)]
struct Placement<'a> {
    rows: HashMap<(usize, usize, usize), Group<'a>>,
    file_level: HashMap<(usize, usize), Vec<Placed<'a>>>,
    /// Findings that match no table (shown at the end).
    loose: Vec<&'a Finding>,
}

/// Byte offset of line `n` (0-based) in `text`.
fn line_offset(text: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    text.match_indices('\n').nth(n - 1).map(|(i, _)| i + 1)
}

/// Moves a snippet's highlights into the coordinates of a cell (its first line and text).
fn map_highlights(
    snippet: &Snippet,
    highlights: &[Range<usize>],
    (line, text): (usize, &str),
    mark: Mark,
    out: &mut Vec<(Range<usize>, Mark)>,
) {
    let Some(delta) = snippet
        .line
        .checked_sub(line)
        .and_then(|n| line_offset(text, n))
    else {
        return;
    };
    for h in highlights {
        let r = delta + h.start..delta + h.end;
        if r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end) {
            out.push((r, mark));
        }
    }
}

/// A cell's text with its highlights as `<mark>` elements.
fn render_text(out: &mut String, text: &str, highlights: &mut [(Range<usize>, Mark)]) {
    highlights.sort_by_key(|(r, m)| (r.start, std::cmp::Reverse(r.end), *m));
    let mut at = 0;
    for (r, m) in highlights.iter() {
        if r.start < at {
            continue;
        }
        escape_into(out, &text[at..r.start], false);
        let class = match m {
            Mark::Reference => "ref",
            Mark::Translation => "tr",
        };
        if r.is_empty() {
            let _ = write!(
                out,
                "<mark class=\"{class} gap\" title=\"something is missing here\"></mark>"
            );
        } else {
            let _ = write!(out, "<mark class=\"{class}\">");
            escape_into(out, &text[r.clone()], true);
            out.push_str("</mark>");
        }
        at = r.end;
    }
    escape_into(out, &text[at..], false);
}

/// Builds a table from the findings alone, for callers that did not collect every entry.
fn table_from_findings(findings: &[Finding], locales: &[String]) -> EntryTable {
    let mut table = EntryTable {
        locales: locales.to_vec(),
        files: Vec::new(),
    };
    let n = locales.len();
    let mut files: BTreeMap<String, FileRows> = BTreeMap::new();
    for f in findings {
        let Some(li) = locales.iter().position(|l| *l == f.locale) else {
            continue;
        };
        let file = files.entry(f.rel.clone()).or_insert_with(|| FileRows {
            rel: f.rel.clone(),
            paths: vec![None; n],
            texts: vec![String::new(); n],
            rows: Vec::new(),
        });
        if f.snippet.is_some() {
            file.paths[li] = Some(f.file.clone());
        }
        if let Some(r) = &f.reference {
            file.paths[0] = Some(r.file.clone());
        }
        let Some(id) = &f.message_id else { continue };
        let row = match file.rows.iter().position(|r| r.id == *id) {
            Some(i) => i,
            None => {
                file.rows.push(EntryRow {
                    id: id.clone(),
                    cells: vec![None; n],
                });
                file.rows.len() - 1
            }
        };
        // Each locale's text is its snippets one after the other.
        let FileRows { texts, rows, .. } = file;
        let cells = &mut rows[row].cells;
        let mut fill = |li: usize, s: &Snippet| {
            cells[li].get_or_insert_with(|| {
                let start = texts[li].len();
                texts[li].push_str(&s.text);
                EntryCell {
                    line: s.line,
                    range: start..texts[li].len(),
                }
            });
        };
        if let Some(s) = &f.snippet {
            fill(li, s);
        }
        if let Some(s) = f.reference.as_ref().and_then(|r| r.snippet.as_ref()) {
            if s.omitted == 0 {
                fill(0, s);
            }
        }
    }
    table.files = files.into_values().collect();
    table
}

impl Html {
    fn place<'a>(&'a self, tables: &[EntryTable]) -> Placement<'a> {
        let mut by_path: HashMap<&str, (usize, usize, usize)> = HashMap::new();
        for (ti, t) in tables.iter().enumerate() {
            for (fi, file) in t.files.iter().enumerate() {
                for (li, p) in file.paths.iter().enumerate() {
                    if let Some(p) = p {
                        by_path.insert(p.as_str(), (ti, fi, li));
                    }
                }
            }
        }
        let mut row_index: HashMap<(usize, usize), HashMap<&str, usize>> = HashMap::new();
        let mut placement = Placement::default();
        for f in &self.findings {
            let found = by_path.get(f.file.as_str()).copied().or_else(|| {
                // A missing file: place it with the reference's file of the same path.
                let r = f.reference.as_ref()?;
                let &(ti, fi, _) = by_path.get(r.file.as_str())?;
                let li = tables[ti].locales.iter().position(|l| *l == f.locale)?;
                Some((ti, fi, li))
            });
            let Some((ti, fi, li)) = found else {
                placement.loose.push(f);
                continue;
            };
            let placed = Placed {
                finding: f,
                locale: li,
            };
            let rows = row_index.entry((ti, fi)).or_insert_with(|| {
                tables[ti].files[fi]
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.id.as_str(), i))
                    .collect()
            });
            match f.message_id.as_deref().and_then(|id| rows.get(id)) {
                Some(&ri) => placement
                    .rows
                    .entry((ti, fi, ri))
                    .or_default()
                    .findings
                    .push(placed),
                None => placement
                    .file_level
                    .entry((ti, fi))
                    .or_default()
                    .push(placed),
            }
        }
        placement
    }
}

fn severity_class(s: Severity) -> &'static str {
    s.as_str()
}

/// One finding as a list item with its filter data.
fn finding_item(out: &mut String, f: &Finding, with_location: bool) {
    let _ = write!(
        out,
        "<li class=\"finding sev-{sev}\" data-locale=\"{loc}\" data-rule=\"{rule}\" data-severity=\"{sev}\"><span class=\"sev\">{sev}</span> <a class=\"rule\" href=\"#rule-{rule}\">{rule}</a> ",
        sev = severity_class(f.severity),
        loc = escape_attr(&f.locale),
        rule = escape(f.rule),
    );
    if with_location {
        let _ = write!(
            out,
            "<span class=\"where\">{}:{}:{}</span> ",
            escape_name(&f.file),
            f.line,
            f.column
        );
    }
    out.push_str("<span class=\"text\">");
    message_html(out, &f.message);
    out.push_str("</span></li>");
}

/// A finding message with its backticked parts as `<code>`.
fn message_html(out: &mut String, message: &str) {
    for (i, part) in message.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            escape_line_into(out, part, true);
            out.push_str("</code>");
        } else {
            escape_line_into(out, part, false);
        }
    }
}

/// Highlights of each locale's cell of a row, from the row's findings.
fn row_highlights(
    file: &FileRows,
    row: &EntryRow,
    group: &Group<'_>,
    locales: usize,
) -> Vec<Vec<(Range<usize>, Mark)>> {
    let mut marks = vec![Vec::new(); locales];
    let cell = |li: usize| row.cells[li].as_ref().map(|c| (c.line, file.text(li, c)));
    for p in &group.findings {
        let f = p.finding;
        let (ref_hl, tr_hl) = f.highlights();
        if let (Some(s), Some(cell)) = (&f.snippet, cell(p.locale)) {
            map_highlights(s, &tr_hl, cell, Mark::Translation, &mut marks[p.locale]);
        }
        if let (Some(s), Some(cell)) = (
            f.reference.as_ref().and_then(|r| r.snippet.as_ref()),
            cell(0),
        ) {
            map_highlights(s, &ref_hl, cell, Mark::Reference, &mut marks[0]);
        }
    }
    marks
}

/// Writes the page to `sink`, building it a chunk at a time in `out`.
fn write_page(
    html: &Html,
    out: &mut String,
    sink: &mut dyn Write,
    run: &RunInfo<'_>,
    tables: &[EntryTable],
) -> io::Result<()> {
    let placement = html.place(tables);
    let s = run.summary;

    // Header and summary.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"leaflint {}\">\n<title>leaflint review: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        csp_hash(CSS),
        csp_hash(JS),
        env!("CARGO_PKG_VERSION"),
        escape_attr(&run.locales.join(" | ")),
    );
    let _ = write!(
        out,
        "<header>\n<h1>leaflint review</h1>\n<p class=\"meta\">reference <b>{}</b> · locales {} · {} files · {} messages · \
         <span class=\"sev-error\">{} errors</span> · <span class=\"sev-warning\">{} warnings</span> · <span class=\"sev-info\">{} infos</span></p>\n",
        escape_attr(run.reference),
        escape_attr(&run.locales.join(", ")),
        s.files,
        s.messages,
        s.errors,
        s.warnings,
        s.infos
    );
    let (locales_with, rules) = s.table_axes(run.locales);
    if !rules.is_empty() {
        out.push_str("<table class=\"summary\">\n<thead><tr><th>rule</th>");
        for l in &locales_with {
            let _ = write!(out, "<th lang=\"{0}\">{0}</th>", escape_attr(l));
        }
        out.push_str("<th>total</th></tr></thead>\n<tbody>\n");
        for r in &rules {
            let _ = write!(
                out,
                "<tr id=\"rule-{0}\"><th><code>{0}</code></th>",
                escape(r)
            );
            let mut total = 0;
            for l in &locales_with {
                let n = s.by_locale[*l].get(r).copied().unwrap_or(0);
                total += n;
                if n == 0 {
                    out.push_str("<td class=\"zero\">·</td>");
                } else {
                    let _ = write!(out, "<td>{n}</td>");
                }
            }
            let _ = writeln!(out, "<td>{total}</td></tr>");
        }
        out.push_str("</tbody>\n<tfoot><tr><th>total</th>");
        let mut all = 0;
        for l in &locales_with {
            let n: usize = s.by_locale[*l].values().sum();
            all += n;
            let _ = write!(out, "<td>{n}</td>");
        }
        let _ = writeln!(out, "<td>{all}</td></tr></tfoot>\n</table>");
    } else {
        out.push_str("<p class=\"clean\">No findings.</p>\n");
    }

    // Filters (shown once the script runs).
    out.push_str("<form id=\"filters\">\n<fieldset><legend>Locales</legend>");
    for l in run.locales.iter().skip(1) {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"locale\" value=\"{0}\" checked> {0}</label> ",
            escape_attr(l)
        );
    }
    out.push_str("</fieldset>\n<fieldset><legend>Rules</legend>");
    for r in &rules {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"rule\" value=\"{0}\" checked> {0}</label> ",
            escape(r)
        );
    }
    out.push_str("</fieldset>\n<fieldset><legend>Severity</legend>");
    for sev in ["error", "warning", "info"] {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{sev}\" checked> {sev}</label> "
        );
    }
    out.push_str(
        "</fieldset>\n<fieldset><legend>Messages</legend><label><input type=\"checkbox\" id=\"show-all\"> show all messages, not only those with findings</label> <output id=\"shown\"></output></fieldset>\n</form>\n</header>\n<main>\n",
    );

    // One section per file, one article per message. The page is streamed: whenever the
    // buffer holds a chunk it goes to `out`, so a page of megabytes is never held whole.
    for (ti, table) in tables.iter().enumerate() {
        let n = table.locales.len();
        let tags: Vec<String> = table.locales.iter().map(|t| escape_attr(t)).collect();
        for (fi, file) in table.files.iter().enumerate() {
            let rel = escape_attr(&file.rel);
            let paths: Vec<String> = file
                .paths
                .iter()
                .map(|p| escape_name(p.as_deref().unwrap_or("")))
                .collect();
            let _ = write!(
                out,
                "<section class=\"file\" data-rel=\"{rel}\">\n<h2>{}</h2>\n",
                escape_name(&file.rel)
            );
            if let Some(list) = placement.file_level.get(&(ti, fi)) {
                out.push_str("<div class=\"filelevel\"><ul>");
                for p in list {
                    finding_item(out, p.finding, true);
                }
                out.push_str("</ul></div>\n");
            }
            for (ri, row) in file.rows.iter().enumerate() {
                let group = placement.rows.get(&(ti, fi, ri));
                let mut marks = match group {
                    Some(g) => row_highlights(file, row, g, n),
                    None => Vec::new(),
                };
                out.push_str(match group {
                    Some(_) => "<article class=\"msg\" id=\"m-",
                    None => "<article class=\"msg clean\" id=\"m-",
                });
                push_number(out, ti);
                out.push('-');
                out.push_str(&rel);
                out.push('-');
                out.push_str(&escape_attr(&row.id));
                out.push_str("\">\n<h3><code>");
                escape_line_into(out, &row.id, false);
                out.push_str("</code></h3>\n<div class=\"cols\">");
                for (li, tag) in tags.iter().enumerate() {
                    out.push_str(if li == 0 {
                        "<div class=\"col reference\" data-locale=\""
                    } else {
                        "<div class=\"col\" data-locale=\""
                    });
                    out.push_str(tag);
                    out.push_str("\"><div class=\"loc\"><b>");
                    out.push_str(tag);
                    out.push_str("</b>");
                    match &row.cells[li] {
                        Some(cell) => {
                            out.push_str(" <span class=\"path\">");
                            out.push_str(&paths[li]);
                            out.push(':');
                            push_number(out, cell.line);
                            out.push_str("</span></div><pre lang=\"");
                            out.push_str(tag);
                            out.push_str("\">");
                            let text = file.text(li, cell);
                            match marks.get_mut(li) {
                                Some(m) => render_text(out, text, m),
                                None => escape_into(out, text, false),
                            }
                            out.push_str("</pre>");
                        }
                        None => {
                            out.push_str("</div><p class=\"absent\">");
                            out.push_str(if file.paths[li].is_some() {
                                "not in this locale"
                            } else {
                                "the file is missing"
                            });
                            out.push_str("</p>");
                        }
                    }
                    if let Some(g) = group {
                        let mut mine = g.findings.iter().filter(|p| p.locale == li).peekable();
                        if mine.peek().is_some() {
                            out.push_str("<ul class=\"findings\">");
                            for p in mine {
                                finding_item(out, p.finding, false);
                            }
                            out.push_str("</ul>");
                        }
                    }
                    out.push_str("</div>");
                }
                out.push_str("</div>\n</article>\n");
                if out.len() >= CHUNK {
                    sink.write_all(out.as_bytes())?;
                    out.clear();
                }
            }
            out.push_str("</section>\n");
        }
    }
    if !placement.loose.is_empty() {
        out.push_str(
            "<section class=\"file\">\n<h2>Other findings</h2>\n<div class=\"filelevel\"><ul>",
        );
        for f in &placement.loose {
            finding_item(out, f, true);
        }
        out.push_str("</ul></div>\n</section>\n");
    }
    let _ = write!(
        out,
        "</main>\n<footer>leaflint {}</footer>\n<script>{JS}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    sink.write_all(out.as_bytes())?;
    out.clear();
    Ok(())
}

/// How much of the page is buffered before it is written out.
const CHUNK: usize = 64 * 1024;

/// Appends a number in decimal (without the formatting machinery: it runs once per cell).
fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(d as char);
    }
}

impl Reporter for Html {
    fn report(&mut self, _out: &mut dyn Write, finding: &Finding) -> io::Result<()> {
        self.findings.push(finding.clone());
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo<'_>) -> io::Result<()> {
        let built;
        let tables = if run.entries.is_empty() {
            built = [table_from_findings(&self.findings, run.locales)];
            &built[..]
        } else {
            run.entries
        };
        // The header (with the inline stylesheet) and a chunk of rows fit without regrowing.
        let mut page = String::with_capacity(CSS.len() + CHUNK * 2);
        write_page(self, &mut page, out, run, tables)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_shows_hidden_characters() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{200b}b"), "a<span class=\"cp\">U+200B</span>b");
        assert_eq!(
            escape("药\u{a0}5 mg\u{85}é—"),
            "药\u{a0}5 mg<span class=\"cp\">U+0085</span>é—"
        );
        let mut out = String::new();
        escape_into(&mut out, "5\u{a0}mg\u{feff}", true);
        assert_eq!(
            out,
            "5<span class=\"cp\">U+00A0</span>mg<span class=\"cp\">U+FEFF</span>"
        );
    }

    #[test]
    fn names_show_line_breaks_and_attributes_hold_no_markup() {
        assert_eq!(
            escape_name("a\r\n::b\u{1b}<c>\t"),
            "a<span class=\"cp\">U+000D</span><span class=\"cp\">U+000A</span>::b\
             <span class=\"cp\">U+001B</span>&lt;c&gt;<span class=\"cp\">U+0009</span>"
        );
        assert_eq!(
            escape_attr("a\nb\u{200b}\"c"),
            "a&lt;U+000A&gt;b&lt;U+200B&gt;&quot;c"
        );
        assert_eq!(escape_name("sv/药 a.ftl"), escape("sv/药 a.ftl"));
        assert_eq!(escape_attr("sv/药 a.ftl"), escape("sv/药 a.ftl"));
    }

    /// What [`escape_into`] must produce, a character at a time.
    fn escape_slowly(text: &str, show_hidden: bool) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                '\r' => {}
                c if is_hidden(c) || (show_hidden && matches!(c, '\u{a0}' | '\u{202f}')) => {
                    out.push_str(&format!("<span class=\"cp\">U+{:04X}</span>", c as u32))
                }
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn byte_table_scan_escapes_like_a_character_at_a_time() {
        // Every character the escaper treats specially, and neighbours of them, at every
        // position of ASCII and CJK text.
        let specials = [
            "&", "<", ">", "\"", "'", "#", "=", "?", "\r", "\t", "\n", "\u{0}", "\u{1f}", "\u{7f}",
            "\u{85}", "\u{a0}", "\u{ad}", "\u{200b}", "\u{202f}", "\u{3000}", "\u{3164}",
            "\u{feff}", "é", "药", "—",
        ];
        for base in ["abcdefghijklmnopqrstuvwx", "药片每日服用两次药片每日"] {
            for s in specials {
                for at in 0..=base.chars().count() {
                    let split = base.char_indices().nth(at).map_or(base.len(), |(i, _)| i);
                    let text = format!("{}{s}{}", &base[..split], &base[split..]);
                    for hidden in [false, true] {
                        let mut out = String::new();
                        escape_into(&mut out, &text, hidden);
                        assert_eq!(out, escape_slowly(&text, hidden), "{text:?}");
                    }
                }
            }
        }
        for c in (0..0x3200).filter_map(char::from_u32) {
            let text = format!("plain text {c} more plain text");
            assert_eq!(escape(&text), escape_slowly(&text, false), "{c:?}");
        }
    }

    #[test]
    fn highlights_become_marks() {
        let mut out = String::new();
        let text = "dose = Take 53 nM & <b>";
        let at = text.find("53").unwrap();
        render_text(
            &mut out,
            text,
            &mut [(at..at + 5, Mark::Translation), (at..at, Mark::Reference)],
        );
        assert_eq!(
            out,
            "dose = Take <mark class=\"tr\">53 nM</mark> &amp; &lt;b&gt;"
        );
    }

    #[test]
    fn without_the_entry_table_the_findings_texts_are_shown() {
        // Library callers that did not collect every entry get a page built from the findings.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed-leaflet");
        let outcome = crate::check::check_path(&root).unwrap();
        assert!(outcome.entries.is_empty());
        let mut out = Vec::new();
        let opts = super::super::ReportOptions::default();
        super::super::write_report(super::super::Format::Html, opts, &outcome, &mut out).unwrap();
        let mut page = String::from_utf8(out).unwrap();
        for tag in ["<mark class=\"tr\">", "<mark class=\"ref\">", "</mark>"] {
            page = page.replace(tag, "");
        }
        let mut seen = std::collections::HashSet::new();
        let mut shown = 0;
        for f in &outcome.findings {
            let (Some(s), Some(id)) = (&f.snippet, &f.message_id) else {
                continue;
            };
            if seen.insert((&f.rel, id, &f.locale)) {
                let cell = format!("<pre lang=\"{}\">{}</pre>", f.locale, escape(&s.text));
                assert!(page.contains(&cell), "{cell}");
                shown += 1;
            }
        }
        assert!(shown >= 3, "{shown}");
    }

    #[test]
    fn csp_hashes_are_base64_sha256() {
        assert_eq!(
            csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }
}
