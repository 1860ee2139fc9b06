"""MkDocs hook: the question bank, the end-of-chapter quizzes and the practice exam's data.

Questions live in `docs/data/questions/<task>.yml`, one file per task statement. This hook

* validates every file when the build starts (a repeated id, an answer that is not an option, a
  single-answer question with other than one answer, an unknown task statement, an option without
  an explanation...) and stops the build with the file, the question id and the field;
* renders `<!-- quiz: 1.2 -->` in a chapter as a static list of questions, answers and explanations
  (readable without JavaScript and in print; `overrides/assets/javascripts/quiz.js` makes it
  interactive);
* checks, once every page is converted, that each question's `link` points to an existing page and
  heading;
* writes `assets/javascripts/question-bank.js` for the practice exam: the bank with its Markdown
  rendered to HTML and its links resolved, as a script so that it also loads from `file://`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

import markdown as md_lib
from mkdocs.exceptions import PluginError
from shortcodes import DATA, DOCS, DataError, _load_yaml, _rel_link, task_ids

QUESTIONS = DATA / "questions"
KINDS = {"single", "multiple"}
FIELDS = ["id", "kind", "choose", "stem", "options", "answer", "explanations", "link", "sources"]
QUIZ = re.compile(r"^<!--\s*quiz:\s*(?P<task>[0-9.]+)\s*-->\s*$", re.M)
ANSWER_KEY = re.compile(r"^<!--\s*answer-key\s*-->\s*$", re.M)
NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}


def validate_question(q, tasks: set[str], task: str, rel: str, seen: dict[str, str]):
    if not isinstance(q, dict):
        raise DataError(f"{rel}: every entry of 'questions' must be a mapping")
    qid = q.get("id")
    if not isinstance(qid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", qid or ""):
        raise DataError(f"{rel}: question {qid!r}: field 'id' must be lower-case letters, "
                        "digits, '.' and '-'")
    where = f"{rel}: question '{qid}'"
    if qid in seen:
        raise DataError(f"{where}: field 'id' repeats (also in {seen[qid]})")
    seen[qid] = rel
    extra = sorted(set(q) - set(FIELDS))
    if extra:
        raise DataError(f"{where}: unknown field(s) {', '.join(map(repr, extra))}")
    for key in ("kind", "stem", "link"):
        if not isinstance(q.get(key), str) or not q[key].strip():
            raise DataError(f"{where}: field '{key}' is missing or empty")
    if q["kind"] not in KINDS:
        raise DataError(f"{where}: field 'kind' is {q['kind']!r}; use 'single' or 'multiple'")
    options = q.get("options")
    if not isinstance(options, dict) or not all(isinstance(v, str) and v for v in options.values()):
        raise DataError(f"{where}: field 'options' must map letters to option texts")
    keys = list(options)
    if keys != [chr(ord("a") + i) for i in range(len(keys))]:
        raise DataError(f"{where}: field 'options' must use the keys a, b, c... in order")
    answer = q.get("answer")
    if not isinstance(answer, list) or not answer:
        raise DataError(f"{where}: field 'answer' must be a list of option letters")
    for a in answer:
        if a not in options:
            raise DataError(f"{where}: field 'answer' names {a!r}, which is not among the options")
    if len(set(answer)) != len(answer):
        raise DataError(f"{where}: field 'answer' repeats an option")
    if q["kind"] == "single":
        if len(answer) != 1:
            raise DataError(f"{where}: a single-answer question needs exactly one answer, has {len(answer)}")
        if len(options) != 4:
            raise DataError(f"{where}: a single-answer question has 4 options, has {len(options)}")
        if "choose" in q:
            raise DataError(f"{where}: field 'choose' is only for multiple-response questions")
    else:
        if len(options) < 5:
            raise DataError(f"{where}: a multiple-response question has 5 or more options, "
                            f"has {len(options)}")
        if len(answer) < 2:
            raise DataError(f"{where}: a multiple-response question needs 2 or more answers")
        if q.get("choose") != len(answer):
            raise DataError(f"{where}: field 'choose' must equal the number of answers ({len(answer)})")
    explanations = q.get("explanations")
    if not isinstance(explanations, dict):
        raise DataError(f"{where}: field 'explanations' must map every option letter to why it "
                        "is right or wrong")
    for key in options:
        if not isinstance(explanations.get(key), str) or not explanations[key].strip():
            raise DataError(f"{where}: field 'explanations.{key}' is missing: say why option "
                            f"{key} is right or wrong")
    for key in explanations:
        if key not in options:
            raise DataError(f"{where}: field 'explanations.{key}' explains an option that does not exist")
    page, _, anchor = q["link"].partition("#")
    if not page.endswith(".md") or not anchor:
        raise DataError(f"{where}: field 'link' must be 'path/to/chapter.md#heading-anchor'")
    if not (DOCS / page).is_file():
        raise DataError(f"{where}: field 'link' points to docs/{page}, which does not exist")
    sources = q.get("sources")
    if not isinstance(sources, list) or not sources:
        raise DataError(f"{where}: field 'sources' must list at least one source")
    for i, s in enumerate(sources):
        if not isinstance(s, dict) or not s.get("title") or not str(s.get("url", "")).startswith("https://"):
            raise DataError(f"{where}: field 'sources[{i}]' needs a title and an https:// url")
    if task not in tasks:
        raise DataError(f"{where}: task statement '{task}' does not exist in the blueprint")
    return q


def load_bank(blueprint) -> dict[str, list[dict]]:
    """Load and validate every question file; returns {task id: [questions]}."""
    tasks = set(task_ids(blueprint))
    bank: dict[str, list[dict]] = {}
    seen: dict[str, str] = {}
    for path in sorted(QUESTIONS.glob("*.yml")):
        rel = str(path.relative_to(DOCS.parent))
        data = _load_yaml(path)
        if not isinstance(data, dict) or set(data) != {"task", "questions"}:
            raise DataError(f"{rel}: must have exactly the fields 'task' and 'questions'")
        task = str(data["task"])
        if task not in tasks:
            raise DataError(f"{rel}: field 'task' is {task!r}, which is not a task statement "
                            "of the blueprint")
        if path.stem != task:
            raise DataError(f"{rel}: the file for task statement {task} must be named {task}.yml")
        if not isinstance(data["questions"], list) or not data["questions"]:
            raise DataError(f"{rel}: field 'questions' must be a non-empty list")
        bank[task] = [validate_question(q, tasks, task, rel, seen) for q in data["questions"]]
    return bank


# ---------------------------------------------------------------------------------------------
# Rendering


def _choose_line(q) -> str:
    if q["kind"] == "single":
        return "Choose one."
    return f"Choose {NUMBER_WORDS.get(q['choose'], q['choose'])}."


def _letters(keys) -> str:
    return ", ".join(k.upper() for k in keys)


def render_quiz(task: str, questions: list[dict], page: str) -> str:
    """Markdown (with md_in_html blocks) for a chapter's quiz; links stay Markdown so MkDocs checks them."""
    # A list of questions; each question is an <li> so that its id survives into the print page
    # (mkdocs-print-site-plugin makes ids unique per page only on headings and list items).
    out = [f'<ol class="quiz" data-task="{task}" markdown="block">', ""]
    for n, q in enumerate(questions, start=1):
        link = _rel_link(page, q["link"].partition("#")[0]) + "#" + q["link"].partition("#")[2]
        out += [
            f'<li class="quiz-question" id="{q["id"]}" data-kind="{q["kind"]}" '
            f'data-answer="{" ".join(q["answer"])}" markdown="block">',
            "",
            f'<p class="quiz-number">Question {n} <span class="quiz-kind">{_choose_line(q)}</span></p>',
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
            f"**Answer: {_letters(q['answer'])}.**",
            "",
        ]
        for key, why in q["explanations"].items():
            verdict = "Correct" if key in q["answer"] else "Incorrect"
            out.append(f"- **{key.upper()} — {verdict}.** {' '.join(why.split())}")
        out += ["", f"Review: [the section of this guide that teaches it]({link}).", "",
                "</details>", "", "</li>", ""]
    out += ["</ol>", ""]
    return "\n".join(out)


def render_answer_key(bank: dict[str, list[dict]], blueprint, page: str) -> str:
    """Every quiz's answers and explanations, chapter by chapter (the PDF's answer-key appendix)."""
    titles = {t["id"]: (t["title"], t.get("chapter")) for d in blueprint["domains"] for t in d["tasks"]}
    out = []
    for task, questions in bank.items():
        title, chapter = titles[task]
        out += [f"## {task} {title} {{#answers-{task.replace('.', '-')}}}", ""]
        for n, q in enumerate(questions, start=1):
            where = f"{_rel_link(page, chapter)}#{q['id']}" if chapter else None
            label = f"[Question {n}]({where})" if where else f"Question {n}"
            out += [f"**{label}: {_letters(q['answer'])}.**", ""]
            for key, why in q["explanations"].items():
                verdict = "correct" if key in q["answer"] else "incorrect"
                out.append(f"- {key.upper()} ({verdict}): {' '.join(why.split())}")
            out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# MkDocs events

_bank: dict[str, list[dict]] = {}
_anchors: dict[str, set[str]] = {}
_config = None
_converter = None  # built on first use: building one per question cost seconds


def on_config(config, **kwargs):
    global _bank, _config, _converter
    from shortcodes import load as load_data

    _config, _converter = config, None
    _bank = load_bank(load_data().blueprint)
    _anchors.clear()
    return config


def on_page_markdown(markdown, page, **kwargs):
    src = page.file.src_uri

    def replace(m):
        task = m["task"]
        line = markdown.count("\n", 0, m.start()) + 1
        if task not in _bank:
            raise DataError(f"docs/{src}:{line}: no questions for task statement {task} "
                            f"(expected docs/data/questions/{task}.yml)")
        return render_quiz(task, _bank[task], src)

    markdown = QUIZ.sub(replace, markdown)
    if ANSWER_KEY.search(markdown):
        from shortcodes import load as load_data

        key = render_answer_key(_bank, load_data().blueprint, src)
        markdown = ANSWER_KEY.sub(lambda m: key, markdown)
    return markdown


def on_page_content(content, page, **kwargs):
    _anchors[page.file.src_uri] = set(re.findall(r'\sid="([^"]+)"', content))
    return content


def on_env(env, config, files, **kwargs):
    """All pages are converted by now: check every question's link against the real headings."""
    for task, questions in _bank.items():
        for q in questions:
            page, _, anchor = q["link"].partition("#")
            if page not in _anchors:
                raise DataError(f"docs/data/questions/{task}.yml: question '{q['id']}': field 'link' "
                                f"points to {page}, which is not a page of the site")
            if anchor not in _anchors[page]:
                raise DataError(f"docs/data/questions/{task}.yml: question '{q['id']}': field 'link' "
                                f"points to #{anchor}, which is not a heading of {page}")
    return env


def _html(text: str) -> str:
    """One question's Markdown as HTML, with the site's extensions (one converter, reset each time)."""
    global _converter
    if _converter is None:
        _converter = md_lib.Markdown(extensions=_config["markdown_extensions"],
                                     extension_configs=_config["mdx_configs"])
    return _converter.reset().convert(text)


def page_url(page: str, use_directory_urls: bool) -> str:
    """Site-relative URL of a docs page, as MkDocs writes it."""
    path = PurePosixPath(page).with_suffix("")
    if not use_directory_urls:
        return path.as_posix() + ".html"
    if path.name == "index":
        parent = path.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return path.as_posix() + "/"


def bank_for_browser(blueprint) -> dict:
    """The bank as the practice exam needs it: HTML, site-relative links, domains and weights."""
    domains = [{"id": d["id"], "title": d["title"], "weight": d["weight"],
                "tasks": [t["id"] for t in d["tasks"]]} for d in blueprint["domains"]]
    titles = {t["id"]: t["title"] for d in blueprint["domains"] for t in d["tasks"]}
    questions = []
    for task, items in _bank.items():
        for q in items:
            page, _, anchor = q["link"].partition("#")
            url = page_url(page, _config["use_directory_urls"]) + "#" + anchor
            questions.append({
                "id": q["id"], "task": task, "domain": task.split(".")[0], "kind": q["kind"],
                "choose": len(q["answer"]), "stem": _html(q["stem"]),
                "options": {k: _html(v) for k, v in q["options"].items()},
                "answer": q["answer"],
                "explanations": {k: _html(v) for k, v in q["explanations"].items()},
                "link": url,
            })
    return {"domains": domains, "tasks": titles, "questions": questions}


def on_post_build(config, **kwargs):
    from shortcodes import load as load_data

    if not _bank:
        raise PluginError("the question bank is empty: docs/data/questions/ has no files")
    bank = bank_for_browser(load_data().blueprint)
    target = Path(config["site_dir"]) / "assets" / "javascripts" / "question-bank.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(bank, ensure_ascii=False, sort_keys=True)
    target.write_text(f"window.MLSGUIDE_BANK = {payload};\n", encoding="utf-8")
