#![doc = include_str!("../../docs/rules/chinese-script.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Edit, Fix, Label, Severity, Side};
use crate::fluent::{offset_in, parts, walk_pattern, Visitor};
use crate::lang::chinese::{foreign_script, is_letter, Foreign, Standard};

pub struct ChineseScript;

static META: RuleMeta = RuleMeta {
    id: "chinese-script",
    severity: Severity::Error,
    summary: "a Chinese string holds characters of the other standard (Traditional in Simplified, or the reverse), or Japanese kana or Korean Hangul",
    doc: include_str!("../../docs/rules/chinese-script.md"),
};

/// Most characters of the locale's own standard between two foreign ones of one finding
/// (`發燒` is one finding; so is `藥片` with its common `片` after it left out).
const GAP: usize = 1;

/// The text elements of a pattern, every variant included.
struct Texts<'s>(Vec<&'s str>);

impl<'s> Visitor<'s> for Texts<'s> {
    fn text(&mut self, text: &'s str) {
        self.0.push(text);
    }
}

/// Runs of `flagged` characters (by char index) merged across at most [`GAP`] others of
/// `gap_ok`, as (first, last) char indices.
fn runs(flags: &[bool], gap_ok: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, _) in flags.iter().enumerate().filter(|(_, f)| **f) {
        match out.last_mut() {
            Some((_, last)) if i - *last <= GAP + 1 && (*last + 1..i).all(&gap_ok) => *last = i,
            _ => out.push((i, i)),
        }
    }
    out
}

impl Rule for ChineseScript {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        let Some(standard) = Standard::of(&unit.locale.source.langid) else {
            return;
        };
        let tag = unit.locale.tag();
        let text = file.text();
        for entry in file.views() {
            // Nothing from U+3040 up is written with a lead byte below 0xE3.
            if !text
                .as_bytes()
                .get(entry.meta.span.clone())
                .is_some_and(|b| b.iter().any(|&c| c >= 0xE3))
            {
                continue;
            }
            for part in parts(entry.value, entry.attributes) {
                let mut texts = Texts(Vec::new());
                walk_pattern(part.pattern, &mut texts);
                for s in texts.0 {
                    let Some(base) = offset_in(text, s) else {
                        continue;
                    };
                    // The common case: no character of the other standard, no kana, no Hangul.
                    let suspect = |c: char| {
                        c >= '\u{1100}' && (standard.is_foreign(c) || foreign_script(c).is_some())
                    };
                    if !s.bytes().any(|b| b >= 0xE1) || !s.chars().any(suspect) {
                        continue;
                    }
                    let chars: Vec<(usize, char)> = s.char_indices().collect();
                    let span_of = |first: usize, last: usize| {
                        let (a, _) = chars[first];
                        let (b, c) = chars[last];
                        base + a..base + b + c.len_utf8()
                    };
                    let han = |i: usize| crate::lang::script::cjk(chars[i].1).is_some();
                    // Characters of the other standard, as OpenCC converts them in context.
                    let candidates: Vec<bool> =
                        chars.iter().map(|&(_, c)| standard.is_foreign(c)).collect();
                    if candidates.iter().any(|&c| c) {
                        let converted: Vec<char> = standard.convert(s).chars().collect();
                        if converted.len() == chars.len() {
                            let flags: Vec<bool> = (0..chars.len())
                                .map(|i| candidates[i] && converted[i] != chars[i].1)
                                .collect();
                            for (first, last) in runs(&flags, han) {
                                let span = span_of(first, last);
                                let found = &text[span.clone()];
                                let fixed: String = converted[first..=last].iter().collect();
                                let message = format!(
                                    "`{found}` is written in {} characters in {tag}, which writes {}: `{fixed}`",
                                    standard.other_name(),
                                    standard.name(),
                                );
                                let d = out
                                    .emit_entry(unit, &entry, span.clone(), message)
                                    .with_attribute(part.attribute)
                                    .with_label(Label {
                                        side: Side::Translation,
                                        span: span.clone(),
                                    });
                                d.fix = Some(Fix {
                                    title: format!("write `{fixed}`"),
                                    edits: vec![Edit {
                                        span,
                                        replacement: fixed.clone(),
                                    }],
                                });
                                d.data = Some(serde_json::json!({
                                    "found": found,
                                    "standard": standard.name(),
                                    "converted": fixed,
                                }));
                            }
                        }
                    }
                    // Kana and Hangul, each script's runs on their own.
                    for script in [Foreign::Kana, Foreign::Hangul] {
                        let flags: Vec<bool> = chars
                            .iter()
                            .map(|&(_, c)| foreign_script(c) == Some(script))
                            .collect();
                        for (first, last) in runs(&flags, han) {
                            if !chars[first..=last]
                                .iter()
                                .any(|&(_, c)| foreign_script(c) == Some(script) && is_letter(c))
                            {
                                continue;
                            }
                            let span = span_of(first, last);
                            let found = &text[span.clone()];
                            let message = format!(
                                "{} `{found}` in a Chinese ({tag}) string",
                                script.describe()
                            );
                            let d = out
                                .emit_entry(unit, &entry, span.clone(), message)
                                .with_attribute(part.attribute)
                                .with_label(Label {
                                    side: Side::Translation,
                                    span,
                                });
                            d.data = Some(serde_json::json!({
                                "found": found,
                                "script": script.describe(),
                            }));
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_across_a_short_gap_of_allowed_characters() {
        let f = |s: &str| s.chars().map(|c| c == 'x').collect::<Vec<_>>();
        assert_eq!(runs(&f("xx.x"), |_| true), vec![(0, 3)]);
        assert_eq!(runs(&f("x...x"), |_| true), vec![(0, 0), (4, 4)]);
        assert_eq!(runs(&f("x.x"), |_| false), vec![(0, 0), (2, 2)]);
        assert_eq!(runs(&f("..."), |_| true), vec![]);
    }
}
