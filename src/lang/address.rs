//! Addresses in running text, which a translation must keep as they are: URLs, e-mail
//! addresses, phone numbers and file paths (behind `url-mismatch`).
//!
//! One forward pass over the bytes; an address starts where a token starts and is matched by
//! its own shape, so that what merely looks like one is not: `and/or`, `mg/ml`, `km/h`, `I/O`
//! and `1/2` have neither a leading `/` nor a file extension, `12/05/2024` and `2024-05-12` are
//! dates, `1 000 000` groups thousands, and `10-20 mg` is a range.

use std::ops::Range;

/// What an address is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Url,
    Email,
    Phone,
    Path,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Url => "URL",
            Kind::Email => "e-mail address",
            Kind::Phone => "phone number",
            Kind::Path => "file path",
        }
    }
}

/// An address found in a text: its kind and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub kind: Kind,
    pub span: Range<usize>,
}

/// URL schemes that start an address (compared without regard to ASCII case).
const SCHEMES: &[&str] = &[
    "https://", "http://", "ftps://", "ftp://", "sftp://", "file://",
];

/// Domains reserved for examples (RFC 2606, RFC 6761): an e-mail address there is a placeholder
/// (`yourname@example.com`), which a translation may localise.
const EXAMPLE_DOMAINS: &[&str] = &["example.com", "example.net", "example.org"];
const EXAMPLE_TLDS: &[&str] = &[".example", ".test", ".invalid", ".localhost"];

/// Fewest and most digits of a phone number.
const PHONE_DIGITS: (usize, usize) = (7, 15);

/// Whether an e-mail address is at a domain reserved for examples.
pub fn is_placeholder_email(address: &str) -> bool {
    let Some((_, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let domain = domain.to_ascii_lowercase();
    EXAMPLE_DOMAINS.contains(&domain.as_str())
        || EXAMPLE_DOMAINS
            .iter()
            .any(|d| domain.ends_with(&format!(".{d}")))
        || EXAMPLE_TLDS.iter().any(|t| domain.ends_with(t))
}

/// The bytes [`may_hold`] looks at: digits, `@`, backslash, `/`, `w`, `W` and `:`.
static SIGNS: [bool; 256] = {
    let mut t = [false; 256];
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = true;
        d += 1;
    }
    t[b'@' as usize] = true;
    t[b'\\' as usize] = true;
    t[b'/' as usize] = true;
    t[b'w' as usize] = true;
    t[b'W' as usize] = true;
    t[b':' as usize] = true;
    t
};

/// Whether `text` may hold an address at all: a `/` (URLs and paths; not one of markup), `@`,
/// `\`, `www.`, `tel:`, or seven digits. Most texts do not, and are not scanned.
pub fn may_hold(text: &str) -> bool {
    let b = text.as_bytes();
    // One pass, stopping at the first sign: every part of every translation is asked, and most
    // are short (several vectorised searches cost more in setting up than they save).
    let mut digits = 0;
    for (i, &c) in b.iter().enumerate() {
        if !SIGNS[usize::from(c)] {
            continue;
        }
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if digits >= PHONE_DIGITS.0 {
                    return true;
                }
            }
            b'@' | b'\\' => return true,
            // Not the `/` of markup (`</a>`, `<br/>`).
            b'/' if !((i > 0 && b[i - 1] == b'<') || b.get(i + 1) == Some(&b'>')) => {
                return true;
            }
            b'w' | b'W'
                if b.get(i..i + 4)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"www.")) =>
            {
                return true;
            }
            b':' if i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"tel") => return true,
            _ => {}
        }
    }
    false
}

/// Characters an address token may continue with: before one, a character of these does not
/// let an address start.
fn continues(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'.' | b'_' | b'-' | b'/' | b'@' | b'%' | b'+' | b'~' | b'\\'
        )
}

/// Characters of a URL after its scheme (ASCII only: a URL in Chinese text ends where the
/// Chinese starts).
fn url_char(c: u8) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'\\' | b'^' | b'`' | b'\''
        )
}

/// Characters of a path segment.
fn segment_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'~' | b'+' | b'@' | b'%')
}

fn email_local(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn domain_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')
}

/// The end of `text[start..end]` without the punctuation that ends a sentence or closes a
/// bracket the address did not open.
fn trim_end(b: &[u8], start: usize, mut end: usize) -> usize {
    // Brackets counted once, then as they are trimmed (linear in the address).
    let count = |c: u8| b[start..end].iter().filter(|&&d| d == c).count();
    let (mut round, mut square) = (
        count(b')') as isize - count(b'(') as isize,
        count(b']') as isize - count(b'[') as isize,
    );
    while end > start {
        let drop = match b[end - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*' => true,
            b')' if round > 0 => {
                round -= 1;
                true
            }
            b']' if square > 0 => {
                square -= 1;
                true
            }
            _ => false,
        };
        if !drop {
            return end;
        }
        end -= 1;
    }
    end
}

fn starts_with_ci(b: &[u8], i: usize, prefix: &str) -> bool {
    b.get(i..i + prefix.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A URL at byte `i`: a scheme (or `www.`) and what follows.
fn url_at(b: &[u8], i: usize) -> Option<usize> {
    let head = SCHEMES
        .iter()
        .find(|s| starts_with_ci(b, i, s))
        .map(|s| s.len())
        .or_else(|| starts_with_ci(b, i, "www.").then_some(4))?;
    let mut end = i + head;
    while end < b.len() && url_char(b[end]) {
        end += 1;
    }
    let end = trim_end(b, i, end);
    // Something after the scheme, and a host with a dot for `www.`.
    (end > i + head + 1).then_some(end)
}

/// An e-mail address at byte `i`: a local part, `@` and a domain with a dot and a top-level
/// domain of letters.
fn email_at(b: &[u8], i: usize) -> Option<usize> {
    let mut at = i;
    while at < b.len() && email_local(b[at]) {
        at += 1;
    }
    if at == i || b.get(at) != Some(&b'@') {
        return None;
    }
    let mut end = at + 1;
    while end < b.len() && domain_char(b[end]) {
        end += 1;
    }
    while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &b[at + 1..end];
    let dot = domain.iter().rposition(|&c| c == b'.')?;
    let tld = &domain[dot + 1..];
    (dot > 0 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(end)
}

/// Whether the last segment of a path has a file extension (`leaflet.pdf`): a name, a dot and
/// two to five letters or digits in one case, one of them a letter.
fn has_extension(segment: &[u8]) -> bool {
    let Some(dot) = segment.iter().rposition(|&c| c == b'.') else {
        return false;
    };
    let ext = &segment[dot + 1..];
    dot > 0
        && (2..=5).contains(&ext.len())
        && ext.iter().all(u8::is_ascii_alphanumeric)
        && ext.iter().any(u8::is_ascii_alphabetic)
        && (ext.iter().all(|c| !c.is_ascii_uppercase())
            || ext.iter().all(|c| !c.is_ascii_lowercase()))
}

/// Reads `/`-separated segments from byte `i`: (end, segments, last segment's start).
fn segments(b: &[u8], i: usize, sep: u8) -> (usize, usize, usize) {
    let mut j = i;
    let mut count = 0;
    let mut last = i;
    loop {
        let start = j;
        while j < b.len() && segment_char(b[j]) {
            j += 1;
        }
        if j > start {
            count += 1;
            last = start;
        }
        if j < b.len() && b[j] == sep && b.get(j + 1).is_some_and(|&c| segment_char(c) || c == sep)
        {
            j += 1;
        } else if j < b.len() && b[j] == sep && j > start {
            // A trailing separator (`/tmp/`).
            j += 1;
            return (j, count, last);
        } else {
            return (j, count, last);
        }
    }
}

/// A file path at byte `i`: absolute (`/etc/fstab`, two segments or a file name), from the
/// home or the current directory (`~/.config`, `./configure`, `../x`), a Windows path
/// (`C:\Temp\x`), or relative with a file name (`docs/leaflet.pdf`).
fn path_at(b: &[u8], i: usize) -> Option<usize> {
    let (from, sep, absolute) = if b[i] == b'/' {
        (i + 1, b'/', true)
    } else if b[i..].starts_with(b"~/") || b[i..].starts_with(b"./") {
        (i + 2, b'/', false)
    } else if b[i..].starts_with(b"../") {
        (i + 3, b'/', false)
    } else if b[i].is_ascii_alphabetic() && b[i + 1..].starts_with(b":\\") {
        (i + 3, b'\\', false)
    } else {
        // Relative: a name, `/`, more.
        let (end, count, last) = segments(b, i, b'/');
        let end = trim_end(b, i, end);
        let first_end = b[i..end].iter().position(|&c| c == b'/').map(|p| i + p)?;
        let first_digits = b[i..first_end].iter().all(u8::is_ascii_digit);
        let last = last.min(end);
        return (count >= 2 && !first_digits && has_extension(&b[last..end])).then_some(end);
    };
    if !b.get(from).is_some_and(|&c| segment_char(c)) {
        return None;
    }
    let (end, count, last) = segments(b, from, sep);
    let end = trim_end(b, i, end);
    let last = last.min(end);
    let name = &b[last..end];
    let first_digits = b[from..end]
        .iter()
        .take_while(|&&c| c != sep)
        .all(u8::is_ascii_digit);
    let enough = !absolute || count >= 2 || has_extension(name);
    (enough && !first_digits).then_some(end)
}

/// A phone number at byte `i`: digits in groups parted by single spaces, hyphens or brackets,
/// with a `+` in front or eight digits or more (`+46 8 123 456 78`, `08-123 456 78`,
/// `(020) 7946 0958`), and not a date (`2024-05-12`) or a number grouped in thousands
/// (`12 345 678`). `Err(end)`: a run of digits that is none, to skip.
fn phone_at(b: &[u8], i: usize, tel: bool) -> Result<usize, usize> {
    /// Most groups a phone number has.
    const GROUPS: usize = 8;
    let plus = b[i] == b'+';
    let mut j = i + usize::from(plus);
    // Each group's digits and the separator before it.
    let mut groups = [(0usize, 0u8); GROUPS];
    let mut n = 0;
    let mut digits = 0;
    let mut sep_before = 0u8;
    loop {
        // Brackets around an area code.
        if j < b.len() && b[j] == b'(' {
            j += 1;
        }
        let start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j == start {
            break;
        }
        digits += j - start;
        if n == GROUPS {
            return Err(j);
        }
        groups[n] = (j - start, sep_before);
        n += 1;
        if j < b.len() && b[j] == b')' {
            j += 1;
        }
        let sep = match b.get(j) {
            Some(&c @ (b' ' | b'-')) => c,
            _ => 0,
        };
        let next_digit = b
            .get(j + 1)
            .is_some_and(|&c| c.is_ascii_digit() || c == b'(');
        if sep != 0 && next_digit {
            sep_before = sep;
            j += 1;
        } else {
            break;
        }
    }
    let end = j;
    let groups = &groups[..n];
    // Glued to a word, or a decimal, date or fraction going on (`1.5`, `12/05`).
    let glued = b.get(end).is_some_and(|&c| {
        c.is_ascii_alphanumeric()
            || (matches!(c, b'/' | b'.' | b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
    });
    if glued || digits > PHONE_DIGITS.1 {
        return Err(end.max(i + 1));
    }
    if tel || (plus && digits >= PHONE_DIGITS.0) {
        return Ok(end);
    }
    let date = groups.iter().skip(1).all(|g| g.1 == b'-')
        && matches!(groups, [(4, _), (2, _), (2, _)] | [(2, _), (2, _), (4, _)]);
    let thousands = groups.iter().skip(1).all(|g| g.1 == b' ')
        && groups.first().is_some_and(|g| g.0 <= 3)
        && groups.iter().skip(1).all(|g| g.0 == 3);
    if digits >= 8 && n > 1 && !date && !thousands {
        Ok(end)
    } else {
        Err(end.max(i + 1))
    }
}

/// Every address in `text`, in order, into `out` (cleared first).
pub fn addresses(text: &str, out: &mut Vec<Address>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let boundary = i == 0 || !continues(b[i - 1]);
        if !boundary
            || !(c.is_ascii_alphanumeric() || matches!(c, b'/' | b'~' | b'.' | b'+' | b'('))
        {
            i += 1;
            continue;
        }
        // A word without `@`, `/` or `\` in it (`C:\` aside) is no address but a phone number's
        // digits: past it at once.
        if c.is_ascii_alphabetic() {
            let mut end = i;
            let mut marks = false;
            while end < b.len() && continues(b[end]) {
                marks |= matches!(b[end], b'@' | b'/' | b'\\');
                end += 1;
            }
            let more = marks
                || b.get(end) == Some(&b':')
                || (end - i >= 4 && b[i..i + 4].eq_ignore_ascii_case(b"www."));
            if !more {
                i = end;
                continue;
            }
        }
        if let Some(end) = url_at(b, i) {
            out.push(Address {
                kind: Kind::Url,
                span: i..end,
            });
            i = end;
            continue;
        }
        if starts_with_ci(b, i, "mailto:") {
            if let Some(end) = email_at(b, i + 7) {
                out.push(Address {
                    kind: Kind::Email,
                    span: i + 7..end,
                });
                i = end;
                continue;
            }
        }
        if starts_with_ci(b, i, "tel:") {
            let j = i + 4;
            if b.get(j)
                .is_some_and(|&c| c.is_ascii_digit() || c == b'+' || c == b'(')
            {
                if let Ok(end) = phone_at(b, j, true) {
                    out.push(Address {
                        kind: Kind::Phone,
                        span: j..end,
                    });
                    i = end;
                    continue;
                }
            }
        }
        if email_local(c) {
            if let Some(end) = email_at(b, i) {
                out.push(Address {
                    kind: Kind::Email,
                    span: i..end,
                });
                i = end;
                continue;
            }
        }
        if let Some(end) = path_at(b, i) {
            out.push(Address {
                kind: Kind::Path,
                span: i..end,
            });
            i = end;
            continue;
        }
        let phone_start = c.is_ascii_digit()
            || (matches!(c, b'+' | b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if phone_start {
            match phone_at(b, i, false) {
                Ok(end) => {
                    out.push(Address {
                        kind: Kind::Phone,
                        span: i..end,
                    });
                    i = end;
                }
                Err(end) => i = end,
            }
            continue;
        }
        // Past the rest of a word: an address starts only where a token does.
        i += 1;
        if c.is_ascii_alphanumeric() {
            while i < b.len() && continues(b[i]) {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Kind, &str)> {
        let mut out = Vec::new();
        addresses(text, &mut out);
        out.into_iter().map(|a| (a.kind, &text[a.span])).collect()
    }

    #[test]
    fn addresses_of_every_kind() {
        use Kind::*;
        assert_eq!(
            found("See https://www.fass.se/LIF/product?id=12 (or www.lilly.se)."),
            [
                (Url, "https://www.fass.se/LIF/product?id=12"),
                (Url, "www.lilly.se")
            ]
        );
        assert_eq!(
            found("<a href=\"https://x.org/a_(b)\">x</a> and (https://y.org/c)"),
            [(Url, "https://x.org/a_(b)"), (Url, "https://y.org/c")]
        );
        assert_eq!(found("请访问https://x.org。"), [(Url, "https://x.org")]);
        assert_eq!(
            found("Write to info@lilly.se, or mailto:help@x.org."),
            [(Email, "info@lilly.se"), (Email, "help@x.org")]
        );
        assert_eq!(
            found("Call +46 8 123 456 78 or 08-123 456 78, tel:112, (020) 7946 0958."),
            [
                (Phone, "+46 8 123 456 78"),
                (Phone, "08-123 456 78"),
                (Phone, "112"),
                (Phone, "(020) 7946 0958")
            ]
        );
        assert_eq!(
            found("Edit /etc/fstab, ~/.config/leaflint, ./configure, docs/leaflet.pdf or C:\\Temp\\x.log."),
            [
                (Path, "/etc/fstab"),
                (Path, "~/.config/leaflint"),
                (Path, "./configure"),
                (Path, "docs/leaflet.pdf"),
                (Path, "C:\\Temp\\x.log")
            ]
        );
        assert_eq!(found("href=\"/firefox/new/\""), [(Path, "/firefox/new/")]);
    }

    #[test]
    fn what_only_looks_like_an_address() {
        for text in [
            "and/or, mg/ml, km/h, I/O, 1/2, w/o, TCP/IP, text/html",
            "on 12/05/2024 or 2024-05-12 or 12-05-2024",
            "5 mg/kg/day, 2.5 mg/ml, 24/7",
            "1 000 000 patients, 12 345 678 doses, 1,000,000",
            "10-20 mg, 1-2 tablets, 1K = 1000, 1M = 1000000",
            "version 1.0.2, 192.168.0.1, 10:30",
            "</a> <br/> </strong>",
            "Follow @{ -brand }, user@localhost",
            "e.g./i.e., dose/day.",
            "/tmp /day",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn placeholders_and_the_quick_check() {
        assert!(is_placeholder_email("yourname@example.com"));
        assert!(is_placeholder_email("a@mail.example"));
        assert!(!is_placeholder_email("info@lilly.se"));
        assert!(may_hold("see www.x.org"));
        assert!(may_hold("call 0812345678"));
        assert!(!may_hold("Take 2 tablets a day."));
        assert!(!may_hold("Note: take it with food."));
        assert!(may_hold("Ring tel:112"));
        assert!(!may_hold("<a href=\"{ $url }\">Read</a> it<br/>"));
    }
}
