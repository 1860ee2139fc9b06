"""The guide on a phone (a 390 px wide viewport): figures and diagrams readable, nothing wider than
the screen, and every figure and diagram can be opened full size.

Text in a figure is measured where it is drawn. A generated figure (an SVG file shown by `<img>`)
draws its text as glyph outlines that matplotlib scales by the font size (`scale(s -s)` is a font
of 100 * s SVG units); the smallest, times the image's shown width over its drawn width, is its
smallest text in CSS pixels. A Mermaid diagram has its labels as HTML in the SVG: their font size
times the SVG's shown width over its viewBox width. Material draws diagrams into closed shadow
roots; the test opens them (an init script) so that it can read the labels.

The threshold, 9 CSS px: figure text is tick labels, legends and short labels, read at a glance
and not as running text; 9 px is where such text stays legible on a phone (18 or more device
pixels at the 2x and 3x densities phones have). The faults this catches were 5 to 7 px.
"""

import re

import pytest
from guidebuild.diagrams import draw_every_diagram
from playwright.sync_api import expect

from tests.guide import DOCS, ROOT, built_site
from tests.test_pages import site_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SMALLEST_TEXT_PX = 9
OPEN_SHADOW_ROOTS = """const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };"""

FIGURE_TEXT = """async () => {
  const found = [];
  for (const img of document.querySelectorAll('figure.mlsguide-figure img')) {
    img.scrollIntoView();
    await img.decode();
    const svg = await (await fetch(img.currentSrc)).text();
    const drawn = parseFloat(svg.match(/viewBox="0 0 ([0-9.]+) /)[1]);
    const sizes = [...svg.matchAll(/scale\\(([0-9.]+) -\\1\\)/g)].map((m) => parseFloat(m[1]) * 100);
    const shown = img.getBoundingClientRect().width;
    found.push({what: img.alt.slice(0, 50), file: img.currentSrc.split('/').pop(),
                smallest: Math.min(...sizes) * shown / drawn});
  }
  return found;
}"""

DIAGRAM_TEXT = """() => [...document.querySelectorAll('div.mermaid')].map((host) => {
  const svg = host.shadowRoot.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const labels = [...host.shadowRoot.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label, text')]
    .filter((label) => label.textContent.trim());
  const sizes = labels.map((label) => parseFloat(getComputedStyle(label).fontSize) * scale);
  return {what: labels.slice(0, 2).map((label) => label.textContent.trim()).join(', '),
          labels: labels.length, smallest: Math.min(...sizes)};
})"""


def pages_with(marker: str) -> list[str]:
    site = built_site()
    return [path for path in site_pages() if marker in (site / path).read_text(encoding="utf-8")]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_there_are_figures_and_diagrams_to_check():
    assert len(pages_with('class="mlsguide-figure"')) >= 2
    assert len(pages_with('class="mermaid"')) >= 2


@pytest.mark.parametrize("path", pages_with('class="mlsguide-figure"'))
def test_figure_text_is_readable_on_a_phone(phone, site_url, path):
    phone.goto(site_url + path, wait_until="networkidle")
    figures = phone.evaluate(FIGURE_TEXT)
    assert figures
    small = [f"{f['what']}… ({f['file']}): {f['smallest']:.1f} px" for f in figures
             if f["smallest"] < SMALLEST_TEXT_PX]
    assert not small, f"{path}: figure text under {SMALLEST_TEXT_PX} px at 390 px: {small}"


NOTEBOOK_IMAGES = """() => [...document.querySelectorAll('.jp-RenderedImage img')].map((img) => {
  // matplotlib writes its dpi into the PNG (pHYs: pixels per metre, from byte 8 of the chunk's data)
  const bytes = atob(img.src.split(',')[1]);
  const at = bytes.indexOf('pHYs') + 4;
  const perMetre = [0, 1, 2, 3].reduce((n, i) => n * 256 + bytes.charCodeAt(at + i), 0);
  return {dpi: perMetre * 0.0254, scale: img.getBoundingClientRect().width / img.naturalWidth};
})"""


@pytest.mark.parametrize("path", pages_with('class="jp-RenderedImage'))
def test_notebook_figure_text_is_readable_on_a_phone(phone, site_url, path):
    """A notebook's figures are PNGs its kernel drew: their smallest text is the smallest font size
    the notebook asks for (matplotlib's default is 10 pt), at the PNG's dpi, as shown."""
    source = (DOCS / path).with_suffix(".py").read_text(encoding="utf-8")
    points = min([10.0, *map(float, re.findall(r"fontsize=([0-9.]+)", source))])
    phone.goto(site_url + path, wait_until="networkidle")
    images = phone.evaluate(NOTEBOOK_IMAGES)
    assert images
    sizes = [points * image["dpi"] / 72 * image["scale"] for image in images]
    assert min(sizes) >= SMALLEST_TEXT_PX, f"{path}: notebook figure text {sizes} px at 390 px"


@pytest.mark.parametrize("path", pages_with('class="mermaid"'))
def test_diagram_labels_are_readable_on_a_phone(phone, site_url, path):
    phone.goto(site_url + path, wait_until="networkidle")
    draw_every_diagram(phone)
    diagrams = phone.evaluate(DIAGRAM_TEXT)
    assert diagrams and all(d["labels"] >= 3 for d in diagrams), diagrams
    small = [f"{d['what']}…: {d['smallest']:.1f} px" for d in diagrams if d["smallest"] < SMALLEST_TEXT_PX]
    assert not small, f"{path}: diagram labels under {SMALLEST_TEXT_PX} px at 390 px: {small}"


@pytest.mark.parametrize("path", site_pages())
def test_no_page_is_wider_than_a_phone(phone, site_url, path):
    """The body never scrolls sideways: wide content (code, tables, diagrams) scrolls in its own box.
    Every figure and diagram is on screen when measured, and a screenshot of the page's top is
    kept in build/phone/ for reading."""
    phone.goto(site_url + path, wait_until="networkidle")
    if phone.query_selector("pre.mermaid"):
        draw_every_diagram(phone)
    wide = phone.evaluate("""() => {
        const limit = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('.md-content *')].filter((el) => {
            const box = el.getBoundingClientRect();
            const scrolls = ['pre', '.md-typeset__scrollwrap', 'div.mermaid', '.katex-display',
                             '.jp-OutputArea', '.jp-InputArea'].join(', ');
            return box.width > 0 && box.right > limit + 1 && !el.closest(scrolls);
        });
        return {scroll: document.documentElement.scrollWidth, limit,
                wide: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ` +
                                                   el.textContent.trim().slice(0, 40))};
    }""")
    shot = ROOT / "build" / "phone" / (path.replace("/", "_") + ".png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(shot))
    assert wide["scroll"] <= wide["limit"], (
        f"{path}: the page is {wide['scroll']} px wide at 390 px: {wide['wide']}")


@pytest.mark.parametrize("path", pages_with('class="mermaid"'))
def test_every_diagram_opens_full_size_and_closes_again(phone, site_url, path):
    phone.goto(site_url + path, wait_until="networkidle")
    draw_every_diagram(phone)
    buttons = phone.get_by_role("button", name="Open the diagram full size")
    assert buttons.count() == phone.locator("div.mermaid").count()
    for i in range(buttons.count()):
        buttons.nth(i).click()  # opens diagram i + 1
        dialog = phone.get_by_role("dialog", name="Diagram, full size")
        assert dialog.is_visible()
        scale = dialog.evaluate("""(d) => {
            const svg = d.querySelector('div.mermaid').shadowRoot.querySelector('svg');
            return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }""")
        assert scale == pytest.approx(1, abs=0.01), f"{path}: diagram {i + 1} opens at {scale:.2f} size"
        phone.keyboard.press("Escape")
        expect(phone.locator("dialog")).to_have_count(0)  # the dialog closes on its close event
        assert phone.evaluate("() => document.activeElement.textContent") == "Open the diagram full size"
    assert phone.locator("article div.mermaid").count() == buttons.count(), "every diagram is back in place"


@pytest.mark.parametrize("path", pages_with('class="mlsguide-figure"'))
def test_every_figure_links_to_its_drawing(phone, site_url, path):
    phone.goto(site_url + path, wait_until="networkidle")
    links = phone.evaluate("""() => [...document.querySelectorAll('figure.mlsguide-figure')].map((f) => {
        const link = f.querySelector('a.mlsguide-figure__open');
        return link && {href: link.getAttribute('href'), img: f.querySelector('img').getAttribute('src'),
                        shown: link.offsetHeight > 0};
    })""")
    assert links and all(link and link["href"] == link["img"] and link["shown"] for link in links), links
