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
    /// Show which configuration file applies, or with `--dump` the effective configuration.
    Config(ConfigCommand),
    /// Run as a language server over stdio, for editors (see `docs/editors.md`).
    Server,
    /// Print a shell completion script (for example `leaflint completions bash`).
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for example `leaflint man > leaflint.1`.
    Man,
}

/// Writes the completion script for `shell` to `out`.
pub fn write_completions(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "leaflint", out);
    Ok(())
}

/// Writes the manual page (roff) to `out`.
pub fn write_man(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use clap::CommandFactory;
    clap_mangen::Man::new(Cli::command()).render(out)
}

/// Which configuration file to use (`check` and `config`).
#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    /// Read the configuration from FILE instead of the `leaflint.toml` (or `.leaflint.toml`)
    /// found in the checked directory or the nearest parent that has one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Use no configuration file at all: defaults and command-line options only.
    #[arg(long)]
    pub isolated: bool,
}

#[derive(Debug, Args)]
pub struct ConfigCommand {
    /// Print the effective configuration (every rule's level filled in) as TOML.
    #[arg(long)]
    pub dump: bool,
    /// Where to look for the configuration file, from there upwards.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub config: ConfigArgs,
}

const CHECK_EXAMPLES: &str = "\
Examples:
  leaflint check                         check ./locales (reference: en)
  leaflint check locales/ --locale sv    check only the Swedish translation
  leaflint check l10n/ --reference en-US use en-US as the reference
  leaflint check --format json > out.json
  leaflint check --format html -o review.html  a page to read the locales side by side
  leaflint check --deny-warnings         fail CI on warnings too
  leaflint check --write-baseline leaflint-baseline.json   accept today's findings
  leaflint check --baseline leaflint-baseline.json         report only new ones
  leaflint check --changed-since origin/main               only what a branch changed
  leaflint check --project l10n.toml     a Mozilla project configuration (compare-locales)

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
    /// Write the report to FILE instead of stdout (no colour unless `--color always`).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When to use colour in the human report (`auto`: on a terminal, unless NO_COLOR,
    /// CLICOLOR=0 or TERM=dumb; CLICOLOR_FORCE turns it on).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only the summary (human format) and no notes.
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit 0 even when there are error-level findings.
    #[arg(long)]
    pub exit_zero: bool,
    /// Apply the safe fixes (invisible characters that are never intended) to the files, then
    /// report what is left. Nothing is written when a file to fix is read-only.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Show the safe fixes as a unified diff instead of applying them (exit 1 when there is
    /// one).
    #[arg(long)]
    pub diff: bool,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Check the files a Mozilla project configuration (`l10n.toml`) names, with its per-path
    /// locale lists and filters, instead of PATHS.
    #[arg(long, value_name = "L10N_TOML")]
    pub project: Option<PathBuf>,
    /// Record every finding in FILE and exit 0: later runs with `--baseline FILE` report only
    /// new findings.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Leave out the findings recorded in FILE (by `--write-baseline`); the summary says how
    /// many of them are fixed.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Report only findings in messages whose text changed (in any locale) since the git
    /// revision REV, and file-level findings of changed files.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Read a termbase (TBX or CSV) for `term-mismatch`, besides the configuration's
    /// `termbase` files (repeat for several).
    #[arg(long = "termbase", value_name = "FILE")]
    pub termbases: Vec<PathBuf>,
    /// Follow symbolic links that stay inside the tree (links that leave it are never
    /// followed; without this option no link is).
    #[arg(long)]
    pub follow_links: bool,
    /// Read files that `.gitignore`, `.ignore` or git's exclude files leave out, and hidden
    /// files and directories (by default they are not checked).
    #[arg(long)]
    pub no_ignore: bool,
}
