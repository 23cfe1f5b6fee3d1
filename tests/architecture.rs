//! The layers of the crate, and the one-way rule between them: a module imports only from its own
//! layer or the layers below it, and the modules of one layer never import each other in a
//! circle. This test reads every `crate::…` path (and `leaflint::…` in the binary) of every file
//! under `src/`, outside comments, and fails on an import that breaks the rule — and on a module
//! that is missing from the table, so that a new module has to be given a place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of the crate and its layer, lowest first. A module's submodules
/// (`src/rules/*.rs`, `src/lang/*.rs`, …) belong to it.
const LAYERS: &[(&str, &str)] = &[
    // ground: reading and decoding text, findings, plain settings (no TOML in them)
    ("source", "ground"),
    ("diagnostic", "ground"),
    ("settings", "ground"),
    // tree: locale trees and parsed files, the symbol index, Fluent helpers
    ("parse", "tree"),
    ("fluent", "tree"),
    ("index", "tree"),
    ("project", "tree"),
    ("directive", "tree"),
    // analysis: text in, facts out
    ("numeric", "analysis"),
    ("lang", "analysis"),
    ("terms", "analysis"),
    // rules: the registry and one rule per file
    ("rules", "rules"),
    // engine: running the rules path by path, then the stages applied to findings
    ("check", "engine"),
    ("outcome", "engine"),
    ("pipeline", "engine"),
    ("suppress", "engine"),
    ("filter", "engine"),
    ("baseline", "engine"),
    ("changed", "engine"),
    // outputs: one report format per file
    ("report", "outputs"),
    // front: configuration readers, the command line, the binary
    ("config", "front"),
    ("mozilla", "front"),
    ("outfile", "front"),
    ("cli", "front"),
    ("server", "front"),
    ("fix", "front"),
    ("main", "front"),
];

const ORDER: &[&str] = &[
    "ground", "tree", "analysis", "rules", "engine", "outputs", "front",
];

fn layer_of(module: &str) -> Option<usize> {
    let (_, layer) = LAYERS.iter().find(|(m, _)| *m == module)?;
    ORDER.iter().position(|l| l == layer)
}

/// The module a file under `src/` belongs to (`None` for `lib.rs`).
fn module_of(rel: &Path) -> Option<String> {
    let mut parts = rel.iter().map(|p| p.to_string_lossy().into_owned());
    let first = parts.next()?;
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib").then_some(name)
}

/// The code of a file without its comments: line comments (`//`, `///`, `//!`) and block
/// comments. String literals are kept as they are (a `//` inside one is not a comment).
fn strip_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
            out.push(if c.is_ascii() { c as char } else { ' ' });
            i += 1;
            continue;
        }
        if c == b'"' && (i == 0 || b[i - 1] != b'\'') {
            in_str = true;
        } else if b[i..].starts_with(b"//") {
            i = find(b, i, b"\n").unwrap_or(b.len());
            continue;
        } else if b[i..].starts_with(b"/*") {
            i = find(b, i, b"*/").map_or(b.len(), |n| n + 2);
            continue;
        }
        // Only ASCII matters for the paths; other characters are kept as spaces.
        out.push(if c.is_ascii() { c as char } else { ' ' });
        i += 1;
    }
    out
}

/// Where `needle` next occurs in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

/// The top-level modules a piece of code names through `root::` paths, including grouped
/// imports (`use crate::{a, b::c}`).
fn imports(code: &str, root: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let needle = format!("{root}::");
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut from = 0;
    while let Some(at) = code[from..].find(&needle) {
        let start = from + at;
        from = start + needle.len();
        // `foo_crate::x` is not `crate::x`.
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = code[from..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group, at brace depth 0 inside it.
            let mut depth = 0;
            let mut item_start = true;
            for (k, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && depth == 0 && (c.is_ascii_alphabetic() || c == '_') => {
                        found.insert(ident(&group[k..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// What breaks the rule in a set of files given as (module, code): upward imports, imports of
/// modules the table does not know, modules missing from the table, and circles within a layer.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    // module → modules it imports (other than itself)
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in files {
        if layer_of(module).is_none() {
            problems.push(format!(
                "module `{module}` has no layer: add it to LAYERS in tests/architecture.rs"
            ));
            continue;
        }
        let root = if module == "main" {
            "leaflint"
        } else {
            "crate"
        };
        let code = strip_comments(code);
        for target in imports(&code, root) {
            if target == *module || target == "self" || target == "super" {
                continue;
            }
            edges
                .entry(module.clone())
                .or_default()
                .insert(target.clone());
        }
    }
    for (module, targets) in &edges {
        let from = layer_of(module).expect("checked above");
        for target in targets {
            match layer_of(target) {
                None => problems.push(format!(
                    "`{module}` imports `{target}`, which is not in LAYERS"
                )),
                Some(to) if to > from => problems.push(format!(
                    "`{module}` ({}) imports `{target}` ({}): an import from a lower layer to a higher one",
                    ORDER[from], ORDER[to]
                )),
                _ => {}
            }
        }
    }
    // Circles among the modules of one layer: a depth-first search over same-layer edges.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
        problems: &mut Vec<String>,
    ) {
        state.insert(m.to_string(), 1);
        stack.push(m.to_string());
        for t in edges.get(m).into_iter().flatten() {
            if layer_of(t) != layer_of(m) {
                continue;
            }
            match state.get(t.as_str()).copied().unwrap_or(0) {
                0 => visit(t, edges, state, stack, problems),
                1 => {
                    let at = stack.iter().position(|s| s == t).unwrap_or(0);
                    let mut circle = stack[at..].to_vec();
                    circle.push(t.clone());
                    problems.push(format!(
                        "modules of one layer import each other in a circle: {}",
                        circle.join(" → ")
                    ));
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(m.to_string(), 2);
    }
    let mut state = BTreeMap::new();
    for m in edges.keys() {
        if !state.contains_key(m.as_str()) {
            visit(m, &edges, &mut state, &mut Vec::new(), &mut problems);
        }
    }
    problems
}

/// Every `.rs` file under `src/`, as (module, text).
fn crate_files() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let rel = path.strip_prefix(&src).unwrap();
                if let Some(m) = module_of(rel) {
                    out.push((m, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_import_goes_down_or_sideways_without_a_circle() {
    let files = crate_files();
    assert!(files.len() > 40, "found only {} files", files.len());
    let problems = violations(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_table_names_only_modules_that_exist() {
    let modules: BTreeSet<String> = crate_files().into_iter().map(|(m, _)| m).collect();
    for (m, _) in LAYERS {
        assert!(
            modules.contains(*m),
            "LAYERS lists `{m}`, which has no file"
        );
    }
}

fn file(module: &str, code: &str) -> (String, String) {
    (module.to_string(), code.to_string())
}

#[test]
fn an_upward_import_is_caught() {
    let found = violations(&[
        file(
            "rules",
            "use crate::config::Config;\nuse crate::project::Tree;",
        ),
        file("config", "use crate::rules::registry;"),
    ]);
    assert_eq!(
        found,
        ["`rules` (rules) imports `config` (front): an import from a lower layer to a higher one"]
    );
}

#[test]
fn grouped_and_inline_paths_are_read() {
    let found = violations(&[file(
        "lang",
        "use crate::{fluent::parts, report::{Finding, Summary}};\nfn f() { crate::check::check_path(p); }",
    )]);
    assert_eq!(
        found,
        [
            "`lang` (analysis) imports `check` (engine): an import from a lower layer to a higher one",
            "`lang` (analysis) imports `report` (outputs): an import from a lower layer to a higher one",
        ]
    );
}

#[test]
fn comments_and_strings_do_not_count_but_the_binary_does() {
    let found = violations(&[
        file(
            "source",
            "//! See [`crate::check`].\n/// and crate::report\nfn f() { let s = \"http://x\"; } // crate::cli\n/* crate::config */",
        ),
        file("main", "use leaflint::report::Format;\nuse leaflint::cli::Cli;"),
        file("numeric", "use my_crate::report;"),
    ]);
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn a_circle_within_a_layer_is_caught() {
    let found = violations(&[
        file("index", "use crate::project::parse;"),
        file("project", "use crate::index::Outline;"),
        file("fluent", "use crate::parse::x;"),
    ]);
    assert_eq!(
        found,
        ["modules of one layer import each other in a circle: index → project → index"]
    );
}

#[test]
fn an_unknown_module_is_caught() {
    let found = violations(&[
        file("termbase", "use crate::source::decode;"),
        file("rules", "use crate::termbase::Terms;"),
    ]);
    assert_eq!(
        found,
        [
            "module `termbase` has no layer: add it to LAYERS in tests/architecture.rs",
            "`rules` imports `termbase`, which is not in LAYERS",
        ]
    );
}
