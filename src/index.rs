//! The symbol index: where every message and term of every locale is defined, with its
//! attribute names, built by a line scan of each file before any file is parsed.
//!
//! leaflint checks a tree one file path at a time (the reference file and its translations), so
//! that only a few files are in memory at once. The facts that cross files (an id defined in two
//! files, a reference to a message of another file, a term's text for the do-not-translate
//! glossary) come from this index. Fluent keeps entries line-based: an entry starts at column 0
//! with its id and `=`, attributes start an indented line with `.name =`, and anything else at
//! column 0 ends the entry. That is all the scan reads; it costs a fraction of a parse.
//!
//! Terms are few and their text feeds the glossary, so each term's lines are also parsed.

use std::ops::Range;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// One entry found by the scan, in the scanning file's own name buffer.
#[derive(Debug, Clone, Copy)]
struct Found {
    name: (u32, u32),
    line: u32,
    /// Range into [`Outline::attrs`].
    attrs: (u32, u32),
}

/// What the scan of one file found.
#[derive(Debug, Default)]
pub struct Outline {
    names: String,
    entries: Vec<Found>,
    /// Attribute names: ranges into `names`.
    attrs: Vec<(u32, u32)>,
    terms: Vec<TermDef>,
}

impl Outline {
    /// Every entry found: id (`-` included for terms), 1-based line, attribute names.
    pub fn entries(&self) -> Vec<(&str, usize, Vec<&str>)> {
        self.entries
            .iter()
            .map(|e| {
                let attrs = self.attrs[e.attrs.0 as usize..e.attrs.1 as usize]
                    .iter()
                    .map(|&(s, e)| &self.names[s as usize..e as usize])
                    .collect();
                (
                    &self.names[e.name.0 as usize..e.name.1 as usize],
                    e.line as usize,
                    attrs,
                )
            })
            .collect()
    }

    /// Number of entries found.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A term's value as text, for the glossary and for spotting it typed out.
#[derive(Debug, Clone, Default)]
pub struct TermDef {
    /// `-brand`, with the dash.
    pub id: String,
    /// The value when it is plain text (no placeables).
    pub plain: Option<String>,
    /// Every piece of text of the value: each variant of a select and the text around
    /// placeables, trimmed.
    pub texts: Vec<String>,
}

/// The length of a Fluent identifier at the start of `b` (`[a-zA-Z][a-zA-Z0-9_-]*`), 0 if none.
fn identifier_len(b: &[u8]) -> usize {
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() => {}
        _ => return 0,
    }
    1 + b[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
        .count()
}

/// `name =` at the start of `b` (after the prefix): the identifier's length and the rest after `=`.
fn definition(b: &[u8]) -> Option<(usize, &[u8])> {
    let n = identifier_len(b);
    if n == 0 {
        return None;
    }
    let rest = &b[n..];
    let spaces = rest.iter().take_while(|c| **c == b' ').count();
    let rest = rest[spaces..].strip_prefix(b"=")?;
    Some((n, rest))
}

fn blank(b: &[u8]) -> bool {
    b.iter().all(|c| matches!(c, b' ' | b'\t' | b'\r'))
}

/// Scans a file's text for its entries. Entries with neither a value nor an attribute (which
/// the parser turns into junk) are left out.
pub fn outline(text: &str) -> Outline {
    let bytes = text.as_bytes();
    let mut out = Outline::default();
    // The entry being read: its index in `out.entries`, whether it has content yet, whether it
    // is a term, and where it starts.
    let mut open: Option<(usize, bool, bool, usize)> = None;
    let mut content_end = 0;
    let mut line_no: u32 = 0;
    let mut start = 0;
    let close = |out: &mut Outline, open: Option<(usize, bool, bool, usize)>, end: usize| {
        let Some((i, has_content, is_term, from)) = open else {
            return;
        };
        if !has_content {
            // Attribute lines are content, so an entry without content has none to drop.
            out.entries.truncate(i);
            return;
        }
        if is_term {
            let (s, e) = out.entries[i].name;
            let id = out.names[s as usize..e as usize].to_string();
            out.terms.push(term_def(id, &text[from..end]));
        }
    };
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &bytes[start..end];
        line_no += 1;
        match line.first() {
            None => {}
            Some(b'\r') if blank(line) => {}
            // Indented lines continue the entry; `fluent-syntax` also takes an attribute line
            // at column 0 as the entry's.
            Some(b' ' | b'.') => {
                if let Some((i, has_content, _, _)) = &mut open {
                    let trimmed = &line[line.iter().take_while(|c| **c == b' ').count()..];
                    if !blank(trimmed) {
                        *has_content = true;
                        content_end = end;
                    }
                    if let Some(rest) = trimmed.strip_prefix(b".") {
                        if let Some((n, _)) = definition(rest) {
                            let at = start + (line.len() - rest.len());
                            let s = out.names.len() as u32;
                            out.names.push_str(&text[at..at + n]);
                            out.attrs.push((s, out.names.len() as u32));
                            out.entries[*i].attrs.1 = out.attrs.len() as u32;
                        }
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() || *c == b'-' || *c == b'#' => {
                close(&mut out, open.take(), content_end);
                let is_term = *c == b'-';
                let body = if is_term { &line[1..] } else { line };
                if *c != b'#' {
                    if let Some((n, rest)) = definition(body) {
                        let at = start + usize::from(is_term);
                        let s = out.names.len() as u32;
                        out.names.push_str(&text[start..at + n]);
                        let a = out.attrs.len() as u32;
                        out.entries.push(Found {
                            name: (s, out.names.len() as u32),
                            line: line_no,
                            attrs: (a, a),
                        });
                        let has_content = !blank(rest);
                        content_end = end;
                        open = Some((out.entries.len() - 1, has_content, is_term, start));
                    }
                }
            }
            // Closing braces, variant keys and the like at column 0 continue a placeable.
            Some(_) => {
                if let Some((_, has_content, _, _)) = &mut open {
                    *has_content = true;
                    content_end = end;
                }
            }
        }
        start = end + 1;
    }
    close(&mut out, open.take(), content_end);
    out
}

/// The hash the index sorts by: fixed, so that runs are repeatable.
fn hash(id: &str) -> u32 {
    use std::hash::BuildHasher;
    // The low half: a clash of two ids costs a comparison of their names, nothing more.
    foldhash::fast::FixedState::with_seed(0x6c65_6166).hash_one(id) as u32
}

/// Parses a term's lines for its text.
fn term_def(id: String, source: &str) -> TermDef {
    let mut def = TermDef {
        id,
        ..TermDef::default()
    };
    let (resource, _, _) = crate::parse::parse_guarded(source);
    let Some(Entry::Term(term)) = resource.body.first() else {
        return def;
    };
    if let [PatternElement::TextElement { value }] = term.value.elements.as_slice() {
        def.plain = Some(value.to_string());
    }
    let mut texts = Vec::new();
    pattern_texts(&term.value, &mut texts, 0);
    def.texts = texts.into_iter().map(str::to_string).collect();
    def
}

fn pattern_texts<'s>(pattern: &Pattern<&'s str>, out: &mut Vec<&'s str>, depth: usize) {
    if depth > 16 {
        return;
    }
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                let t = value.trim();
                if !t.is_empty() {
                    out.push(t);
                }
            }
            PatternElement::Placeable { expression } => expression_texts(expression, out, depth),
        }
    }
}

fn expression_texts<'s>(expr: &Expression<&'s str>, out: &mut Vec<&'s str>, depth: usize) {
    match expr {
        Expression::Select { variants, .. } => {
            for v in variants {
                pattern_texts(&v.value, out, depth + 1);
            }
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            if !value.trim().is_empty() {
                out.push(value.trim());
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_texts(expression, out, depth + 1)
        }
        Expression::Inline(_) => {}
    }
}

/// One definition in a locale's index (20 bytes: a locale of a million entries costs 20 MB here
/// plus its ids).
#[derive(Debug, Clone, Copy)]
struct Sym {
    /// Hash of the name: the index is sorted by it, so that building it sorts integers.
    hash: u32,
    /// Offset of the NUL-terminated name in [`LocaleIndex::names`].
    name: u32,
    file: u32,
    line: u32,
    /// Where the attribute list starts in [`LocaleIndex::attrs`] (its length, then the offsets of
    /// the NUL-terminated names); [`NO_ATTRIBUTES`] for an entry without attributes.
    attrs: u32,
}

const NO_ATTRIBUTES: u32 = u32::MAX;

/// Collects outlines as files are scanned (in any order) into one locale's index, so that no
/// more than the outlines being scanned are held besides the index itself.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    index: LocaleIndex,
    /// Terms with the number of their file, to put them in file order at the end.
    terms: Vec<(usize, TermDef)>,
}

impl IndexBuilder {
    /// Adds the outline of the file with number `file` (its position in the locale's list).
    pub fn add(&mut self, file: usize, o: Outline) {
        let index = &mut self.index;
        index.syms.reserve(o.entries.len());
        for e in &o.entries {
            let id = &o.names[e.name.0 as usize..e.name.1 as usize];
            let name = index.push_name(id);
            let attrs = if e.attrs.0 == e.attrs.1 {
                NO_ATTRIBUTES
            } else {
                let at = index.attrs.len();
                index.attrs.push(e.attrs.1 - e.attrs.0);
                for &(s, end) in &o.attrs[e.attrs.0 as usize..e.attrs.1 as usize] {
                    let offset = index.push_name(&o.names[s as usize..end as usize]);
                    index.attrs.push(offset);
                }
                at as u32
            };
            index.syms.push(Sym {
                hash: hash(id),
                name,
                file: file as u32,
                line: e.line,
                attrs,
            });
        }
        self.terms.extend(o.terms.into_iter().map(|t| (file, t)));
    }

    /// The index, with files renumbered after leaving out the (sorted) numbers in `dropped`:
    /// files that could not be read and so have no number in the locale.
    pub fn finish(self, dropped: &[usize]) -> LocaleIndex {
        let IndexBuilder {
            mut index,
            mut terms,
        } = self;
        let renumber = |file: usize| file - dropped.partition_point(|&d| d < file);
        if !dropped.is_empty() {
            for s in &mut index.syms {
                s.file = renumber(s.file as usize) as u32;
            }
        }
        terms.sort_by_key(|(file, _)| *file);
        index.terms = terms.into_iter().map(|(_, t)| t).collect();
        index.names.shrink_to_fit();
        index
            .syms
            .sort_unstable_by_key(|s| (s.hash, s.file, s.line));
        index.has_repeats = index.syms.windows(2).any(|w| w[0].hash == w[1].hash);
        index
    }
}

/// Every definition of one locale, sorted by a hash of the id, then file, then line (so the
/// definitions of an id are together and in file order).
#[derive(Debug, Default)]
pub struct LocaleIndex {
    /// Ids and attribute names, each followed by a NUL (which no id or name holds).
    names: String,
    syms: Vec<Sym>,
    /// Attribute lists: a length, then that many offsets into `names`.
    attrs: Vec<u32>,
    /// Every term definition, in file order.
    terms: Vec<TermDef>,
    /// Whether two definitions share an id hash (nearly always: an id defined twice).
    has_repeats: bool,
}

/// Where an id is defined: the file (index into the locale's files) and the 1-based line.
#[derive(Debug, Clone, Copy)]
pub struct Definition<'i> {
    pub file: usize,
    pub line: usize,
    index: &'i LocaleIndex,
    attrs: u32,
}

impl<'i> Definition<'i> {
    /// The entry's attribute names.
    pub fn attributes(&self) -> impl Iterator<Item = &'i str> + 'i {
        let index = self.index;
        let list: &[u32] = match self.attrs {
            NO_ATTRIBUTES => &[],
            at => {
                let at = at as usize;
                let n = index.attrs[at] as usize;
                &index.attrs[at + 1..at + 1 + n]
            }
        };
        list.iter().map(move |&o| index.name_at(o))
    }
}

impl LocaleIndex {
    fn name(&self, s: &Sym) -> &str {
        self.name_at(s.name)
    }

    /// The NUL-terminated name at `offset` of `names`.
    fn name_at(&self, offset: u32) -> &str {
        let rest = &self.names[offset as usize..];
        &rest[..memchr::memchr(0, rest.as_bytes()).unwrap_or(rest.len())]
    }

    /// Appends a name and its NUL; returns its offset.
    fn push_name(&mut self, name: &str) -> u32 {
        let at = self.names.len() as u32;
        self.names.push_str(name);
        self.names.push('\0');
        at
    }

    /// The definitions whose id has the hash of `id` (nearly always: those of `id`).
    fn range(&self, id: &str) -> Range<usize> {
        let h = hash(id);
        let start = self.syms.partition_point(|s| s.hash < h);
        let end = start
            + self.syms[start..]
                .iter()
                .take_while(|s| s.hash == h)
                .count();
        start..end
    }

    /// Every definition of `id`, in file order, then line order.
    pub fn definitions<'a>(&'a self, id: &'a str) -> impl Iterator<Item = Definition<'a>> + 'a {
        self.syms[self.range(id)]
            .iter()
            .filter(move |s| self.name(s) == id)
            .map(move |s| self.definition(s))
    }

    fn definition(&self, s: &Sym) -> Definition<'_> {
        Definition {
            file: s.file as usize,
            line: s.line as usize,
            index: self,
            attrs: s.attrs,
        }
    }

    /// The first definition of `id` in the locale.
    pub fn first(&self, id: &str) -> Option<Definition<'_>> {
        self.syms[self.range(id)]
            .iter()
            .find(|s| self.name(s) == id)
            .map(|s| self.definition(s))
    }

    /// Whether `id` is defined more than once in the locale.
    pub fn is_repeated(&self, id: &str) -> bool {
        self.has_repeats && self.definitions(id).nth(1).is_some()
    }

    /// Every id, once each (in the order of their hashes).
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        let mut last: Option<&str> = None;
        self.syms.iter().filter_map(move |s| {
            let n = self.name(s);
            (last != Some(n)).then(|| {
                last = Some(n);
                n
            })
        })
    }

    /// Every term definition of the locale, in file order.
    pub fn terms(&self) -> &[TermDef] {
        &self.terms
    }

    /// The first definition of a term, by id (with its dash).
    pub fn term(&self, id: &str) -> Option<&TermDef> {
        self.terms.iter().find(|t| t.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, usize, Vec<String>)> {
        outline(text)
            .entries()
            .into_iter()
            .map(|(id, line, attrs)| {
                let attrs = attrs.into_iter().map(str::to_string).collect();
                (id.to_string(), line, attrs)
            })
            .collect()
    }

    /// A locale's index of `outlines`, in file order.
    fn build(outlines: Vec<Outline>) -> LocaleIndex {
        let mut b = IndexBuilder::default();
        for (file, o) in outlines.into_iter().enumerate() {
            b.add(file, o);
        }
        b.finish(&[])
    }

    #[test]
    fn finds_messages_terms_and_attributes() {
        let text = "# comment\nhello = Hi\n-brand = Olumiant\n    .gender = m\n\nform =\n    .title = T\n    .label = L\n";
        assert_eq!(
            ids(text),
            vec![
                ("hello".into(), 2, vec![]),
                ("-brand".into(), 3, vec!["gender".into()]),
                ("form".into(), 6, vec!["title".into(), "label".into()]),
            ]
        );
        let o = outline(text);
        assert_eq!(o.terms.len(), 1);
        assert_eq!(o.terms[0].plain.as_deref(), Some("Olumiant"));
    }

    #[test]
    fn skips_what_the_parser_turns_into_junk() {
        // No value and no attribute; an id without `=`; text at column 0.
        let text = "empty =\n\nnoequals\nok = yes\n  continued\n";
        assert_eq!(ids(text), vec![("ok".into(), 4, vec![])]);
        let crlf = "a = 1\r\nb =\r\n    multi\r\n";
        assert_eq!(
            ids(crlf),
            vec![("a".into(), 1, vec![]), ("b".into(), 2, vec![])]
        );
    }

    #[test]
    fn a_select_closed_at_column_zero_stays_one_entry() {
        let text = "-drug = { $case ->\n    [gen] Olumiants\n   *[nom] Olumiant\n}\n.not-an-attr = x\nnext = y\n";
        let found = ids(text);
        assert_eq!(found[0].0, "-drug");
        assert_eq!(found[1].0, "next");
        let o = outline(text);
        assert_eq!(o.terms[0].texts, vec!["Olumiants", "Olumiant"]);
        assert_eq!(o.terms[0].plain, None);
    }

    #[test]
    fn index_finds_repeats_and_definitions_in_file_order() {
        let a = outline("x = 1\ny = 2\nx = 3\n");
        let b = outline("y = 4\nz = 5\n    .t = 6\n");
        let index = build(vec![a, b]);
        let x: Vec<(usize, usize)> = index.definitions("x").map(|d| (d.file, d.line)).collect();
        assert_eq!(x, vec![(0, 1), (0, 3)]);
        let y: Vec<(usize, usize)> = index.definitions("y").map(|d| (d.file, d.line)).collect();
        assert_eq!(y, vec![(0, 2), (1, 1)]);
        assert!(index.is_repeated("x") && index.is_repeated("y") && !index.is_repeated("z"));
        assert_eq!(
            index.first("z").unwrap().attributes().collect::<Vec<_>>(),
            vec!["t"]
        );
        let mut all: Vec<&str> = index.ids().collect();
        all.sort_unstable();
        assert_eq!(all, vec!["x", "y", "z"]);
        assert!(index.first("w").is_none());
    }
}
