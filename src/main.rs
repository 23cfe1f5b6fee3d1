//! The `leaflint` binary: parses arguments, runs the library, prints, maps to an exit code.
//! Everything it prints to stderr (notes, the error and its causes) and every path it prints to
//! stdout goes through [`terminal`]: one line each, no control character.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use leaflint::check::{check, CheckOptions};
use leaflint::cli::{CheckArgs, Cli, ColorChoice, Command};
use leaflint::project::LoadOptions;
use leaflint::report::escape::terminal;
use leaflint::report::{write_report, ReportOptions};
use leaflint::rules::registry;

fn main() -> ExitCode {
    // A panic (a bug) is caught per checked path and becomes an `internal-error` finding; say
    // it once, on one line, with nothing of the input's control characters.
    std::panic::set_hook(Box::new(|info| {
        let cause = leaflint::diagnostic::panic_message(info.payload());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "leaflint: internal error{}: {}",
            terminal(&at),
            terminal(&cause)
        );
    }));
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("leaflint: error: {}", terminal(&e.to_string()));
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {}", terminal(&cause.to_string()));
            }
            ExitCode::from(2)
        }
    }
}

/// A path as it is printed: escaped for a terminal.
fn shown(path: &Path) -> String {
    terminal(&path.display().to_string()).into_owned()
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // The language server writes to stdout from its own thread: it must not find it locked.
    if let Command::Server = cli.command {
        leaflint::server::run().context("the language server stopped")?;
        return Ok(ExitCode::SUCCESS);
    }
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
                    Some(p) => writeln!(out, "{}", shown(p))?,
                    None => writeln!(
                        out,
                        "no configuration file (leaflint.toml or .leaflint.toml) in `{}` or its parents: defaults apply",
                        shown(&cmd.path)
                    )?,
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Server => unreachable!("handled above"),
        Command::Completions { shell } => {
            leaflint::cli::write_completions(shell, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            leaflint::cli::write_man(&mut out)?;
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
                out.write_all(leaflint::rules::page(rule).as_bytes())?;
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
    // `auto`: anstream decides from NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb and whether
    // stdout is a terminal; a report written to a file gets none.
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
    let width = (args.output.is_none() && std::io::stdout().is_terminal())
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(w, _)| usize::from(w.0));
    let mut opts = CheckOptions {
        paths: args.paths.clone(),
        load: LoadOptions {
            reference: args.reference.clone(),
            locales: args.locales.clone(),
            follow_links: args.follow_links,
            no_ignore: args.no_ignore,
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
        termbases: &args.termbases,
    };
    leaflint::config::prepare(&mut opts, &inputs)?;
    let mut outcome = check(&opts).context("cannot check the locale tree")?;
    if args.fix || args.diff {
        let (fixes, planned) = leaflint::fix::plan(&outcome.findings);
        let findings: usize = fixes.iter().map(|f| f.fixed).sum();
        if args.diff {
            let mut out = std::io::BufWriter::new(out);
            for f in &fixes {
                out.write_all(leaflint::fix::diff(f).as_bytes())?;
            }
            out.flush()?;
            if !args.quiet {
                eprintln!(
                    "leaflint: note: {findings} findings in {} files would be fixed (`--fix` writes them)",
                    fixes.len()
                );
            }
            return Ok(if fixes.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        leaflint::fix::write(&fixes)?;
        leaflint::fix::drop_fixed(&mut outcome, &planned);
        if !args.quiet {
            eprintln!(
                "leaflint: note: fixed {findings} findings in {} files",
                fixes.len()
            );
        }
    }
    if let Some(path) = &args.write_baseline {
        leaflint::outfile::write_baseline(path, &outcome.baseline)?;
        if !args.quiet {
            eprintln!(
                "leaflint: note: wrote {} findings to the baseline `{}`",
                outcome.baseline.len(),
                shown(path)
            );
        }
    }
    if !args.quiet {
        for note in &outcome.notes {
            eprintln!("leaflint: note: {}", terminal(note));
        }
    }
    let report = ReportOptions {
        color,
        quiet: args.quiet,
        width,
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
    if outcome.paths > 0 && outcome.failed_paths == outcome.paths {
        anyhow::bail!("no file could be checked: leaflint failed on every one (see the internal-error findings)");
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
