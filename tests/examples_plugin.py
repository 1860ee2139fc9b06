"""pytest plugin: run every example the way the build runs it, and report failures precisely.

Loaded for the whole test session (`-p tests.examples_plugin` in pyproject.toml), it

* keeps every test offline (network blocked except loopback) and deterministic (seeded);
* gives every test a fresh emulated AWS account (moto) and a temporary working directory;
* teaches pytest-markdown-docs two things about the guide's fences:
  - a fence that includes a snippet (`--8<-- "file.py:section"`) is not run again here: it ran in
    the build, its whole file runs in tests/test_snippets.py, which also checks the include;
  - inline fences that share a markdown-exec `session` on a page continue each other, as in the
    build;
* reports a failing inline fence with the Markdown file and line of the failing statement.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from guidebuild.examples import end, end_page, fresh_state, prepare_process

prepare_process(figures="none")  # render figures (so they are tested) but print nothing

import pytest  # noqa: E402
from guidebuild.snippets import SnippetError, Snippets  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402
from pytest_markdown_docs._runners import _Runner, register_runner  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = Snippets.of_project(ROOT / "mkdocs.yml")
SESSION = re.compile(r'\bsession="([^"]+)"')


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
    fresh_state()
    yield
    end_page()
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
    end()


# --------------------------------------------------------------------------------------------
# pytest-markdown-docs integration


def _includes_a_snippet(code: str) -> bool:
    try:
        return any(SNIPPETS.include_target(line) for line in code.split("\n"))
    except SnippetError:
        return True  # a malformed include: tests/test_snippets.py reports it


def _mark_fences(state):
    """Skip fences that show a snippet; continue inline fences that share a session.

    A fence that includes a snippet runs in the build and, as part of its whole file, in
    tests/test_snippets.py, which also checks its include statically; a third run would only cost
    time. Inline fences (code written in the page) run here, and those that share a markdown-exec
    `session` on a page continue each other, as in the build.
    """
    seen: set[str] = set()
    for token in state.tokens:
        if token.type != "fence":
            continue
        parts = token.info.split()
        if not parts or parts[0] not in ("py", "python", "python3"):
            continue
        if _includes_a_snippet(token.content):
            token.info += " notest"
            continue
        match = SESSION.search(token.info)
        if match:
            if match[1] in seen:
                token.info += " continuation"
            seen.add(match[1])


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    md = MarkdownIt("commonmark")
    md.core.ruler.push("guide_fences", _mark_fences)
    return md


@register_runner(default=True)
class GuideRunner(_Runner):
    """Runs an inline fence as code of its Markdown file, so a traceback names the page and line."""

    def runtest(self, test, args, **kwargs):
        exec(compile(test.source, str(Path(test.source_path).resolve()), "exec", dont_inherit=True), args)

    def repr_failure(self, test, excinfo, style=None):
        page = str(Path(test.source_path).resolve())
        frames = traceback.extract_tb(excinfo.tb)
        shown = frames[next((i for i, f in enumerate(frames) if f.filename == page), 0):]
        lines = []
        where = next((f for f in reversed(shown) if f.filename == page), None)
        if where is not None:
            lines.append(f"example failed at {_rel(where.filename)}:{where.lineno}")
        lines.append("Traceback (most recent call last):")
        for frame in shown:
            _ = frame.line  # read the source line while the absolute path is still set
            frame.filename = _rel(frame.filename)
        lines.extend(line.rstrip("\n") for line in traceback.format_list(shown))
        err = excinfo.value
        lines.extend(line.rstrip("\n") for line in traceback.format_exception_only(type(err), err))
        return "\n".join(lines)


def _rel(filename: str) -> str:
    path = Path(filename)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else filename
