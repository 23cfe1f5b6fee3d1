#![doc = include_str!("../../docs/rules/doubled-word.md")]

use std::ops::Range;

use fluent_syntax::ast::{Pattern, PatternElement};

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{offset_in, parts, text_runs, Run};
use crate::lang::excerpt_around;
use crate::lang::script::{cjk, Cjk};
use crate::lang::text::{is_joiner, non_ascii_word_char_at, ASCII_WORD, BYTE_CLASS, NON_ASCII};
use crate::lang::typography::{typography_for, Typography};

pub struct DoubledWord;

static META: RuleMeta = RuleMeta {
    id: "doubled-word",
    severity: Severity::Warning,
    summary: "the same word twice in a row (`the the`, `att att`, `的的`)",
    doc: include_str!("../../docs/rules/doubled-word.md"),
};

/// A word written twice: the first and the second time (in the file), and its text.
#[derive(Debug, Clone)]
struct Hit<'s> {
    first: Range<usize>,
    second: Range<usize>,
    word: &'s str,
}

/// Whether two words are the same, case aside.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether a word of two letters or more is written in capitals only (`USER`).
fn all_capitals(w: &str) -> bool {
    w.chars().nth(1).is_some() && w.chars().all(|c| !c.is_lowercase())
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || (c >= '\u{3400}' && cjk(c) == Some(Cjk::Han))
}

/// The last Han characters of the current run of them, with their offsets in the file.
const WINDOW: usize = 8;
/// How many the buffer holds (see [`Scan::han_char`]).
const BUFFER: usize = 32;

/// One pass over the text elements of a run: words of letters (with the hyphens and
/// apostrophes inside them) compared with the word before when only whitespace is between,
/// and, for a language written without spaces, its characters. Allocates nothing.
struct Scan<'t, 's> {
    table: &'t Typography,
    /// The language's number words (`one one hour before`, `en en gång`: numbers, which the
    /// numeric rules read).
    numbers: &'static crate::numeric::Table,
    /// The word before and where it is, when only whitespace has followed it.
    prev: Option<(&'s str, usize)>,
    /// Line breaks since that word: a blank line between two words parts them.
    breaks: u8,
    han: [(char, usize); BUFFER],
    han_len: usize,
    hits: &'t mut Vec<Hit<'s>>,
}

impl<'s> Scan<'_, 's> {
    fn run(&mut self, run: &Run<'_, 's>, base: &str) {
        self.prev = None;
        for element in run.elements {
            let PatternElement::TextElement { value } = element else {
                continue;
            };
            match offset_in(base, value) {
                Some(off) => self.text(value, off),
                None => self.prev = None,
            }
        }
    }

    fn text(&mut self, text: &'s str, off: usize) {
        let b = text.as_bytes();
        let han = !self.table.function_chars.is_empty();
        self.han_len = 0;
        let mut i = 0;
        while i < b.len() {
            let class = BYTE_CLASS[usize::from(b[i])];
            let (word, len) = match class {
                ASCII_WORD => (true, 1),
                NON_ASCII => non_ascii_word_char_at(text, i),
                _ => (false, 1),
            };
            if word {
                self.han_len = 0;
                i = self.word(text, off, i);
                continue;
            }
            if matches!(b[i], b' ' | b'\n' | b'\t' | b'\r') {
                if b[i] == b'\n' {
                    self.breaks += 1;
                    if self.breaks >= 2 {
                        self.prev = None;
                    }
                }
                self.han_len = 0;
                i += 1;
                continue;
            }
            if class == NON_ASCII {
                let c = text[i..].chars().next().unwrap_or('\0');
                if c == '\u{A0}' || c == '\u{202F}' || c == '\u{3000}' {
                    self.han_len = 0;
                    i += len;
                    continue;
                }
                if han && is_han(c) {
                    self.han_char(text, off, i, c);
                } else {
                    self.han_len = 0;
                }
            } else {
                self.han_len = 0;
            }
            // Anything else between two words makes them no repetition (`the, the`).
            self.prev = None;
            i += len;
        }
    }

    /// Reads the word at byte `start`; returns where it ends.
    fn word(&mut self, text: &'s str, off: usize, start: usize) -> usize {
        let b = text.as_bytes();
        let is_word_at = |j: usize| -> Option<usize> {
            match BYTE_CLASS[usize::from(*b.get(j)?)] {
                ASCII_WORD => Some(1),
                NON_ASCII => match non_ascii_word_char_at(text, j) {
                    (true, len) => Some(len),
                    _ => None,
                },
                _ => None,
            }
        };
        let mut end = start;
        let mut digits = false;
        loop {
            if let Some(len) = is_word_at(end) {
                digits |= b[end].is_ascii_digit();
                end += len;
                continue;
            }
            // A joiner between word characters: `don't`, `well-known`, `and/or`.
            let joiner = text[end..].chars().next().filter(|&c| is_joiner(c));
            if let Some(j) = joiner {
                if is_word_at(end + j.len_utf8()).is_some() {
                    end += j.len_utf8();
                    continue;
                }
            }
            break;
        }
        let w = &text[start..end];
        // Numbers (`2 2`, `JAK1 JAK1`) are not words: the numeric rules read them.
        if digits {
            self.prev = None;
            return end;
        }
        if let Some((p, at)) = self.prev {
            // Two capitalised words are a name (`Bora Bora`); a word and its capitals a
            // placeholder (`Set user USER`).
            let names = p.chars().next().is_some_and(char::is_uppercase)
                && w.chars().next().is_some_and(char::is_uppercase);
            let placeholder = p != w && (all_capitals(p) || all_capitals(w));
            if same_word(p, w)
                && !names
                && !placeholder
                && !self.table.doubled_words.iter().any(|d| same_word(d, w))
                && !self.is_number_word(w)
            {
                self.hits.push(Hit {
                    first: at..at + p.len(),
                    second: off + start..off + end,
                    word: w,
                });
            }
        }
        self.prev = Some((w, off + start));
        self.breaks = 0;
        end
    }

    /// Whether `w` is a number word of the language (`one`, `två`), not `a` or `an`.
    fn is_number_word(&self, w: &str) -> bool {
        self.numbers
            .word(&w.to_lowercase())
            .is_some_and(|(_, kind)| kind != crate::numeric::tables::WordKind::Article)
    }

    /// A Han character at byte `i`: a doubled function character (`的的`) or a doubled word of
    /// two to four characters (`服用服用`), unless it is the grammar's reduplication.
    fn han_char(&mut self, text: &'s str, off: usize, i: usize, c: char) {
        let len = c.len_utf8();
        // Only the last `WINDOW` characters are looked at; the buffer holds more, so that
        // they are moved to its front once every `BUFFER - WINDOW` characters, not every time.
        if self.han_len == BUFFER {
            self.han.copy_within(BUFFER - (WINDOW - 1).., 0);
            self.han_len = WINDOW - 1;
        }
        self.han[self.han_len] = (c, off + i);
        self.han_len += 1;
        let n = self.han_len;
        let buf = &self.han[..n];
        if n >= 2 && buf[n - 2].0 == c {
            let mut next = text[i + len..].chars();
            let (after, after2) = (next.next(), next.next());
            if let Some(f) = self.table.function_char(c) {
                let before = (n >= 3).then(|| buf[n - 3].0);
                // AABB reduplication on either side (`的的确确`, `实实在在`), a word ending or
                // starting with the character (`为了|了解`), or a third time.
                let reduplicated = (after.is_some() && after == after2 && after != Some(c))
                    || (n >= 4 && buf[n - 4].0 == buf[n - 3].0);
                let words = before.is_some_and(|p| f.ends.contains(p))
                    || after.is_some_and(|a| f.starts.contains(a));
                if !reduplicated && !words && before != Some(c) {
                    self.hits.push(Hit {
                        first: buf[n - 2].1..buf[n - 2].1 + len,
                        second: off + i..off + i + len,
                        word: &text[i..i + len],
                    });
                }
            }
        }
        for l in 2..=4 {
            if n < 2 * l {
                break;
            }
            let (a, b) = (&buf[n - 2 * l..n - l], &buf[n - l..]);
            if !a.iter().zip(b).all(|(x, y)| x.0 == y.0) || a.iter().all(|x| x.0 == a[0].0) {
                continue;
            }
            if self.table.repeat_starts.contains(a[0].0) {
                continue;
            }
            if self
                .table
                .reduplicated
                .iter()
                .any(|w| w.chars().eq(a.iter().map(|x| x.0)))
            {
                continue;
            }
            let start = b[0].1;
            let rel = start - off;
            self.hits.push(Hit {
                first: a[0].1..start,
                second: start..off + i + len,
                word: &text[rel..i + len],
            });
            self.han_len = 0;
            break;
        }
    }
}

/// Every doubled word of a pattern, into `hits` (cleared first).
fn scan<'s>(
    pattern: &Pattern<&'s str>,
    base: &str,
    (table, numbers): (&Typography, &'static crate::numeric::Table),
    hits: &mut Vec<Hit<'s>>,
) {
    hits.clear();
    let mut s = Scan {
        table,
        numbers,
        prev: None,
        breaks: 0,
        han: [('\0', 0); BUFFER],
        han_len: 0,
        hits,
    };
    text_runs(pattern, &mut |run| s.run(&run, base));
}

impl Rule for DoubledWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        let tag = unit.locale.tag();
        let en = ctx.reference().tag();
        let tables = (typography_for(tag), crate::numeric::table_for(tag));
        let r_tables = (typography_for(en), crate::numeric::table_for(en));
        let reference = unit.reference.filter(|_| !unit.is_reference_locale());
        let text = file.text();
        let (mut hits, mut theirs) = (Vec::new(), Vec::new());
        for t in file.views() {
            if file.damaged(t.id()) {
                continue;
            }
            for part in parts(t.value, t.attributes) {
                scan(part.pattern, text, tables, &mut hits);
                if hits.is_empty() {
                    continue;
                }
                // A repetition the reference has too is the text's own (`Bora Bora`, a
                // quoted example).
                let r_pattern = reference
                    .filter(|rf| !rf.damaged(t.id()))
                    .and_then(|_| unit.counterpart(&t))
                    .and_then(|r| r.part(part.attribute));
                theirs.clear();
                if let (Some(p), Some(rf)) = (r_pattern, reference) {
                    scan(p, rf.text(), r_tables, &mut theirs);
                }
                for h in &hits {
                    if theirs.iter().any(|r| same_word(r.word, h.word)) {
                        continue;
                    }
                    let message = format!(
                        "`{}` twice in a row: `{}`",
                        h.word,
                        excerpt_around(text, h.first.start..h.second.end, 24)
                    );
                    let d = out
                        .emit_entry(unit, &t, h.second.clone(), message)
                        .with_attribute(part.attribute)
                        .with_label(Label {
                            side: Side::Translation,
                            span: h.first.clone(),
                        })
                        .with_label(Label {
                            side: Side::Translation,
                            span: h.second.clone(),
                        });
                    d.data = Some(serde_json::json!({ "word": h.word }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::typography::{EN, SV, ZH};

    /// The doubled words of `src` (one message `m = …`) read with `table`.
    fn doubled(src: &str, table: &Typography) -> Vec<String> {
        let res = fluent_syntax::parser::parse(src).unwrap();
        let fluent_syntax::ast::Entry::Message(m) = &res.body[0] else {
            panic!("not a message")
        };
        let mut hits = Vec::new();
        let numbers = crate::numeric::table_for(table.lang);
        scan(m.value.as_ref().unwrap(), src, (table, numbers), &mut hits);
        hits.iter()
            .map(|h| format!("{}@{}", h.word, h.second.start))
            .collect()
    }

    #[test]
    fn latin_words_twice_in_a_row() {
        assert_eq!(doubled("m = Keep the the tablets dry.", &EN), ["the@13"]);
        assert_eq!(doubled("m = Take The the tablet", &EN), ["the@13"]);
        // Across a line break, not across punctuation, placeables or variants.
        assert_eq!(doubled("m = Swallow the\n    the tablet", &EN), ["the@20"]);
        assert!(doubled("m = the, the", &EN).is_empty());
        assert!(doubled("m = the { $x } the", &EN).is_empty());
        assert!(doubled("m = { $n ->\n    [one] tablet\n   *[other] tablet\n}", &EN).is_empty());
        // Numbers, names, allowed doublings, parts of compounds.
        assert!(doubled("m = Take 2 2 times, JAK1 JAK1", &EN).is_empty());
        assert!(doubled("m = Take one one hour before food", &EN).is_empty());
        assert!(doubled("m = Barn: en en gång om dagen", &SV).is_empty());
        assert_eq!(doubled("m = Take a a tablet", &EN), ["a@11"]);
        assert!(doubled("m = Visit Bora Bora", &EN).is_empty());
        assert!(doubled("m = I know that that is wrong; he had had it", &EN).is_empty());
        assert!(doubled("m = tablets and/or or capsules", &EN).is_empty());
        // A placeholder after its word, and a paragraph between the two.
        assert!(doubled("m = Set user USER and type TYPE", &EN).is_empty());
        assert!(doubled("m =\n    Convert it to a date\n\n    date --date=x", &EN).is_empty());
        assert_eq!(doubled("m = Ta att att tabletten", &SV), ["att@11"]);
        assert!(doubled("m = Det det handlar om är dosen", &SV).is_empty());
        assert_eq!(doubled("m = Förvaras i i kylskåp", &SV), ["i@16"]);
        assert_eq!(doubled("m = Förvaras Över över", &SV), ["över@20"]);
    }

    #[test]
    fn chinese_doublings() {
        // 的的 is reported at its second 的 (each character is three bytes).
        assert_eq!(doubled("m = 服用本品的的患者", &ZH), ["的@19"]);
        assert_eq!(doubled("m = 请在在医生指导下服用", &ZH), ["在@10"]);
        assert_eq!(doubled("m = 每日服用服用一次", &ZH), ["服用@16"]);
        // Reduplication is grammar: 看看, 慢慢, 常常, 天天, 人人, 谢谢, 每每, 渐渐.
        assert!(doubled(
            "m = 看看说明书，慢慢服用，常常复查，天天锻炼，人人有责，谢谢，每每，渐渐",
            &ZH
        )
        .is_empty());
        // Two words meeting: 为了|了解, 现在|在家, 目的|的, AABB 的的确确, 实实在在, 不了了之.
        assert!(doubled("m = 为了了解病情，他现在在家，出于安全目的的考虑", &ZH).is_empty());
        assert!(doubled("m = 的的确确，实实在在，不了了之", &ZH).is_empty());
        // Counted repetitions and verbs that reduplicate.
        assert!(doubled("m = 一步一步，一天一天，休息休息，哈哈哈哈", &ZH).is_empty());
        // Latin words in Chinese text are words too.
        assert_eq!(doubled("m = 使用 the the 功能", &ZH), ["the@15"]);
    }
}
