"""Every table of the built site, measured in headless Chromium against the text column it sits in,
at a laptop's width, a wide monitor's and a phone's (the print layout is measured in test_book.py).

A table fits its column, or it scrolls sideways on purpose: then a line above it says so (a11y.js
and guide.css, "Tables"), and a decision table holds its option names in view while it scrolls.
On a phone a decision table is a stack of cards and never scrolls.
"""

import re

import pytest

from tests.guide import built_site

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280, 1920)  # loaded on a phone, then widened
SCROLL_CUE = "Scroll sideways"


def pages_with_tables() -> list[str]:
    site = built_site()
    found = [html.relative_to(site).as_posix() for html in sorted(site.rglob("*.html"))
             if html.name != "print_page.html"
             and re.search(r"<table[\s>]", html.read_text(encoding="utf-8"))]
    assert found, "no page of the built site has a table"
    return found


# For every table in the page's text: its width, the text column's, and how it handles being wider.
MEASURE = """() => [...document.querySelectorAll('.md-content__inner table')]
  .filter((table) => table.offsetParent !== null)
  .map((table) => {
    const column = document.querySelector('.md-content__inner');
    const style = getComputedStyle(column);
    const inner = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const wrap = table.closest('.md-typeset__scrollwrap');
    const scrolls = wrap !== null && wrap.scrollWidth > wrap.clientWidth + 1;
    const rowHeader = table.querySelector('tbody th[scope=row]');
    let heldInView = null;
    if (scrolls && rowHeader) {
      wrap.scrollLeft = wrap.scrollWidth;
      heldInView = Math.abs(rowHeader.getBoundingClientRect().left - wrap.getBoundingClientRect().left) < 2;
      wrap.scrollLeft = 0;
    }
    return {
      table: (table.closest('.decision-table')?.dataset.table
              || table.querySelector('th, td').textContent).trim().slice(0, 60),
      decision: table.closest('.decision-table') !== null,
      width: Math.round(table.getBoundingClientRect().width),
      column: Math.round(inner),
      pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      scrolls,
      cue: wrap ? getComputedStyle(wrap, '::before').content : 'none',
      cueAbove: wrap ? table.getBoundingClientRect().top - wrap.getBoundingClientRect().top > 8 : false,
      heldInView,
    };
  })"""


def _problems(measured: list[dict], width: int) -> list[str]:
    problems = []
    for t in measured:
        where = f"{t['table']!r} at {width}px: {t['width']}px in a {t['column']}px column"
        if t["pageScrolls"]:
            problems.append(f"{where}: the whole page scrolls sideways")
        if t["width"] <= t["column"] + 1:
            continue
        if width < 600 and t["decision"]:
            problems.append(f"{where}: a decision table must be cards on a phone, not scroll")
        elif not t["scrolls"]:
            problems.append(f"{where}: wider than its column, and cut off instead of scrolling")
        elif SCROLL_CUE not in t["cue"] or not t["cueAbove"]:
            problems.append(f"{where}: it scrolls with no cue above it (cue: {t['cue']})")
        elif t["decision"] and not t["heldInView"]:
            problems.append(f"{where}: its option names scroll out of view")
    return problems


@pytest.mark.parametrize("path", pages_with_tables())
def test_every_table_fits_its_column_or_scrolls_with_a_cue(browser, site_url, path):
    """Loaded once at phone width, as most readers open it, then widened: the page must also adapt
    when the window is resized (a phone turned, a window widened), which a11y.js handles."""
    problems = []
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        # a11y.js marks the scrolling regions in the animation frame after a resize: wait two
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        problems += _problems(page.evaluate(MEASURE), width)
    context.close()
    assert not problems, "\n".join(problems)


def test_decision_tables_put_one_option_on_each_row(page, site_url):
    """The orientation README's decisions name: options down the side, criteria across."""
    from guidebuild.data import load as load_data

    tables = load_data().tables
    page.goto(site_url + "reference/decision-tables.html")
    for table_id, table in tables.items():
        heading = page.locator(f"h2#{table_id}")
        rows = page.locator(f"h2#{table_id} ~ .decision-table").first.locator("tbody th[scope=row]")
        assert heading.count() == 1, f"Reference has no heading for {table_id}"
        assert rows.all_inner_texts() == [o["name"] for o in table["options"]], table_id
        columns = page.locator(f"h2#{table_id} ~ .decision-table").first.locator("thead th")
        assert columns.all_inner_texts()[1:] == [*table["criteria"].values(), "Choose it when"], table_id
