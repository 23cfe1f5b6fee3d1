# Select expressions nested 1,000 deep (see nested-placeables.ftl).
# expect: parse-error dose-adult
# expect: numeric-mismatch dose-kidney
dose-adult = { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] { $count ->
    *[other] Ta 4 mg
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
dose-kidney = Ta 2 mg en gång om dagen.
