"""The build environment: the variables every build, test and benchmark runs with.

The Makefile is the one place they are written (`export NAME := value`), because `make serve`,
`make test` and the other targets must have them before any Python runs. This module reads them
from there, so the scripts that start builds themselves (the bench, the successors check, the
tests' own fallback build) cannot drift from it. tests/test_library.py compares this reading with
what `make` itself exports.
"""

from __future__ import annotations

import os
import re

from guidebuild.paths import ROOT

MAKEFILE = ROOT / "Makefile"
EXPORT = re.compile(r"^export\s+(?P<name>[A-Z_][A-Z0-9_]*)\s*:?=\s*(?P<value>.*?)\s*$")


def read_makefile_exports(text: str) -> dict[str, str]:
    """`export NAME := value` lines; any other `export` line is an error (it would be missed)."""
    found = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("export"):
            continue
        match = EXPORT.match(line)
        if not match or "$" in match["value"]:
            raise ValueError(f"Makefile:{number}: write exports as `export NAME := plain value`: {line!r}")
        found[match["name"]] = match["value"]
    return found


BUILD_ENV: dict[str, str] = read_makefile_exports(MAKEFILE.read_text(encoding="utf-8"))


def build_environ(base: dict[str, str] | None = None) -> dict[str, str]:
    """An environment for a child process: `base` (default: this process's) plus BUILD_ENV."""
    return {**(os.environ if base is None else base), **BUILD_ENV}
