//! Script facts that need no language model: which characters are CJK, which Cyrillic and Greek
//! letters pass for Latin ones, and which characters are invisible.

use unicode_script::{Script, UnicodeScript};

/// The East Asian scripts, for text that does not belong in a Latin-script locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cjk {
    Han,
    Kana,
    Hangul,
}

/// The East Asian script of a letter, if it has one.
#[inline]
pub fn cjk(c: char) -> Option<Cjk> {
    // Fast paths: nothing below U+1100 is CJK, and the main ideograph block is Han.
    if c < '\u{1100}' {
        return None;
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(Cjk::Han);
    }
    match c.script() {
        Script::Han | Script::Bopomofo => Some(Cjk::Han),
        Script::Hiragana | Script::Katakana => Some(Cjk::Kana),
        Script::Hangul => Some(Cjk::Hangul),
        _ => None,
    }
}

/// Punctuation and symbols that belong to CJK text (ideographic full stop, fullwidth forms),
/// which a fragment of CJK text may contain or end with.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF65}' | '\u{30FB}' | '\u{FE30}'..='\u{FE4F}')
}

/// The language name for a fragment made of these scripts.
pub fn cjk_language(scripts: &[Cjk]) -> &'static str {
    if scripts.contains(&Cjk::Kana) {
        "Japanese"
    } else if scripts.contains(&Cjk::Hangul) {
        "Korean"
    } else {
        "Chinese"
    }
}

/// The script family of a letter for the mixed-script check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

pub fn family(c: char) -> Family {
    // Fast paths: ASCII and Latin-1 to Latin Extended-B, and the CJK blocks.
    if c < '\u{0250}' {
        return Family::Latin;
    }
    if ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{AC00}'..='\u{D7AF}').contains(&c) {
        return Family::Other;
    }
    match c.script() {
        Script::Latin => Family::Latin,
        Script::Cyrillic => Family::Cyrillic,
        Script::Greek => Family::Greek,
        _ => Family::Other,
    }
}

/// Whether `text` may hold a Cyrillic or Greek letter (a cheap test on UTF-8 lead bytes: both
/// scripts live in U+0370–U+052F, plus extension blocks at U+1C80, U+1D00–U+1FFF, U+2DE0 and
/// U+A640).
pub fn may_hold_cyrillic_or_greek(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        // Eight bytes at a time over ASCII (most of a Latin-script text), up to the first lead
        // byte of another character.
        while let Some(chunk) = bytes.get(at..at + 8) {
            let word = <[u8; 8]>::try_from(chunk).map_or(u64::MAX, u64::from_le_bytes);
            let high = word & 0x8080_8080_8080_8080;
            if high != 0 {
                at += high.trailing_zeros() as usize / 8;
                break;
            }
            at += 8;
        }
        // Then a character at a time, by its lead byte alone, over a run of other characters
        // (all of a Chinese text): only a few lead bytes need a second look.
        while let Some(&b) = bytes.get(at) {
            let lead = LEAD[usize::from(b)];
            if lead & CYRILLIC_OR_GREEK != 0 && starts_cyrillic_or_greek(text, at, b) {
                return true;
            }
            at += usize::from(lead & LENGTH);
            if b < 0x80 && bytes.get(at..at + 8).is_some() {
                break;
            }
        }
        if at >= bytes.len() {
            return false;
        }
    }
}

/// What a UTF-8 lead byte says to [`may_hold_cyrillic_or_greek`]: the length of its sequence,
/// and whether the sequence may be a Cyrillic or Greek letter.
const LENGTH: u8 = 0x7;
const CYRILLIC_OR_GREEK: u8 = 0x8;
const LEAD: [u8; 256] = {
    let mut table = [1; 256];
    let mut b = 0xC0;
    while b < 256 {
        table[b] = match b {
            0xCD..=0xD4 => 2 | CYRILLIC_OR_GREEK,
            0xE1 | 0xE2 | 0xEA => 3 | CYRILLIC_OR_GREEK,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        b += 1;
    }
    table
};

/// Whether byte `b`, at `i` in `text`, starts a Cyrillic or Greek letter (see
/// [`may_hold_cyrillic_or_greek`]).
fn starts_cyrillic_or_greek(text: &str, i: usize, b: u8) -> bool {
    // The second byte rules out most three-byte characters (the quotes and dashes of U+2000 to
    // U+203F) without decoding.
    let second = text.as_bytes().get(i + 1).copied().unwrap_or(0);
    match (b, second) {
        (0xCD..=0xD4, _) => true,
        (0xE1, 0xB2 | 0xB4..=0xB6 | 0xBC..=0xBF) | (0xE2, 0xB7) | (0xEA, 0x99 | 0x9A) => {
            char_at(text, i).is_some_and(|c| {
                matches!(c, '\u{1C80}'..='\u{1C8F}' | '\u{1D00}'..='\u{1DBF}' | '\u{1F00}'..='\u{1FFF}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}')
            })
        }
        _ => false,
    }
}

/// The character starting at byte `i` of `text`.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Whether `text` holds one of the characters [`invisible`] reports. All are three-byte
/// sequences starting with 0xE2 or 0xEF, so only those lead bytes (found with `memchr2`) are
/// decoded.
pub fn may_hold_invisible(text: &str) -> bool {
    memchr::memchr2_iter(0xE2, 0xEF, text.as_bytes())
        .any(|i| char_at(text, i).is_some_and(|c| invisible(c).is_some()))
}

/// Whether `text` may hold CJK characters (three- and four-byte sequences from U+1100 up).
pub fn may_hold_cjk(text: &str) -> bool {
    // Eight bytes at a time: a byte from 0xE0 up has its three top bits set, which shifting
    // brings together in its high bit; only a chunk with one is looked at byte by byte.
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let x = <[u8; 8]>::try_from(chunk).map_or(u64::MAX, u64::from_le_bytes);
        if x & (x << 1) & (x << 2) & 0x8080_8080_8080_8080 != 0 && chunk.iter().any(|&b| b >= 0xE1)
        {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b >= 0xE1)
}

/// The Latin letter a Cyrillic or Greek letter is easily mistaken for, in the spirit of the
/// confusables of Unicode TS #39. Greek letters used as scientific symbols (`α`, `β`, `γ`, `μ`, …)
/// are deliberately absent: `IFN-γ` and `μM` are real terms.
pub fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'B',
        'е' => 'e',
        'ё' => 'ë',
        'к' => 'k',
        'м' => 'M',
        'н' => 'H',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 'T',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ї' => 'ï',
        'ј' => 'j',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        'ӧ' => 'ö',
        'ӓ' => 'ä',
        'ӱ' => 'ü',
        'ӑ' => 'ă',
        'ӗ' => 'ĕ',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'Ё' => 'Ë',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'У' => 'Y',
        'Х' => 'X',
        'Ѕ' => 'S',
        'І' => 'I',
        'Ї' => 'Ï',
        'Ј' => 'J',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        'Ӧ' => 'Ö',
        'Ӓ' => 'Ä',
        'Ӱ' => 'Ü',
        // Greek
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'ό' => 'ó',
        'ν' => 'v',
        'ι' => 'i',
        'ί' => 'í',
        'ϊ' => 'ï',
        'υ' => 'u',
        'ϋ' => 'ü',
        'ρ' => 'p',
        'ϲ' => 'c',
        'ϳ' => 'j',
        _ => return None,
    })
}

/// The invisible characters `invisible-character` reports, with a short name for the message.
pub fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{FEFF}' => "byte-order mark",
        '\u{FFFD}' => "replacement character",
        _ => return None,
    })
}

/// Bidirectional marks and isolates, which right-to-left locales use on purpose.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Languages written right to left, where bidirectional controls are legitimate.
pub fn is_rtl_language(language: &str) -> bool {
    matches!(
        language,
        "ar" | "fa" | "he" | "ur" | "yi" | "ps" | "sd" | "ckb" | "dv" | "ug"
    )
}

/// Whether a joiner (U+200C, U+200D) between `before` and `after` is doing its job: inside an
/// emoji sequence, or between letters of a script that uses joiners in its spelling (Arabic,
/// Indic scripts, …), as opposed to Latin or CJK text where it is only noise.
pub fn joiner_is_legitimate(before: Option<char>, after: Option<char>) -> bool {
    let (Some(b), Some(a)) = (before, after) else {
        return false;
    };
    let emoji =
        |c: char| matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}');
    if emoji(b) && emoji(a) {
        return true;
    }
    let joining = |c: char| {
        c.is_alphabetic()
            && !matches!(
                c.script(),
                Script::Latin
                    | Script::Common
                    | Script::Han
                    | Script::Hiragana
                    | Script::Katakana
                    | Script::Hangul
                    | Script::Cyrillic
                    | Script::Greek
            )
    };
    joining(b) && joining(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_scripts() {
        assert_eq!(cjk('可'), Some(Cjk::Han));
        assert_eq!(cjk('カ'), Some(Cjk::Kana));
        assert_eq!(cjk('한'), Some(Cjk::Hangul));
        assert_eq!(cjk('a'), None);
        assert_eq!(cjk('。'), None);
        assert!(is_cjk_punctuation('。'));
        assert!(is_cjk_punctuation('，'));
        assert_eq!(cjk_language(&[Cjk::Han]), "Chinese");
        assert_eq!(cjk_language(&[Cjk::Han, Cjk::Kana]), "Japanese");
    }

    #[test]
    fn lookalikes_spare_scientific_greek() {
        assert_eq!(latin_lookalike('ӧ'), Some('ö'));
        assert_eq!(latin_lookalike('о'), Some('o'));
        assert_eq!(latin_lookalike('Ο'), Some('O'));
        for c in ['α', 'β', 'γ', 'μ', 'κ', 'λ'] {
            assert_eq!(latin_lookalike(c), None, "{c}");
        }
        assert_eq!(family('ӧ'), Family::Cyrillic);
        assert_eq!(family('γ'), Family::Greek);
        assert_eq!(family('é'), Family::Latin);
    }

    #[test]
    fn cheap_tests_agree_with_decoding() {
        for s in [
            "plain ascii",
            "Läs noga igenom denna bipacksedel",
            "请咨询医生。，“引号”…—",
            "pаtient",
            "Οlumiant",
            "1234567ж across a chunk",
            "12345678ж after one",
            "短文本ᴀ",
            "ᴀ small capital, ἀ polytonic, ꙁ Cyrillic extended-B",
            "zero\u{200B}width, bom\u{FEFF}, bad\u{FFFD}, mark\u{200E}",
            "\u{2060}word joiner is not reported",
            "eight by\u{0800}",
            "eight bytes then \u{0800} and \u{1100}",
        ] {
            let letters = s
                .chars()
                .any(|c| matches!(family(c), Family::Cyrillic | Family::Greek));
            assert!(!letters || may_hold_cyrillic_or_greek(s), "{s:?}");
            assert_eq!(may_hold_cjk(s), s.bytes().any(|b| b >= 0xE1), "{s:?}");
            let invisibles = s.chars().any(|c| invisible(c).is_some());
            assert_eq!(may_hold_invisible(s), invisibles, "{s:?}");
        }
    }

    #[test]
    fn joiners() {
        assert!(joiner_is_legitimate(Some('👩'), Some('💻')));
        assert!(joiner_is_legitimate(Some('ی'), Some('ک')));
        assert!(!joiner_is_legitimate(Some('a'), Some('b')));
        assert!(!joiner_is_legitimate(None, Some('b')));
        assert_eq!(invisible('\u{200B}'), Some("zero-width space"));
        assert_eq!(invisible(' '), None);
    }
}
