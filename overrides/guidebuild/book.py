"""The book: the print page that print-site writes (`print_page.html`), and what it does before
Chromium prints it (scripts/make_pdf.py), kept here so that the tests lay the print page out exactly
as the PDF is printed (tests/test_book.py)."""

from __future__ import annotations

import re

# Runs in the print page before printing: open collapsed blocks (but not quiz answers, which the
# answer key prints), give every chapter a named page whose top margin shows its title, and add
# the page counter to the bottom margin, both in the body text's typeface.
PREPARE = r"""
() => {
  const face = getComputedStyle(document.body).fontFamily;
  document.querySelectorAll("details:not(.quiz-answer)").forEach((d) => (d.open = true));
  document.querySelectorAll(".tabbed-set").forEach((set) => {
    const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")]
      .map((l) => l.textContent.trim());
    set.querySelectorAll(":scope > .tabbed-content > .tabbed-block").forEach((block, i) => {
      block.dataset.printLabel = labels[i] || "";
    });
  });
  const rules = [
    '@page { size: A4; margin: 18mm 16mm 18mm 16mm;',
    '  @bottom-right { content: ""; }',
    `  @bottom-center { content: counter(page) " / " counter(pages); font: 9pt ${face}; color: #333; } }`,
    '@page :first { @bottom-center { content: ""; } }',
    '#print-page-toc li { list-style: none; }',
    '#print-page-toc a { text-decoration: none; }',
    '#print-page-toc .toc-page { float: right; }',
  ];
  // print-site adds a title page for every navigation section, and an entry in the contents. The
  // title pages go (a domain's overview page says the same); the entries stay, as the contents'
  // group headings, so that Reference does not read as part of Domain 4. A section that opens
  // with its overview page (navigation.indexes) takes that page's title and page number, and the
  // overview's own entry goes.
  document.querySelectorAll("section.print-page.md-section").forEach((section) => {
    const title = section.querySelector(":scope > h1");
    if (title) title.style.display = "none";
    const entry = document.querySelector(`#print-page-toc a[href="#${section.id}"]`);
    if (!entry) return;
    entry.parentElement.classList.add("toc-group");
    const overview = section.querySelector(":scope > section.print-page[id$='-index']");
    const overviewEntry = overview && document.querySelector(`#print-page-toc a[href="#${overview.id}"]`);
    if (overviewEntry) {
      entry.setAttribute("href", `#${overview.id}`);
      entry.textContent = overviewEntry.textContent.trim();
      overviewEntry.parentElement.remove();
    }
  });
  // The home page opens the book: in the contents it is the introduction, not a chapter "Home".
  const home = document.querySelector('#print-page-toc a[href="#index"]');
  if (home) home.textContent = "Introduction";
  const chapters = [];
  document.querySelectorAll("section.print-page[id]:not(.md-section)").forEach((section, i) => {
    const h1 = section.querySelector("h1"); // in a notebook's section it sits inside the cells
    if (!h1) return;
    const title = h1.textContent.replace(/\u00b6/g, "").trim();
    const name = `chapter-${i}`;
    section.style.page = name;
    const css = JSON.stringify(title);
    rules.push(`@page ${name} { @top-center { content: ${css}; font: 9pt ${face}; color: #333; } }`);
    chapters.push({ id: section.id, title });
  });
  const style = document.createElement("style");
  style.textContent = rules.join("\n");
  document.head.append(style);
  return chapters;
}
"""


PAGE_SECTION = re.compile(r'<section class="print-page" id="([^"]+)"')
TABLE_ID = re.compile(r'(<div class="decision-table[^"]*"[^>]*? id=")(table-[^"]+)"')


def prefix_table_ids(html: str) -> str:
    """print-site keeps ids unique in the print page by putting the page's key in front of them,
    but only on headings (and sup and li), while it rewrites every link to another page's anchor
    to carry that key. Reference links to each decision table in its chapter: give the tables the
    key too, so that those links land in the book."""
    sections = [(m.start(), m[1]) for m in PAGE_SECTION.finditer(html)]

    def prefixed(table: re.Match) -> str:
        page = next((key for start, key in reversed(sections) if start < table.start()), None)
        return f'{table[1]}{page}-{table[2]}"' if page else table[0]

    return TABLE_ID.sub(prefixed, html)


ANCHOR_WITH_QUERY = re.compile(r'href="#([^"?]+)\?[^"]*"')


def drop_link_queries(html: str) -> str:
    """print-site turns a link to another page into the anchor of its section but keeps the
    link's query (`#practice-exam?size=20`, from the study plan), an anchor the book does not
    have: on paper the section is what the link means."""
    return ANCHOR_WITH_QUERY.sub(r'href="#\1"', html)
