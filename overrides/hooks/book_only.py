"""Pages for the book only (front matter `book_only: true`, such as the answer key) stay out of the
web navigation: the sidebar and the previous and next links skip them. They are still built, and
the print edition keeps them, because print-site saved the navigation's items before this hook
runs (hooks run after plugins) and this hook gives the web a new list instead of editing that one.
"""

import copy
from pathlib import Path

from guidebuild.pages import read_pages
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page


def _without(items, hidden, parent=None):
    """The items minus the hidden pages; sections are copies (print-site keeps the originals),
    and each kept item's parent is its copied section, so the web marks the right one active."""
    kept = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in hidden:
            continue
        if isinstance(item, Section):
            item = copy.copy(item)
            item.children = _without(item.children, hidden, item)
        item.parent = parent
        kept.append(item)
    return kept


def on_nav(nav, config, files):
    pages = read_pages(Path(config["docs_dir"]))
    hidden = {src for src, page in pages.items() if page.meta.get("book_only") is True}
    if not hidden:
        return nav
    nav.items = _without(nav.items, hidden)
    nav.pages = [p for p in nav.pages if p.file.src_uri not in hidden]
    for i, page in enumerate(nav.pages):
        page.previous_page = nav.pages[i - 1] if i else None
        page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
    return nav
