"""Every validator of the build library, fed bad input: each case asserts the whole message.

The data-file schemas (guidebuild.data) are checked on Python data here, so each message is
exact; the tests at the end check, on YAML text, that messages carry the line of the field.
Then the chapters and the nav (guidebuild.pages), the shortcodes (guidebuild.shortcodes) and the
questions' links (guidebuild.bank).
"""

import copy
import dataclasses
import datetime
import textwrap

import pytest
from guidebuild import bank, data, glossary, guide, pages, paths, shortcodes
from guidebuild.schema import DataError, check_file, describe, load_yaml, validate


def problems(document, schema, file, **context):
    """The worded problems of a document, with a small world of known services and tasks."""
    known = data.Context(file=file, services={"s3", "glue"}, tasks={"1.2", "3.5"}, **context)
    return [describe(p, document, schema, file) for p in validate(document, schema, known)]


def broken(good, mutate):
    document = copy.deepcopy(good)
    mutate(document)
    return document


def case(mutate, message, id):
    return pytest.param(mutate, message, id=id)


# ---------------------------------------------------------------------------------------------
# services.yml

SERVICES_FILE = "docs/data/services.yml"
SERVICES = {
    "s3": {"name": "Amazon S3", "scope": "in-scope", "docs": "https://docs.aws.amazon.com/s3/"},
    "data-pipeline": {"name": "AWS Data Pipeline", "scope": "not-listed", "status": "Closed.",
                      "former": "Old name", "docs": "https://docs.aws.amazon.com/datapipeline/"},
}


def test_good_services_pass():
    assert problems(SERVICES, data.SERVICES, SERVICES_FILE) == []


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda s: s["s3"].pop("name"), "service 's3': field 'name' is missing", "name-missing"),
    case(lambda s: s["s3"].update(scope="maybe"),
         "service 's3': field 'scope' is 'maybe'; use one of in-scope, out-of-scope, not-listed", "scope"),
    case(lambda s: s["s3"].update(docs="http://x"), "service 's3': field 'docs' must be an https:// URL",
         "docs-http"),
    case(lambda s: s["s3"].update(colour="red"),
         "service 's3': field 'colour' is not a known field; the fields are name, former, also, scope, "
         "status, docs",
         "unknown-field"),
    case(lambda s: s["s3"].update(name=""), "service 's3': field 'name' is empty", "name-empty"),
    case(lambda s: s.update(glue=None),
         "service 'glue': must be a mapping with the fields name, former, also, scope, status, docs, "
         "got nothing",
         "entry-empty"),
])
def test_bad_services(mutate, message):
    assert problems(broken(SERVICES, mutate), data.SERVICES, SERVICES_FILE) == [f"{SERVICES_FILE}: {message}"]


def test_services_file_that_is_not_a_mapping():
    expected = [f"{SERVICES_FILE}: must be a mapping, got a list"]
    assert problems(["s3"], data.SERVICES, SERVICES_FILE) == expected


# ---------------------------------------------------------------------------------------------
# service-changes.yml

CHANGES_FILE = "docs/data/service-changes.yml"
CHANGE = {"date": "2024-07-25", "kind": "closed-to-new-customers", "what": "Closed to new customers.",
          "confidence": "confirmed", "sources": [{"title": "Doc", "url": "https://docs.aws.amazon.com/x"}]}
CHANGES = {"data-pipeline": {"changes": [CHANGE, {**CHANGE, "date": "2021-09", "kind": "renamed"}]}}


def change_problems(document):
    return problems(document, data.SERVICE_CHANGES, CHANGES_FILE, today=datetime.date(2026, 12, 1))


def _change(document, index=0):
    return document["data-pipeline"]["changes"][index]


def test_good_changes_pass():
    assert change_problems(CHANGES) == []


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda c: _change(c).update(date="2027-01-01"),
         "field 'changes[0].date' is 2027-01-01, after today (2026-12-01); record it once it has happened",
         "future"),
    case(lambda c: _change(c).update(date="2026-12"), None, "this-month"),
    case(lambda c: _change(c).update(date="2024-02-30"),
         "field 'changes[0].date' is '2024-02-30', which is not a date of the calendar", "no-such-day"),
    case(lambda c: _change(c).update(date="25 July 2024"),
         "field 'changes[0].date' is '25 July 2024'; write \"YYYY-MM-DD\", or \"YYYY-MM\" when only the "
         "month is known", "spelled-date"),
    case(lambda c: _change(c).update(date=datetime.date(2024, 7, 25)),
         "field 'changes[0].date' must be text, got 2024-07-25 (a date: put it in quotes)", "unquoted"),
    case(lambda c: _change(c).update(kind="retired"),
         "field 'changes[0].kind' is 'retired'; use one of renamed, end-of-support, closed-to-new-customers, "
         "feature-closed", "kind"),
    case(lambda c: _change(c).update(confidence="likely"),
         "field 'changes[0].confidence' is 'likely'; use one of confirmed, reported", "confidence"),
    case(lambda c: _change(c).update(sources=[]),
         "field 'changes[0].sources' needs at least 1 item, has 0", "no-sources"),
    case(lambda c: _change(c, 1).pop("what"), "field 'changes[1].what' is missing", "what-missing"),
    case(lambda c: c["data-pipeline"].update(changes=[]),
         "field 'changes' needs at least 1 item, has 0", "no-changes"),
])
def test_bad_changes(mutate, message):
    expected = [] if message is None else [f"{CHANGES_FILE}: service 'data-pipeline': {message}"]
    assert change_problems(broken(CHANGES, mutate)) == expected


def test_changes_name_services_of_services_yml_and_every_rename_has_its_change():
    services = {**SERVICES, "opensearch": {**SERVICES["s3"], "former": "Amazon Elasticsearch Service"}}
    changes = {**CHANGES, "kinesis-video": copy.deepcopy(CHANGES["data-pipeline"])}
    assert data.service_change_problems(changes, services, CHANGES_FILE, SERVICES_FILE) == [
        f"{CHANGES_FILE}: service 'kinesis-video': is not a service id of {SERVICES_FILE}",
        f"{SERVICES_FILE}: service 'opensearch': field 'former' says it was renamed, but {CHANGES_FILE} has "
        "no 'renamed' change for 'opensearch'",
    ]
    assert data.service_change_problems(CHANGES, SERVICES, CHANGES_FILE, SERVICES_FILE) == []


def test_a_change_names_the_line_of_its_date(tmp_path):
    path = tmp_path / "service-changes.yml"
    path.write_text(textwrap.dedent("""\
        data-pipeline:
          changes:
            - kind: renamed
              what: Renamed.
              confidence: reported
              date: "2030-01"
              sources: [{title: Doc, url: "https://x"}]
        """))
    context = data.Context(today=datetime.date(2026, 12, 1))
    assert check_file(path, data.SERVICE_CHANGES, context).messages == [
        f"{path}:6: service 'data-pipeline': field 'changes[0].date' is 2030-01, after today (2026-12-01); "
        "record it once it has happened",
    ]


# ---------------------------------------------------------------------------------------------
# blueprint.yml

BLUEPRINT_FILE = "docs/data/blueprint.yml"
BLUEPRINT = {
    "mla_c01": {"1": "Data Preparation", "3": "Deployment"},
    "mla_c02": {
        "domains": {"1": "Data Preparation for ML and AI", "2": "Model Development"},
        "tasks": {"1.1": "1.1 Collect and store data", "2.3": "2.3 Analyze and evaluate"},
        "removed": [{"mla_c01": "1.1", "what": "Loading into FSx.", "taught_in": ["1.1"]}],
        "added": [{"mla_c02": "1.1", "what": "Vector stores.", "partly_in": []}],
    },
    "domains": [
        {"id": "1", "title": "Data Engineering", "weight": 40, "folder": "1-data-engineering",
         "tasks": [{"id": "1.1", "title": "T", "topics": "Stores.", "mla": ["1.1 Ingest"]},
                   {"id": "1.2", "title": "U", "topics": "Streams.", "mla": ["1.1 Ingest"]}]},
        {"id": "3", "title": "Modeling", "weight": 60, "folder": "3-modeling",
         "tasks": [{"id": "3.5", "title": "Evaluate", "topics": "Metrics.", "mla": ["2.3 Analyze"]}]},
    ],
}


def test_good_blueprint_passes():
    assert problems(BLUEPRINT, data.BLUEPRINT, BLUEPRINT_FILE) == []


def _task(blueprint, domain=0, task=0):
    return blueprint["domains"][domain]["tasks"][task]


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda b: b["domains"][0].update(weight=41),
         "field 'domains' has weights that add up to 101, not 100", "weights"),
    case(lambda b: b["domains"][0].update(weight="40"),
         "domain '1': field 'weight' must be a whole number, got '40'", "weight-text"),
    case(lambda b: b["domains"][1].update(id=3), "domain 2: field 'id' must be text, got 3 (a number: put it "
         "in quotes)", "domain-id-number"),
    case(lambda b: _task(b, 1).update(id="1.9"),
         "task '1.9': field 'id' must start with '3.', the domain's id", "task-prefix"),
    case(lambda b: _task(b, 0, 1).update(id="1.1"), "task '1.1': field 'id' repeats '1.1'", "task-repeat"),
    case(lambda b: b["mla_c01"].pop("3"), "domain '3': field 'id' is '3', which has no entry in mla_c01",
         "no-mla"),
    case(lambda b: b["domains"][1].update(folder="3-nothing"),
         "domain '3': field 'folder' names docs/3-nothing/, which does not exist", "folder"),
    case(lambda b: _task(b).update(mla=[]), "task '1.1': field 'mla' needs at least 1 item, has 0",
         "mla-empty"),
    case(lambda b: _task(b).update(chapter="1-data-engineering/x.md"),
         "task '1.1': field 'chapter' is not a known field; the fields are id, title, topics, mla",
         "chapter-field"),
    case(lambda b: _task(b).pop("topics"), "task '1.1': field 'topics' is missing", "topics-missing"),
    case(lambda b: b["mla_c02"]["tasks"].pop("2.3"),
         "task '3.5': field 'mla[0]' names MLA-C01 task '2.3', which mla_c02.tasks does not map",
         "mla-c02-unmapped"),
    case(lambda b: b["mla_c02"]["tasks"].update({"1.1": "5.1 Nowhere"}),
         "field 'mla_c02.tasks.1.1' is '5.1 Nowhere', whose domain is not in mla_c02.domains",
         "mla-c02-domain"),
    case(lambda b: b["mla_c02"]["removed"][0].update(taught_in=["9.9"]),
         "removed topic 'Loading into FSx.': field 'taught_in' names '9.9', not an MLS-C01 task",
         "removed-unknown-task"),
    case(lambda b: b["mla_c02"]["added"][0].update(mla_c02="4.4"),
         "added topic '4.4': field 'mla_c02' is '4.4', not a task of mla_c02.tasks", "added-unknown-task"),
    case(lambda b: b["mla_c02"]["added"][0].pop("partly_in"),
         "added topic '1.1': field 'partly_in' is missing", "added-no-partly-in"),
])
def test_bad_blueprint(mutate, message):
    expected = [f"{BLUEPRINT_FILE}: {message}"]
    assert problems(broken(BLUEPRINT, mutate), data.BLUEPRINT, BLUEPRINT_FILE) == expected


# ---------------------------------------------------------------------------------------------
# exam-status.yml

STATUS_FILE = "docs/data/exam-status.yml"
STATUS = {
    "checked": "2026-12-01",
    "exams": [{"code": "MLS-C01", "name": "Specialty", "summary": "Retired.", "facts": [
        {"text": "Last day 31 March 2026.", "confidence": "reported",
         "sources": [{"title": "Report", "url": "https://example.org/report"}]}]}],
}


def test_good_exam_status_passes():
    assert problems(STATUS, data.EXAM_STATUS, STATUS_FILE, today=datetime.date(2026, 12, 1)) == []


def _fact(status):
    return status["exams"][0]["facts"][0]


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda s: s.update(checked="1 December 2026"),
         "field 'checked' is '1 December 2026'; write \"YYYY-MM-DD\", or \"YYYY-MM\" when only the month "
         "is known",
         "checked-format"),
    case(lambda s: s.update(checked="2027-01-01"),
         "field 'checked' is 2027-01-01, after today (2026-12-01); record it once it has happened",
         "checked-future"),
    case(lambda s: _fact(s).update(confidence="likely"),
         "fact 'Last day 31 March 2026.': field 'confidence' is 'likely'; use one of confirmed, reported",
         "confidence"),
    case(lambda s: _fact(s).update(sources=[]),
         "fact 'Last day 31 March 2026.': field 'sources' needs at least 1 item, has 0",
         "no-sources"),
    case(lambda s: s["exams"][0].pop("summary"), "exam 'MLS-C01': field 'summary' is missing", "no-summary"),
])
def test_bad_exam_status(mutate, message):
    expected = [f"{STATUS_FILE}: {message}"]
    today = datetime.date(2026, 12, 1)
    assert problems(broken(STATUS, mutate), data.EXAM_STATUS, STATUS_FILE, today=today) == expected


# ---------------------------------------------------------------------------------------------
# decision-tables/*.yml

TABLE_FILE = "docs/data/decision-tables/demo.yml"
TABLE = {
    "title": "T", "summary": "S", "criteria": {"a": "A"},
    "options": [
        {"name": "One", "services": ["s3"], "values": {"a": "x"}, "choose_when": "w"},
        {"name": "Two", "services": [], "values": {"a": "y"}, "choose_when": "w"},
    ],
    "sources": [{"title": "Doc", "url": "https://docs.aws.amazon.com/x"}],
}


def test_good_table_passes():
    assert problems(TABLE, data.TABLE, TABLE_FILE) == []


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda t: t["options"][1].pop("choose_when"), "option 'Two': field 'choose_when' is missing",
         "choose-when-missing"),
    case(lambda t: t["options"][0].update(values={"b": "x"}),
         ["option 'One': field 'values.a' is missing (criterion 'A')",
          "option 'One': field 'values.b' is not a criterion of this table"], "value-missing"),
    case(lambda t: t["options"][0]["values"].update(b="x"),
         "option 'One': field 'values.b' is not a criterion of this table", "value-extra"),
    case(lambda t: t["options"][0].update(services=["kinesis-video"]),
         "option 'One': field 'services[0]' names 'kinesis-video', which is not in docs/data/services.yml",
         "unknown-service"),
    case(lambda t: t.pop("sources"), "field 'sources' is missing", "sources-missing"),
    case(lambda t: t.update(colour="red"),
         "field 'colour' is not a known field; the fields are title, summary, criteria, finder, options, "
         "sources",
         "unknown-field"),
    case(lambda t: t["sources"][0].update(url="http://x"), "field 'sources[0].url' must be an https:// URL",
         "source-http"),
    case(lambda t: t["options"].pop(), "field 'options' needs at least 2 items, has 1", "one-option"),
    case(lambda t: t["criteria"].update(b=""), "field 'criteria.b' is empty", "criterion-label"),
    case(lambda t: t["options"][1].update(name=None), "option 2: field 'name' must be text, got nothing",
         "option-unnamed"),
    case(lambda t: t.update(finder={"z": "Which?"}),
         ["field 'finder.z' is not a criterion of this table (a)",
          "option 'One': field 'fits' has no answers for the question 'z'",
          "option 'Two': field 'fits' has no answers for the question 'z'"],
         "finder-not-a-criterion"),
    case(lambda t: (t.update(finder={"a": "Which?"}), t["options"][0].update(fits={"a": ["Yes"]})),
         "option 'Two': field 'fits' has no answers for the question 'a'", "finder-option-without-fits"),
    case(lambda t: t["options"][0].update(fits={"a": ["Yes"]}),
         "option 'One': field 'fits.a' answers a question that 'finder' does not ask", "fits-without-finder"),
])
def test_bad_table(mutate, message):
    expected = [f"{TABLE_FILE}: {m}" for m in ([message] if isinstance(message, str) else message)]
    assert problems(broken(TABLE, mutate), data.TABLE, TABLE_FILE) == expected


# ---------------------------------------------------------------------------------------------
# algorithms.yml

ALGORITHMS_FILE = "docs/data/algorithms.yml"
ALGORITHM = {
    "id": "xgboost", "name": "XGBoost", "family": "tabular", "problem": "Tables", "learning": "supervised",
    "channels": "train", "formats": "CSV", "input_modes": ["File", "Pipe"], "training": "CPU or GPU",
    "inference": "unconfirmed", "distributed": "Yes", "hyperparameters": {"num_round": "required"},
    "tuning": {"validation:auc": "Maximize"}, "choose_when": "Tables.",
    "source": "https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html",
    "unconfirmed": {"inference": "Not checked."},
}
ALGORITHMS = {
    "title": "T", "summary": "S", "notes": "N",
    "sources": [{"title": "Doc", "url": "https://docs.aws.amazon.com/x"}],
    "algorithms": [ALGORITHM, {**copy.deepcopy(ALGORITHM), "id": "k-means", "name": "K-Means"}],
}


def _first(document):
    return document["algorithms"][0]


def test_good_algorithms_pass():
    assert problems(ALGORITHMS, data.ALGORITHMS, ALGORITHMS_FILE) == []


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda d: _first(d).pop("unconfirmed"),
         "algorithm 'xgboost': field 'inference' is 'unconfirmed', but 'unconfirmed' does not say why; "
         "add unconfirmed.inference: <reason>", "unconfirmed-without-reason"),
    case(lambda d: _first(d).update(tuning={}),
         "algorithm 'xgboost': field 'tuning' is empty, but 'unconfirmed' does not say why; "
         "add unconfirmed.tuning: <reason>", "empty-without-reason"),
    case(lambda d: _first(d)["unconfirmed"].update(training="Not checked."),
         "algorithm 'xgboost': field 'unconfirmed.training' explains a cell that has a value; write "
         "'unconfirmed' (or leave it empty) or drop the reason", "stale-reason"),
    case(lambda d: _first(d)["unconfirmed"].update(colour="?"),
         "algorithm 'xgboost': field 'unconfirmed.colour' names no cell that can be unconfirmed (channels, "
         "formats, input_modes, training, inference, distributed, hyperparameters, tuning)", "unknown-cell"),
    case(lambda d: _first(d).update(input_modes=["File", "Stream"]),
         "algorithm 'xgboost': field 'input_modes[1]' is 'Stream'; use one of File, Pipe, FastFile", "mode"),
    case(lambda d: _first(d)["hyperparameters"].update(eta="sometimes"),
         "algorithm 'xgboost': field 'hyperparameters.eta' is 'sometimes'; use one of required, optional, "
         "required for multiclass", "hyperparameter-need"),
    case(lambda d: _first(d).update(tuning={"auc": "Maximize"}),
         "algorithm 'xgboost': field 'tuning.auc' must be named <channel>:<metric>, the channel train, "
         "validation or test", "metric-name"),
    case(lambda d: _first(d)["tuning"].update({"validation:auc": "Up"}),
         "algorithm 'xgboost': field 'tuning.validation:auc' is 'Up'; use one of Maximize, Minimize",
         "direction"),
    case(lambda d: _first(d).update(source="https://example.com/xgboost"),
         "algorithm 'xgboost': field 'source' must be a page of the AWS documentation "
         "(https://docs.aws.amazon.com/...)", "source-not-aws"),
    case(lambda d: _first(d).update(learning="semi"),
         "algorithm 'xgboost': field 'learning' is 'semi'; use one of supervised, unsupervised, "
         "supervised or unsupervised", "learning"),
    case(lambda d: d["algorithms"][1].update(id="xgboost"),
         "algorithm 'xgboost': field 'id' repeats 'xgboost'", "id-repeated"),
    case(lambda d: _first(d).pop("distributed"), "algorithm 'xgboost': field 'distributed' is missing",
         "cell-missing"),
])
def test_bad_algorithms(mutate, message):
    assert problems(broken(ALGORITHMS, mutate), data.ALGORITHMS, ALGORITHMS_FILE) == [
        f"{ALGORITHMS_FILE}: {message}"]


def test_the_algorithms_make_a_decision_table_that_passes_its_schema():
    table = data.algorithms_table(ALGORITHMS)
    assert validate(table, data.TABLE, data.Context(services={"sagemaker"})) == []
    assert [o["name"] for o in table["options"]] == ["XGBoost", "K-Means"]
    assert table["options"][0]["values"]["data"] == "CSV; File or Pipe mode"


def test_algorithm_messages_name_the_line(tmp_path):
    import yaml

    path = tmp_path / "algorithms.yml"
    document = broken(ALGORITHMS, lambda d: _first(d).update(input_modes=["Stream"]))
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), start=1) if "Stream" in text)
    assert check_file(path, data.ALGORITHMS).messages == [
        f"{path}:{line}: algorithm 'xgboost': field 'input_modes[0]' is 'Stream'; use one of File, Pipe, "
        "FastFile"]


# ---------------------------------------------------------------------------------------------
# questions/<task>.yml

QUESTIONS_FILE = "docs/data/questions/1.2.yml"
SINGLE = {
    "id": "x", "kind": "single", "use": "quiz", "stem": "Which?",
    "options": {"a": "A", "b": "B", "c": "C", "d": "D"},
    "answer": ["c"],
    "explanations": {"a": "No.", "b": "No.", "c": "Yes.", "d": "No."},
    "link": "1-data-engineering/1-2-data-ingestion.md#choosing-the-job-style-for-an-ml-workload",
    "sources": [{"title": "Doc", "url": "https://docs.aws.amazon.com/x"}],
}
MULTIPLE = {**copy.deepcopy(SINGLE), "id": "y", "kind": "multiple", "choose": 2, "answer": ["a", "e"],
            "options": {**SINGLE["options"], "e": "E"},
            "explanations": {**SINGLE["explanations"], "e": "Yes."}}
QUESTIONS = {"task": "1.2", "questions": [SINGLE, MULTIPLE]}


def _single(document):
    return document["questions"][0]


def _multiple(document):
    return document["questions"][1]


def test_good_questions_pass():
    assert problems(QUESTIONS, data.QUESTION_FILE, QUESTIONS_FILE) == []


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda d: _single(d)["answer"].__setitem__(0, "e"),
         "question 'x': field 'answer' names 'e', which is not among the options", "answer-not-an-option"),
    case(lambda d: _single(d).update(id="Big Id"),
         "question 'Big Id': field 'id' must be lower-case letters, digits, '.' and '-'", "id-format"),
    case(lambda d: _single(d).update(stem="Read it:\n\n| | a | b |\n|---|---|---|\n| x | 1 | 2 |\n"),
         "question 'x': field 'stem' has a table whose first header cell is empty; name what the rows are "
         "(e.g. 'Actual class')", "table-empty-corner"),
    case(lambda d: _multiple(d).update(id="x"),
         f"question 'x': field 'id' repeats (also in {QUESTIONS_FILE})", "id-repeats"),
    case(lambda d: _single(d).update(hint="h"),
         "question 'x': field 'hint' is not a known field; the fields are id, kind, use, choose, stem, "
         "options, answer, explanations, link, sources", "unknown-field"),
    case(lambda d: _single(d).pop("stem"), "question 'x': field 'stem' is missing", "stem-missing"),
    case(lambda d: _single(d).update(stem="  "), "question 'x': field 'stem' is empty", "stem-empty"),
    case(lambda d: _single(d).update(kind="several"),
         "question 'x': field 'kind' is 'several'; use one of single, multiple", "kind"),
    case(lambda d: _single(d).pop("use"), "question 'x': field 'use' is missing", "use-missing"),
    case(lambda d: _single(d).update(use="both"),
         "question 'x': field 'use' is 'both'; use one of quiz, exam", "use"),
    case(lambda d: _single(d).update(options=["A", "B", "C", "D"]),
         "question 'x': field 'options' must be a mapping, got a list", "options-list"),
    case(lambda d: _single(d).update(options={"a": "A", "c": "C", "b": "B", "d": "D"}),
         "question 'x': field 'options' must use the keys a, b, c... in order, has a, c, b, d",
         "options-order"),
    case(lambda d: _single(d).update(answer="c"), "question 'x': field 'answer' must be a list, got 'c'",
         "answer-text"),
    case(lambda d: _single(d).update(answer=["c", "c"]),
         ["question 'x': field 'answer' repeats an option",
          "question 'x': field 'answer' has 2 letters; a single-answer question has exactly one"],
         "answer-repeats"),
    case(lambda d: _single(d).update(answer=["a", "c"]),
         "question 'x': field 'answer' has 2 letters; a single-answer question has exactly one",
         "single-two-answers"),
    case(lambda d: (_single(d)["options"].update(e="E"), _single(d)["explanations"].update(e="No.")),
         "question 'x': field 'options' has 5 options; a single-answer question has 4",
         "single-five-options"),
    case(lambda d: _single(d).update(choose=1),
         "question 'x': field 'choose' is only for multiple-response questions", "single-choose"),
    case(lambda d: (_multiple(d)["options"].pop("e"), _multiple(d)["explanations"].pop("e"),
                    _multiple(d).update(answer=["a", "b"])),
         "question 'y': field 'options' has 4 options; a multiple-response question has 5 or more",
         "multiple-four-options"),
    case(lambda d: _multiple(d).update(answer=["a"], choose=1),
         "question 'y': field 'answer' has 1 letter; a multiple-response question has 2 or more",
         "multiple-one-answer"),
    case(lambda d: _multiple(d).update(choose=3),
         "question 'y': field 'choose' must equal the number of answers (2)", "choose-mismatch"),
    case(lambda d: _multiple(d).pop("choose"),
         "question 'y': field 'choose' must equal the number of answers (2)", "choose-missing"),
    case(lambda d: _single(d)["explanations"].pop("b"),
         "question 'x': field 'explanations.b' is missing: say why option b is right or wrong",
         "explanation-missing"),
    case(lambda d: _single(d)["explanations"].update(f="Why."),
         "question 'x': field 'explanations.f' explains an option that does not exist", "explanation-extra"),
    case(lambda d: _single(d).update(link="1-data-engineering/1-2-data-ingestion.md"),
         "question 'x': field 'link' must be 'path/to/chapter.md#heading-anchor'", "link-no-anchor"),
    case(lambda d: _single(d).update(link="1-data-engineering/nothing.md#a"),
         "question 'x': field 'link' points to docs/1-data-engineering/nothing.md, which does not exist",
         "link-no-page"),
    case(lambda d: _single(d).update(sources=[]),
         "question 'x': field 'sources' needs at least 1 item, has 0", "no-sources"),
    case(lambda d: _single(d)["sources"][0].pop("title"), "question 'x': field 'sources[0].title' is missing",
         "source-untitled"),
    case(lambda d: d.update(task="9.9"),
         "field 'task' is '9.9', which is not a task statement of docs/data/blueprint.yml", "unknown-task"),
    case(lambda d: d.update(task=1.2), "field 'task' must be text, got 1.2 (a number: put it in quotes)",
         "task-number"),
    case(lambda d: d.update(task="3.5"),
         "field 'task' is '3.5', so the file must be named 3.5.yml, not 1.2.yml", "file-name"),
    case(lambda d: d.update(questions=[]), "field 'questions' needs at least 1 item, has 0", "no-questions"),
    case(lambda d: d.update(extra=1),
         "field 'extra' is not a known field; the fields are task, questions", "file-unknown-field"),
])
def test_bad_questions(mutate, message):
    expected = [f"{QUESTIONS_FILE}: {m}" for m in ([message] if isinstance(message, str) else message)]
    assert problems(broken(QUESTIONS, mutate), data.QUESTION_FILE, QUESTIONS_FILE) == expected


# ---------------------------------------------------------------------------------------------
# glossary.yml

GLOSSARY_FILE = "docs/data/glossary.yml"
GLOSSARY = {"terms": [
    {"term": "AUC", "expansion": "area under the ROC curve", "definition": "How well scores rank.",
     "aliases": ["ROC AUC"], "see": "3-modeling/3-5-evaluate-models.md#roc-curves-and-auc"},
    {"term": "SMOTE", "definition": "Makes synthetic minority rows."},
]}


def _term(document, index=0):
    return document["terms"][index]


def test_good_glossary_passes():
    assert problems(GLOSSARY, data.GLOSSARY, GLOSSARY_FILE) == []


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda g: _term(g, 1).update(term="AUC"), "term 'AUC': field 'term' repeats 'AUC', already a term",
         "duplicate-term"),
    case(lambda g: _term(g, 1).pop("definition"), "term 'SMOTE': field 'definition' is missing",
         "definition-missing"),
    case(lambda g: _term(g, 1).update(definition=" "), "term 'SMOTE': field 'definition' is empty",
         "definition-empty"),
    case(lambda g: _term(g, 1).update(aliases=["ROC AUC"]),
         "term 'SMOTE': field 'aliases[0]' repeats 'ROC AUC', already an alias of the term 'AUC'",
         "alias-of-two-terms"),
    case(lambda g: _term(g, 1).update(aliases=["AUC"]),
         "term 'SMOTE': field 'aliases[0]' repeats 'AUC', already a term", "alias-is-another-term"),
    case(lambda g: _term(g).update(aliases=["AUC"]),
         "term 'AUC': field 'aliases[0]' repeats 'AUC' within the same term", "alias-is-its-term"),
    case(lambda g: _term(g).update(see="3-modeling/3-5-evaluate-models.md"),
         "term 'AUC': field 'see' must be 'path/to/chapter.md#heading-anchor'", "see-without-heading"),
    case(lambda g: _term(g).update(see="3-modeling/no-such-chapter.md#auc"),
         "term 'AUC': field 'see' points to docs/3-modeling/no-such-chapter.md, which does not exist",
         "see-missing-page"),
    case(lambda g: _term(g, 1).update(definition="Makes `synthetic` rows."),
         "term 'SMOTE': field 'definition' must be plain text, as it is also a tooltip: no Markdown or "
         "HTML ('`')", "definition-markup"),
    case(lambda g: _term(g, 1).update(abbreviation="S"),
         "term 'SMOTE': field 'abbreviation' is not a known field; the fields are term, expansion, "
         "definition, aliases, see", "unknown-field"),
    case(lambda g: g.update(terms=[]), "field 'terms' needs at least 1 item, has 0", "no-terms"),
])
def test_bad_glossary(mutate, message):
    assert problems(broken(GLOSSARY, mutate), data.GLOSSARY, GLOSSARY_FILE) == [f"{GLOSSARY_FILE}: {message}"]


def test_a_repeated_term_names_both_lines(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("terms:\n  - term: AUC\n    definition: One.\n  - term: F1\n    definition: Two.\n"
                    "  - term: AUC\n    definition: Three.\n")
    assert check_file(path, data.GLOSSARY, data.Context()).messages == [
        f"{path}:6: term 'AUC': field 'term' repeats 'AUC', already a term (line 2)"]


# ---------------------------------------------------------------------------------------------
# question-pairs.yml

PAIRS_FILE = "docs/data/question-pairs.yml"
PAIRS = {"pairs": [{"questions": ["1.2-a", "3.5-b"], "why": "One asks for the service, one for the limit."}]}


def test_good_question_pairs_pass():
    assert problems(PAIRS, data.QUESTION_PAIRS, PAIRS_FILE, question_ids={"1.2-a": "", "3.5-b": ""}) == []


@pytest.mark.parametrize(("mutate", "message"), [
    case(lambda p: p["pairs"][0].update(questions=["1.2-a", "1.2-a"]),
         "pair 1: field 'questions' must name exactly two different question ids", "same-twice"),
    case(lambda p: p["pairs"][0].update(questions=["1.2-a", "3.5-b", "1.2-c"]),
         "pair 1: field 'questions' must name exactly two different question ids", "three"),
    case(lambda p: p["pairs"][0].update(questions=["1.2-a", "9.9-z"]),
         "pair 1: field 'questions' names '9.9-z', which is not a question of the bank", "unknown-id"),
    case(lambda p: p["pairs"][0].pop("why"), "pair 1: field 'why' is missing", "why-missing"),
])
def test_bad_question_pairs(mutate, message):
    document = broken(PAIRS, mutate)
    found = problems(document, data.QUESTION_PAIRS, PAIRS_FILE, question_ids={"1.2-a": "", "3.5-b": ""})
    assert found == [f"{PAIRS_FILE}: {message}"]


# ---------------------------------------------------------------------------------------------
# Line numbers, from YAML


def test_messages_name_the_line_of_the_field(tmp_path):
    path = tmp_path / "1.2.yml"
    path.write_text(textwrap.dedent("""\
        task: "1.2"
        questions:
          - id: x
            kind: single
            use: quiz
            stem: Which?
            options: {a: A, b: B, c: C, d: D}
            answer: [e]
            explanations: {a: No., b: No., c: Yes., d: No.}
            link: 1-data-engineering/1-2-data-ingestion.md#choosing-the-job-style-for-an-ml-workload
            sources:
              - title: Doc
                url: http://docs.aws.amazon.com/x
        """))
    context = data.Context(tasks={"1.2"}, file="docs/data/questions/1.2.yml")
    where = str(path)
    assert check_file(path, data.QUESTION_FILE, context).messages == [
        f"{where}:13: question 'x': field 'sources[0].url' must be an https:// URL",
    ]
    path.write_text(path.read_text().replace("http://", "https://"))
    context.question_ids.clear()
    assert check_file(path, data.QUESTION_FILE, context).messages == [
        f"{where}:8: question 'x': field 'answer' names 'e', which is not among the options",
    ]


def test_a_missing_field_names_the_line_of_its_item(tmp_path):
    path = tmp_path / "services.yml"
    path.write_text("s3:\n  name: Amazon S3\n  scope: in-scope\n  docs: https://x\nglue:\n  name: AWS Glue\n"
                    "  scope: in-scope\n")
    assert check_file(path, data.SERVICES).messages == [f"{path}:6: service 'glue': field 'docs' is missing"]


def test_invalid_yaml_names_the_line_and_column(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("title: T\noptions:\n  - name: [unclosed\n")
    with pytest.raises(DataError, match=r"bad.yml:4:1: invalid YAML: expected ',' or ']'"):
        load_yaml(bad)


def test_load_stops_with_every_problem_of_every_file(tmp_path):
    data_dir = tmp_path / "data"
    (data_dir / "decision-tables").mkdir(parents=True)
    (data_dir / "questions").mkdir()
    (data_dir / "services.yml").write_text("s3:\n  name: S3\n  scope: in\n  docs: https://x\n")
    (data_dir / "blueprint.yml").write_text("mla_c01: {}\nmla_c02: {domains: {}, tasks: {}, removed: [], "
                                            "added: []}\ndomains: []\n")
    (data_dir / "exam-status.yml").write_text("checked: '2026-12-01'\nexams: []\n")
    with pytest.raises(DataError) as error:
        data.load(data_dir)
    assert error.value.messages == [
        f"{data_dir / 'services.yml'}:3: service 's3': field 'scope' is 'in'; use one of in-scope, "
        "out-of-scope, not-listed",
        f"{data_dir / 'blueprint.yml'}:1: field 'mla_c01' needs at least 1 entry, has 0",
        f"{data_dir / 'blueprint.yml'}:2: field 'mla_c02.domains' needs at least 1 entry, has 0",
        f"{data_dir / 'blueprint.yml'}:2: field 'mla_c02.tasks' needs at least 1 entry, has 0",
        f"{data_dir / 'blueprint.yml'}:3: field 'domains' needs at least 1 item, has 0",
        f"{data_dir / 'exam-status.yml'}:2: field 'exams' needs at least 1 item, has 0",
    ]


# ---------------------------------------------------------------------------------------------
# Chapters and nav (guidebuild.pages)


@pytest.fixture(scope="module")
def the_guide():
    return guide.load()


CHAPTER = "1-data-engineering/1-2-data-ingestion.md"
GOOD_CHAPTER = '---\ntask: "1.2"\n---\n\n# 1.2 Identify and implement a data ingestion solution\n\nText.\n'


def chapter_problems(the_guide, src, text):
    return pages.check_chapters({src: pages.read_page(src, text)}, the_guide.data)


def test_a_good_chapter_passes(the_guide):
    assert chapter_problems(the_guide, CHAPTER, GOOD_CHAPTER) == []


@pytest.mark.parametrize(("src", "text", "message"), [
    pytest.param(CHAPTER, GOOD_CHAPTER.replace('"1.2"', "1.2"),
                 f"docs/{CHAPTER}:2: front matter 'task' must be text in quotes, like task: \"1.2\"; got 1.2",
                 id="task-number"),
    pytest.param(CHAPTER, GOOD_CHAPTER.replace('"1.2"', '"1.9"'),
                 f"docs/{CHAPTER}:2: front matter task '1.9' is not a task statement of "
                 "docs/data/blueprint.yml",
                 id="unknown-task"),
    pytest.param("3-modeling/1-2.md", GOOD_CHAPTER,
                 "docs/3-modeling/1-2.md:2: a chapter of task 1.2 belongs in docs/1-data-engineering/, "
                 "its domain's folder", id="wrong-folder"),
    pytest.param(CHAPTER, GOOD_CHAPTER.replace("# 1.2 Identify", "# 1.2 Pick"),
                 f"docs/{CHAPTER}:5: the title must be '# 1.2 Identify and implement a data ingestion "
                 "solution' (task 1.2 in docs/data/blueprint.yml), found '# 1.2 Pick and implement a data "
                 "ingestion solution'", id="title"),
    pytest.param(CHAPTER, '---\ntask: "1.2"\n---\n\n```markdown\n# 1.2 Identify and implement a data '
                 'ingestion solution\n```\n',
                 f"docs/{CHAPTER}:5: the title must be '# 1.2 Identify and implement a data ingestion "
                 "solution' (task 1.2 in docs/data/blueprint.yml), found no '# ' title", id="title-in-code"),
])
def test_bad_chapter(the_guide, src, text, message):
    assert chapter_problems(the_guide, src, text) == [message]


def test_two_chapters_for_one_task(the_guide):
    found = pages.check_chapters({CHAPTER: pages.read_page(CHAPTER, GOOD_CHAPTER),
                                  "1-data-engineering/1-2-again.md":
                                      pages.read_page("1-data-engineering/1-2-again.md", GOOD_CHAPTER)},
                                 the_guide.data)
    assert found == [f"docs/1-data-engineering/1-2-again.md:2: task 1.2 already has a chapter, "
                     f"docs/{CHAPTER}"]


NAV = [
    {"Home": "index.md"},
    {"Domain 1": ["1-data-engineering/index.md", "1-data-engineering/1-2-data-ingestion.md"]},
    {"Domain 3": ["3-modeling/index.md", "3-modeling/3-5-evaluate-models.md"]},
]
CHAPTERS = {"1.2": "1-data-engineering/1-2-data-ingestion.md", "3.5": "3-modeling/3-5-evaluate-models.md"}


def test_the_nav_of_mkdocs_yml_passes(the_guide):
    # guide.load() has checked the real nav of mkdocs.yml against every chapter already.
    assert pages.check_nav(NAV, CHAPTERS, the_guide.data) == []
    assert CHAPTERS.items() <= the_guide.chapters.items(), "the fixture's chapters are real chapters"


@pytest.mark.parametrize(("nav", "message"), [
    pytest.param([NAV[0], {"All": ["3-modeling/index.md", CHAPTERS["3.5"], "1-data-engineering/index.md",
                                   CHAPTERS["1.2"]]}],
                 "mkdocs.yml: nav lists the chapters as 3.5, 1.2; list them in task order: 1.2, 3.5",
                 id="order"),
    pytest.param(NAV[:2], "mkdocs.yml: nav does not list docs/3-modeling/3-5-evaluate-models.md, the chapter "
                 "of task 3.5", id="missing"),
    pytest.param([NAV[0], {"Domain 1": ["1-data-engineering/index.md"]},
                  {"Domain 3": ["3-modeling/index.md", CHAPTERS["1.2"], CHAPTERS["3.5"]]}],
                 "mkdocs.yml: nav puts docs/1-data-engineering/1-2-data-ingestion.md (task 1.2) outside its "
                 "domain's section, the one that lists 1-data-engineering/index.md", id="section"),
])
def test_bad_nav(the_guide, nav, message):
    assert pages.check_nav(nav, CHAPTERS, the_guide.data) == [message]


# ---------------------------------------------------------------------------------------------
# Shortcodes (guidebuild.shortcodes)

KNOWN = ("algorithms, answer-key, blueprint, blueprint-domain, chapters-written, cheat-sheet, "
         "decision-table, decision-tables, exam-map, exam-status, exam-status-box, glossary, limits, quiz, "
         "service-finder, services, study-plan-hours, study-week, what-changed")


def shortcode_problems(the_guide, text, src="demo/page.md"):
    return shortcodes.check_pages(the_guide, {src: pages.read_page(src, text)})


@pytest.mark.parametrize(("text", "message"), [
    pytest.param("# T\n\n<!-- quizz: 1.2 -->\n",
                 f"docs/demo/page.md:3: unknown shortcode 'quizz'; known: {KNOWN}", id="unknown"),
    pytest.param("# T\n<!--servises-->\n",
                 f"docs/demo/page.md:2: unknown shortcode 'servises'; known: {KNOWN}", id="unknown-bare"),
    pytest.param("<!-- decision-table -->\n", "docs/demo/page.md:1: shortcode 'decision-table' needs an "
                 "argument, a decision table's id: <!-- decision-table: ... -->", id="argument-missing"),
    pytest.param("<!-- services: all -->\n", "docs/demo/page.md:1: shortcode 'services' takes no argument, "
                 "got 'all'", id="argument-unexpected"),
    pytest.param("# T\n\n<!-- decision-table: nope -->\n", "docs/demo/page.md:3: shortcode 'decision-table': "
                 "no decision table 'nope' (expected docs/data/decision-tables/nope.yml)", id="no-table"),
    pytest.param("<!-- blueprint-domain: 7 -->\n", "docs/demo/page.md:1: shortcode 'blueprint-domain': no "
                 "domain '7' in docs/data/blueprint.yml (domains: 1, 2, 3, 4)", id="no-domain"),
    pytest.param('---\ntask: "1.2"\n---\n\n<!-- quiz: 3.5 -->\n',
                 "docs/demo/page.md:5: shortcode 'quiz': the quiz of task 3.5 belongs on that task's "
                 "chapter; this page's front matter says task: '1.2'", id="quiz-other-task"),
    pytest.param("<!-- quiz: 1.2 -->\n",
                 "docs/demo/page.md:1: shortcode 'quiz': the quiz of task 1.2 belongs on that task's "
                 "chapter; this page's front matter names no task", id="quiz-no-task"),
])
def test_bad_shortcode(the_guide, text, message):
    assert shortcode_problems(the_guide, text) == [message]


@pytest.mark.parametrize(("questions", "message"), [
    ([], "no questions for task statement 1.2 (expected docs/data/questions/1.2.yml)"),
    ([{"use": "exam"}], "docs/data/questions/1.2.yml has no question with 'use: quiz' for this quiz"),
], ids=["no-file", "no-quiz-question"])
def test_a_quiz_needs_quiz_questions(the_guide, questions, message):
    bank = {task: qs for task, qs in the_guide.data.questions.items() if task != "1.2"}
    if questions:
        bank["1.2"] = questions
    data = dataclasses.replace(the_guide.data, questions=bank)
    text = '---\ntask: "1.2"\n---\n<!-- quiz: 1.2 -->\n'
    assert shortcode_problems(dataclasses.replace(the_guide, data=data), text) == [
        f"docs/demo/page.md:4: shortcode 'quiz': {message}"]


@pytest.mark.parametrize("comment", [
    "<!-- A note to editors: keep this table short. -->",
    "<!-- TODO -->",
    "Text with <!-- quizz: 1.2 --> inside a line.",
    "<!--\nquizz\n-->",
    "    <!-- quizz: 1.2 -->",
    "```markdown\n<!-- quizz: 1.2 -->\n```",
    "````markdown\n```\n<!-- quizz -->\n```\n````",
])
def test_ordinary_comments_and_code_are_not_shortcodes(the_guide, comment):
    page = pages.read_page("demo/page.md", f"# T\n\n{comment}\n")
    assert shortcode_problems(the_guide, page.text) == []
    assert shortcodes.expand(page.text, page, the_guide) == page.text


def test_expand_replaces_shortcodes_and_names_the_file_line(the_guide):
    page = pages.read_page("reference/demo.md", "# T\n\n<!-- services -->\n\nAfter.\n")
    out = shortcodes.expand(page.text, page, the_guide)
    assert out.startswith("# T\n\n| Service | Exam guide | Status and notes |\n")
    assert out.endswith("|\n\n\nAfter.\n")
    markdown = "Intro.\n\n<!-- quizz: 1.2 -->\n"  # a page's body, after 4 lines of front matter
    with pytest.raises(DataError, match=r"^docs/reference/demo.md:7: unknown shortcode 'quizz'; known: "):
        shortcodes.expand(markdown, page, the_guide, first_line=5)


def test_every_shortcode_is_documented_in_the_contributor_guide():
    text = (paths.DOCS / "contributing.md").read_text(encoding="utf-8")
    missing = [name for name in shortcodes.SHORTCODES if f"`<!-- {name}" not in text]
    assert not missing, f"docs/contributing.md does not show the shortcodes {missing}"


# ---------------------------------------------------------------------------------------------
# Question links, checked against the built pages (guidebuild.bank)


def test_question_links_name_missing_pages_and_headings(the_guide):
    anchors = {page: set() for page in the_guide.pages}
    anchors[CHAPTER] = {"choosing-the-job-style-for-an-ml-workload"}
    found = bank.link_problems(the_guide, anchors)
    first = next(q for q in the_guide.data.questions["1.2"]
                 if q["link"] != f"{CHAPTER}#choosing-the-job-style-for-an-ml-workload")
    anchor = first["link"].partition("#")[2]
    where = f"docs/data/questions/1.2.yml:{first.lines['link']}: question '{first['id']}': field 'link'"
    assert f"{where} points to #{anchor}, which is not a heading of {CHAPTER}" in found
    del anchors[CHAPTER]
    found = bank.link_problems(the_guide, anchors)
    assert f"{where} points to {CHAPTER}, which is not a page of the site" in found


def test_glossary_links_name_missing_pages_and_headings(the_guide):
    terms = [{"term": "AUC", "definition": "D.", "see": "3-modeling/3-5-evaluate-models.md#roc-curves"},
             {"term": "F1", "definition": "D.", "see": "3-modeling/gone.md#f1"}]
    world = dataclasses.replace(the_guide, data=dataclasses.replace(the_guide.data, glossary=terms))
    anchors = {"3-modeling/3-5-evaluate-models.md": {"roc-curves-and-auc"}}
    assert glossary.link_problems(world, anchors) == [
        "docs/data/glossary.yml: term 'AUC': field 'see' points to #roc-curves, which is not a heading of "
        "3-modeling/3-5-evaluate-models.md",
        "docs/data/glossary.yml: term 'F1': field 'see' points to 3-modeling/gone.md, which is not a page of "
        "the site",
    ]
