"""The guide as the build sees it: its data files and its pages, read and checked once per build.

`for_build(config)` is what the hooks call, from any event: the first call of a build reads and
checks everything, later calls with the same config get the same object. `mkdocs serve` makes a
new config for every rebuild, so an edited data file or page is read again. Tests and scripts call
`load()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guidebuild import data as guide_data
from guidebuild import pages as guide_pages
from guidebuild import shortcodes
from guidebuild.data import GuideData
from guidebuild.pages import Page
from guidebuild.paths import DATA, DOCS, mkdocs_config
from guidebuild.schema import DataError


@dataclass
class Guide:
    data: GuideData
    pages: dict[str, Page]  # docs/ path -> Markdown page
    chapters: dict[str, str]  # task id -> its chapter's docs/ path
    table_pages: dict[str, list[str]]  # decision table id -> pages that place it


def load(docs: Path = DOCS, data_dir: Path = DATA, nav="mkdocs.yml") -> Guide:
    """Read and check the data files and the pages; `nav` is mkdocs.yml's nav (read from the file
    unless given). Raises DataError listing every problem."""
    data = guide_data.load(data_dir, docs)
    pages = guide_pages.read_pages(docs)
    chapters = guide_pages.chapter_pages(pages)
    table_pages: dict[str, list[str]] = {}
    for src, page in pages.items():
        for use in shortcodes.find(page.text):
            if use.name == "decision-table" and use.arg:
                table_pages.setdefault(use.arg, []).append(src)
    guide = Guide(data, pages, chapters, table_pages)
    nav = mkdocs_config().get("nav") if nav == "mkdocs.yml" else nav
    messages = guide_pages.check_chapters(pages, data)
    if not messages:  # the nav and the quizzes are checked against valid chapters
        messages += guide_pages.check_nav(nav, chapters, data) + shortcodes.check_pages(guide, pages)
    if messages:
        raise DataError(messages)
    return guide


_current: tuple[object, Guide] | None = None


def for_build(config) -> Guide:
    """The guide of the build that `config` belongs to, read and checked on first use."""
    global _current
    if _current is None or _current[0] is not config:
        _current = (config, load(Path(config["docs_dir"]), Path(config["docs_dir"]) / "data", config["nav"]))
    return _current[1]
