//! `--format human`: one line per finding with the reference beside it, and a summary.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{Finding, ReportOptions, Reporter, RunInfo};
use crate::diagnostic::Severity;

pub struct Human {
    opts: ReportOptions,
}

impl Human {
    pub fn new(opts: ReportOptions) -> Self {
        Human { opts }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.opts.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
    }
}

/// The first line of an entry's text, shortened.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let mut s: String = line.chars().take(100).collect();
    if line.chars().count() > 100 || text.lines().nth(1).is_some() {
        s.push('…');
    }
    s
}

impl Reporter for Human {
    fn report(&mut self, out: &mut dyn Write, f: &Finding) -> io::Result<()> {
        if self.opts.quiet {
            return Ok(());
        }
        let location = format!("{}:{}:{}", f.file, f.line, f.column);
        let severity = format!("{}[{}]", f.severity, f.rule);
        let id = match (&f.message_id, &f.attribute) {
            (Some(id), Some(a)) => format!("{id}.{a}: "),
            (Some(id), None) => format!("{id}: "),
            _ => String::new(),
        };
        writeln!(
            out,
            "{}: {} {}{}",
            self.paint(Style::new().bold(), &location),
            self.paint(severity_style(f.severity), &severity),
            id,
            f.message
        )?;
        if let Some(r) = &f.reference {
            let text = r.text.as_deref().map(first_line).unwrap_or_default();
            let label = format!("  {} {}:{}:{}", r.locale, r.file, r.line, r.column);
            writeln!(
                out,
                "{}  {}",
                self.paint(AnsiColor::Blue.on_default(), &label),
                text
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo<'_>) -> io::Result<()> {
        let s = run.summary;
        let total = s.errors + s.warnings + s.infos;
        if total == 0 {
            return writeln!(
                out,
                "{} {} files, {} messages in {} locales (reference {}): no findings",
                self.paint(AnsiColor::Green.on_default().bold(), "clean:"),
                s.files,
                s.messages,
                run.locales.len(),
                run.reference
            );
        }
        let per_locale: Vec<String> = s
            .by_locale
            .iter()
            .map(|(l, rules)| format!("{l} {}", rules.values().sum::<usize>()))
            .collect();
        writeln!(
            out,
            "{} {} errors, {} warnings, {} infos in {} files ({})",
            self.paint(Style::new().bold(), "found:"),
            s.errors,
            s.warnings,
            s.infos,
            s.files,
            per_locale.join(", ")
        )
    }
}
