"""How examples look on the page: their output is labelled output, never empty and never copied;
set-up and clean-up code is folded on the web and printed open in the PDF.

The web checks load the built chapters in Chromium (after Material's JavaScript has added its copy
buttons); the build check makes a one-page project and builds it with the guide's examples hook.
"""

import re
import subprocess
import sys
import textwrap
from html import unescape

import pytest
from guidebuild.env import build_environ
from guidebuild.pages import chapter_pages, read_pages
from guidebuild.paths import ROOT, page_url, uses_directory_urls
from guidebuild.snippets import FOLD_CLASS, Snippets

from tests.guide import DOCS, built_site

SNIPPETS = Snippets.of_project(ROOT / "mkdocs.yml")
CHAPTERS = sorted(chapter_pages(read_pages()).values())
COPY = '.md-code__button[data-md-type="copy"]'  # Material's copy button (content.code.copy)


def examples_of(src: str):
    return SNIPPETS.check_page(src, (DOCS / src).read_text(encoding="utf-8"))


def html_of(src: str) -> str:
    return (built_site() / page_url(src, uses_directory_urls())).read_text(encoding="utf-8")


@pytest.mark.parametrize("src", CHAPTERS)
def test_every_printed_output_is_an_output_block_and_none_is_empty(src):
    # the quiz may quote an output in a question (an output block too), which no example printed
    html = re.sub(r'<h2 id="check-yourself".*?(?=<h2 |$)', "", html_of(src), flags=re.S)
    blocks = re.findall(r'<div class="example-output no-copy" data-search-exclude>'
                        r'<div class="example-output__label">Output</div><pre[^>]*><code>(.*?)</code>',
                        html, re.S)
    expected = sum(example.shows_output for example in examples_of(src))
    assert expected >= 6
    assert len(blocks) == expected, f"{src}: {len(blocks)} output blocks for {expected} examples that print"
    empty = [i for i, text in enumerate(blocks) if not unescape(text).strip()]
    assert not empty, f"{src}: output blocks {empty} are empty"
    assert "language-text highlight" not in html, f"{src}: output shown as a plain text code block"


def test_no_page_shows_an_empty_code_or_output_block():
    found = []
    for page in built_site().rglob("*.html"):
        if re.search(r"<pre[^>]*>(?:<span></span>)?<code>\s*</code></pre>", page.read_text(encoding="utf-8")):
            found.append(page.relative_to(built_site()).as_posix())
    assert not found, f"empty code or output blocks in {found}"


@pytest.mark.browser
@pytest.mark.parametrize("src", CHAPTERS)
def test_output_is_labelled_and_has_no_copy_button_while_its_code_has_one(page, site_url, src):
    page.goto(site_url + page_url(src, uses_directory_urls()), wait_until="networkidle")
    page.wait_for_selector(COPY, state="attached")  # Material adds them after load
    # an example's output, not an output a quiz question quotes
    blocks = page.evaluate("""(copy) => [...document.querySelectorAll('.example-output')]
      .filter((out) => !out.closest('.quiz-question')).map((out) => {
        const code = out.previousElementSibling;
        const style = getComputedStyle(out.querySelector('pre > code'));
        const codeStyle = getComputedStyle(code.querySelector('pre > code'));
        const label = out.querySelector('.example-output__label');
        return {label: label.textContent.trim(),  // shown, unless folded away with its code
                labelShown: label.offsetHeight > 0 || !!out.closest('details:not([open])'),
                copy: out.querySelectorAll(copy).length,
                codeCopy: code.matches('.highlight') ? code.querySelectorAll(copy).length : -1,
                background: style.backgroundColor, codeBackground: codeStyle.backgroundColor};
    })""", COPY)
    assert len(blocks) == sum(example.shows_output for example in examples_of(src))
    for number, block in enumerate(blocks, 1):
        where = f"{src}, output {number}"
        assert block["label"].lower() == "output" and block["labelShown"], f"{where}: not labelled: {block}"
        assert block["copy"] == 0, f"{where}: has a copy button"
        assert block["codeCopy"] == 1, f"{where}: the code above it has no copy button: {block}"
        assert block["background"] != block["codeBackground"], f"{where}: painted like code: {block}"


# ---------------------------------------------------------------------------------------------
# Set-up and clean-up


def folded_examples():
    return [(src, example) for src in CHAPTERS for example in examples_of(src)
            if example.fold_summary is not None]


def test_chapters_fold_their_set_up_and_clean_up():
    assert len([1 for src, _ in folded_examples() if src.startswith("1-data-engineering/")]) >= 5


@pytest.mark.browser
@pytest.mark.parametrize("src", sorted({src for src, _ in folded_examples()}))
def test_set_up_and_clean_up_are_closed_on_the_web_page(page, site_url, src):
    page.goto(site_url + page_url(src, uses_directory_urls()), wait_until="networkidle")
    folds = page.evaluate(f"""() => [...document.querySelectorAll('details.{FOLD_CLASS}')].map((d) => ({{
        open: d.open, summary: d.querySelector('summary').innerText.trim(),
        codeShown: d.querySelector('.highlight').checkVisibility(),
        code: d.querySelector('.highlight code').textContent}}))""")
    expected = [example for s, example in folded_examples() if s == src]
    assert [fold["summary"] for fold in folds] == [example.fold_summary for example in expected]
    for fold, example in zip(folds, expected, strict=True):
        assert not fold["open"] and not fold["codeShown"], f"{src}: {fold['summary']} is open"
        section = example.includes[0][1]
        assert fold["code"].strip() == section.code.strip(), f"{src}: {fold['summary']} shows other code"


@pytest.mark.browser
def test_the_print_page_shows_no_buttons_and_prints_folds_in_small_type(browser, site_url):
    """The print page (the PDF's source), with print styles, at the PDF's printable width."""
    from tests.test_book import PRINTABLE_WIDTH_PX

    page = browser.new_page(viewport={"width": PRINTABLE_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(site_url + "print_page.html", wait_until="networkidle")
    page.wait_for_selector(COPY, state="attached")
    found = page.evaluate(f"""(copy) => {{
        const buttons = [...document.querySelectorAll(copy + ', clipboard-copy, .zeroclipboard-container, ' +
                                                      '.diagram-open, .mlsguide-figure__open')];
        const size = (el) => parseFloat(getComputedStyle(el).fontSize);
        const folds = [...document.querySelectorAll('details.{FOLD_CLASS} .highlight pre > code')];
        const code = document.querySelector('#print-site-page .highlight pre > code');
        return {{buttons: buttons.length, shown: buttons.filter((b) => b.checkVisibility()).length,
                 folds: folds.map(size), code: size(code)}};
    }}""", COPY)
    page.close()
    assert found["buttons"] > 20 and found["shown"] == 0, f"buttons and links print: {found}"
    assert len(found["folds"]) == len(folded_examples())
    assert all(size < found["code"] * 0.9 for size in found["folds"]), f"folds not in small type: {found}"


WRAPPED_LINES = """() => {
  const box = (node, at) => { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1);
                              return r.getBoundingClientRect(); };
  const found = {wrapped: 0, bad: []};
  for (const pre of document.querySelectorAll('#print-site-page pre:not(.mermaid)')) {
    const lines = [[]];
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let at = 0; at < node.data.length; at++) {
        if (node.data[at] === '\\n') lines.push([]); else lines.at(-1).push([node, at]);
      }
    }
    for (const chars of lines.filter((line) => line.length > 60)) {
      const first = chars.findIndex(([node, at]) => node.data[at] !== ' ');
      const start = box(...chars[first]);
      if (box(...chars.at(-1)).top - start.top < start.height / 2) continue;  // on one row
      found.wrapped += 1;
      let row = start.top;
      for (const [node, at] of chars.slice(first)) {
        const here = box(node, at);
        if (here.top > row + here.height / 2) {  // the first character of the next row
          row = here.top;
          if (here.left < start.left + here.width) {
            found.bad.push(chars.map(([n, a]) => n.data[a]).join('').slice(0, 70));
            break;
          }
        }
      }
    }
  }
  return found;
}"""


@pytest.mark.browser
def test_printed_code_lines_that_wrap_keep_their_indentation(browser, site_url):
    """Every code line that wraps on the printed page goes on to the right of where it starts."""
    from tests.test_book import PRINTABLE_WIDTH_PX

    page = browser.new_page(viewport={"width": PRINTABLE_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(site_url + "print_page.html", wait_until="networkidle")
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
    found = page.evaluate(WRAPPED_LINES)
    page.close()
    assert found["wrapped"] >= 3, f"only {found['wrapped']} wrapped lines: is the test still measuring?"
    assert not found["bad"], (f"{len(found['bad'])} wrapped lines go on at or left of their start: "
                              f"{found['bad'][:5]}")


@pytest.mark.browser
def test_set_up_and_clean_up_print_open_in_the_pdf():
    """Their code is in the PDF's text (read by pypdfium2; `make pdf` prints it)."""
    import pypdfium2 as pdfium

    pdf = ROOT / "build" / "mls-c01-study-guide.pdf"
    assert pdf.is_file(), "build/mls-c01-study-guide.pdf is missing: run `make pdf`"
    document = pdfium.PdfDocument(pdf)
    text = re.sub(r"\s+", "", "".join(page.get_textpage().get_text_range() for page in document))
    missing = []
    for src, example in folded_examples():
        code = example.includes[0][1].code
        for line in (line for line in code.splitlines() if len(line.strip()) > 20):
            if re.sub(r"\s+", "", line) not in text:
                missing.append(f"{src}: {line.strip()}")
    assert not missing, f"{len(missing)} lines of folded code are not in the PDF: {missing[:5]}"


# ---------------------------------------------------------------------------------------------
# The build refuses an example that prints nothing into its output block

PAGE = """\
    # A page

    Prose.

    ```python exec="on" source="above" result="output"
    --8<-- "ch/page/demo.py:quiet"
    ```
    """
SNIPPET = """\
    \"\"\"A demo.\"\"\"
    # --8<-- [start:quiet]
    answer = 42
    # --8<-- [end:quiet]
    """
CONFIG = """\
    site_name: demo
    theme: mkdocs
    hooks: [{hook}]
    plugins: [markdown-exec]
    markdown_extensions:
      - pymdownx.snippets:
          base_path: [snippets, .]
          check_paths: true
      - pymdownx.superfences:
          custom_fences:
            - name: output
              class: output
              format: !!python/name:guidebuild.output.output_fence
    """


def test_an_example_that_prints_nothing_fails_the_build_at_its_line(tmp_path):
    tmp_path = tmp_path / "project"  # tmp_path itself links the real docs/ (examples_plugin)
    (tmp_path / "docs" / "ch").mkdir(parents=True)
    (tmp_path / "snippets" / "ch" / "page").mkdir(parents=True)
    (tmp_path / "docs" / "ch" / "page.md").write_text(textwrap.dedent(PAGE), encoding="utf-8")
    (tmp_path / "snippets" / "ch" / "page" / "demo.py").write_text(textwrap.dedent(SNIPPET), encoding="utf-8")
    hook = (ROOT / "overrides" / "hooks" / "examples.py").as_posix()
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent(CONFIG).format(hook=hook), encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                           capture_output=True, text=True, env=build_environ())
    assert build.returncode != 0
    assert ("docs/ch/page.md:5: the example printed nothing, so its output block is empty; "
            'print what it shows, or remove result="output" from the fence') in build.stderr
