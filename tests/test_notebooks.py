"""Every notebook (a jupytext percent-format .py file under docs/) executes in a real kernel."""

from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "docs").rglob("*.py"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "chapter 3.5 has a walkthrough notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_executes(path, tmp_path):
    notebook = jupytext.read(path)
    assert notebook.metadata.get("kernelspec", {}).get("language") == "python", (
        f"{path.relative_to(ROOT)}: the jupytext header needs a Python kernelspec"
    )
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )  # the kernel inherits MLSGUIDE_OFFLINE=1 from this process: it runs offline too
    client.execute()
    errors = [
        (i, out)
        for i, cell in enumerate(notebook.cells)
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert not errors, f"{path.relative_to(ROOT)}: cell {errors[0][0]} raised {errors[0][1]['ename']}"
