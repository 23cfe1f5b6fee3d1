#!/usr/bin/env python3
"""Differential check of leaflint's parse verdicts against the reference Fluent parser.

For every input, Python's `fluent.syntax` (the reference implementation of the Fluent syntax)
says whether the text holds junk; leaflint says whether it reports a `parse-error`. They must
agree, except where leaflint deliberately differs (placeables nested more than 32 deep; a
byte-order mark at the start of a file is encoding, not text).

Inputs: the conformance table `tests/fluent_conformance.txt` (always), any files or directories
given on the command line (a fuzz corpus, say: `fuzz/corpus/translation`), and `--generate N`
inputs made by mutating the table's cases (seeded, so a run can be repeated).

    pip install fluent.syntax
    cargo build --release
    fuzz/differential.py                       # the table
    fuzz/differential.py --generate 5000       # plus 5,000 mutated cases
    fuzz/differential.py /dev/shm/fzcorp       # plus a fuzz corpus

Exit status: 0 when every compared input agrees, 1 when one does not (each is listed), 2 when
the tools are missing.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TABLE = os.path.join(ROOT, "tests", "fluent_conformance.txt")
MAX_BYTES = 256 * 1024
BATCH = 2000


def table_cases(path):
    """(label, source) of every case of the conformance table."""
    text = open(path, encoding="utf-8").read()
    cases, head, lines = [], None, []

    def flush():
        if head is None:
            return
        body = "\n".join(lines)
        body = body[: -len("<NOEOL>")] if body.endswith("<NOEOL>") else body + "\n"
        body = body.replace("<TAB>", "\t").replace("<CR>", "\r").replace("<SP>", " ")
        cases.append((head, body))

    for line in text.split("\n"):
        if line.startswith("=== "):
            flush()
            head, lines = line[4:], []
        elif head is not None:
            lines.append(line)
    flush()
    if cases and cases[-1][1].endswith("\n\n"):
        cases[-1] = (cases[-1][0], cases[-1][1][:-1])
    return cases


def file_inputs(paths):
    for p in paths:
        if os.path.isdir(p):
            for dirpath, _, names in os.walk(p):
                for n in sorted(names):
                    yield os.path.join(dirpath, n)
        else:
            yield p


PIECES = ["{", "}", "{ ", " }", "$", "-", ".", "*[", "[", "]", "->", "\n", "\n    ", "\"", "\\u",
          "\\", "=", " = ", "#", "# ", "NUMBER(", ")", ",", ": ", "-1", "0.5", "\t", "\r\n", "é"]


def mutate(rng, cases, n):
    """`n` inputs made by splicing two cases and inserting, deleting or repeating a piece."""
    sources = [s for _, s in cases if s.strip()]
    for i in range(n):
        a, b = rng.choice(sources), rng.choice(sources)
        s = a + b if rng.random() < 0.3 else a
        for _ in range(rng.randint(1, 3)):
            pos = rng.randint(0, len(s))
            op = rng.random()
            if op < 0.5:
                s = s[:pos] + rng.choice(PIECES) + s[pos:]
            elif op < 0.8 and s:
                s = s[:pos] + s[pos + rng.randint(1, 3):]
            else:
                s = s[:pos] + s[pos:pos + 4] * 2 + s[pos + 4:]
        yield (f"generated #{i}", s)


# Known differences, each with its reason; they are counted and listed, not failures.
KNOWN = [
    # The EBNF's `line_end` includes the end of input, so a bare `#` as the last line is a
    # comment; fluent.syntax makes it junk. leaflint follows the grammar.
    (re.compile(r"(^|\n)#{1,3}$"), "a bare `#` on the last line, without a newline"),
]


def known(source):
    for pattern, why in KNOWN:
        if pattern.search(source):
            return why
    return None


def python_invalid(source):
    from fluent.syntax import FluentParser, ast
    body = FluentParser(with_spans=False).parse(source).body
    return any(isinstance(e, ast.Junk) for e in body)


def leaflint_verdicts(binary, sources):
    """For each source: True (parse-error), False (none), or None (not compared: leaflint read
    it as another encoding or skipped it for its nesting)."""
    out = []
    for start in range(0, len(sources), BATCH):
        chunk = sources[start:start + BATCH]
        with tempfile.TemporaryDirectory() as tree:
            for locale in ("en", "sv"):
                os.makedirs(os.path.join(tree, locale))
                for i, s in enumerate(chunk):
                    with open(os.path.join(tree, locale, f"c{i:05}.ftl"), "w", encoding="utf-8",
                              newline="") as f:
                        f.write(s)
            run = subprocess.run([binary, "check", tree, "--isolated", "--format", "json",
                                  "--exit-zero"], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"leaflint failed (exit {run.returncode}): {run.stderr.strip()}")
            report = json.loads(run.stdout)
            invalid, skip = set(), set()
            for d in report["diagnostics"]:
                if d.get("locale") != "en":
                    continue
                name = os.path.basename(d.get("file") or "")
                if d["rule"] == "io-error":
                    skip.add(name)
                elif d["rule"] == "parse-error":
                    if "nested more than" in d["message"]:
                        skip.add(name)
                    invalid.add(name)
            for i in range(len(chunk)):
                name = f"c{i:05}.ftl"
                out.append(None if name in skip else name in invalid)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", help="files or directories of further inputs")
    ap.add_argument("--generate", type=int, default=0, metavar="N",
                    help="also check N inputs mutated from the table's cases")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--leaflint", default=os.path.join(ROOT, "target", "release", "leaflint"))
    args = ap.parse_args()
    try:
        import fluent.syntax  # noqa: F401
    except ImportError:
        sys.exit("fluent.syntax is not installed: pip install fluent.syntax")
    if not os.access(args.leaflint, os.X_OK):
        print(f"no leaflint at {args.leaflint}: cargo build --release", file=sys.stderr)
        sys.exit(2)

    cases = table_cases(TABLE)
    inputs = [(f"table: {label}", src) for label, src in cases]
    not_utf8 = 0
    for path in file_inputs(args.paths):
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            not_utf8 += 1
            continue
        inputs.append((path, text))
    inputs.extend(mutate(random.Random(args.seed), cases, args.generate))

    # leaflint reads a leading byte-order mark as encoding; so does the comparison.
    sources = [s[1:] if s.startswith("\ufeff") else s for _, s in inputs]
    theirs = [python_invalid(s) for s in sources]
    ours = leaflint_verdicts(args.leaflint, sources)
    disagree, compared, expected = [], 0, {}
    for (label, _), src, py, ll in zip(inputs, sources, theirs, ours):
        if ll is None:
            continue
        compared += 1
        if py != ll:
            why = known(src)
            if why:
                expected[why] = expected.get(why, 0) + 1
            else:
                disagree.append((label, src, py, ll))
    verdict = lambda x: "invalid" if x else "valid"
    for label, src, py, ll in disagree[:50]:
        print(f"DISAGREE {label}: fluent.syntax says {verdict(py)}, leaflint {verdict(ll)}: {src!r}")
    for why, n in expected.items():
        print(f"known difference ({n}x): {why}")
    print(f"{compared} inputs compared ({len(inputs) - compared} not compared: nesting or "
          f"encoding; {not_utf8} files not UTF-8), {len(disagree)} disagreements")
    sys.exit(1 if disagree else 0)


if __name__ == "__main__":
    main()
