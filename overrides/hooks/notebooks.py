"""MkDocs hook: execute the notebooks while the rest of the site builds.

A notebook runs in its own Jupyter kernel, a separate process, so it need not wait its turn: this
hook starts every notebook (a jupytext `.py` file under docs/) as soon as the build knows its files,
and the Markdown pages, with their own examples, are converted meanwhile. When mkdocs-jupyter comes
to render a notebook page, it is handed the executed copy (mkdocs-jupyter itself has
`execute: false`). That saves the build the kernel's whole run time, about 6 s.

Notebooks run the way the tests run them (`guidebuild.notebooks`); a cell that raises fails the
build, naming the notebook, the cell and the error.
"""

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from guidebuild.notebooks import NotebookError, execute_to
from guidebuild.paths import CACHE
from mkdocs.exceptions import PluginError

EXECUTED = CACHE / "notebooks"  # executed copies; never published
_running: dict[str, Future] = {}
_dirty = False  # `mkdocs serve --dirty` (make serve): run a notebook again only when it changed
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="notebook")


def on_startup(command, dirty, **kwargs):
    global _dirty
    _dirty = dirty


def on_files(files, config, **kwargs):
    _running.clear()
    for file in files:
        if file.src_uri.endswith(".py"):  # as mkdocs-jupyter's include: ["*.py"]
            source = Path(file.abs_src_path)
            target = EXECUTED / Path(file.src_uri).with_suffix(".ipynb")
            if _dirty and target.is_file() and target.stat().st_mtime > source.stat().st_mtime:
                continue  # unchanged since it last ran, and a dirty build does not render it again
            _running[file.src_uri] = _pool.submit(execute_to, source, target)
    return files


def on_pre_page(page, **kwargs):
    """After mkdocs-jupyter has set up the page: render from the executed copy."""
    job = _running.get(page.file.src_uri)
    if job is None:
        return page
    render = page.render

    def render_executed(config, files):
        try:
            executed = job.result()
        except NotebookError as error:
            raise PluginError(str(error)) from None
        source, page.file.abs_src_path = page.file.abs_src_path, str(executed)
        try:
            render(config, files)
        finally:
            page.file.abs_src_path = source  # the .py is what is offered for download

    page.render = render_executed
    return page
