"""The Markdown pages under docs/, and the chapters among them.

A chapter's task id is written once, in its front matter:

    ---
    task: "1.2"
    ---

Everything else is derived from it or checked against it: the blueprint links the task to the
page that says it; the page's title must be `# 1.2 <the task statement's title in
docs/data/blueprint.yml>`; the page lives in its domain's folder; mkdocs.yml's nav lists the
chapters in task order, each in its domain's section; the quiz on the page is that task's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from guidebuild.data import GuideData
from guidebuild.paths import DOCS, page_sources

H1 = re.compile(r"^# (?P<title>.+?)(?:\s+\{[^}]*\})?\s*$")


@dataclass(frozen=True)
class Page:
    src: str  # the docs/ path: "1-data-engineering/1-2-data-ingestion.md"
    text: str  # the whole file, front matter included
    meta: dict  # the front matter
    body_line: int  # the file's line where the body (after the front matter) starts

    @property
    def where(self) -> str:
        return f"docs/{self.src}"

    def line_of_meta(self, key: str) -> int:
        for number, line in enumerate(self.text.splitlines()[: self.body_line], 1):
            if line.startswith(f"{key}:"):
                return number
        return 1


def missing_heading(link: str, anchors: dict[str, set[str]]) -> str | None:
    """What is wrong with a data file's link 'page.md#heading' against the built pages' ids
    (`anchors`: docs/ page -> the ids in its HTML), worded to follow "field 'x' ", or None."""
    page, _, anchor = link.partition("#")
    if page not in anchors:
        return f"points to {page}, which is not a page of the site"
    if anchor not in anchors[page]:
        return f"points to #{anchor}, which is not a heading of {page}"
    return None


def read_page(src: str, text: str) -> Page:
    body, meta = get_data(text)
    skipped = text[: len(text) - len(body)] if body and text.endswith(body) else ""
    return Page(src, text, meta, skipped.count("\n") + 1)


def read_pages(docs: Path = DOCS) -> dict[str, Page]:
    """Every Markdown page under docs/ (notebooks have no front matter or shortcodes)."""
    return {src: read_page(src, (docs / src).read_text(encoding="utf-8"))
            for src in page_sources(docs) if src.endswith(".md")}


def chapter_pages(pages: dict[str, Page]) -> dict[str, str]:
    """Task id -> the page whose front matter names it."""
    return {str(page.meta["task"]): src for src, page in pages.items() if "task" in page.meta}


def check_chapters(pages: dict[str, Page], data: GuideData) -> list[str]:
    """Front matter, folder and title of every chapter, against the blueprint."""
    tasks, messages, owner = data.tasks(), [], {}
    for src, page in pages.items():
        if "task" not in page.meta:
            continue
        where, task_id = f"{page.where}:{page.line_of_meta('task')}", page.meta["task"]
        if not isinstance(task_id, str):
            messages.append(f"{where}: front matter 'task' must be text in quotes, like task: \"1.2\"; "
                            f"got {task_id!r}")
            continue
        if task_id not in tasks:
            messages.append(f"{where}: front matter task {task_id!r} is not a task statement of "
                            "docs/data/blueprint.yml")
            continue
        if task_id in owner:
            messages.append(f"{where}: task {task_id} already has a chapter, docs/{owner[task_id]}")
            continue
        owner[task_id] = src
        task = tasks[task_id]
        if not src.startswith(task["folder"] + "/"):
            messages.append(f"{where}: a chapter of task {task_id} belongs in docs/{task['folder']}/, "
                            f"its domain's folder")
        expected = f"{task_id} {task['title']}"
        title, line = _first_title(page)
        if title != expected:
            found = f"'# {title}'" if title is not None else "no '# ' title"
            messages.append(f"{page.where}:{line}: the title must be '# {expected}' (task {task_id} in "
                            f"docs/data/blueprint.yml), found {found}")
    return messages


def _first_title(page: Page) -> tuple[str | None, int]:
    for number, _, line in outside_fences(page.text):
        match = H1.match(line) if number >= page.body_line else None
        if match:
            return match["title"], number
    return None, page.body_line


FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")


def outside_fences(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, offset of the line in `text`, line) for each line outside fenced code blocks,
    so that a page can show a shortcode or a heading as code."""
    open_fence, offset = None, 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        bare = line.rstrip("\r\n")
        fence = FENCE.match(bare)
        if open_fence:
            closes = (fence and fence["fence"][0] == open_fence[0]
                      and len(fence["fence"]) >= len(open_fence) and not fence["rest"].strip())
            if closes:
                open_fence = None
        elif fence:
            open_fence = fence["fence"]
        else:
            yield number, offset, bare
        offset += len(line)


def nav_pages(nav, section: tuple = ()) -> list[tuple[tuple, str]]:
    """(section titles, page) for every page mkdocs.yml's nav lists, in order."""
    found = []
    for entry in nav or []:
        if isinstance(entry, str):
            found.append((section, entry))
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    found.append((section, value))
                else:
                    found += nav_pages(value, (*section, title))
    return found


def check_nav(nav, chapters: dict[str, str], data: GuideData) -> list[str]:
    """The nav lists every chapter, in task order, in the section of its domain's index page."""
    if nav is None:
        return []  # no nav in mkdocs.yml: MkDocs orders pages by file name
    listed = nav_pages(nav)
    section_of = {page: section for section, page in listed}
    messages = []
    order = {task: n for n, task in enumerate(data.task_ids())}
    in_nav = [(order[task], task) for page in (p for _, p in listed)
              for task, chapter in chapters.items() if chapter == page]
    if in_nav != sorted(in_nav):
        shown, wanted = ", ".join(t for _, t in in_nav), ", ".join(t for _, t in sorted(in_nav))
        messages.append(f"mkdocs.yml: nav lists the chapters as {shown}; list them in task order: {wanted}")
    tasks = data.tasks()
    for task, page in sorted(chapters.items(), key=lambda kv: order.get(kv[0], 0)):
        if page not in section_of:
            messages.append(f"mkdocs.yml: nav does not list docs/{page}, the chapter of task {task}")
            continue
        index = f"{tasks[task]['folder']}/index.md"
        if index in section_of and section_of[index] != section_of[page]:
            messages.append(f"mkdocs.yml: nav puts docs/{page} (task {task}) outside its domain's "
                            f"section, the one that lists {index}")
    return messages
