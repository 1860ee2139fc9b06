"""Which service? (docs/reference/which-service.md, finder.js): routes through the questions to
the answer the decision tables give, from the served site and from file://, by keyboard, without
JavaScript, and axe on the answer in both palettes."""

import pytest
from guidebuild import finder, guide
from guidebuild.paths import page_url, uses_directory_urls

from tests.browser import axe_violations
from tests.guide import built_site

pytestmark = pytest.mark.browser
PAGE = page_url("reference/which-service.md", uses_directory_urls())
TOPICS = finder.topics(guide.load())


def _fits(options, key, answer):
    return [o for o in options if answer in o["fits"][key]]


def expected_route(topic: dict, target: dict) -> tuple[list[str], list[str]]:
    """The answers a reader who wants `target` gives (for each question the page asks, the first
    offered answer the target fits) and the options the decision table then leaves, worked out
    from the data: a question is asked only when some answer would narrow the remaining options."""
    options, choices = topic["options"], [topic["title"]]
    for question in topic["questions"]:
        if len(options) == 1:
            break
        offered = [a for a in question["answers"] if _fits(options, question["key"], a)]
        if len(offered) < 2 or all(len(_fits(options, question["key"], a)) == len(options) for a in offered):
            continue
        choice = next(a for a in offered if a in target["fits"][question["key"]])
        choices.append(choice)
        options = _fits(options, question["key"], choice)
    return choices, [o["name"] for o in options]


ROUTES = [pytest.param(topic, option, id=f"{topic['id']}-{option['name']}")
          for topic in TOPICS for option in topic["options"]]


def test_the_finder_asks_about_at_least_three_tables():
    assert len(TOPICS) >= 3
    assert all(len(t["questions"]) >= 2 for t in TOPICS)


def _answer(page, choices):
    for choice in choices:
        page.get_by_label(choice, exact=True).check()
        page.get_by_role("button", name="Next").click()


def _expected_heading(names):
    return f"Answer: {names[0]}" if len(names) == 1 else "Answers: " + ", ".join(names)


@pytest.mark.parametrize(("topic", "target"), ROUTES)
def test_a_route_ends_at_the_option_the_table_gives(page, site_url, topic, target):
    choices, names = expected_route(topic, target)
    assert target["name"] in names
    page.goto(site_url + PAGE)
    _answer(page, choices)
    heading = page.locator("#finder-answer")
    assert heading.inner_text() == _expected_heading(names)
    result = page.locator(".finder-result")
    for option in (o for o in topic["options"] if o["name"] in names):
        assert f"Why: {option['reason']}" in result.inner_text()
    link = result.get_by_role("link", name=f"{topic['title']}, in chapter {topic['task']}")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#table-{topic['id']}")
    assert page.locator(f"#table-{topic['id']}").count() == 1


def test_a_route_from_file_works_without_a_server(page):
    topic = next(t for t in TOPICS if t["id"] == "inference-options")
    target = next(o for o in topic["options"] if o["name"] == "Serverless Inference")
    choices, names = expected_route(topic, target)
    page.goto((built_site() / PAGE).as_uri())
    _answer(page, choices)
    heading = page.locator("#finder-answer").inner_text()
    assert heading == _expected_heading(names) == "Answer: Serverless Inference"


def test_the_finder_works_from_the_keyboard(page, site_url):
    """Tab to the first answer, arrows to choose, Enter to go on; focus follows each question."""
    topic = next(t for t in TOPICS if t["id"] == "streaming-ingestion-services")
    target = next(o for o in topic["options"] if o["name"] == "Amazon Data Firehose")
    choices, names = expected_route(topic, target)
    page.goto(site_url + PAGE)
    page.locator(".finder-answer input").first.focus()
    for choice in choices:
        labels = page.locator(".finder-answer label").all_inner_texts()
        if page.evaluate("document.activeElement.tagName") == "LEGEND":
            page.keyboard.press("Tab")
        page.keyboard.press("Space")  # checks the first answer; each arrow moves on and checks
        for _ in range(labels.index(choice)):
            page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.labels[0].textContent") == choice
        page.keyboard.press("Enter")
    assert page.locator("#finder-answer").inner_text() == _expected_heading(names)
    assert page.evaluate("document.activeElement.id") == "finder-answer"


def test_without_javascript_the_page_lists_the_tables(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    text = page.locator("#finder-app").inner_text()
    for topic in TOPICS:
        assert topic["title"] in text
        assert page.locator(f'#finder-app a[href$="#table-{topic["id"]}"]').count() == 1
        for option in topic["options"]:
            assert option["name"] in text
    context.close()


@pytest.mark.parametrize(("scheme", "expected"), [("light", "default"), ("dark", "slate")])
def test_the_answer_meets_wcag_21_aa(page, site_url, scheme, expected):
    topic = TOPICS[0]
    choices, _ = expected_route(topic, topic["options"][0])
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGE)
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=expected)
    _answer(page, choices)
    assert axe_violations(page) == []
