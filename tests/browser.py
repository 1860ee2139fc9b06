"""pytest plugin with the browser fixtures: headless Chromium or Chrome through Playwright (found by
guidebuild.browser), and the built site served on loopback. Loaded for every test run
(`-p tests.browser` in pyproject.toml).

It also groups tests for pytest-xdist (`--dist loadgroup`): a test keeps the group it names (the
page tests group by page), and every other test is grouped by its file, so the examples of one
Markdown file run in order in one worker, as markdown-exec sessions need.
"""

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from guidebuild import bank as question_bank
from guidebuild.browser import FLAGS, find_browser

from scripts.pages_server import SITE_PATH, base_url
from scripts.pages_server import serve as serve_pages
from tests.guide import ROOT, built_site

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.path.relative_to(ROOT).as_posix()))


@pytest.hookimpl(trylast=True)  # after xdist has put each group's name into the test ids
def pytest_collection_finish(session):
    """xdist groups by an "@group" suffix it adds to each test id; when an upgrade silently stops
    that (pytest 9.2 did: pytest-xdist issue 1386), sessions split across workers. Say so."""
    grouping = getattr(session.config.option, "loadgroup", False)  # set in xdist workers only
    if grouping and any("@" not in item.nodeid for item in session.items):
        raise pytest.UsageError("pytest-xdist --dist loadgroup is not grouping tests with this "
                                "pytest; see the pin on pytest in pyproject.toml")


PAGE_WEIGHTS = ROOT / "build" / "page-weights.json"
_page_weights: dict[str, int] = {}


def pytest_runtest_logreport(report):
    """Collect the weights recorded by test_page_weight_budget (sent over by xdist workers)."""
    for name, value in report.user_properties:
        if name == "page_weight" and report.when == "call":
            _page_weights.update(value)


def pytest_sessionfinish(session):
    if _page_weights and not hasattr(session.config, "workerinput"):  # in the main process only
        PAGE_WEIGHTS.parent.mkdir(exist_ok=True)
        PAGE_WEIGHTS.write_text(json.dumps(_page_weights, indent=2, sort_keys=True) + "\n",
                                encoding="utf-8")


# One server and one Chromium per test process: xdist interleaves the files' groups, and
# module-scoped fixtures would be torn down and set up again at every switch.
@pytest.fixture(scope="session")
def site_url():
    url, server = serve(built_site())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser(), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="module")
def bank():
    """The question bank as the build wrote it for the practice exam."""
    return question_bank.read(built_site())


FINISHED_ANIMATIONS = """() => document.getAnimations().every(
    (a) => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)"""
# The WCAG 2.1 AA rules whose result depends on the colours: all that changes with the palette.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, rules: list[str] | None = None):
    """WCAG 2.1 A and AA violations on the page (or only `rules`, axe rule ids). Generated figures
    and diagrams are images with a text alternative (role="img" and aria-label), so axe does not
    check the text drawn inside them."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    # A colour mid-transition (a button fading in after a click) is not the colour a reader
    # sees: let finite animations and transitions end first.
    page.wait_for_function(FINISHED_ANIMATIONS, timeout=5_000)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_AA}
    # Only the violations cross over to Python: the full result of a long page is megabytes.
    violations = page.evaluate(
        """runOnly => axe.run(
            {exclude: [["figure.mlsguide-figure svg > *"], [".mermaid"]]},
            {runOnly, resultTypes: ['violations']}
        ).then(result => result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target)})))""",
        run_only,
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} at {v['targets']}" for v in violations]




def serve(directory, prefix=SITE_PATH):
    """Serve a folder on loopback the way GitHub Pages serves the site; returns (base URL, server)."""
    server = serve_pages(Path(directory), prefix)
    return base_url(server, prefix), server


def record_external_requests(context, allowed_schemes=("file", "data", "blob", "about")):
    """Block and record every request that would leave the machine."""
    external = []

    def route(route):
        url = urlparse(route.request.url)
        local = url.scheme in allowed_schemes or url.hostname in ("127.0.0.1", "localhost")
        if local:
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return external
