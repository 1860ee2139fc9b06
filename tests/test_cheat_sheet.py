"""The cheat sheets (guidebuild.cheat_sheet): each domain's sheet holds its decision tables' rows,
the limits its chapters state and its glossary terms. How many pages each prints is measured in
tests/test_book.py."""

import pytest
from guidebuild import cheat_sheet, guide, render


@pytest.fixture(scope="module")
def the_guide():
    return guide.load()


@pytest.mark.parametrize("domain", ["1", "2", "3", "4"])
def test_a_sheet_holds_its_domains_tables_limits_and_terms(the_guide, domain):
    page = f"reference/cheat-sheet-{domain}.md"
    sheet = cheat_sheet.cheat_sheet(the_guide, page, domain)
    folder = the_guide.data.domain(domain)["folder"] + "/"
    placed = {table for table, pages in the_guide.table_pages.items()
              if any(p.startswith(folder) for p in pages)}
    assert {table for table, _ in cheat_sheet.domain_tables(the_guide, domain)} == placed
    for table in placed:
        assert f"### {the_guide.data.tables[table]['title']} (" in sheet
        for option in the_guide.data.tables[table]["options"]:
            assert f"- **{render.cell(option['name'])}**: {render.cell(option['choose_when'])}" in sheet
    for limit in the_guide.data.limits:
        stated_here = any(chapter.startswith(folder) for chapter in limit["chapters"])
        assert (f"{render.cell(limit['name'])}: **{render.limit_value(limit)}**" in sheet) == stated_here
    terms = sheet.partition("## Terms")[2]
    for term in the_guide.data.glossary:
        taught_here = term.get("see", "").startswith(folder)
        assert (f"- **{term['term']}**" in terms) == taught_here, term["term"]


@pytest.mark.parametrize(("text", "first"), [
    ("One sentence.", "One sentence."),
    ("The first. The second.", "The first."),
    ("Scores from 0.5 upward rank. Then more.", "Scores from 0.5 upward rank."),
    ("Uses e.g. a list. More.", "Uses e.g. a list."),
    ("No full stop", "No full stop"),
])
def test_a_term_shows_the_first_sentence_of_its_definition(text, first):
    assert cheat_sheet.first_sentence(text) == first
