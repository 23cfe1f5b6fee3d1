//! Arbitrary bytes as a `leaflint.toml`: validated, applied to the settings, the load options and
//! the filters, and the effective configuration (`config --dump`) read back.

#![no_main]

use leaflint::config::Config;
use leaflint::pipeline::Filters;
use leaflint::project::LoadOptions;
use leaflint::settings::Settings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `Config::load` refuses a file that is not UTF-8 before parsing it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = Config::parse(text, "leaflint.toml") else {
        return;
    };
    let mut load = LoadOptions::default();
    let mut settings = Settings::default();
    let mut filters = Filters::default();
    config.apply(&mut load, &mut settings, &mut filters);
    let _ = load.files.wants("sub/leaflet.ftl");
    for ignore in filters.ignores.entries() {
        let _ = ignore.matches(
            "missing-message",
            "sv",
            "leaflet.ftl",
            Some("dose"),
            Some("title"),
        );
    }
    // What `config --dump` prints is a valid configuration.
    let dumped = config.dump();
    if let Err(e) = Config::parse(&dumped, "dump") {
        panic!("the dump does not read back: {e}\n{dumped}");
    }
});
