#![doc = include_str!("../../docs/rules/punctuation-mismatch.md")]

use std::ops::Range;

use super::{Ctx, Rule, RuleMeta, Sink, Unit};
use crate::diagnostic::{Label, Severity, Side};
use crate::fluent::{
    for_each_reading, is_blank, parts, shown, shown_text, shows_nothing, Shown, ShownKind,
};
use crate::lang::script::invisible;
use crate::lang::typography::{
    bracket, quote_family, typography_for, Ending, Family, Role, Typography, FAMILIES,
};
use crate::lang::{excerpt_around, excerpt_end};

pub struct PunctuationMismatch;

static META: RuleMeta = RuleMeta {
    id: "punctuation-mismatch",
    severity: Severity::Warning,
    summary: "a translation ends differently from the reference (a lost full stop, question mark, colon or ellipsis), or leaves a bracket or quotation mark open that the reference closes",
    doc: include_str!("../../docs/rules/punctuation-mismatch.md"),
};

/// Longest excerpt of a string in a message.
const SHOWN: usize = 48;

/// What the character before another was, for telling punctuation from a mark used as a
/// symbol (`or ?`, `a '.'`) and apostrophes from quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Space,
    /// A letter, digit, CJK character or placeable.
    Word,
    /// An opening bracket or quotation mark.
    Opener,
    Other,
}

/// A bracket or quotation mark and where it is in the file.
#[derive(Debug, Clone, Copy)]
struct Mark {
    c: char,
    at: Option<usize>,
    in_variant: bool,
}

/// A single quotation mark whose role waits for the character after it (`it's` is no quote).
#[derive(Debug, Clone, Copy)]
struct Held {
    c: char,
    at: Option<usize>,
    prev: Prev,
    role: Role,
    in_variant: bool,
}

/// The last thing of a string that says how it ends (closing marks, markup and whitespace
/// looked through).
#[derive(Debug, Clone)]
enum Last<'s> {
    Empty,
    /// A placeable; `unknown`: a message reference, whose text is not known here, or a
    /// placeable after the end of a sentence (`…4 mg。{ $note }`), which is likely a sentence
    /// of its own.
    Placeable {
        unknown: bool,
        at: Option<Range<usize>>,
        in_variant: bool,
    },
    /// A character: an ending mark (and the marks right before it, `...`, `?!`) or anything
    /// else (`ending: None`).
    Char {
        ending: Option<Ending>,
        /// A mark after a space or an opening mark, or at the start: a symbol (`or ?`).
        literal: bool,
        /// The mark (or run of marks) in the file, and as written.
        span: Option<Range<usize>>,
        text: &'s str,
        /// The text it is in and where in it the mark starts, for abbreviations (`etc.`).
        piece: &'s str,
        pos: usize,
        in_variant: bool,
    },
}

/// One forward pass over a string as shown: how it ends, how many of its sentences end inside
/// it, and its brackets and quotation marks, per family. Linear, and allocation-free.
struct Scan<'s> {
    table: &'static Typography,
    in_tag: bool,
    prev: Prev,
    prev_char: char,
    last: Last<'s>,
    /// A run of adjacent ending marks: where it starts (in its piece) and whether it holds `?`.
    run_start: usize,
    run_question: bool,
    /// The last mark ended a sentence; whether whitespace came after it.
    pending_end: bool,
    pending_wide: bool,
    pending_space: bool,
    /// Full stops with more text after them: sentences that end inside the string.
    sentences: u32,
    /// Letters and digits since the last other character, and what came before them (`a)` and
    /// `1)` number a list: no bracket).
    word_len: u8,
    word_prev: Prev,
    open: [u32; FAMILIES],
    /// The opening mark of each family that is still open (the outermost).
    outer: [Option<Mark>; FAMILIES],
    /// The first closing mark of each family that closes nothing.
    stray: [Option<Mark>; FAMILIES],
    held: Option<Held>,
}

impl<'s> Scan<'s> {
    fn new(table: &'static Typography) -> Self {
        Scan {
            table,
            in_tag: false,
            prev: Prev::Start,
            prev_char: '\0',
            last: Last::Empty,
            run_start: 0,
            run_question: false,
            pending_end: false,
            pending_wide: false,
            pending_space: false,
            sentences: 0,
            word_len: 0,
            word_prev: Prev::Start,
            open: [0; FAMILIES],
            outer: [None; FAMILIES],
            stray: [None; FAMILIES],
            held: None,
        }
    }

    /// Scans the pieces of a string.
    fn of(pieces: &[Shown<'s>], table: &'static Typography) -> Self {
        let mut scan = Scan::new(table);
        for p in pieces {
            match p.kind {
                ShownKind::Text | ShownKind::Literal => scan.text(p.text, p.at, p.in_variant),
                kind => scan.placeable(kind == ShownKind::Message, p),
            }
        }
        scan.resolve_held(false);
        scan
    }

    fn text(&mut self, piece: &'s str, at: Option<usize>, in_variant: bool) {
        let bytes = piece.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // A run of plain word characters (ASCII letters and digits, Latin-1 letters, CJK
            // ideographs) outside a tag: what `char` does for each of them (none is a
            // bracket, quotation or ending mark, nor invisible), done once for the run. Most
            // of a text is such runs, so the pass costs little more than reading it.
            if !self.in_tag {
                let (mut end, mut last, mut n) = (i, i, 0usize);
                while let Some(len) = plain_word_at(bytes, end) {
                    last = end;
                    end += len;
                    n += 1;
                }
                if n > 0 {
                    self.resolve_held(true);
                    self.count_sentence();
                    self.last = Last::Char {
                        ending: None,
                        literal: false,
                        span: at.map(|a| a + last..a + end),
                        text: &piece[last..end],
                        piece,
                        pos: last,
                        in_variant,
                    };
                    if self.word_len == 0 {
                        self.word_prev = self.prev;
                    }
                    self.word_len = self
                        .word_len
                        .saturating_add(u8::try_from(n).unwrap_or(u8::MAX));
                    self.prev = Prev::Word;
                    self.prev_char = piece[last..end].chars().next().unwrap_or('\0');
                    i = end;
                    continue;
                }
            }
            let (c, len) = if b < 0x80 {
                (char::from(b), 1)
            } else {
                match piece[i..].chars().next() {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            let next = bytes.get(i + len).copied();
            self.char(c, i, len, next, piece, at, in_variant);
            i += len;
        }
    }

    fn placeable(&mut self, message: bool, p: &Shown<'s>) {
        if self.in_tag {
            return;
        }
        self.resolve_held(true);
        self.count_sentence();
        let after_sentence = matches!(
            self.last,
            Last::Char {
                ending: Some(Ending::FullStop | Ending::Question | Ending::Exclamation),
                literal: false,
                ..
            }
        );
        self.last = Last::Placeable {
            unknown: message || after_sentence,
            at: p.at.map(|a| a..a + p.text.len()),
            in_variant: p.in_variant,
        };
        self.prev = Prev::Word;
        self.prev_char = '\0';
        self.word_len = 0;
    }

    /// Something significant follows a sentence end: one more sentence inside the string.
    fn count_sentence(&mut self) {
        if self.pending_end && (self.pending_wide || self.pending_space) {
            self.sentences += 1;
        }
        self.pending_end = false;
    }

    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn char(
        &mut self,
        c: char,
        i: usize,
        len: usize,
        next: Option<u8>,
        piece: &'s str,
        at: Option<usize>,
        in_variant: bool,
    ) {
        if self.in_tag {
            if c == '>' {
                self.in_tag = false;
            }
            return;
        }
        if c == '<' && next.is_some_and(|n| n.is_ascii_alphabetic() || n == b'/' || n == b'!') {
            self.in_tag = true;
            return;
        }
        // Invisible characters (a zero-width space) are `invisible-character`'s business: they
        // change nothing here.
        if !c.is_ascii() && c != '\u{FFFD}' && invisible(c).is_some() {
            return;
        }
        let pos = at.map(|a| a + i);
        if c.is_whitespace() {
            self.resolve_held(false);
            self.prev = Prev::Space;
            self.prev_char = c;
            self.word_len = 0;
            if self.pending_end {
                self.pending_space = true;
            }
            return;
        }
        let word = c.is_alphanumeric();
        self.resolve_held(word);
        if let Some((family, role)) = bracket(c) {
            self.mark(family, role, c, pos, piece, i, in_variant);
            return;
        }
        if let Some(family) = quote_family(c) {
            let role = self.table.quote(c);
            if family == Family::Single {
                self.held = Some(Held {
                    c,
                    at: pos,
                    prev: self.prev,
                    role,
                    in_variant,
                });
                self.prev_char = c;
                self.word_len = 0;
                return;
            }
            self.mark(family, role, c, pos, piece, i, in_variant);
            return;
        }
        if let Some(ending) = Ending::of(c) {
            self.ending(ending, c, i, len, piece, at, in_variant);
            return;
        }
        self.count_sentence();
        self.last = Last::Char {
            ending: None,
            literal: false,
            span: pos.map(|p| p..p + len),
            text: &piece[i..i + len],
            piece,
            pos: i,
            in_variant,
        };
        if word {
            if self.word_len == 0 {
                self.word_prev = self.prev;
            }
            self.word_len = self.word_len.saturating_add(1);
            self.prev = Prev::Word;
        } else {
            self.word_len = 0;
            self.prev = Prev::Other;
        }
        self.prev_char = c;
    }

    #[allow(clippy::too_many_arguments)]
    fn ending(
        &mut self,
        ending: Ending,
        c: char,
        i: usize,
        len: usize,
        piece: &'s str,
        at: Option<usize>,
        in_variant: bool,
    ) {
        // Marks right after each other are one ending: `...` is an ellipsis, `?!` a question.
        let in_run = matches!(self.last, Last::Char { ending: Some(_), piece: p, pos, text, .. }
            if std::ptr::eq(p, piece) && pos + text.len() == i);
        let literal = if in_run {
            matches!(self.last, Last::Char { literal: true, .. })
        } else {
            self.count_sentence();
            self.run_start = i;
            self.run_question = false;
            matches!(self.prev, Prev::Start | Prev::Space | Prev::Opener)
        };
        self.run_question |= ending == Ending::Question;
        let run = &piece[self.run_start..i + len];
        let ending = if run.chars().count() >= 3 && run.chars().all(|d| d == '.' || d == '。') {
            Ending::Ellipsis
        } else if self.run_question {
            Ending::Question
        } else {
            ending
        };
        let start = if in_run { self.run_start } else { i };
        self.last = Last::Char {
            ending: Some(ending),
            // An ellipsis after a space still ends the string (`Laddar ...`).
            literal: literal && ending != Ending::Ellipsis,
            span: at.map(|a| a + start..a + i + len),
            text: &piece[start..i + len],
            piece,
            pos: start,
            in_variant,
        };
        self.pending_end =
            ending == Ending::FullStop && !literal && !self.is_abbreviation(&piece[..start]);
        self.pending_wide = !c.is_ascii();
        self.pending_space = false;
        self.prev = Prev::Other;
        self.prev_char = c;
        self.word_len = 0;
    }

    #[allow(clippy::too_many_arguments)]
    fn mark(
        &mut self,
        family: Family,
        role: Role,
        c: char,
        at: Option<usize>,
        piece: &'s str,
        i: usize,
        in_variant: bool,
    ) {
        let f = family.index();
        let opens = match role {
            Role::Open => true,
            Role::Close => false,
            Role::Either => self.open[f] == 0,
        };
        if opens {
            self.count_sentence();
            if self.open[f] == 0 {
                self.outer[f] = Some(Mark { c, at, in_variant });
            }
            self.open[f] += 1;
            self.last = Last::Char {
                ending: None,
                literal: false,
                span: at.map(|a| a..a + c.len_utf8()),
                text: &piece[i..i + c.len_utf8()],
                piece,
                pos: i,
                in_variant,
            };
            self.prev = Prev::Opener;
        } else {
            self.close(Mark { c, at, in_variant }, family);
            self.prev = Prev::Other;
        }
        self.prev_char = c;
        self.word_len = 0;
    }

    fn close(&mut self, mark: Mark, family: Family) {
        let f = family.index();
        if self.open[f] > 0 {
            self.open[f] -= 1;
            if self.open[f] == 0 {
                self.outer[f] = None;
            }
            return;
        }
        // `a)`, `1)`, `iv)` number a list (`1）服用。2）喝水` in Chinese, after a mark).
        let numbering = family == Family::Round
            && (1..=3).contains(&self.word_len)
            && matches!(self.word_prev, Prev::Start | Prev::Space | Prev::Other);
        if !numbering && family != Family::Single && self.stray[f].is_none() {
            self.stray[f] = Some(mark);
        }
    }

    /// Decides what a held single quotation mark was, now that what follows it is known:
    /// between letters an apostrophe (`it's`), after a word and with no quote open a
    /// possessive (`users' data`).
    fn resolve_held(&mut self, word_next: bool) {
        let Some(h) = self.held.take() else {
            return;
        };
        let f = Family::Single.index();
        let mark = Mark {
            c: h.c,
            at: h.at,
            in_variant: h.in_variant,
        };
        let after_word = h.prev == Prev::Word;
        match (after_word, word_next) {
            (true, true) => self.prev = Prev::Word,
            (true, false) => {
                if self.open[f] > 0 {
                    self.close(mark, Family::Single);
                }
                self.prev = Prev::Other;
            }
            (false, true) => {
                if h.role != Role::Close {
                    self.count_sentence();
                    if self.open[f] == 0 {
                        self.outer[f] = Some(mark);
                    }
                    self.open[f] += 1;
                }
                self.prev = Prev::Opener;
            }
            (false, false) => {
                self.prev = if matches!(h.prev, Prev::Start | Prev::Space | Prev::Opener) {
                    Prev::Opener
                } else {
                    Prev::Other
                };
            }
        }
    }

    /// How the string ends. A mark after a space is a symbol in a reference (`or ?`) but an
    /// ending in a translation (`du översätter .`: the full stop is there, after a stray
    /// space, which is the `whitespace` rule's business).
    fn end(&self, spaced_marks: bool) -> End<'s> {
        match &self.last {
            Last::Empty => End::Unknown,
            Last::Placeable { unknown: true, .. } => End::Unknown,
            Last::Placeable { at, in_variant, .. } => End::Bare {
                at: at.clone(),
                in_variant: *in_variant,
            },
            &Last::Char {
                ending,
                literal,
                ref span,
                text,
                piece,
                pos,
                in_variant,
            } => match ending {
                Some(e) if !literal || spaced_marks => End::Mark {
                    ending: e,
                    span: span.clone(),
                    text,
                    abbreviation: e == Ending::FullStop
                        && text == "."
                        && self.is_abbreviation(&piece[..pos]),
                    in_variant,
                },
                _ => End::Bare {
                    at: span.clone(),
                    in_variant,
                },
            },
        }
    }

    /// Whether `before` ends with one of the language's abbreviations (`etc` of `etc.`).
    fn is_abbreviation(&self, before: &str) -> bool {
        let abbreviations = self.table.abbreviations;
        if abbreviations.is_empty() {
            return false;
        }
        // The word before: letters and full stops. The abbreviations are short and ASCII, so
        // only the last few bytes are read, and a word with another letter in it is none.
        let b = before.as_bytes();
        let mut start = b.len();
        while start > 0 && (b[start - 1].is_ascii_alphabetic() || b[start - 1] == b'.') {
            start -= 1;
            if b.len() - start > MAX_ABBREVIATION {
                return false;
            }
        }
        if start > 0
            && b[start - 1] >= 0x80
            && before[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            return false;
        }
        let word = &before[start..];
        !word.is_empty() && abbreviations.iter().any(|a| a.eq_ignore_ascii_case(word))
    }

    /// Whether every bracket (or, `quotes`, every quotation mark) of the string is closed.
    fn balanced(&self, quotes: bool) -> bool {
        Family::ALL
            .iter()
            .filter(|f| f.is_quote() == quotes)
            .all(|f| self.open[f.index()] == 0 && self.stray[f.index()].is_none())
    }
}

/// The length of the plain word character at byte `i` (an ASCII letter or digit, a Latin-1
/// letter, a CJK ideograph), or `None`: the characters [`Scan::text`] reads a run at a time.
#[inline]
fn plain_word_at(bytes: &[u8], i: usize) -> Option<usize> {
    let b = *bytes.get(i)?;
    if b.is_ascii_alphanumeric() {
        return Some(1);
    }
    match b {
        // U+00C0..=U+00FF but × (C3 97) and ÷ (C3 B7).
        0xC3 => {
            let n = *bytes.get(i + 1)?;
            (n != 0x97 && n != 0xB7 && (0x80..=0xBF).contains(&n)).then_some(2)
        }
        // U+4E00..=U+9FFF: lead bytes E4 (from B8) to E9.
        0xE4..=0xE9 => {
            let n = *bytes.get(i + 1)?;
            (b != 0xE4 || n >= 0xB8).then_some(3)
        }
        _ => None,
    }
}

/// The longest abbreviation of the typography tables, in bytes, or more (a test keeps it).
const MAX_ABBREVIATION: usize = 12;

/// How a string ends.
#[derive(Debug)]
enum End<'s> {
    /// Empty, or a message reference (whose text is elsewhere).
    Unknown,
    /// Without an ending mark: at a word, a placeable, a comma.
    Bare {
        at: Option<Range<usize>>,
        in_variant: bool,
    },
    Mark {
        ending: Ending,
        span: Option<Range<usize>>,
        text: &'s str,
        /// The full stop of an abbreviation (`etc.`), which need not end the sentence.
        abbreviation: bool,
        in_variant: bool,
    },
}

/// Whether a translation that ends with `t` where the reference ends with `r` is reported.
fn differs(
    r: Ending,
    t: Option<Ending>,
    table: &Typography,
    scan: &Scan<'_>,
    pieces: &[Shown<'_>],
) -> bool {
    match t {
        None => match r {
            // Chinese headings and short strings drop the final full stop: only a string that
            // ends its other sentences with one is reported.
            Ending::FullStop | Ending::Exclamation => {
                !table.bare_last_sentence || scan.sentences > 0
            }
            // A question rephrased as a heading (`How we use data?` as `我们使用数据的方式`)
            // loses its question mark rightly: only a string that still asks is reported.
            Ending::Question => {
                table.question_words.is_empty()
                    || table.question_words.iter().any(|w| {
                        pieces.iter().any(|p| {
                            matches!(p.kind, ShownKind::Text | ShownKind::Literal)
                                && p.text.contains(w)
                        })
                    })
            }
            Ending::Colon | Ending::Ellipsis => true,
        },
        Some(t) if t == r => false,
        // A full stop and an exclamation mark differ in tone only.
        Some(Ending::FullStop | Ending::Exclamation)
            if matches!(r, Ending::FullStop | Ending::Exclamation) =>
        {
            false
        }
        Some(t) => !table.equivalent_endings.contains(&(r, t)),
    }
}

/// The text around a mark at byte `at` of the file, within the piece of `pieces` that holds it,
/// for a message about a bracket.
fn around(pieces: &[Shown<'_>], at: usize, len: usize) -> String {
    pieces
        .iter()
        .find_map(|p| {
            let start = p.at?;
            (start <= at && at < start + p.text.len())
                .then(|| excerpt_around(p.text, at - start..at - start + len, 24))
        })
        .unwrap_or_default()
}

impl Rule for PunctuationMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx<'_, '_>, unit: &Unit<'_, '_>, out: &mut Sink) {
        let Some((file, reference)) = unit.pair() else {
            return;
        };
        let en = ctx.reference().tag();
        let lang = unit.locale.tag();
        let r_table = typography_for(en);
        let t_table = typography_for(lang);
        let (mut tb, mut rb) = (Vec::new(), Vec::new());
        // Findings of the readings of one part, to report text outside a `select` once.
        let mut seen: Vec<(usize, u8)> = Vec::new();
        for t in file.views() {
            // Terms are the locale's own vocabulary; an entry cut short by a syntax error is a
            // `parse-error` already.
            if t.meta.is_term || file.damaged(t.id()) || reference.damaged(t.id()) {
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
                // Text copied from the reference ends as the reference does; a part that shows
                // nothing is `empty-translation`'s.
                if part.pattern == r_pattern || is_blank(part.pattern) {
                    continue;
                }
                seen.clear();
                for_each_reading(part.pattern, r_pattern, |key, own, theirs| {
                    shown(file.text(), part.pattern, own, &mut tb);
                    if shows_nothing(&tb) {
                        return;
                    }
                    shown(reference.text(), r_pattern, theirs, &mut rb);
                    let ts = Scan::of(&tb, t_table);
                    let rs = Scan::of(&rb, r_table);
                    let found = Found {
                        unit,
                        entry: &t,
                        attribute: part.attribute,
                        key,
                        en,
                        lang,
                    };
                    ending(
                        &found,
                        (&rs, &rb, r_table),
                        (&ts, &tb, t_table),
                        &mut seen,
                        out,
                    );
                    balance(&found, &rs, (&ts, &tb), &mut seen, out);
                });
            }
        }
    }
}

/// Where a finding of one reading goes.
struct Found<'a, 'p, 's> {
    unit: &'a Unit<'p, 's>,
    entry: &'a crate::project::EntryView<'p, 's>,
    attribute: Option<&'s str>,
    key: Option<&'s str>,
    en: &'a str,
    lang: &'a str,
}

impl Found<'_, '_, '_> {
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        out: &mut Sink,
        seen: &mut Vec<(usize, u8)>,
        kind: u8,
        span: Range<usize>,
        in_variant: bool,
        reference: Option<Range<usize>>,
        message: String,
        data: serde_json::Value,
    ) {
        if seen.contains(&(span.start, kind)) {
            return;
        }
        seen.push((span.start, kind));
        let d = out
            .emit_entry(self.unit, self.entry, span.clone(), message)
            .with_attribute(self.attribute)
            .with_label(Label {
                side: Side::Translation,
                span,
            });
        if let Some(span) = reference {
            d.with_label(Label {
                side: Side::Reference,
                span,
            });
        }
        if in_variant {
            d.variant = self.key.map(str::to_string);
        }
        d.data = Some(data);
    }
}

/// Reports a translation that ends differently from its reference.
fn ending(
    found: &Found<'_, '_, '_>,
    (rs, rb, _r_table): (&Scan<'_>, &[Shown<'_>], &Typography),
    (ts, tb, t_table): (&Scan<'_>, &[Shown<'_>], &Typography),
    seen: &mut Vec<(usize, u8)>,
    out: &mut Sink,
) {
    let End::Mark {
        ending: r,
        span: r_span,
        text: r_text,
        abbreviation: false,
        ..
    } = rs.end(false)
    else {
        return;
    };
    let (t, t_text, span, in_variant) = match ts.end(true) {
        End::Unknown => return,
        End::Bare { at, in_variant } => (None, "", at, in_variant),
        End::Mark {
            ending,
            span,
            text,
            in_variant,
            ..
        } => (Some(ending), text, span, in_variant),
    };
    if !differs(r, t, t_table, ts, tb) {
        return;
    }
    // The texts are put together for messages only.
    let t_shown = shown_text(tb);
    let span = span.unwrap_or_else(|| found.entry.meta.id_span.clone());
    let (en, lang) = (found.en, found.lang);
    let r_shown = excerpt_end(&shown_text(rb), SHOWN);
    let t_tail = excerpt_end(&t_shown, SHOWN);
    let message = match t {
        None => format!(
            "`{r_shown}` ends with `{r_text}` in {en}, but `{t_tail}` has no {} in {lang}",
            r.name()
        ),
        Some(_) => format!(
            "`{r_shown}` ends with `{r_text}` in {en}, but `{t_tail}` ends with `{t_text}` in {lang}"
        ),
    };
    let data = serde_json::json!({
        "check": "ending",
        "reference": r_text,
        "translation": if t.is_some() { serde_json::Value::from(t_text) } else { serde_json::Value::Null },
    });
    found.emit(out, seen, 0, span, in_variant, r_span, message, data);
}

/// Reports brackets and quotation marks a translation leaves open (or closes without opening)
/// where its reference's are balanced.
fn balance(
    found: &Found<'_, '_, '_>,
    rs: &Scan<'_>,
    (ts, tb): (&Scan<'_>, &[Shown<'_>]),
    seen: &mut Vec<(usize, u8)>,
    out: &mut Sink,
) {
    let (en, lang) = (found.en, found.lang);
    for family in Family::ALL {
        let f = family.index();
        let unclosed = ts.outer[f].filter(|_| ts.open[f] > 0);
        let stray = ts.stray[f];
        if unclosed.is_none() && stray.is_none() {
            continue;
        }
        let quotes = family.is_quote();
        if !rs.balanced(quotes) {
            continue;
        }
        let what = if quotes {
            "quotation marks"
        } else {
            "brackets"
        };
        for (mark, closes) in [(unclosed, false), (stray, true)] {
            let Some(Mark {
                c,
                at: Some(at),
                in_variant,
            }) = mark
            else {
                continue;
            };
            let context = around(tb, at, c.len_utf8());
            let message = if closes {
                format!("`{c}` in `{context}` closes nothing in {lang}, while the {what} of {en} are balanced")
            } else {
                format!("`{c}` in `{context}` is never closed in {lang}, while the {what} of {en} are balanced")
            };
            let data = serde_json::json!({
                "check": if quotes { "quote" } else { "bracket" },
                "mark": c.to_string(),
                "closes": closes,
            });
            let span = at..at + c.len_utf8();
            found.emit(
                out,
                seen,
                1 + u8::from(closes),
                span,
                in_variant,
                None,
                message,
                data,
            );
        }
    }
}

/// Scans one string (for tests): its ending, sentence count and balance.
#[cfg(test)]
fn scan_str(text: &'static str, table: &'static Typography) -> Scan<'static> {
    let pieces = [Shown {
        kind: ShownKind::Text,
        text,
        at: Some(0),
        in_variant: false,
    }];
    Scan::of(&pieces, table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::typography::{EN, SV, ZH};

    fn ending_of(text: &'static str, table: &'static Typography) -> Option<Ending> {
        match scan_str(text, table).end(false) {
            End::Mark {
                ending,
                abbreviation: false,
                ..
            } => Some(ending),
            _ => None,
        }
    }

    #[test]
    fn endings_are_read_through_closing_marks_and_markup() {
        use Ending::*;
        for (text, want) in [
            ("Store below 25 °C.", Some(FullStop)),
            ("Read the leaflet (see section 4.)", Some(FullStop)),
            ("It works right “out of the box.”", Some(FullStop)),
            ("See <a href=\"x\">our page.</a>", Some(FullStop)),
            ("Is it safe?", Some(Question)),
            ("Store below 30 °C.\u{200B}\u{200B}", Some(FullStop)),
            ("Is it safe?!", Some(Question)),
            ("Read <a>is it connected?</a>.", Some(FullStop)),
            ("Loading...", Some(Ellipsis)),
            ("Laddar ...", Some(Ellipsis)),
            ("Usage: cmd [FILE]...", Some(Ellipsis)),
            ("Dosering:", Some(Colon)),
            ("服用前请咨询医生。", Some(FullStop)),
            ("是否安全？", Some(Question)),
            ("Warning", None),
            ("status as +, - or ?", None),
            ("files starting with a '.'", None),
            ("tablets, capsules, etc.", None),
            ("Take it (twice a day)", None),
            ("", None),
        ] {
            assert_eq!(ending_of(text, &EN), want, "{text:?}");
        }
        // A quoted name followed by the full stop of the sentence.
        assert_eq!(
            ending_of("run 'leaflint check'.", &EN),
            Some(Ending::FullStop)
        );
    }

    #[test]
    fn a_placeable_after_a_sentence_says_nothing_of_the_ending() {
        let pieces = |text| {
            [
                Shown {
                    kind: ShownKind::Text,
                    text,
                    at: Some(0),
                    in_variant: false,
                },
                Shown {
                    kind: ShownKind::Variable,
                    text: "note",
                    at: None,
                    in_variant: false,
                },
            ]
        };
        let after = pieces("每次 4 mg。");
        assert!(matches!(Scan::of(&after, &ZH).end(true), End::Unknown));
        let inside = pieces("Fråga ");
        assert!(matches!(Scan::of(&inside, &SV).end(true), End::Bare { .. }));
    }

    #[test]
    fn sentences_inside_a_string_are_counted() {
        assert_eq!(
            scan_str("请勿冷冻。放在儿童接触不到的地方", &ZH).sentences,
            1
        );
        assert_eq!(scan_str("每日一次，每次一片", &ZH).sentences, 0);
        // Decimal points and abbreviations end no sentence.
        assert_eq!(scan_str("Take 2.5 mg, e.g. with water", &EN).sentences, 0);
        assert_eq!(scan_str("Take it. Then rest", &EN).sentences, 1);
    }

    fn balanced(text: &'static str, table: &'static Typography) -> (bool, bool) {
        let s = scan_str(text, table);
        (s.balanced(false), s.balanced(true))
    }

    #[test]
    fn brackets_and_quotes_pair_up_in_each_language() {
        assert_eq!(balanced("Take it (with water).", &EN), (true, true));
        assert_eq!(balanced("Take it (with water.", &EN), (false, true));
        assert_eq!(balanced("Take it with water).", &EN), (false, true));
        // Lists numbered `a)` and `1)` close nothing.
        assert_eq!(balanced("a) tablets 2) capsules", &SV), (true, true));
        assert_eq!(balanced("1）服用药片。2）喝水。", &ZH), (true, true));
        // Swedish quotes open and close with the same mark; apostrophes are no quotes.
        assert_eq!(
            balanced("Läs ”Viktigt” och ’Obs’ först.", &SV),
            (true, true)
        );
        assert_eq!(balanced("Läs ”Viktigt och Obs först.", &SV), (true, false));
        assert_eq!(
            balanced("Don't take the users' tablets.", &EN),
            (true, true)
        );
        assert_eq!(balanced("Take the 'blue tablet first.", &EN), (true, false));
        assert_eq!(balanced("Say “yes” or “no”.", &EN), (true, true));
        assert_eq!(balanced("Say “yes“ or no.", &EN), (true, false));
        // Chinese marks, full-width brackets pairing with ASCII ones.
        assert_eq!(balanced("使用“他”或「她」（见第4节)。", &ZH), (true, true));
        assert_eq!(balanced("详见《说明书。", &ZH), (false, true));
        // Quotes inside markup are no quotes.
        assert_eq!(balanced("<a href=\"x\">Read</a> it", &EN), (true, true));
    }

    #[test]
    fn abbreviations_are_short_and_ascii() {
        for t in [&crate::lang::typography::EN, &crate::lang::typography::SV] {
            for a in t.abbreviations {
                assert!(a.is_ascii() && a.len() <= MAX_ABBREVIATION, "{a}");
            }
        }
        let scan = Scan::new(&crate::lang::typography::SV);
        assert!(scan.is_abbreviation("Ta med t.ex"));
        assert!(scan.is_abbreviation("osv"));
        assert!(!scan.is_abbreviation("Ta med dosv"));
        assert!(!scan.is_abbreviation("Ta med ätex"));
        assert!(!scan.is_abbreviation("Läkemedlet"));
        assert!(!scan.is_abbreviation(""));
    }

    #[test]
    fn what_differs() {
        use Ending::*;
        let d = |r, t, table: &'static Typography, text: &'static str| {
            let s = scan_str(text, table);
            let pieces = [Shown {
                kind: ShownKind::Text,
                text,
                at: Some(0),
                in_variant: false,
            }];
            differs(r, t, table, &s, &pieces)
        };
        // Chinese drops a lone full stop; a question without a question word is a heading.
        assert!(!d(FullStop, None, &ZH, "储存条件"));
        assert!(d(FullStop, None, &ZH, "请勿冷冻。放在阴凉处"));
        assert!(!d(Question, None, &ZH, "储存条件"));
        assert!(d(Question, None, &ZH, "为什么要冷藏"));
        assert!(d(FullStop, None, &SV, "Förvaras under 25 °C"));
        assert!(!d(FullStop, Some(Exclamation), &SV, "Klart!"));
        assert!(d(Question, Some(FullStop), &SV, "Är det säkert."));
        assert!(!d(Colon, Some(Exclamation), &SV, "Obs!"));
        assert!(d(Colon, Some(Exclamation), &EN, "Note!"));
        assert!(d(Ellipsis, None, &ZH, "正在加载"));
    }
}
