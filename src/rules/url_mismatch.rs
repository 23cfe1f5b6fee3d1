#![doc = include_str!("../../docs/rules/url-mismatch.md")]

use std::collections::HashSet;
use std::ops::Range;

use fluent_syntax::ast::{InlineExpression, Pattern};

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{is_blank, offset_in, parts, walk_pattern, Visitor};
use crate::lang::address::{addresses, is_placeholder_email, may_hold, Address, Kind};

pub struct UrlMismatch;

static META: RuleMeta = RuleMeta {
    id: "url-mismatch",
    severity: Severity::Error,
    summary: "a URL, e-mail address, phone number or file path of the reference that the translation changes or lacks, or one the reference does not have",
    doc: include_str!("../../docs/rules/url-mismatch.md"),
};

/// The texts of a pattern that borrow from its file (text elements and string literals, in
/// every variant), with their offsets.
fn pieces<'s>(base: &str, pattern: &'s Pattern<&'s str>, out: &mut Vec<(&'s str, usize)>) {
    struct Texts<'a, 'b, 's> {
        base: &'b str,
        out: &'a mut Vec<(&'s str, usize)>,
    }
    impl<'s> Visitor<'s> for Texts<'_, '_, 's> {
        fn text(&mut self, text: &'s str) {
            if let Some(o) = offset_in(self.base, text) {
                self.out.push((text, o));
            }
        }
        fn inline(&mut self, expr: &'s InlineExpression<&'s str>) {
            if let InlineExpression::StringLiteral { value } = expr {
                self.text(value);
            }
        }
    }
    out.clear();
    walk_pattern(pattern, &mut Texts { base, out });
}

/// One address of a part, with what it is compared by.
#[derive(Debug)]
struct Item<'s> {
    kind: Kind,
    text: &'s str,
    span: Range<usize>,
    key: String,
    /// The key without a hyphenated word glued to its end (`/etc/fstab-filen`, Swedish for
    /// "the /etc/fstab file").
    alt: Option<String>,
    placeholder: bool,
}

/// The language subtag of a locale tag, lowercase (`sv` of `sv-SE`).
fn language_of(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether a URL or path segment is a locale tag of `language`: the language alone or with a
/// script or region (`sv`, `sv-SE`, `sv_se`, `zh-Hans`, `es-419`).
fn is_locale_segment(segment: &str, language: &str) -> bool {
    let mut subtags = segment.split(['-', '_']);
    subtags
        .next()
        .is_some_and(|l| !l.is_empty() && l.eq_ignore_ascii_case(language))
        && subtags.all(|s| {
            (s.len() == 2 || s.len() == 4) && s.bytes().all(|c| c.is_ascii_alphabetic())
                || s.len() == 3 && s.bytes().all(|c| c.is_ascii_digit())
        })
}

/// `text` without the segments that are a locale tag of `language` (and the delimiter before
/// each).
fn without_locale(text: &str, language: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut delimiter = "";
    loop {
        let cut = rest.find(['/', '?', '&', '=', '#', '.']);
        let (segment, next) = match cut {
            Some(c) => (&rest[..c], Some(c)),
            None => (rest, None),
        };
        if !is_locale_segment(segment, language) {
            out.push_str(delimiter);
            out.push_str(segment);
        }
        let Some(c) = next else {
            return out;
        };
        delimiter = &rest[c..c + 1];
        rest = &rest[c + 1..];
    }
}

/// What an address is compared by: e-mail addresses without regard to case, phone numbers by
/// their digits, URLs with their scheme and host in lower case; URLs and paths without a
/// trailing `/` and, with a `language`, without its locale segments.
fn key_of(kind: Kind, text: &str, language: Option<&str>) -> String {
    match kind {
        Kind::Email => text.to_ascii_lowercase(),
        Kind::Phone => text
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect(),
        Kind::Url | Kind::Path => {
            let text = text.trim_end_matches('/');
            let mut s = String::with_capacity(text.len());
            if kind == Kind::Url {
                let host_from = text.find("://").map_or(0, |i| i + 3);
                let host_end = text[host_from..]
                    .find(['/', '?', '#'])
                    .map_or(text.len(), |i| host_from + i);
                s.push_str(&text[..host_end].to_ascii_lowercase());
                s.push_str(&text[host_end..]);
            } else {
                s.push_str(text);
            }
            match language {
                Some(language) => without_locale(&s, language),
                None => s,
            }
        }
    }
}

/// The addresses of a part, one per key.
fn items<'s>(
    texts: &[(&'s str, usize)],
    language: Option<&str>,
    found: &mut Vec<Address>,
) -> Vec<Item<'s>> {
    let mut out: Vec<Item<'s>> = Vec::new();
    let mut seen = HashSet::new();
    for &(text, at) in texts {
        // Each line of a multiline text is a piece: most hold nothing to read.
        if !may_hold(text) {
            continue;
        }
        addresses(text, found);
        for a in found.iter() {
            let t = &text[a.span.clone()];
            let key = key_of(a.kind, t, language);
            if !seen.insert((a.kind, key.clone())) {
                continue;
            }
            let alt = matches!(a.kind, Kind::Path | Kind::Url)
                .then(|| t.rsplit_once('-'))
                .flatten()
                .filter(|(head, tail)| {
                    !tail.is_empty()
                        && tail.chars().all(|c| c.is_ascii_lowercase())
                        && head.contains('/')
                })
                .map(|(head, _)| key_of(a.kind, head, language));
            out.push(Item {
                kind: a.kind,
                text: t,
                span: at + a.span.start..at + a.span.end,
                key,
                alt,
                placeholder: a.kind == Kind::Email && is_placeholder_email(t),
            });
        }
    }
    out
}

impl Rule for UrlMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference().tag();
        let lang = unit.locale.tag();
        let locale_parts = ctx.settings.url_mismatch.locale_parts.unwrap_or(true);
        let (r_language, t_language) = (language_of(en), language_of(lang));
        let (r_locale, t_locale) = if locale_parts {
            (Some(r_language.as_str()), Some(t_language.as_str()))
        } else {
            (None, None)
        };
        let (mut tp, mut rp) = (Vec::new(), Vec::new());
        let mut found = Vec::new();
        for t in file.views() {
            if file.damaged(t.id()) || reference.damaged(t.id()) {
                continue;
            }
            let Some(r) = unit.counterpart(&t) else {
                continue;
            };
            for part in parts(t.value, t.attributes) {
                let r_pattern = r.part(part.attribute);
                let Some(r_pattern) = r_pattern else {
                    continue;
                };
                // A copy keeps every address; a part that shows nothing is `empty-translation`'s.
                if part.pattern == r_pattern || is_blank(part.pattern) {
                    continue;
                }
                pieces(file.text(), part.pattern, &mut tp);
                pieces(reference.text(), r_pattern, &mut rp);
                let holds = |p: &[(&str, usize)]| p.iter().any(|(s, _)| may_hold(s));
                if !holds(&tp) && !holds(&rp) {
                    continue;
                }
                let theirs = items(&rp, r_locale, &mut found);
                let own = items(&tp, t_locale, &mut found);
                if theirs.is_empty() && own.is_empty() {
                    continue;
                }
                let anchor = match part.attribute {
                    Some(a) => file
                        .offset(a)
                        .map_or(t.meta.id_span.clone(), |o| o..o + a.len()),
                    None => t.meta.id_span.clone(),
                };
                let site = Site {
                    unit,
                    entry: &t,
                    attribute: part.attribute,
                    en,
                    lang,
                };
                compare(&theirs, &own, &anchor, &site, out);
            }
        }
    }
}

/// Reports what differs between the addresses of a reference part and of its translation.
fn compare(
    theirs: &[Item<'_>],
    own: &[Item<'_>],
    anchor: &Range<usize>,
    site: &Site<'_, '_, '_>,
    out: &mut Sink,
) {
    let their_keys: HashSet<(Kind, &str)> =
        theirs.iter().map(|i| (i.kind, i.key.as_str())).collect();
    let own_keys: HashSet<(Kind, &str)> = own
        .iter()
        .flat_map(|i| [Some(i.key.as_str()), i.alt.as_deref()].map(|k| k.map(|k| (i.kind, k))))
        .flatten()
        .collect();
    let lost: Vec<&Item<'_>> = theirs
        .iter()
        .filter(|i| !own_keys.contains(&(i.kind, i.key.as_str())))
        .collect();
    let added: Vec<&Item<'_>> = own
        .iter()
        .filter(|i| {
            !their_keys.contains(&(i.kind, i.key.as_str()))
                && !i
                    .alt
                    .as_deref()
                    .is_some_and(|a| their_keys.contains(&(i.kind, a)))
        })
        .collect();
    for kind in [Kind::Url, Kind::Email, Kind::Phone, Kind::Path] {
        let mut l = lost.iter().filter(|i| i.kind == kind).peekable();
        let mut a = added.iter().filter(|i| i.kind == kind).peekable();
        // Changed: a lost and an added address of one kind, in order.
        while let (Some(r), Some(t)) = (l.peek(), a.peek()) {
            let (r, t) = (*r, *t);
            l.next();
            a.next();
            // A placeholder address (`yourname@example.com`) is the translator's to localise.
            if r.placeholder {
                continue;
            }
            let message = format!(
                "`{}` in {} is `{}` in {}",
                r.text, site.en, t.text, site.lang
            );
            site.emit(
                out,
                t.span.clone(),
                Some(r.span.clone()),
                message,
                kind,
                Some(r),
                Some(t),
            );
        }
        for r in l.filter(|r| !r.placeholder) {
            let message = format!("`{}` in {} is missing in {}", r.text, site.en, site.lang);
            site.emit(
                out,
                anchor.clone(),
                Some(r.span.clone()),
                message,
                kind,
                Some(r),
                None,
            );
        }
        for t in a {
            let message = format!("`{}` in {} is not in {}", t.text, site.lang, site.en);
            site.emit(out, t.span.clone(), None, message, kind, None, Some(t));
        }
    }
}

/// Where the findings of one part go.
struct Site<'a, 'p, 's> {
    unit: &'a Unit<'p, 's>,
    entry: &'a crate::project::EntryView<'p, 's>,
    attribute: Option<&'s str>,
    en: &'a str,
    lang: &'a str,
}

impl Site<'_, '_, '_> {
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        out: &mut Sink,
        span: Range<usize>,
        reference: Option<Range<usize>>,
        message: String,
        kind: Kind,
        theirs: Option<&Item<'_>>,
        own: Option<&Item<'_>>,
    ) {
        let translation_side = own.is_some();
        let d = out
            .emit_entry(self.unit, self.entry, span.clone(), message)
            .with_attribute(self.attribute);
        if translation_side {
            d.with_label(Label {
                side: Side::Translation,
                span,
            });
        }
        if let Some(span) = reference {
            d.with_label(Label {
                side: Side::Reference,
                span,
            });
        }
        d.data = Some(serde_json::json!({
            "kind": kind.name(),
            "reference": theirs.map(|i| i.text),
            "translation": own.map(|i| i.text),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_segments_are_left_out() {
        assert!(is_locale_segment("en-US", "en"));
        assert!(is_locale_segment("zh_Hans", "zh"));
        assert!(is_locale_segment("es-419", "es"));
        assert!(!is_locale_segment("en-route", "en"));
        assert!(!is_locale_segment("de", "en"));
        let k = |t: &str, l: &str| key_of(Kind::Url, t, Some(l));
        assert_eq!(
            k("https://x.org/en-US/page", "en"),
            k("https://x.org/sv-SE/page", "sv")
        );
        assert_eq!(
            k("https://x.org/en/page", "en"),
            k("https://x.org/sv/page", "sv")
        );
        assert_eq!(
            k("https://x.org/page?lang=en", "en"),
            k("https://x.org/page?lang=sv", "sv")
        );
        assert_eq!(k("https://en.x.org/", "en"), k("https://sv.x.org", "sv"));
        assert_eq!(
            k("https://x.org/page", "en"),
            k("https://x.org/sv/page", "sv")
        );
        assert_ne!(
            k("https://x.org/en/page", "en"),
            k("https://x.org/de/page", "sv")
        );
        assert_eq!(k("HTTPS://X.org/A", "en"), "https://x.org/A");
        // Without the option, the locale segment is compared too.
        assert_ne!(
            key_of(Kind::Url, "https://x.org/en/", None),
            key_of(Kind::Url, "https://x.org/sv/", None)
        );
        assert_eq!(key_of(Kind::Phone, "+46 (8) 123-45", None), "+46812345");
    }
}
