"""docs/data/limits.yml: its schema, the chapters' numbers against it, and the age of its checks."""

import copy
import logging
from datetime import date

import pytest
from guidebuild import data, guide, limits, pages
from guidebuild.schema import check_file, describe, validate

LIMITS_FILE = "docs/data/limits.yml"
GOOD = {"limits": [{
    "id": "kinesis-shard-write-bytes", "service": "s3", "name": "Write throughput per shard", "value": 1,
    "unit": "MB per second", "source": "https://docs.aws.amazon.com/streams/latest/dev/x.html",
    "verified": "2026-12-01", "chapters": ["1-data-engineering/1-2-data-ingestion.md"],
    "mentions": ["divided by {n} MB/s per shard"],
}]}


def schema_problems(mutate):
    document = copy.deepcopy(GOOD)
    mutate(document["limits"][0])
    known = data.Context(file=LIMITS_FILE, services={"s3"}, today=date(2026, 12, 1))
    return [describe(p, document, data.LIMITS, LIMITS_FILE) for p in validate(document, data.LIMITS, known)]


def test_a_good_limit_passes():
    assert schema_problems(lambda limit: None) == []


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda x: x.update(service="kinesis"), "field 'service' names 'kinesis', which is not in "
                                            "docs/data/services.yml"),
    (lambda x: x.update(value="1 MB"), "field 'value' must be a number, got '1 MB'"),
    (lambda x: x.update(source="https://example.com/limits"),
     "field 'source' must be a page of AWS (https://docs.aws.amazon.com/... or https://aws.amazon.com/...)"),
    (lambda x: x.update(verified="2026-12"),
     "field 'verified' is '2026-12'; write the day you read the number on its source, \"YYYY-MM-DD\""),
    (lambda x: x.update(verified="2027-01-05"),
     "field 'verified' is 2027-01-05, after today (2026-12-01); record it once it has happened"),
    (lambda x: x.update(chapters=["1-data-engineering/1-9-gone.md"]),
     "field 'chapters[0]' names docs/1-data-engineering/1-9-gone.md, which does not exist"),
    (lambda x: x.update(mentions=["divided by 1 MB/s per shard"]),
     "field 'mentions[0]' has 0 {n}; a mention is the words around the number, with {n} once where the "
     "number stands"),
], ids=["unknown-service", "value-not-a-number", "source-not-aws", "verified-not-a-day", "verified-future",
        "chapter-missing", "mention-without-number"])
def test_a_bad_limit_is_named_with_its_field(mutate, message):
    assert schema_problems(mutate) == [f"{LIMITS_FILE}: limit 'kinesis-shard-write-bytes': {message}"]


def test_a_repeated_id_names_its_line(tmp_path):
    entry = ("  - id: a\n    service: s3\n    name: N\n    value: 1\n    unit: MB\n"
             "    source: https://aws.amazon.com/s3/\n    chapters: [index.md]\n    mentions: ['{n} MB']\n")
    path = tmp_path / "limits.yml"
    path.write_text("limits:\n" + entry + entry)
    context = data.Context(services={"s3"})
    messages = check_file(path, data.LIMITS, context).messages
    assert messages == [f"{path}:10: limit 'a': field 'id' repeats 'a'"]


# ---------------------------------------------------------------------------------------------
# The chapters against the file


@pytest.fixture(scope="module")
def world():
    the_guide = guide.load()
    chapters = {src: the_guide.pages[src] for src in the_guide.chapters.values()}
    return the_guide.data.limits, chapters


def test_every_number_a_chapter_states_matches_limits_yml(world):
    """Every mention found in a chapter states the file's value; every listed chapter states it;
    no unlisted chapter does; every mention is found."""
    assert limits.problems(*world) == []


def test_the_file_holds_the_limits_the_exam_turns_on(world):
    found, chapters = world
    services = {limit["service"] for limit in found}
    exam = {"kinesis-data-streams", "data-firehose", "lambda", "s3", "athena", "glue", "sagemaker"}
    assert exam <= services
    assert sum(len(limits.find(limit, chapters)) for limit in found) >= len(found)


def _with_number_replaced(chapters: dict, limit: dict, wrong: int) -> tuple[dict, str]:
    """The chapters with the first statement of `limit` saying `wrong` instead of its value."""
    for src in limit["chapters"]:
        text = chapters[src].text
        for mention in limit["mentions"]:
            match = limits.pattern(mention).search(text)
            if match:
                changed = text[:match.start("n")] + f"{wrong:,}" + text[match.end("n"):]
                line = text.count("\n", 0, match.start()) + 1
                return {**chapters, src: pages.read_page(src, changed)}, f"docs/{src}:{line}"
    raise AssertionError(f"{limit['id']}: no mention found")


@pytest.mark.parametrize("limit_id", [limit["id"] for limit in data.load().limits])
def test_a_wrong_number_planted_in_a_chapter_fails(world, limit_id):
    """Each limit's first statement in a chapter, changed to another number, is caught and named."""
    found, chapters = world
    limit = next(x for x in found if x["id"] == limit_id)
    planted, where = _with_number_replaced(chapters, limit, limit["value"] + 1)
    reported = limits.problems([limit], planted)
    wrong = [message for message in reported if message.startswith(where)]
    assert len(wrong) == 1, reported
    assert f"gives {limit_id!r} as {limit['value']} {limit['unit']}" in wrong[0]


LIMIT = {"id": "shard-write", "value": 1, "unit": "MB per second", "chapters": ["a.md"],
         "mentions": ["divided by {n} MB/s per shard", "at most {n} `GetRecords` calls"]}


def _page(text):
    return {"a.md": pages.read_page("a.md", text)}


@pytest.mark.parametrize(("text", "numbers"), [
    ("Total bytes, divided by 1 MB/s per shard.", [1]),
    ("Total bytes, divided\nby 1 MB/s\n  per shard.", [1]),  # a statement broken over lines
    ("Divided by 10 MB/s per shard.", [10]),  # never the 1 of 10
    ("divided by 1,000 MB/s per shard", [1000]),  # nor of 1,000
    ("divided by 0.5 MB/s per shard", [0.5]),  # a decimal, whole
    ("divided by 1.5.1 MB/s per shard", []),  # not a number
    ("at most five `GetRecords` calls", [5]),
    ("each consumer gets its own 2 MB/s per shard", []),  # another limit's number: not a mention
    ("older material quotes 200 MB/s per shard", []),
], ids=["plain", "line-breaks", "longer-number", "separators", "decimal", "not-a-number", "word",
        "other-limit", "history"])
def test_a_mention_is_found_with_its_whole_number(text, numbers):
    assert [m.number for m in limits.find(LIMIT, _page(text))] == numbers


def test_a_listed_chapter_without_the_number_and_an_unlisted_one_with_it_are_reported():
    chapters = {"a.md": pages.read_page("a.md", "Nothing here."),
                "b.md": pages.read_page("b.md", "Bytes divided by 1 MB/s per shard.")}
    assert limits.problems([LIMIT], chapters) == [
        "docs/data/limits.yml: limit 'shard-write' lists docs/a.md, where none of its mentions is found: "
        "['divided by {n} MB/s per shard', 'at most {n} `GetRecords` calls']",
        "docs/data/limits.yml: limit 'shard-write' is stated in docs/b.md; add it to the limit's chapters",
        "docs/data/limits.yml: limit 'shard-write': the mention 'divided by {n} MB/s per shard' is in none "
        "of its chapters",
        "docs/data/limits.yml: limit 'shard-write': the mention 'at most {n} `GetRecords` calls' is in none "
        "of its chapters",
    ]


# ---------------------------------------------------------------------------------------------
# The age of each check


def test_a_check_older_than_twelve_months_is_stale():
    checked = [{"id": "a", "verified": "2026-12-01", "source": "https://aws.amazon.com/a"},
               {"id": "b", "source": "https://aws.amazon.com/b"}]  # never verified: nothing to renew
    assert limits.stale(checked, date(2027, 12, 1)) == []
    assert limits.stale(checked, date(2027, 12, 2)) == [
        "docs/data/limits.yml: limit 'a' was last verified on 2026-12-01, 366 days ago; read it again on "
        "https://aws.amazon.com/a and update 'verified' (and the value, if AWS changed it)"]


def test_the_build_warns_about_a_stale_check(monkeypatch, caplog):
    """The hook logs a warning (which stops a strict build) for each stale limit."""
    import importlib.util

    from guidebuild.paths import ROOT

    spec = importlib.util.spec_from_file_location("limits_hook", ROOT / "overrides" / "hooks" / "limits.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    old = {"id": "a", "verified": "2020-01-01", "source": "https://aws.amazon.com/a"}
    monkeypatch.setattr(hook.guide, "for_build", lambda config: type("G", (), {
        "data": type("D", (), {"limits": [old]})})())
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.limits"):
        hook.on_config({})
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "limit 'a' was last verified on 2020-01-01" in caplog.records[0].getMessage()
