#![doc = include_str!("../../docs/rules/parse-error.md")]

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::Severity;
use crate::parse::{Guard, MAX_NESTING};
use crate::project::junk_id;
use crate::source::floor_char_boundary;

pub struct ParseError;

static META: RuleMeta = RuleMeta {
    id: "parse-error",
    severity: Severity::Error,
    summary: "a file does not parse as Fluent, or is not valid UTF-8",
    doc: include_str!("../../docs/rules/parse-error.md"),
};

impl Rule for ParseError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some(file) = unit.file else { return };
        let text = file.text();
        if let Some(e) = file.src.decoded.error {
            let start = e.text_offset;
            let end = start + text[start..].chars().next().map_or(0, char::len_utf8);
            out.emit(
                unit.file_id(),
                unit.path(),
                start..end,
                format!(
                    "the file is not valid UTF-8: invalid byte at offset {} (shown as U+FFFD){}",
                    e.byte_offset,
                    if e.eight_bit {
                        "; it has no UTF-8 character, so it is probably Latin-1 or Windows-1252: save it as UTF-8"
                    } else {
                        ""
                    }
                ),
            );
        }
        for error in &file.errors {
            let start = floor_char_boundary(text, error.pos.start);
            let mut end = floor_char_boundary(text, error.pos.end.max(start));
            if end == start {
                end = (start + text[start..].chars().next().map_or(0, char::len_utf8))
                    .min(text.len());
            }
            let junk = error.slice.as_ref().map(|r| {
                &text[floor_char_boundary(text, r.start)..floor_char_boundary(text, r.end)]
            });
            let whole = junk.and_then(junk_id);
            let id = match &error.slice {
                Some(r) => file.junk_owner_at(r.start).or(whole),
                None => None,
            };
            let mut reason = error.kind.to_string();
            if let Some(first) = reason.get(..1) {
                let lower = first.to_lowercase();
                reason.replace_range(..1, &lower);
            }
            let message = match id {
                Some(id) if whole.is_none() => {
                    format!("{reason}; the rest of `{id}` from this line on is skipped")
                }
                Some(id) => format!("{reason}; `{id}` is skipped"),
                None => format!("{reason}; the text up to the next entry is skipped"),
            };
            let d = out.emit(unit.file_id(), unit.path(), start..end, message);
            d.message_id = id.map(str::to_string);
        }
        for deep in &file.too_deep {
            // Not parsed at all: the parser would have overflowed the stack or panicked.
            let start = floor_char_boundary(text, deep.at);
            let end =
                (start + text[start..].chars().next().map_or(0, char::len_utf8)).min(text.len());
            let id = file.junk_owner_at(deep.junk.start);
            let skipped = match id {
                Some(id) => format!("`{id}` is skipped"),
                None => "the text up to the next entry is skipped".to_string(),
            };
            let message = match deep.why {
                Guard::TooDeep => {
                    format!("placeables are nested more than {MAX_NESTING} deep; {skipped}")
                }
                Guard::BadEscape => format!(
                    "invalid unicode escape: `\\u` takes four hex digits and `\\U` six; {skipped}"
                ),
                Guard::OldEscape => format!(
                    "unknown escape `\\{{` in a string literal: a `{{` needs no backslash there (only `\\\\`, `\\\"`, `\\uXXXX` and `\\UXXXXXX` are escapes); {skipped}"
                ),
            };
            let d = out.emit(unit.file_id(), unit.path(), start..end, message);
            d.message_id = id.map(str::to_string);
        }
    }
}
