#![doc = include_str!("../../docs/rules/invisible-character.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::lang::script::{
    invisible, is_bidi_control, is_rtl_language, joiner_is_legitimate, may_hold_invisible,
};
use crate::lang::text::{segments, PLACEHOLDER};

pub struct InvisibleCharacter;

static META: RuleMeta = RuleMeta {
    id: "invisible-character",
    severity: Severity::Warning,
    summary: "a string holds zero-width or bidirectional control characters, or U+FFFD",
    doc: include_str!("../../docs/rules/invisible-character.md"),
};

/// The visible text next to an invisible run, in reading order away from it: up to `n`
/// characters, cut back to whole words when there is more. `chars` starts at the run's side.
fn context(chars: impl Iterator<Item = char>, n: usize) -> Vec<char> {
    let mut visible = chars
        .map(|c| if c == PLACEHOLDER { '…' } else { c })
        .filter(|&c| invisible(c).is_none());
    let mut out: Vec<char> = visible.by_ref().take(n).collect();
    if visible.next().is_some_and(|c| !c.is_whitespace()) {
        // Cut inside a word: drop its partial end, unless it is the only word.
        if let Some(space) = out.iter().rposition(|c| c.is_whitespace()) {
            out.truncate(space);
        }
    }
    let text: String = out.into_iter().collect();
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

impl Rule for InvisibleCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        let rtl = is_rtl_language(unit.locale.source.langid.language.as_str());
        // Bytes that were not UTF-8 became U+FFFD when decoding; parse-error reports them.
        let undecodable = file.src.decoded.error.map_or(usize::MAX, |e| e.text_offset);
        let text = file.text();
        for entry in file.views() {
            if !text
                .get(entry.meta.span.clone())
                .is_some_and(may_hold_invisible)
            {
                continue;
            }
            for seg in segments(text, &entry) {
                let chars = &seg.chars;
                let wanted = |i: usize| -> bool {
                    let c = chars[i].c;
                    if invisible(c).is_none()
                        || (c == '\u{FFFD}' && chars[i].at >= undecodable)
                        || (rtl && is_bidi_control(c))
                    {
                        return false;
                    }
                    if matches!(c, '\u{200C}' | '\u{200D}') {
                        let before = i.checked_sub(1).map(|j| chars[j].c);
                        let after = chars.get(i + 1).map(|d| d.c);
                        return !joiner_is_legitimate(before, after);
                    }
                    true
                };
                let mut i = 0;
                while i < chars.len() {
                    if !wanted(i) {
                        i += 1;
                        continue;
                    }
                    let start = i;
                    while i < chars.len() && wanted(i) {
                        i += 1;
                    }
                    let run = &chars[start..i];
                    let mut kinds: Vec<char> = Vec::new();
                    for c in run {
                        if !kinds.contains(&c.c) {
                            kinds.push(c.c);
                        }
                    }
                    let what = kinds
                        .iter()
                        .map(|&k| {
                            let n = run.iter().filter(|c| c.c == k).count();
                            let times = if n > 1 {
                                format!(" ×{n}")
                            } else {
                                String::new()
                            };
                            format!(
                                "{} (U+{:04X}){times}",
                                invisible(k).unwrap_or("invisible character"),
                                k as u32
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    let before: String = {
                        let mut b = context(chars[..start].iter().rev().map(|c| c.c), 16);
                        b.reverse();
                        b.into_iter().collect()
                    };
                    let after: String = context(chars[i..].iter().map(|c| c.c), 16)
                        .into_iter()
                        .collect();
                    let place = match (before.is_empty(), after.is_empty()) {
                        (false, false) => format!("between `{before}` and `{after}`"),
                        (true, false) => format!("at the start, before `{after}`"),
                        (false, true) => format!("at the end, after `{before}`"),
                        (true, true) => "as the whole text".to_string(),
                    };
                    let span = run[0].at..run[run.len() - 1].end();
                    let d = out
                        .emit_entry(unit, &entry, span.clone(), format!("{what} {place}"))
                        .with_attribute(seg.attribute)
                        .with_label(Label {
                            side: Side::Translation,
                            span,
                        });
                    d.variant = seg.variant.map(str::to_string);
                    d.data = Some(serde_json::json!({
                        "code_points": kinds
                            .iter()
                            .map(|k| format!("U+{:04X}", *k as u32))
                            .collect::<Vec<_>>(),
                        "count": run.len(),
                    }));
                }
            }
        }
    }
}
