use super::tables::{Phrases, DIGITS, EN, SV, SYMBOL_CMPS, SYMBOL_UNITS, ZH};
use super::*;

/// (text, kind) of each quantity.
fn read(text: &str, table: &Table) -> Vec<(String, Kind)> {
    extract_str(text, table)
        .into_iter()
        .map(|q| (q.text.to_string(), q.kind))
        .collect()
}

fn one(text: &str, table: &Table) -> Quantity<'static> {
    let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
    let mut qs: Vec<_> = extract_str(leaked, table)
        .into_iter()
        .filter(|q| !q.weak)
        .collect();
    assert_eq!(qs.len(), 1, "{text}: {qs:?}");
    qs.remove(0)
}

/// The decimal written `s` (`5.9`, `1000`), for comparing values.
fn d(s: &str) -> Decimal {
    let frac = s.find('.').map_or(0, |p| s.len() - p - 1);
    Decimal::from_ascii(&s.replace('.', ""), frac)
}

fn agree(a: &str, ta: &Table, b: &str, tb: &Table) -> bool {
    let qa = extract_str(a, ta);
    let qb = extract_str(b, tb);
    compare(&qa, &qb).is_empty()
}

#[test]
fn separators_by_locale() {
    assert_eq!(one("5.9 nM", &EN).value, d("5.9"));
    assert_eq!(one("5,9 nM", &SV).value, d("5.9"));
    assert_eq!(one("371,42", &SV).value, d("371.42"));
    assert_eq!(one("1,000 people", &EN).value, d("1000"));
    assert_eq!(one("1 000 personer", &SV).value, d("1000"));
    assert_eq!(one("1\u{a0}000 personer", &SV).value, d("1000"));
    assert_eq!(one("1\u{202f}000 people", &EN).value, d("1000"));
    assert_eq!(one("１２周", &ZH).value, d("12"));
    // A lone separator before three digits keeps both readings.
    assert!(agree("1,000", &EN, "1 000", &SV));
}

#[test]
fn chinese_numerals() {
    let v = |s: &str| one(s, &ZH).value;
    assert_eq!(v("十二周"), d("12"));
    assert_eq!(v("两周"), d("2"));
    assert_eq!(v("三千五百毫克"), d("3500"));
    assert_eq!(v("一百倍"), d("100"));
    assert_eq!(v("1万"), d("10000"));
    assert_eq!(v("一亿年"), d("100000000"));
    let p = one("百分之五", &ZH);
    assert_eq!((p.value, p.unit), (d("5"), Some(Unit::Percent)));
}

#[test]
fn units_ranges_and_limits() {
    let q = one("16 to 24 hours", &EN);
    assert_eq!(
        (q.value, q.end, q.unit),
        (d("16"), Some(d("24")), Some(Unit::Hour))
    );
    let q = one("16至24天", &ZH);
    assert_eq!(
        (q.value, q.end, q.unit),
        (d("16"), Some(d("24")), Some(Unit::Day))
    );
    let q = one("mellan 1 och 2 timmar", &SV);
    assert_eq!(
        (q.value, q.end, q.unit),
        (d("1"), Some(d("2")), Some(Unit::Hour))
    );
    let q = one("> 400 nM", &EN);
    assert_eq!(
        (q.cmp, q.symbolic, q.text),
        (Some(Cmp::Gt), true, "> 400 nM")
    );
    let q = one("ESSDAI ≥ 5", &EN);
    assert_eq!((q.cmp, q.value), (Some(Cmp::Ge), d("5")));
    assert_eq!(one("10-fold", &EN).unit, Some(Unit::Times));
    assert_eq!(one("2x", &EN).unit, Some(Unit::Times));
    assert_eq!(one("75岁及以上", &ZH).unit, Some(Unit::AgeYear));
}

#[test]
fn dates_are_one_quantity() {
    let d = Date {
        year: Some(2018),
        month: Some(3),
        day: Some(22),
    };
    for (text, table) in [
        ("22 March 2018", &EN),
        ("March 22, 2018", &EN),
        ("22 mars 2018", &SV),
        ("2018年3月22日", &ZH),
        ("2018-03-22", &EN),
    ] {
        let q = one(text, table);
        assert_eq!((q.kind, q.date), (Kind::Date, Some(d)), "{text}");
    }
}

#[test]
fn frequencies() {
    for (text, table) in [
        ("every 3 months", &EN),
        ("var tredje månad", &SV),
        ("每3个月", &ZH),
    ] {
        let q = one(text, table);
        assert_eq!(
            (q.kind, q.value, q.unit),
            (Kind::Frequency, d("3"), Some(Unit::Month)),
            "{text}"
        );
    }
    assert!(agree("every 3 months", &EN, "var tredje månad", &SV));
    assert!(!agree("every 3 months", &EN, "3个月", &ZH));
}

#[test]
fn identifiers_are_verbatim_tokens() {
    let kinds = |s: &str| -> Vec<(String, Kind)> { read(s, &EN) };
    assert_eq!(
        kinds("JAK1, IC50, IL-6, C16H17N7O2S, 56.0.1, HOLIDAY20"),
        ["JAK1", "IC50", "IL-6", "C16H17N7O2S", "56.0.1", "HOLIDAY20"]
            .map(|s| (s.to_string(), Kind::Identifier))
    );
    // Markup attributes and character references are not text.
    assert!(read(
        "<a href=\"https://x.org/p/13\" data-n=\"5\">go</a>&#160;",
        &EN
    )
    .is_empty());
    assert!(!agree("Firefox 56.0.1", &EN, "Firefox 56.0", &ZH));
    assert!(!agree("Windows 10/11", &EN, "Windows 10", &ZH));
}

#[test]
fn weak_forms_satisfy_but_never_fire() {
    assert!(agree("once a day", &EN, "en gång om dagen", &SV));
    assert!(agree("once a day", &EN, "每日一次", &ZH));
    assert!(agree("a week", &EN, "1周", &ZH));
    assert!(agree("an active infection", &EN, "en aktiv infektion", &SV));
    assert!(agree(
        "a drug",
        &EN,
        "一种药物，一些，一起，一直，统一",
        &ZH
    ));
    assert!(agree("2x the speed", &EN, "dubbel hastighet", &SV));
    assert!(agree("within four years", &EN, "inom fyra år", &SV));
    assert!(agree("the first 12 weeks", &EN, "前十二周", &ZH));
    // A weak form does not hide a real difference.
    assert!(!agree("12 weeks", &EN, "12 dagar", &SV));
}

#[test]
fn numbers_differ() {
    assert!(!agree("53 nM", &EN, "35 nM", &SV));
    assert!(!agree("5.9 nM", &EN, "5,9 µM", &SV));
    assert!(!agree("> 400 nM", &EN, "< 400 nM", &SV));
    assert!(!agree("10-fold", &EN, "100 gånger", &SV));
    assert!(!agree("16 to 24 hours", &EN, "16至24天", &ZH));
    assert!(agree("16 to 24 hours", &EN, "16至24小时", &ZH));
    assert!(agree("5 %", &EN, "5 %", &SV));
    assert!(agree("5%", &EN, "百分之五", &ZH));
}

#[test]
fn linear_in_text_length() {
    // A long text of digits and separators is read in one pass (this would take far too long if
    // any step were quadratic).
    let long = "1,000 ".repeat(50_000) + &"十".repeat(50_000) + &"a".repeat(100_000);
    let n = extract_str(&long, &ZH).len();
    assert!(n >= 50_000);
}

/// Every phrase the scanner looks for, in every table, with the symbols.
fn all_phrases() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = vec![" ", "a b", "分之", "x", "×"];
    out.extend(SYMBOL_UNITS.iter().map(|(p, _)| *p));
    out.extend(SYMBOL_CMPS.iter().map(|(p, _)| *p));
    for t in [&EN, &SV, &ZH, &tables::DIGITS] {
        out.extend(t.words.iter().map(|(p, _, _)| *p));
        out.extend(t.units.iter().chain(t.unit_prefixes).map(|(p, _)| *p));
        out.extend(t.cmp_before.iter().chain(t.cmp_after).map(|(p, _)| *p));
        out.extend(t.every.iter().map(|(p, _)| *p));
        out.extend(t.months.iter().map(|(p, _)| *p));
        out.extend(t.range_open.iter().flat_map(|(a, b)| [*a, *b]));
        for list in [
            t.weak_suffixes,
            t.ordinal_suffixes,
            t.ordinal_prefixes,
            t.approx_before,
            t.approx_after,
            t.range_connectors,
        ] {
            out.extend(list.iter().copied());
        }
    }
    out
}

/// Case, folding (Kelvin sign, `İ`, `Ⱥ` whose lowercase is longer), CJK, its space and
/// punctuation, every kind of space.
const MATCH_TEXTS: [&str; 5] = [
    "Take 2 MG twice DAILY, between 1 AND 2 hours; ca 5 mg/kg Every Week ≥ 3 %",
    "Ta två tabletter Högst 3 gånger per DYGN, ÅR, år och Månad\u{a0}mg\u{202f}ml\tx",
    "每日两次，每次不超过5毫克\u{3000}左右。约3周至4周以上，百分之五、第二周",
    "\u{212a}g \u{212a}G İn ǅ ß Σσς Ω\u{2126} ＞５ ％ ℃ °C µg μg nmol/l 2x 3× \u{23a}\u{2c65}",
    "abc\u{2009}def a b a\u{a0}b a\u{3000}b more\u{a0}than 9 UP\u{202f}TO 9 9 per\u{2009}cent",
];

/// A phrase matcher: where a phrase starting (or ending) at a byte offset of a text ends (starts).
type Matcher = fn(&str, usize, &str, bool) -> Option<usize>;

/// Asserts that two pairs of matchers (after a position, before a position) agree at every byte
/// offset of every test text, for every table phrase, with and without case folding.
fn assert_agree(at: (Matcher, Matcher), before: (Matcher, Matcher)) {
    let phrases = all_phrases();
    for text in MATCH_TEXTS {
        for i in 0..=text.len() + 1 {
            for &p in &phrases {
                for fold in [false, true] {
                    assert_eq!(
                        at.0(text, i, p, fold),
                        at.1(text, i, p, fold),
                        "match_at {text:?} {i} {p:?} {fold}"
                    );
                    assert_eq!(
                        before.0(text, i, p, fold),
                        before.1(text, i, p, fold),
                        "match_before {text:?} {i} {p:?} {fold}"
                    );
                }
            }
        }
    }
}

#[test]
fn quick_rejection_agrees_with_full_matching() {
    assert_agree((match_at, match_at_full), (match_before, match_before_full));
}

/// Where `phrase` ends if `s[i..]` starts with it, comparing character by character (what
/// `match_at_full` does without its byte shortcuts).
fn match_at_by_chars(s: &str, i: usize, phrase: &str, fold: bool) -> Option<usize> {
    let mut it = s.get(i..)?.char_indices();
    let mut last = ' ';
    for p in phrase.chars() {
        let (_, c) = it.next()?;
        if !chars_eq(c, p, fold) {
            return None;
        }
        last = p;
    }
    let end = it.next().map_or(s.len(), |(o, _)| i + o);
    (!(is_letter(last) && char_at(s, end).is_some_and(is_word))).then_some(end)
}

/// Where `phrase` starts if `s[..i]` ends with it, comparing character by character.
fn match_before_by_chars(s: &str, i: usize, phrase: &str, fold: bool) -> Option<usize> {
    let mut it = s.get(..i)?.char_indices().rev();
    let mut start = i;
    let mut first = ' ';
    for p in phrase.chars().rev() {
        let (o, c) = it.next()?;
        if !chars_eq(c, p, fold) {
            return None;
        }
        start = o;
        first = p;
    }
    (!(is_letter(first) && char_before(s, start).is_some_and(is_word))).then_some(start)
}

#[test]
fn byte_shortcuts_agree_with_characters() {
    assert_agree(
        (match_at_full, match_at_by_chars),
        (match_before_full, match_before_by_chars),
    );
}

/// Checks that `phrases.get(c, fold)` keeps, in table order, every phrase whose first (or last)
/// character matches `c`.
fn check_groups<T: Copy + PartialEq + std::fmt::Debug>(phrases: &Phrases<T>, last: bool) {
    let tested = (0..0x700)
        .chain(0x2000..0x2200)
        .chain(0x3000..0x3100)
        .filter_map(char::from_u32)
        .chain(MATCH_TEXTS.iter().flat_map(|t| t.chars()))
        .chain(phrases.all().iter().flat_map(|(p, _)| p.chars()));
    for c in tested {
        for fold in [false, true] {
            let may_match = |(p, _): &&(&str, T)| {
                let k = if last {
                    p.chars().next_back()
                } else {
                    p.chars().next()
                };
                k.is_some_and(|k| chars_eq(c, k, fold))
            };
            let want: Vec<_> = phrases.all().iter().filter(may_match).collect();
            let got: Vec<_> = phrases.get(c, fold).iter().filter(may_match).collect();
            assert_eq!(got, want, "{c:?} fold {fold}");
        }
    }
}

#[test]
fn phrase_groups_keep_every_phrase_that_may_match() {
    for t in [&EN, &SV, &ZH, &DIGITS] {
        let x = t.index();
        check_groups(&x.units, false);
        check_groups(&x.symbols, false);
        check_groups(&x.cmp_after, false);
        check_groups(&x.approx_after, false);
        check_groups(&x.range_connectors, false);
        check_groups(&x.months_at, false);
        check_groups(&x.symbol_cmps, true);
        check_groups(&x.cmp_before, true);
        check_groups(&x.approx_before, true);
        check_groups(&x.every, true);
        check_groups(&x.unit_prefixes, true);
        check_groups(&x.ordinal_prefixes, true);
        check_groups(&x.range_open, true);
        check_groups(&x.months_before, true);
    }
    // The groups rely on no phrase being empty.
    assert!(all_phrases().iter().all(|p| !p.is_empty()));
}

#[test]
fn latin1_and_cjk_shortcuts_agree_with_unicode() {
    for c in ('\u{80}'..='\u{ff}').chain(['\u{100}', 'ą', '\u{2126}']) {
        assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        assert_eq!(is_word(c), c.is_alphanumeric(), "{c:?}");
    }
    // `Phrases::get` does not fold U+3000–U+9FFF: nothing there has a lowercase.
    for c in '\u{3000}'..='\u{9fff}' {
        assert_eq!(lower1(c), Some(c), "{c:?}");
        assert!(is_cjk(c), "{c:?}");
        assert_eq!(is_cn_numeral(c), CN_NUMERALS.contains(&c), "{c:?}");
        // The fast path skips what starts nothing.
        for t in [&EN, &SV, &ZH, &DIGITS] {
            let starts =
                (t.chinese_numerals && is_cn_numeral(c)) || (t.spaceless && t.may_start_word(c));
            assert!(!starts || t.may_start_cjk(c), "{c:?} in {}", t.lang);
        }
    }
    assert!(CN_NUMERALS.iter().all(|&c| is_cn_numeral(c)));
    assert!(!ZH.may_start_cjk('药'));
}

#[test]
fn latin1_word_filter_keeps_every_word_in_any_case() {
    for t in [&EN, &SV, &ZH, &DIGITS] {
        for (w, _, _) in t.words.iter() {
            let capital = w.chars().next().unwrap().to_uppercase().collect::<String>()
                + &w[w.chars().next().unwrap().len_utf8()..];
            for v in [w.to_string(), w.to_uppercase(), capital] {
                assert!(t.may_be_latin1_word(v.as_bytes()), "{v} in {}", t.lang);
            }
        }
    }
    assert!(!SV.may_be_latin1_word("läkare".as_bytes()));
    assert!(!SV.may_be_latin1_word("ÄR".as_bytes()));
}

#[test]
fn plain_words_are_skipped_only_when_not_numbers() {
    // Each of these must still be read: a number word in any case, glued to digits, a URL.
    let cases = [
        ("Åtta veckor", &SV, 1),
        ("ÅTTA veckor", &SV, 1),
        ("fyra år", &SV, 1),
        ("Twelve weeks", &EN, 1),
        ("JAK1 and IL-6", &EN, 2),
        ("see https://x.org/v2 now", &EN, 1),
        ("är3", &SV, 1),
    ];
    for (text, t, n) in cases {
        assert_eq!(extract_str(text, t).len(), n, "{text}");
    }
}

#[test]
fn ascii_word_filter_keeps_every_word_in_any_case() {
    for t in [&EN, &SV, &ZH, &DIGITS] {
        for (w, _, _) in t.words.iter().filter(|(w, _, _)| w.is_ascii()) {
            let capital = w[..1].to_ascii_uppercase() + &w[1..];
            for v in [w.to_string(), w.to_ascii_uppercase(), capital] {
                assert!(t.may_be_ascii_word(v.as_bytes()), "{v} in {}", t.lang);
            }
        }
    }
    assert!(!EN.may_be_ascii_word(b"patients"));
    assert!(!SV.may_be_ascii_word(b"Patienter"));
}

// Exact values.

/// The differences between two texts, as (reference texts, translation texts).
fn diffs(a: &str, ta: &Table, b: &str, tb: &Table) -> Vec<(Vec<String>, Vec<String>)> {
    let qa = extract_str(a, ta);
    let qb = extract_str(b, tb);
    compare(&qa, &qb)
        .iter()
        .map(|d| {
            let texts = |qs: &[&Quantity<'_>]| qs.iter().map(|q| q.text.to_string()).collect();
            (texts(&d.reference), texts(&d.translation))
        })
        .collect()
}

fn pair(a: &str, b: &str) -> Vec<(Vec<String>, Vec<String>)> {
    vec![(vec![a.to_string()], vec![b.to_string()])]
}

#[test]
fn numbers_that_differ_in_the_tenth_digit_or_beyond_differ() {
    // With the old relative tolerance of 1e-9 each of these counted as the same.
    assert_eq!(
        diffs("1234567890", &EN, "1234567891", &SV),
        pair("1234567890", "1234567891")
    );
    assert_eq!(
        diffs("4294967297 bytes", &EN, "4294967296 byte", &SV),
        pair("4294967297", "4294967296")
    );
    assert_eq!(
        diffs("0.0000000005 g", &EN, "0,0000000006 g", &SV),
        pair("0.0000000005 g", "0,0000000006 g")
    );
    assert!(agree("0.0000000005 g", &EN, "0,0000000005 g", &SV));
    assert!(agree("1234567890", &EN, "1234567890", &SV));
    assert_eq!(one("0.0000000005 g", &EN).value, Decimal::new(5, -10));
    assert_eq!(one("4294967297 bytes", &EN).value, d("4294967297"));
}

#[test]
fn values_are_exact_decimals() {
    // Digits with separators, in each locale's way.
    assert_eq!(one("1,000.5 mg", &EN).value, d("1000.5"));
    assert_eq!(one("1 000,125 mg", &SV).value, d("1000.125"));
    assert_eq!(one("0,1 mg", &SV).value, d("0.1"));
    assert_ne!(one("0,1 mg", &SV).value, d("0.10000000000000001"));
    // A decimal without its leading zero is read as meant (`dose-notation` reports how).
    assert_eq!(one("take .5 mg", &EN).value, d("0.5"));
    assert_eq!(one("ta ,25 mg", &SV).value, d("0.25"));
    assert_eq!(one("take .5 mg", &EN).text, ".5 mg");
    assert!(agree("Take 0.5 mg.", &EN, "Ta ,5 mg.", &SV));
    assert_eq!(one("tablets,5 mg", &SV).value, d("5"));
    // Equal values written differently are one value (normalised: no trailing zeros).
    assert_eq!(d("5.90"), d("5.9"));
    assert_eq!(d("1000"), Decimal::new(1, 3));
    assert_eq!(format!("{}", d("0.0000000005")), "0.0000000005");
    // Number words and Chinese numerals.
    assert_eq!(one("twelve weeks", &EN).value, d("12"));
    assert_eq!(one("tolv veckor", &SV).value, d("12"));
    assert_eq!(one("十二周", &ZH).value, d("12"));
    assert_eq!(one("两周", &ZH).value, d("2"));
    assert_eq!(one("2.5 million people", &EN).value, d("2500000"));
    assert_eq!(one("0.07万人", &ZH).value, d("700"));
    assert_eq!(one("三千五百毫克", &ZH).value, d("3500"));
    // `万分之一` is a proportion "1 in 10,000"; `三分之二` is no amount, and what is left of it
    // is a weak `二`.
    let q = extract_str("万分之一", &ZH);
    assert_eq!(q.len(), 1);
    assert_eq!(
        (q[0].unit, q[0].value.clone(), q[0].weak),
        (Some(Unit::OneIn), d("10000"), false)
    );
    let q = extract_str("三分之二", &ZH);
    assert_eq!(q.len(), 1);
    assert!(q[0].weak && q[0].value == d("2"), "{q:?}");
}

#[test]
fn unit_sizes_convert_exactly() {
    assert!(agree("1000 mg", &EN, "1 g", &SV));
    assert!(agree("1 g", &EN, "1000 mg", &SV));
    assert!(agree("2,5 kg", &SV, "2500 g", &EN));
    assert!(agree("0.5 mg", &EN, "500 µg", &SV));
    // Different amounts in different units are not paired: each is reported by itself.
    let apart =
        |a: &str, b: &str| vec![(vec![a.to_string()], vec![]), (vec![], vec![b.to_string()])];
    assert_eq!(
        diffs("1 g", &EN, "1000,0001 mg", &SV),
        apart("1 g", "1000,0001 mg")
    );
    assert_eq!(
        diffs("1 g", &EN, "999,9999999999999999 mg", &SV),
        apart("1 g", "999,9999999999999999 mg")
    );
    // Durations, also by factors that are not powers of ten (an hour is 60 minutes, a week
    // 10080): `1,5 timmar` is 90 minutes exactly, 90.000000001 minutes is not.
    assert!(agree("90 minutes", &EN, "1,5 timmar", &SV));
    assert!(agree("2 weeks", &EN, "14 dagar", &SV));
    assert!(agree("12 months", &EN, "1 år", &SV));
    assert!(!agree("90.000000001 minutes", &EN, "1,5 timmar", &SV));
    // Ranges convert at both ends.
    assert!(agree("1 to 2 g", &EN, "1000 till 2000 mg", &SV));
    assert!(!agree("1 to 2 g", &EN, "1000 till 2001 mg", &SV));
    // Units that measure different things never match.
    assert!(!agree("1000 mg", &EN, "1 ml", &SV));
    assert_eq!(
        Unit::Gram.to_base(&d("1")),
        Unit::Milligram.to_base(&d("1000"))
    );
}

#[test]
fn large_and_tiny_values_are_exact() {
    // 38 digits fit inline, 39 and more go to the heap: both exact.
    let n38 = "12345678901234567890123456789012345678";
    let n39 = "123456789012345678901234567890123456789";
    for n in [n38, n39] {
        let m = format!("{}{}", &n[..n.len() - 1], "0");
        assert!(agree(&format!("{n} mg"), &EN, &format!("{n} mg"), &SV));
        assert!(
            !agree(&format!("{n} mg"), &EN, &format!("{m} mg"), &SV),
            "{n}"
        );
    }
    // Huge values times a unit's size (a week is 10080 minutes) stay exact.
    let weeks = format!("{n39} weeks");
    let days = format!("{} dagar", d(n39).mul(&Decimal::from(7u64)));
    assert!(agree(&weeks, &EN, &days, &SV));
    assert!(!agree(
        &weeks,
        &EN,
        &days.replace("3 dagar", "4 dagar"),
        &SV
    ));
    // Tiny ones.
    let tiny = format!("0.{}1 g", "0".repeat(60));
    assert_eq!(one(&tiny, &EN).value, Decimal::new(1, -61));
    assert!(agree(&tiny, &EN, &tiny.replace('.', ","), &SV));
    assert!(!agree(&tiny, &EN, &tiny.replace("1 g", "2 g"), &EN));
    assert!(agree(&tiny, &EN, &format!("0.{}1 mg", "0".repeat(57)), &EN));
}

/// Digit strings no one writes: none of them panics or overflows. What they compare as:
///
/// * a run of digits of any length (400, 10,000) is read exactly, its digits kept on the heap:
///   it equals the same digits (in any grouping or script) and nothing else, also after a unit
///   conversion;
/// * `1e999` is not a number but an identifier (letters glued to digits), compared verbatim;
/// * a Chinese numeral whose value goes beyond 38 digits (`一万一万…`) cannot be computed exactly:
///   it is `Decimal::INEXACT`, equal to nothing (itself included, as the old `inf` was), so such
///   a quantity is always reported, even against the same text.
#[test]
fn absurd_digit_strings_neither_panic_nor_overflow() {
    let n400: String = "9".repeat(400);
    let q = one(&format!("{n400} mg"), &EN);
    assert!(q.value.is_exact() && q.value.is_integer());
    assert_eq!(q.value.to_f64(), f64::INFINITY);
    assert_eq!(q.value.trunc_u32(), u32::MAX);
    assert!(agree(
        &format!("{n400} mg"),
        &EN,
        &format!("{n400} mg"),
        &SV
    ));
    let mut other = n400.clone();
    other.replace_range(399.., "8");
    assert!(!agree(
        &format!("{n400} mg"),
        &EN,
        &format!("{other} mg"),
        &SV
    ));
    // 400 digits in grams are the same 400 digits and three zeros in mg.
    assert!(agree(
        &format!("{n400} g"),
        &EN,
        &format!("{n400}000 mg"),
        &SV
    ));

    let n10k: String = "1234567890".repeat(1000);
    assert!(agree(&n10k, &EN, &n10k, &SV));
    let mut changed = n10k.clone();
    changed.replace_range(5000..5001, "0");
    assert_eq!(diffs(&n10k, &EN, &changed, &SV), pair(&n10k, &changed));
    let frac = format!("0.{n10k}");
    assert_eq!(
        one(&frac, &EN).value.to_f64(),
        "0.1234567890123456789".parse::<f64>().unwrap()
    );

    // Exponent notation is an identifier.
    for e in ["1e999", "1E999", "9e9999999999999999999"] {
        let q = one(e, &EN);
        assert_eq!((q.kind, q.text), (Kind::Identifier, e));
    }
    assert!(agree("1e999", &EN, "1e999", &SV));
    assert!(!agree("1e999", &EN, "1e998", &SV));

    // Chinese numerals beyond 38 digits.
    let cn = "一万".repeat(20) + "毫克";
    let q = one(&cn, &ZH);
    assert!(!q.value.is_exact(), "{q:?}");
    assert!(!agree(&cn, &ZH, &cn, &ZH));
    assert!(one(&("九".repeat(10_000) + "毫克"), &ZH).value.is_exact());
    // Powers of ten after digits are exact, whatever the digits.
    assert_eq!(one("1亿", &ZH).value, Decimal::pow10(8));
    let q = one(&format!("{n400}亿"), &ZH);
    assert_eq!(q.value, Decimal::from_ascii(&format!("{n400}00000000"), 0));

    // Decimal arithmetic at the edges.
    let big = Decimal::from_ascii(&n400, 0);
    assert!(!big.mul(&big).is_exact());
    assert!(big.mul(&Decimal::pow10(5)).is_exact());
    assert!(!Decimal::new(1, i64::MAX).mul_pow10(1).is_exact());
    assert!(!Decimal::new(3, i64::MIN)
        .mul(&Decimal::new(3, -1))
        .is_exact());
    assert_ne!(Decimal::INEXACT, Decimal::INEXACT);
    assert!(Decimal::INEXACT.key().is_none());
    // Products beyond a u128 mantissa go to the heap, exactly.
    assert_eq!(
        Decimal::from(u128::MAX).mul(&Decimal::from(7u64)),
        Decimal::from_ascii("2381976568446569244243622252022377480185", 0)
    );
    assert_eq!(
        Decimal::from(u128::MAX).mul(&Decimal::from(u64::MAX)),
        Decimal::from_ascii(
            "6277101735386680763495507056286727952620534092958556749825",
            0
        )
    );
}

// Pairing.

/// The pairing as it was, trying every pair (quadratic), with the exact [`compare::same`]: the
/// indexed [`compare`] must give exactly its differences, in its order.
fn compare_all_pairs<'a, 's>(r: &'a [Quantity<'s>], t: &'a [Quantity<'s>]) -> Vec<Diff<'a, 's>> {
    use compare::{same, value_match};
    fn plain(q: &Quantity<'_>) -> bool {
        q.unit.is_none() && q.end.is_none() && q.kind == Kind::Number
    }
    let mut r_used = vec![false; r.len()];
    let mut t_used = vec![false; t.len()];
    compare::placeholder_pairs(r, t, &mut r_used, &mut t_used);
    for lenient in [false, true] {
        for strong_pass in [true, false] {
            for (i, rq) in r.iter().enumerate() {
                if r_used[i] || rq.weak == strong_pass {
                    continue;
                }
                let hit = (0..t.len())
                    .filter(|&j| !t_used[j] && same(rq, &t[j], lenient))
                    .min_by_key(|&j| (t[j].weak, j));
                if let Some(j) = hit {
                    r_used[i] = true;
                    t_used[j] = true;
                }
            }
        }
    }
    fn split(a: &[Quantity<'_>], b: &[Quantity<'_>], a_used: &mut [bool], b_used: &mut [bool]) {
        for (i, q) in a.iter().enumerate() {
            let Some(end) = &q.end else { continue };
            if a_used[i] {
                continue;
            }
            let find = |v: &Decimal, skip: Option<usize>, used: &[bool]| {
                (0..b.len()).find(|&j| {
                    !used[j]
                        && Some(j) != skip
                        && b[j].end.is_none()
                        && b[j].kind != Kind::Identifier
                        && b[j].kind != Kind::Date
                        && b[j].value == *v
                        && match (q.unit, b[j].unit) {
                            (Some(x), Some(y)) => x.same(y),
                            _ => true,
                        }
                })
            };
            if let Some(lo) = find(&q.value, None, b_used) {
                if let Some(hi) = find(end, Some(lo), b_used) {
                    a_used[i] = true;
                    b_used[lo] = true;
                    b_used[hi] = true;
                }
            }
        }
    }
    split(r, t, &mut r_used, &mut t_used);
    split(t, r, &mut t_used, &mut r_used);
    compare::split_group_pairs(r, t, &mut r_used, &mut t_used);
    let mut rl: Vec<usize> = (0..r.len()).filter(|&i| !r_used[i] && !r[i].weak).collect();
    let mut tl: Vec<usize> = (0..t.len()).filter(|&j| !t_used[j] && !t[j].weak).collect();
    let mut diffs = Vec::new();
    type PairTest = dyn Fn(&Quantity<'_>, &Quantity<'_>) -> bool;
    let tests: [&PairTest; 4] = [
        &|a, b| {
            a.kind != Kind::Identifier
                && b.kind != Kind::Identifier
                && matches!((a.unit, b.unit), (Some(x), Some(y)) if x.same(y))
        },
        &|a, b| a.kind != Kind::Identifier && b.kind != Kind::Identifier && value_match(a, b),
        &|a, b| {
            (a.kind == Kind::Identifier || b.kind == Kind::Identifier) && {
                let (a, b) = (compare::core_text(a), compare::core_text(b));
                a.starts_with(b) || b.starts_with(a)
            }
        },
        &|a, b| a.kind == b.kind && ((plain(a) && plain(b)) || a.kind == Kind::Time),
    ];
    for test in tests {
        rl.retain(|&i| {
            if let Some(pos) = tl.iter().position(|&j| test(&r[i], &t[j])) {
                let j = tl.remove(pos);
                diffs.push(Diff {
                    reference: vec![&r[i]],
                    translation: vec![&t[j]],
                });
                false
            } else {
                true
            }
        });
    }
    rl.retain(|&i| !r[i].spelled && !t.iter().any(|q| same(&r[i], q, true)));
    tl.retain(|&j| !t[j].spelled && !r.iter().any(|q| same(q, &t[j], true)));
    let mut group = |idx: &[usize], qs: &'a [Quantity<'s>], missing: bool| {
        let mut done = vec![false; idx.len()];
        for a in 0..idx.len() {
            if done[a] {
                continue;
            }
            let mut same_text = vec![&qs[idx[a]]];
            for b in a + 1..idx.len() {
                if !done[b] && qs[idx[b]].text == qs[idx[a]].text {
                    done[b] = true;
                    same_text.push(&qs[idx[b]]);
                }
            }
            diffs.push(if missing {
                Diff {
                    reference: same_text,
                    translation: Vec::new(),
                }
            } else {
                Diff {
                    reference: Vec::new(),
                    translation: same_text,
                }
            });
        }
    };
    group(&rl, r, true);
    group(&tl, t, false);
    diffs
}

/// The spans of each difference, to compare two lists of them (the same quantity is the same
/// span).
fn spans(ds: &[Diff<'_, '_>]) -> Vec<[Vec<std::ops::Range<usize>>; 2]> {
    ds.iter()
        .map(|d| {
            [
                d.reference.iter().map(|q| q.span.clone()).collect(),
                d.translation.iter().map(|q| q.span.clone()).collect(),
            ]
        })
        .collect()
}

/// A small deterministic generator (a linear congruential one).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() as usize % xs.len()]
    }
}

/// A text of `n` pieces drawn from a small vocabulary of quantities in the language of `table`
/// (few distinct values, so that many quantities share a value, a unit or a text).
fn random_text(g: &mut Lcg, n: usize, table: &Table) -> String {
    let values = ["1", "2", "5", "12", "1000", "1,000", "0.5", "2018", "60"];
    let units: &[&str] = match table.lang {
        "sv" => &[
            "", "", " mg", " g", " timmar", " minuter", " dagar", " veckor", " år", " %", " gånger",
        ],
        "zh" => &[
            "", "", "毫克", "克", "小时", "分钟", "天", "周", "年", "%", "倍",
        ],
        _ => &[
            "", "", " mg", " g", " hours", " minutes", " days", " weeks", " years", " %", "-fold",
        ],
    };
    let (before, others): (&[&str], &[&str]) = match table.lang {
        "sv" => (
            &[
                "", "", "> ", "< ", "≥ ", "minst ", "högst ", "cirka ", "var ",
            ],
            &[
                "JAK1",
                "IL-6",
                "56.0.1",
                "56.0",
                "2018-03-22",
                "22 mars 2018",
                "en",
                "två",
                "fyra år",
                "1 till 2 timmar",
                "12-24",
                "mellan 5 och 12 mg",
                "tolv veckor",
                "var tredje månad",
                "dubbel",
            ],
        ),
        "zh" => (
            &["", "", "> ", "< ", "≥ ", "至少", "不超过", "约", "每"],
            &[
                "JAK1",
                "IL‑6",
                "56.0.1",
                "56",
                "2018年3月22日",
                "一",
                "两周",
                "十二周",
                "16至24小时",
                "5至12毫克",
                "每3个月",
                "双倍",
                "2018年",
            ],
        ),
        _ => (
            &[
                "",
                "",
                "> ",
                "< ",
                "≥ ",
                "at least ",
                "up to ",
                "about ",
                "every ",
            ],
            &[
                "JAK1",
                "IL-6",
                "56.0.1",
                "56.0",
                "2018-03-22",
                "22 March 2018",
                "a",
                "once",
                "twice",
                "four years",
                "1 to 2 hours",
                "12-24",
                "between 5 and 12 mg",
                "twelve weeks",
                "every 3 months",
            ],
        ),
    };
    let mut out = String::new();
    for _ in 0..n {
        if g.next() % 4 == 0 {
            out.push_str(g.pick(others));
        } else {
            out.push_str(g.pick(before));
            out.push_str(g.pick(&values));
            out.push_str(g.pick(units));
        }
        out.push_str(if table.lang == "zh" { "，" } else { ", " });
    }
    out
}

#[test]
fn indexed_pairing_gives_the_all_pairs_differences_in_the_same_order() {
    let mut g = Lcg(7);
    let mut nonempty = 0;
    for case in 0..3000 {
        let (ta, tb) = match case % 4 {
            0 => (&EN, &SV),
            1 => (&EN, &ZH),
            2 => (&SV, &EN),
            _ => (&EN, &EN),
        };
        // Mostly short texts; every tenth a long one, where more is left over at the end.
        let max = if case % 10 == 9 { 60 } else { 12 };
        let (na, nb) = (g.next() as usize % max, g.next() as usize % max);
        let a = random_text(&mut g, na, ta);
        let b = if case % 3 == 0 {
            // The same pieces, some of them changed: mostly the same quantities.
            let mut b = a.clone();
            if let Some(p) = b.find('2') {
                b.replace_range(p..p + 1, "5");
            }
            b
        } else {
            random_text(&mut g, nb, tb)
        };
        let tb = if case % 3 == 0 { ta } else { tb };
        let qa = extract_str(&a, ta);
        let qb = extract_str(&b, tb);
        let fast = compare(&qa, &qb);
        let slow = compare_all_pairs(&qa, &qb);
        assert_eq!(spans(&fast), spans(&slow), "{a:?} / {b:?}");
        nonempty += usize::from(!fast.is_empty());
    }
    // The cases exercise the pairing, not only its fast path.
    assert!(nonempty > 1500, "{nonempty}");
}

/// `1, 2, …, n` and the same numbers in a shuffled order (a fixed permutation), with the
/// number `n / 2` changed to `n + 1`.
fn shuffled_numbers(n: usize) -> (String, String) {
    let reference: Vec<String> = (1..=n).map(|k| k.to_string()).collect();
    let mut shuffled: Vec<usize> = (1..=n).collect();
    let mut g = Lcg(12345);
    for i in (1..n).rev() {
        shuffled.swap(i, g.next() as usize % (i + 1));
    }
    let translation: Vec<String> = shuffled
        .iter()
        .map(|&k| if k == n / 2 { n + 1 } else { k }.to_string())
        .collect();
    (reference.join(", "), translation.join(", "))
}

#[test]
fn four_thousand_shuffled_numbers_give_the_one_that_changed() {
    let (en, sv) = shuffled_numbers(4000);
    assert_eq!(diffs(&en, &EN, &sv, &SV), pair("2000", "4001"));
    // With units, a range and a limit among them, and one unit changed.
    let en = en
        .replacen("17,", "17 mg,", 1)
        .replacen("18,", "> 18 mg,", 1)
        + ", 5 to 9 hours";
    let sv = sv
        .replacen(" 17,", " 17 mg,", 1)
        .replacen(" 18,", " > 18 g,", 1)
        + ", 5 till 9 timmar";
    assert_eq!(
        diffs(&en, &EN, &sv, &SV),
        vec![
            (vec!["> 18 mg".to_string()], vec!["> 18 g".to_string()]),
            (vec!["2000".to_string()], vec!["4001".to_string()]),
        ]
    );
    // Shuffled, the same numbers are the same, and nothing differs.
    let (en, sv) = shuffled_numbers(4000);
    let sv = sv.replace("4001", "2000");
    assert!(diffs(&en, &EN, &sv, &SV).is_empty());
}

#[test]
fn shuffled_numbers_pair_as_with_all_pairs() {
    for n in [10, 100, 600] {
        let (en, sv) = shuffled_numbers(n);
        let (qa, qb) = (extract_str(&en, &EN), extract_str(&sv, &SV));
        assert_eq!(
            spans(&compare(&qa, &qb)),
            spans(&compare_all_pairs(&qa, &qb)),
            "{n}"
        );
    }
}

/// A piece read from the cache gives what reading it gives, at its own place: spans moved by
/// its offset, text cut from it, and the tag state carried to the next piece.
#[test]
fn a_cached_piece_is_what_reading_it_gives() {
    let texts = [
        ("Ta 2 tabletter två gånger om dagen, högst 8 mg.", &SV),
        ("每天两次，每次不要超过 2 片", &ZH),
        ("Store below 30 °C <b class=\"x 5\">for 3 months</b>", &EN),
        ("open <a href=\"x", &EN),
        ("3\">two tablets</a> twice a day", &EN),
    ];
    for (text, table) in texts {
        let fresh = extract_str_uncached(text, table);
        // Twice at two places: the second is replayed.
        for offset in [0, 1000, 1000] {
            let pieces = [Piece { text, offset }];
            let got = extract(&pieces, table);
            let want: Vec<Quantity<'_>> = fresh
                .iter()
                .map(|q| Quantity {
                    span: q.span.start + offset..q.span.end + offset,
                    ..q.clone()
                })
                .collect();
            assert_eq!(got, want, "{text} at {offset}");
        }
    }
    // A tag opened in one piece and closed in the next hides what is inside it, cached or not.
    let pieces = [
        Piece {
            text: "open <a href=\"x",
            offset: 0,
        },
        Piece {
            text: "3\">two tablets</a> twice a day",
            offset: 40,
        },
    ];
    let first: Vec<String> = extract(&pieces, &EN)
        .iter()
        .map(|q| q.text.to_string())
        .collect();
    let again: Vec<String> = extract(&pieces, &EN)
        .iter()
        .map(|q| q.text.to_string())
        .collect();
    assert_eq!(first, again);
    assert!(!first.iter().any(|t| t == "3"), "{first:?}");
    assert!(first.iter().any(|t| t.contains("two tablets")), "{first:?}");
}
