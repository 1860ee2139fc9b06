"""MkDocs hook: run the pages' examples offline, against the AWS emulator, deterministically.

markdown-exec executes the `exec="on"` fences while pages are converted. This hook prepares that
process once (network blocked except loopback, figures printed inline, a non-interactive matplotlib
backend) and gives every page a fresh, empty emulated AWS account and freshly seeded random
generators, so a page's output does not depend on the pages built before it; when the page is
converted, it stops the local Spark session its examples shared, if they started one. Before that it checks
the page's snippet includes, names each example's session after its snippet file and folds set-up
and clean-up examples (`guidebuild.snippets`); after it, it fails the build on an example that
printed nothing into its output block (`guidebuild.output`). It also resolves the links in
notebook pages, which mkdocs-jupyter leaves untouched, and records how long each page took to
convert, examples included, in build/page-build-times.json (slowest first; `make bench` reports
them), so that a contributor sees which chapter makes the build slow.
"""

import json
import logging
import posixpath
import re
import time
from pathlib import Path

from guidebuild.examples import end, end_page, fresh_state, prepare_process
from guidebuild.output import empty_outputs
from guidebuild.paths import BUILD

prepare_process(figures="inline")

import joblib  # noqa: E402
from guidebuild.snippets import SnippetError, Snippets  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

# scikit-learn's cross-validation fits run two at a time on threads (its tree code releases the
# GIL): same results, in the same order, in less time. Readers' runs keep scikit-learn's default.
joblib.parallel_config(backend="threading", n_jobs=2)
MD_LINK = re.compile(r'href="(?P<target>[^"#]+\.md)(?P<anchor>#[^"]*)?"')


class NameThePage(logging.Filter):
    """markdown-exec reports a failing example without saying on which page it is: add it."""

    page: str | None = None

    def filter(self, record):
        if self.page and not str(record.msg).startswith("docs/"):
            record.msg = f"docs/{self.page}: {record.msg}"
        return True


name_the_page = NameThePage()
snippets: Snippets | None = None
output_lines: dict[str, list[int]] = {}  # page -> the lines of its examples that show output
started: dict[str, float] = {}  # page -> when its conversion began
seconds: dict[str, float] = {}  # page -> how long its conversion took, examples included


def on_config(config, **kwargs):
    global snippets
    snippets = Snippets.of_project(Path(config.config_file_path))
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("mkdocs.plugins.markdown_exec"):
            logging.getLogger(name).addFilter(name_the_page)
    return config


def on_page_markdown(markdown, page, **kwargs):
    name_the_page.page = page.file.src_uri
    started[page.file.src_uri] = time.monotonic()
    if page.file.src_uri.endswith(".md"):
        front_matter_lines = page.file.content_string.count("\n") - markdown.count("\n")
        try:
            markdown, examples = snippets.prepare_page(page.file.src_uri, markdown, front_matter_lines)
        except SnippetError as err:
            raise PluginError(str(err)) from None
        output_lines[page.file.src_uri] = [example.line for example in examples if example.shows_output]
    if 'exec="on"' in markdown:
        fresh_state()
    return markdown


def on_post_build(config, **kwargs):
    slowest = dict(sorted(((src, round(s, 1)) for src, s in seconds.items()), key=lambda kv: -kv[1]))
    BUILD.mkdir(exist_ok=True)
    (BUILD / "page-build-times.json").write_text(json.dumps(slowest, indent=1) + "\n", encoding="utf-8")


def on_shutdown(**kwargs):
    end()


@event_priority(100)  # before print-site copies the page into the print page
def on_page_content(html, page, files, **kwargs):
    end_page()  # the page's examples have run
    if page.file.src_uri in started:
        seconds[page.file.src_uri] = time.monotonic() - started[page.file.src_uri]
    if page.file.src_uri.endswith(".py"):
        return resolve_notebook_links(html, page, files)
    check_no_empty_output(html, page.file.src_uri)
    return html


def check_no_empty_output(html, src_uri):
    """The n-th output block on the page is the n-th example with `result="output"`; when an
    example failed, markdown-exec has reported it and left no block, and the count differs."""
    lines = output_lines.get(src_uri, [])
    count, empty = empty_outputs(html)
    if count == len(lines) and empty:
        raise PluginError("\n".join(
            f'docs/{src_uri}:{lines[i]}: the example printed nothing, so its output block is empty; '
            f'print what it shows, or remove result="output" from the fence' for i in empty))


def resolve_notebook_links(html, page, files):
    """mkdocs-jupyter leaves Markdown links to other pages as `*.md`; point them at the pages
    MkDocs built, as it does for every Markdown page (and fail on a link to nothing)."""

    def rewrite(m):
        target, anchor = m["target"], m["anchor"] or ""
        if "://" in target:
            return m.group(0)
        src = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), target))
        linked = files.get_file_from_path(src)
        if linked is None:
            raise PluginError(f"docs/{page.file.src_uri}: link to {target}, which is not a page")
        return f'href="{linked.url_relative_to(page.file)}{anchor}"'

    return MD_LINK.sub(rewrite, html)
