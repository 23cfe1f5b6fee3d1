# Found by `cargo fuzz` (target `translation`): a run of digits after a day and a month
# overflowed the year reader (`attempt to multiply with overflow`: debug builds panicked).
# expect: numeric-mismatch dose-adult
# expect: numeric-mismatch dose-adult
dose-adult = Ta { $count } mg en gång om dagen. Reviderad den 22 mars 20181111111111111111111111111111111.
dose-kidney = Om dina njurar inte fungerar som de ska, ta 3 mg en gång om dagen.
