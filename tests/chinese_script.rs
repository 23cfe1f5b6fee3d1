//! `chinese-script` on its fixture, finding by finding: Traditional characters in a Simplified
//! string and the reverse, each at its exact place with OpenCC's conversion in context, kana and
//! Hangul in Chinese — and silence on what both standards write, on `乾隆`, on `台` in Taiwan, on
//! the middle dot of a foreign name; `--fix` writes the conversion.

use std::path::Path;

use leaflint::check::check_path;

/// (locale, message id, line, column, end column, message, replacement of the fix).
type Found = (String, String, usize, usize, usize, String, Option<String>);

fn found(root: &Path) -> Vec<Found> {
    let mut out: Vec<Found> = check_path(root)
        .unwrap()
        .findings
        .into_iter()
        .filter(|f| f.rule == "chinese-script")
        .map(|f| {
            (
                f.locale,
                f.message_id.unwrap_or_default(),
                f.line,
                f.column,
                f.end_column,
                f.message,
                f.fix.map(|x| {
                    x.edits
                        .iter()
                        .map(|e| e.replacement.as_str())
                        .collect::<String>()
                }),
            )
        })
        .collect();
    out.sort();
    out
}

fn f(
    locale: &str,
    id: &str,
    (line, column, end): (usize, usize, usize),
    message: &str,
    fix: Option<&str>,
) -> Found {
    (
        locale.into(),
        id.into(),
        line,
        column,
        end,
        message.into(),
        fix.map(str::to_string),
    )
}

fn trad(found: &str, fixed: &str) -> String {
    format!(
        "`{found}` is written in Traditional characters in zh, which writes Simplified: `{fixed}`"
    )
}

#[test]
fn the_fixture_fires_exactly_these_findings() {
    let got = found(Path::new("fixtures/chinese-script"));
    let mut want =
        vec![
        f("zh", "fever", (4, 13, 15), &trad("發燒", "发烧"), Some("发烧")),
        f("zh", "fever", (4, 30, 31), &trad("頭", "头"), Some("头")),
        f("zh", "medicine", (7, 15, 17), &trad("藥劑", "药剂"), Some("药剂")),
        f("zh", "dry", (10, 9, 10), &trad("乾", "干"), Some("干")),
        f(
            "zh",
            "japanese",
            (16, 19, 23),
            "Japanese kana `のように` in a Chinese (zh) string",
            None,
        ),
        f(
            "zh",
            "please",
            (18, 18, 22),
            "Japanese kana `ください` in a Chinese (zh) string",
            None,
        ),
        f(
            "zh",
            "korean",
            (21, 17, 19),
            "Korean Hangul `약사` in a Chinese (zh) string",
            None,
        ),
        f(
            "zh-TW",
            "fever",
            (3, 13, 15),
            "`发烧` is written in Simplified characters in zh-TW, which writes Traditional: `發燒`",
            Some("發燒"),
        ),
    ];
    want.sort();
    assert_eq!(got, want);
}

/// Every variant and every attribute is read; placeables are not.
#[test]
fn variants_and_attributes_are_read_placeables_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "en",
            "count = { $form ->\n    [tablet] { $n } tablet left.\n   *[other] { $n } tablets left.\n}\n    .title = Tablets left\n-brand = Brand\nbrand = { -brand } tablets\n",
        ),
        (
            "zh",
            "count = { $form ->\n    [tablet] 还剩 { $n } 片藥。\n   *[other] 还剩 { $n } 片药。\n}\n    .title = 剩余藥片\n-brand = 樂\nbrand = { -brand } 药片\n",
        ),
    ];
    for (l, text) in files {
        std::fs::create_dir_all(dir.path().join(l)).unwrap();
        std::fs::write(dir.path().join(l).join("leaflet.ftl"), text).unwrap();
    }
    let got = found(dir.path());
    let mut want = vec![
        f("zh", "count", (2, 25, 26), &trad("藥", "药"), Some("药")),
        f("zh", "count", (5, 16, 17), &trad("藥", "药"), Some("药")),
        // The term's own value is a string of the file too.
        f("zh", "-brand", (6, 10, 11), &trad("樂", "乐"), Some("乐")),
    ];
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn fixing_writes_the_conversion_and_leaves_only_kana_and_hangul() {
    let dir = tempfile::tempdir().unwrap();
    for l in ["en", "zh", "zh-TW"] {
        std::fs::create_dir_all(dir.path().join(l)).unwrap();
        std::fs::copy(
            Path::new("fixtures/chinese-script")
                .join(l)
                .join("leaflet.ftl"),
            dir.path().join(l).join("leaflet.ftl"),
        )
        .unwrap();
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leaflint"))
        .args(["check", "--isolated", "--fix", "--color", "never"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    let zh = std::fs::read_to_string(dir.path().join("zh/leaflet.ftl")).unwrap();
    assert!(
        zh.contains("fever = 如果出现发烧或头痛，请停止服药并咨询医生，头部不适也应就医。"),
        "{zh}"
    );
    assert!(zh.contains("dry = 请在干燥处保存。"), "{zh}");
    // 乾隆 is a name, in both standards.
    assert!(zh.contains("而不是乾隆这样的皇帝"), "{zh}");
    let left: Vec<String> = found(dir.path()).into_iter().map(|f| f.1).collect();
    assert_eq!(left, ["japanese", "korean", "please"]);
}
