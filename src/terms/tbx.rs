//! TBX (ISO 30042), the TBX-Basic dialect: `<termEntry>` (TBX 2, `<martif>`) or `<conceptEntry>`
//! (TBX v3, `<tbx>`) → `<langSet xml:lang="…">` (v3 also `<langSec>`) → `<tig>` / `<ntig>` /
//! `<termSec>` → `<term>`, with `<termNote type="administrativeStatus">` and
//! `<termNote type="partOfSpeech">`. Everything else (`<tbxHeader>`, `<descrip>`, `<note>`,
//! `<admin>`, …) is read past. Read with `quick-xml`, which never recurses, and with an
//! element stack bounded by [`MAX_DEPTH`].

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{check_term, push, shown, Doc, TermbaseError, MAX_TERMS};
use crate::settings::{Concept, Term, TermStatus};

/// Deepest element nesting read (TBX-Basic needs about eight).
const MAX_DEPTH: usize = 64;

/// The status named by an `administrativeStatus` (or TBX 2 `normativeAuthorization`) value.
fn status(value: &str) -> Option<TermStatus> {
    let v = value.trim();
    let v = v.strip_suffix("-admn-sts").unwrap_or(v);
    Some(match v {
        "preferredTerm" | "preferred" => TermStatus::Preferred,
        "admittedTerm" | "admitted" => TermStatus::Admitted,
        "deprecatedTerm" | "deprecated" => TermStatus::Deprecated,
        "supersededTerm" | "superseded" => TermStatus::Superseded,
        "notRecommendedTerm" | "notRecommended" | "forbiddenTerm" | "forbidden" => {
            TermStatus::Forbidden
        }
        _ => return None,
    })
}

/// The value of attribute `key` (`xml:lang`, `type`, `id`), unescaped.
fn attribute(
    doc: &Doc<'_>,
    e: &BytesStart<'_>,
    key: &[u8],
    at: usize,
) -> Result<Option<String>, TermbaseError> {
    for a in e.attributes() {
        let a = a.map_err(|err| doc.error(at, format!("bad attribute: {err}")))?;
        if a.key.as_ref() == key {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| doc.error(at, format!("bad attribute value: {err}")))?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// What a `<termNote>` being read is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    Status,
    PartOfSpeech,
    Other,
}

/// The term being read (inside `<tig>`, `<ntig>` or `<termSec>`).
#[derive(Debug, Default)]
struct Open {
    at: usize,
    text: Option<String>,
    text_at: usize,
    status: Option<TermStatus>,
    part_of_speech: Option<String>,
}

pub fn parse(doc: &Doc<'_>, out: &mut Vec<Concept>) -> Result<(), TermbaseError> {
    let mut reader = Reader::from_str(doc.text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.trim_text(false);
    // Open elements: local name and start offset.
    let mut stack: Vec<(Vec<u8>, usize)> = Vec::new();
    let mut root_seen = false;
    let mut concept: Option<(Concept, usize)> = None;
    let mut lang: Option<(String, Vec<Term>)> = None;
    let mut term: Option<Open> = None;
    // Text being collected: of `<term>` or of a `<termNote>`.
    let mut collecting: Option<(Note, String, usize)> = None;
    let mut in_term = false;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let pos = reader.error_position() as usize;
            doc.error(pos, format!("not well-formed XML: {e}"))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) if !root_seen => {
                root_seen = true;
                let name = e.local_name().as_ref().to_vec();
                if name != b"martif" && name != b"tbx" {
                    return Err(doc.error(
                        at,
                        format!(
                            "the root element is `<{}>`, not TBX's `<tbx>` or `<martif>`",
                            shown(&String::from_utf8_lossy(&name))
                        ),
                    ));
                }
                stack.push((name, at));
            }
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(
                        doc.error(at, format!("elements nested more than {MAX_DEPTH} deep"))
                    );
                }
                let name = e.local_name().as_ref().to_vec();
                open(doc, &e, &name, at, &mut concept, &mut lang, &mut term)?;
                match name.as_slice() {
                    b"term" if term.is_some() => {
                        in_term = true;
                        collecting = Some((Note::Other, String::new(), at));
                    }
                    b"termNote" if term.is_some() && !in_term => {
                        let kind = match attribute(doc, &e, b"type", at)?.as_deref() {
                            Some("administrativeStatus" | "normativeAuthorization") => Note::Status,
                            Some("partOfSpeech") => Note::PartOfSpeech,
                            _ => Note::Other,
                        };
                        collecting = Some((kind, String::new(), at));
                    }
                    _ => {}
                }
                stack.push((name, at));
            }
            Event::Empty(e) => {
                let name = e.local_name().as_ref().to_vec();
                open(doc, &e, &name, at, &mut concept, &mut lang, &mut term)?;
                close(doc, &name, at, &mut concept, &mut lang, &mut term, out)?;
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_vec();
                stack.pop();
                match name.as_slice() {
                    b"term" if in_term => {
                        in_term = false;
                        if let (Some((_, text, text_at)), Some(t)) = (collecting.take(), &mut term)
                        {
                            if t.text.is_some() {
                                return Err(
                                    doc.error(text_at, "a second `<term>` in one term group")
                                );
                            }
                            t.text = Some(text);
                            t.text_at = text_at;
                        }
                    }
                    b"termNote" if !in_term => {
                        if let (Some((kind, text, note_at)), Some(t)) =
                            (collecting.take(), &mut term)
                        {
                            match kind {
                                Note::Status => {
                                    t.status = Some(status(&text).ok_or_else(|| {
                                        doc.error(
                                            note_at,
                                            format!(
                                                "unknown administrativeStatus `{}` (expected preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts)",
                                                shown(text.trim())
                                            ),
                                        )
                                    })?)
                                }
                                Note::PartOfSpeech => {
                                    let p = text.trim();
                                    if !p.is_empty() {
                                        t.part_of_speech = Some(shown(p));
                                    }
                                }
                                Note::Other => {}
                            }
                        }
                    }
                    _ => close(doc, &name, at, &mut concept, &mut lang, &mut term, out)?,
                }
            }
            Event::Text(t) => {
                if let Some((_, buf, _)) = &mut collecting {
                    let s = t
                        .xml10_content()
                        .map_err(|e| doc.error(at, format!("bad text: {e}")))?;
                    buf.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some((_, buf, _)) = &mut collecting {
                    let s = t
                        .xml10_content()
                        .map_err(|e| doc.error(at, format!("bad CDATA: {e}")))?;
                    buf.push_str(&s);
                }
            }
            Event::GeneralRef(_) if collecting.is_none() => {}
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r
                            .decode()
                            .map_err(|e| doc.error(at, format!("bad entity: {e}")))?;
                        match quick_xml::escape::resolve_xml_entity(&name) {
                            Some(s) => s.to_string(),
                            None => {
                                return Err(
                                    doc.error(at, format!("unknown entity `&{};`", shown(&name)))
                                )
                            }
                        }
                    }
                    Err(e) => return Err(doc.error(at, format!("bad character reference: {e}"))),
                };
                if let Some((_, buf, _)) = &mut collecting {
                    buf.push_str(&resolved);
                }
            }
            Event::Eof => {
                if let Some((name, open_at)) = stack.last() {
                    return Err(doc.error(
                        *open_at,
                        format!(
                            "`<{}>` is not closed before the end of the file",
                            shown(&String::from_utf8_lossy(name))
                        ),
                    ));
                }
                if !root_seen {
                    return Err(doc.error(0, "no root element: this is not a TBX file"));
                }
                return Ok(());
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
}

/// What a start tag opens: a concept, a language set or a term group.
fn open(
    doc: &Doc<'_>,
    e: &BytesStart<'_>,
    name: &[u8],
    at: usize,
    concept: &mut Option<(Concept, usize)>,
    lang: &mut Option<(String, Vec<Term>)>,
    term: &mut Option<Open>,
) -> Result<(), TermbaseError> {
    match name {
        b"termEntry" | b"conceptEntry" => {
            if concept.is_some() {
                return Err(doc.error(at, "a concept entry inside another one"));
            }
            let c = Concept {
                id: attribute(doc, e, b"id", at)?.map(|s| shown(&s)),
                origin: doc.origin(at),
                languages: Vec::new(),
            };
            *concept = Some((c, at));
        }
        b"langSet" | b"langSec" => {
            if concept.is_none() {
                return Err(doc.error(at, "a `<langSet>` outside a concept entry"));
            }
            if lang.is_some() {
                return Err(doc.error(at, "a `<langSet>` inside another one"));
            }
            let Some(tag) = attribute(doc, e, b"xml:lang", at)? else {
                return Err(doc.error(at, "a `<langSet>` without `xml:lang`"));
            };
            if crate::project::parse_locale_tag(tag.trim()).is_none() {
                return Err(doc.error(
                    at,
                    format!("`xml:lang=\"{}\"` is not a language tag", shown(&tag)),
                ));
            }
            *lang = Some((tag.trim().to_string(), Vec::new()));
        }
        b"tig" | b"ntig" | b"termSec" => {
            if lang.is_none() {
                return Err(doc.error(at, "a term group outside a `<langSet>`"));
            }
            if term.is_some() {
                return Err(doc.error(at, "a term group inside another one"));
            }
            *term = Some(Open {
                at,
                ..Open::default()
            });
        }
        _ => {}
    }
    Ok(())
}

/// What an end tag closes.
fn close(
    doc: &Doc<'_>,
    name: &[u8],
    at: usize,
    concept: &mut Option<(Concept, usize)>,
    lang: &mut Option<(String, Vec<Term>)>,
    term: &mut Option<Open>,
    out: &mut Vec<Concept>,
) -> Result<(), TermbaseError> {
    match name {
        b"tig" | b"ntig" | b"termSec" => {
            let Some(t) = term.take() else { return Ok(()) };
            let text = t.text.as_deref().map(str::trim).unwrap_or("");
            if text.is_empty() {
                return Err(doc.error(t.at, "a term group without a term (an empty `<term>`)"));
            }
            check_term(doc, t.text_at, text)?;
            if let Some((_, terms)) = lang {
                if terms.len() >= MAX_TERMS {
                    return Err(
                        doc.error(t.at, format!("more than {MAX_TERMS} terms in one language"))
                    );
                }
                terms.push(Term {
                    text: text.to_string(),
                    status: t.status.unwrap_or(TermStatus::Admitted),
                    part_of_speech: t.part_of_speech,
                });
            }
        }
        b"langSet" | b"langSec" => {
            if let (Some(l), Some((c, _))) = (lang.take(), concept.as_mut()) {
                if !l.1.is_empty() {
                    c.languages.push(l);
                }
            }
        }
        b"termEntry" | b"conceptEntry" => {
            if let Some((c, start)) = concept.take() {
                push(doc, start, c, out)?;
            }
        }
        _ => {}
    }
    let _ = at;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Concept>, String> {
        let mut out = Vec::new();
        parse(&Doc::new("t.tbx", text), &mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    const TBX2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="definition">fat in the blood</descrip>
      <langSet xml:lang="en"><tig><term>blood lipids</term>
        <termNote type="partOfSpeech">noun</termNote></tig></langSet>
      <langSet xml:lang="sv">
        <tig><term>blodfetter</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>lipider</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"#;

    #[test]
    fn reads_tbx2_term_entries() {
        let c = read(TBX2).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].id.as_deref(), Some("c1"));
        assert_eq!(c[0].origin, "t.tbx:5");
        let en = &c[0].languages[0];
        assert_eq!(en.0, "en");
        assert_eq!(en.1[0].text, "blood lipids");
        assert_eq!(en.1[0].status, TermStatus::Admitted);
        assert_eq!(en.1[0].part_of_speech.as_deref(), Some("noun"));
        let sv: Vec<(&str, TermStatus)> = c[0].languages[1]
            .1
            .iter()
            .map(|t| (t.text.as_str(), t.status))
            .collect();
        assert_eq!(
            sv,
            [
                ("blodfetter", TermStatus::Preferred),
                ("lipider", TermStatus::Deprecated)
            ]
        );
    }

    #[test]
    fn reads_tbx3_concept_entries_and_entities() {
        let text = r#"<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c2">
<langSec xml:lang="en"><termSec><term>R&amp;D</term></termSec></langSec>
<langSec xml:lang="zh-CN"><termSec><term>研发</term>
<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
        let c = read(text).unwrap();
        assert_eq!(c[0].languages[0].1[0].text, "R&D");
        assert_eq!(c[0].languages[1].0, "zh-CN");
        assert_eq!(c[0].languages[1].1[0].status, TermStatus::Superseded);
    }

    #[test]
    fn errors_have_positions() {
        let e = read("<martif>\n<text>\n<termEntry>\n<langSet>").unwrap_err();
        assert_eq!(e, "t.tbx:4:1: a `<langSet>` without `xml:lang`");
        let e = read("<martif>\n  <text></txt>\n</martif>").unwrap_err();
        assert!(e.starts_with("t.tbx:2:"), "{e}");
        let e = read("<html></html>").unwrap_err();
        assert_eq!(
            e,
            "t.tbx:1:1: the root element is `<html>`, not TBX's `<tbx>` or `<martif>`"
        );
        let e = read("<martif>\n<text>").unwrap_err();
        assert_eq!(
            e,
            "t.tbx:2:1: `<text>` is not closed before the end of the file"
        );
        let e = read("<martif><termEntry><langSet xml:lang=\"en\"><tig>\n<termNote type=\"administrativeStatus\">best</termNote></tig></langSet></termEntry></martif>").unwrap_err();
        assert!(
            e.starts_with("t.tbx:2:1: unknown administrativeStatus `best`"),
            "{e}"
        );
        let e = read("<martif><termEntry><langSet xml:lang=\"en\"><tig></tig>").unwrap_err();
        assert!(e.contains("without a term"), "{e}");
        assert!(read("").unwrap_err().contains("no root element"));
        assert!(read("<martif>&bogus;</martif>").is_ok());
        let e = read("<martif><termEntry><langSet xml:lang=\"en\"><tig><term>&bogus;</term></tig></langSet></termEntry></martif>").unwrap_err();
        assert!(e.contains("unknown entity `&bogus;`"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_not_recursed() {
        let text = format!("<martif>{}", "<a>".repeat(100_000));
        let e = read(&text).unwrap_err();
        assert!(e.contains("nested more than 64 deep"), "{e}");
    }
}
