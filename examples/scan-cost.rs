//! Prints the cost of reading each distinct line of a file with a locale's table, slowest
//! first: `cargo run --release --example scan-cost -- sv lines.txt`.
use leaflint::numeric::{extract_str_uncached as extract_str, table_for};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let table = table_for(&args[0]);
    let text = std::fs::read_to_string(&args[1]).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines.dedup();
    let mut costs = Vec::new();
    let mut total = 0.0;
    for l in &lines {
        let n: usize = std::env::var("N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200);
        let s = Instant::now();
        for _ in 0..n {
            std::hint::black_box(extract_str(std::hint::black_box(l), table));
        }
        let ns = s.elapsed().as_nanos() as f64 / n as f64;
        total += ns;
        costs.push((ns, *l));
    }
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "{} lines, {:.0} ns mean, {:.1} ns/byte",
        lines.len(),
        total / lines.len() as f64,
        total / lines.iter().map(|l| l.len()).sum::<usize>() as f64
    );
    for (ns, l) in costs.iter().take(25) {
        println!("{ns:8.0} {:5.1}/B {l}", ns / l.len() as f64);
    }
}
