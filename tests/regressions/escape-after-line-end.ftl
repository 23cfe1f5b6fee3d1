# Found in review: a backslash at the end of a line inside a string literal made the escape
# guard read on into the next line, so the cut-short `\u` escape there reached the parser (and
# its panic). The parser stops at the line end; so does the guard now.
# expect: parse-error dose-adult
# expect: parse-error dose-kidney
dose-adult = Ta { "x\
dose-kidney = { "\ué" } mg
