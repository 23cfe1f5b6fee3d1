#![doc = include_str!("../../docs/rules/mixed-script.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::lang::script::{cjk, family, latin_lookalike, may_hold_cyrillic_or_greek, Family};
use crate::lang::text::{segments, strip_markup, Ch};

pub struct MixedScript;

static META: RuleMeta = RuleMeta {
    id: "mixed-script",
    severity: Severity::Error,
    summary: "a word mixes Latin letters with Cyrillic letters, Greek look-alikes, or Greek letters that are no notation",
    doc: include_str!("../../docs/rules/mixed-script.md"),
};

/// A word that mixes scripts, as characters `from..to` of a segment.
struct Mixed {
    from: usize,
    to: usize,
    /// The letters from the word's minority script that are to blame.
    culprits: Vec<char>,
    script: &'static str,
}

/// Letters that make up words; CJK characters separate words (`抑制JAK1` holds the word `JAK`).
fn is_letter(c: char) -> bool {
    (c.is_alphabetic() || matches!(c, '\u{0300}'..='\u{036F}')) && cjk(c).is_none()
}

/// Words (runs of letters) that mix Latin with Cyrillic, or Latin with Greek letters that
/// pass for Latin ones. Greek letters used as symbols (`γ` in `IFNγ`, `μ` in `μM`) do not count.
fn mixed_words(chars: &[Ch]) -> Vec<Mixed> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_letter(chars[i].c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_letter(chars[i].c) {
            i += 1;
        }
        let word = &chars[start..i];
        let count = |f: Family| word.iter().filter(|c| family(c.c) == f).count();
        let (latin, cyrillic, greek) = (
            count(Family::Latin),
            count(Family::Cyrillic),
            count(Family::Greek),
        );
        if latin == 0 || (cyrillic == 0 && greek == 0) {
            continue;
        }
        // Blame the letters of the smaller side; a Latin majority blames Cyrillic or Greek.
        let (script, culprits): (&'static str, Vec<char>) = if cyrillic > 0 {
            if latin >= cyrillic {
                ("Cyrillic", pick(word, Family::Cyrillic))
            } else {
                ("Latin", pick(word, Family::Latin))
            }
        } else {
            let lookalikes: Vec<char> = pick(word, Family::Greek)
                .into_iter()
                .filter(|&c| latin_lookalike(c).is_some())
                .collect();
            if !lookalikes.is_empty() {
                ("Greek", lookalikes)
            } else if greek_notation(word) {
                continue;
            } else {
                ("Greek", pick(word, Family::Greek))
            }
        };
        out.push(Mixed {
            from: start,
            to: i,
            culprits,
            script,
        });
    }
    out
}

/// Whether the Greek letters of a word that mixes them with Latin ones are scientific
/// notation: the micro sign's letter before a unit (`μg`, `μmol`), or letters inside an
/// acronym whose Latin letters are all capitals (`TNFα`, `IFNγ`, `NFκB`, `κB`). A Greek letter
/// among small Latin letters (`λymph`, `lymλh`) is not notation.
fn greek_notation(word: &[Ch]) -> bool {
    if word.first().is_some_and(|c| c.c == 'μ')
        && word[1..].iter().all(|c| family(c.c) == Family::Latin)
    {
        return true;
    }
    word.iter()
        .filter(|c| family(c.c) == Family::Latin)
        .all(|c| c.c.is_uppercase())
}

fn pick(word: &[Ch], f: Family) -> Vec<char> {
    let mut v: Vec<char> = Vec::new();
    for c in word {
        if family(c.c) == f && !v.contains(&c.c) {
            v.push(c.c);
        }
    }
    v
}

/// The fix of Latin words with Cyrillic or Greek look-alikes in them: each look-alike replaced
/// by its Latin letter. Only when every word of the finding is mostly Latin and every letter to
/// blame has a Latin twin written as itself in the file (not an escape); a Cyrillic word with
/// Latin letters in it has no single right answer.
fn lookalike_fix(text: &str, chars: &[Ch], mixed: &[Mixed]) -> Option<crate::diagnostic::Fix> {
    let mut edits = Vec::new();
    let mut replaced: Vec<(char, char)> = Vec::new();
    for m in mixed {
        if m.script == "Latin" {
            return None;
        }
        for ch in &chars[m.from..m.to] {
            if !matches!(family(ch.c), Family::Cyrillic | Family::Greek) {
                continue;
            }
            let latin = latin_lookalike(ch.c)?;
            let span = ch.at..ch.at + ch.c.len_utf8();
            if !text.get(span.clone())?.starts_with(ch.c) {
                return None;
            }
            edits.push(crate::diagnostic::Edit {
                span,
                replacement: latin.to_string(),
            });
            if !replaced.iter().any(|(c, _)| *c == ch.c) {
                replaced.push((ch.c, latin));
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    let what: Vec<String> = replaced
        .iter()
        .map(|(c, l)| format!("`{c}` (U+{:04X}) with the Latin `{l}`", *c as u32))
        .collect();
    Some(crate::diagnostic::Fix {
        title: format!("replace {}", what.join(", ")),
        edits,
    })
}

fn describe(c: char) -> String {
    match latin_lookalike(c) {
        Some(l) => format!("`{c}` (U+{:04X}, looks like `{l}`)", c as u32),
        None => format!("`{c}` (U+{:04X})", c as u32),
    }
}

impl Rule for MixedScript {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else {
            return;
        };
        let text = file.text();
        for entry in file.views() {
            if !text
                .get(entry.meta.span.clone())
                .is_some_and(may_hold_cyrillic_or_greek)
            {
                continue;
            }
            for mut seg in segments(text, &entry) {
                strip_markup(&mut seg.chars);
                let mixed = mixed_words(&seg.chars);
                let Some(first) = mixed.first() else {
                    continue;
                };
                let word =
                    |m: &Mixed| -> String { seg.chars[m.from..m.to].iter().map(|c| c.c).collect() };
                let names: Vec<String> = mixed.iter().map(|m| format!("`{}`", word(m))).collect();
                let mut culprits: Vec<(char, &str)> = Vec::new();
                for m in &mixed {
                    for &c in &m.culprits {
                        if !culprits.iter().any(|(d, _)| *d == c) {
                            culprits.push((c, m.script));
                        }
                    }
                }
                let scripts: Vec<&str> = {
                    let mut s: Vec<&str> = culprits.iter().map(|(_, s)| *s).collect();
                    s.dedup();
                    s
                };
                let what = if scripts == ["Latin"] {
                    "mixes Cyrillic letters with Latin".to_string()
                } else {
                    format!("mixes Latin letters with {}", scripts.join(" and "))
                };
                let verb_subject = if names.len() == 1 {
                    format!("{} {what}", names[0])
                } else {
                    format!(
                        "{} and {} {}",
                        names[..names.len() - 1].join(", "),
                        names[names.len() - 1],
                        what.replacen("mixes", "mix", 1)
                    )
                };
                let message = format!(
                    "{verb_subject}: {}",
                    culprits
                        .iter()
                        .map(|(c, _)| describe(*c))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                let span = seg.span(first.from, first.to - 1);
                let d = out
                    .emit_entry(unit, &entry, span, message)
                    .with_attribute(seg.attribute);
                d.variant = seg.variant.map(str::to_string);
                for m in &mixed {
                    d.with_label(Label {
                        side: Side::Translation,
                        span: seg.span(m.from, m.to - 1),
                    });
                }
                d.fix = lookalike_fix(text, &seg.chars, &mixed);
                d.data = Some(serde_json::json!({
                    "words": mixed.iter().map(word).collect::<Vec<_>>(),
                    "characters": culprits
                        .iter()
                        .map(|(c, s)| serde_json::json!({
                            "char": c.to_string(),
                            "code_point": format!("U+{:04X}", *c as u32),
                            "script": s,
                            "looks_like": latin_lookalike(*c).map(|l| l.to_string()),
                        }))
                        .collect::<Vec<_>>(),
                }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let chars: Vec<Ch> = s.char_indices().map(|(at, c)| Ch { c, at }).collect();
        mixed_words(&chars)
            .iter()
            .map(|m| chars[m.from..m.to].iter().map(|c| c.c).collect())
            .collect()
    }

    #[test]
    fn lookalikes_fire_and_scientific_greek_does_not() {
        assert_eq!(words("Datum fӧr senaste ӧversyn"), ["fӧr", "ӧversyn"]);
        assert_eq!(words("pаtient"), ["pаtient"]);
        assert_eq!(words("Οlumiant"), ["Οlumiant"]);
        assert!(words("IFN-γ, IFNγ, 5 μM, μg, TNFα, αβ T cells, Москва").is_empty());
    }

    #[test]
    fn greek_that_is_no_lookalike_fires_inside_small_latin_letters_only() {
        assert_eq!(words("svullna λymphkörtlar"), ["λymphkörtlar"]);
        assert_eq!(words("lymλh nodes"), ["lymλh"]);
        assert_eq!(words("a βblocker"), ["βblocker"]);
        // Notation: acronyms in capitals, the micro prefix, letters set apart by a hyphen or
        // a digit.
        assert!(words(
            "NFκB, κB, PPARγ, ERβ, β-blocker, α1-antitrypsin, 10 μmol/l, μL, HIF-1α, 5α-reduktas"
        )
        .is_empty());
    }

    fn fix(s: &str) -> Option<(String, String)> {
        let chars: Vec<Ch> = s.char_indices().map(|(at, c)| Ch { c, at }).collect();
        let f = lookalike_fix(s, &chars, &mixed_words(&chars))?;
        let mut out = s.to_string();
        for e in f.edits.iter().rev() {
            out.replace_range(e.span.clone(), &e.replacement);
        }
        Some((f.title, out))
    }

    #[test]
    fn lookalikes_in_latin_words_are_replaced_and_a_cyrillic_word_is_left() {
        assert_eq!(
            fix("Datum fӧr senaste pаtient"),
            Some((
                "replace `ӧ` (U+04E7) with the Latin `ö`, `а` (U+0430) with the Latin `a`".into(),
                "Datum för senaste patient".into()
            ))
        );
        assert_eq!(
            fix("Οlumiant"),
            Some((
                "replace `Ο` (U+039F) with the Latin `O`".into(),
                "Olumiant".into()
            ))
        );
        // Mostly Cyrillic with a Latin `o`: which script was meant is not known.
        assert_eq!(fix("Мoсква"), None);
        // A Cyrillic letter with no Latin twin: no fix for the word.
        assert_eq!(fix("pаtiжnt"), None);
    }
}
