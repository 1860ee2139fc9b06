"""Executing a notebook page: the one way the build and the tests run a jupytext `.py` notebook.

The kernel is a separate process that inherits this one's environment (offline, emulated AWS,
seeded), works in the notebook's own folder, as Jupyter does when a reader opens the file, and
gives each cell up to TIMEOUT seconds.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from guidebuild.paths import rel

TIMEOUT = 300  # seconds per cell: the slowest cell takes a few seconds; this is a hung kernel


class NotebookError(Exception):
    """A notebook could not run; the message names the notebook and, for a failing cell, the cell."""


def execute(source: Path) -> nbformat.NotebookNode:
    """Run every cell of a jupytext notebook; returns the notebook with its outputs."""
    notebook = jupytext.read(source)
    if notebook.metadata.get("kernelspec", {}).get("language") != "python":
        raise NotebookError(f"{rel(source)}: the jupytext header needs a Python kernelspec")
    for number, cell in enumerate(notebook.cells, 1):
        cell.id = f"cell-{number}"  # jupytext draws random ids: keep the page the same from build to build
    client = NotebookClient(notebook, timeout=TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(Path(source).parent)}})
    try:
        client.execute()
    except CellExecutionError as error:
        failed = next((n for n, cell in enumerate(notebook.cells, 1)
                       if any(out.get("output_type") == "error" for out in cell.get("outputs", []))), "?")
        raise NotebookError(f"{rel(source)}: cell {failed} failed:\n{error}") from None
    except Exception as error:  # the kernel would not start, died or timed out
        raise NotebookError(f"{rel(source)}: could not be executed: {error!r}") from None
    return notebook


def execute_to(source: Path, target: Path) -> Path:
    """Run a notebook and write the executed copy (an .ipynb) to `target`."""
    notebook = execute(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    return target
