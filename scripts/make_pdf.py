"""Print the whole guide to one PDF with headless Chromium or Chrome (found by guidebuild.browser).

Input: the strict build in `site/` (its `print_page.html` holds every page in reading order, made by
mkdocs-print-site-plugin). Output: `build/mls-c01-study-guide.pdf` and `build/pdf-report.json`
(pages, size, seconds, chapter start pages), which `make bench` and the tests read.

Several passes: a print tells which page every chapter starts on (from the PDF outline that
Chromium writes); those numbers are written into the contents page and the book is printed again,
until the numbers stop moving.
Running headers (the chapter title) and "n / N" footers are CSS page-margin boxes on named pages.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from pathlib import Path

import pikepdf
from guidebuild.book import PREPARE
from guidebuild.browser import FLAGS, BrowserNotFound, find_browser
from guidebuild.diagrams import draw_every_diagram
from pages_server import base_url, serve

ROOT = Path(__file__).resolve().parents[1]

# Writes the start page of each chapter next to its entry in the contents.
NUMBER_TOC = r"""
(pages) => {
  document.querySelectorAll("#print-page-toc a[href^='#']").forEach((a) => {
    const id = a.getAttribute("href").slice(1);
    if (!(id in pages)) return;
    let span = a.parentElement.querySelector(":scope > .toc-page");
    if (!span) {
      span = document.createElement("span");
      span.className = "toc-page";
      a.before(span); // floated right, so it must come first to share the entry's line
    }
    span.textContent = String(pages[id]);
  });
}
"""


def squeeze(text: str) -> str:
    """Chromium drops the space where a heading wraps when it names a bookmark; compare without spaces."""
    return re.sub(r"\s+", "", text)


def outline_pages(pdf_bytes: bytes) -> dict[str, int]:
    """Top-level outline titles (spaces removed) -> 1-based page numbers."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf, pdf.open_outline() as outline:
        # Chromium writes each bookmark's destination as [page, /XYZ, left, top, zoom].
        return {squeeze(item.title): pikepdf.Page(item.destination[0]).index + 1
                for item in outline.root}


def page_count(pdf_bytes: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        return len(pdf.pages)


def fix_bookmark_titles(pdf_bytes: bytes, headings: list[str]) -> bytes:
    """Give every bookmark its heading's real text back (with the spaces Chromium lost)."""
    real = {squeeze(h): h for h in headings}
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        with pdf.open_outline() as outline:  # written back into the PDF when the block ends
            items = list(outline.root)
            while items:
                item = items.pop()
                items.extend(item.children)
                if squeeze(item.title) in real:
                    item.title = real[squeeze(item.title)]
        # Object streams: the tagged PDF's structure tree is thousands of small objects, which
        # compress well together (3.7 MB -> 2.0 MB today, 20 MB -> 11 MB at fifteen chapters).
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    return out.getvalue()


def render(site: Path, out: Path, browser_path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    server = serve(site)
    url = base_url(server) + "print_page.html"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=FLAGS)
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        page.emulate_media(media="print")
        draw_every_diagram(page)
        chapters = page.evaluate(PREPARE)

        def print_pdf() -> bytes:
            # The fonts load when text first needs them (font-display: swap): print only after
            # every face the print layout uses has arrived, or the fallback would be embedded.
            page.evaluate("() => document.body.offsetHeight && document.fonts.ready.then(() => null)")
            return page.pdf(prefer_css_page_size=True, print_background=True, outline=True,
                            tagged=True, display_header_footer=False)

        # Print, read where each chapter starts, write those numbers into the contents, and print
        # again until the numbers no longer move (normally the second pass).
        starts: dict[str, int] = {}
        for _ in range(4):
            pdf = print_pdf()
            by_title = outline_pages(pdf)
            found = {c["id"]: by_title[squeeze(c["title"])] for c in chapters
                     if squeeze(c["title"]) in by_title}
            if found == starts:
                break
            starts = found
            page.evaluate(NUMBER_TOC, starts)
        else:
            raise SystemExit("contents page numbers did not settle after 4 passes")
        headings = page.evaluate(
            "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
            ".map((h) => h.textContent.replace(/\u00b6/g, '').trim())")
        browser.close()
    server.shutdown()
    final = fix_bookmark_titles(pdf, headings)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(final)
    report = {
        "pdf": str(out.relative_to(ROOT)),
        "pages": page_count(final),
        "bytes": len(final),
        "seconds": round(time.monotonic() - started, 1),
        "chapters": [{"title": c["title"], "id": c["id"], "page": starts.get(c["id"])} for c in chapters],
    }
    (out.parent / "pdf-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "mls-c01-study-guide.pdf")
    args = parser.parse_args()
    if not (args.site / "print_page.html").is_file():
        sys.exit(f"{args.site}/print_page.html is missing: run `make build` first")
    try:
        browser_path = find_browser()
    except BrowserNotFound as error:
        sys.exit(str(error))
    report = render(args.site.resolve(), args.out.resolve(), browser_path)
    print(f"{report['pdf']}: {report['pages']} pages, {report['bytes'] / 1e6:.1f} MB, "
          f"{report['seconds']} s")


if __name__ == "__main__":
    main()
