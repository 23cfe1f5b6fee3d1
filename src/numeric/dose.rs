//! Doses written the way medication-safety guidance forbids (ISMP's error-prone abbreviations,
//! the EMA's QRD conventions): a trailing zero after the decimal separator (`1.0 mg`, read as
//! `10 mg` when the separator is missed) and a decimal without its leading zero (`.5 mg`, read
//! as `5 mg`). A dose is a number directly followed by a unit of a dose or strength (see
//! [`super::Unit::is_dose`] and [`super::tables::MORE_DOSE_SYMBOLS`]), or the first number of a
//! range of them (`1.0–2.0 mg`). Each language's separators come from its [`Table`]: in English
//! `1,000 mg` groups thousands, in Swedish `1,0 mg` has a decimal comma. One pass, no
//! allocation unless a dose is badly written.

use std::ops::Range;

use super::tables::{MORE_DOSE_SYMBOLS, SYMBOL_UNITS};
use super::Table;

/// What is wrong with how a dose is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `1.0 mg`, `2.50 ml`.
    TrailingZero,
    /// `.5 mg`, `,5 mg`.
    NoLeadingZero,
}

/// A badly written dose in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoseFault {
    /// The leading-zero fault when both apply (`.50 mg`).
    pub fault: Fault,
    /// The number (or range), the space and the unit, in the text.
    pub span: Range<usize>,
    /// The same, written right (`1 mg`, `0.5 mg`).
    pub fix: String,
}

/// The length of a space between a number and its unit at byte `i`: a space, a no-break space,
/// a narrow no-break space or a thin space; 0 for anything else.
fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xAF | 0x89)) => 3,
        _ => 0,
    }
}

/// Whether nothing of a word follows at byte `i` of `text`.
fn word_ends(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The end of the dose unit that starts at byte `i` (the longest one), if one does.
fn unit_at(text: &str, i: usize, table: &Table) -> Option<usize> {
    let rest = &text[i..];
    let first = *rest.as_bytes().first()?;
    if first.is_ascii_digit() || first.is_ascii_whitespace() {
        return None;
    }
    let symbols = SYMBOL_UNITS
        .iter()
        .filter(|(_, u)| u.is_dose())
        .map(|(s, _)| *s)
        .chain(MORE_DOSE_SYMBOLS.iter().copied())
        .filter(|s| rest.starts_with(s) && word_ends(rest, s.len()));
    // The language's words (`milligram`, `毫克`), without regard to ASCII case; a word of a
    // language written without spaces needs no end.
    let words = table
        .units
        .iter()
        .filter(|(_, u)| u.is_dose())
        .map(|(w, _)| *w)
        .filter(|w| {
            rest.len() >= w.len()
                && rest.is_char_boundary(w.len())
                && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                && (table.spaceless || word_ends(rest, w.len()))
        });
    symbols.chain(words).map(|s| i + s.len()).max()
}

/// The end of a dose unit after a number ending at byte `i`: right after it or after one space.
fn unit_after(text: &str, i: usize, table: &Table) -> Option<usize> {
    let b = text.as_bytes();
    unit_at(text, i, table).or_else(|| match space_len(b, i) {
        0 => None,
        w => unit_at(text, i + w, table),
    })
}

/// A number as written: where it starts and ends, and its decimal separator and fraction.
#[derive(Debug, Clone, Copy)]
struct Number {
    start: usize,
    /// The decimal separator's byte, if the number has a fraction.
    separator: Option<usize>,
    end: usize,
}

impl Number {
    fn fraction<'s>(&self, text: &'s str) -> &'s str {
        self.separator.map_or("", |s| &text[s + 1..self.end])
    }

    fn fault(&self, text: &str) -> Option<Fault> {
        let sep = self.separator?;
        if sep == self.start {
            Some(Fault::NoLeadingZero)
        } else if self.fraction(text).ends_with('0') {
            Some(Fault::TrailingZero)
        } else {
            None
        }
    }

    /// The number written right: a leading zero, no trailing zeros (`1.0` → `1`).
    fn fixed(&self, text: &str, out: &mut String) {
        let Some(sep) = self.separator else {
            out.push_str(&text[self.start..self.end]);
            return;
        };
        if sep == self.start {
            out.push('0');
        } else {
            out.push_str(&text[self.start..sep]);
        }
        let kept = self.fraction(text).trim_end_matches('0');
        if !kept.is_empty() {
            out.push_str(&text[sep..sep + 1]);
            out.push_str(kept);
        }
    }
}

fn digits_from(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// Whether a separator `c` at byte `i` (with digits after it up to `digits_end`) is a decimal
/// separator in `table`'s language: its own one, or the other one when it cannot group
/// thousands (not exactly three digits after it). A language without a table has no own one.
fn is_decimal(table: &Table, c: u8, i: usize, digits_end: usize) -> bool {
    let own = !table.lang.is_empty() && c == table.decimal as u8;
    own || digits_end - (i + 1) != 3
}

/// Whether the separator `c` groups thousands in `table`'s language before three digits.
fn groups(table: &Table, c: u8) -> bool {
    matches!(c, b'.' | b',') && (table.lang.is_empty() || c != table.decimal as u8)
}

/// Reads the number at byte `i` (a digit, or a separator before digits); when the token is no
/// single number (`1.0.2`, `12.05.2024`), the byte after it, for the caller to skip to.
fn read_number(text: &str, i: usize, table: &Table) -> Result<Number, usize> {
    let b = text.as_bytes();
    let start = i;
    let mut j = digits_from(b, i);
    // Thousands groups: a separator (or a space) and exactly three digits.
    if j > start {
        loop {
            let w = match b.get(j) {
                Some(&c) if groups(table, c) => 1,
                Some(b' ') if table.space_grouping => 1,
                Some(_) => match space_len(b, j) {
                    1 => 0,
                    w => w,
                },
                None => 0,
            };
            if w == 0 {
                break;
            }
            let end = digits_from(b, j + w);
            if end - (j + w) != 3 {
                break;
            }
            // A grouping separator here could still be a decimal one in a language without
            // a table: `1,000 mg` is left alone there.
            j = end;
        }
    }
    let mut separator = None;
    if let Some(&c @ (b'.' | b',')) = b.get(j) {
        let end = digits_from(b, j + 1);
        if end > j + 1 && is_decimal(table, c, j, end) {
            separator = Some(j);
            j = end;
        }
    }
    // `1.0.2`, `12.05.2024`, `1,5,7`: a version, a date, a list — no dose.
    if let Some(b'.' | b',') = b.get(j) {
        if b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            let mut k = j;
            while k < b.len() && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'.' | b',')) {
                k += 1;
            }
            return Err(k);
        }
    }
    Ok(Number {
        start,
        separator,
        end: j,
    })
}

/// A range connector at byte `i` (`-`, `–`, `—`, with a space on either side or none): the
/// byte after it.
fn connector_after(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i + space_len(b, i);
    let w = ["-", "–", "—"]
        .iter()
        .find(|c| text[j..].starts_with(**c))?
        .len();
    j += w;
    j += space_len(b, j);
    b.get(j)
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
        .then_some(j)
}

/// Every badly written dose in `text`, in order, into `out` (not cleared).
pub fn dose_faults(text: &str, table: &Table, out: &mut Vec<DoseFault>) {
    let b = text.as_bytes();
    // Every fault is in a number with a decimal separator followed by a digit (`1.0`, `.5`):
    // most texts have none.
    if !memchr::memchr2_iter(b'.', b',', b).any(|i| b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
        return;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c.is_ascii_digit()
            || (matches!(c, b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts {
            i += 1;
            continue;
        }
        // A number starts a token: not `v1.0`, `JAK1`, `x.5`, `1..5`, a format (`%.10g`) or a
        // price (`$1.50`) (in a language written without spaces, its own characters part
        // nothing: `每次1.0毫克`).
        let before = text[..i].chars().next_back();
        let glued = |p: char| {
            ((p.is_ascii() || !table.spaceless) && p.is_alphanumeric())
                || matches!(
                    p,
                    '_' | '.' | ',' | '%' | '$' | '€' | '£' | '#' | '\\' | '@'
                )
        };
        if before.is_some_and(glued) {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b',')) {
                i += 1;
            }
            continue;
        }
        let first = match read_number(text, i, table) {
            Ok(n) => n,
            Err(next) => {
                i = next;
                continue;
            }
        };
        // A separator that starts a number must be a decimal one (`.5`, not `,000`).
        if first.start == i && first.separator.is_none() && !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        // The number's unit, or the second number of a range and its unit.
        let mut second = None;
        let unit_end = unit_after(text, first.end, table).or_else(|| {
            let j = connector_after(text, first.end)?;
            let n = read_number(text, j, table).ok()?;
            let end = unit_after(text, n.end, table)?;
            second = Some(n);
            Some(end)
        });
        let Some(unit_end) = unit_end else {
            i = first.end.max(i + 1);
            continue;
        };
        let last = second.unwrap_or(first);
        let faults = [first.fault(text), second.and_then(|n| n.fault(text))];
        let fault = if faults.contains(&Some(Fault::NoLeadingZero)) {
            Some(Fault::NoLeadingZero)
        } else {
            faults.into_iter().flatten().next()
        };
        if let Some(fault) = fault {
            let mut fix = String::new();
            first.fixed(text, &mut fix);
            if let Some(n) = second {
                fix.push_str(&text[first.end..n.start]);
                n.fixed(text, &mut fix);
            }
            fix.push_str(&text[last.end..unit_end]);
            out.push(DoseFault {
                fault,
                span: first.start..unit_end,
                fix,
            });
        }
        i = unit_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::tables::{DIGITS, EN, SV, ZH};

    fn faults(text: &str, table: &Table) -> Vec<(String, Fault, String)> {
        let mut out = Vec::new();
        dose_faults(text, table, &mut out);
        out.into_iter()
            .map(|f| (text[f.span].to_string(), f.fault, f.fix))
            .collect()
    }

    fn one(text: &str, table: &Table) -> Option<(String, String)> {
        let f = faults(text, table);
        assert!(f.len() <= 1, "{text}: {f:?}");
        f.into_iter().next().map(|(w, _, fix)| (w, fix))
    }

    fn pair(w: &str, fix: &str) -> Option<(String, String)> {
        Some((w.to_string(), fix.to_string()))
    }

    #[test]
    fn trailing_zeros_and_missing_leading_zeros() {
        assert_eq!(one("Take 1.0 mg daily.", &EN), pair("1.0 mg", "1 mg"));
        assert_eq!(one("Ta 1,0 mg dagligen.", &SV), pair("1,0 mg", "1 mg"));
        assert_eq!(one("2.50 ml of syrup", &EN), pair("2.50 ml", "2.5 ml"));
        assert_eq!(one("take .5 mg", &EN), pair(".5 mg", "0.5 mg"));
        assert_eq!(one("ta ,5 mg", &SV), pair(",5 mg", "0,5 mg"));
        assert_eq!(one("(.25 mg)", &EN), pair(".25 mg", "0.25 mg"));
        assert_eq!(one("1,000.0 mg", &EN), pair("1,000.0 mg", "1,000 mg"));
        assert_eq!(one("2 500,0 mg", &SV), pair("2 500,0 mg", "2 500 mg"));
        assert_eq!(one("10.0mg", &EN), pair("10.0mg", "10mg"));
        assert_eq!(one("5.0 mg/kg", &EN), pair("5.0 mg/kg", "5 mg/kg"));
        assert_eq!(one("1.0 µg", &EN), pair("1.0 µg", "1 µg"));
        assert_eq!(one("40,0 E insulin", &SV), pair("40,0 E", "40 E"));
        assert_eq!(
            one("2.0 milligrams", &EN),
            pair("2.0 milligrams", "2 milligrams")
        );
        assert_eq!(one("每次1.0毫克", &ZH), pair("1.0毫克", "1毫克"));
        assert_eq!(one("每次 .5 mg", &ZH), pair(".5 mg", "0.5 mg"));
        assert_eq!(one("1.0\u{A0}mg", &EN), pair("1.0\u{A0}mg", "1\u{A0}mg"));
        // A range is one dose.
        assert_eq!(one("1.0–2.0 mg", &EN), pair("1.0–2.0 mg", "1–2 mg"));
        assert_eq!(one("0.5 - 1.0 mg", &EN), pair("0.5 - 1.0 mg", "0.5 - 1 mg"));
        // Both faults at once: the leading zero is named.
        let f = faults(".50 mg", &EN);
        assert_eq!(
            f,
            [(".50 mg".into(), Fault::NoLeadingZero, "0.5 mg".into())]
        );
        // A separator that cannot group thousands is a decimal one wherever it is written.
        assert_eq!(one("1.0 mg", &SV), pair("1.0 mg", "1 mg"));
        assert_eq!(one("1,0 mg", &DIGITS), pair("1,0 mg", "1 mg"));
    }

    #[test]
    fn what_is_no_badly_written_dose() {
        for (text, table) in [
            ("Ta 1,5 mg dagligen.", &SV),
            ("Take 1,500 mg a day.", &EN),
            ("Take 0.5 mg.", &EN),
            ("Take 1 mg, 2.5 mg or 10 mg.", &EN),
            ("Version v1.0 is out; see 2.0 for more.", &EN),
            ("Store below 25.0 °C.", &EN),
            ("2.0 % of patients", &EN),
            ("at 10.30 in the morning", &EN),
            ("costs $1.50", &EN),
            ("Ta 1.000 mg", &SV),
            ("1,000 mg", &DIGITS),
            ("version 1.0.2 mg", &EN),
            ("on 12.05.2024", &EN),
            ("weighs 70.0 kg", &EN),
            ("JAK1.0 mg", &EN),
            ("1.0 gånger", &SV),
            ("1.0 mgx", &EN),
            ("%.10g prints ten digits", &EN),
            ("%5.0f mg", &EN),
            ("the tablets,5 mg each", &SV),
            ("", &EN),
        ] {
            assert_eq!(faults(text, table), [], "{text}");
        }
    }
}
