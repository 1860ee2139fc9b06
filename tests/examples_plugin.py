"""pytest plugin: run every example the way the build runs it, and report failures precisely.

Loaded for the whole test session (`-p tests.examples_plugin` in pyproject.toml), it

* keeps every test offline (network blocked except loopback) and deterministic (seeded);
* gives every test a fresh emulated AWS account (moto) and a temporary working directory;
* teaches pytest-markdown-docs two things about the guide's fences:
  - `--8<-- "file.py:section"` lines are replaced by that section of the snippet file, so a fence
    runs the real included code;
  - fences that share a markdown-exec `session` on a page continue each other, as in the build;
* reports a failing fence with the snippet file and line, or the Markdown file and line, where the
  failing statement is.
"""

from __future__ import annotations

import os
import random
import re
import traceback
from dataclasses import dataclass
from pathlib import Path

os.environ["MLSGUIDE_OFFLINE"] = "1"
os.environ["MLSGUIDE_FIGURES"] = "none"  # render figures (so they are tested) but print nothing
os.environ["MLSGUIDE_LIVE_AWS"] = "0"
os.environ.pop("MPLBACKEND", None)  # notebook kernels must keep their inline backend

import matplotlib  # noqa: E402
import mlsguide  # noqa: E402  (importing it blocks the network)
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402
from mlsguide import aws  # noqa: E402
from pytest_markdown_docs._runners import _Runner, register_runner  # noqa: E402

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SNIPPET_BASES = (ROOT / "snippets", ROOT)  # the same base_path list as pymdownx.snippets
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<target>[^"]+)"\s*$')
SESSION = re.compile(r'\bsession="([^"]+)"')


class IncludeError(Exception):
    """A `--8<--` line names a file or section that does not exist."""


# --------------------------------------------------------------------------------------------
# Environment for every test


@pytest.fixture(autouse=True)
def example_environment(tmp_path, monkeypatch):
    """Fresh emulated AWS account, seeded randomness, and a scratch working directory.

    The scratch directory links `docs/` and `snippets/`, so an example reads files by the same
    relative paths as in the build (run from the repository root), while what it writes is thrown
    away.
    """
    for name in ("docs", "snippets"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    aws.activate(reset=True)
    random.seed(mlsguide.SEED)
    np.random.seed(mlsguide.SEED)
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def pytest_ignore_collect(collection_path, config):
    # In docs/, a .py file is a jupytext notebook: tests/test_notebooks.py executes those.
    # snippets/ is executed by tests/test_snippets.py, not imported for docstrings.
    path = Path(collection_path)
    if path.suffix == ".py" and (ROOT / "docs" in path.parents or ROOT / "snippets" in path.parents):
        return True
    return None


def pytest_unconfigure(config):
    aws.deactivate()


# --------------------------------------------------------------------------------------------
# Includes


def find_snippet(name: str) -> Path:
    for base in SNIPPET_BASES:
        if (base / name).is_file():
            return base / name
    raise IncludeError(f"snippet file {name!r} not found under snippets/ or the repository root")


def read_section(target: str) -> tuple[str, Path, int]:
    """Return (code, file, first line number) for `file.py` or `file.py:section`."""
    name, _, section = target.partition(":")
    path = find_snippet(name)
    lines = path.read_text(encoding="utf-8").splitlines()
    if not section:
        return "\n".join(lines) + "\n", path, 1
    start_marker = re.compile(rf"^\s*#\s*--8<--\s*\[start:{re.escape(section)}\]\s*$")
    end_marker = re.compile(rf"^\s*#\s*--8<--\s*\[end:{re.escape(section)}\]\s*$")
    starts = [i for i, line in enumerate(lines) if start_marker.match(line)]
    if not starts:
        raise IncludeError(f"section {section!r} not found in {path.relative_to(ROOT)}")
    first = starts[0] + 1
    for i in range(first, len(lines)):
        if end_marker.match(lines[i]):
            body = ["" if "--8<--" in line else line for line in lines[first:i]]
            return "\n".join(body) + "\n", path, first + 1
    raise IncludeError(f"section {section!r} in {path.relative_to(ROOT)} has no [end:{section}] line")


def _rel(filename: str) -> str:
    path = Path(filename)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else filename


@dataclass
class Segment:
    code: str
    filename: str
    first_line: int
    included_at: int | None = None  # Markdown line of the --8<-- that brought it in


def split_segments(source: str, md_path: Path) -> list[Segment]:
    """Cut a fence's source into Markdown parts and included snippet sections, keeping line numbers."""
    segments: list[Segment] = []
    pending: list[str] = []
    pending_start = 1
    md_name = str(md_path.resolve())
    for lineno, line in enumerate(source.splitlines(), start=1):
        match = INCLUDE.match(line)
        if not match:
            if not pending:
                pending_start = lineno
            pending.append(line)
            continue
        if any(part.strip() for part in pending):
            segments.append(Segment("\n".join(pending) + "\n", md_name, pending_start))
        pending = []
        try:
            code, path, first = read_section(match["target"])
        except IncludeError as err:
            raise IncludeError(f"{_rel(md_name)}:{lineno}: --8<-- \"{match['target']}\": {err}") from None
        segments.append(Segment(code, str(path.resolve()), first, included_at=lineno))
    if any(part.strip() for part in pending):
        segments.append(Segment("\n".join(pending) + "\n", md_name, pending_start))
    return segments


# --------------------------------------------------------------------------------------------
# pytest-markdown-docs integration


def _continue_sessions(state):
    """Mark a fence `continuation` when an earlier Python fence on the page has the same session."""
    seen: set[str] = set()
    for token in state.tokens:
        if token.type != "fence":
            continue
        parts = token.info.split()
        if not parts or parts[0] not in ("py", "python", "python3"):
            continue
        match = SESSION.search(token.info)
        if match:
            if match[1] in seen:
                token.info += " continuation"
            seen.add(match[1])


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    md = MarkdownIt("commonmark")
    md.core.ruler.push("guide_sessions", _continue_sessions)
    return md


@register_runner(default=True)
class GuideRunner(_Runner):
    """Runs a fence segment by segment, so tracebacks point at the real file and line."""

    def runtest(self, test, args, **kwargs):
        md_path = Path(test.source_path)
        for seg in split_segments(test.source, md_path):
            padded = "\n" * (seg.first_line - 1) + seg.code
            exec(compile(padded, seg.filename, "exec", dont_inherit=True), args)

    def repr_failure(self, test, excinfo, style=None):
        err = excinfo.value
        if isinstance(err, IncludeError):
            return f"broken include: {err}"
        md_path = Path(test.source_path)
        try:
            segments = split_segments(test.source, md_path)
        except IncludeError as include_error:
            return f"broken include: {include_error}"
        ours = {seg.filename for seg in segments}
        frames = traceback.extract_tb(excinfo.tb)
        first = next((i for i, f in enumerate(frames) if f.filename in ours), 0)
        shown = frames[first:]
        where = next((f for f in reversed(shown) if f.filename in ours), shown[-1] if shown else None)
        lines = []
        if where is not None:
            lines.append(f"example failed at {_rel(where.filename)}:{where.lineno}")
            seg = next((s for s in segments if s.filename == where.filename), None)
            if seg and seg.included_at:
                lines.append(f"  included by {_rel(str(md_path))}:{seg.included_at}")
        lines.append("Traceback (most recent call last):")
        for frame in shown:
            _ = frame.line  # read the source line while the absolute path is still set
            frame.filename = _rel(frame.filename)
        lines.extend(line.rstrip("\n") for line in traceback.format_list(shown))
        lines.extend(line.rstrip("\n") for line in traceback.format_exception_only(type(err), err))
        return "\n".join(lines)
