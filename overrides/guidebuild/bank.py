"""The question bank as the practice exam reads it: its format, written and read here only.

The build writes `assets/javascripts/question-bank.js`, a script that sets `window.MLSGUIDE_BANK`
(a script rather than JSON, so that the exam also works from `file://`, where pages cannot fetch).
Its value:

    {"domains": [{"id", "title", "weight", "tasks": [task ids]}],
     "tasks": {task id: title},
     "questions": [{"id", "task", "domain", "kind", "choose", "stem", "options": {letter: html},
                    "answer": [letters], "explanations": {letter: html}, "link": site URL}]}

with the Markdown of stems, options and explanations rendered to HTML and links as site-relative
URLs. overrides/assets/javascripts/exam.js reads it; the tests read it with `read`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from guidebuild.paths import page_url
from guidebuild.schema import line_of

if TYPE_CHECKING:
    from guidebuild.guide import Guide

FILE = "assets/javascripts/question-bank.js"
PREFIX, SUFFIX = "window.MLSGUIDE_BANK = ", ";\n"


def for_browser(guide: Guide, use_directory_urls: bool, to_html: Callable[[str], str]) -> dict:
    """The bank with HTML text and site-relative links, and the blueprint's domains and weights."""
    blueprint = guide.data.blueprint
    domains = [{"id": d["id"], "title": d["title"], "weight": d["weight"],
                "tasks": [t["id"] for t in d["tasks"]]} for d in blueprint["domains"]]
    questions = []
    for task, items in guide.data.questions.items():
        for q in items:
            page, _, anchor = q["link"].partition("#")
            questions.append({
                "id": q["id"], "task": task, "domain": task.split(".")[0], "kind": q["kind"],
                "choose": len(q["answer"]), "stem": to_html(q["stem"]),
                "options": {k: to_html(v) for k, v in q["options"].items()},
                "answer": list(q["answer"]),
                "explanations": {k: to_html(v) for k, v in q["explanations"].items()},
                "link": f"{page_url(page, use_directory_urls)}#{anchor}",
            })
    tasks = {task_id: task["title"] for task_id, task in guide.data.tasks().items()}
    return {"domains": domains, "tasks": tasks, "questions": questions}


def write(site_dir: Path, bank: dict) -> Path:
    target = Path(site_dir) / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(bank, ensure_ascii=False, sort_keys=True)
    target.write_text(PREFIX + payload + SUFFIX, encoding="utf-8")
    return target


def read(site_dir: Path) -> dict:
    text = (Path(site_dir) / FILE).read_text(encoding="utf-8")
    if not (text.startswith(PREFIX) and text.endswith(SUFFIX)):
        raise ValueError(f"{FILE} does not have the format guidebuild.bank writes")
    return json.loads(text[len(PREFIX):-len(SUFFIX)])


def link_problems(guide: Guide, anchors: dict[str, set[str]]) -> list[str]:
    """Each question's link against the pages' real ids (`anchors`: docs/ page -> ids in its HTML)."""
    messages = []
    for task, questions in guide.data.questions.items():
        for q in questions:
            page, _, anchor = q["link"].partition("#")
            line = line_of(q, "link")
            file = f"docs/data/questions/{task}.yml" + (f":{line}" if line else "")
            where = f"{file}: question '{q['id']}': field 'link'"
            if page not in anchors:
                messages.append(f"{where} points to {page}, which is not a page of the site")
            elif anchor not in anchors[page]:
                messages.append(f"{where} points to #{anchor}, which is not a heading of {page}")
    return messages
