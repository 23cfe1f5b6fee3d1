//! CSV termbases: a header row of locale tags (and optionally `id` and `note` columns), then one
//! concept per row. A cell holds the concept's terms in that language separated by `|`: the
//! first plain term is the preferred one, further plain terms are admitted, and a term written
//! `!term` is forbidden. Read with the `csv` crate (quoted cells may hold commas and `|`).

use super::{check_term, push, shown, Doc, TermbaseError, MAX_TERMS};
use crate::settings::{Concept, Term, TermStatus};

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Language(String),
    Id,
    Ignored,
}

/// Byte offset, in `text`, of field `index` of the record that starts at byte `start`
/// (fields split at commas outside double quotes).
fn field_offset(text: &str, start: usize, index: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start.min(bytes.len());
    let mut field = 0;
    let mut quoted = false;
    while i < bytes.len() && field < index {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b',' if !quoted => field += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
        i += 1;
    }
    i
}

pub fn parse(doc: &Doc<'_>, out: &mut Vec<Concept>) -> Result<(), TermbaseError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(doc.text.as_bytes());
    let mut columns: Option<Vec<Column>> = None;
    let mut record = csv::StringRecord::new();
    loop {
        let at = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let pos = e.position().map_or(at, |p| p.byte() as usize);
                let why = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "a cell is not valid UTF-8".to_string(),
                    _ => e.to_string(),
                };
                return Err(doc.error(pos, format!("not valid CSV: {why}")));
            }
        }
        let start = record.position().map_or(at, |p| p.byte() as usize);
        let Some(cols) = &columns else {
            columns = Some(header(doc, &record, start)?);
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > cols.len() {
            let at = field_offset(doc.text, start, cols.len());
            return Err(doc.error(
                at,
                format!(
                    "a row of {} cells under a header of {}",
                    record.len(),
                    cols.len()
                ),
            ));
        }
        let mut concept = Concept {
            id: None,
            origin: doc.origin(start),
            languages: Vec::new(),
        };
        for (i, (cell, col)) in record.iter().zip(cols).enumerate() {
            let cell_at = field_offset(doc.text, start, i);
            match col {
                Column::Id => {
                    let id = cell.trim();
                    if !id.is_empty() {
                        concept.id = Some(shown(id));
                    }
                }
                Column::Ignored => {}
                Column::Language(tag) => {
                    let terms = cell_terms(doc, cell_at, cell)?;
                    if !terms.is_empty() {
                        concept.languages.push((tag.clone(), terms));
                    }
                }
            }
        }
        push(doc, start, concept, out)?;
    }
    if columns.is_none() {
        return Err(doc.error(0, "no header row (locale tags such as `en,sv,zh`)"));
    }
    Ok(())
}

/// The columns a header row names.
fn header(
    doc: &Doc<'_>,
    record: &csv::StringRecord,
    start: usize,
) -> Result<Vec<Column>, TermbaseError> {
    let mut cols = Vec::with_capacity(record.len());
    for (i, name) in record.iter().enumerate() {
        let name = name.trim();
        let col = match name.to_ascii_lowercase().as_str() {
            "id" | "concept" => Column::Id,
            "note" | "notes" | "comment" | "definition" | "description" => Column::Ignored,
            _ => match crate::project::parse_locale_tag(name) {
                Some(_) => Column::Language(name.to_string()),
                None => {
                    return Err(doc.error(
                        field_offset(doc.text, start, i),
                        format!(
                            "header `{}` is not a locale tag (nor `id` or `note`)",
                            shown(name)
                        ),
                    ))
                }
            },
        };
        if let Column::Language(tag) = &col {
            if cols
                .iter()
                .any(|c| matches!(c, Column::Language(t) if t.eq_ignore_ascii_case(tag)))
            {
                return Err(doc.error(
                    field_offset(doc.text, start, i),
                    format!("locale `{}` has two columns", shown(tag)),
                ));
            }
        }
        cols.push(col);
    }
    if !cols.iter().any(|c| matches!(c, Column::Language(_))) {
        return Err(doc.error(start, "the header row names no locale"));
    }
    Ok(cols)
}

/// The terms of one cell: `term|term|!forbidden`.
fn cell_terms(doc: &Doc<'_>, at: usize, cell: &str) -> Result<Vec<Term>, TermbaseError> {
    let mut terms: Vec<Term> = Vec::new();
    for piece in cell.split('|') {
        let piece = piece.trim();
        let (text, forbidden) = match piece.strip_prefix('!') {
            Some(rest) => (rest.trim(), true),
            None => (piece, false),
        };
        if text.is_empty() {
            if forbidden {
                return Err(doc.error(at, "`!` with no term after it"));
            }
            continue;
        }
        check_term(doc, at, text)?;
        if terms.len() >= MAX_TERMS {
            return Err(doc.error(at, format!("more than {MAX_TERMS} terms in one cell")));
        }
        let status = if forbidden {
            TermStatus::Forbidden
        } else if terms.iter().any(|t| t.status == TermStatus::Preferred) {
            TermStatus::Admitted
        } else {
            TermStatus::Preferred
        };
        terms.push(Term {
            text: text.to_string(),
            status,
            part_of_speech: None,
        });
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Concept>, String> {
        let mut out = Vec::new();
        parse(&Doc::new("t.csv", text), &mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    #[test]
    fn reads_rows_cells_and_forbidden_terms() {
        let c = read("id,en,sv,zh,note\nra,rheumatoid arthritis,\"reumatoid artrit|!ledgångsreumatism\",类风湿关节炎,x\n\n,side effect,biverkning|bieffekt,,\n").unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].id.as_deref(), Some("ra"));
        assert_eq!(c[0].origin, "t.csv:2");
        let sv: Vec<(&str, TermStatus)> = c[0].languages[1]
            .1
            .iter()
            .map(|t| (t.text.as_str(), t.status))
            .collect();
        assert_eq!(
            sv,
            [
                ("reumatoid artrit", TermStatus::Preferred),
                ("ledgångsreumatism", TermStatus::Forbidden)
            ]
        );
        assert_eq!(c[1].languages.len(), 2);
        assert_eq!(c[1].languages[1].1[1].status, TermStatus::Admitted);
    }

    #[test]
    fn errors_have_positions() {
        assert_eq!(
            read("en,svenska\n").unwrap_err(),
            "t.csv:1:4: header `svenska` is not a locale tag (nor `id` or `note`)"
        );
        assert_eq!(
            read("en,sv\na,b\nc,d,e\n").unwrap_err(),
            "t.csv:3:5: a row of 3 cells under a header of 2"
        );
        assert_eq!(
            read("en,sv\na,\"b|!\"\n").unwrap_err(),
            "t.csv:2:3: `!` with no term after it"
        );
        assert_eq!(
            read("en,EN\n").unwrap_err(),
            "t.csv:1:4: locale `EN` has two columns"
        );
        assert!(read("").unwrap_err().contains("no header row"));
        assert!(read("en\n\"a\nb\"\n").unwrap_err().contains("line break"));
    }
}
