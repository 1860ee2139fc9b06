"""The offline editions: the PDF (`make pdf`) and the zip of the site that works from file://.

`make test` builds both before running pytest; run `make pdf offline` first when calling pytest
directly.
"""

import ctypes
import re
import zipfile
from collections import defaultdict
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from guidebuild.data import load as load_data

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

    def shares_a_line_with(self, other: "Piece") -> bool:
        """The middle of either lies within the other's height."""
        return (self.bottom <= (other.bottom + other.top) / 2 <= self.top
                or other.bottom <= (self.bottom + self.top) / 2 <= other.top)


def _pieces(textpage) -> list[Piece]:
    """pdfium's own reading of a page: its line breaks, and word spaces it judges from each glyph's size."""
    pieces, text, boxes = [], "", []
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if char not in "\r\n":
            text += char
            if char.strip():
                boxes.append(textpage.get_charbox(i))  # (left, bottom, right, top)
        if char in "\r\n" or i == textpage.count_chars() - 1:
            if boxes:
                pieces.append(Piece(" ".join(text.split()), min(b[0] for b in boxes),
                                    min(b[1] for b in boxes), max(b[3] for b in boxes)))
            text, boxes = "", []
    return pieces


def _lines(textpage) -> list[str]:
    """A page's text as lines, read by structure rather than by font metrics: pdfium's pieces, with
    those that sit side by side (a contents entry and the page number floated to its right) joined
    left to right."""
    rows: list[list[Piece]] = []
    for piece in sorted(_pieces(textpage), key=lambda p: -p.top):
        row = next((r for r in rows if r[0].shares_a_line_with(piece)), None)
        if row is None:
            rows.append([piece])
        else:
            row.append(piece)
    return [" ".join(p.text for p in sorted(row, key=lambda p: p.left)) for row in rows]


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
    unnumbered = [line for line in lines if not re.search(r"\d+$", line)]
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


def test_answer_key_appendix_holds_every_answer(pdf):
    _, texts, outline = pdf
    assert "Answer key" in outline, "the PDF outline has no answer key"
    guide_data = load_data()
    quiz_questions = sum(len(guide_data.quiz(task)) for task in guide_data.questions)
    key_text = " ".join(texts[outline["Answer key"] - 1:])
    assert len(re.findall(r"Question \d+: [A-F](?:, [A-F])*\.", key_text)) == quiz_questions


def test_nothing_overflows_the_printable_width(browser):
    """Measured in the print page with print styles, at the PDF's printable width."""
    url, server = serve(built_site())
    page = browser.new_page(viewport={"width": PRINTABLE_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(url + "print_page.html", wait_until="networkidle")
    too_wide = page.evaluate(
        """(limit) => [...document.querySelectorAll('#print-site-page pre, #print-site-page table')]
            .filter((el) => el.offsetParent !== null)
            .map((el) => ({what: el.tagName.toLowerCase(), width: Math.ceil(el.getBoundingClientRect().width),
                          scroll: el.scrollWidth, text: el.textContent.trim().slice(0, 60)}))
            .filter((m) => m.width > limit || m.scroll > m.width + 1)""",
        PRINTABLE_WIDTH_PX,
    )
    page.close()
    server.shutdown()
    assert too_wide == [], f"wider than the printable {PRINTABLE_WIDTH_PX}px: {too_wide[:5]}"


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
