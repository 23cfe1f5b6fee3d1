//! leaflint: a linter for multilingual patient leaflets kept as Fluent (`.ftl`) bundles.
//!
//! The library never prints: [`check::check`] returns findings, and [`report`] writes them in
//! each output format to a writer the caller gives.

#![warn(clippy::print_stdout, clippy::print_stderr)]

// The modules by layer, each importing only from the layers above it in this list (kept by
// `tests/architecture.rs`; the README's layout section explains the cut).

// ground: reading text, findings, plain settings
pub mod diagnostic;
pub mod settings;
pub mod source;
// tree: locale trees and files, the symbol index, Fluent helpers
pub mod directive;
pub mod fluent;
pub mod index;
pub mod parse;
pub mod project;
// analysis: text in, facts out
pub mod lang;
pub mod numeric;
pub mod terms;
// rules: the registry and one rule per file
pub mod rules;
// engine: running the rules, then the stages applied to findings
pub mod baseline;
pub mod changed;
pub mod check;
pub mod filter;
pub mod outcome;
pub mod pipeline;
pub mod suppress;
// outputs: one report format per file
pub mod report;
// front: configuration readers and the command line
pub mod cli;
pub mod config;
pub mod fix;
pub mod mozilla;
pub mod outfile;
pub mod server;
