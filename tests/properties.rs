//! Property tests over generated bundles (proptest):
//! - a translation identical to its reference produces no consistency finding;
//! - reordering the messages of a file changes no finding except positions;
//! - adding an unrelated message never removes a finding.

use std::collections::BTreeMap;
use std::path::Path;

use leaflint::check::check_path;
use proptest::prelude::*;

/// Rules about a language or the text itself, not about consistency with the reference: an
/// identical translation is supposed to trip `untranslated` and, for zh, `mixed-language`, and
/// generated words may stand twice in a row (`take take`) in the reference as in the copy; a
/// badly written dose (`dose-notation`) is one in every locale that writes it.
const LANGUAGE_RULES: &[&str] = &[
    "untranslated",
    "mixed-language",
    "mixed-script",
    "doubled-word",
    "dose-notation",
];

/// One generated message: id, value, optional attribute.
#[derive(Debug, Clone)]
struct Msg {
    id: String,
    value: String,
    attr: Option<String>,
}

fn value() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "take",
        "dose",
        "tablet",
        "doctor",
        "blood",
        "test",
        "week",
        "infection",
        "once",
        "daily",
    ]);
    let piece = prop_oneof![
        word.prop_map(str::to_string),
        (1u32..500).prop_map(|n| format!("{n} mg")),
        (1u32..30, 31u32..60).prop_map(|(a, b)| format!("{a} to {b} hours")),
        Just("{ $count }".to_string()),
        Just("{ $name }".to_string()),
        Just("{ -brand }".to_string()),
        Just(
            "{ $count ->\n        [one] one tablet\n       *[other] { $count } tablets\n    }"
                .to_string()
        ),
    ];
    prop::collection::vec(piece, 1..6).prop_map(|v| v.join(" "))
}

fn messages() -> impl Strategy<Value = Vec<Msg>> {
    prop::collection::vec((value(), prop::option::of(value())), 1..12).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (value, attr))| Msg {
                id: format!("msg-{i}"),
                value,
                attr,
            })
            .collect()
    })
}

fn render(msgs: &[Msg]) -> String {
    let mut s = String::from("-brand = Olumiant\n");
    for m in msgs {
        s += &format!("{} = {}\n", m.id, m.value);
        if let Some(a) = &m.attr {
            s += &format!("    .title = {a}\n");
        }
    }
    s
}

fn write_tree(dir: &Path, en: &str, sv: &str) {
    for (tag, text) in [("en", en), ("sv", sv)] {
        std::fs::create_dir_all(dir.join(tag)).unwrap();
        std::fs::write(dir.join(tag).join("leaflet.ftl"), text).unwrap();
    }
}

/// Findings without positions: (rule, locale, message id, message) → count.
fn findings(dir: &Path) -> BTreeMap<(String, String, String, String), usize> {
    let mut out = BTreeMap::new();
    for f in check_path(dir).unwrap().findings {
        if LANGUAGE_RULES.contains(&f.rule) {
            continue;
        }
        let key = (
            f.rule.to_string(),
            f.locale,
            f.message_id.unwrap_or_default(),
            f.message,
        );
        *out.entry(key).or_default() += 1;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn identical_translation_is_consistent(msgs in messages()) {
        let dir = tempfile::tempdir().unwrap();
        let text = render(&msgs);
        write_tree(dir.path(), &text, &text);
        let found = findings(dir.path());
        prop_assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn reordering_changes_only_positions(
        en in messages(),
        sv in messages(),
        seed in any::<u64>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        write_tree(dir.path(), &render(&en), &render(&sv));
        let before = findings(dir.path());
        let mut shuffled = sv.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        write_tree(dir.path(), &render(&en), &render(&shuffled));
        let after = findings(dir.path());
        prop_assert_eq!(before, after);
    }

    #[test]
    fn an_unrelated_message_removes_no_finding(
        en in messages(),
        sv in messages(),
        extra in value(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        write_tree(dir.path(), &render(&en), &render(&sv));
        let before = findings(dir.path());
        let mut more = sv.clone();
        more.push(Msg { id: "unrelated-extra".into(), value: extra, attr: None });
        write_tree(dir.path(), &render(&en), &render(&more));
        let after = findings(dir.path());
        for (k, n) in &before {
            prop_assert!(after.get(k).is_some_and(|m| m >= n), "lost {k:?}");
        }
    }
}
