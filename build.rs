//! Derives from OpenCC's character tables (through the `ferrous-opencc` crate) the two sets the
//! `chinese-script` rule looks characters up in, as bitsets over U+3400..U+2FFFF:
//!
//! - Traditional only: characters that OpenCC's Traditional-to-Simplified conversion changes
//!   when they stand alone (`藥` → `药`, `醫` → `医`);
//! - Simplified only: characters that each of OpenCC's Simplified-to-Traditional conversions
//!   (generic, Taiwan, Hong Kong) changes when they stand alone (`药` → `藥`; `台` stays, since
//!   Taiwan writes it).
//!
//! A character of both scripts (`的`, `了`, `人`) is in neither set. Context is left to the rule,
//! which converts the string around a candidate with OpenCC's phrase tables before it reports
//! (`乾` alone becomes `干`, in `乾隆` it stays).

use std::fmt::Write as _;
use std::path::PathBuf;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

const FIRST: u32 = 0x3400;
const END: u32 = 0x30000;

/// The characters of the range, one per line, and the bitset of those `changed` picks out.
fn bitset(convert: &[&OpenCC]) -> Vec<u64> {
    let chars: Vec<char> = (FIRST..END).filter_map(char::from_u32).collect();
    let mut text = String::with_capacity(chars.len() * 5);
    for c in &chars {
        text.push(*c);
        text.push('\n');
    }
    let mut bits = vec![!0u64; ((END - FIRST) as usize).div_ceil(64)];
    for cc in convert {
        let converted = cc.convert(&text);
        let lines: Vec<&str> = converted.split('\n').collect();
        assert_eq!(
            lines.len(),
            chars.len() + 1,
            "OpenCC kept one character per line"
        );
        let mut these = vec![0u64; bits.len()];
        for (c, line) in chars.iter().zip(&lines) {
            let mut buf = [0u8; 4];
            if *line != c.encode_utf8(&mut buf) {
                let i = (*c as u32 - FIRST) as usize;
                these[i / 64] |= 1 << (i % 64);
            }
        }
        for (b, t) in bits.iter_mut().zip(these) {
            *b &= t;
        }
    }
    bits
}

fn write(out: &mut String, name: &str, doc: &str, bits: &[u64]) {
    let n: u32 = bits.iter().map(|b| b.count_ones()).sum();
    let _ = writeln!(out, "/// {doc} ({n} characters).");
    let _ = writeln!(out, "pub static {name}: [u64; {}] = [", bits.len());
    for chunk in bits.chunks(8) {
        out.push_str("   ");
        for b in chunk {
            let _ = write!(out, " {b:#x},");
        }
        out.push('\n');
    }
    out.push_str("];\n");
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let load = |c: BuiltinConfig| OpenCC::from_config(c).expect("OpenCC's built-in configuration");
    let t2s = load(BuiltinConfig::T2s);
    let (s2t, s2tw, s2hk) = (
        load(BuiltinConfig::S2t),
        load(BuiltinConfig::S2tw),
        load(BuiltinConfig::S2hk),
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// First code point of the bitsets.\npub const FIRST: u32 = {FIRST:#x};"
    );
    let _ = writeln!(
        out,
        "/// End (exclusive) of the bitsets.\npub const END: u32 = {END:#x};"
    );
    write(
        &mut out,
        "TRADITIONAL_ONLY",
        "Characters OpenCC converts from Traditional to Simplified when they stand alone",
        &bitset(&[&t2s]),
    );
    write(
        &mut out,
        "SIMPLIFIED_ONLY",
        "Characters every OpenCC Simplified-to-Traditional conversion changes when they stand alone",
        &bitset(&[&s2t, &s2tw, &s2hk]),
    );
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("chinese_sets.rs");
    std::fs::write(dest, out).expect("write chinese_sets.rs");
}
