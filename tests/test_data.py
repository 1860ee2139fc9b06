"""The data files under docs/data/ are valid, and bad ones fail with the file and the field."""

import textwrap

import pytest
import shortcodes


@pytest.fixture(scope="module")
def data():
    return shortcodes.load()


def test_every_data_file_is_valid(data):
    assert len(data.tables) >= 5
    assert shortcodes.task_ids(data.blueprint) == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5",
        "4.1", "4.2", "4.3", "4.4",
    ]
    assert [d["weight"] for d in data.blueprint["domains"]] == [20, 24, 36, 20]


def test_every_table_is_placed_in_a_chapter(data):
    used = {tid for tid in data.tables if any(
        f"<!-- decision-table: {tid} -->" in p.read_text(encoding="utf-8")
        for p in shortcodes.DOCS.rglob("*.md"))}
    assert used == set(data.tables), f"tables no chapter places: {sorted(set(data.tables) - used)}"


GOOD = {
    "title": "T", "summary": "S", "criteria": {"a": "A"},
    "options": [
        {"name": "One", "services": ["s3"], "values": {"a": "x"}, "choose_when": "w"},
        {"name": "Two", "services": [], "values": {"a": "y"}, "choose_when": "w"},
    ],
    "sources": [{"title": "Doc", "url": "https://docs.aws.amazon.com/x"}],
}


def _broken(mutate):
    import copy

    table = copy.deepcopy(GOOD)
    mutate(table)
    return table


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda t: t["options"][1].pop("choose_when"), "options[1] (Two): missing field 'choose_when'"),
        (
            lambda t: t["options"][0].update(values={"b": "x"}),
            "options[0] (One): field 'values.a' is missing",
        ),
        (
            lambda t: t["options"][0].update(services=["kinesis-video"]),
            "names 'kinesis-video', which is not in docs/data/services.yml",
        ),
        (lambda t: t.pop("sources"), "missing field 'sources'"),
        (lambda t: t.update(colour="red"), "unknown field(s) 'colour'"),
        (lambda t: t["sources"][0].update(url="http://x"), "sources[0]: field 'url' must be an https:// URL"),
    ],
)
def test_a_bad_table_names_file_and_field(data, mutate, message):
    with pytest.raises(shortcodes.DataError) as err:
        shortcodes.validate_table(_broken(mutate), data.services, "docs/data/decision-tables/demo.yml")
    assert str(err.value).startswith("docs/data/decision-tables/demo.yml: ")
    assert message in str(err.value)


def test_invalid_yaml_names_the_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(textwrap.dedent("""\
        title: T
        options:
          - name: [unclosed
        """))
    with pytest.raises(shortcodes.DataError, match=r"bad.yml:4:1: invalid YAML"):
        shortcodes._load_yaml(bad)


def test_unknown_table_in_a_page_names_the_page_and_line(data, monkeypatch):
    monkeypatch.setattr(shortcodes, "_data", data)

    class Page:
        class file:
            src_uri = "demo/page.md"

    with pytest.raises(shortcodes.DataError, match=r"docs/demo/page.md:3: no decision table 'nope'"):
        shortcodes.on_page_markdown("# T\n\n<!-- decision-table: nope -->\n", Page())
