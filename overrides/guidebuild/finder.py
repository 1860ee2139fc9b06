"""Which service? (docs/reference/which-service.md): a few questions that narrow a decision table's
options to an answer, built from the decision tables at build time.

A table takes part when it has a `finder:` mapping (criterion -> the question asked about it, in
the order asked) and each of its options a `fits:` mapping (criterion -> the answers it suits).
The page carries every such table as data in an attribute of its `#finder-app` element (no request,
so it works from file://), and overrides/assets/javascripts/finder.js asks the questions: first
what is being chosen (a table), then the table's questions, each offering only the answers that
some remaining option fits, until one option remains or the questions run out. The answer names
the option, its `choose_when` as the reason, the table's values for the criteria asked, and links
to the table in its chapter. Without JavaScript, `<noscript>` lists the same tables and options;
on paper, the page names the tables, which print in their chapters.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from typing import TYPE_CHECKING

from guidebuild.paths import page_url, relative_link, uses_directory_urls

if TYPE_CHECKING:
    from guidebuild.guide import Guide


def site_link(from_page: str, to_page: str, anchor: str) -> str:
    """The link a built page needs to another page's heading (no Markdown rewrites it)."""
    directory_urls = uses_directory_urls()
    target, here = page_url(to_page, directory_urls), page_url(from_page, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    return f"{posixpath.relpath(target, base or '.')}#{anchor}"


def topics(guide: Guide) -> list[dict]:
    """Every table with questions, in the decision tables' order, as the script reads it."""
    found = []
    task_of = {src: task for task, src in guide.chapters.items()}
    for table_id, table in guide.data.tables.items():
        if "finder" not in table:
            continue
        chapter = guide.table_pages[table_id][0]
        questions = []
        for key, ask in table["finder"].items():
            answers = list(dict.fromkeys(a for option in table["options"] for a in option["fits"][key]))
            questions.append({"key": key, "ask": ask, "criterion": table["criteria"][key],
                              "answers": answers})
        found.append({
            "id": table_id,
            "title": table["title"],
            "chapter": chapter,
            "task": task_of[chapter],
            "questions": questions,
            "options": [{"name": o["name"], "fits": o["fits"], "reason": " ".join(o["choose_when"].split()),
                         "values": {table["criteria"][k]: " ".join(o["values"][k].split())
                                    for k in table["finder"]}}
                        for o in table["options"]],
        })
    return found


def service_finder(guide: Guide, page: str, arg=None) -> str:
    """The finder's element with its data, and the tables as a list for a reader without JavaScript."""
    data = topics(guide)
    for topic in data:
        topic["link"] = site_link(page, topic["chapter"], f"table-{topic['id']}")
    attribute = escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)
    lines = [f'<div id="finder-app" class="finder" data-finder="{attribute}" markdown="block">', "",
             '<noscript markdown="block">', "",
             "**Which service? needs JavaScript.** Without it, here are the decision tables it asks "
             "about, with when to choose each option:", ""]
    for topic in data:
        link = f"{relative_link(page, topic['chapter'])}#table-{topic['id']}"
        lines.append(f"- [{topic['title']}]({link}) ({topic['task']}): "
                     + "; ".join(f"**{o['name']}**: {o['reason']}" for o in topic["options"]))
    lines += ["", "</noscript>", "", "</div>", ""]
    # On paper nothing can be asked: the book names the tables, which print in their chapters.
    tables = ", ".join(f"[{t['title']}]({relative_link(page, t['chapter'])}#table-{t['id']}) ({t['task']})"
                       for t in data)
    lines += ['<div class="finder-print" markdown>', "",
              f"On paper this page cannot ask its questions. It asks about these decision tables, each "
              f"printed in its chapter: {tables}.", "", "</div>", ""]
    return "\n".join(lines)
