//! Hunspell dictionaries (`.aff` and `.dic` files, read with the `spellbook` crate): which
//! words a language knows, for the word check of `untranslated`.
//!
//! A locale's dictionary is looked for by name (`sv-SE` → `sv_SE`, then the language's usual
//! regions `sv_SE`, `sv_FI`, then `sv`, then any `sv_*`) in the configured directories
//! (`[dictionaries] path`, which must stay inside the configuration's directory; a file in it
//! that is a link leading out is not read) and then, unless turned off, in the system's
//! directories ([`SYSTEM_DIRS`]). Finding the files costs a few `stat` calls; a dictionary is
//! parsed only when a word needs it, once per process ([`Dictionaries::pair`]), in parallel
//! with the other dictionary it is needed with.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::settings::DictionarySettings;

/// Where Debian, Fedora and most Linux systems install Hunspell dictionaries.
pub const SYSTEM_DIRS: &[&str] = &[
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
];

/// Regions whose dictionary stands for a language, best first, when the locale names no
/// region or its own region has none.
const USUAL_REGIONS: &[(&str, &[&str])] = &[
    ("en", &["US", "GB", "CA", "AU"]),
    ("sv", &["SE", "FI"]),
    ("de", &["DE", "AT", "CH"]),
    ("fr", &["FR", "CA", "BE", "CH"]),
    ("es", &["ES", "MX"]),
    ("pt", &["PT", "BR"]),
    ("it", &["IT"]),
    ("nl", &["NL", "BE"]),
    ("da", &["DK"]),
    ("nb", &["NO"]),
    ("nn", &["NO"]),
    ("fi", &["FI"]),
    ("pl", &["PL"]),
    ("cs", &["CZ"]),
];

/// Language names for messages, by language subtag.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("en", "English"),
    ("sv", "Swedish"),
    ("de", "German"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
    ("it", "Italian"),
    ("nl", "Dutch"),
    ("da", "Danish"),
    ("nb", "Norwegian Bokmål"),
    ("nn", "Norwegian Nynorsk"),
    ("fi", "Finnish"),
    ("pl", "Polish"),
    ("cs", "Czech"),
];

/// The English name of a language subtag (`sv` → `Swedish`), or the subtag in backticks.
pub fn language_name(language: &str) -> String {
    LANGUAGE_NAMES
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(language))
        .map_or_else(|| format!("`{language}`"), |(_, n)| (*n).to_string())
}

/// The file names (without `.aff`/`.dic`) a locale's dictionary may have, best first:
/// `sv`, `SE` → `sv_SE`, `sv_FI`, `sv`.
pub fn candidate_names(language: &str, region: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |n: String| {
        if !out.contains(&n) {
            out.push(n);
        }
    };
    if let Some(r) = region {
        push(format!("{language}_{}", r.to_ascii_uppercase()));
    }
    for (l, regions) in USUAL_REGIONS {
        if *l == language {
            for r in *regions {
                push(format!("{language}_{r}"));
            }
        }
    }
    push(language.to_string());
    out
}

/// A dictionary's two files.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DictionaryFiles {
    pub aff: PathBuf,
    pub dic: PathBuf,
}

/// The directories searched, in order, each with whether a file found there must stay inside
/// it (a configured directory: yes; a system directory: no).
pub fn search_dirs(settings: &DictionarySettings) -> Vec<(PathBuf, bool)> {
    let mut dirs: Vec<(PathBuf, bool)> = settings.dirs.iter().map(|d| (d.clone(), true)).collect();
    if settings.system {
        dirs.extend(SYSTEM_DIRS.iter().map(|d| (PathBuf::from(d), false)));
    }
    dirs
}

/// Whether `path` is a regular file that may be read: inside `confine` (canonical) after
/// following links, when given.
fn usable(path: &Path, confine: Option<&Path>) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match confine {
        None => true,
        Some(root) => std::fs::canonicalize(path).is_ok_and(|t| t.starts_with(root)),
    }
}

/// Finds the dictionary for a language (and region) in `dirs`: the first name of
/// [`candidate_names`] with both files in some directory (directories in order), then any
/// `<language>_*` pair, by name.
pub fn locate(
    language: &str,
    region: Option<&str>,
    dirs: &[(PathBuf, bool)],
) -> Option<DictionaryFiles> {
    let names = candidate_names(language, region);
    for (dir, confined) in dirs {
        let root = if *confined {
            match std::fs::canonicalize(dir) {
                Ok(r) => Some(r),
                Err(_) => continue,
            }
        } else {
            None
        };
        let pair = |name: &str| {
            let aff = dir.join(format!("{name}.aff"));
            let dic = dir.join(format!("{name}.dic"));
            (usable(&aff, root.as_deref()) && usable(&dic, root.as_deref()))
                .then_some(DictionaryFiles { aff, dic })
        };
        if let Some(found) = names.iter().find_map(|n| pair(n)) {
            return Some(found);
        }
        // Any other region of the language (`sv_AX`), by name.
        let prefix = format!("{language}_");
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut others: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".dic").map(str::to_string))
            .filter(|n| n.starts_with(&prefix))
            .collect();
        others.sort();
        if let Some(found) = others.iter().find_map(|n| pair(n)) {
            return Some(found);
        }
    }
    None
}

/// The encoding a `.aff` file declares (`SET UTF-8`); Hunspell's default is ISO-8859-1.
fn declared_encoding(aff: &[u8]) -> String {
    for line in aff.split(|&b| b == b'\n') {
        let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        if let Some(rest) = line.strip_prefix(b"SET") {
            if rest.first().is_some_and(u8::is_ascii_whitespace) {
                return String::from_utf8_lossy(rest).trim().to_ascii_uppercase();
            }
        }
    }
    "ISO8859-1".to_string()
}

/// The characters ISO-8859-15 puts where ISO-8859-1 has others.
const LATIN9: [(u8, char); 8] = [
    (0xA4, '€'),
    (0xA6, 'Š'),
    (0xA8, 'š'),
    (0xB4, 'Ž'),
    (0xB8, 'ž'),
    (0xBC, 'Œ'),
    (0xBD, 'œ'),
    (0xBE, 'Ÿ'),
];

/// Decodes a dictionary file in the encoding its `.aff` declares: UTF-8, ISO-8859-1 or
/// ISO-8859-15 (others are refused).
pub fn decode(bytes: Vec<u8>, encoding: &str) -> Result<String, String> {
    let normalized: String = encoding
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let text = match normalized.as_str() {
        "UTF8" => String::from_utf8(bytes).map_err(|e| {
            format!(
                "is not valid UTF-8 as its `SET` line says (byte {})",
                e.utf8_error().valid_up_to() + 1
            )
        })?,
        "ISO88591" | "LATIN1" => bytes.iter().map(|&b| char::from(b)).collect(),
        "ISO885915" | "LATIN9" => bytes
            .iter()
            .map(|&b| {
                LATIN9
                    .iter()
                    .find(|(x, _)| *x == b)
                    .map_or(char::from(b), |(_, c)| *c)
            })
            .collect(),
        _ => {
            return Err(format!(
            "its encoding `{encoding}` is not supported (UTF-8, ISO-8859-1 and ISO-8859-15 are)"
        ))
        }
    };
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Reads and parses a dictionary.
pub fn load(files: &DictionaryFiles) -> Result<spellbook::Dictionary, String> {
    let read = |p: &Path| {
        crate::source::read_limited(p, crate::source::MAX_FILE_BYTES)
            .map_err(|e| format!("`{}` cannot be read: {e}", p.display()))
    };
    let aff = read(&files.aff)?;
    let dic = read(&files.dic)?;
    let encoding = declared_encoding(&aff);
    let aff = decode(aff, &encoding).map_err(|e| format!("`{}` {e}", files.aff.display()))?;
    let dic = decode(dic, &encoding).map_err(|e| format!("`{}` {e}", files.dic.display()))?;
    spellbook::Dictionary::new(&aff, &dic)
        .map_err(|e| format!("`{}` cannot be parsed: {e}", files.aff.display()))
}

type Loaded = Result<Arc<spellbook::Dictionary>, String>;

/// Dictionaries parsed by this process, by their files: a run with several trees, or the
/// language server checking again after each change, parses each one once.
fn cached(files: &DictionaryFiles) -> Loaded {
    static CACHE: OnceLock<Mutex<HashMap<DictionaryFiles, Arc<OnceLock<Loaded>>>>> =
        OnceLock::new();
    let cell = {
        let mut map = CACHE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(map.entry(files.clone()).or_default())
    };
    cell.get_or_init(|| load(files).map(Arc::new)).clone()
}

/// One locale's dictionary: where it is, and whether it was needed and could be parsed.
struct Slot {
    /// The locale's tag, for notes.
    tag: String,
    language: String,
    /// Names looked for, for the note when none is found.
    names: Vec<String>,
    files: Option<DictionaryFiles>,
    loaded: OnceLock<Option<Arc<spellbook::Dictionary>>>,
    error: OnceLock<String>,
    /// A word needed this dictionary (only then is a missing one worth a note).
    needed: AtomicBool,
}

impl Slot {
    fn get(&self) -> Option<&spellbook::Dictionary> {
        self.needed.store(true, Ordering::Relaxed);
        self.loaded
            .get_or_init(|| {
                let files = self.files.as_ref()?;
                match cached(files) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        let _ = self.error.set(e);
                        None
                    }
                }
            })
            .as_deref()
    }
}

/// The dictionaries of a tree's locales (by locale index), found when the run starts and
/// parsed when first needed.
pub struct Dictionaries {
    slots: Vec<Slot>,
    /// The directories searched, for notes.
    searched: Vec<PathBuf>,
}

impl Dictionaries {
    /// Finds the dictionary files of each locale (`(tag, language, region)`); parses nothing.
    pub fn find(
        locales: &[(String, String, Option<String>)],
        settings: &DictionarySettings,
    ) -> Self {
        let dirs = search_dirs(settings);
        let slots = locales
            .iter()
            .map(|(tag, language, region)| Slot {
                tag: tag.clone(),
                language: language.clone(),
                names: candidate_names(language, region.as_deref()),
                files: locate(language, region.as_deref(), &dirs),
                loaded: OnceLock::new(),
                error: OnceLock::new(),
                needed: AtomicBool::new(false),
            })
            .collect();
        Dictionaries {
            slots,
            searched: dirs.into_iter().map(|(d, _)| d).collect(),
        }
    }

    /// The files found for a locale.
    pub fn files(&self, locale: usize) -> Option<&DictionaryFiles> {
        self.slots.get(locale)?.files.as_ref()
    }

    /// The dictionaries of the reference (`reference`) and of a translation (`locale`), both
    /// parsed (in parallel when neither is yet), or `None` when either is missing.
    pub fn pair(
        &self,
        reference: usize,
        locale: usize,
    ) -> Option<(&spellbook::Dictionary, &spellbook::Dictionary)> {
        let (r, l) = (self.slots.get(reference)?, self.slots.get(locale)?);
        if r.loaded.get().is_none() && l.loaded.get().is_none() && r.files.is_some() {
            let (a, b) = rayon::join(|| r.get(), || l.get());
            return a.zip(b);
        }
        let a = r.get();
        let b = l.get();
        a.zip(b)
    }

    /// Whether the word check is not configured (no directory to look in) and a word has
    /// already needed it: the note is due, and no more words need looking at.
    pub fn off_and_noted(&self) -> bool {
        self.searched.is_empty() && self.slots.iter().any(|s| s.needed.load(Ordering::Relaxed))
    }

    /// Notes for stderr: each dictionary a word needed that is missing or could not be read.
    pub fn notes(&self, reference: usize) -> Vec<String> {
        let mut out = Vec::new();
        // Not configured at all: one short note, not one per dictionary.
        if self.searched.is_empty() {
            if self.slots.iter().any(|s| s.needed.load(Ordering::Relaxed)) {
                out.push(
                    "words left in the reference language are not looked for: the word check of `untranslated` is opt-in (`[dictionaries] system = true` or `path` in leaflint.toml)"
                        .to_string(),
                );
            }
            return out;
        }
        for (i, s) in self.slots.iter().enumerate() {
            if !s.needed.load(Ordering::Relaxed) {
                continue;
            }
            let language = language_name(&s.language);
            let off = if i == reference {
                "words left in the reference language are not looked for in any translation"
                    .to_string()
            } else {
                format!(
                    "words left in the reference language are not looked for in {}",
                    s.tag
                )
            };
            if let Some(e) = s.error.get() {
                out.push(format!(
                    "the {language} dictionary for {} is not used: {e}; {off}",
                    s.tag
                ));
            } else if s.files.is_none() {
                let names: Vec<String> = s.names.iter().map(|n| format!("`{n}.dic`")).collect();
                let dirs: Vec<String> = self
                    .searched
                    .iter()
                    .map(|d| format!("`{}`", d.display()))
                    .collect();
                let dirs = dirs.join(", ");
                out.push(format!(
                    "no {language} dictionary for {} (looked for {} with its `.aff` in {dirs}); {off}",
                    s.tag,
                    names.join(", "),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_locale_then_the_usual_regions() {
        assert_eq!(candidate_names("sv", Some("SE")), ["sv_SE", "sv_FI", "sv"]);
        assert_eq!(candidate_names("sv", Some("fi")), ["sv_FI", "sv_SE", "sv"]);
        assert_eq!(candidate_names("en", None)[..2], ["en_US", "en_GB"]);
        assert_eq!(candidate_names("xx", None), ["xx"]);
    }

    #[test]
    fn encodings_are_decoded_as_declared() {
        assert_eq!(
            declared_encoding(b"# x\nSET ISO8859-1\nTRY a\n"),
            "ISO8859-1"
        );
        assert_eq!(declared_encoding(b"\xEF\xBB\xBFSET UTF-8\n"), "UTF-8");
        assert_eq!(declared_encoding(b"TRY abc\n"), "ISO8859-1");
        assert_eq!(decode(b"h\xE4lsa".to_vec(), "ISO8859-1").unwrap(), "hälsa");
        assert_eq!(decode(b"\xA4".to_vec(), "ISO8859-15").unwrap(), "€");
        assert_eq!(
            decode("hälsa".as_bytes().to_vec(), "UTF-8").unwrap(),
            "hälsa"
        );
        assert!(decode(b"h\xE4lsa".to_vec(), "UTF-8").is_err());
        assert!(decode(b"x".to_vec(), "KOI8-R")
            .unwrap_err()
            .contains("KOI8-R"));
    }

    #[test]
    fn a_latin1_dictionary_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let files = DictionaryFiles {
            aff: dir.path().join("sv_SE.aff"),
            dic: dir.path().join("sv_SE.dic"),
        };
        std::fs::write(&files.aff, b"SET ISO8859-1\n").unwrap();
        std::fs::write(&files.dic, b"2\nhalsbr\xE4nna\nl\xE4kare\n").unwrap();
        let d = load(&files).unwrap();
        assert!(d.check("halsbränna"));
        assert!(d.check("läkare"));
        assert!(!d.check("heartburn"));
    }

    #[cfg(unix)]
    #[test]
    fn a_configured_directory_does_not_lead_out_through_a_link() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("sv_SE.aff"), "SET UTF-8\n").unwrap();
        std::fs::write(outside.path().join("sv_SE.dic"), "1\nord\n").unwrap();
        let dir = tempfile::tempdir().unwrap();
        for ext in ["aff", "dic"] {
            std::os::unix::fs::symlink(
                outside.path().join(format!("sv_SE.{ext}")),
                dir.path().join(format!("sv_SE.{ext}")),
            )
            .unwrap();
        }
        let confined = [(dir.path().to_path_buf(), true)];
        assert_eq!(locate("sv", Some("SE"), &confined), None);
        let open = [(dir.path().to_path_buf(), false)];
        assert!(locate("sv", Some("SE"), &open).is_some());
    }
}
