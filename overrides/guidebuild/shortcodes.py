"""The shortcodes: one namespace of `<!-- name -->` and `<!-- name: argument -->` lines.

A line is a shortcode when it is nothing but an HTML comment holding one lower-case name (letters,
digits, hyphens), optionally followed by a colon and a single argument without spaces, and it
starts at the beginning of the line, outside fenced code. Every such line must name a shortcode
of SHORTCODES, or the build stops with the page, the line and the known names. Any other comment
(`<!-- Two words or more, or capitals -->`, a comment inside a line, one spanning several lines)
is an ordinary HTML comment and stays in the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from guidebuild import cheat_sheet, finder, render, study_plan
from guidebuild.pages import Page, outside_fences
from guidebuild.schema import DataError

if TYPE_CHECKING:
    from guidebuild.guide import Guide

SHORTCODE = re.compile(r"^<!--[ \t]*(?P<name>[a-z][a-z0-9-]*)"
                       r"(?:[ \t]*:[ \t]*(?P<arg>[^\s>]+))?[ \t]*-->[ \t]*$")


@dataclass(frozen=True)
class Shortcode:
    render: Callable[[Guide, str, str | None], str]  # (guide, page, argument) -> Markdown
    summary: str  # what it places, for messages and docs/contributing.md
    argument: str | None = None  # what its argument names; None: it takes none
    check: Callable[[Guide, Page, str], str | None] | None = None  # what is wrong with an argument


def _table_exists(guide, page, table_id):
    if table_id not in guide.data.tables:
        return f"no decision table {table_id!r} (expected docs/data/decision-tables/{table_id}.yml)"
    return None


def _domain_exists(guide, page, domain_id):
    if guide.data.domain(domain_id) is None:
        known = ", ".join(d["id"] for d in guide.data.blueprint["domains"])
        return f"no domain {domain_id!r} in docs/data/blueprint.yml (domains: {known})"
    return None


def _quiz_is_the_pages_task(guide, page, task):
    if page.meta.get("task") != task:
        says = f"says task: {page.meta['task']!r}" if "task" in page.meta else "names no task"
        return f"the quiz of task {task} belongs on that task's chapter; this page's front matter {says}"
    if task not in guide.data.questions:
        return f"no questions for task statement {task} (expected docs/data/questions/{task}.yml)"
    if not guide.data.quiz(task):
        return f"docs/data/questions/{task}.yml has no question with 'use: quiz' for this quiz"
    return None


SHORTCODES: dict[str, Shortcode] = {
    "decision-table": Shortcode(render.decision_table, "one decision table, where a chapter teaches it",
                                "a decision table's id", _table_exists),
    "decision-tables": Shortcode(render.all_decision_tables, "every decision table (Reference)"),
    "service-finder": Shortcode(finder.service_finder,
                                "Which service?: questions that narrow the decision tables (Reference)"),
    "services": Shortcode(render.services, "the list of AWS services (Reference)"),
    "what-changed": Shortcode(render.what_changed,
                              "services renamed or closed since the exam guide (Reference)"),
    "algorithms": Shortcode(render.algorithms, "every SageMaker AI built-in algorithm in full (Reference)"),
    "blueprint": Shortcode(render.blueprint, "the domains and task statements (The exam)"),
    "blueprint-domain": Shortcode(render.blueprint_domain, "one domain's task statements",
                                  "a domain's id", _domain_exists),
    "chapters-written": Shortcode(render.chapters_written,
                                  "the finished chapters, continuing a list item (home)"),
    "exam-status": Shortcode(render.exam_status,
                             "every exam's status facts, tagged and sourced (Successor exams)"),
    "exam-status-box": Shortcode(render.exam_status_box,
                                 "each exam's one-line status in a box (home, The exam)"),
    "exam-map": Shortcode(render.exam_map,
                          "MLS-C01 task statements against MLA-C01 and MLA-C02 (Successor exams)"),
    "quiz": Shortcode(render.quiz, "a chapter's Check yourself questions",
                      "the chapter's task id", _quiz_is_the_pages_task),
    "answer-key": Shortcode(render.answer_key, "every quiz's answers (Reference)"),
    "glossary": Shortcode(render.glossary, "every term of the glossary, A to Z (Reference)"),
    "cheat-sheet": Shortcode(cheat_sheet.cheat_sheet, "one domain's cheat sheet: its decision tables' rows, "
                             "limits and terms", "a domain's id", _domain_exists),
    "limits": Shortcode(render.limits, "every limit and quota, by service, sourced and dated (Reference)"),
    "study-plan-hours": Shortcode(study_plan.hours_table, "the study hours per domain (Study plan)"),
    "study-week": Shortcode(study_plan.week, "one week of the study plan", "the week's number",
                            study_plan.check_week),
}


@dataclass(frozen=True)
class Use:
    name: str
    arg: str | None
    line: int  # in the text searched
    start: int  # offsets of the whole line in that text
    end: int


def find(text: str) -> Iterator[Use]:
    """Every line of `text` that is a shortcode, known or not."""
    for number, offset, line in outside_fences(text):
        match = SHORTCODE.match(line)
        if match:
            yield Use(match["name"], match["arg"], number, offset, offset + len(line))


def problem(use: Use, guide: Guide, page: Page) -> str | None:
    """What is wrong with one use of a shortcode, or None."""
    shortcode = SHORTCODES.get(use.name)
    if shortcode is None:
        return f"unknown shortcode {use.name!r}; known: {', '.join(sorted(SHORTCODES))}"
    if shortcode.argument is None:
        return None if use.arg is None else f"shortcode {use.name!r} takes no argument, got {use.arg!r}"
    if use.arg is None:
        return (f"shortcode {use.name!r} needs an argument, {shortcode.argument}: "
                f"<!-- {use.name}: ... -->")
    found = shortcode.check(guide, page, use.arg) if shortcode.check else None
    return f"shortcode {use.name!r}: {found}" if found else None


def check_pages(guide: Guide, pages: dict[str, Page]) -> list[str]:
    """Every shortcode of every page, checked before any page is rendered."""
    return [f"{page.where}:{use.line}: {found}" for page in pages.values() for use in find(page.text)
            if (found := problem(use, guide, page))]


def expand(markdown: str, page: Page, guide: Guide, first_line: int = 1) -> str:
    """Replace every shortcode in a page's Markdown (`first_line`: the file's line where `markdown`
    starts, as MkDocs hands pages over without their front matter)."""
    out, done = [], 0
    for use in find(markdown):
        found = problem(use, guide, page)
        if found:
            raise DataError(f"{page.where}:{use.line + first_line - 1}: {found}")
        out += [markdown[done:use.start], SHORTCODES[use.name].render(guide, page.src, use.arg)]
        done = use.end
    return "".join(out) + markdown[done:]
