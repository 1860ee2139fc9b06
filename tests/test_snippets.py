"""Every snippet file is a complete program: run each one, offline, against the emulator."""

import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = sorted(
    p for p in (ROOT / "snippets").rglob("*.py") if "mlsguide" not in p.relative_to(ROOT).parts
)
INCLUDE = re.compile(r'--8<--\s+"([^":]+\.py)(?::[^"]*)?"')


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT / "snippets"))


def test_there_are_snippets():
    assert len(SNIPPETS) >= 12, "the two reference chapters alone have 12+ example files"


@pytest.mark.parametrize("path", SNIPPETS, ids=_id)
def test_snippet_runs(path):
    runpy.run_path(str(path), run_name="__main__")


@pytest.mark.parametrize("path", SNIPPETS, ids=_id)
def test_snippet_is_shown_somewhere(path):
    """No orphans: every example file is included by at least one page."""
    included = {
        name
        for page in (ROOT / "docs").rglob("*.md")
        for name in INCLUDE.findall(page.read_text(encoding="utf-8"))
    }
    assert _id(path) in included, f"snippets/{_id(path)} is not included by any page in docs/"


@pytest.mark.parametrize("path", SNIPPETS, ids=_id)
def test_snippet_says_how_to_run_it(path):
    source = path.read_text(encoding="utf-8")
    assert source.startswith('"""'), f"snippets/{_id(path)}: start with a docstring saying what it shows"
    if "boto3" in source:
        assert "aws.activate()" in source, f"snippets/{_id(path)}: call mlsguide.aws.activate() first"
        assert "MLSGUIDE_LIVE_AWS" in source, (
            f"snippets/{_id(path)}: the docstring must say how to run it against a real account"
        )
