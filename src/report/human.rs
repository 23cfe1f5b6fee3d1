//! `--format human`: the diff-style report. Findings are grouped by file in file and line order;
//! a finding with a reference shows the reference lines prefixed `-` and the translation lines
//! prefixed `+`, with the parts that differ emphasised (colour) or marked `[-…-]` / `{+…+}` (no
//! colour, as `git diff --word-diff=plain` does). A table of findings per locale and rule ends it.
//!
//! Hidden and control characters show as their code point, `<U+001B>`: inside FTL text by
//! `visible`, in paths, ids, locales and messages by [`escape::terminal`] (which also shows tabs
//! and line breaks, so that every line of the report begins with the report's own text).

use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Effects, Style};
use unicode_width::UnicodeWidthStr;

use super::escape::{self, is_hidden, terminal};
use super::{Finding, ReportOptions, Reporter, RunInfo, Snippet};
use crate::diagnostic::Severity;

/// Characters of context kept on each side of a difference in a long line.
const CONTEXT: usize = 40;
/// Lines wider than this (in columns) are windowed when the terminal's width is not known.
const MAX_WIDTH: usize = 120;
/// Lines shown of a multi-line entry before the rest is elided (highlighted lines always show).
const MAX_LINES: usize = 12;

pub struct Human {
    opts: ReportOptions,
    current_file: Option<String>,
}

impl Human {
    pub fn new(opts: ReportOptions) -> Self {
        Human {
            opts,
            current_file: None,
        }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.opts.color && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
    }
}

/// Which side of the diff a block of lines is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sign {
    Minus,
    Plus,
}

impl Sign {
    fn char(self) -> &'static str {
        match self {
            Sign::Minus => "-",
            Sign::Plus => "+",
        }
    }
    fn style(self) -> Style {
        match self {
            Sign::Minus => AnsiColor::Red.on_default(),
            Sign::Plus => AnsiColor::Green.on_default(),
        }
    }
    fn emphasis(self) -> Style {
        self.style().effects(Effects::BOLD | Effects::INVERT)
    }
    fn markers(self) -> (&'static str, &'static str) {
        match self {
            Sign::Minus => ("[-", "-]"),
            Sign::Plus => ("{+", "+}"),
        }
    }
}

/// Spaces that look like ordinary spaces: escaped only inside a highlight.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Text made safe and visible for a terminal.
fn visible(text: &str, highlighted: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) || (highlighted && is_odd_space(c)) {
            escape::push_code_point(&mut out, c);
        } else if c == '\t' {
            out.push_str("    ");
        } else {
            out.push(c);
        }
    }
    out
}

/// Display width of text as [`visible`] renders it.
fn width(text: &str) -> usize {
    UnicodeWidthStr::width(visible(text, false).as_str())
}

/// Byte offset in `text` after skipping `columns` display columns from `from` (forwards) or
/// before it (backwards), on char boundaries.
fn step_columns(text: &str, from: usize, columns: usize, forwards: bool) -> usize {
    let mut used = 0;
    if forwards {
        for (i, c) in text[from..].char_indices() {
            used += width(c.encode_utf8(&mut [0; 4]));
            if used > columns {
                return from + i;
            }
        }
        text.len()
    } else {
        for (i, c) in text[..from].char_indices().rev() {
            used += width(c.encode_utf8(&mut [0; 4]));
            if used > columns {
                return i + c.len_utf8();
            }
        }
        0
    }
}

/// The part of a line to show: windowed around the highlights when the line is long.
fn window(line: &str, highlights: &[Range<usize>], max: usize) -> (Range<usize>, bool, bool) {
    // The gutter and sign take some columns; the context shrinks with a narrow terminal.
    let context = (max.saturating_sub(20) / 2).clamp(10, CONTEXT);
    if width(line) <= max {
        return (0..line.len(), false, false);
    }
    let (start, end) = match (
        highlights.iter().map(|h| h.start).min(),
        highlights.iter().map(|h| h.end).max(),
    ) {
        (Some(s), Some(e)) => (
            step_columns(line, s, context, false),
            step_columns(line, e, context, true),
        ),
        _ => (0, step_columns(line, 0, 2 * context, true)),
    };
    (start..end, start > 0, end < line.len())
}

/// Invariant tokens of an entry's text: placeables and numbers, which a translation keeps.
fn invariant_tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Skip the id and ` = ` of the first line: ids are the same on both sides anyway.
    if let Some(eq) = text.find('=') {
        if !text[..eq].contains('\n') {
            i = eq + 1;
        }
    }
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'{' {
            let mut depth = 0usize;
            let mut j = i;
            while j < bytes.len() {
                match bytes[j] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            let end = (j + 1).min(bytes.len());
            let key: String = text[i..end].split_whitespace().collect();
            out.push((i..end, key));
            i = end;
        } else if b.is_ascii_digit() {
            let mut j = i;
            while j < bytes.len()
                && (bytes[j].is_ascii_digit()
                    || (matches!(bytes[j], b'.' | b',')
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)))
            {
                j += 1;
            }
            let key = text[i..j].replace(',', ".");
            out.push((i..j, key));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// A word-level diff of the invariant tokens of both sides (for findings without labels):
/// the ranges only the reference has and those only the translation has.
pub fn fallback_diff(reference: &str, translation: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let a = invariant_tokens(reference);
    let b = invariant_tokens(translation);
    let ak: Vec<&str> = a.iter().map(|(_, k)| k.as_str()).collect();
    let bk: Vec<&str> = b.iter().map(|(_, k)| k.as_str()).collect();
    let mut old = Vec::new();
    let mut new = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &ak, &bk) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag != similar::DiffTag::Equal {
            old.extend(a[o].iter().map(|(r, _)| r.clone()));
            new.extend(b[n].iter().map(|(r, _)| r.clone()));
        }
    }
    (old, new)
}

/// One side of a finding to print.
struct Side<'a> {
    sign: Sign,
    locale: &'a str,
    location: String,
    note: &'a str,
    snippet: Option<&'a Snippet>,
    highlights: Vec<Range<usize>>,
}

impl Human {
    fn write_side(&self, out: &mut dyn Write, side: &Side<'_>, gutter: usize) -> io::Result<()> {
        let sign = side.sign.char();
        writeln!(
            out,
            "  {} {}{}",
            self.paint(
                side.sign.style().bold(),
                &format!("{sign} {}", terminal(side.locale))
            ),
            self.paint(AnsiColor::Blue.on_default(), &side.location),
            side.note
        )?;
        let Some(snippet) = side.snippet else {
            return Ok(());
        };
        let lines = split_lines(&snippet.text);
        let shown = lines_to_show(&lines, &side.highlights);
        let mut last: Option<usize> = None;
        for (i, (start, line)) in lines.iter().enumerate() {
            if !shown[i] {
                continue;
            }
            if last.is_some_and(|l| l + 1 != i) {
                writeln!(out, "  {sign} {:>gutter$} ⋮", "")?;
            }
            last = Some(i);
            let end = start + line.len();
            let hl: Vec<Range<usize>> = side
                .highlights
                .iter()
                .filter(|h| {
                    h.start < end && h.end > *start || (h.start == h.end && h.start == *start)
                })
                .map(|h| h.start.max(*start) - start..h.end.min(end) - start)
                .collect();
            let number = snippet.line + i;
            write!(
                out,
                "  {} {}",
                self.paint(side.sign.style(), sign),
                self.paint(
                    AnsiColor::BrightBlack.on_default(),
                    &format!("{number:>gutter$} │ ")
                )
            )?;
            writeln!(out, "{}", self.render_line(line, &hl, side.sign))?;
        }
        let omitted = snippet.omitted + lines.len() - last.map_or(0, |l| l + 1);
        if omitted > 0 {
            writeln!(
                out,
                "  {sign} {:>gutter$} ⋮ {omitted} more {}",
                "",
                if omitted == 1 { "line" } else { "lines" }
            )?;
        }
        Ok(())
    }

    /// A line with its highlights emphasised or marked, windowed when long.
    fn render_line(&self, line: &str, highlights: &[Range<usize>], sign: Sign) -> String {
        let max = self
            .opts
            .width
            .map_or(MAX_WIDTH, |w| w.saturating_sub(12).max(40));
        let (win, cut_start, cut_end) = window(line, highlights, max);
        let mut hl: Vec<Range<usize>> = highlights
            .iter()
            .map(|h| {
                let s = floor(line, h.start.clamp(win.start, win.end));
                let e = floor(line, h.end.clamp(win.start, win.end)).max(s);
                s..e
            })
            .collect();
        hl.sort_by_key(|h| (h.start, h.end));
        let mut out = String::new();
        if cut_start {
            out.push('…');
        }
        let mut at = win.start;
        for h in hl {
            if h.start < at {
                continue;
            }
            out.push_str(&visible(&line[at..h.start], false));
            let inner = visible(&line[h.clone()], true);
            if self.opts.color {
                // An empty highlight (an insertion point) still shows as one emphasised column.
                let inner = if inner.is_empty() { " ".into() } else { inner };
                out.push_str(&self.paint(sign.emphasis(), &inner));
            } else {
                let (open, close) = sign.markers();
                out.push_str(open);
                out.push_str(&inner);
                out.push_str(close);
            }
            at = h.end;
        }
        out.push_str(&visible(&line[at..win.end], false));
        if cut_end {
            out.push('…');
        }
        out
    }
}

fn floor(text: &str, offset: usize) -> usize {
    crate::source::floor_char_boundary(text, offset)
}

/// Lines of a snippet with their byte offsets (line endings removed).
fn split_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push((start, line.strip_suffix('\r').unwrap_or(line)));
        start += line.len() + 1;
    }
    out
}

/// Which lines of a long entry to print: the first lines, and every highlighted line with a
/// line of context around it.
fn lines_to_show(lines: &[(usize, &str)], highlights: &[Range<usize>]) -> Vec<bool> {
    if lines.len() <= MAX_LINES {
        return vec![true; lines.len()];
    }
    let mut shown = vec![false; lines.len()];
    for s in shown.iter_mut().take(MAX_LINES / 2) {
        *s = true;
    }
    for (i, (start, line)) in lines.iter().enumerate() {
        let end = start + line.len();
        if highlights.iter().any(|h| h.start <= end && h.end >= *start) {
            for s in shown
                .iter_mut()
                .take((i + 2).min(lines.len()))
                .skip(i.saturating_sub(1))
            {
                *s = true;
            }
        }
    }
    shown
}

/// `text` padded with spaces to `columns` display columns.
fn pad(text: &str, columns: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(w)))
}

impl Reporter for Human {
    fn report(&mut self, out: &mut dyn Write, f: &Finding) -> io::Result<()> {
        if self.opts.quiet {
            return Ok(());
        }
        if self.current_file.as_deref() != Some(f.file.as_str()) {
            if self.current_file.is_some() {
                writeln!(out)?;
            }
            writeln!(
                out,
                "{}",
                self.paint(Style::new().bold().underline(), &terminal(&f.file))
            )?;
            self.current_file = Some(f.file.clone());
        }
        let id = match (&f.message_id, &f.attribute) {
            (Some(id), Some(a)) => format!(" {}.{}:", terminal(id), terminal(a)),
            (Some(id), None) => format!(" {}:", terminal(id)),
            _ => ":".into(),
        };
        writeln!(
            out,
            "{}{} {}",
            self.paint(
                severity_style(f.severity),
                &format!("{}[{}]", f.severity, f.rule)
            ),
            self.paint(Style::new().bold(), &id),
            terminal(&f.message)
        )?;

        let here = format!(" {}:{}:{}", terminal(&f.file), f.line, f.column);
        let reference = f.reference.as_ref().filter(|r| r.snippet.is_some());
        if reference.is_none() && f.snippet.is_none() {
            return writeln!(out, "  {}", self.paint(AnsiColor::Blue.on_default(), &here));
        }
        let (ref_hl, tr_hl) = f.highlights();
        let mut sides = Vec::new();
        if let Some(r) = reference {
            let (line, column) =
                first_position(r.snippet.as_ref(), &ref_hl).unwrap_or((r.line, r.column));
            sides.push(Side {
                sign: Sign::Minus,
                locale: &r.locale,
                location: format!(" {}:{line}:{column}", terminal(&r.file)),
                note: "",
                snippet: r.snippet.as_ref(),
                highlights: ref_hl,
            });
        }
        let missing = if f.snippet.is_some() {
            ""
        } else if f.rule == "missing-file" {
            "  (no such file)"
        } else {
            "  (not there)"
        };
        sides.push(Side {
            sign: Sign::Plus,
            locale: &f.locale,
            location: here,
            note: missing,
            snippet: f.snippet.as_ref(),
            highlights: tr_hl,
        });
        let gutter = sides
            .iter()
            .filter_map(|s| s.snippet)
            .map(|s| (s.line + s.text.matches('\n').count()).to_string().len())
            .max()
            .unwrap_or(1);
        for side in &sides {
            self.write_side(out, side, gutter)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo<'_>) -> io::Result<()> {
        let s = run.summary;
        let total = s.errors + s.warnings + s.infos;
        if self.current_file.is_some() {
            writeln!(out)?;
        }
        if let (Some(known), Some(fixed)) = (s.baselined, s.baseline_fixed) {
            writeln!(
                out,
                "{} {known} known findings not shown, {fixed} fixed since the baseline was written",
                self.paint(Style::new().bold(), "baseline:"),
            )?;
        }
        if total == 0 {
            return writeln!(
                out,
                "{} {} files, {} messages in {} locales (reference {}): no findings",
                self.paint(AnsiColor::Green.on_default().bold(), "clean:"),
                s.files,
                s.messages,
                run.locales.len(),
                terminal(run.reference)
            );
        }
        writeln!(
            out,
            "{} {} errors, {} warnings, {} infos in {} files, {} messages (reference {})",
            self.paint(Style::new().bold(), "found:"),
            s.errors,
            s.warnings,
            s.infos,
            s.files,
            s.messages,
            terminal(run.reference)
        )?;
        // Findings per rule (rows, in registry order) and locale (columns).
        let (locales, rules) = s.table_axes(run.locales);
        let shown: Vec<_> = locales.iter().map(|l| terminal(l)).collect();
        let first = rules
            .iter()
            .map(|r| r.len())
            .chain(["rule".len(), "total".len()])
            .max()
            .unwrap_or(5);
        let cols: Vec<usize> = locales
            .iter()
            .zip(&shown)
            .map(|(l, shown)| {
                let n = s.by_locale[*l].values().sum::<usize>();
                UnicodeWidthStr::width(&**shown).max(n.to_string().len())
            })
            .collect();
        let total_width = "total".len().max(total.to_string().len());
        let mut header = pad("rule", first);
        for (l, w) in shown.iter().zip(&cols) {
            let indent = " ".repeat(w - UnicodeWidthStr::width(&**l));
            header += &format!("  {indent}{l}");
        }
        header += &format!("  {:>total_width$}", "total");
        writeln!(out, "  {}", self.paint(Style::new().bold(), &header))?;
        for rule in &rules {
            let mut row = pad(rule, first);
            let mut sum = 0;
            for (l, w) in locales.iter().zip(&cols) {
                let n = s.by_locale[*l].get(rule).copied().unwrap_or(0);
                sum += n;
                let cell = if n == 0 { "·".into() } else { n.to_string() };
                row += &format!("  {}{cell}", " ".repeat(w - UnicodeWidthStr::width(&*cell)));
            }
            row += &format!("  {sum:>total_width$}");
            writeln!(out, "  {row}")?;
        }
        let mut row = pad("total", first);
        for (l, w) in locales.iter().zip(&cols) {
            let n: usize = s.by_locale[*l].values().sum();
            row += &format!("  {n:>w$}");
        }
        row += &format!("  {total:>total_width$}");
        writeln!(out, "  {}", self.paint(Style::new().bold(), &row))
    }
}

/// Line and column of the first highlight of a snippet.
fn first_position(
    snippet: Option<&Snippet>,
    highlights: &[Range<usize>],
) -> Option<(usize, usize)> {
    let s = snippet?;
    let h = highlights.iter().map(|h| h.start).min()?;
    let h = floor(&s.text, h.min(s.text.len()));
    let before = &s.text[..h];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some((s.line + line, before[line_start..].chars().count() + 1))
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn plain() -> Human {
        Human::new(ReportOptions::default())
    }

    #[test]
    fn marks_highlights_without_colour() {
        let h = plain();
        let line = "dose = Take 53 nM once a day";
        let at = line.find("53").unwrap();
        assert_eq!(
            h.render_line(line, &[at..at + 5], Sign::Minus),
            "dose = Take [-53 nM-] once a day"
        );
        assert_eq!(
            h.render_line(line, &[at..at + 5], Sign::Plus),
            "dose = Take {+53 nM+} once a day"
        );
    }

    #[test]
    fn windows_long_lines_by_display_width() {
        let h = plain();
        // 100 CJK characters are 200 columns; the window keeps 40 columns either side.
        let line = format!("{}53 nM{}", "药".repeat(100), "药".repeat(100));
        let at = line.find("53").unwrap();
        let shown = h.render_line(&line, &[at..at + 5], Sign::Plus);
        assert_eq!(
            shown,
            format!("…{}{{+53 nM+}}{}…", "药".repeat(20), "药".repeat(20))
        );
        assert_eq!(width(&shown), 2 + 40 + 5 + 4 + 40);
    }

    #[test]
    fn shows_invisible_characters() {
        let h = plain();
        let line = "a = x\u{200b}y\u{1b}[31m";
        assert_eq!(
            h.render_line(line, &[5..8], Sign::Plus),
            "a = x{+<U+200B>+}y<U+001B>[31m"
        );
    }

    #[test]
    fn fallback_diff_compares_numbers_and_placeables() {
        let en = "dose = Take { $count } tablets of 53 nM";
        let sv = "dose = Ta { $cuont } tabletter à 35 nM";
        let (old, new) = fallback_diff(en, sv);
        let old: Vec<&str> = old.iter().map(|r| &en[r.clone()]).collect();
        let new: Vec<&str> = new.iter().map(|r| &sv[r.clone()]).collect();
        assert_eq!(old, ["{ $count }", "53"]);
        assert_eq!(new, ["{ $cuont }", "35"]);
        let (old, new) = fallback_diff("a = { $n } x", "a = {$n} y");
        assert!(old.is_empty() && new.is_empty());
    }

    #[test]
    fn long_entries_keep_highlighted_lines() {
        let text: String = (0..30).map(|i| format!("    line {i}\n")).collect();
        let lines = split_lines(&text);
        let at = text.find("line 20").unwrap();
        let shown = lines_to_show(&lines, &[at..at + 4]);
        assert!(shown[0] && shown[19] && shown[20] && shown[21]);
        assert!(!shown[10] && !shown[25]);
    }
}
