"""The reference pages built from data in issue 15's last parts: Limits and quotas, the cheat
sheets and Which service?, each in the built site, the search index and the print page."""

import json
import re
from html import escape

import pytest
from guidebuild import guide, render

from tests.guide import built_site

PAGES = ["reference/limits", "reference/which-service",
         *(f"reference/cheat-sheet-{d}" for d in "1234")]


@pytest.mark.parametrize("page", PAGES)
def test_each_page_is_in_the_search_and_the_print_page(page):
    site = built_site()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = [doc for doc in index["docs"] if doc["location"].startswith(f"{page}.html")]
    assert found, f"{page} is not searchable"
    assert f'id="{page.replace("/", "-")}"' in (site / "print_page.html").read_text(encoding="utf-8")


def test_the_limits_page_shows_every_limit_with_its_source_and_date():
    """One row per limit: its name (tooltips may mark a term in it), value, source and check."""
    limits = guide.load().data.limits
    html = (built_site() / "reference/limits.html").read_text(encoding="utf-8")
    rows = [(row, " ".join(re.sub(r"<[^>]+>", " ", row).split()))
            for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)]
    for limit in limits:
        name = escape(limit["name"], quote=False)
        found = [(row, text) for row, text in rows if text.startswith(name + " ")]
        assert len(found) == 1, f"{limit['id']}: {len(found)} rows"
        row, text = found[0]
        assert escape(render.limit_value(limit), quote=False) in text
        assert f'href="{limit["source"]}"' in row
        checked = (f"verified {render.long_date(limit['verified'])}" if "verified" in limit
                   else "not yet verified")
        assert text.endswith(checked), limit["id"]
