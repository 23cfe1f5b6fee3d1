//! Prints the quantities leaflint reads in a text, one per line, for a locale's table:
//! `cargo run --example quantities -- zh '每天两次'`.

use leaflint::numeric::{extract_str, table_for};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(locale), Some(text)) = (args.first(), args.get(1)) else {
        eprintln!("usage: quantities <locale> <text>");
        std::process::exit(2);
    };
    for q in extract_str(text, table_for(locale)) {
        println!(
            "{:?} {} value={} end={:?} unit={:?} cmp={:?} count={} weak={} spelled={} vague={} after_word={} bare={}",
            q.text,
            q.kind.name(),
            q.value,
            q.end.map(|e| e.to_string()),
            q.unit.map(|u| u.name()),
            q.cmp.map(|c| c.symbol()),
            q.count,
            q.weak,
            q.spelled,
            q.vague,
            q.after_word,
            q.bare
        );
    }
}
