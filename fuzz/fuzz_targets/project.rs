//! Arbitrary bytes as a Mozilla project configuration (`l10n.toml`) and up to three files it may
//! include, read by the project reader and, when they load, the tree they name read from disk.
//!
//! NUL bytes split the input: the project file `conf/l10n.toml`, then `conf/a.toml`,
//! `conf/b.toml` and `conf/sub/c.toml` (a part left out removes that file). They are written into
//! a directory of this process that also holds `en/`, `sv/` and `zh-CN/` with a leaflet each.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use leaflint::mozilla::ProjectConfig;
use leaflint::project::LoadOptions;
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 4] = ["l10n.toml", "a.toml", "b.toml", "sub/c.toml"];

/// The process's directory, canonical.
fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root =
            std::env::temp_dir().join(format!("leaflint-fuzz-project-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in [
            (
                "en/leaflet.ftl",
                "-brand = Olumiant\ndose = Take 4 mg of { -brand }.\n",
            ),
            ("en/sub/extra.ftl", "extra = Extra\n"),
            (
                "sv/leaflet.ftl",
                "-brand = Olumiant\ndose = Ta 4 mg { -brand }.\n",
            ),
            ("zh-CN/leaflet.ftl", "dose = 4 mg\n"),
            ("conf/sub/.keep", ""),
        ] {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        std::fs::canonicalize(&root).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let root = root();
    let conf = root.join("conf");
    let mut parts = data.splitn(FILES.len(), |&b| b == 0);
    for name in FILES {
        let path = conf.join(name);
        match parts.next() {
            Some(bytes) => std::fs::write(&path, bytes).unwrap(),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    let Ok(project) = ProjectConfig::load(&conf.join("l10n.toml")) else {
        return;
    };
    // A configuration may name any directory (`/`, `../..`): walk only this one.
    let inside = |d: &PathBuf| {
        let absolute = if d.is_absolute() {
            d.clone()
        } else {
            conf.join(d)
        };
        std::fs::canonicalize(&absolute).map_or(true, |real| real.starts_with(root))
    };
    if !project.directories().iter().all(inside) {
        return;
    }
    let _ = project.load_tree(&LoadOptions::default());
});
