//! `--changed-since REV`: which files and messages changed since a git revision.
//!
//! Uses the `git` program: `git diff --name-only REV` (committed, staged and unstaged changes)
//! plus untracked files give the changed paths; `git cat-file --batch` gives their text at REV,
//! which is parsed with `fluent-syntax` and compared message by message with the current text.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::diagnostic::Diagnostic;
use crate::project::{ParsedFile, Project, SourceFile};

/// Why the changed files could not be found (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("`--changed-since` runs the `git` program, which could not be started (is git installed and on PATH?)")]
    Missing(#[source] std::io::Error),
    #[error("path `{0}` does not exist")]
    NoPath(String),
    #[error("`{path}` is not inside a git repository ({stderr})")]
    NotARepo { path: String, stderr: String },
    #[error("`{rev}` is not a commit of the repository at `{repo}` (try a branch, tag or commit hash, e.g. `origin/main`)")]
    UnknownRevision { rev: String, repo: String },
    #[error("`git {args}` failed: {stderr}")]
    Failed { args: String, stderr: String },
}

/// The changed paths of a repository since a revision, with their text at that revision.
#[derive(Debug)]
pub struct Changes {
    pub rev: String,
    /// The repository's top directory, canonical.
    pub toplevel: PathBuf,
    /// Changed paths relative to `toplevel`, `/`-separated.
    pub paths: HashSet<String>,
    /// The text at `rev` of the changed `.ftl` files that existed then.
    pub old: HashMap<String, Vec<u8>>,
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, GitError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(GitError::Missing)
}

fn ok(out: std::process::Output, args: &[&str]) -> Result<Vec<u8>, GitError> {
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    }
}

fn split_z(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
}

impl Changes {
    /// Asks git what changed since `rev` in the repository holding `start`.
    pub fn read(start: &Path, rev: &str) -> Result<Changes, GitError> {
        let start = std::fs::canonicalize(start)
            .map_err(|_| GitError::NoPath(start.display().to_string()))?;
        let dir = if start.is_dir() {
            start.clone()
        } else {
            start.parent().unwrap_or(&start).to_path_buf()
        };
        let out = git(&dir, &["rev-parse", "--show-toplevel"])?;
        if !out.status.success() {
            return Err(GitError::NotARepo {
                path: dir.display().to_string(),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        let top = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let toplevel = std::fs::canonicalize(&top).unwrap_or_else(|_| PathBuf::from(&top));
        let commit = format!("{rev}^{{commit}}");
        let out = git(&toplevel, &["rev-parse", "--verify", "--quiet", &commit])?;
        if !out.status.success() {
            return Err(GitError::UnknownRevision {
                rev: rev.to_string(),
                repo: toplevel.display().to_string(),
            });
        }
        let diff_args = ["diff", "--name-only", "-z", "--no-renames", rev, "--"];
        let mut paths: HashSet<String> =
            split_z(&ok(git(&toplevel, &diff_args)?, &diff_args)?).collect();
        let untracked_args = ["ls-files", "--others", "--exclude-standard", "-z"];
        paths.extend(split_z(&ok(
            git(&toplevel, &untracked_args)?,
            &untracked_args,
        )?));
        let mut wanted: Vec<&String> = paths.iter().filter(|p| p.ends_with(".ftl")).collect();
        wanted.sort();
        let old = cat_files(&toplevel, rev, &wanted)?;
        Ok(Changes {
            rev: rev.to_string(),
            toplevel,
            paths,
            old,
        })
    }

    /// The path of `file` relative to the repository, when it is inside it.
    fn repo_path(&self, file: &Path) -> Option<String> {
        let canonical = std::fs::canonicalize(file).ok()?;
        let rel = canonical.strip_prefix(&self.toplevel).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }
}

/// The text at `rev` of each path (paths that did not exist then are left out).
fn cat_files(
    top: &Path,
    rev: &str,
    paths: &[&String],
) -> Result<HashMap<String, Vec<u8>>, GitError> {
    let mut old = HashMap::new();
    if paths.is_empty() {
        return Ok(old);
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(GitError::Missing)?;
    let mut stdin = child.stdin.take().expect("piped");
    let input: String = paths.iter().map(|p| format!("{rev}:{p}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_end(&mut out)
        .map_err(GitError::Missing)?;
    let _ = writer.join();
    let status = child.wait().map_err(GitError::Missing)?;
    if !status.success() {
        return Err(GitError::Failed {
            args: "cat-file --batch".into(),
            stderr: format!("exit status {status}"),
        });
    }
    let mut at = 0;
    for path in paths {
        let Some(nl) = out[at..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let header = String::from_utf8_lossy(&out[at..at + nl]).into_owned();
        at += nl + 1;
        let fields: Vec<&str> = header.split(' ').collect();
        if fields.len() == 3 && fields[1] == "blob" {
            let size: usize = fields[2].parse().unwrap_or(0);
            let end = (at + size).min(out.len());
            old.insert((*path).clone(), out[at..end].to_vec());
            at = end + 1;
        }
        // `<object> missing`: the file is new since `rev`.
    }
    Ok(old)
}

/// What changed in one project: files by (locale index, relative path), and messages by
/// (relative path, id), in any locale.
#[derive(Debug, Default)]
pub struct ChangedSet {
    pub files: HashSet<(usize, String)>,
    pub messages: HashSet<(String, String)>,
}

/// Source text of each message and term of a file, by id (value and attributes, no comment).
fn entry_texts<'a>(file: &'a ParsedFile<'_>) -> HashMap<&'a str, &'a str> {
    let text = file.text();
    file.entries
        .iter()
        .map(|e| (e.id, text.get(e.span.clone()).unwrap_or("")))
        .collect()
}

fn same(a: &str, b: &str) -> bool {
    a.lines()
        .map(str::trim_end)
        .eq(b.lines().map(str::trim_end))
}

impl ChangedSet {
    pub fn compute(project: &Project<'_>, changes: &Changes) -> ChangedSet {
        let mut set = ChangedSet::default();
        let mut seen: HashSet<&str> = HashSet::new();
        for (li, locale) in project.locales.iter().enumerate() {
            for file in &locale.files {
                let Some(repo) = changes.repo_path(Path::new(&file.src.path)) else {
                    continue;
                };
                let Some(repo) = changes.paths.get(&repo) else {
                    continue;
                };
                seen.insert(repo);
                set.files.insert((li, file.src.rel.clone()));
                let now = entry_texts(file);
                let old_src = changes.old.get(repo).map(|bytes| old_source(file, bytes));
                let old_parsed = old_src.as_ref().map(ParsedFile::parse);
                let before = old_parsed.as_ref().map(entry_texts).unwrap_or_default();
                for (id, text) in &now {
                    if before.get(id).is_none_or(|b| !same(b, text)) {
                        set.messages.insert((file.src.rel.clone(), id.to_string()));
                    }
                }
                for id in before.keys().filter(|id| !now.contains_key(*id)) {
                    set.messages.insert((file.src.rel.clone(), id.to_string()));
                }
            }
        }
        // Changed paths with no file now: deleted files, matched to a locale by its directory.
        let dirs: Vec<Option<String>> = project
            .locales
            .iter()
            .map(|l| changes.repo_path(&l.source.dir))
            .collect();
        for path in changes.paths.iter().filter(|p| !seen.contains(p.as_str())) {
            for (li, dir) in dirs.iter().enumerate() {
                let Some(dir) = dir else { continue };
                let rel = if dir.is_empty() {
                    Some(path.as_str())
                } else {
                    path.strip_prefix(dir.as_str())
                        .and_then(|r| r.strip_prefix('/'))
                };
                let Some(rel) = rel else { continue };
                set.files.insert((li, rel.to_string()));
                if let Some(bytes) = changes.old.get(path) {
                    let src = SourceFile::from_bytes(rel.to_string(), path.clone(), bytes.to_vec());
                    let parsed = ParsedFile::parse(&src);
                    for id in entry_texts(&parsed).keys() {
                        set.messages.insert((rel.to_string(), id.to_string()));
                    }
                }
            }
        }
        set
    }

    /// Whether a finding is about something that changed.
    pub fn keeps(&self, project: &Project<'_>, d: &Diagnostic) -> bool {
        let rel = project.rel_of(d);
        match &d.message_id {
            Some(id) => self.messages.contains(&(rel, id.clone())),
            None => self.files.contains(&(d.locale, rel.clone())) || self.files.contains(&(0, rel)),
        }
    }
}

fn old_source(now: &ParsedFile<'_>, bytes: &[u8]) -> SourceFile {
    SourceFile::from_bytes(now.src.rel.clone(), now.src.path.clone(), bytes.to_vec())
}
