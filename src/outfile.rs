//! Writing the files a run produces (the report of `-o`, the baseline of `--write-baseline`):
//! never over one of the run's inputs, and never half-written.
//!
//! [`Inputs::refuse`] runs before anything is written and refuses an output path that is one of
//! the files the run reads — the configuration file, the project files, the baseline, a tree's
//! glossary — or any `.ftl` file inside a checked tree, existing or not. A path is compared by
//! the directory entry it names (its directory resolved, so `locales/../locales/sv/a.ftl` is
//! `locales/sv/a.ftl`), by where it leads when it is a link, and by device and inode when it
//! exists (a hard link to the baseline is the baseline).
//!
//! [`write_atomic`] writes to a temporary file in the same directory and renames it into place:
//! a crash or a full disk leaves the old file as it was, and a symbolic link at the output path
//! is replaced, not followed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use crate::baseline::{self, BaselineError};

/// Why an output path was refused (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to write the {output} to `{path}`: it is {input}")]
    Input {
        /// `report` or `baseline`.
        output: &'static str,
        path: String,
        /// What the path is: "the configuration file in use (`leaflint.toml`)", "inside the
        /// checked tree `locales`, where every `.ftl` file is an input".
        input: String,
    },
    #[error("refusing to write both the report and the baseline to `{path}`")]
    Both { path: String },
}

/// What a run reads, for [`Inputs::refuse`].
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    /// Files read, each with what it is ("the baseline being read (`--baseline`)").
    files: Vec<(PathBuf, String)>,
    /// Locale trees: every `.ftl` file inside them is an input.
    trees: Vec<PathBuf>,
}

/// Where a path is as far as the file system knows: absolute, its existing directories resolved
/// (symbolic links, `..`), the rest added as written. Two paths with the same place name the
/// same directory entry.
fn place(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest: Vec<Component<'_>> = Vec::new();
    let mut dir = absolute.as_path();
    loop {
        if let Ok(real) = fs::canonicalize(dir) {
            let mut out = real;
            for c in rest.iter().rev() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    c => out.push(c),
                }
            }
            return out;
        }
        match (dir.parent(), dir.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                dir = parent;
            }
            _ => return absolute,
        }
    }
}

/// The entry a path names: its directory resolved, its last component kept (a link is the link).
fn entry(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            place(dir).join(name)
        }
        _ => place(path),
    }
}

/// Device and inode of an existing file (following links).
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

fn is_ftl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ftl"))
}

impl Inputs {
    /// A file the run reads, and what it is for the message.
    pub fn file(&mut self, path: &Path, what: impl Into<String>) {
        self.files.push((path.to_path_buf(), what.into()));
    }

    /// A locale tree the run checks.
    pub fn tree(&mut self, path: &Path) {
        self.trees.push(path.to_path_buf());
    }

    /// Refuses `path` as the destination of the `output` (`report`, `baseline`) when it is one of
    /// the inputs.
    pub fn refuse(&self, output: &'static str, path: &Path) -> Result<(), OutputError> {
        let refuse = |input: String| OutputError::Input {
            output,
            path: path.display().to_string(),
            input,
        };
        let out_entry = entry(path);
        let out_target = fs::canonicalize(path).ok();
        let out_id = file_id(path);
        for (file, what) in &self.files {
            let same = out_entry == entry(file)
                || fs::canonicalize(file)
                    .is_ok_and(|real| real == out_entry || out_target.as_ref() == Some(&real))
                || out_id.is_some() && out_id == file_id(file);
            if same {
                return Err(refuse(what.clone()));
            }
        }
        for tree in &self.trees {
            let root = place(tree);
            let inside = |p: &Path| p.starts_with(&root) && is_ftl(p);
            if inside(&out_entry) || out_target.as_deref().is_some_and(inside) {
                return Err(refuse(format!(
                    "inside the checked tree `{}`, where every `.ftl` file is an input",
                    tree.display()
                )));
            }
        }
        Ok(())
    }

    /// Refuses the outputs of a run (the report's and the baseline's paths, when given) that are
    /// inputs, or the same file twice.
    pub fn refuse_all(
        &self,
        report: Option<&Path>,
        baseline: Option<&Path>,
    ) -> Result<(), OutputError> {
        if let Some(p) = report {
            self.refuse("report", p)?;
        }
        if let Some(p) = baseline {
            self.refuse("baseline", p)?;
        }
        if let (Some(r), Some(b)) = (report, baseline) {
            if entry(r) == entry(b) {
                return Err(OutputError::Both {
                    path: r.display().to_string(),
                });
            }
        }
        Ok(())
    }
}

/// Writes a file through `write`, atomically: into a new temporary file next to `path`, which
/// replaces `path` once everything is written and flushed. On an error the temporary file is
/// removed and `path` is left as it was. An existing regular file's permissions are kept.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "is not a file name"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let (tmp, file) = create_temporary(dir, &name.to_string_lossy()).map_err(|e| {
        // The temporary file stands for `path`, and is named as such.
        io::Error::new(e.kind(), format!("cannot create `{}`: {e}", path.display()))
    })?;
    let result = (|| {
        if let Ok(old) = fs::symlink_metadata(path) {
            if old.is_file() {
                file.set_permissions(old.permissions())?;
            }
        }
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A new file `.NAME.PID-N.tmp` in `dir`, created exclusively (never an existing file or link);
/// NAME is cut to 64 characters, so that a long file name stays a valid one.
fn create_temporary(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let name: String = name.chars().take(64).collect();
    let pid = std::process::id();
    let mut last = None;
    for n in 0..100 {
        let tmp = dir.join(format!(".{name}.{pid}-{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary file name is free")))
}

/// Writes a baseline file atomically.
pub fn write_baseline(path: &Path, entries: &[baseline::Entry]) -> Result<(), BaselineError> {
    let text = baseline::render(entries);
    write_atomic(path, |out| out.write_all(text.as_bytes())).map_err(|source| {
        BaselineError::Write {
            path: path.display().to_string(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_resolves_existing_directories_and_keeps_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(tmp.path()).unwrap();
        fs::create_dir(real.join("a")).unwrap();
        assert_eq!(
            place(&real.join("a/../a/new/x.ftl")),
            real.join("a/new/x.ftl")
        );
        assert_eq!(place(&real.join("a/new/../y.ftl")), real.join("a/y.ftl"));
    }

    #[test]
    fn a_failed_write_leaves_the_file_and_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("report.json");
        fs::write(&path, "old").unwrap();
        let err = write_atomic(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_output_path_is_replaced_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("target.txt");
        let link = tmp.path().join("report.json");
        fs::write(&target, "keep").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, |out| out.write_all(b"{}")).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
        assert!(!fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&link).unwrap(), "{}");
    }
}
