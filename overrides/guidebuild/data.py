"""The guide's data files under docs/data/: their schemas, and loading them once per build.

    services.yml            the AWS services the guide names, keyed by id
    service-changes.yml     what was renamed or closed since the exam guide, keyed by service id
    blueprint.yml           the exam's domains and task statements, mapped to MLA-C01 and MLA-C02
    exam-status.yml         where MLS-C01 and its successor exams stand, each fact sourced
    decision-tables/*.yml   one decision table per file, keyed by the file's name
    algorithms.yml          every SageMaker AI built-in algorithm; also the decision table
                            'builtin-algorithms' (its compact rows)
    questions/<task>.yml    the questions of one task statement
    question-pairs.yml      pairs of similar questions a reviewer judged distinct, each with why
    glossary.yml            the terms and abbreviations: the Glossary page and the pages' tooltips
    limits.yml              the quotas and limits the exam turns on, each sourced and dated

Every schema is a declarative description (see `guidebuild.schema`); the custom checks are the
small named functions next to it. `load()` checks every file and stops with every problem found,
each naming the file, the line, the item and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guidebuild.paths import DATA, DOCS, rel
from guidebuild.schema import (
    DataError,
    ListOf,
    MapOf,
    Number,
    Problem,
    Record,
    Text,
    Whole,
    check_file,
    describe,
    line_of,
)

SCOPES = {"in-scope": "In scope", "out-of-scope": "Out of scope", "not-listed": "Not listed"}
QUESTION_KINDS = ("single", "multiple")
# Where a question is used, so that the practice exam never repeats what a reader just answered
# at the end of a chapter: "quiz", the chapter's Check yourself (about ten a chapter), or "exam",
# the practice-exam pool (the rest).
QUESTION_USES = ("quiz", "exam")


@dataclass
class Context:
    """What a file's checks may consult: files read before it, and where things are."""

    docs: Path = DOCS
    services: set[str] = field(default_factory=set)
    tasks: set[str] = field(default_factory=set)
    question_ids: dict[str, str] = field(default_factory=dict)  # id -> file that has it
    file: str = ""  # the file being checked, as messages name it
    today: date = field(default_factory=date.today)  # no change may be dated after it


# ---------------------------------------------------------------------------------------------
# Checks shared by several schemas


def https_url(value, context):
    return None if value.startswith("https://") else "must be an https:// URL"


SOURCE = Record({"title": Text(), "url": Text(checks=(https_url,))})
SOURCES = ListOf(SOURCE, min=1)


# ---------------------------------------------------------------------------------------------
# services.yml

SERVICES = MapOf(
    Record({
        "name": Text(),
        "former": Text(required=False),
        # other names the guide's prose uses for it ("Ground Truth", "Polly"): the Services page
        # test finds a service by any of them
        "also": ListOf(Text(), min=1, required=False),
        "scope": Text(allowed=tuple(SCOPES)),
        "status": Text(required=False),
        "docs": Text(checks=(https_url,)),
    }),
    label="service",
)


# ---------------------------------------------------------------------------------------------
# service-changes.yml

# What happened to a service; the What changed page groups the changes in this order.
CHANGE_KINDS = {
    "renamed": "Renamed",
    "end-of-support": "Discontinued",
    "closed-to-new-customers": "Closed to new customers",
    "feature-closed": "A feature closed",
}
# confirmed: an AWS-owned page states the change and its date; reported: only third-party sources.
CONFIDENCES = ("confirmed", "reported")
CHANGE_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def change_date(text: str) -> date:
    """'2024-07-25' -> that day; '2024-07' (only the month is known) -> its first day."""
    year, month, day = CHANGE_DATE.fullmatch(text).groups()
    return date(int(year), int(month), int(day or 1))


def past_date(value, context):
    if not CHANGE_DATE.fullmatch(value):
        return f"is {value!r}; write \"YYYY-MM-DD\", or \"YYYY-MM\" when only the month is known"
    try:
        when = change_date(value)
    except ValueError:
        return f"is {value!r}, which is not a date of the calendar"
    if when > context.today:
        return f"is {value}, after today ({context.today.isoformat()}); record it once it has happened"
    return None


CHANGE = Record({
    "date": Text(checks=(past_date,)),
    "kind": Text(allowed=tuple(CHANGE_KINDS)),
    "what": Text(),
    "confidence": Text(allowed=CONFIDENCES),
    "sources": SOURCES,
})
SERVICE_CHANGES = MapOf(Record({"changes": ListOf(CHANGE, min=1)}), label="service")


def service_change_problems(changes: dict, services: dict, changes_file: str,
                            services_file: str) -> list[str]:
    """The checks between the two files: every key of service-changes.yml is a service, and every
    service that services.yml says was renamed (`former:`) has a `renamed` change."""
    messages = []
    for sid in changes:
        if sid not in services:
            problem = Problem((sid,), f"is not a service id of {services_file}")
            messages.append(describe(problem, changes, SERVICE_CHANGES, changes_file))
    for sid, service in services.items():
        kinds = {change["kind"] for change in changes.get(sid, {}).get("changes", [])}
        if service.get("former") and "renamed" not in kinds:
            problem = Problem((sid, "former"), f"says it was renamed, but {changes_file} has no "
                                               f"'renamed' change for {sid!r}")
            messages.append(describe(problem, services, SERVICES, services_file))
    return messages


# ---------------------------------------------------------------------------------------------
# blueprint.yml


def task_ids_follow_their_domain(domain, context):
    for index, task in enumerate(domain["tasks"]):
        if not task["id"].startswith(domain["id"] + "."):
            yield ("tasks", index, "id"), f"must start with '{domain['id']}.', the domain's id"


def folder_exists(value, context):
    return None if (context.docs / value).is_dir() else f"names docs/{value}/, which does not exist"


def weights_add_up_to_100(blueprint, context):
    total = sum(d["weight"] for d in blueprint["domains"])
    if total != 100:
        yield "domains", f"has weights that add up to {total}, not 100"


def task_ids_are_unique(blueprint, context):
    seen = set()
    for d_index, domain in enumerate(blueprint["domains"]):
        for t_index, task in enumerate(domain["tasks"]):
            if task["id"] in seen:
                yield ("domains", d_index, "tasks", t_index, "id"), f"repeats {task['id']!r}"
            seen.add(task["id"])


def every_domain_is_mapped_to_mla(blueprint, context):
    for index, domain in enumerate(blueprint["domains"]):
        if domain["id"] not in blueprint["mla_c01"]:
            yield ("domains", index, "id"), f"is {domain['id']!r}, which has no entry in mla_c01"


def mla_c01_task_id(mla: str) -> str:
    """'1.2 Transform data ...' -> '1.2'."""
    return mla.split(" ", 1)[0]


def every_mla_c01_task_maps_to_mla_c02(blueprint, context):
    mapped = blueprint["mla_c02"]["tasks"]
    for d_index, domain in enumerate(blueprint["domains"]):
        for t_index, task in enumerate(domain["tasks"]):
            for m_index, mla in enumerate(task["mla"]):
                if mla_c01_task_id(mla) not in mapped:
                    yield (("domains", d_index, "tasks", t_index, "mla", m_index),
                           f"names MLA-C01 task {mla_c01_task_id(mla)!r}, which mla_c02.tasks does not map")
    for key, value in mapped.items():
        if value.split(".", 1)[0] not in blueprint["mla_c02"]["domains"]:
            yield ("mla_c02", "tasks", key), f"is {value!r}, whose domain is not in mla_c02.domains"
    mls_tasks = {t["id"] for d in blueprint["domains"] for t in d["tasks"]}
    for part, key, field_name in (("removed", "mla_c01", "taught_in"), ("added", "mla_c02", "partly_in")):
        for index, item in enumerate(blueprint["mla_c02"][part]):
            if item[key] not in mapped:
                yield ("mla_c02", part, index, key), f"is {item[key]!r}, not a task of mla_c02.tasks"
            for task_id in item[field_name]:
                if task_id not in mls_tasks:
                    yield ("mla_c02", part, index, field_name), f"names {task_id!r}, not an MLS-C01 task"


MLA_C02 = Record({
    "domains": MapOf(Text(), min=1),
    "tasks": MapOf(Text(), min=1),
    "removed": ListOf(Record({"mla_c01": Text(), "what": Text(), "taught_in": ListOf(Text(), min=0)}),
                      min=0, label="removed topic", name="what"),
    "added": ListOf(Record({"mla_c02": Text(), "what": Text(), "partly_in": ListOf(Text(), min=0)}),
                    min=0, label="added topic", name="mla_c02"),
})

TASK = Record({
    "id": Text(),
    "title": Text(),
    "topics": Text(),
    "mla": ListOf(Text(), min=1),
})
DOMAIN = Record(
    {
        "id": Text(),
        "title": Text(),
        "weight": Whole(),
        "folder": Text(checks=(folder_exists,)),
        "tasks": ListOf(TASK, min=1, label="task", name="id"),
    },
    checks=(task_ids_follow_their_domain,),
)
BLUEPRINT = Record(
    {
        "mla_c01": MapOf(Text(), min=1),
        "mla_c02": MLA_C02,
        "domains": ListOf(DOMAIN, min=1, label="domain", name="id"),
    },
    checks=(weights_add_up_to_100, task_ids_are_unique, every_domain_is_mapped_to_mla,
            every_mla_c01_task_maps_to_mla_c02),
)


# ---------------------------------------------------------------------------------------------
# exam-status.yml

EXAM_STATUS = Record({
    "checked": Text(checks=(past_date,)),
    "exams": ListOf(Record({
        "code": Text(),
        "name": Text(),
        "summary": Text(),
        "facts": ListOf(Record({"text": Text(), "confidence": Text(allowed=CONFIDENCES), "sources": SOURCES}),
                        min=1, label="fact", name="text"),
    }), min=1, label="exam", name="code"),
})


# ---------------------------------------------------------------------------------------------
# decision-tables/*.yml


def known_service(value, context):
    if value not in context.services:
        return f"names {value!r}, which is not in docs/data/services.yml"
    return None


def values_match_criteria(table, context):
    criteria = table["criteria"]
    for index, option in enumerate(table["options"]):
        for key in criteria:
            if key not in option["values"]:
                yield ("options", index, "values", key), f"is missing (criterion '{criteria[key]}')"
        for key in option["values"]:
            if key not in criteria:
                yield ("options", index, "values", key), "is not a criterion of this table"


def finder_asks_criteria(table, context):
    """A table that Which service? uses asks about its own criteria, and every option says which
    answers of each question it fits (guidebuild.finder)."""
    finder = table.get("finder", {})
    for key in finder:
        if key not in table["criteria"]:
            yield ("finder", key), f"is not a criterion of this table ({', '.join(table['criteria'])})"
    for index, option in enumerate(table["options"]):
        fits = option.get("fits", {})
        for key in finder:
            if key not in fits:
                yield ("options", index, "fits"), f"has no answers for the question {key!r}"
        for key in fits:
            if key not in finder:
                yield ("options", index, "fits", key), "answers a question that 'finder' does not ask"


OPTION = Record({
    "name": Text(),
    "services": ListOf(Text(checks=(known_service,)), min=0),  # [] for a concept, not a service
    "values": MapOf(Text()),
    # Which service?: question (a criterion) -> the answers this option suits
    "fits": MapOf(ListOf(Text(), min=1), required=False),
    "choose_when": Text(),
})
TABLE = Record(
    {
        "title": Text(),
        "summary": Text(),
        "criteria": MapOf(Text()),
        "finder": MapOf(Text(), required=False),  # criterion -> the question Which service? asks
        "options": ListOf(OPTION, min=2, label="option", name="name"),
        "sources": SOURCES,
    },
    checks=(values_match_criteria, finder_asks_criteria),
)


# ---------------------------------------------------------------------------------------------
# algorithms.yml: every built-in algorithm, and the decision table made from it

ALGORITHMS_TABLE = "builtin-algorithms"  # the decision table's id (no file of that name may exist)
UNCONFIRMED = "unconfirmed"  # a cell's value when AWS documentation did not confirm it
# The cells that may be unconfirmed: a text cell reads `unconfirmed`, a list or mapping is empty.
CELLS = ("channels", "formats", "input_modes", "training", "inference", "distributed",
         "hyperparameters", "tuning")
FAMILIES = ("tabular", "text", "time-series", "unsupervised", "vision")
LEARNING = ("supervised", "unsupervised", "supervised or unsupervised")
INPUT_MODES = ("File", "Pipe", "FastFile")
DISTRIBUTED = ("Yes", "No", "Several GPUs on one instance", UNCONFIRMED)
HYPERPARAMETER_NEED = ("required", "optional", "required for multiclass")
DIRECTIONS = ("Maximize", "Minimize")


def algorithm_id_format(value, context):
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
        return "must be lower-case letters, digits and '-'"
    return None


def aws_documentation(value, context):
    if not value.startswith("https://docs.aws.amazon.com/"):
        return "must be a page of the AWS documentation (https://docs.aws.amazon.com/...)"
    return None


def _is_unconfirmed(value) -> bool:
    return value == UNCONFIRMED or value in ([], {})


def unconfirmed_cells_say_why(algorithm, context):
    reasons = algorithm.get("unconfirmed", {})
    for cell in CELLS:
        if _is_unconfirmed(algorithm[cell]) and cell not in reasons:
            shown = "is empty" if algorithm[cell] in ([], {}) else f"is {UNCONFIRMED!r}"
            yield cell, f"{shown}, but 'unconfirmed' does not say why; add unconfirmed.{cell}: <reason>"
    for cell in reasons:
        if cell not in CELLS:
            yield ("unconfirmed", cell), f"names no cell that can be unconfirmed ({', '.join(CELLS)})"
        elif not _is_unconfirmed(algorithm[cell]):
            yield ("unconfirmed", cell), (f"explains a cell that has a value; write {UNCONFIRMED!r} "
                                          "(or leave it empty) or drop the reason")


def tuning_metrics_are_named_by_channel(algorithm, context):
    for metric in algorithm["tuning"]:
        if not re.fullmatch(r"(train|validation|test):\S+", str(metric)):
            yield ("tuning", metric), ("must be named <channel>:<metric>, the channel train, validation "
                                       "or test")


def algorithms_are_unique(document, context):
    seen: dict[str, set] = {"id": set(), "name": set()}
    for index, algorithm in enumerate(document["algorithms"]):
        for key, values in seen.items():
            if algorithm[key] in values:
                yield ("algorithms", index, key), f"repeats {algorithm[key]!r}"
            values.add(algorithm[key])


ALGORITHM = Record(
    {
        "id": Text(checks=(algorithm_id_format,)),
        "name": Text(),
        "family": Text(allowed=FAMILIES),
        "problem": Text(),
        "learning": Text(allowed=LEARNING),
        "channels": Text(),
        "formats": Text(),
        "input_modes": ListOf(Text(allowed=INPUT_MODES), min=0),
        "training": Text(),
        "inference": Text(),
        "distributed": Text(allowed=DISTRIBUTED),
        "hyperparameters": MapOf(Text(allowed=HYPERPARAMETER_NEED), min=0),
        "tuning": MapOf(Text(allowed=DIRECTIONS), min=0),
        "choose_when": Text(),
        "source": Text(checks=(https_url, aws_documentation)),
        "unconfirmed": MapOf(Text(), required=False),
    },
    checks=(unconfirmed_cells_say_why, tuning_metrics_are_named_by_channel),
)
ALGORITHMS = Record(
    {
        "title": Text(),
        "summary": Text(),
        "notes": Text(),
        "sources": SOURCES,
        "algorithms": ListOf(ALGORITHM, min=2, label="algorithm", name="id"),
    },
    checks=(algorithms_are_unique,),
)


def shown(value) -> str:
    """A cell as a reader sees it: an unconfirmed one says so."""
    return "Not confirmed" if _is_unconfirmed(value) else value


def algorithms_table(document: dict) -> dict:
    """The decision table 'builtin-algorithms': one compact row per algorithm (the problem, labels,
    data, compute), in the shape of a decision-tables/*.yml file."""
    options = []
    for a in document["algorithms"]:
        modes = " or ".join(a["input_modes"]) if a["input_modes"] else "modes not confirmed"
        formats = "Formats not confirmed" if _is_unconfirmed(a["formats"]) else a["formats"]
        options.append({
            "name": a["name"],
            "services": ["sagemaker"],
            "values": {"problem": a["problem"], "learning": a["learning"].capitalize(),
                       "data": f"{formats}; {modes} mode", "compute": shown(a["training"]),
                       "distributed": shown(a["distributed"])},
            "choose_when": a["choose_when"],
        })
    return {
        "title": document["title"],
        "summary": document["summary"],
        "criteria": {"problem": "Problem", "learning": "Labels", "data": "Training data",
                     "compute": "Training compute", "distributed": "Several instances"},
        "options": options,
        "sources": document["sources"],
    }


# ---------------------------------------------------------------------------------------------
# questions/<task>.yml


def question_id_format(value, context):
    if not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", value):
        return "must be lower-case letters, digits, '.' and '-'"
    return None


def question_id_is_unique(value, context):
    if value in context.question_ids:
        return f"repeats (also in {context.question_ids[value]})"
    context.question_ids[value] = context.file
    return None


def link_to_a_page(value, context):
    page, _, anchor = value.partition("#")
    if not page.endswith(".md") or not anchor:
        return "must be 'path/to/chapter.md#heading-anchor'"
    if not (context.docs / page).is_file():
        return f"points to docs/{page}, which does not exist"
    return None


def options_are_lettered(question, context):
    keys = list(question["options"])
    if keys != [chr(ord("a") + i) for i in range(len(keys))]:
        yield "options", f"must use the keys a, b, c... in order, has {', '.join(map(str, keys))}"


def answer_names_options(question, context):
    answer = question["answer"]
    for letter in answer:
        if letter not in question["options"]:
            yield "answer", f"names {letter!r}, which is not among the options"
    if len(set(answer)) != len(answer):
        yield "answer", "repeats an option"


def answer_fits_the_kind(question, context):
    answer, options = question["answer"], question["options"]
    if question["kind"] == "single":
        if len(answer) != 1:
            yield "answer", f"has {len(answer)} letters; a single-answer question has exactly one"
        if len(options) != 4:
            yield "options", f"has {len(options)} options; a single-answer question has 4"
        if "choose" in question:
            yield "choose", "is only for multiple-response questions"
    else:
        if len(options) < 5:
            yield "options", f"has {len(options)} options; a multiple-response question has 5 or more"
        if len(answer) < 2:
            yield "answer", "has 1 letter; a multiple-response question has 2 or more"
        if question.get("choose") != len(answer):
            yield "choose", f"must equal the number of answers ({len(answer)})"


def every_option_is_explained(question, context):
    for key in question["options"]:
        if key not in question["explanations"]:
            yield ("explanations", key), f"is missing: say why option {key} is right or wrong"
    for key in question["explanations"]:
        if key not in question["options"]:
            yield ("explanations", key), "explains an option that does not exist"


# A Markdown table row whose first cell is empty: `| | a | b |`.
EMPTY_CORNER = re.compile(r"^\s*\|\s*\|", re.M)


def table_corners_are_named(value, context):
    """A table's first header cell names what its rows are ("Actual class"): with an empty corner,
    the row labels have no header, and screen readers announce the numbers without them."""
    if EMPTY_CORNER.search(value):
        return "has a table whose first header cell is empty; name what the rows are (e.g. 'Actual class')"
    return None


QUESTION = Record(
    {
        "id": Text(checks=(question_id_format, question_id_is_unique)),
        "kind": Text(allowed=QUESTION_KINDS),
        "use": Text(allowed=QUESTION_USES),
        "choose": Whole(required=False),
        "stem": Text(checks=(table_corners_are_named,)),
        "options": MapOf(Text(), min=4),
        "answer": ListOf(Text(), min=1),
        "explanations": MapOf(Text()),
        "link": Text(checks=(link_to_a_page,)),
        "sources": SOURCES,
    },
    checks=(options_are_lettered, answer_names_options, answer_fits_the_kind, every_option_is_explained),
)


def known_task(value, context):
    if value not in context.tasks:
        return f"is {value!r}, which is not a task statement of docs/data/blueprint.yml"
    return None


def file_named_after_its_task(questions, context):
    name, task = Path(context.file).name, questions["task"]
    if name != f"{task}.yml":
        yield "task", f"is {task!r}, so the file must be named {task}.yml, not {name}"


QUESTION_FILE = Record(
    {"task": Text(checks=(known_task,)), "questions": ListOf(QUESTION, min=1, label="question", name="id")},
    checks=(file_named_after_its_task,),
)


def two_known_questions(pair, context):
    ids = pair["questions"]
    if len(ids) != 2 or len(set(ids)) != 2:
        yield "questions", "must name exactly two different question ids"
        return
    for unknown in [i for i in ids if i not in context.question_ids]:
        yield "questions", f"names {unknown!r}, which is not a question of the bank"


# Read after the question files: a pair names two of their ids. `why` says what each asks that
# the other does not, so that a reader of the bank sees two lessons, not one fact twice.
QUESTION_PAIRS = Record({"pairs": ListOf(Record({"questions": ListOf(Text(), min=2), "why": Text()},
                                                checks=(two_known_questions,)),
                                         min=0, label="pair")})


# ---------------------------------------------------------------------------------------------
# glossary.yml

# A definition is also a tooltip (an <abbr title="...">), which shows text as it is.
MARKUP = re.compile(r"[`*<>\[\]|]")


def plain_text(value, context):
    found = MARKUP.search(value)
    if found:
        return f"must be plain text, as it is also a tooltip: no Markdown or HTML ({found[0]!r})"
    return None


def terms_and_aliases_are_unique(glossary, context):
    """No term twice, and no alias that is another term or another term's alias (a tooltip must
    know which term a word means). Words are compared as written: 'RL' and 'rl' would differ."""
    owner: dict[str, tuple[str, int]] = {}  # word -> (the term it belongs to, that term's index)
    for index, entry in enumerate(glossary["terms"]):
        words = [("term", entry["term"])] + [(("aliases", n), alias)
                                             for n, alias in enumerate(entry.get("aliases", []))]
        for key, word in words:
            field_path = ("terms", index, *(key if isinstance(key, tuple) else (key,)))
            if word in owner and owner[word][1] != index:
                other, other_index = owner[word]
                what = "a term" if other == word else f"an alias of the term {other!r}"
                line = line_of(glossary["terms"], other_index)
                yield field_path, f"repeats {word!r}, already {what}" + (f" (line {line})" if line else "")
            elif word in owner:
                yield field_path, f"repeats {word!r} within the same term"
            else:
                owner[word] = (entry["term"], index)


GLOSSARY_TERM = Record({
    "term": Text(),
    "expansion": Text(required=False, checks=(plain_text,)),  # what an abbreviation stands for
    "definition": Text(checks=(plain_text,)),  # one or two sentences, in the guide's own words
    # other spellings, or related words the entry defines (ReLU under activation function)
    "aliases": ListOf(Text(), min=1, required=False),
    "see": Text(required=False, checks=(link_to_a_page,)),  # the chapter heading that teaches it
})
GLOSSARY = Record({"terms": ListOf(GLOSSARY_TERM, min=1, label="term", name="term")},
                  checks=(terms_and_aliases_are_unique,))


# ---------------------------------------------------------------------------------------------
# limits.yml

LIMIT_PLACEHOLDER = "{n}"  # where a mention's number stands (see guidebuild.limits)


def aws_page(value, context):
    if not value.startswith(("https://docs.aws.amazon.com/", "https://aws.amazon.com/")):
        return "must be a page of AWS (https://docs.aws.amazon.com/... or https://aws.amazon.com/...)"
    return None


def day_checked(value, context):
    """A `verified:` date: a whole day, not in the future."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"is {value!r}; write the day you read the number on its source, \"YYYY-MM-DD\""
    return past_date(value, context)


def file_in_docs(value, context):
    return None if (context.docs / value).is_file() else f"names docs/{value}, which does not exist"


def one_placeholder(value, context):
    count = value.count(LIMIT_PLACEHOLDER)
    if count != 1:
        return (f"has {count} {LIMIT_PLACEHOLDER}; a mention is the words around the number, with "
                f"{LIMIT_PLACEHOLDER} once where the number stands")
    return None


def limit_ids_are_unique(document, context):
    seen = set()
    for index, limit in enumerate(document["limits"]):
        if limit["id"] in seen:
            yield ("limits", index, "id"), f"repeats {limit['id']!r}"
        seen.add(limit["id"])


LIMIT = Record({
    "id": Text(checks=(algorithm_id_format,)),
    "service": Text(checks=(known_service,)),
    "name": Text(),
    "value": Number(),
    "unit": Text(),
    "source": Text(checks=(https_url, aws_page)),
    "verified": Text(required=False, checks=(day_checked,)),  # left out: nobody has checked it yet
    "chapters": ListOf(Text(checks=(file_in_docs,)), min=1),
    "mentions": ListOf(Text(checks=(one_placeholder,)), min=1),
})
LIMITS = Record({"limits": ListOf(LIMIT, min=1, label="limit", name="id")}, checks=(limit_ids_are_unique,))


# ---------------------------------------------------------------------------------------------
# Loading


@dataclass
class GuideData:
    services: dict
    changes: dict  # service id -> {"changes": [...]}, from service-changes.yml
    blueprint: dict
    exam_status: dict
    tables: dict[str, dict]  # table id (file name) -> table
    questions: dict[str, list[dict]]  # task id -> its questions, files in task order
    algorithms: dict  # algorithms.yml: every built-in algorithm
    glossary: list[dict] = field(default_factory=list)  # glossary.yml's terms, in file order
    question_pairs: list[dict] = field(default_factory=list)  # question-pairs.yml's pairs
    limits: list[dict] = field(default_factory=list)  # limits.yml's limits, in file order

    def task_ids(self) -> list[str]:
        return [t["id"] for d in self.blueprint["domains"] for t in d["tasks"]]

    def tasks(self) -> dict[str, dict]:
        """Task id -> the task statement, with its domain's id and folder added."""
        return {t["id"]: {**t, "domain": d["id"], "folder": d["folder"]}
                for d in self.blueprint["domains"] for t in d["tasks"]}

    def quiz(self, task: str) -> list[dict]:
        """The chapter's Check yourself questions, in file order."""
        return [q for q in self.questions.get(task, []) if q["use"] == "quiz"]

    def exam_pool(self) -> dict[str, list[dict]]:
        """Task id -> its practice-exam questions (never shown in a chapter's quiz)."""
        return {task: [q for q in qs if q["use"] == "exam"] for task, qs in self.questions.items()}

    def domain(self, domain_id: str) -> dict | None:
        return next((d for d in self.blueprint["domains"] if d["id"] == domain_id), None)


def _check(path: Path, schema, context: Context, messages: list[str]):
    context.file = rel(path)
    checked = check_file(path, schema, context)
    messages += checked.messages
    return checked.data


def load(data_dir: Path = DATA, docs: Path = DOCS) -> GuideData:
    """Read and check every data file. Raises DataError listing every problem found."""
    context, messages = Context(docs=docs), []
    services = _check(data_dir / "services.yml", SERVICES, context, messages)
    blueprint = _check(data_dir / "blueprint.yml", BLUEPRINT, context, messages)
    exam_status = _check(data_dir / "exam-status.yml", EXAM_STATUS, context, messages)
    if messages:  # the files below are checked against these two
        raise DataError(messages)
    task_ids = [t["id"] for d in blueprint["domains"] for t in d["tasks"]]
    context.services, context.tasks = set(services), set(task_ids)
    changes_path = data_dir / "service-changes.yml"
    changes = _check(changes_path, SERVICE_CHANGES, context, messages)
    if not messages:
        messages += service_change_problems(changes, services, rel(changes_path),
                                            rel(data_dir / "services.yml"))
    tables = {path.stem: _check(path, TABLE, context, messages)
              for path in sorted((data_dir / "decision-tables").glob("*.yml"))}
    algorithms = _check(data_dir / "algorithms.yml", ALGORITHMS, context, messages)
    if ALGORITHMS_TABLE in tables:
        messages.append(f"{rel(data_dir / 'decision-tables' / ALGORITHMS_TABLE)}.yml: the decision table "
                        f"{ALGORITHMS_TABLE!r} is made from {rel(data_dir / 'algorithms.yml')}; "
                        "remove this file")
    order = {task: n for n, task in enumerate(task_ids)}  # question files in blueprint order
    files = sorted((data_dir / "questions").glob("*.yml"),
                   key=lambda path: (order.get(path.stem, len(order)), path.name))
    questions = {}
    for path in files:
        document = _check(path, QUESTION_FILE, context, messages)
        if isinstance(document, dict) and isinstance(document.get("task"), str):
            questions[document["task"]] = document.get("questions")
    if not files:
        messages.append(f"{rel(data_dir / 'questions')}/: no question files; the practice exam needs some")
    pairs = _check(data_dir / "question-pairs.yml", QUESTION_PAIRS, context, messages)
    glossary = _check(data_dir / "glossary.yml", GLOSSARY, context, messages)
    limits = _check(data_dir / "limits.yml", LIMITS, context, messages)
    if messages:
        raise DataError(messages)
    tables = {**tables, ALGORITHMS_TABLE: algorithms_table(algorithms)}
    return GuideData(services, changes, blueprint, exam_status, tables, questions, algorithms,
                     glossary["terms"], pairs["pairs"], limits["limits"])
