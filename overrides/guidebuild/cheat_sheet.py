"""One cheat sheet per domain (docs/reference/cheat-sheet-<domain>.md), made from the data the
chapters already use, never written twice:

- the decision tables the domain's chapters place, in chapter order, one line per option (its name
  and when to choose it), each table linked to its chapter;
- the limits of docs/data/limits.yml that the domain's chapters state, by service;
- the glossary terms whose `see` is one of the domain's chapters, A to Z, each with the first
  sentence of its definition.

On paper a sheet is set small in two columns (guide.css, "Cheat sheets"), so that it fits on two
A4 pages (tests/test_book.py measures it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from guidebuild.limits import by_service
from guidebuild.paths import relative_link

if TYPE_CHECKING:
    from guidebuild.guide import Guide

PAGE = "reference/cheat-sheet-{domain}.md"
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z(]|\s*$)", re.S)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    found = FIRST_SENTENCE.match(text)
    return found[1] if found else text


def domain_chapters(guide: Guide, domain_id: str) -> list[str]:
    """The domain's chapters (docs/ paths), in task order."""
    tasks = guide.data.domain(domain_id)["tasks"]
    return [guide.chapters[t["id"]] for t in tasks if t["id"] in guide.chapters]


def domain_tables(guide: Guide, domain_id: str) -> list[tuple[str, str]]:
    """(table id, the chapter that places it) for the domain's decision tables, in the order the
    chapters place them; a table two chapters place counts once, at the first."""
    from guidebuild.shortcodes import find  # the shortcodes module registers this one

    placed: dict[str, str] = {}
    for src in domain_chapters(guide, domain_id):
        for use in find(guide.pages[src].text):
            if use.name == "decision-table" and use.arg in guide.data.tables:
                placed.setdefault(use.arg, src)
    return list(placed.items())


def domain_limits(guide: Guide, domain_id: str) -> list[dict]:
    chapters = set(domain_chapters(guide, domain_id))
    return [limit for limit in guide.data.limits if chapters & set(limit["chapters"])]


def domain_terms(guide: Guide, domain_id: str) -> list[dict]:
    chapters = set(domain_chapters(guide, domain_id))
    terms = [t for t in guide.data.glossary if t.get("see", "").partition("#")[0] in chapters]
    return sorted(terms, key=lambda t: t["term"].casefold())


def cheat_sheet(guide: Guide, page: str, domain_id: str) -> str:
    """The domain's sheet: its decision tables' rows, its limits and its terms."""
    from guidebuild.render import cell, limit_value

    tasks = {src: task for task, src in guide.chapters.items()}
    lines = ['<div class="cheat-sheet" markdown>', "", "## Decisions {#decisions}", ""]
    for table_id, src in domain_tables(guide, domain_id):
        table = guide.data.tables[table_id]
        link = f"{relative_link(page, src)}#table-{table_id}"
        lines += [f"### {table['title']} ([{tasks[src]}]({link}))", ""]
        lines += [f"- **{cell(o['name'])}**: {cell(o['choose_when'])}" for o in table["options"]]
        lines.append("")
    limits = domain_limits(guide, domain_id)
    if limits:
        lines += ["## Limits and quotas {#limits}", ""]
        for sid, members in by_service(limits).items():
            lines += [f"### {guide.data.services[sid]['name']}", ""]
            lines += [f"- {cell(limit['name'])}: **{limit_value(limit)}**" for limit in members]
            lines.append("")
    terms = domain_terms(guide, domain_id)
    if terms:
        glossary = relative_link(page, "reference/glossary.md")
        lines += ["## Terms {#terms}", "", f"The full definitions are in the [Glossary]({glossary}).", ""]
        for term in terms:
            expansion = f" ({cell(term['expansion'])})" if term.get("expansion") else ""
            lines.append(f"- **{cell(term['term'])}**{expansion}: {first_sentence(term['definition'])}")
        lines.append("")
    lines += ["</div>", ""]
    return "\n".join(lines)
