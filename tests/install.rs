//! Install and hooks: shell completions, the man page, the GitHub Action and the pre-commit
//! hooks.

use std::path::Path;

mod common;
use common::leaflint;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = leaflint(root(), &["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "{shell}: {}", out.stderr);
        for word in ["check", "rules", "deny-warnings", "project"] {
            assert!(
                out.stdout.contains(word),
                "{shell} completion lacks `{word}`"
            );
        }
    }
    let out = leaflint(root(), &["completions", "tcsh"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("invalid value 'tcsh'"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_man_page_is_roff_with_every_subcommand() {
    let out = leaflint(root(), &["man"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert!(
        out.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &out.stdout[..80]
    );
    assert!(out.stdout.contains(".TH leaflint 1"), "{}", out.stdout);
    for sub in ["check", "rules", "rule", "config", "completions", "man"] {
        assert!(
            out.stdout.contains(&format!("leaflint\\-{sub}")),
            "man page lacks `{sub}`"
        );
    }
}

#[test]
fn the_action_installs_from_its_own_checkout_with_a_cache_and_runs_the_args() {
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    assert!(action.contains("using: composite"));
    assert!(action.contains("uses: actions/cache@"));
    assert!(action.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\""));
    assert!(action.contains("${{ inputs.args }}"));
    assert!(!action.contains("OWNER"));
    assert!(!action.contains("--git"));
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(!readme.contains("OWNER"), "README still has a placeholder");
    assert!(readme.contains("uses: leaflint/leaflint@v0.1.0"));
}

#[test]
fn a_pre_commit_hook_runs_an_installed_binary() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let system = hooks
        .split("- id: ")
        .find(|h| h.starts_with("leaflint-system"))
        .expect("a leaflint-system hook");
    assert!(system.contains("language: system"));
    assert!(system.contains("entry: leaflint check"));
    assert!(system.contains("pass_filenames: false"));
    // The two source hooks stay.
    assert_eq!(hooks.matches("language: rust").count(), 2);
}
