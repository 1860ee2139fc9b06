"""Report a problem: the issue forms, and the prefilled links under every page and question."""

import re
from functools import cache
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from guidebuild import bank as question_bank
from guidebuild import guide, report
from guidebuild.paths import built_page, mkdocs_config, uses_directory_urls

from tests.guide import ROOT, built_site

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


def form(template: str) -> dict:
    return yaml.safe_load((FORMS / template).read_text(encoding="utf-8"))


def field_ids(template: str) -> dict[str, str]:
    """A form's fields: id -> type."""
    return {item["id"]: item["type"] for item in form(template)["body"] if "id" in item}


# --------------------------------------------------------------------------------------------
# The forms


def test_there_is_one_form_for_each_kind_of_report():
    assert sorted(p.name for p in FORMS.glob("*.yml") if p.name != "config.yml") == sorted(report.PREFILLED)


@pytest.mark.parametrize("template", sorted(report.PREFILLED))
def test_each_form_is_valid_and_has_the_fields_its_links_fill(template):
    found = form(template)
    assert {"name", "description", "body"} <= found.keys(), f"{template}: needs name, description, body"
    ids = [item["id"] for item in found["body"] if "id" in item]
    assert len(ids) == len(set(ids)), f"{template}: field ids repeat: {ids}"
    for item in found["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}, item
        assert item["type"] == "markdown" or re.fullmatch(r"[A-Za-z0-9_-]+", item.get("id", "")), (
            f"{template}: every field needs an id of letters, digits, - and _ (the URL names it): {item}")
        assert item["attributes"].get("label" if item["type"] != "markdown" else "value"), item
    fields = field_ids(template)
    for prefilled in report.PREFILLED[template]:
        # A link fills text fields only; a dropdown or checkbox would ignore the value.
        assert fields.get(prefilled) in {"input", "textarea"}, (
            f"{template} has no text field with id {prefilled!r}, which the guide's links fill "
            f"(guidebuild.report.PREFILLED); its fields: {fields}")


def test_the_chooser_links_into_this_repository():
    config = form("config.yml")
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config.get("contact_links", []):
        assert link["url"].startswith(mkdocs_config()["repo_url"].rstrip("/") + "/"), link


def test_a_link_must_fill_exactly_its_forms_fields():
    with pytest.raises(ValueError, match=r"wrong-answer\.yml is prefilled with \('question', 'edition'\)"):
        report.issue_url(report.WRONG_ANSWER, "question x", {"page": "docs/index.md"})


def test_an_issue_url_is_a_plain_encoded_link():
    url = report.question_url("3.5-a&b c")
    assert url.startswith(mkdocs_config()["repo_url"].rstrip("/") + "/issues/new?template=wrong-answer.yml&")
    assert " " not in url
    assert parse_qs(urlsplit(url).query)["question"] == ["3.5-a&b c"]


# --------------------------------------------------------------------------------------------
# The links in the built site


class Links(HTMLParser):
    """Every link's href, with the id of the nearest enclosing element of `scope_class`."""

    def __init__(self, scope_class: str):
        super().__init__()
        self.scope_class, self.stack, self.links = scope_class, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in {"br", "img", "input", "hr", "meta", "link", "source", "wbr"}:
            scoped = self.scope_class in (a.get("class") or "").split()
            self.stack.append((tag, a.get("id") if scoped else None))
        if tag == "a" and a.get("href"):
            scope = next((sid for _, sid in reversed(self.stack) if sid), None)
            self.links.append((scope, a["href"], a.get("class") or ""))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def report_links(html: str, scope_class: str = "") -> list[tuple[str | None, dict]]:
    parser = Links(scope_class or "-")
    parser.feed(html)
    prefix = mkdocs_config()["repo_url"].rstrip("/") + "/issues/new?"
    return [(scope, {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()})
            for scope, href, _ in parser.links if href.startswith(prefix)]


def html_of(page: str) -> str:
    return built_page(built_site(), page, uses_directory_urls()).read_text(encoding="utf-8")


THE_GUIDE = guide.load()


@cache
def edition_on_the_cover() -> str:
    """The commit the build printed on the PDF's cover: every link must name the same edition."""
    cover = re.search(r"Built from commit</dt><dd><code>([^<]+)</code>", html_of("print_page.md"))
    assert cover, "the print page's cover names no commit"
    return cover[1]


@pytest.mark.parametrize("task", sorted(THE_GUIDE.chapters))
def test_every_chapter_links_a_report_about_itself(task):
    src = THE_GUIDE.chapters[task]
    html = html_of(src)
    footer = html[html.index('<p class="page-report">'):]
    found = {query["template"]: query for _, query in report_links(footer[:footer.index("</p>")])}
    assert set(found) == {report.WRONG_FACT, report.BROKEN_EXAMPLE}, f"{src}: {sorted(found)}"
    for template, query in found.items():
        assert query["page"] == f"docs/{src}", (src, query)
        assert query["edition"] == edition_on_the_cover(), (src, query)
        assert query["title"].startswith(report.TITLE_PREFIX[template]) and task in query["title"], query


@pytest.mark.parametrize("task", sorted(THE_GUIDE.chapters))
def test_every_quiz_question_links_a_report_about_itself(task):
    questions = [q["id"] for q in THE_GUIDE.data.quiz(task)]
    html = html_of(THE_GUIDE.chapters[task])
    # On screen only: the book prints the report links once, in the answer key.
    assert html.count('<p class="quiz-report screen-only" data-search-exclude>') == len(questions)
    found = report_links(html, "quiz-question")
    in_questions = [(qid, query) for qid, query in found if qid is not None]
    assert [qid for qid, _ in in_questions] == questions, "one report link under each quiz question"
    for qid, query in in_questions:
        assert query == {"template": report.WRONG_ANSWER, "question": qid, "edition": edition_on_the_cover(),
                         "title": f"Wrong answer: question {qid}"}


def test_every_answer_in_the_answer_key_links_a_report():
    found = [query["question"] for _, query in report_links(html_of("reference/answer-key.md"))
             if query["template"] == report.WRONG_ANSWER and query["edition"] == edition_on_the_cover()]
    expected = [q["id"] for task in THE_GUIDE.data.questions for q in THE_GUIDE.data.quiz(task)]
    assert found == expected


def test_every_practice_exam_question_carries_its_report_link():
    for q in question_bank.read(built_site())["questions"]:
        query = {k: v[0] for k, v in parse_qs(urlsplit(q["report"]).query).items()}
        assert query["template"] == report.WRONG_ANSWER, q["id"]
        assert (query["question"], query["edition"]) == (q["id"], edition_on_the_cover())


def test_report_links_stay_out_of_the_search_index():
    index = (built_site() / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Report a problem with this" not in index
    assert "/issues/new?" not in index
