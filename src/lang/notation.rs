//! Text that is notation, not prose: what the language checks must not read as words of a
//! language. Code spans and fenced blocks, command-line options (`-s`, `--bytes`,
//! `--reflink=always`), `key=value` settings, format specifiers and templates (`%s`, `%1$S`,
//! `%.1s`, `%name%`, `$HOME`), addresses like `name@host`, paths (`/var/log/wtmp`, `a/b/c`),
//! placeholders in brackets (`[OPTION]...`), shell and pattern syntax (`c*n`, `p^e`, `a|b`), and
//! the Latin abbreviations of running text (`et al.`, `e.g.`, `i.e.`, `vs.`).
//!
//! In a string of a CJK locale, Latin text set apart is a literal or a gloss, not a fragment
//! left untranslated: text in quotation marks (`“upper”`, `'am i'`) and in brackets after a term
//! (`兜底比较（last-resort comparison）`, `[o, d, x, n]`).
//!
//! Everything found is replaced by [`NOTATION`], as [`super::text::strip_markup`] replaces
//! markup by [`PLACEHOLDER`], so offsets stay where they are; a check can then hold a run of
//! words with notation in it (`cut -f 2,5-7 some_file.txt`, a command line) to a stricter
//! standard.

use super::script::{cjk, is_cjk_punctuation};
use super::text::{Ch, PLACEHOLDER};

/// Longest quotation or bracket content (in characters) taken for a literal.
const MAX_QUOTED: usize = 80;

/// Latin abbreviations of running text, without their final full stop.
const ABBREVIATIONS: &[&str] = &[
    "et al", "etc", "e.g", "i.e", "vs", "cf", "viz", "approx", "ca", "ibid",
];

/// Blanks the notation of a string, in place (see the module documentation); `cjk_locale`
/// also blanks quoted and bracketed Latin text.
pub fn strip_notation(chars: &mut [Ch], cjk_locale: bool) {
    let trigger = |c: char| {
        matches!(
            c,
            '`' | '-' | '%' | '=' | '@' | '$' | '^' | '|' | '*' | '[' | '\\' | '.' | '/' | '~'
        ) || (cjk_locale && is_opener(c).is_some())
    };
    if !chars.iter().any(|ch| trigger(ch.c)) {
        return;
    }
    code_spans(chars);
    abbreviations(chars);
    if cjk_locale {
        set_apart(chars);
    }
    tokens(chars);
}

/// What notation is replaced with: a character of its own, so that a check can tell a run
/// of words that had notation in it (a command line) from one that had a placeable.
pub const NOTATION: char = '\u{FFFB}';

fn blank(chars: &mut [Ch]) {
    for ch in chars {
        ch.c = NOTATION;
    }
}

/// `` `code` `` and fenced blocks (```` ``` ```` to ```` ``` ````).
fn code_spans(chars: &mut [Ch]) {
    let mut i = 0;
    while i < chars.len() {
        if chars[i].c != '`' {
            i += 1;
            continue;
        }
        let ticks = chars[i..].iter().take_while(|ch| ch.c == '`').count();
        let body = i + ticks;
        // The closing run of as many backticks.
        let mut k = body;
        let mut close = None;
        while k < chars.len() {
            if chars[k].c == '`' {
                let n = chars[k..].iter().take_while(|ch| ch.c == '`').count();
                if n == ticks {
                    close = Some(k + n);
                    break;
                }
                k += n;
            } else {
                // A single backtick span stays on its line.
                if ticks < 3 && chars[k].c == '\n' {
                    break;
                }
                k += 1;
            }
        }
        match close {
            Some(end) => {
                blank(&mut chars[i..end]);
                i = end;
            }
            None => i = body,
        }
    }
}

/// `et al.`, `e.g.`, `vs.` and the like, as whole words.
fn abbreviations(chars: &mut [Ch]) {
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let starts_word = i == 0 || !chars[i - 1].c.is_alphanumeric();
        if !starts_word || !chars[i].c.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // Every abbreviation is at most 6 letters, dots and spaces followed by a full stop.
        if !chars[i + 1..n.min(i + 8)].iter().any(|ch| ch.c == '.') {
            i += 1;
            continue;
        }
        let mut hit = None;
        for a in ABBREVIATIONS {
            let len = a.chars().count();
            let Some(slice) = chars.get(i..i + len + 1) else {
                continue;
            };
            let same = slice[..len]
                .iter()
                .zip(a.chars())
                .all(|(ch, c)| ch.c.to_ascii_lowercase() == c);
            if same && slice[len].c == '.' {
                hit = Some(len + 1);
                break;
            }
        }
        match hit {
            Some(len) => {
                blank(&mut chars[i..i + len]);
                i += len;
            }
            None => i += 1,
        }
    }
}

/// The closing mark of an opening quotation mark or bracket.
fn is_opener(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        '"' => '"',
        '\'' => '\'',
        '(' | '（' => ')',
        '[' => ']',
        '【' => '】',
        _ => return None,
    })
}

fn closes(open: char, c: char) -> bool {
    match open {
        '(' | '（' => matches!(c, ')' | '）'),
        _ => is_opener(open) == Some(c),
    }
}

/// Whether a character may stand next to a straight quotation mark that quotes: not a letter
/// or digit (in `don't` the mark is an apostrophe).
fn quote_boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric() || cjk(c).is_some())
}

/// Quoted and bracketed Latin text inside a CJK string: the marks and what they hold, when it
/// holds no CJK character and fits on one line.
fn set_apart(chars: &mut [Ch]) {
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let open = chars[i].c;
        if is_opener(open).is_none()
            || (matches!(open, '"' | '\'') && !quote_boundary(i.checked_sub(1).map(|j| chars[j].c)))
        {
            i += 1;
            continue;
        }
        let mut end = None;
        for k in i + 1..n.min(i + 2 + MAX_QUOTED) {
            let c = chars[k].c;
            if c == '\n' || cjk(c).is_some() {
                break;
            }
            if closes(open, c) {
                let straight = matches!(open, '"' | '\'');
                if !straight || quote_boundary(chars.get(k + 1).map(|d| d.c)) {
                    end = Some(k);
                }
                break;
            }
        }
        match end {
            Some(k)
                if chars[i + 1..k]
                    .iter()
                    .any(|ch| ch.c.is_alphabetic() && !is_cjk_punctuation(ch.c)) =>
            {
                blank(&mut chars[i..=k]);
                i = k + 1;
            }
            _ => i += 1,
        }
    }
}

/// The part of a whitespace-separated token inside its outer punctuation, as a range.
fn trimmed(token: &[char]) -> std::ops::Range<usize> {
    let mut a = 0;
    let mut b = token.len();
    while a < b && matches!(token[a], '(' | '（' | '"' | '\'' | '“' | '‘' | '<') {
        a += 1;
    }
    while b > a
        && matches!(
            token[b - 1],
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | '）' | '"' | '\'' | '”' | '’' | '>'
        )
    {
        b -= 1;
    }
    a..b
}

/// Whether a whitespace-separated token (its outer punctuation trimmed) is notation.
fn is_code_token(token: &[char]) -> bool {
    let t = &token[trimmed(token)];
    if t.is_empty() {
        return false;
    }
    let alnum = |c: &char| c.is_ascii_alphanumeric();
    // Options: -s, --bytes, --reflink=always.
    if t[0] == '-' {
        let rest = if t.get(1) == Some(&'-') {
            &t[2..]
        } else {
            &t[1..]
        };
        if rest.first().is_some_and(char::is_ascii_alphabetic) {
            return true;
        }
    }
    let between = |i: usize| i > 0 && i + 1 < t.len() && alnum(&t[i - 1]) && alnum(&t[i + 1]);
    for (i, &c) in t.iter().enumerate() {
        match c {
            // key=value, name@host
            '=' | '@' if between(i) => return true,
            // Format specifiers: %s, %1$S, %.1s, %4c, %-10d, %name%, %%.
            '%' => {
                let rest = &t[i + 1..];
                let flags = rest
                    .iter()
                    .take_while(|c| {
                        c.is_ascii_digit() || matches!(c, '-' | '+' | ' ' | '#' | '.' | '$' | '*')
                    })
                    .count();
                let conv = rest.get(flags).copied();
                if conv.is_some_and(|c| c.is_ascii_alphabetic() || c == '%' || c == '@') {
                    return true;
                }
            }
            // $HOME, ${name}, $1
            '$' if t
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '{' | '_')) =>
            {
                return true
            }
            '^' | '|' | '\\' | '`' | '{' | '}' if t.len() > 1 => return true,
            '*' if t.len() > 1 && t.iter().any(char::is_ascii_alphanumeric) => return true,
            _ => {}
        }
    }
    // Paths: /var/log, ./a, ~/x, a/b/c.
    let slashes = t.iter().filter(|&&c| c == '/').count();
    if (t[0] == '/' && t.len() > 1)
        || t.starts_with(&['.', '/'])
        || t.starts_with(&['~', '/'])
        || slashes >= 2 && t.iter().any(char::is_ascii_alphabetic)
    {
        return true;
    }
    // Placeholders in brackets: [OPTION]..., [-F, [FILE].
    if t[0] == '[' {
        let inner: Vec<char> = t[1..].iter().copied().take_while(|c| *c != ']').collect();
        if inner.first() == Some(&'-')
            || (!inner.is_empty()
                && inner
                    .iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                && inner.iter().any(char::is_ascii_uppercase))
        {
            return true;
        }
    }
    false
}

/// Blanks the tokens that are notation.
fn tokens(chars: &mut [Ch]) {
    let n = chars.len();
    let separates = |c: char| {
        c.is_whitespace()
            || c == PLACEHOLDER
            || c == NOTATION
            || cjk(c).is_some()
            || is_cjk_punctuation(c)
    };
    let mut buf: Vec<char> = Vec::new();
    let mut k = 0;
    while k < n {
        if separates(chars[k].c) {
            k += 1;
            continue;
        }
        let start = k;
        let mut marked = false;
        while k < n && !separates(chars[k].c) {
            marked |= matches!(
                chars[k].c,
                '-' | '=' | '@' | '%' | '$' | '^' | '|' | '\\' | '`' | '{' | '}' | '*' | '/' | '['
            );
            k += 1;
        }
        // Notation has one of these marks: most tokens are plain words and need no look.
        if !marked {
            continue;
        }
        buf.clear();
        buf.extend(chars[start..k].iter().map(|ch| ch.c));
        if is_code_token(&buf) {
            let inner = trimmed(&buf);
            blank(&mut chars[start + inner.start..start + inner.end]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is left of `s` after stripping, placeholders as `_`.
    fn left(s: &str, cjk_locale: bool) -> String {
        let mut chars: Vec<Ch> = s.char_indices().map(|(at, c)| Ch { c, at }).collect();
        strip_notation(&mut chars, cjk_locale);
        chars
            .iter()
            .map(|ch| if ch.c == NOTATION { '_' } else { ch.c })
            .collect()
    }

    #[test]
    fn tokens_of_notation() {
        for t in [
            "-s",
            "--bytes",
            "--reflink=always",
            "sparse=auto",
            "%s",
            "%1$S",
            "%.1s",
            "%4c",
            "%name%",
            "$HOME",
            "${x}",
            "name@host",
            "/var/log/wtmp",
            "a/b/c",
            "./-foo",
            "[OPTION]...",
            "[-F",
            "c*n",
            "p^e",
            "a|b",
            "(-b",
        ] {
            let chars: Vec<char> = t.chars().collect();
            assert!(is_code_token(&chars), "{t}");
        }
        for t in [
            "-", "–", "tablets", "and/or", "mg/ml", "50%", "100%,", "e-mail", "don't", "(see",
            "[1]", "*", "x-ray",
        ] {
            let chars: Vec<char> = t.chars().collect();
            assert!(!is_code_token(&chars), "{t}");
        }
    }

    #[test]
    fn in_latin_strings_only_the_notation_goes() {
        assert_eq!(
            left("Use --bytes or -s, see Smith et al. and `ls -l`.", false),
            "Use _______ or __, see Smith ______ and _______."
        );
        // Quotation marks are prose in a Latin-script string.
        assert_eq!(left("Press “Save”.", false), "Press “Save”.");
    }

    #[test]
    fn in_cjk_strings_runs_with_notation_and_set_apart_text_go() {
        assert_eq!(left("例如：cut -f 2 x", true), "例如：cut __ 2 x");
        assert_eq!(
            left("字符类“upper”或 'am i'。", true),
            "字符类_______或 ______。"
        );
        assert_eq!(
            left("禁用兜底比较（last-resort comparison)。", true),
            "禁用兜底比较________________________。"
        );
        assert_eq!(
            left("基数 [o, d, x, n] 之一", true),
            "基数 ____________ 之一"
        );
        // Prose stays.
        assert_eq!(
            left("请洗手。Wash your hands and keep the gel.", true),
            "请洗手。Wash your hands and keep the gel."
        );
        // An apostrophe inside a word opens no quotation.
        assert_eq!(
            left("请注意 don't stop the tablets", true),
            "请注意 don't stop the tablets"
        );
    }
}
