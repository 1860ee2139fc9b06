"""Every notebook (a jupytext percent-format .py file under docs/) executes in a real kernel, the
way the build executes it (guidebuild.notebooks: the notebook's own folder, the same timeout)."""

import pytest
from guidebuild.notebooks import execute
from guidebuild.paths import ROOT, notebooks

NOTEBOOKS = notebooks()


def test_there_are_notebooks():
    assert NOTEBOOKS, "chapter 3.5 has a walkthrough notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_executes(path):
    executed = execute(path)  # raises, naming the notebook and the cell, when a cell fails
    assert sum(bool(cell.get("outputs")) for cell in executed.cells) >= 5, (
        f"{path.relative_to(ROOT)}: a walkthrough shows its results"
    )
