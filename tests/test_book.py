"""The offline editions: the PDF (`make pdf`) and the zip of the site that works from file://.

`make test` builds both before running pytest; run `make pdf offline` first when calling pytest
directly.
"""

import ctypes
import math
import re
import zipfile
from collections import defaultdict
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from guidebuild.data import load as load_data
from guidebuild.paths import mkdocs_config, page_url, site_file, uses_directory_urls

from tests.browser import record_external_requests, serve
from tests.guide import ROOT, built_site, chapters

pytestmark = pytest.mark.browser

PDF = ROOT / "build" / "mls-c01-study-guide.pdf"
ZIP = ROOT / "build" / "mls-c01-study-guide-offline.zip"
PRINTABLE_WIDTH_PX = round((210 - 2 * 16) / 25.4 * 96)  # A4 minus the 16 mm side margins
# The faces the site serves (overrides/assets/stylesheets/fonts.css) and KaTeX's, as the PDF names them.
GUIDE_FONTS = ("AtkinsonHyperlegibleNext", "AtkinsonHyperlegibleMono", "KaTeX_")
# Characters that no served face has, so the PDF draws them in whatever font the machine falls
# back to; each with where it comes from.
UNSERVED_GLYPHS = {
    "\u2691": "the flag in docs/practice-exam.md (the exam's own flag is an icon)",
}


def _title(chapter):
    return re.search(r"^# (.+)$", chapter.read_text(encoding="utf-8"), re.M)[1].strip()


@pytest.fixture(scope="module")
def pdf():
    """The PDF's pages as text, and its top-level bookmarks: {title: first page, counted from 1}."""
    assert PDF.is_file(), f"{PDF.relative_to(ROOT)} is missing: run `make pdf`"
    document = pdfium.PdfDocument(PDF)
    pages = [document[i].get_textpage() for i in range(len(document))]
    texts = [" ".join(page.get_text_range().split()) for page in pages]
    # Top-level bookmarks only: a chapter's title can also appear as a heading inside another page.
    outline = {" ".join(item.get_title().split()): item.get_dest().get_index() + 1
               for item in document.get_toc() if item.level == 0 and item.get_dest()}
    return pages, texts, outline


class Piece(NamedTuple):
    """A run of text that pdfium reads as one line, and the box around its glyphs."""
    text: str
    left: float
    bottom: float
    top: float
    fonts: frozenset = frozenset()  # the faces its glyphs are drawn in

    def shares_a_line_with(self, other: "Piece") -> bool:
        """The middle of either lies within the other's height."""
        return (self.bottom <= (other.bottom + other.top) / 2 <= self.top
                or other.bottom <= (self.bottom + self.top) / 2 <= other.top)


def _pieces(textpage) -> list[Piece]:
    """pdfium's own reading of a page: its line breaks, and word spaces it judges from each glyph's size."""
    pieces, text, boxes, fonts = [], "", [], set()
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if char not in "\r\n":
            text += char
            if char.strip():
                boxes.append(textpage.get_charbox(i))  # (left, bottom, right, top)
                fonts.add(_font_name(textpage, i).split("+")[-1])
        if char in "\r\n" or i == textpage.count_chars() - 1:
            if boxes:
                pieces.append(Piece(" ".join(text.split()), min(b[0] for b in boxes),
                                    min(b[1] for b in boxes), max(b[3] for b in boxes), frozenset(fonts)))
            text, boxes, fonts = "", [], set()
    return pieces


def _rows(textpage) -> list[list[Piece]]:
    """A page's text as lines, read by structure rather than by font metrics: pdfium's pieces, with
    those that sit side by side (a contents entry and the page number floated to its right)
    together, left to right."""
    rows: list[list[Piece]] = []
    for piece in sorted(_pieces(textpage), key=lambda p: -p.top):
        row = next((r for r in rows if r[0].shares_a_line_with(piece)), None)
        if row is None:
            rows.append([piece])
        else:
            row.append(piece)
    return [sorted(row, key=lambda p: p.left) for row in rows]


def _lines(textpage) -> list[str]:
    return [" ".join(p.text for p in row) for row in _rows(textpage)]


def test_pdf_has_every_chapter_in_text_and_outline(pdf):
    _, texts, outline = pdf
    whole = " ".join(texts)
    for chapter in chapters():
        title = _title(chapter)
        assert title in whole, f"the PDF text lacks the chapter title {title!r}"
        assert title in outline, f"the PDF outline has no entry for {title!r}"
    assert PDF.stat().st_size < 15_000_000, "the PDF must stay under 15 MB"


def _font_name(textpage, index: int) -> str:
    """The name of the font a character is drawn in ("" for the spaces and line breaks pdfium adds)."""
    buffer = ctypes.create_string_buffer(256)
    size = pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), None)
    return buffer.value.decode("utf-8", "replace") if size else ""


def test_pdf_draws_its_text_in_the_guides_own_fonts(pdf):
    """The book looks the same wherever it is printed: no character falls back to a font of the
    machine's, except those named in UNSERVED_GLYPHS."""
    pages, _, _ = pdf
    fallbacks = defaultdict(set)  # character -> {(font, page)}
    for number, textpage in enumerate(pages, start=1):
        for i in range(textpage.count_chars()):
            font = _font_name(textpage, i)
            if font and not font.split("+")[-1].startswith(GUIDE_FONTS):  # "ABCDEF+Name": a subset
                fallbacks[textpage.get_text_range(i, 1)].add((font, number))
    unexpected = {char: sorted(where)[:3] for char, where in sorted(fallbacks.items())
                  if char not in UNSERVED_GLYPHS}
    unexpected = dict(list(unexpected.items())[:10])  # a PDF all in another font lists every letter
    assert not unexpected, ("characters drawn in a font the site does not serve (add a face to "
                            f"fonts.css, or name them in UNSERVED_GLYPHS): {unexpected}")


def test_contents_page_numbers_match_where_chapters_start(pdf):
    pages, texts, outline = pdf
    contents = outline["Contents"]
    after = min(start for start in outline.values() if start > contents)
    lines = [line for number in range(contents, after) for line in _lines(pages[number - 1])
             if line != "Contents" and not re.fullmatch(r"\d+ / \d+", line)]
    groups = {entry for entry, is_group in _expected_contents() if is_group}  # Reference has no page
    unnumbered = [line for line in lines if not re.search(r"\d+$", line) and line not in groups]
    assert not unnumbered, f"contents entries without a page number: {unnumbered}"
    checked = 0
    for chapter in chapters():
        title = _title(chapter)
        line = next((ln for ln in lines if title in ln), None)
        assert line, f"{title!r} is not in the contents: {lines}"
        printed = int(re.search(r"(\d+)\s*$", line)[1])
        start = outline[title]
        assert printed == start, f"contents say {title!r} starts on page {printed}; it starts on {start}"
        assert title in texts[start - 1], f"page {start} does not show {title!r}"
        checked += 1
    assert checked >= 2


def _page_title(site, src: str) -> str:
    html = site_file(site, "/" + page_url(src, uses_directory_urls())).read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1]
    return " ".join(re.sub(r"<[^>]+>|\u00b6|&para;", "", heading).split())


def _expected_contents() -> list[tuple[str, bool]]:
    """The book's contents as mkdocs.yml's nav makes them: (entry, is a group heading). Every nav
    section is a group, headed by its overview page's title when it opens with one; the home page
    is the introduction."""
    site = built_site()

    def entry(item) -> tuple[str | None, str]:
        title, src = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        return title, src

    expected = []
    for item in mkdocs_config()["nav"]:
        title, target = entry(item)
        if isinstance(target, list):
            children = [entry(child) for child in target]
            if children[0][1].endswith("index.md"):
                expected.append((_page_title(site, children[0][1]), True))
                children = children[1:]
            else:
                expected.append((title, True))
            expected += [(t or _page_title(site, src), False) for t, src in children]
        else:
            home = target == "index.md"
            expected.append(("Introduction" if home else title or _page_title(site, target), False))
    return expected


def test_contents_group_the_chapters_by_domain_and_reference(pdf):
    """Home is the introduction, each domain and Reference is a bold group heading, and every page
    sits under the group its navigation section gives it."""
    pages, _, outline = pdf
    contents = outline["Contents"]
    after = min(start for start in outline.values() if start > contents)
    rows = [row for number in range(contents, after) for row in _rows(pages[number - 1])]
    found = []
    for row in rows:
        line = " ".join(p.text for p in row)
        if line == "Contents" or re.fullmatch(r"\d+ / \d+", line):
            continue
        bold = all(any("Bold" in font for font in p.fonts) for p in row)
        found.append((re.sub(r"\s*\d+$", "", line), bold))
    assert found == _expected_contents()


def _link_targets(document, number: int) -> set[int]:
    """The pages (counted from 1) that the internal links on a page lead to."""
    page, targets = document[number - 1], set()
    position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        destination = pdfium_c.FPDFLink_GetDest(document.raw, link)
        if destination:
            targets.add(pdfium_c.FPDFDest_GetDestPageIndex(document.raw, destination) + 1)
    return targets


def _unbroken(text: str) -> str:
    """Text with its line breaks after hyphens closed up: PDFium gives a hyphen that ends a printed
    line as U+FFFE ("multi\ufffe container"); the source has "multi-container"."""
    return re.sub("\ufffe\\s*", "-", text)


def test_each_decision_table_prints_once_and_reference_leads_to_it(pdf):
    """The book prints every table in its chapter only; Reference › Decision tables lists them and
    links to the page each one starts on."""
    _, texts, outline = pdf
    # The cheat sheets restate each option's "choose it when" on purpose; the tables print once.
    sheets = {n for start, end in _cheat_sheet_pages(outline, len(texts)).values() for n in range(start, end)}
    whole = _unbroken(" ".join(text for n, text in enumerate(texts, start=1) if n not in sheets))
    tables = load_data().tables
    starts = set()
    for table in tables.values():
        title = f"Decision table: {table['title']}"
        assert whole.count(title) == 1, f"{title!r} prints {whole.count(title)} times"
        starts |= {number for number, text in enumerate(texts, start=1) if title in text}
        for option in table["options"]:
            when = _unbroken(" ".join(option["choose_when"].split()))
            if not re.search(r"[`*\[]", when):  # Markdown prints differently from its source
                assert whole.count(when) == 1, f"{table['title']}: {when!r} prints {whole.count(when)} times"
    reference = outline["Decision tables"]
    after = min(start for start in outline.values() if start > reference)
    document = pdfium.PdfDocument(PDF)
    targets = set().union(*(_link_targets(document, n) for n in range(reference, after)))
    assert starts <= targets, f"tables on pages {sorted(starts - targets)} have no link from Reference"
    # A list of names and links: a dozen or more to a page (a printed table takes a page or more).
    allowed = max(2, math.ceil(len(tables) / 12))
    assert after - reference <= allowed, (
        f"Reference › Decision tables takes {after - reference} pages for {len(tables)} tables, "
        f"more than {allowed}")


def _cheat_sheet_pages(outline: dict, page_count: int) -> dict[str, tuple[int, int]]:
    """Each cheat sheet's title -> (its first page, the first page after it), counted from 1."""
    found = {}
    for domain in load_data().blueprint["domains"]:
        title = f"Cheat sheet: Domain {domain['id']}, {domain['title']}"
        assert title in outline, f"the PDF outline has no entry for {title!r}"
        start = outline[title]
        found[title] = (start, min((s for s in outline.values() if s > start), default=page_count + 1))
    return found


def test_each_cheat_sheet_prints_on_two_pages_at_most(pdf, record_property):
    _, texts, outline = pdf
    pages = {title: end - start for title, (start, end) in _cheat_sheet_pages(outline, len(texts)).items()}
    record_property("cheat_sheet_pages", pages)
    assert all(1 <= count <= 2 for count in pages.values()), f"printed pages per cheat sheet: {pages}"


def _is_a_fragment(piece: Piece) -> bool:
    return bool(re.fullmatch(r"[A-Za-z]{1,3}", piece.text)) and all(
        font.startswith("AtkinsonHyperlegibleNext") for font in piece.fonts)


def test_no_text_prints_a_letter_or_two_a_line(pdf):
    """What a table column too narrow for its words looks like on paper: "Li", "mi", "ts" on lines
    of their own, one under the other. (A cell that holds one short word, like "k", is fine, and
    so are two such cells one under the other, as a card's "GPU" over "Yes"; formulas, in KaTeX's
    faces, and code, in the mono face, are left out.)"""
    pages, _, _ = pdf
    stacks = []
    for number, textpage in enumerate(pages, start=1):
        pieces = _pieces(textpage)
        stacks += [(number, f"{one.text} / {two.text} / {three.text}")
                   for one, two, three in zip(pieces, pieces[1:], pieces[2:], strict=False)
                   if all(map(_is_a_fragment, (one, two, three)))
                   and abs(one.left - two.left) < 1 and abs(two.left - three.left) < 1]
    assert stacks == [], f"(page, lines) printed a letter or two a line: {stacks[:12]}"


def test_answer_key_appendix_holds_every_answer(pdf):
    _, texts, outline = pdf
    assert "Answer key" in outline, "the PDF outline has no answer key"
    guide_data = load_data()
    quiz_questions = sum(len(guide_data.quiz(task)) for task in guide_data.questions)
    key_text = " ".join(texts[outline["Answer key"] - 1:])
    assert len(re.findall(r"Question \d+: [A-F](?:, [A-F])*\.", key_text)) == quiz_questions


def test_glossary_appendix_defines_every_term(pdf):
    """The glossary prints in Reference, with every term (on paper a tooltip shows nothing)."""
    _, texts, outline = pdf
    assert "Glossary" in outline, "the PDF outline has no glossary"
    after = min((start for start in outline.values() if start > outline["Glossary"]), default=len(texts) + 1)
    glossary_text = " ".join(texts[outline["Glossary"] - 1:after - 1])
    missing = [t["term"] for t in load_data().glossary if t["term"] not in glossary_text]
    assert not missing, f"terms missing from the PDF's glossary: {missing[:10]}"


@pytest.fixture(scope="module")
def print_layout(browser):
    """The print page laid out as make_pdf.py prints it: print styles, the printable width, and its
    preparation (collapsed blocks opened, the contents' groups)."""
    from guidebuild.book import PREPARE

    url, server = serve(built_site())
    page = browser.new_page(viewport={"width": PRINTABLE_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(url + "print_page.html", wait_until="networkidle")
    page.evaluate(PREPARE)
    page.evaluate("document.fonts.ready.then(() => null)")
    yield page
    page.close()
    server.shutdown()


def test_nothing_overflows_the_printable_width(print_layout):
    too_wide = print_layout.evaluate(
        """(limit) => [...document.querySelectorAll('#print-site-page pre, #print-site-page table')]
            .filter((el) => el.offsetParent !== null)
            .map((el) => ({what: el.tagName.toLowerCase(), width: Math.ceil(el.getBoundingClientRect().width),
                          scroll: el.scrollWidth, text: el.textContent.trim().slice(0, 60)}))
            .filter((m) => m.width > limit || m.scroll > m.width + 1)""",
        PRINTABLE_WIDTH_PX,
    )
    assert too_wide == [], f"wider than the printable {PRINTABLE_WIDTH_PX}px: {too_wide[:5]}"


def test_table_cells_never_break_a_word_in_print(print_layout):
    """A column too narrow for its words prints them a letter or two a line ("Li mi ts"): every word
    of every table cell must sit on one line. (Words are split at spaces, hyphens and slashes, where
    a line may break.)"""
    broken = print_layout.evaluate(
        r"""() => {
          const found = [];
          const cells = [...document.querySelectorAll('#print-site-page :is(td, th)')]
            .filter((cell) => cell.offsetParent !== null);
          for (const cell of cells) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const word of node.data.matchAll(/[^\s\-\/]+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (tops.size > 1) found.push(word[0]);
              }
            }
          }
          return found;
        }"""
    )
    assert broken == [], f"words broken across lines in printed tables: {broken[:10]}"


def test_decision_tables_print_a_card_per_option_kept_whole(print_layout):
    rules = print_layout.evaluate(
        """() => [...document.querySelectorAll('#print-site-page .decision-table tbody tr')]
            .filter((row) => row.offsetParent !== null)
            .map((row) => [getComputedStyle(row).breakInside, getComputedStyle(row).display])""")
    assert rules, "no decision table in the print page"
    assert all(rule == ["avoid", "block"] for rule in rules), set(map(tuple, rules))


def test_no_code_line_wraps_in_print(print_layout):
    """A wrapped line of Python starts again at the left margin and reads as wrongly indented code,
    so code is set small enough for the project's longest line (110 characters) to fit. Output
    lines may be longer; they wrap under a hanging indent (test_examples_output.py checks it).
    (A diagram's source is left out: the book prints the diagram.)"""
    wrapped = print_layout.evaluate(
        """() => [...document.querySelectorAll('#print-site-page pre:not(.mermaid)')]
          .filter((pre) => pre.offsetParent !== null)
          .map((pre) => pre.querySelector(':scope > code') || pre)
          .map((code) => {
            const style = getComputedStyle(code);
            const height = code.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
            const lines = code.textContent.replace(/\\n$/, '').split('\\n');
            return {shown: Math.round(height / parseFloat(style.lineHeight)), lines: lines.length,
                    longest: Math.max(...lines.map((l) => l.length)), start: lines[0].slice(0, 50)};
          })
          .filter((block) => block.shown > block.lines && block.longest <= 110)""")
    assert wrapped == [], f"code blocks whose lines wrap in print: {wrapped[:5]}"


def test_no_icon_or_button_prints(print_layout):
    """Copy buttons (Material's and the notebooks'), and any other control, print over code."""
    shown = print_layout.evaluate(
        """() => [...document.querySelectorAll('#print-site-page :is(button, .md-clipboard, .md-code__nav, '
                                                 + '.zeroclipboard-container, clipboard-copy)')]
            .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
            .map((el) => el.outerHTML.slice(0, 80))""")
    assert shown == [], f"controls that would print: {shown[:5]}"


def _contrast_on_white(rgba: str) -> float:
    """WCAG contrast ratio of a CSS colour (rgb or rgba, composited on white) against white."""
    r, g, b, *a = (float(v) for v in re.findall(r"[\d.]+", rgba))
    alpha = a[0] if a else 1.0
    channels = [(alpha * c + (1 - alpha) * 255) / 255 for c in (r, g, b)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_headings_print_in_full_contrast(print_layout):
    """Material sets the page title in a light grey; on paper every heading is near black."""
    headings = print_layout.evaluate(
        """() => [...document.querySelectorAll('#print-site-page :is(h1, h2, h3, h4, h5, h6)')]
            .filter((h) => h.offsetParent !== null)
            .map((h) => [h.textContent.trim().slice(0, 50), getComputedStyle(h).color])""")
    assert len(headings) > 20
    faint = [(text, colour) for text, colour in headings if _contrast_on_white(colour) < 12]
    assert faint == [], f"headings printed in a faint colour: {faint[:5]}"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    assert ZIP.is_file(), f"{ZIP.relative_to(ROOT)} is missing: run `make offline`"
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(target)
    return target / "mls-c01-study-guide"


def test_offline_zip_makes_no_request_outside_the_machine(browser, offline_site):
    context = browser.new_context()
    external = record_external_requests(context, allowed_schemes=("file", "data", "blob", "about"))
    page = context.new_page()
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) >= 15
    for html in pages:
        page.goto(html.as_uri(), wait_until="load")
    context.close()
    assert external == [], f"requests that left the machine: {sorted(set(external))}"


def test_offline_search_quiz_and_exam_work_from_file(browser, offline_site):
    context = browser.new_context()
    record_external_requests(context)
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.accept())

    page.goto((offline_site / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Kinesis", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert results.count() > 0

    page.goto((offline_site / "1-data-engineering" / "1-2-data-ingestion.html").as_uri())
    question = page.locator('.quiz-question[data-kind="single"]').first
    answer = question.get_attribute("data-answer")
    question.locator(f'.quiz-option[data-key="{answer}"] input').check()
    question.get_by_role("button", name="Check answer").click()
    assert question.locator(".quiz-feedback").inner_text().startswith("Correct.")

    page.goto((offline_site / "practice-exam.html").as_uri())
    page.click("#exam-start")
    assert page.locator("#exam-question-heading").inner_text().startswith("Question 1 of ")
    context.close()
    assert not errors, errors
