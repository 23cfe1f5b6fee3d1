//! Micro-benchmarks of the parts every run pays for: parsing, numeric extraction and pairing,
//! and language detection, plus all rules on an in-memory tree. Run with `cargo bench --bench micro`; the
//! end-to-end figures come from `bench/run.sh`.
//!
//! Inputs are the shipped sample leaflet (`locales/`), repeated to about 1 MB per locale so that
//! throughput figures are not dominated by per-call overhead.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use leaflint::lang::detect::{self, Lang, Signals};
use leaflint::numeric::{compare, extract_str, table_for};
use leaflint::parse::nesting_overflows;
use leaflint::project::{Project, Sources, Tree};
use leaflint::settings::Settings;

fn main() {
    divan::main();
}

const LOCALES: &[(&str, &[(&str, &str)])] = &[
    (
        "en",
        &[
            ("brands.ftl", include_str!("../locales/en/brands.ftl")),
            ("leaflet.ftl", include_str!("../locales/en/leaflet.ftl")),
            ("mechanism.ftl", include_str!("../locales/en/mechanism.ftl")),
        ],
    ),
    (
        "sv",
        &[
            ("brands.ftl", include_str!("../locales/sv/brands.ftl")),
            ("leaflet.ftl", include_str!("../locales/sv/leaflet.ftl")),
            ("mechanism.ftl", include_str!("../locales/sv/mechanism.ftl")),
        ],
    ),
    (
        "zh",
        &[
            ("brands.ftl", include_str!("../locales/zh/brands.ftl")),
            ("leaflet.ftl", include_str!("../locales/zh/leaflet.ftl")),
            ("mechanism.ftl", include_str!("../locales/zh/mechanism.ftl")),
        ],
    ),
];

/// Copies of the sample leaflet in one tree: copy `i` of `leaflet.ftl` is `leaflet-i.ftl`, so
/// every copy is a file pair of its own, as in a catalogue of many products.
fn catalogue(copies: usize) -> Tree {
    let mut files = Vec::new();
    for (tag, locale) in LOCALES {
        for i in 0..copies {
            for (rel, text) in *locale {
                let rel = rel.replace(".ftl", &format!("-{i}.ftl"));
                files.push((tag.to_string(), rel, text.as_bytes().to_vec()));
            }
        }
    }
    Tree::from_memory("en", files).expect("the sample has an en locale")
}

fn tree_bytes(sources: &Sources) -> usize {
    sources
        .locales
        .iter()
        .flatten()
        .map(|f| f.text().len())
        .sum()
}

/// One locale's sample leaflet text, repeated to about `size` bytes.
fn text(tag: &str, size: usize) -> String {
    let (_, files) = LOCALES.iter().find(|(t, _)| *t == tag).unwrap();
    let one = files[1].1;
    one.repeat(size.div_ceil(one.len()))
}

const COPIES: usize = 40;
const SIZE: usize = 1 << 20;

#[divan::bench_group]
mod parse {
    use super::*;

    /// `Project::parse`: every file of the tree (en, sv, zh), with the per-file id maps.
    #[divan::bench]
    fn project(bencher: Bencher) {
        let tree = catalogue(COPIES);
        let sources = tree.read_all();
        bencher
            .counter(BytesCount::new(tree_bytes(&sources)))
            .bench(|| Project::parse(black_box(&tree), &sources).message_count());
    }

    /// The symbol index's line scan of every file (`index::outline`).
    #[divan::bench]
    fn outline(bencher: Bencher) {
        let tree = catalogue(COPIES);
        let sources = tree.read_all();
        bencher
            .counter(BytesCount::new(tree_bytes(&sources)))
            .bench(|| {
                sources
                    .locales
                    .iter()
                    .flatten()
                    .map(|f| leaflint::index::outline(black_box(f.text())).len())
                    .sum::<usize>()
            });
    }

    /// `fluent-syntax` alone on one large file.
    #[divan::bench(args = ["en", "sv", "zh"])]
    fn fluent_syntax(bencher: Bencher, tag: &str) {
        let text = text(tag, SIZE);
        bencher.counter(BytesCount::of_str(&text)).bench(|| {
            match fluent_syntax::parser::parse(black_box(text.as_str())) {
                Ok(r) | Err((r, _)) => r.body.len(),
            }
        });
    }

    /// The nesting-depth guard that runs before the parser.
    #[divan::bench(args = ["en", "zh"])]
    fn nesting_guard(bencher: Bencher, tag: &str) {
        let text = text(tag, SIZE);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| nesting_overflows(black_box(&text)).len());
    }
}

#[divan::bench_group]
mod numeric {
    use super::*;

    /// Quantities in a leaflet's text, read with its language's table.
    #[divan::bench(args = ["en", "sv", "zh"])]
    fn extract(bencher: Bencher, tag: &str) {
        let text = text(tag, SIZE);
        let table = table_for(tag);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| extract_str(black_box(&text), table).len());
    }

    /// `1, 2, …, n` and the same numbers in a fixed shuffled order with `n / 2` changed to
    /// `n + 1` (what `bench/pairing.sh` runs end to end).
    fn shuffled(n: usize) -> (String, String) {
        let mut order: Vec<usize> = (1..=n).collect();
        let mut s: u64 = 12345;
        for i in (1..n).rev() {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let join = |it: &mut dyn Iterator<Item = usize>| {
            it.map(|k| k.to_string()).collect::<Vec<_>>().join(", ")
        };
        let reference = join(&mut (1..=n));
        let translation = join(&mut order.iter().map(|&k| if k == n / 2 { n + 1 } else { k }));
        (reference, translation)
    }

    /// Pairing the quantities of a reference text with a translation's (`compare`), on `n`
    /// shuffled numbers: the quantities are read once, outside the measurement.
    #[divan::bench(args = [4_000, 8_000, 16_000, 100_000], sample_count = 20)]
    fn pairing(bencher: Bencher, n: usize) {
        let (en, sv) = shuffled(n);
        let r = extract_str(&en, table_for("en"));
        let t = extract_str(&sv, table_for("sv"));
        assert_eq!(compare(&r, &t).len(), 1);
        bencher.bench(|| compare(black_box(&r), black_box(&t)).len());
    }
}

#[divan::bench_group]
mod language {
    use super::*;

    /// The cheap signals (function words, Swedish letters) over every word of a leaflet.
    #[divan::bench(args = ["en", "sv"])]
    fn signals(bencher: Bencher, tag: &str) {
        let text = text(tag, SIZE);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| Signals::of(black_box(&text).split_whitespace()).likely());
    }

    /// The statistical model on one sentence, once it is loaded.
    #[divan::bench(args = [
        "Take one tablet once a day with or without food.",
        "Ta en tablett en gång om dagen med eller utan mat.",
    ])]
    fn model_sentence(bencher: Bencher, sentence: &str) {
        detect::confidence("warm up the model", Lang::English);
        bencher
            .counter(BytesCount::of_str(sentence))
            .bench(|| detect::confidence(black_box(sentence), Lang::Swedish));
    }
}

/// Every rule over the in-memory catalogue (parse included, reading from disk excluded; the
/// symbol index is built before, with the tree).
#[divan::bench(sample_count = 10)]
fn all_rules(bencher: Bencher) {
    let tree = catalogue(COPIES);
    let settings = Settings::default();
    bencher
        .counter(BytesCount::new(tree_bytes(&tree.read_all())))
        .bench(|| {
            leaflint::check::check_tree(black_box(&tree), &settings)
                .findings
                .len()
        });
}
