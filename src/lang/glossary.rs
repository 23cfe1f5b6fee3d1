//! Do-not-translate terms: product and substance names that may appear unchanged in any locale.
//!
//! A project's glossary is the union of its glossary file (`glossary.txt` at the root of the
//! locale tree, one term per line, `#` comments) and the values of every Fluent term
//! (`-brand = Olumiant`) in every locale. This is the one place that knows where terms come
//! from, so a configuration file can feed it later.

use std::collections::HashMap;
use std::path::Path;

use super::text::{words, Ch};
use crate::project::Tree;
use crate::settings::Settings;

/// The glossary file's name, at the root of the locale tree.
pub const FILE_NAME: &str = crate::project::GLOSSARY_FILE;

/// The glossary of each locale of a project (by locale index): the project's glossary plus the
/// configuration's terms for all locales and for that locale. Built once per run.
pub fn for_locales(tree: &Tree, settings: &Settings) -> Vec<Glossary> {
    let mut base = Glossary::for_tree(tree);
    for term in &settings.glossary {
        base.add(term);
    }
    tree.locales
        .iter()
        .map(|l| {
            let mut g = base.clone();
            for term in settings
                .glossary_by_locale
                .iter()
                .filter(|(tag, _)| tag.eq_ignore_ascii_case(&l.tag))
                .flat_map(|(_, terms)| terms)
            {
                g.add(term);
            }
            g
        })
        .collect()
}

/// Terms as word sequences, matched case-sensitively (a term written in lower case also
/// matches with a capital first letter, as at the start of a sentence).
#[derive(Debug, Default, Clone)]
pub struct Glossary {
    /// First word → the word sequences of the terms starting with it.
    by_first: HashMap<String, Vec<Vec<String>>>,
    len: usize,
    /// First bytes of first words, as a bit set: most words are ruled out without hashing.
    first_bytes: [u64; 4],
}

impl Glossary {
    /// The glossary of a tree: its glossary file (when there is one) and its terms.
    pub fn for_tree(tree: &Tree) -> Glossary {
        let mut g = Glossary::default();
        if let Some(text) = &tree.glossary {
            g.add_list(text);
        }
        g.add_bundle_terms(tree);
        g
    }

    /// Reads a glossary file.
    pub fn load(path: &Path) -> std::io::Result<Glossary> {
        let mut g = Glossary::default();
        g.add_list(&crate::source::read_text(path)?);
        Ok(g)
    }

    /// Adds the terms of a glossary file's text: one per line, `#` starts a comment line.
    pub fn add_list(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim().trim_start_matches('\u{feff}');
            if !line.is_empty() && !line.starts_with('#') {
                self.add(line);
            }
        }
    }

    /// Adds the text of every Fluent term's value, in every locale (each variant of a select,
    /// and the text around placeables, separately), as the symbol index read them.
    pub fn add_bundle_terms(&mut self, tree: &Tree) {
        for locale in &tree.locales {
            for term in locale.index.terms() {
                for t in &term.texts {
                    self.add(t);
                }
            }
        }
    }

    /// Adds one term.
    pub fn add(&mut self, term: &str) {
        let chars: Vec<Ch> = term.char_indices().map(|(at, c)| Ch { c, at }).collect();
        let seq: Vec<String> = words(term, &chars, &Glossary::default())
            .into_iter()
            .map(|w| w.text.to_string())
            .collect();
        let Some(first) = seq.first() else {
            return;
        };
        let mut variants = vec![seq.clone()];
        let mut cs = first.chars();
        if let Some(c) = cs.next().filter(|c| c.is_lowercase()) {
            let mut capitalised = seq.clone();
            capitalised[0] = c.to_uppercase().chain(cs).collect();
            variants.push(capitalised);
        }
        for v in variants {
            let b = v[0].as_bytes()[0];
            self.first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            let list = self.by_first.entry(v[0].clone()).or_default();
            if !list.contains(&v) {
                list.push(v);
                list.sort_by_key(|v| std::cmp::Reverse(v.len()));
                self.len += 1;
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of term spellings held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether some term starts with the word `word` (a cheap test before splitting a text
    /// into words with [`super::text::words`]).
    pub fn may_start(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0
            && self.by_first.contains_key(word)
    }

    /// How many of `words` (from the first) the longest matching term covers; 0 for none.
    pub fn match_len<'a>(&self, mut words: impl Iterator<Item = &'a str>) -> usize {
        let Some(first) = words.next() else {
            return 0;
        };
        let b = first.as_bytes().first().copied().unwrap_or(0);
        if self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
            return 0;
        }
        let Some(candidates) = self.by_first.get(first) else {
            return 0;
        };
        let longest = candidates.first().map_or(1, Vec::len);
        let mut seq = vec![first];
        seq.extend(words.take(longest - 1));
        candidates
            .iter()
            .find(|c| c.len() <= seq.len() && c.iter().zip(&seq).all(|(a, b)| a == b))
            .map_or(0, Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_term_wins() {
        let mut g = Glossary::default();
        g.add_list("# comment\n\nFirefox\nFirefox for Android\nbaricitinib\n");
        assert_eq!(g.len(), 4);
        let m = |s: &str| g.match_len(s.split(' '));
        assert_eq!(m("Firefox for Android today"), 3);
        assert_eq!(m("Firefox for you"), 1);
        assert_eq!(m("Baricitinib helps"), 1);
        assert_eq!(m("baricitinib"), 1);
        assert_eq!(m("firefox"), 0);
        assert_eq!(m("BARICITINIB"), 0);
    }

    #[test]
    fn loads_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "Olumiant\n# not a term\n").unwrap();
        let g = Glossary::load(&path).unwrap();
        assert_eq!(g.match_len(["Olumiant"].into_iter()), 1);
        assert_eq!(g.match_len(["#"].into_iter()), 0);
    }
}
