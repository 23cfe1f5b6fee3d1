//! Which characters belong to which written standard of Chinese, from OpenCC's tables: the
//! sets are derived at build time (`build.rs`, through the `ferrous-opencc` crate), the
//! conversion in context uses OpenCC's phrase tables at run time, loaded on first use.
//!
//! Also what is not Chinese at all though it shares the block: Japanese kana and Korean Hangul.

use std::sync::OnceLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use unic_langid::LanguageIdentifier;

mod sets {
    include!(concat!(env!("OUT_DIR"), "/chinese_sets.rs"));
}

/// The written standard a Chinese locale uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    Simplified,
    /// Traditional, with the regional conversion that fits it.
    Traditional(Region),
}

/// The region whose Traditional usage the conversion follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Generic,
    Taiwan,
    HongKong,
}

impl Standard {
    /// The standard of a locale: `zh-Hant`, `zh-TW`, `zh-HK` and `zh-MO` write Traditional,
    /// every other Chinese locale (`zh`, `zh-CN`, `zh-SG`, `zh-Hans`) Simplified; `None`
    /// outside Chinese.
    pub fn of(langid: &LanguageIdentifier) -> Option<Standard> {
        if langid.language.as_str() != "zh" {
            return None;
        }
        let region = langid.region.as_ref().map(|r| r.as_str());
        let script = langid.script.as_ref().map(|s| s.as_str());
        let traditional_region = match region {
            Some("TW") => Some(Region::Taiwan),
            Some("HK" | "MO") => Some(Region::HongKong),
            _ => None,
        };
        Some(match (script, traditional_region) {
            (Some("Hans"), _) => Standard::Simplified,
            (_, Some(r)) => Standard::Traditional(r),
            (Some("Hant"), None) => Standard::Traditional(Region::Generic),
            _ => Standard::Simplified,
        })
    }

    /// The standard's name in English, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Standard::Simplified => "Simplified",
            Standard::Traditional(_) => "Traditional",
        }
    }

    /// The other standard's name.
    pub fn other_name(self) -> &'static str {
        match self {
            Standard::Simplified => "Traditional",
            Standard::Traditional(_) => "Simplified",
        }
    }

    /// Whether `c` may belong to the other standard only: OpenCC converts it when it stands
    /// alone. Whether it does in its context is for [`Standard::convert`] to say.
    pub fn is_foreign(self, c: char) -> bool {
        let set: &[u64] = match self {
            Standard::Simplified => &sets::TRADITIONAL_ONLY,
            Standard::Traditional(_) => &sets::SIMPLIFIED_ONLY,
        };
        let c = c as u32;
        if !(sets::FIRST..sets::END).contains(&c) {
            return false;
        }
        let i = (c - sets::FIRST) as usize;
        set[i / 64] & (1 << (i % 64)) != 0
    }

    /// `text` converted into this standard by OpenCC, words and phrases first, then
    /// characters.
    pub fn convert(self, text: &str) -> String {
        static CONVERTERS: [OnceLock<Option<OpenCC>>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        let (slot, config) = match self {
            Standard::Simplified => (0, BuiltinConfig::T2s),
            Standard::Traditional(Region::Generic) => (1, BuiltinConfig::S2t),
            Standard::Traditional(Region::Taiwan) => (2, BuiltinConfig::S2tw),
            Standard::Traditional(Region::HongKong) => (3, BuiltinConfig::S2hk),
        };
        match CONVERTERS[slot].get_or_init(|| OpenCC::from_config(config).ok()) {
            Some(cc) => cc.convert(text),
            // The tables are built into the binary; should they fail to load, nothing is
            // converted and nothing reported.
            None => text.to_string(),
        }
    }
}

/// A writing system that shares the CJK blocks with Chinese but is not Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    Kana,
    Hangul,
}

impl Foreign {
    /// How a message names the characters.
    pub fn describe(self) -> &'static str {
        match self {
            Foreign::Kana => "Japanese kana",
            Foreign::Hangul => "Korean Hangul",
        }
    }
}

/// Whether `c` is Japanese kana or Korean Hangul. The katakana middle dot `・` is left out:
/// Chinese uses it between the parts of a foreign name.
pub fn foreign_script(c: char) -> Option<Foreign> {
    match c {
        '\u{30FB}' => None,
        '\u{3041}'..='\u{3096}'
        | '\u{3099}'..='\u{309F}'
        | '\u{30A0}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF9F}' => Some(Foreign::Kana),
        '\u{1100}'..='\u{11FF}'
        | '\u{3131}'..='\u{318E}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{FFA0}'..='\u{FFDC}' => Some(Foreign::Hangul),
        _ => None,
    }
}

/// Whether `c` is a letter of its script rather than a mark that only lengthens or repeats
/// (`ー`, `ゝ`, the voicing marks): a run of marks alone is not reported.
pub fn is_letter(c: char) -> bool {
    !matches!(c, '\u{3099}'..='\u{309E}' | '\u{30FC}'..='\u{30FE}' | '\u{FF70}' | '\u{FF9E}' | '\u{FF9F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn std_of(tag: &str) -> Option<Standard> {
        Standard::of(&tag.parse().unwrap())
    }

    #[test]
    fn locales_choose_their_standard() {
        assert_eq!(std_of("zh"), Some(Standard::Simplified));
        assert_eq!(std_of("zh-CN"), Some(Standard::Simplified));
        assert_eq!(std_of("zh-SG"), Some(Standard::Simplified));
        assert_eq!(std_of("zh-Hans"), Some(Standard::Simplified));
        assert_eq!(std_of("zh-Hans-HK"), Some(Standard::Simplified));
        assert_eq!(std_of("zh-TW"), Some(Standard::Traditional(Region::Taiwan)));
        assert_eq!(
            std_of("zh-HK"),
            Some(Standard::Traditional(Region::HongKong))
        );
        assert_eq!(
            std_of("zh-Hant"),
            Some(Standard::Traditional(Region::Generic))
        );
        assert_eq!(std_of("sv"), None);
    }

    #[test]
    fn only_characters_of_one_standard_are_foreign_to_the_other() {
        let s = Standard::Simplified;
        let t = Standard::Traditional(Region::Taiwan);
        for c in ['藥', '醫', '頭', '燒', '發', '說'] {
            assert!(s.is_foreign(c), "{c} in Simplified");
            assert!(!t.is_foreign(c), "{c} in Traditional");
        }
        for c in ['药', '医', '头', '烧', '发', '说'] {
            assert!(t.is_foreign(c), "{c} in Traditional");
            assert!(!s.is_foreign(c), "{c} in Simplified");
        }
        // Common to both.
        for c in ['的', '了', '人', '片', '痛', '水', '日', '著'] {
            assert!(!s.is_foreign(c) && !t.is_foreign(c), "{c}");
        }
        // Taiwan writes 台 too: not Simplified only.
        assert!(!t.is_foreign('台'));
        assert!(!s.is_foreign('a') && !s.is_foreign('の'));
    }

    #[test]
    fn conversion_keeps_phrases_of_both_standards() {
        assert_eq!(Standard::Simplified.convert("發燒和頭痛"), "发烧和头痛");
        // 乾 alone becomes 干; in the emperor's name it stays.
        assert_eq!(Standard::Simplified.convert("乾隆"), "乾隆");
        assert_eq!(
            Standard::Simplified.convert("請在乾燥處保存"),
            "请在干燥处保存"
        );
        assert_eq!(
            Standard::Traditional(Region::Taiwan).convert("药片"),
            "藥片"
        );
    }

    #[test]
    fn kana_and_hangul_but_not_the_middle_dot() {
        assert_eq!(foreign_script('の'), Some(Foreign::Kana));
        assert_eq!(foreign_script('カ'), Some(Foreign::Kana));
        assert_eq!(foreign_script('ｶ'), Some(Foreign::Kana));
        assert_eq!(foreign_script('한'), Some(Foreign::Hangul));
        assert_eq!(foreign_script('・'), None);
        assert_eq!(foreign_script('药'), None);
        assert!(!is_letter('ー') && is_letter('の'));
    }
}
