//! leaflint: a linter for multilingual patient leaflets kept as Fluent (`.ftl`) bundles.
//!
//! The library never prints: [`check::check`] returns findings, and [`report`] writes them in
//! each output format to a writer the caller gives.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod fluent;
pub mod project;
pub mod report;
pub mod rules;
pub mod source;
