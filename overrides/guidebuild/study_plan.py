"""The six-week study plan (docs/study-plan.md), worked out from the blueprint on every build.

Five weeks of study and one of rehearsal. The study hours go to the domains in proportion to their
weights (docs/data/blueprint.yml), each domain's hours are shared equally by its task statements,
and the task statements follow in exam order, each in the week where its middle hour falls. A task
statement with a chapter links to it and to its quiz; one without is named as not yet written, with
its domain page, which outlines it. Some weeks end with a practice exam: week 3 a short draw, with
the size that docs/practice-exam.md accepts in its address (`?size=20`), and weeks 4 to 6 the fixed
exams, each linked by its number (`?exam=2`); a fixed exam the pool does not fill becomes a drawn
full exam.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

from guidebuild import practice
from guidebuild.paths import relative_link

if TYPE_CHECKING:
    from guidebuild.guide import Guide

WEEKS = 6
STUDY_WEEKS = 5  # the last week rehearses: a full practice exam, then what it shows
HOURS_PER_WEEK = 8
EXAM_PAGE = "practice-exam.md"
FULL_EXAM, FULL_MINUTES = 65, 180  # a full practice exam (exam.js's EXAM_SIZE, EXAM_MINUTES)
CHECKPOINTS = {3: 20}  # week -> questions in that week's drawn practice exam
# Week -> the fixed exams it ends with (docs/study-plan.md says why these weeks): the first when
# three domains of four are studied, the second when all are, the last three in the rehearsal.
FIXED_EXAMS = {4: [1], 5: [2], WEEKS: [3, 4, 5]}
QUIZ_ANCHOR = "check-yourself"  # a chapter's "## Check yourself" heading


def domain_hours(guide: Guide) -> dict[str, Fraction]:
    """Domain id -> its share of the study hours, by its weight."""
    total = STUDY_WEEKS * HOURS_PER_WEEK
    return {d["id"]: Fraction(total * d["weight"], 100) for d in guide.data.blueprint["domains"]}


def weeks(guide: Guide) -> dict[int, list[tuple[dict, Fraction]]]:
    """Week number -> its (task statement, hours), in exam order; the rehearsal week has none."""
    hours = domain_hours(guide)
    plan: dict[int, list[tuple[dict, Fraction]]] = {week: [] for week in range(1, WEEKS + 1)}
    done = Fraction(0)
    for domain in guide.data.blueprint["domains"]:
        for task in domain["tasks"]:
            share = hours[domain["id"]] / len(domain["tasks"])
            middle = done + share / 2
            plan[min(int(middle // HOURS_PER_WEEK) + 1, STUDY_WEEKS)].append((task, share))
            done += share
    return plan


def _hours(value: Fraction) -> str:
    """Hours to the nearest half: '8', '9½'."""
    halves = round(value * 2)
    return f"{halves // 2}{'½' if halves % 2 else ''}"


def _domain_link(guide: Guide, page: str, domain_id: str, anchor: str = "") -> str:
    domain = guide.data.domain(domain_id)
    target = relative_link(page, f"{domain['folder']}/index.md") + (f"#{anchor}" if anchor else "")
    return f"[Domain {domain_id}: {domain['title']}]({target})"


def hours_table(guide: Guide, page: str, arg=None) -> str:
    """The domains with their weight, their study hours and the weeks they fall in."""
    hours = domain_hours(guide)
    in_weeks: dict[str, list[int]] = {}
    for week, tasks in weeks(guide).items():
        for task, _ in tasks:
            in_weeks.setdefault(task["id"].split(".")[0], []).append(week)
    lines = ["| Domain | Weight | Study hours | Weeks |", "|---|---|---|---|"]
    for d in guide.data.blueprint["domains"]:
        found = sorted(set(in_weeks.get(d["id"], [])))
        span = f"{found[0]}" if len(found) == 1 else f"{found[0]} to {found[-1]}"
        lines.append(f"| {_domain_link(guide, page, d['id'])} | {d['weight']}% "
                     f"| {_hours(hours[d['id']])} | {span} |")
    lines.append(f"| **All four** | 100% | {STUDY_WEEKS * HOURS_PER_WEEK} | 1 to {STUDY_WEEKS} |")
    return "\n".join(lines) + "\n"


def _task_line(guide: Guide, page: str, task: dict, hours: Fraction) -> str:
    name = f"{task['id']} {task['title']}"
    chapter = guide.chapters.get(task["id"])
    if chapter is None:
        outline = _domain_link(guide, page, task["id"].split(".")[0], slugify(name, "-"))
        return (f"- **{name}** (about {_hours(hours)} hours): *chapter not yet written*; its outline"
                f" and services are on {outline}.")
    link = relative_link(page, chapter)
    quiz = (f", then [its quiz]({link}#{QUIZ_ANCHOR}) ({len(guide.data.quiz(task['id']))} questions)"
            if guide.data.quiz(task["id"]) else "")
    return f"- [{name}]({link}) (about {_hours(hours)} hours){quiz}."


def exam_link(page: str, size: int) -> str:
    """The practice exam, with a draw of `size` questions (a full exam needs no parameter)."""
    target = relative_link(page, EXAM_PAGE)
    return target if size == FULL_EXAM else f"{target}?size={size}"


def fixed_exam_link(page: str, number: int) -> str:
    """The practice exam page, opened on fixed exam `number`, ready to begin."""
    return f"{relative_link(page, EXAM_PAGE)}?exam={number}"


def fixed_exams_made(guide: Guide) -> int:
    """How many fixed exams the pool fills (guidebuild.practice, as the bank does)."""
    domains = [{"id": d["id"], "weight": d["weight"]} for d in guide.data.blueprint["domains"]]
    pool = [{"id": q["id"], "task": task, "domain": task.split(".")[0], "kind": q["kind"]}
            for task, items in guide.data.exam_pool().items() for q in items]
    return len(practice.fixed_exams(domains, pool))


def _fixed_checkpoint(guide: Guide, page: str, numbers: list[int]) -> str:
    made = fixed_exams_made(guide)
    links = [f"[fixed exam {n}]({fixed_exam_link(page, n)})" if n <= made
             else f"[a drawn full exam]({exam_link(page, FULL_EXAM)})" for n in numbers]
    which = links[0] if len(links) == 1 else ", ".join(links[:-1]) + f" and {links[-1]}"
    each = "each " if len(links) > 1 else ""
    return (f"**Checkpoint:** {which}, {each}{FULL_EXAM} questions in the blueprint's proportions,"
            f" {FULL_MINUTES} minutes on the clock.")


def week(guide: Guide, page: str, number: str) -> str:
    """One week: its task statements with their chapters and quizzes, and its practice exam."""
    n = int(number)
    tasks = weeks(guide)[n]
    if tasks:
        lines = [f"**About {_hours(sum(h for _, h in tasks))} hours.**", ""]
    else:  # the rehearsal: its exams, and half a study week on what they show
        exam_hours = Fraction(len(FIXED_EXAMS.get(n, [])) * FULL_MINUTES, 60)
        lines = [f"**About {_hours(exam_hours + HOURS_PER_WEEK // 2)} hours**, {_hours(exam_hours)}"
                 " of them in the exams.", ""]
    lines += [_task_line(guide, page, task, share) for task, share in tasks]
    if n in CHECKPOINTS:
        size = CHECKPOINTS[n]
        kind = "a full practice exam" if size == FULL_EXAM else f"a {size}-question practice exam"
        minutes = round(size * FULL_MINUTES / FULL_EXAM)
        lines += ["", f"**Checkpoint:** [{kind}]({exam_link(page, size)}), {size} questions in the"
                  f" blueprint's proportions, {minutes} minutes on the clock."]
    if n in FIXED_EXAMS:
        lines += ["", _fixed_checkpoint(guide, page, FIXED_EXAMS[n])]
    if not tasks:  # the rehearsal week goes back over every quiz
        quizzes = sorted((t for t in guide.chapters if guide.data.quiz(t)),
                         key=lambda t: tuple(map(int, t.split("."))))
        links = ", ".join(f"[{t}]({relative_link(page, guide.chapters[t])}#{QUIZ_ANCHOR})" for t in quizzes)
        lines += ["", f"**Then the quizzes again**, weakest task statements first: {links}."]
    return "\n".join(lines) + "\n"


def check_week(guide: Guide, page, number: str) -> str | None:
    if not number.isdigit() or not 1 <= int(number) <= WEEKS:
        return f"no week {number!r}: the plan has weeks 1 to {WEEKS}"
    return None
