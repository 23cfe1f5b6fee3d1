//! Helpers shared by the integration tests that run the binary in a temporary tree.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::Path;
use std::process::Command;

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `leaflint ARGS` in `dir` without colour, optionally with another `PATH`.
pub fn leaflint_env(dir: &Path, args: &[&str], path_env: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    let out = cmd.output().expect("leaflint runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `leaflint ARGS` in `dir` without colour.
pub fn leaflint(dir: &Path, args: &[&str]) -> Run {
    leaflint_env(dir, args, None)
}

/// Writes each `(relative path, text)` under `root`, creating directories.
pub fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}
