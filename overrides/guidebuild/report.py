"""Report a problem: links that open a prefilled GitHub issue, one form for each kind of problem.

The forms are `.github/ISSUE_TEMPLATE/<template>.yml` (GitHub issue forms). GitHub fills a form's
field from the URL's query parameter of the same name as the field's `id`, so a link names the
page or the question and the edition (the commit this copy of the guide was built from, the one the
PDF's cover prints) and the reader writes only what is wrong. The links are built here only, at
build time: plain URLs that need the network only when a reader follows one.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import quote, urlencode

from guidebuild.edition import edition
from guidebuild.paths import mkdocs_config

# Each form, and the fields a link fills in (the form's other fields are for the reader).
WRONG_FACT, WRONG_ANSWER, BROKEN_EXAMPLE = "wrong-fact.yml", "wrong-answer.yml", "broken-example.yml"
PREFILLED = {
    WRONG_FACT: ("page", "edition"),
    WRONG_ANSWER: ("question", "edition"),
    BROKEN_EXAMPLE: ("page", "edition"),
}
TITLE_PREFIX = {WRONG_FACT: "Wrong fact", WRONG_ANSWER: "Wrong answer", BROKEN_EXAMPLE: "Broken example"}


@cache
def edition_commit() -> str:
    """The commit of this build (`guidebuild.edition`), asked of git once per process."""
    return edition()[0]


def repository() -> str:
    """The repository's URL: mkdocs.yml's `repo_url`, the one place it is written."""
    return mkdocs_config()["repo_url"].rstrip("/")


def issue_url(template: str, subject: str, about: dict[str, str]) -> str:
    """A new-issue URL for one form: its title names `subject`, `about` fills the form's fields
    (PREFILLED[template], less the edition, which every link adds)."""
    fields = {**about, "edition": edition_commit()}
    if set(fields) != set(PREFILLED[template]):
        raise ValueError(f"{template} is prefilled with {PREFILLED[template]}, got {sorted(fields)}")
    query = {"template": template, "title": f"{TITLE_PREFIX[template]}: {subject}", **fields}
    return f"{repository()}/issues/new?{urlencode(query, quote_via=quote)}"


def page_urls(page: str, title: str, has_examples: bool) -> dict[str, str]:
    """A page's report links, by what they report: "a wrong fact", and "a broken example" when the
    page runs code. `page` is its docs/ path, as the repository names the file."""
    links = {"a wrong fact": issue_url(WRONG_FACT, title, {"page": f"docs/{page}"})}
    if has_examples:
        links["a broken example"] = issue_url(BROKEN_EXAMPLE, title, {"page": f"docs/{page}"})
    return links


def question_url(question_id: str) -> str:
    """The report link of one question, quiz or practice exam alike."""
    return issue_url(WRONG_ANSWER, f"question {question_id}", {"question": question_id})


def question_link(question_id: str, *css_classes: str) -> str:
    """The question's report link as a Markdown paragraph, left out of the search index (the same
    words under every question would only get in the way of a search)."""
    classes = " ".join(f".{name}" for name in css_classes)
    return (f"[Report a problem with this question]({question_url(question_id)})\n"
            f"{{ {classes} data-search-exclude }}\n")
