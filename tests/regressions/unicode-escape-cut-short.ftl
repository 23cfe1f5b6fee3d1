# Found in a red-team pass (issue 18): a `\u` escape cut short by a non-ASCII character in a
# string literal. fluent-syntax 0.12's `skip_unicode_escape_sequence` slices one byte past the
# last hex digit, inside the `é`, and panicked; the guard in src/parse.rs skips the entry.
# expect: parse-error dose-adult
dose-adult = Ta { "\ué" } mg en gång om dagen.
dose-kidney = Om dina njurar inte fungerar som de ska, ta 3 mg en gång om dagen.
