"""The data files under docs/data/ and the pages that use them pass the checks the build makes.

tests/test_validators.py feeds each check bad input; this file checks the real guide.
"""

import pytest
from guidebuild import guide, paths


@pytest.fixture(scope="module")
def the_guide():
    return guide.load()


def test_every_data_file_is_valid(the_guide):
    data = the_guide.data
    assert len(data.tables) >= 5
    assert data.task_ids() == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5",
        "4.1", "4.2", "4.3", "4.4",
    ]
    assert [d["weight"] for d in data.blueprint["domains"]] == [20, 24, 36, 20]


def test_every_table_is_placed_in_a_chapter(the_guide):
    unplaced = sorted(set(the_guide.data.tables) - set(the_guide.table_pages))
    assert not unplaced, f"tables no page places: {unplaced}"
    taught = {p for placed in the_guide.table_pages.values() for p in placed}
    assert taught <= set(the_guide.chapters.values()), f"decision tables placed outside chapters: {taught}"


def test_every_task_with_questions_has_its_chapter_and_quiz(the_guide):
    for task in the_guide.data.questions:
        chapter = the_guide.chapters.get(task)
        assert chapter, f"docs/data/questions/{task}.yml: no page has the front matter task: \"{task}\""
        text = (paths.DOCS / chapter).read_text(encoding="utf-8")
        assert f"<!-- quiz: {task} -->" in text, f"docs/{chapter}: no quiz for its questions"
