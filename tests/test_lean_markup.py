"""The lighter page markup (guidebuild.markup): same text, fewer elements, figures as files."""

import re
from html.parser import HTMLParser

import pytest
from guidebuild.markup import figures_to_files, lighten_code
from guidebuild.paths import DOCS, page_url, uses_directory_urls
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from tests.guide import built_site, chapters

SAMPLE = '''import boto3

def send(records: list[dict], stream="clicks") -> int:
    """Send a batch; return how many failed."""
    kinesis = boto3.client("kinesis")  # one client per process
    out = kinesis.put_records(StreamName=stream, Records=[{"Data": r, "PartitionKey": f"k{i}"}
                                                      for i, r in enumerate(records)])
    return out["FailedRecordCount"] if out and not None else 0
'''

# A chapter page may carry this many elements. Lighthouse's mobile run spends its blocking time
# styling and laying out the page, in proportion to its elements (see README, Chapter pages).
CHAPTER_ELEMENT_BUDGET = 4_500


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def pygments_html(code: str) -> str:
    return highlight(code, PythonLexer(), HtmlFormatter(nowrap=True))


def test_lighten_code_keeps_every_character_and_removes_most_spans():
    before = f"<pre><code>{pygments_html(SAMPLE)}</code></pre>"
    after = lighten_code(before)
    assert text_of(after) == text_of(before)
    assert after.count("<span") < before.count("<span") / 2, (before.count("<span"), after.count("<span"))
    assert 'class="n"' not in after and 'class="p"' not in after and 'class="o"' not in after
    assert '<span class="k">def</span>' in after
    assert '<span class="c1"># one client per process</span>' in after


def test_lighten_code_merges_only_spans_of_one_colour():
    code = ('<code><span class="s2">&quot;a&quot;</span> <span class="s1">&#39;b&#39;</span>'
            '<span class="mi">1</span><span class="k">if</span> <span class="ow">in</span></code>')
    assert lighten_code(code) == ('<code><span class="s2">&quot;a&quot; &#39;b&#39;</span>'
                                  '<span class="mi">1</span><span class="k">if in</span></code>')


def test_lighten_code_leaves_text_outside_code_alone():
    html = '<p><span class="n">not code</span></p>'
    assert lighten_code(html) == html


SVG = ('<svg role="img" aria-label="ROC curve &amp; its threshold" width="345.6pt" height="259.2pt" '
       'viewBox="0 0 345.6 259.2" version="1.1"><g><path d="M 0 0 L 1 1"/></g></svg>')


def test_figures_become_files_beside_the_page():
    html = f'<p>x</p><figure class="mlsguide-figure">{SVG}<figcaption>c</figcaption></figure>'
    out, files = figures_to_files(html, "3-modeling/3-5-evaluate-models.html")
    (path, svg), = files.items()
    assert re.fullmatch(r"3-modeling/figures/[0-9a-f]{16}\.svg", path)
    assert svg.startswith("<?xml") and 'xmlns="http://www.w3.org/2000/svg"' in svg and "<path" in svg
    name = path.rsplit("/", 1)[1]
    assert (f'<figure class="mlsguide-figure"><img src="figures/{name}" alt="ROC curve &amp; its threshold" '
            'width="461" height="346" loading="lazy" decoding="async">'
            f'<a class="mlsguide-figure__open" href="figures/{name}">Open the figure full size</a>'
            "<figcaption>") in out
    assert figures_to_files(html, "3-modeling/3-5-evaluate-models.html")[1].keys() == files.keys()


def test_a_figure_drawn_for_a_phone_too_becomes_a_picture():
    phone = SVG.replace("<svg ", '<svg data-phone="" ').replace("345.6pt", "288pt")
    html = f'<figure class="mlsguide-figure">{SVG}{phone}<figcaption>c</figcaption></figure>'
    out, files = figures_to_files(html, "3-modeling/3-5-evaluate-models.html")
    wide, narrow = (path.rsplit("/", 1)[1] for path in files)
    assert out == ('<figure class="mlsguide-figure"><picture>'
                   '<source media="screen and (max-width: 44.9375em)" '
                   f'srcset="figures/{narrow}" width="384" height="346">'
                   f'<img src="figures/{wide}" alt="ROC curve &amp; its threshold" width="461" height="346" '
                   'loading="lazy" decoding="async"></picture>'
                   f'<a class="mlsguide-figure__open" href="figures/{wide}">Open the figure full size</a>'
                   "<figcaption>c</figcaption></figure>")


def test_a_figure_without_alt_text_is_an_error_naming_the_page():
    html = '<figure class="mlsguide-figure"><svg width="1" height="1"></svg></figure>'
    with pytest.raises(ValueError, match=r"^1-data-engineering/x\.html: a figure has no aria-label"):
        figures_to_files(html, "1-data-engineering/x.html")


class ElementCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = 0
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        if tag == "img":
            self.images.append(dict(attrs))


def chapter_pages():
    site = built_site()
    return [site / page_url(p.relative_to(DOCS).as_posix(), uses_directory_urls()) for p in chapters()]


@pytest.mark.parametrize("page", chapter_pages(), ids=lambda p: p.name)
def test_chapter_page_is_within_its_element_budget_and_its_figures_are_files(page):
    html = page.read_text(encoding="utf-8")
    counter = ElementCounter()
    counter.feed(html)
    assert counter.elements <= CHAPTER_ELEMENT_BUDGET, (
        f"{page.name} has {counter.elements} elements, over the budget of {CHAPTER_ELEMENT_BUDGET}: "
        "move long set-up into the snippet file, or split the chapter (README, Chapter pages)")
    assert '<figure class="mlsguide-figure"><svg' not in html
    figures = [img for img in counter.images if img["src"].startswith("figures/")]
    for img in figures:
        assert img.get("alt", "").strip(), f"{page.name}: figure {img['src']} has no alt text"
        assert (page.parent / img["src"]).is_file(), f"{page.name}: {img['src']} was not written"
        assert img.get("width") and img.get("height"), f"{page.name}: {img['src']} has no size"


def test_long_code_lines_get_their_indentation_and_token_spans_stay_nested():
    from guidebuild.markup import WRAPS_FROM, hanging_indents

    long = "b" * WRAPS_FROM
    html = (f'<pre><span></span><code><span class="k">def</span> f():\n    x = 1\n'
            f'    <span class="sd">"""doc\n    {long}\n    """</span>\n</code></pre>'
            f'<pre class="mermaid"><code>{long}\n</code></pre>')
    assert hanging_indents(html) == (
        '<pre><span></span><code><span class="k">def</span> f():\n    x = 1\n'
        '    <span class="sd">"""doc\n'
        f'</span><span class="code-line" style="--indent: 4ch"><span class="sd">    {long}</span>\n'
        '</span><span class="sd">    """</span>\n</code></pre>'
        f'<pre class="mermaid"><code>{long}\n</code></pre>')
