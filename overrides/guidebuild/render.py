"""The guide's data as Markdown: decision tables, the service list and what changed, the blueprint,
quizzes and the answer key. Links stay Markdown links between docs/ pages, so MkDocs checks and
rewrites them like any link an author writes.

Every renderer takes the guide (its data and pages, `guidebuild.guide.Guide`) and the docs/ page
it renders on, plus the shortcode's argument where it has one.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from guidebuild import report
from guidebuild.data import CHANGE_KINDS, FAMILIES, SCOPES, change_date
from guidebuild.glossary import anchor
from guidebuild.limits import by_service
from guidebuild.pages import H1
from guidebuild.paths import relative_link

if TYPE_CHECKING:
    from guidebuild.guide import Guide

NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}


def cell(text) -> str:
    """Text on one line, as a table cell needs it."""
    return " ".join(str(text).split())


# ---------------------------------------------------------------------------------------------
# Decision tables, services, blueprint


def decision_table(guide: Guide, page: str, table_id: str, heading: str | None = None,
                   collected: bool = False) -> str:
    """A decision table as Markdown: one row per option, one column per criterion, and a last
    column saying when to choose the option (see README, Decisions: decision tables).

    `collected` marks the copy on Reference › Decision tables, which the print edition leaves out:
    the book prints every table once, in its chapter."""
    table = guide.data.tables[table_id]
    options, criteria = table["options"], table["criteria"]
    only_on_screen = " .screen-only" if collected else ""
    lines = []
    if heading:
        heading_class = " .collected-heading" if collected else ""
        lines += [f"{heading} {table['title']} {{#{table_id}{heading_class}}}", ""]
    lines += [cell(table["summary"]), f"{{ .table-summary{only_on_screen} }}", ""]
    # The chapter's copy carries the id that Reference links to (make_pdf.py keeps it unique in the
    # print page); the Reference copy has its heading's.
    anchor = "" if collected else f' id="table-{table_id}"'
    kind = " decision-table--collected" if collected else ""
    lines += [f'<div class="decision-table{kind}"{anchor} data-table="{table_id}" markdown>', ""]
    if not heading:
        lines += [f"**Decision table: {table['title']}**", ""]
    columns = [*(cell(label) for label in criteria.values()), "Choose it when"]
    rows = [(option["name"], [*(option["values"][key] for key in criteria), option["choose_when"]])
            for option in options]
    lines += option_table("Option", columns, rows)
    lines += ["", "</div>", ""]
    sources = "; ".join(f"[{s['title']}]({s['url']})" for s in table["sources"])
    lines += [f"Sources: {sources}.", f"{{ .table-sources{only_on_screen} }}", ""]
    return "\n".join(lines)


def option_table(corner: str, columns: list[str], rows: list[tuple[str, list[str]]]) -> list[str]:
    """The lines of a table with one option per row: its name as the row header, then one cell
    per column (the markup of decision tables and of the built-in algorithms reference)."""
    # HTML rather than a Markdown table, so that each option's name is a real row header
    # (<th scope="row">) for screen readers; cells still hold Markdown (md_in_html, markdown="span").
    # Each cell names its column (data-label): on a phone and in print a row becomes a card, one
    # labelled line per criterion (guide.css, "Decision tables").
    lines = ['<table markdown="block">', '<thead markdown="block">',
             f'<tr markdown="block"><th scope="col">{corner}</th>'
             + "".join(f'<th scope="col" markdown="span">{c}</th>' for c in columns) + "</tr>",
             "</thead>", '<tbody markdown="block">']
    for name, values in rows:
        lines.append(f'<tr markdown="block"><th scope="row" markdown="span">{cell(name)}</th>'
                     + "".join(f'<td data-label="{label}" markdown="span">{cell(value)}</td>'
                               for label, value in zip(columns, values, strict=True)) + "</tr>")
    lines += ["</tbody>", "</table>"]
    return lines


def all_decision_tables(guide: Guide, page: str, arg=None) -> str:
    """Every table, each with links to where its chapters show it. The web page shows the tables
    too; the print edition keeps only the headings and the links (each table prints once)."""
    tasks = guide.data.tasks()
    task_of = {src: task for task, src in guide.chapters.items()}
    parts = []
    for table_id in guide.data.tables:
        parts.append(decision_table(guide, page, table_id, heading="##", collected=True))
        links = [f"[{task_of[p]} {tasks[task_of[p]]['title']}]({relative_link(page, p)}#table-{table_id})"
                 for p in guide.table_pages.get(table_id, []) if p in task_of]
        if links:
            parts.append(f"In the chapter: {', '.join(links)}.\n{{ .table-taught }}\n")
    return "\n".join(parts)


def _unconfirmed(algorithm: dict, key: str) -> str:
    return f"*Not confirmed:* {algorithm['unconfirmed'][key]}"


def _algorithm_cells(a: dict) -> list[str]:
    def value(key, text):
        return _unconfirmed(a, key) if key in a.get("unconfirmed", {}) else text

    modes = " or ".join(a["input_modes"])
    hyper = ", ".join(f"`{name}`" + ("" if need == "optional" else f" ({need})")
                      for name, need in a["hyperparameters"].items())
    tuning = ", ".join(f"`{metric}` ({direction.lower()})" for metric, direction in a["tuning"].items())
    return [a["problem"], a["learning"].capitalize(), value("channels", a["channels"]),
            value("formats", a["formats"]), value("input_modes", modes), value("training", a["training"]),
            value("inference", a["inference"]), value("distributed", a["distributed"]),
            value("hyperparameters", hyper), value("tuning", tuning),
            f"[{a['name']} in the AWS documentation]({a['source']})"]


ALGORITHM_COLUMNS = ["Problem", "Labels", "Channels", "Training data", "Input modes", "Training compute",
                     "Inference compute", "Several instances", "Key hyperparameters",
                     "Tuning objective metrics", "Source"]


def algorithms(guide: Guide, page: str, arg=None) -> str:
    """Every built-in algorithm in full, one per row (a card on a phone and in print), grouped by
    family; the compact rows are the decision table 'builtin-algorithms'."""
    document = guide.data.algorithms
    lines = [cell(document["notes"]), ""]
    for family in FAMILIES:
        members = [a for a in document["algorithms"] if a["family"] == family]
        if not members:
            continue
        lines += [f"## {FAMILY_TITLES[family]}", "",
                  f'<div class="decision-table" data-algorithms="{family}" markdown>', ""]
        rows = [(a["name"], _algorithm_cells(a)) for a in members]
        lines += option_table("Algorithm", ALGORITHM_COLUMNS, rows)
        lines += ["", "</div>", ""]
    sources = "; ".join(f"[{s['title']}]({s['url']})" for s in document["sources"])
    lines += ["## Sources", "", f"{sources}; and each algorithm's page, linked in its row.", ""]
    return "\n".join(lines)


FAMILY_TITLES = {"tabular": "Tabular data", "text": "Text", "time-series": "Time series",
                 "unsupervised": "Unsupervised: clusters, components, anomalies", "vision": "Images"}


def services(guide: Guide, page: str, arg=None) -> str:
    lines = ["| Service | Exam guide | Status and notes |", "|---|---|---|"]
    for sid, s in sorted(guide.data.services.items(), key=lambda kv: kv[1]["name"].lower()):
        name = f"[{s['name']}]({s['docs']})"
        if s.get("former"):
            name += f"<br><small>formerly {s['former']}</small>"
        if s.get("also"):
            name += f"<br><small>also called {', '.join(s['also'])}</small>"
        status = cell(s.get("status", "")).replace("|", "\\|")
        lines.append(f"| {name} `{sid}` | {SCOPES[s['scope']]} | {status} |")
    return "\n".join(lines) + "\n"


def _task_link(guide: Guide, task: dict, page: str) -> str:
    chapter = guide.chapters.get(task["id"])
    if chapter:
        return f"[{task['id']} {task['title']}]({relative_link(page, chapter)})"
    return f"{task['id']} {task['title']}"


def mla_task(guide: Guide, mla: str) -> str:
    """'1.2 Transform data ...' -> the same, with the MLA-C01 domain it belongs to."""
    domain = mla.split(".")[0]
    return f"{mla} <small>(MLA-C01 Domain {domain}: {guide.data.blueprint['mla_c01'][domain]})</small>"


def blueprint(guide: Guide, page: str, arg=None) -> str:
    """The domains' weights, then each domain's task statements beside the MLA-C01 task
    statements that cover them now (two columns, so the mapping reads on a phone)."""
    lines = ["| Domain | Weight | Scored questions (of 50) |", "|---|---|---|"]
    for d in guide.data.blueprint["domains"]:
        index = relative_link(page, f"{d['folder']}/index.md")
        lines.append(f"| [{d['id']}. {d['title']}]({index}) | {d['weight']}% | "
                     f"about {round(50 * d['weight'] / 100)} |")
    for d in guide.data.blueprint["domains"]:
        lines += ["", f"### Domain {d['id']}: {d['title']} ({d['weight']}%)", "",
                  "| MLS-C01 task statement | Where it lives in MLA-C01 |", "|---|---|"]
        for t in d["tasks"]:
            where = "<br>".join(mla_task(guide, m) for m in t["mla"])
            lines.append(f"| {_task_link(guide, t, page)} | {where} |")
    return "\n".join(lines) + "\n"


def blueprint_domain(guide: Guide, page: str, domain_id: str) -> str:
    """One domain's task statements, each with its MLA-C01 mapping and its chapter, or a plain
    "not yet written" (a chapter is in the nav only once it is finished)."""
    tasks = guide.data.domain(domain_id)["tasks"]
    written = sum(t["id"] in guide.chapters for t in tasks)
    services = relative_link(page, "reference/services.md")
    lines = [f"**Chapters written: {written} of {len(tasks)}.**"
             + ("" if written == len(tasks) else
                " A task statement without a chapter is outlined here from the exam guide until its"
                " chapter is written."), ""]
    for t in tasks:
        lines += [f"### {t['id']} {t['title']}", "", cell(t["topics"]), ""]
        lines.append("In MLA-C01: " + "; ".join(f"task {mla_task(guide, m)}" for m in t["mla"]) + ".")
        lines.append("")
        c02 = dict.fromkeys(mla_c02_task(guide, m) for m in t["mla"])
        lines += ["In MLA-C02: " + "; ".join(f"task {task}" for task in c02) + ".", ""]
        if t["id"] in guide.chapters:
            lines += [f"Chapter: {_task_link(guide, t, page)}.", ""]
        else:
            lines += ["Chapter: *not yet written*. Until it is, study this task statement from the AWS"
                      f" documentation of the services it names (see [Services]({services})).", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The exam's status and its successors (exam-status.yml, blueprint.yml's mla_c02)

SUCCESSORS_PAGE = "successor-exams.md"


def long_date(iso: str) -> str:
    """'2026-12-01' -> '1 December 2026'."""
    day = date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _sources(sources: list[dict]) -> str:
    return ", ".join(f"[{s['title']}]({s['url']})" for s in sources)


def chapters_written(guide: Guide, page: str, arg=None) -> str:
    """The finished chapters, in blueprint order, as a line that continues a list item."""
    tasks = guide.data.tasks()
    written = [t for t in tasks if t in guide.chapters]
    links = ", ".join(_task_link(guide, tasks[t], page) for t in written)
    return f"  Finished chapters so far ({len(written)} of {len(tasks)}): {links}.\n"


def exam_status_box(guide: Guide, page: str, arg=None) -> str:
    """A warning box with each exam's one-line status, for the home page and the exam page."""
    status = guide.data.exam_status
    more = relative_link(page, SUCCESSORS_PAGE)
    lines = [f'!!! warning "Where the exam stands (checked {long_date(status["checked"])})"']
    for exam in status["exams"]:
        lines.append(f"    - **{exam['code']}**, {exam['name']}: {cell(exam['summary'])}")
    lines += ["", f"    Each date, whether AWS confirms it or only reports say it, and the sources are on"
              f" [Successor exams]({more}), with a map of every task statement to MLA-C01 and MLA-C02."]
    return "\n".join(lines) + "\n"


def exam_status(guide: Guide, page: str, arg=None) -> str:
    """Every exam's facts, each tagged confirmed or reported, with its sources."""
    lines = []
    for exam in guide.data.exam_status["exams"]:
        lines += [f"### {exam['code']}: {exam['name']}", "", f"**{cell(exam['summary'])}**", ""]
        for fact in exam["facts"]:
            tag = fact["confidence"]
            lines.append(f"- <span class=\"fact-tag fact-tag--{tag}\">{tag.capitalize()}</span> "
                         f"{cell(fact['text'])} Sources: {_sources(fact['sources'])}.")
        lines.append("")
    return "\n".join(lines)


def mla_c02_task(guide: Guide, mla_c01: str) -> str:
    """An MLA-C01 task ('1.2 Transform ...') -> the MLA-C02 task it maps to, with its domain."""
    c02 = guide.data.blueprint["mla_c02"]
    task = c02["tasks"][mla_c01.split(" ", 1)[0]]
    domain = task.split(".")[0]
    return f"{task} <small>(MLA-C02 Domain {domain}: {c02['domains'][domain]})</small>"


def _chapter_links(guide: Guide, page: str, task_ids: list[str]) -> str:
    if not task_ids:
        return "no chapter of this guide"
    tasks = guide.data.tasks()
    return ", ".join(_task_link(guide, tasks[t], page) for t in task_ids)


def exam_map(guide: Guide, page: str, arg=None) -> str:
    """All MLS-C01 task statements against MLA-C01 and MLA-C02, then what version 02 removed and
    what it added, each with the chapters that teach it."""
    blueprint = guide.data.blueprint
    c02 = blueprint["mla_c02"]
    lines = ["The domains of the Associate exam, by number:", ""]
    for number, title in blueprint["mla_c01"].items():
        lines.append(f"- Domain {number}: MLA-C01 *{title}*; MLA-C02 *{c02['domains'][number]}*")
    lines.append("")
    for d in blueprint["domains"]:
        lines += [f"### Domain {d['id']}: {d['title']} ({d['weight']}%)", "",
                  "| MLS-C01 task statement | MLA-C01 | MLA-C02 |", "|---|---|---|"]
        for t in d["tasks"]:
            c01 = "<br>".join(t["mla"])
            c02_tasks = "<br>".join(dict.fromkeys(c02["tasks"][m.split(" ", 1)[0]] for m in t["mla"]))
            lines.append(f"| {_task_link(guide, t, page)} | {c01} | {c02_tasks} |")
        lines.append("")
    lines += ["### What version 02 removed", "",
              "| MLA-C01 task | Topic removed | Taught in this guide by |", "|---|---|---|"]
    for item in c02["removed"]:
        lines.append(f"| {item['mla_c01']} | {cell(item['what'])} | "
                     f"{_chapter_links(guide, page, item['taught_in'])} |")
    lines += ["", "### What version 02 added", "",
              "| MLA-C02 task | Topics added | Where this guide touches them |", "|---|---|---|"]
    for item in c02["added"]:
        where = ("not covered" if not item["partly_in"]
                 else "in part: " + _chapter_links(guide, page, item["partly_in"]))
        lines.append(f"| {c02['tasks'][item['mla_c02']]} | {cell(item['what'])} | {where} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Quizzes and the answer key


def choose_line(question: dict) -> str:
    if question["kind"] == "single":
        return "Choose one."
    return f"Choose {NUMBER_WORDS.get(question['choose'], question['choose'])}."


def letters(keys) -> str:
    return ", ".join(k.upper() for k in keys)


def quiz(guide: Guide, page: str, task: str) -> str:
    """A chapter's questions as a list (md_in_html blocks), readable without JavaScript and in print;
    overrides/assets/javascripts/quiz.js makes it interactive."""
    # Each question is an <li> so that its id survives into the print page (mkdocs-print-site-plugin
    # makes ids unique per page only on headings and list items).
    out = [f'<ol class="quiz" data-task="{task}" markdown="block">', ""]
    for n, q in enumerate(guide.data.quiz(task), start=1):
        target, _, anchor = q["link"].partition("#")
        out += [
            f'<li class="quiz-question" id="{q["id"]}" data-kind="{q["kind"]}" '
            f'data-answer="{" ".join(q["answer"])}" markdown="block">',
            "",
            f'<p class="quiz-number">Question {n} <span class="quiz-kind">{choose_line(q)}</span></p>',
            "",
            '<div class="quiz-stem" markdown="block">',
            "",
            q["stem"].strip(),
            "",
            "</div>",
            "",
            '<ol class="quiz-options" type="A" markdown="block">',
        ]
        for key, text in q["options"].items():
            out.append(f'<li data-key="{key}" markdown="span">{text.strip()}</li>')
        out += [
            "</ol>",
            "",
            '<details class="quiz-answer" markdown="block">',
            "<summary>Show the answer and explanations</summary>",
            "",
            f"**Answer: {letters(q['answer'])}.**",
            "",
        ]
        for key, why in q["explanations"].items():
            verdict = "Correct" if key in q["answer"] else "Incorrect"
            out.append(f"- **{key.upper()} — {verdict}.** {cell(why)}")
        review = f"{relative_link(page, target)}#{anchor}"
        out += ["", f"Review: [the section of this guide that teaches it]({review}).", "",
                "</details>", "", report.question_link(q["id"], "quiz-report", "screen-only"), "</li>", ""]
    out += ["</ol>", ""]
    return "\n".join(out)


def answer_key(guide: Guide, page: str, arg=None) -> str:
    """Every quiz's answers and explanations, chapter by chapter (the PDF's answer-key appendix)."""
    tasks = guide.data.tasks()
    out = []
    for task in guide.data.questions:
        questions = guide.data.quiz(task)
        if not questions:
            continue
        chapter = guide.chapters.get(task)
        out += [f"## {task} {tasks[task]['title']} {{#answers-{task.replace('.', '-')}}}", ""]
        for n, q in enumerate(questions, start=1):
            label = f"Question {n}"
            if chapter:
                label = f"[{label}]({relative_link(page, chapter)}#{q['id']})"
            out += [f"**{label}: {letters(q['answer'])}.**", ""]
            for key, why in q["explanations"].items():
                verdict = "correct" if key in q["answer"] else "incorrect"
                out.append(f"- {key.upper()} ({verdict}): {cell(why)}")
            out += ["", report.question_link(q["id"], "answer-report")]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# What changed since the exam guide


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def spelled_date(text: str) -> str:
    """'2024-07-25' -> '25 July 2024'; '2024-02' -> 'February 2024'."""
    year, month, *day = text.split("-")
    spelled = f"{MONTHS[int(month) - 1]} {year}"
    return f"{int(day[0])} {spelled}" if day else spelled


def what_changed(guide: Guide, page: str, arg=None) -> str:
    """Every change of service-changes.yml, one table per kind of change (kinds in CHANGE_KINDS
    order, oldest change first), one change per row: the service and the name the exam guide used,
    what changed with its date and confidence, and the sources."""
    rows = {kind: [] for kind in CHANGE_KINDS}
    for sid, entry in guide.data.changes.items():
        for change in entry["changes"]:
            rows[change["kind"]].append((change_date(change["date"]), sid, change))
    lines = []
    for kind, label in CHANGE_KINDS.items():
        if not rows[kind]:
            continue
        lines += [f"## {label} {{#{kind}}}", "", "| Service | What changed | Sources |", "|---|---|---|"]
        for _, sid, change in sorted(rows[kind], key=lambda row: (row[0], row[1])):
            service = guide.data.services[sid]
            name = f"[{service['name']}]({service['docs']})"
            if service.get("former"):
                name += f"<br><small>exam-era name: {service['former']}</small>"
            when = f"{spelled_date(change['date'])}, {change['confidence']}"
            what = f"{cell(change['what'])}<br><small>{when}</small>".replace("|", "\\|")
            sources = "<br>".join(f"[{cell(s['title'])}]({s['url']})" for s in change["sources"])
            lines.append(f"| {name} | {what} | {sources} |")
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The glossary


def _page_title(guide: Guide, src: str) -> str:
    return next((m["title"] for line in guide.pages[src].text.splitlines() if (m := H1.match(line))), src)


def glossary(guide: Guide, page: str, arg=None) -> str:
    """Every term, A to Z, as a definition list: the term (an abbreviation with what it stands
    for), its definition, the other names it goes by, and a link to the chapter that teaches it."""
    lines = ['<dl class="glossary" markdown="block">', ""]
    for entry in sorted(guide.data.glossary, key=lambda e: e["term"].casefold()):
        term = entry["term"]
        lines.append(f'<dt id="{anchor(term)}">{escape(term)}</dt>')
        lines += ['<dd markdown="block">', ""]
        definition = cell(entry["definition"])
        if entry.get("expansion"):
            definition = f"*{cell(entry['expansion'])}*: {definition}"
        lines += [definition, ""]
        more = []
        if entry.get("aliases"):
            more.append("Also covers " + ", ".join(entry["aliases"]) + ".")
        if entry.get("see"):
            target, _, heading = entry["see"].partition("#")
            more.append(f"Taught in [{_page_title(guide, target)}]({relative_link(page, target)}#{heading}).")
        if more:
            lines += [" ".join(more), "{ .glossary-more }", ""]
        lines += ["</dd>", ""]
    lines += ["</dl>", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Limits and quotas


def limit_value(limit: dict) -> str:
    """1000 and 'records per second' -> '1,000 records per second'; 48.8 and 'TiB' -> '48.8 TiB'."""
    return f"{limit['value']:,} {limit['unit']}"


def _stated_in(guide: Guide, page: str, limit: dict) -> str:
    task_of = {src: task for task, src in guide.chapters.items()}
    return ", ".join(f"[{task_of[src]}]({relative_link(page, src)})" if src in task_of
                     else f"[{_page_title(guide, src)}]({relative_link(page, src)})"
                     for src in limit["chapters"])


def limits(guide: Guide, page: str, arg=None) -> str:
    """Every limit of limits.yml, one table per service (services in the file's order): what is
    limited, the value, the chapters that state it, and its source with the day it was verified."""
    lines = []
    for sid, members in by_service(guide.data.limits).items():
        service = guide.data.services[sid]
        lines += [f"## {service['name']} {{#{sid}}}", "",
                  "| Limit | Value | Stated in | Source |", "|---|---|---|---|"]
        for limit in members:
            checked = (f"verified {long_date(limit['verified'])}" if "verified" in limit
                       else "not yet verified")
            lines.append(f"| {cell(limit['name'])} | {limit_value(limit)} | {_stated_in(guide, page, limit)} "
                         f"| [AWS]({limit['source']})<br><small>{checked}</small> |")
        lines.append("")
    return "\n".join(lines)
