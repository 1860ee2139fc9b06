"""Every snippet file is a complete program: run each one, offline, against the emulator.

A page shows a snippet in fences that include its sections; those fences run in the build, so here
they are checked statically (`guidebuild.snippets`): the include resolves, its sections exist, are
non-empty and in file order, the page is the snippet's own, and the fence's code compiles. Each
example thus runs twice per `make test`: in the build, and as a whole file below.
"""

import runpy
from pathlib import Path

import pytest
from guidebuild.snippets import Snippets

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SNIPPETS = Snippets.of_project(ROOT / "mkdocs.yml")
FILES = sorted(
    p for p in (ROOT / "snippets").rglob("*.py") if "mlsguide" not in p.relative_to(ROOT).parts
)
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT / "snippets"))


def test_there_are_snippets():
    assert len(FILES) >= 12, "the two reference chapters alone have 12+ example files"


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_snippet_runs(path):
    runpy.run_path(str(path), run_name="__main__")


@pytest.mark.parametrize("page", PAGES)
def test_page_includes_are_sound(page):
    """Includes resolve to non-empty sections of the page's own snippets, in file order, and
    every included example compiles (SnippetError names the page, line and snippet)."""
    SNIPPETS.check_page(page, (DOCS / page).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_snippet_is_shown_by_its_page(path):
    """No orphans: a snippet's folder names its page, and that page shows the file."""
    page = SNIPPETS.owner_page(path)
    assert (DOCS / page).is_file(), f"snippets/{_id(path)}: its folder names docs/{page}, which is missing"
    examples = SNIPPETS.check_page(page, (DOCS / page).read_text(encoding="utf-8"))
    assert any(example.includes[0][1].file == path for example in examples), (
        f"snippets/{_id(path)} is not included by docs/{page}"
    )


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_snippet_says_how_to_run_it(path):
    source = path.read_text(encoding="utf-8")
    assert source.startswith('"""'), f"snippets/{_id(path)}: start with a docstring saying what it shows"
    if "boto3" in source:
        assert "aws.activate()" in source, f"snippets/{_id(path)}: call mlsguide.aws.activate() first"
        assert "MLSGUIDE_LIVE_AWS" in source, (
            f"snippets/{_id(path)}: the docstring must say how to run it against a real account"
        )
