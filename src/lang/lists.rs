//! List items: how a line says it is one (behind `list-mismatch`). The markers are data — a new
//! bullet or numbering style is a row of a table — and one reader reads them all.

/// Bullets that start a list item, and whether a space must follow (`-`, `*` and the dashes
/// start other lines too: `-a, --all`, `*[other]`, a dash of a sentence; `•` does not).
pub static BULLETS: &[(char, bool)] = &[
    ('•', false),
    ('◦', false),
    ('‣', false),
    ('▪', false),
    ('▫', false),
    ('●', false),
    ('○', false),
    ('■', false),
    ('□', false),
    ('・', false),
    ('·', true),
    ('-', true),
    ('*', true),
    ('–', true),
    ('—', true),
    ('+', true),
];

/// What may follow the number of a numbered item, and whether a space must follow it (`1.`
/// and `1)` in running text are a decimal or a bracket; Chinese `1、` and `1）` are not).
pub static NUMBER_ENDS: &[(char, bool)] = &[
    ('.', true),
    (')', true),
    ('）', false),
    ('、', false),
    ('．', false),
];

/// Brackets around a number of a numbered item (`(1)`, `（1）`), with a space after the
/// closing one or not.
pub static NUMBER_BRACKETS: &[(char, char, bool)] = &[('(', ')', true), ('（', '）', false)];

/// The most digits of an item's number: `2024.` starts a sentence, not an item.
const NUMBER_DIGITS: usize = 3;

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Bullet(char),
    /// The number and the mark after it.
    Number(u32, char),
}

/// The marker a line starts with (after its indentation), and its length in bytes.
pub fn marker(line: &str) -> Option<(Marker, usize)> {
    let text = line.trim_start();
    let indent = line.len() - text.len();
    let mut chars = text.chars();
    let first = chars.next()?;
    let spaced = |rest: &str| rest.starts_with(|c: char| c.is_whitespace());
    if let Some(&(_, space)) = BULLETS.iter().find(|(b, _)| *b == first) {
        let rest = chars.as_str();
        let ok = if space {
            spaced(rest) && !rest.trim().is_empty()
        } else {
            !rest.trim().is_empty()
        };
        return ok.then_some((Marker::Bullet(first), indent + first.len_utf8()));
    }
    // `(1)`, `（1）`.
    let (open, inner) = match NUMBER_BRACKETS.iter().find(|(o, _, _)| *o == first) {
        Some(&(o, c, space)) => (Some((c, space)), &text[o.len_utf8()..]),
        None => (None, text),
    };
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > NUMBER_DIGITS {
        return None;
    }
    let n: u32 = inner[..digits].parse().ok()?;
    let after = &inner[digits..];
    let end = after.chars().next()?;
    let space = match open {
        Some((close, space)) => (end == close).then_some(space)?,
        None => NUMBER_ENDS
            .iter()
            .find(|(e, _)| *e == end)
            .map(|(_, s)| *s)?,
    };
    let rest = &after[end.len_utf8()..];
    if rest.trim().is_empty() || (space && !spaced(rest)) {
        return None;
    }
    let len = text.len() - rest.len();
    Some((Marker::Number(n, end), indent + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_items() {
        let m = |l: &str| marker(l).map(|(m, _)| m);
        assert_eq!(m("• headache"), Some(Marker::Bullet('•')));
        assert_eq!(
            m("  - sysv: (equivalent to sum -s)"),
            Some(Marker::Bullet('-'))
        );
        assert_eq!(m("-    the exit status"), Some(Marker::Bullet('-')));
        assert_eq!(m("•huvudvärk"), Some(Marker::Bullet('•')));
        assert_eq!(m("1. Take the tablet."), Some(Marker::Number(1, '.')));
        assert_eq!(m("12) Drink water"), Some(Marker::Number(12, ')')));
        assert_eq!(m("1、服用药片"), Some(Marker::Number(1, '、')));
        assert_eq!(m("（2）喝水"), Some(Marker::Number(2, '）')));
        assert_eq!(m("(3) rest"), Some(Marker::Number(3, ')')));
        for line in [
            "-a, --all  show all",
            "-M from first to M'th field",
            "*[other] tablets",
            "2024. A year",
            "1.5 mg a day",
            "Warnings:",
            "- ",
            "",
            "1.",
            "124  if COMMAND times out",
        ] {
            assert_eq!(m(line), None, "{line:?}");
        }
    }
}
