"""The study plan (guidebuild.study_plan): worked out from the blueprint, linked into the site."""

import re
from fractions import Fraction

import pytest
from guidebuild import bank, guide, pages, shortcodes, study_plan
from guidebuild.book import drop_link_queries
from guidebuild.paths import DOCS, built_page, page_url, uses_directory_urls

from tests.guide import built_site

THE_GUIDE = guide.load()
PAGE = "study-plan.md"


def test_every_task_statement_is_studied_once_in_exam_order():
    plan = study_plan.weeks(THE_GUIDE)
    assert sorted(plan) == list(range(1, study_plan.WEEKS + 1))
    planned = [task["id"] for week in sorted(plan) for task, _ in plan[week]]
    assert planned == list(THE_GUIDE.data.tasks())
    assert plan[study_plan.WEEKS] == [], "the last week rehearses the exam"


def test_hours_follow_the_weights_and_fill_the_study_weeks():
    hours = study_plan.domain_hours(THE_GUIDE)
    total = study_plan.STUDY_WEEKS * study_plan.HOURS_PER_WEEK
    assert sum(hours.values()) == total
    for d in THE_GUIDE.data.blueprint["domains"]:
        assert hours[d["id"]] == Fraction(d["weight"], 100) * total
    for week, tasks in study_plan.weeks(THE_GUIDE).items():
        if week <= study_plan.STUDY_WEEKS:
            load = sum(h for _, h in tasks)
            assert abs(load - study_plan.HOURS_PER_WEEK) <= 2, f"week {week}: {float(load):.1f} hours"


def test_a_week_that_does_not_exist_stops_the_build():
    page = pages.read_page("study-plan.md", "# T\n\n<!-- study-week: 7 -->\n")
    assert shortcodes.check_pages(THE_GUIDE, {page.src: page}) == [
        "docs/study-plan.md:3: shortcode 'study-week': no week '7': the plan has weeks 1 to 6"]


@pytest.fixture(scope="module")
def plan_html():
    return built_page(built_site(), PAGE, uses_directory_urls()).read_text(encoding="utf-8")


def hrefs(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', html)


def test_each_written_chapter_is_linked_with_its_quiz(plan_html):
    links = hrefs(plan_html)
    for task, src in THE_GUIDE.chapters.items():
        url = page_url(src, uses_directory_urls())
        assert url in links, f"the study plan does not link chapter {task} ({url})"
        if THE_GUIDE.data.quiz(task):
            assert f"{url}#{study_plan.QUIZ_ANCHOR}" in links, f"no link to the quiz of {task}"


def test_each_unwritten_chapter_is_named_with_its_domain_page(plan_html):
    text = re.sub(r"<[^>]+>", "", plan_html)
    for task_id, task in THE_GUIDE.data.tasks().items():
        if task_id in THE_GUIDE.chapters:
            continue
        line = next((line for line in text.splitlines() if line.startswith(f"{task_id} {task['title']}")), "")
        assert "chapter not yet written" in line, f"{task_id} is not named as not yet written: {line!r}"
        domain_index = page_url(f"{task['folder']}/index.md", uses_directory_urls())
        outline = f"{domain_index}#{task_id.replace('.', '')}-"
        assert any(h.startswith(outline) for h in hrefs(plan_html)), f"{task_id}: no link to {outline}..."


def test_the_checkpoints_link_the_practice_exam_with_their_size(plan_html):
    exam = page_url(study_plan.EXAM_PAGE, uses_directory_urls())
    links = hrefs(plan_html)
    for size in study_plan.CHECKPOINTS.values():
        expected = exam if size == study_plan.FULL_EXAM else f"{exam}?size={size}"
        assert expected in links, f"no checkpoint link {expected}"


def test_in_the_book_a_checkpoint_links_the_practice_exam_section():
    html = '<a href="#practice-exam?size=20">a 20-question practice exam</a> <a href="https://x/?a=1#b">'
    assert drop_link_queries(html) == '<a href="#practice-exam">a 20-question practice exam</a> <a href="https://x/?a=1#b">'


def _week_sections(html: str) -> dict[int, str]:
    """Week number -> the HTML of its section, from its heading to the next."""
    parts = re.split(r"<h2 [^>]*>", html)
    return {int(m[1]): part for part in parts if (m := re.match(r"Week (\d+)", part))}


def test_the_later_weeks_link_each_fixed_exam_once_by_its_number(plan_html):
    exam = page_url(study_plan.EXAM_PAGE, uses_directory_urls())
    made = len(bank.read(built_site())["exams"])
    assert study_plan.fixed_exams_made(THE_GUIDE) == made, "the plan and the bank count the fixed exams alike"
    planned = [n for week in sorted(study_plan.FIXED_EXAMS) for n in study_plan.FIXED_EXAMS[week]]
    assert planned == [1, 2, 3, 4, 5], "each fixed exam once, in order"
    sections = _week_sections(plan_html)
    for week, numbers in study_plan.FIXED_EXAMS.items():
        links = hrefs(sections[week])
        for n in numbers:
            if n <= made:
                assert f"{exam}?exam={n}" in links, f"week {week} does not link fixed exam {n}"
            else:
                assert exam in links, f"week {week}: no drawn full exam in place of fixed exam {n}"
    others = [h for w, html in sections.items() if w not in study_plan.FIXED_EXAMS for h in hrefs(html)]
    assert not [h for h in others if "?exam=" in h], "a fixed exam linked outside weeks 4 to 6"


def test_the_first_fixed_exam_comes_when_four_fifths_of_the_exam_are_studied():
    """docs/study-plan.md: with week 4, three domains of four (80% of the questions) are studied."""
    plan = study_plan.weeks(THE_GUIDE)
    first = min(study_plan.FIXED_EXAMS)
    done = {task["id"] for week in range(1, first + 1) for task, _ in plan[week]}
    studied = [d for d in THE_GUIDE.data.blueprint["domains"] if all(t["id"] in done for t in d["tasks"])]
    assert len(studied) == 3 and sum(d["weight"] for d in studied) == 80
    prose = " ".join((DOCS / PAGE).read_text(encoding="utf-8").split())
    assert "three domains of four, 80% of the scored questions, are behind you" in prose


def test_the_rehearsal_week_counts_the_hours_of_its_exams():
    text = study_plan.week(THE_GUIDE, PAGE, str(study_plan.WEEKS))
    exams = len(study_plan.FIXED_EXAMS[study_plan.WEEKS])
    hours = exams * study_plan.FULL_MINUTES // 60
    total = hours + study_plan.HOURS_PER_WEEK // 2
    assert text.startswith(f"**About {total} hours**, {hours} of them in the exams.")
