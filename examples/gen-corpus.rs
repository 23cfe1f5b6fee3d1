//! Writes a synthetic leaflet corpus for benchmarks and stress tests:
//!
//! ```text
//! cargo run --release --example gen-corpus -- --messages 20000 --locales en,sv,zh OUT/
//! cargo run --release --example gen-corpus -- --size-mb 100 OUT/
//! cargo run --release --example gen-corpus -- --size-mb 10 --termbase 1000 OUT/
//! ```
//!
//! `--termbase N` also writes a termbase of N concepts (`OUT/terms.csv`: the leaflet's own
//! words, that the messages use, and made-up ones to fill it) and an `OUT/leaflint.toml` naming
//! it, so that `term-mismatch` looks every message up in a termbase of realistic size.
//!
//! Each locale gets the same files and message ids (the first locale is the reference). Messages
//! carry doses with units, ranges, limits, dates, ordinals, variables, plural selects, attributes
//! and term references; about one message in 200 carries a defect (wrong number, Chinese text in a
//! European string, a missing message, a typo'd variable, a Cyrillic homoglyph, …), so every rule
//! has work to do. The output is deterministic for a given `--seed`.

use std::fmt::Write as _;
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One message template per language: en, sv, zh. `{N}`, `{M}`, `{D}` are filled with numbers.
const TEMPLATES: &[[&str; 3]] = &[
    [
        "Take {N} mg once a day with water.",
        "Ta {N} mg en gång om dagen med vatten.",
        "每日一次，每次{N} mg，用水送服。",
    ],
    [
        "Most patients improve within the first {N} weeks.",
        "De flesta patienter blir bättre inom de första {N} veckorna.",
        "大多数患者在最初{N}周内有所改善。",
    ],
    [
        "The effect peaks {N} to {M} hours after a dose.",
        "Effekten är som störst {N} till {M} timmar efter en dos.",
        "服药后{N}至{M}小时效果最强。",
    ],
    [
        "Do not take more than {N} mg in {M} days.",
        "Ta inte mer än {N} mg på {M} dagar.",
        "{M}天内服用不要超过{N} mg。",
    ],
    [
        "Store below {N} °C in the original package.",
        "Förvaras vid högst {N} °C i originalförpackningen.",
        "请在{N} °C以下保存于原包装中。",
    ],
    [
        "Patients aged {N} and older take a lower dose.",
        "Patienter som är {N} år eller äldre tar en lägre dos.",
        "{N}岁及以上的患者服用较低剂量。",
    ],
    [
        "The IC50 for JAK1 is {D} nM.",
        "IC50 för JAK1 är {D} nM.",
        "JAK1的IC50为{D} nM。",
    ],
    [
        "Ask your doctor before you start { -drug } or any other medicine.",
        "Fråga din läkare innan du börjar med { -drug } eller något annat läkemedel.",
        "在开始使用{ -drug }或任何其他药物之前，请咨询您的医生。",
    ],
    [
        "Hello { $name }, your next check-up is on { $date }.",
        "Hej { $name }, ditt nästa besök är den { $date }.",
        "{ $name }，您好，您的下次复查日期是{ $date }。",
    ],
    [
        "Wash your hands often and keep your kitchen clean.",
        "Tvätta händerna ofta och håll köket rent.",
        "请经常洗手并保持厨房清洁。",
    ],
];

const PLURAL: [&str; 3] = [
    "{ $count ->\n        [one] You have { $count } tablet left.\n       *[other] You have { $count } tablets left.\n    }",
    "{ $count ->\n        [one] Du har { $count } tablett kvar.\n       *[other] Du har { $count } tabletter kvar.\n    }",
    "{ $count ->\n       *[other] 您还剩{ $count }片药。\n    }",
];

const ATTR: [&str; 3] = [
    "Package leaflet: information for the patient\n    .title = Read all of this leaflet carefully",
    "Bipacksedel: information till patienten\n    .title = Läs noga igenom denna bipacksedel",
    "说明书：患者须知\n    .title = 请仔细阅读本说明书",
];

/// Concepts the messages use (en, sv, zh; empty: no term in that language), for `--termbase`.
const CONCEPTS: &[[&str; 3]] = &[
    ["tablet", "tablett", "片"],
    ["dose", "dos", ""],
    ["patient", "patient", "患者"],
    ["doctor", "läkare", "医生"],
    ["medicine", "läkemedel", "药物"],
    ["package leaflet", "bipacksedel", "说明书"],
    ["original package", "originalförpackning", "原包装"],
    ["water", "vatten", ""],
    ["check-up", "besök", "复查"],
    ["hands", "händer", "手"],
];

/// A termbase of `n` concepts in CSV: [`CONCEPTS`], then made-up terms no message has.
fn termbase(n: usize, locales: &[String]) -> String {
    let mut out = format!("{}\n", locales.join(","));
    for k in 0..n {
        let row: Vec<String> = locales
            .iter()
            .map(|tag| {
                let lang = lang_index(tag);
                match CONCEPTS.get(k) {
                    Some(c) => c[lang].to_string(),
                    None => match lang {
                        1 => format!("termord{k}"),
                        2 => format!("术语{k}"),
                        _ => format!("termword{k}"),
                    },
                }
            })
            .collect();
        let _ = writeln!(out, "{}", row.join(","));
    }
    out
}

const BRANDS: [&str; 3] = [
    "-brand = Olumiant\n-drug = baricitinib\n",
    "-brand = Olumiant\n-drug = baricitinib\n",
    "-brand = Olumiant\n-drug = 巴瑞替尼\n",
];

fn lang_index(tag: &str) -> usize {
    match tag.split(['-', '_']).next().unwrap_or("") {
        "sv" => 1,
        "zh" => 2,
        _ => 0,
    }
}

fn fill(template: &str, n: u32, m: u32, d: &str) -> String {
    template
        .replace("{N}", &n.to_string())
        .replace("{M}", &m.to_string())
        .replace("{D}", d)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut messages = 10_000usize;
    let mut size_mb: Option<f64> = None;
    let mut locales = vec!["en".to_string(), "sv".to_string(), "zh".to_string()];
    let mut per_file = 400usize;
    let mut seed = 0x5eed_u64;
    let mut concepts = 0usize;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--messages" => messages = args.next().ok_or("--messages N")?.parse()?,
            "--size-mb" => size_mb = Some(args.next().ok_or("--size-mb N")?.parse()?),
            "--locales" => {
                locales = args
                    .next()
                    .ok_or("--locales en,sv,zh")?
                    .split(',')
                    .map(str::to_string)
                    .collect()
            }
            "--per-file" => per_file = args.next().ok_or("--per-file N")?.parse()?,
            "--seed" => seed = args.next().ok_or("--seed N")?.parse()?,
            "--termbase" => concepts = args.next().ok_or("--termbase N")?.parse()?,
            "-h" | "--help" => {
                println!("gen-corpus [--messages N | --size-mb MB] [--locales en,sv,zh] [--per-file N] [--seed N] [--termbase N] OUT/");
                return Ok(());
            }
            other => out = Some(PathBuf::from(other)),
        }
    }
    let out = out.ok_or("missing OUT directory")?;
    if let Some(mb) = size_mb {
        // About 67 bytes per message per locale on average.
        messages = ((mb * 1_000_000.0) / (67.0 * locales.len() as f64)) as usize;
    }
    let files = messages.div_ceil(per_file).max(1);
    std::fs::create_dir_all(&out)?;
    if concepts > 0 {
        std::fs::write(out.join("terms.csv"), termbase(concepts, &locales))?;
        std::fs::write(
            out.join("leaflint.toml"),
            format!(
                "reference = \"{}\"\ntermbase = [\"terms.csv\"]\n",
                locales[0]
            ),
        )?;
    }
    let mut total = 0usize;
    for (li, tag) in locales.iter().enumerate() {
        let lang = lang_index(tag);
        let dir = out.join(tag);
        std::fs::create_dir_all(dir.join("leaflet"))?;
        std::fs::write(dir.join("brands.ftl"), BRANDS[lang])?;
        // The same seed for every locale, so numbers agree; defects draw from a second stream.
        let mut rng = Rng(seed);
        let mut defects = Rng(seed ^ (li as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut written = 0usize;
        for f in 0..files {
            let mut text = String::with_capacity(per_file * 120);
            let _ = writeln!(text, "## Section {f}\n");
            for i in 0..per_file {
                let k = f * per_file + i;
                if k >= messages {
                    break;
                }
                let kind = rng.below(TEMPLATES.len() + 2);
                let n = 1 + rng.below(90) as u32;
                let m = n + 1 + rng.below(20) as u32;
                let d = format!("{}.{}", 1 + rng.below(60), rng.below(10));
                let defect = li > 0 && defects.below(200) == 0;
                let defect_kind = defects.below(5);
                if defect && defect_kind == 0 {
                    continue; // missing-message
                }
                let body = if kind == TEMPLATES.len() {
                    format!("\n    {}", PLURAL[lang])
                } else if kind == TEMPLATES.len() + 1 {
                    ATTR[lang].to_string()
                } else {
                    let t = TEMPLATES[kind][lang];
                    let (n, d) = if defect && defect_kind == 1 {
                        (n + 1, d.clone()) // numeric-mismatch
                    } else {
                        (n, d)
                    };
                    let d = if lang == 1 { d.replace('.', ",") } else { d };
                    let mut s = fill(t, n, m, &d);
                    if defect && defect_kind == 2 && lang != 2 {
                        s.push_str(" 请咨询医生。"); // mixed-language
                    }
                    if defect && defect_kind == 3 {
                        s = s.replace("$name", "$nmae"); // variable-mismatch
                    }
                    if defect && defect_kind == 4 && lang == 1 {
                        s = s.replace("ö", "\u{04E7}"); // mixed-script
                    }
                    s
                };
                let sep = if body.starts_with('\n') { "" } else { " " };
                let _ = writeln!(text, "msg-{k} ={sep}{body}");
            }
            let path = dir.join("leaflet").join(format!("part-{f:05}.ftl"));
            written += text.len();
            std::fs::write(path, text)?;
        }
        total += written;
    }
    eprintln!(
        "wrote {} messages × {} locales in {} files each, {:.1} MB, to {}",
        messages,
        locales.len(),
        files + 1,
        total as f64 / 1e6,
        out.display()
    );
    Ok(())
}
