"""Every page of the built site, loaded in headless Chromium: what it requests, what it weighs,
and what axe-core finds in the light and the dark palette.

Each page is visited once (per test worker) and the tests read that visit; all tests of one page
run in the same worker (`xdist_group`), and the pages are spread over the workers.
print_page.html is left out: it is the PDF's source, made of these same pages, and checking its
1 MB of HTML again would double the time for nothing new.
"""

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from guidebuild.diagrams import draw_every_diagram
from guidebuild.paths import page_sources, page_url, site_file, uses_directory_urls

from tests.browser import COLOUR_RULES, axe_violations, record_external_requests
from tests.guide import built_site

pytestmark = pytest.mark.browser

TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
BUDGET = 400_000  # everything but the fonts
BUDGET_WITH_DIAGRAM = 1_200_000
# Fonts on their own: the guide's faces (assets/stylesheets/fonts.css, at most 72 KB, cached for the
# whole site) and KaTeX's for formulas and symbols. The 3.5 chapter needs about 120 KB.
FONT_BUDGET = 150_000


def site_pages() -> list[str]:
    """Every page the build writes, as its URL in the site (`a/b.md` and the notebook `a/b.py`:
    `a/b.html`), plus the 404 page. A page missing from the build fails its tests."""
    return [page_url(src, uses_directory_urls()) for src in page_sources()] + ["404.html"]


def per_page(*extra):
    """Parametrize over the pages (optionally crossed with `extra`), one xdist group per page."""
    return [pytest.param(path, *values, id="-".join([path, *values]),
                         marks=pytest.mark.xdist_group(f"page:{path}"))
            for path in site_pages() for values in ([()] if not extra else [(v,) for v in extra])]


@dataclass
class Visit:
    status: int
    external: list[str]  # requests that would have left the machine (blocked)
    transfer: dict[str, int] = field(default_factory=dict)  # site file -> bytes sent
    violations: dict[str, list[str]] = field(default_factory=dict)  # palette -> axe findings


def _transfer_size(path):
    """What GitHub Pages would send: text compressed with gzip, everything else as it is."""
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6)) if path.suffix in TEXT_TYPES else len(data)


def _visit(browser, site_url, path) -> Visit:
    site = built_site()
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    external = record_external_requests(context)
    page = context.new_page()
    loaded: set[str] = set()
    page.on("requestfinished", lambda request: loaded.add(request.url))
    response = page.goto(site_url + path, wait_until="networkidle")
    # Read to every diagram, so that what loads on the way (Mermaid) is weighed and checked too.
    draw_every_diagram(page, timeout_ms=30_000)
    page.wait_for_load_state("networkidle")
    visit = Visit(status=response.status, external=external)
    for url in loaded:
        target = site_file(site, urlparse(url).path)
        if target.is_file():
            visit.transfer[target.relative_to(site).as_posix()] = _transfer_size(target)
    # Every rule in the light palette; in the dark one, the rules that depend on colour (the
    # page's structure, names and roles are the same in both).
    for scheme, expected, rules in (("light", "default", None), ("dark", "slate", COLOUR_RULES)):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=expected)
        visit.violations[scheme] = axe_violations(page, rules)
    context.close()
    return visit


@pytest.fixture(scope="session")
def visit(browser, site_url):
    visits: dict[str, Visit] = {}

    def get(path: str) -> Visit:
        if path not in visits:
            visits[path] = _visit(browser, site_url, path)
        return visits[path]

    return get


def test_the_site_has_its_pages():
    assert len(site_pages()) >= 15


@pytest.mark.parametrize("path", per_page())
def test_page_requests_nothing_from_the_internet(visit, path):
    seen = visit(path)
    assert seen.status == 200, f"{path}: HTTP {seen.status}"
    assert seen.external == [], f"{path} requested: {sorted(set(seen.external))}"


@pytest.mark.parametrize(("path", "scheme"), per_page("light", "dark"))
def test_page_meets_wcag_21_aa(visit, path, scheme):
    """axe-core, WCAG 2.1 A and AA rules, in the light palette; in the dark one, those that depend
    on colour."""
    found = visit(path).violations[scheme]
    assert not found, f"{path} ({scheme}):\n" + "\n".join(found)


@pytest.mark.parametrize("path", per_page())
def test_page_weight_budget(visit, path, record_property):
    """The page's total transfer (HTML, CSS, JS, images, fonts, search index), compressed as
    GitHub Pages compresses it. Recorded for build/page-weights.json (see tests/browser.py).
    Fonts have a budget of their own."""
    transfer = visit(path).transfer
    record_property("page_weight", {path: sum(transfer.values())})
    fonts = {name: size for name, size in transfer.items() if name.endswith(".woff2")}
    assert sum(fonts.values()) <= FONT_BUDGET, (
        f"{path}: fonts {sum(fonts.values()) / 1000:.0f} KB > {FONT_BUDGET / 1000:.0f} KB: "
        + ", ".join(f"{name} {size / 1000:.0f} KB" for name, size in sorted(fonts.items())))
    rest = {name: size for name, size in transfer.items() if name not in fonts}
    total = sum(rest.values())
    html = (built_site() / path).read_text(encoding="utf-8")
    budget = BUDGET_WITH_DIAGRAM if 'class="mermaid"' in html else BUDGET
    heaviest = ", ".join(f"{name} {size / 1000:.0f} KB"
                         for name, size in sorted(rest.items(), key=lambda kv: -kv[1])[:4])
    assert total <= budget, (f"{path}: {total / 1000:.0f} KB without fonts > {budget / 1000:.0f} KB; "
                             f"heaviest: {heaviest}")
