//! Language and script analysis behind the language rules (`mixed-language`, `mixed-script`,
//! `untranslated`, `invisible-character`), and the typographic conventions of each language
//! behind `punctuation-mismatch`, `whitespace` and `doubled-word` ([`typography`]).
//!
//! The pipeline is the same for every rule: [`text::segments`] turns an entry into strings whose
//! characters remember their byte offsets, [`text::Analysis`] strips what says nothing about
//! language (placeables, markup, URLs, e-mail addresses, glossary terms, acronyms and units) and
//! splits the rest into words and sentences. Scripts are decided by Unicode data alone
//! ([`script`]); English versus Swedish falls back to a statistical model ([`detect`]) only when
//! cheap signals leave the question open.

pub mod address;
pub mod chinese;
pub mod detect;
pub mod dictionary;
pub mod glossary;
pub mod lists;
pub mod notation;
pub mod script;
pub mod text;
pub mod typography;

pub use glossary::Glossary;

/// The writing system a locale's text is expected to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    /// Latin-script languages (English, Swedish and most European languages).
    Latin,
    /// Chinese and Japanese: Han (and kana), with Latin only for names and terms.
    Cjk,
    /// Korean.
    Hangul,
    /// Any other script (Cyrillic, Greek, Arabic, …): only the script-independent checks run.
    Other,
}

/// The writing system of a language subtag (`en`, `sv`, `zh`).
pub fn writing_of(language: &str) -> Writing {
    match language {
        "zh" | "ja" | "yue" | "wuu" => Writing::Cjk,
        "ko" => Writing::Hangul,
        "ru" | "uk" | "be" | "bg" | "mk" | "sr" | "kk" | "ky" | "mn" | "tg" | "el" | "ar"
        | "fa" | "ur" | "he" | "yi" | "hi" | "mr" | "ne" | "bn" | "pa" | "gu" | "ta" | "te"
        | "kn" | "ml" | "si" | "th" | "lo" | "km" | "my" | "ka" | "hy" | "am" => Writing::Other,
        _ => Writing::Latin,
    }
}

/// "a" or "an" before a locale tag read letter by letter ("an en string", "a zh string").
pub fn article_for_tag(tag: &str) -> &'static str {
    match tag.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'f' | 'h' | 'i' | 'l' | 'm' | 'n' | 'o' | 'r' | 's' | 'x') => "an",
        _ => "a",
    }
}

/// Shortens `text` for a message: at most `max` characters, cut at a word boundary, with `…`.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Shortens `text` for a message from its end: whitespace collapsed, at most `max`
/// characters, cut at a word boundary, with `…` in front.
pub fn excerpt_end(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = text.chars().count();
    if n <= max {
        return text;
    }
    let cut: String = text.chars().skip(n - max).collect();
    let cut = match cut.find(' ') {
        Some(i) if i < max / 2 => &cut[i + 1..],
        _ => &cut[..],
    };
    format!("…{cut}")
}

/// The line of `text` around `span` for a message: up to `max` characters on either side, not
/// past a line break, a placeable's brace or the `=` after a message id, cut at word boundaries (text without spaces, as
/// Chinese, is cut anywhere) with `…`, whitespace collapsed.
pub fn excerpt_around(text: &str, span: std::ops::Range<usize>, max: usize) -> String {
    let stop = |c: char| matches!(c, '\n' | '{' | '}' | '=');
    let mut start = span.start;
    let mut cut_left = false;
    for (taken, (i, c)) in text[..span.start].char_indices().rev().enumerate() {
        if stop(c) {
            break;
        }
        if taken >= max {
            cut_left = true;
            break;
        }
        start = i;
    }
    let mut end = span.end;
    let mut cut_right = false;
    for (taken, (i, c)) in text[span.end..].char_indices().enumerate() {
        if stop(c) {
            break;
        }
        if taken >= max {
            cut_right = true;
            break;
        }
        end = span.end + i + c.len_utf8();
    }
    // A word cut in two is dropped.
    if cut_left && !text[..start].ends_with(char::is_whitespace) {
        if let Some(k) = text[start..span.start].find(' ') {
            start += k + 1;
        }
    }
    if cut_right && !text[end..].starts_with(char::is_whitespace) {
        if let Some(k) = text[span.end..end].rfind(' ') {
            end = span.end + k;
        }
    }
    let shown = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{}{shown}{}",
        if cut_left { "…" } else { "" },
        if cut_right { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_follow_the_spoken_letter() {
        assert_eq!(article_for_tag("en"), "an");
        assert_eq!(article_for_tag("sv-SE"), "an");
        assert_eq!(article_for_tag("zh"), "a");
        assert_eq!(article_for_tag("de"), "a");
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(excerpt("short  text", 20), "short text");
        assert_eq!(
            excerpt("Wash your hands regularly and carry a small bottle", 30),
            "Wash your hands regularly and…"
        );
    }

    #[test]
    fn excerpts_from_the_end_cut_at_words() {
        assert_eq!(excerpt_end("Store below  25 °C.", 48), "Store below 25 °C.");
        assert_eq!(
            excerpt_end(
                "Keep this medicine out of the sight and reach of children at all times.",
                30
            ),
            "…of children at all times."
        );
    }

    #[test]
    fn excerpts_around_a_place_stay_on_its_line() {
        let text = "m = Keep the the tablets dry\n    next line";
        assert_eq!(excerpt_around(text, 9..16, 24), "Keep the the tablets dry");
        let long = "one two three four five six seven eight nine ten";
        assert_eq!(excerpt_around(long, 24..27, 10), "…four five six seven…");
        assert_eq!(
            excerpt_around("{ $x }  is here", 6..8, 24),
            " is here".trim()
        );
    }

    #[test]
    fn writing_systems() {
        assert_eq!(writing_of("sv"), Writing::Latin);
        assert_eq!(writing_of("zh"), Writing::Cjk);
        assert_eq!(writing_of("ru"), Writing::Other);
    }
}
