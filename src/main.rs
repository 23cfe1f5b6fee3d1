//! The `leaflint` binary: parses arguments, runs the library, prints, maps to an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use leaflint::check::{check, CheckOptions};
use leaflint::cli::{CheckArgs, Cli, ColorChoice, Command};
use leaflint::project::LoadOptions;
use leaflint::report::{write_report, ReportOptions};
use leaflint::rules::registry;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("leaflint: error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check(args) => run_check(args, &mut out),
        Command::Rules => {
            for r in registry() {
                let m = r.meta();
                writeln!(out, "{:<22} {:<8} {}", m.id, m.severity, m.summary)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rule { id } => match leaflint::rules::find(&id) {
            Some(rule) => {
                out.write_all(rule.meta().doc.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            None => {
                let ids = registry().iter().map(|r| r.meta().id);
                let hint = leaflint::rules::closest(&id, ids)
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_default();
                anyhow::bail!("no rule `{id}`{hint} (`leaflint rules` lists them)")
            }
        },
    }
}

fn run_check(args: CheckArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    let opts = CheckOptions {
        paths: args.paths.clone(),
        load: LoadOptions {
            reference: args.reference.clone(),
            locales: args.locales.clone(),
        },
        ..CheckOptions::default()
    };
    let outcome = check(&opts).context("cannot check the locale tree")?;
    if !args.quiet {
        for note in &outcome.notes {
            eprintln!("leaflint: note: {note}");
        }
    }
    let report = ReportOptions {
        color,
        quiet: args.quiet,
    };
    write_report(args.format, report, &outcome, out).context("cannot write the report")?;
    let s = &outcome.summary;
    let failed = s.errors > 0 || (args.deny_warnings && s.warnings > 0);
    Ok(if failed && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
