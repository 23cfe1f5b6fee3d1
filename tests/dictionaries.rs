//! The word check of `untranslated` (words left in the reference language) through the
//! binary: its dictionaries from `[dictionaries]` in `leaflint.toml`, the note when one is
//! missing (once, on stderr and in the JSON report), the refusal of a dictionary directory that
//! leaves the configuration's directory, and one run with the system's Swedish and English
//! dictionaries when they are installed.

mod common;

use common::{leaflint, write_files};

const EN: &str = "warn = Tell your doctor if you get heartburn.\nrash = Stop the tablets if you get hives.\nshared = Information on cancer and normal values at the start.\n";
const SV: &str = "warn = Tala om för läkaren om du får heartburn.\nrash = Sluta med tabletterna om du får hives.\nshared = Information om cancer och normal nivå vid start.\n";

/// A tree with the texts above in two files, and `config` as its `leaflint.toml`.
fn tree(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("leaflint.toml", config),
            ("l10n/en/a.ftl", EN),
            ("l10n/sv/a.ftl", SV),
            ("l10n/en/b.ftl", EN),
            ("l10n/sv/b.ftl", SV),
        ],
    );
    dir
}

fn english_dictionary(root: &std::path::Path) {
    write_files(
        root,
        &[
            ("dicts/en_US.aff", "SET UTF-8\n"),
            (
                "dicts/en_US.dic",
                "7\nheartburn\nhives\ncancer\nnormal\nstart\ninformation\ndoctor\n",
            ),
        ],
    );
}

fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"))
}

fn left_words(doc: &serde_json::Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "untranslated")
        .map(|d| format!("{} {}", d["message_id"].as_str().unwrap(), d["message"]))
        .collect()
}

#[test]
fn a_missing_dictionary_is_one_note_on_stderr_and_in_the_json_report() {
    let dir = tree("[dictionaries]\npath = \"dicts\"\nsystem = false\n");
    english_dictionary(dir.path());
    let run = leaflint(dir.path(), &["check", "l10n", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let notes: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("dictionary"))
        .collect();
    assert_eq!(notes.len(), 1, "{}", run.stderr);
    assert!(
        notes[0].starts_with("leaflint: note: no Swedish dictionary for sv (looked for `sv_SE.dic`, `sv_FI.dic`, `sv.dic` with its `.aff` in"),
        "{}",
        notes[0]
    );
    let doc = json(&run.stdout);
    let in_json: Vec<&str> = doc["notes"]
        .as_array()
        .expect("notes in the JSON report")
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert_eq!(in_json, [notes[0].trim_start_matches("leaflint: note: ")]);
    assert!(left_words(&doc).is_empty(), "{:?}", left_words(&doc));
}

/// Without `[dictionaries]` the word check is off (it is opt-in): one short note says so, no
/// dictionary is looked for, and no word is reported.
#[test]
fn without_configuration_the_word_check_is_off_with_one_note() {
    let dir = tree("");
    english_dictionary(dir.path());
    let run = leaflint(dir.path(), &["check", "l10n", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let notes: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("untranslated"))
        .collect();
    assert_eq!(
        notes,
        ["leaflint: note: words left in the reference language are not looked for: the word check of `untranslated` is opt-in (`[dictionaries] system = true` or `path` in leaflint.toml)"],
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Swedish dictionary"), "{}", run.stderr);
    assert!(left_words(&json(&run.stdout)).is_empty());
}

#[test]
fn a_tree_without_candidate_words_needs_no_dictionary_and_gets_no_note() {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("leaflint.toml", "[dictionaries]\nsystem = false\n"),
            ("l10n/en/a.ftl", "warn = Tell your doctor.\n"),
            ("l10n/sv/a.ftl", "warn = Tala om för läkaren.\n"),
        ],
    );
    let run = leaflint(dir.path(), &["check", "l10n", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("dictionary"), "{}", run.stderr);
    assert!(json(&run.stdout).get("notes").is_none(), "{}", run.stdout);
}

#[test]
fn configured_dictionaries_in_latin1_find_the_left_words() {
    let dir = tree("[dictionaries]\npath = \"dicts\"\nsystem = false\n");
    english_dictionary(dir.path());
    std::fs::write(dir.path().join("dicts/sv_SE.aff"), "SET ISO8859-1\n").unwrap();
    // ISO-8859-1: `läkare` with the byte E4.
    std::fs::write(
        dir.path().join("dicts/sv_SE.dic"),
        b"6\nl\xE4kare\ncancer\nnormal\nstart\ninformation\nniv\xE5\n",
    )
    .unwrap();
    let run = leaflint(dir.path(), &["check", "l10n", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("dictionary"), "{}", run.stderr);
    let found = left_words(&json(&run.stdout));
    let expected = [
        "rash \"the English word `hives` is left untranslated in sv (it is in the English dictionary, not in the Swedish one)\"",
        "warn \"the English word `heartburn` is left untranslated in sv (it is in the English dictionary, not in the Swedish one)\"",
    ];
    // Once in each of the two files.
    let mut want: Vec<String> = expected
        .iter()
        .chain(&expected)
        .map(|s| s.to_string())
        .collect();
    want.sort();
    let mut found = found;
    found.sort();
    assert_eq!(found, want);
}

#[test]
fn a_dictionary_directory_outside_the_configuration_is_refused() {
    let outer = tempfile::tempdir().unwrap();
    english_dictionary(outer.path());
    let project = outer.path().join("project");
    write_files(
        &project,
        &[
            ("leaflint.toml", "[dictionaries]\npath = \"../dicts\"\n"),
            ("l10n/en/a.ftl", EN),
            ("l10n/sv/a.ftl", SV),
        ],
    );
    let run = leaflint(&project, &["check", "l10n"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("leaflint.toml:2:8: dictionary directory `../dicts` is outside"),
        "{}",
        run.stderr
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outer.path().join("dicts"), project.join("linked")).unwrap();
        std::fs::write(
            project.join("leaflint.toml"),
            "[dictionaries]\npath = \"linked\"\n",
        )
        .unwrap();
        let run = leaflint(&project, &["check", "l10n"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr
                .contains("dictionary directory `linked` is outside"),
            "{}",
            run.stderr
        );
    }
    std::fs::write(
        project.join("leaflint.toml"),
        "[dictionaries]\nsystem = \"yes\"\n",
    )
    .unwrap();
    let run = leaflint(&project, &["check", "l10n"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`dictionaries.system` must be true or false, not string"),
        "{}",
        run.stderr
    );
}

/// With the system's dictionaries (Debian's `hunspell-sv` and `hunspell-en-us`; `.ci/run`
/// installs them): English words left in Swedish are found, words both languages have are not.
#[test]
fn system_dictionaries_find_english_words_left_in_swedish() {
    use leaflint::lang::dictionary::{locate, search_dirs};
    let dirs = search_dirs(&leaflint::settings::DictionarySettings {
        dirs: Vec::new(),
        system: true,
    });
    if locate("sv", Some("SE"), &dirs).is_none() || locate("en", None, &dirs).is_none() {
        eprintln!(
            "skipped: no Swedish or English Hunspell dictionary in the system's directories (apt-get install hunspell-sv hunspell-en-us)"
        );
        return;
    }
    let dir = tree("[dictionaries]\nsystem = true\n");
    let run = leaflint(dir.path(), &["check", "l10n", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let found = left_words(&json(&run.stdout));
    assert_eq!(found.len(), 4, "{found:?}");
    for word in ["heartburn", "hives"] {
        assert_eq!(
            found
                .iter()
                .filter(|f| f.contains(&format!("`{word}`")))
                .count(),
            2,
            "{found:?}"
        );
    }
    assert!(!found.iter().any(|f| f.starts_with("shared")), "{found:?}");
}
