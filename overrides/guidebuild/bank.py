"""The question bank as the practice pages read it: its format, written and read here only.

The build writes it as scripts rather than JSON, so that the practice pages also work from
`file://`, where pages cannot fetch, and in parts, so that the pages stay light with hundreds of
questions:

* `assets/javascripts/question-bank.js` sets `window.MLSGUIDE_BANK`, all the start screens, the
  draw and the progress page need: `{"domains": [{"id", "title", "weight", "tasks": [task ids]}],
  "tasks": {task id: title}, "chapters": {task id: its chapter's site URL}, "pages": {"exam",
  "practice", "progress": the site URLs of the practice pages}, "questions": [{"id", "task",
  "domain", "kind", "choose"}] (the practice-exam pool), "quiz": [the same for the chapters' quiz
  questions, which only the review of missed questions shows], "exams": [[question ids] for each
  fixed practice exam (guidebuild.practice)], "parts": {domain id: file},
  "quiz_count": how many questions the chapters' quizzes hold, kept out of the exam}`;
* one `question-bank-<domain>.js` per domain, loaded when an attempt or a round starts, adds the
  texts of that domain's questions, pool and quiz, to `window.MLSGUIDE_BANK_TEXT`: `{question id:
  {"stem", "options": {letter: html}, "answer": [letters], "explanations": {letter: html},
  "link": site URL of the section that teaches it, "report": the URL that opens a prefilled issue
  about the question (guidebuild.report)}}`, and for a quiz question `"where"`: its site URL on
  its chapter page.

Stems, options and explanations are Markdown rendered to HTML; links are site-relative URLs.
overrides/assets/javascripts/exam.js and practice.js read the parts; the tests read the whole bank
with `read`, which joins them again into one `{"domains", "tasks", "chapters", "pages",
"questions", "quiz", "exams", "quiz_count"}` with every field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from guidebuild import practice, report
from guidebuild.pages import missing_heading
from guidebuild.paths import page_url
from guidebuild.schema import line_of

if TYPE_CHECKING:
    from guidebuild.guide import Guide

FOLDER = "assets/javascripts"
FILE = f"{FOLDER}/question-bank.js"
PREFIX, SUFFIX = "window.MLSGUIDE_BANK = ", ";\n"
PART_PREFIX = "window.MLSGUIDE_BANK_TEXT = Object.assign(window.MLSGUIDE_BANK_TEXT || {}, "
PART_SUFFIX = ");\n"
INDEX_FIELDS = ("id", "task", "domain", "kind", "choose")
PAGES = {"exam": "practice-exam.md", "practice": "practice.md", "progress": "progress.md"}  # link targets


def part_name(domain: str) -> str:
    return f"question-bank-{domain}.js"


def for_browser(guide: Guide, use_directory_urls: bool, to_html: Callable[[str], str]) -> dict:
    """The bank with HTML text and site-relative links, the blueprint's domains and weights, and
    the fixed practice exams."""
    blueprint = guide.data.blueprint
    domains = [{"id": d["id"], "title": d["title"], "weight": d["weight"],
                "tasks": [t["id"] for t in d["tasks"]]} for d in blueprint["domains"]]

    def entry(task: str, q: dict) -> dict:
        page, _, anchor = q["link"].partition("#")
        return {
            "id": q["id"], "task": task, "domain": task.split(".")[0], "kind": q["kind"],
            "choose": len(q["answer"]), "stem": to_html(q["stem"]),
            "options": {k: to_html(v) for k, v in q["options"].items()},
            "answer": list(q["answer"]),
            "explanations": {k: to_html(v) for k, v in q["explanations"].items()},
            "link": f"{page_url(page, use_directory_urls)}#{anchor}",
            "report": report.question_url(q["id"]),
        }

    questions = [entry(task, q) for task, items in guide.data.exam_pool().items() for q in items]
    quiz = []
    for task in guide.data.questions:
        chapter = guide.chapters.get(task)
        for q in guide.data.quiz(task):
            where = {"where": f"{page_url(chapter, use_directory_urls)}#{q['id']}"} if chapter else {}
            quiz.append({**entry(task, q), **where})
    tasks = {task_id: task["title"] for task_id, task in guide.data.tasks().items()}
    chapters = {task: page_url(page, use_directory_urls) for task, page in guide.chapters.items()}
    pages = {name: page_url(page, use_directory_urls) for name, page in PAGES.items()}
    return {"domains": domains, "tasks": tasks, "chapters": chapters, "pages": pages, "questions": questions,
            "quiz": quiz, "exams": practice.fixed_exams(domains, questions), "quiz_count": len(quiz)}


def _script(prefix: str, value, suffix: str) -> str:
    return prefix + json.dumps(value, ensure_ascii=False, sort_keys=True) + suffix


def write(site_dir: Path, bank: dict) -> list[Path]:
    """Write the index and one part per domain; returns the files written."""
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    parts = {d["id"]: part_name(d["id"]) for d in bank["domains"]}
    index = {"domains": bank["domains"], "tasks": bank["tasks"], "chapters": bank["chapters"],
             "pages": bank["pages"],
             "parts": parts, "quiz_count": bank["quiz_count"], "exams": bank["exams"],
             "questions": [{k: q[k] for k in INDEX_FIELDS} for q in bank["questions"]],
             "quiz": [{k: q[k] for k in INDEX_FIELDS} for q in bank["quiz"]]}
    written = [folder / "question-bank.js"]
    written[0].write_text(_script(PREFIX, index, SUFFIX), encoding="utf-8")
    for domain, name in parts.items():
        texts = {q["id"]: {k: v for k, v in q.items() if k not in INDEX_FIELDS}
                 for q in bank["questions"] + bank["quiz"] if q["domain"] == domain}
        (folder / name).write_text(_script(PART_PREFIX, texts, PART_SUFFIX), encoding="utf-8")
        written.append(folder / name)
    return written


def _unwrap(path: Path, prefix: str, suffix: str):
    text = path.read_text(encoding="utf-8")
    if not (text.startswith(prefix) and text.endswith(suffix)):
        raise ValueError(f"{path.name} does not have the format guidebuild.bank writes")
    return json.loads(text[len(prefix):-len(suffix)])


def read(site_dir: Path) -> dict:
    """The whole bank, its parts joined: {"domains", "tasks", "chapters", "pages", "questions" and "quiz"
    (with every field), "exams", "quiz_count"}."""
    folder = Path(site_dir) / FOLDER
    index = _unwrap(folder / "question-bank.js", PREFIX, SUFFIX)
    texts: dict = {}
    for name in index["parts"].values():
        texts.update(_unwrap(folder / name, PART_PREFIX, PART_SUFFIX))
    return {"domains": index["domains"], "tasks": index["tasks"], "chapters": index["chapters"],
            "pages": index["pages"],
            "questions": [{**q, **texts[q["id"]]} for q in index["questions"]],
            "quiz": [{**q, **texts[q["id"]]} for q in index["quiz"]],
            "exams": index["exams"], "quiz_count": index["quiz_count"]}


def link_problems(guide: Guide, anchors: dict[str, set[str]]) -> list[str]:
    """Each question's link against the pages' real ids (`anchors`: docs/ page -> ids in its HTML)."""
    messages = []
    for task, questions in guide.data.questions.items():
        for q in questions:
            line = line_of(q, "link")
            file = f"docs/data/questions/{task}.yml" + (f":{line}" if line else "")
            if problem := missing_heading(q["link"], anchors):
                messages.append(f"{file}: question '{q['id']}': field 'link' {problem}")
    return messages
