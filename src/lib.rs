//! leaflint: a linter for multilingual patient leaflets kept as Fluent (`.ftl`) bundles.
//!
//! The library never prints: [`check::check`] returns findings, and [`report`] writes them in
//! each output format to a writer the caller gives.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod changed;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod fluent;
pub mod index;
pub mod lang;
pub mod mozilla;
pub mod numeric;
pub mod project;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
