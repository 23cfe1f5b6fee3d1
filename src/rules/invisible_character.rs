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

/// Whether `c` belongs to a script written without spaces that marks word breaks with a
/// zero-width space (Thai, Lao, Tibetan, Myanmar, Khmer): there the space is intended.
fn breaks_words_with_zwsp(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{0F00}'..='\u{0FFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
}

/// The fix of an invisible run, when it has one right answer: removing it. That holds for
/// zero-width spaces, joiners that join nothing (the rule keeps only those) and byte-order
/// marks inside a string — not for bidirectional controls (a translator may have meant them)
/// or U+FFFD (the character it replaced is lost), and not for a zero-width space next to a
/// script that breaks words with it.
fn removal(run: &[char], before: Option<char>, after: Option<char>) -> Option<String> {
    let removable = |c: char| matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}');
    if !run.iter().all(|&c| removable(c)) {
        return None;
    }
    if run.contains(&'\u{200B}') && before.into_iter().chain(after).any(breaks_words_with_zwsp) {
        return None;
    }
    let names: Vec<&str> = {
        let mut n: Vec<&str> = run.iter().filter_map(|&c| invisible(c)).collect();
        n.dedup();
        n
    };
    let plural = if run.len() > 1 { "s" } else { "" };
    Some(match names.as_slice() {
        [one] => format!("remove the {one}{plural}"),
        _ => format!("remove the {} invisible characters", run.len()),
    })
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
                    let run_chars: Vec<char> = run.iter().map(|c| c.c).collect();
                    // Only characters written as themselves (not an escape in a string literal)
                    // are removed by deleting their bytes.
                    let literal = text
                        .get(span.clone())
                        .is_some_and(|t| t.chars().eq(run_chars.iter().copied()));
                    let neighbour_before = start.checked_sub(1).map(|j| chars[j].c);
                    let neighbour_after = chars.get(i).map(|c| c.c);
                    let fix = literal
                        .then(|| removal(&run_chars, neighbour_before, neighbour_after))
                        .flatten()
                        .map(|title| crate::diagnostic::Fix {
                            title,
                            edits: vec![crate::diagnostic::Edit {
                                span: span.clone(),
                                replacement: String::new(),
                            }],
                        });
                    let d = out
                        .emit_entry(unit, &entry, span.clone(), format!("{what} {place}"))
                        .with_attribute(seg.attribute)
                        .with_label(Label {
                            side: Side::Translation,
                            span,
                        });
                    d.variant = seg.variant.map(str::to_string);
                    d.fix = fix;
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
