//! Command-line arguments (parsed by the binary).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "leaflint",
    version,
    about = "Lint multilingual patient leaflets kept as Fluent (.ftl) bundles",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check locale trees: structure, numbers and language of every translation.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// List every rule with its default severity.
    Rules,
    /// Print the documentation of one rule.
    Rule {
        /// The rule id, for example `missing-message`.
        id: String,
    },
}

const CHECK_EXAMPLES: &str = "\
Examples:
  leaflint check                         check ./locales (reference: en)
  leaflint check locales/ --locale sv    check only the Swedish translation
  leaflint check l10n/ --reference en-US use en-US as the reference
  leaflint check --format json > out.json
  leaflint check --deny-warnings         fail CI on warnings too

Exit codes: 0 no error-level findings, 1 error-level findings (or warnings with
--deny-warnings), 2 leaflint itself failed (bad usage, missing path, no reference).";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Locale trees to check: directories whose subdirectories are locale tags (en, sv, zh-CN).
    #[arg(default_value = "locales/")]
    pub paths: Vec<PathBuf>,
    /// The reference locale [default: en, or the single en-* directory].
    #[arg(long, value_name = "TAG")]
    pub reference: Option<String>,
    /// Check only this translation locale (repeat for several).
    #[arg(long = "locale", value_name = "TAG")]
    pub locales: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour in the human report (NO_COLOR turns `auto` off).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only the summary (human format) and no notes.
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit 0 even when there are error-level findings.
    #[arg(long)]
    pub exit_zero: bool,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}
