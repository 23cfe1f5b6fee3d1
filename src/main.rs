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
        Command::Config(cmd) => {
            let config = leaflint::config::resolve(
                cmd.config.config.as_deref(),
                cmd.config.isolated,
                &cmd.path,
            )?;
            if cmd.dump {
                out.write_all(config.dump().as_bytes())?;
            } else {
                match &config.path {
                    Some(p) => writeln!(out, "{}", p.display())?,
                    None => writeln!(
                        out,
                        "no configuration file (leaflint.toml or .leaflint.toml) in `{}` or its parents: defaults apply",
                        cmd.path.display()
                    )?,
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules => {
            for r in registry() {
                let m = r.meta();
                writeln!(out, "{:<22} {:<8} {}", m.id, m.severity.as_str(), m.summary)?;
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
            args.output.is_none()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    let mut opts = CheckOptions {
        paths: args.paths.clone(),
        load: LoadOptions {
            reference: args.reference.clone(),
            locales: args.locales.clone(),
            ..LoadOptions::default()
        },
        entries: args.format.needs_entries(),
        ..CheckOptions::default()
    };
    let inputs = leaflint::config::RunInputs {
        config: args.config.config.as_deref(),
        isolated: args.config.isolated,
        project: args.project.as_deref(),
        baseline: args.baseline.as_deref(),
        write_baseline: args.write_baseline.as_deref(),
        output: args.output.as_deref(),
        changed_since: args.changed_since.as_deref(),
    };
    leaflint::config::prepare(&mut opts, &inputs)?;
    let outcome = check(&opts).context("cannot check the locale tree")?;
    if let Some(path) = &args.write_baseline {
        leaflint::outfile::write_baseline(path, &outcome.baseline)?;
        if !args.quiet {
            eprintln!(
                "leaflint: note: wrote {} findings to the baseline `{}`",
                outcome.baseline.len(),
                path.display()
            );
        }
    }
    if !args.quiet {
        for note in &outcome.notes {
            eprintln!("leaflint: note: {note}");
        }
    }
    let report = ReportOptions {
        color,
        quiet: args.quiet,
    };
    match &args.output {
        Some(path) => {
            leaflint::outfile::write_atomic(path, |file| {
                write_report(args.format, report, &outcome, file)
            })
            .with_context(|| format!("cannot write the report to `{}`", path.display()))?;
        }
        None => {
            // Line buffering would cost a write per line on a large report.
            let mut out = std::io::BufWriter::new(out);
            write_report(args.format, report, &outcome, &mut out)
                .context("cannot write the report")?
        }
    }
    let s = &outcome.summary;
    let failed = s.errors > 0 || (args.deny_warnings && s.warnings > 0);
    // Writing a baseline accepts every finding reported.
    let accepted = args.exit_zero || args.write_baseline.is_some();
    Ok(if failed && !accepted {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
