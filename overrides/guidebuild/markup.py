"""Lighter page markup: the same page, read and printed the same, with far fewer elements.

A chapter page had 6,500 to 11,000 elements, most of them Pygments' token spans and the elements of
inline SVG figures, and the browser restyles and lays out every one of them while the page loads
(Lighthouse counted 2 to 4 s of style and layout on its mobile profile). Two rewrites of the
converted HTML remove most of them without changing what a reader sees:

* `lighten_code`: a token span whose class Material's stylesheet paints like plain code (names,
  whitespace) is unwrapped, and so are operators and punctuation, which Material paints a lighter
  grey: about 40% of a chapter's elements for a difference that few readers notice. Neighbouring
  spans painted in the same colour are merged.
* `figures_to_files`: a figure's inline `<svg>` becomes an SVG file next to the page, shown by an
  `<img>` with the figure's alt text and size, so the page carries one element instead of hundreds.
"""

from __future__ import annotations

import hashlib
import re
from html import unescape
from pathlib import PurePosixPath

# Pygments token classes grouped by the colour Material for MkDocs gives them (its stylesheet's
# `.highlight .x` rules). Spans of one group that touch, or are separated only by spaces, merge.
COLOUR_GROUPS = [
    {"cpf", "l", "s", "s1", "s2", "sb", "sc", "si", "ss"},
    {"cp", "se", "sh", "sr", "sx"},
    {"il", "m", "mb", "mf", "mh", "mi", "mo"},
    {"k", "kd", "kn", "kp", "kr", "kt", "nd", "ni", "nl", "nt", "ow"},  # ow: guide.css
    {"bp", "nb", "no"},
    {"nc", "ne", "nf", "nn"},
    {"c", "c1", "ch", "cm", "cs", "sd"},
    {"na", "nv", "vc", "vg", "vi"},
]
# Painted like unhighlighted code: names and constants (--md-code-hl-name-color is the code colour),
# whitespace, string prefixes (no rule), and, by this guide's choice, operators and punctuation
# (Material paints them a lighter grey). Word operators (`and`, `in`, `not`) take the keyword colour.
PLAIN = {"", "n", "kc", "w", "sa", "o", "p"}
GROUP_OF = {cls: group[0] for group in map(sorted, COLOUR_GROUPS) for cls in group}

CODE = re.compile(r"(<code[^>]*>)(.*?)(</code>)", re.S)
TOKEN = re.compile(r'<span(?: class="([a-z0-9]*)")?>([^<]*)</span>')
SAME_COLOUR_RUN = re.compile(r'<span class="([a-z0-9]+)">([^<]*)</span>([ \t]*)<span class="([a-z0-9]+)">')


def _lighten(code: str) -> str:
    code = TOKEN.sub(lambda m: m[2] if (m[1] or "") in PLAIN else m[0], code)

    def merge(m: re.Match) -> str:
        first, second = GROUP_OF.get(m[1]), GROUP_OF.get(m[4])
        if first is None or first != second:
            return m[0]
        return f'<span class="{m[1]}">{m[2]}{m[3]}'  # the second span's text joins the first

    while True:  # each pass merges pairs; runs of three or more need more passes
        merged = SAME_COLOUR_RUN.sub(merge, code)
        if merged == code:
            return merged
        code = merged


def lighten_code(html: str) -> str:
    """Unwrap plain-coloured token spans and merge same-coloured ones inside every `<code>`."""
    if "<span" not in html:
        return html
    return CODE.sub(lambda m: m[1] + (_lighten(m[2]) if "<span" in m[2] else m[2]) + m[3], html)


# ---------------------------------------------------------------------------------------------

FIGURE_SVG = re.compile(
    r'(<figure class="mlsguide-figure">)\s*(<svg\b.*?</svg>)\s*(<svg data-phone=.*?</svg>)?', re.S)
ARIA_LABEL = re.compile(r'\saria-label="([^"]*)"')
SIZE = re.compile(r'\s(width|height)="([0-9.]+)(pt|px)?"')
FIGURE_FOLDER = "figures"
# Material's breakpoint below which the text column is a phone's or a small tablet's (44.9375em);
# not in print, whose page is narrower than that but prints the figure as drawn.
PHONE_MEDIA = "screen and (max-width: 44.9375em)"


def _pixels(svg_tag: str, name: str) -> int | None:
    for attr, value, unit in SIZE.findall(svg_tag):
        if attr == name:
            return round(float(value) * (4 / 3 if unit == "pt" else 1))
    return None


def figures_to_files(html: str, page_dest: str) -> tuple[str, dict[str, str]]:
    """Move each inline figure SVG into its own file; returns the new HTML and {site path: SVG}.

    `page_dest` is the page's path in the site (`3-modeling/3-5-evaluate-models.html`). Files are
    named by a hash of their content, in a `figures/` folder beside the page, so the same figure
    keeps its name from build to build and a changed one gets a new name. A figure that
    `mlsguide.figures.show` also drew for a phone becomes a `<picture>` whose phone source narrow
    screens load instead; either way a link under it opens the figure as drawn, full size.
    """
    files: dict[str, str] = {}
    folder = PurePosixPath(page_dest).parent / FIGURE_FOLDER

    def to_file(svg: str) -> tuple[str, str, str]:
        """The SVG's file name, its width and height attributes, and its label."""
        start = svg[: svg.index(">") + 1]
        label = ARIA_LABEL.search(start)
        if label is None:
            raise ValueError(f"{page_dest}: a figure has no aria-label (mlsguide.figures.show sets it)")
        if "xmlns=" not in start:
            svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
        name = hashlib.sha256(svg.encode()).hexdigest()[:16] + ".svg"
        files[(folder / name).as_posix()] = '<?xml version="1.0" encoding="utf-8"?>\n' + svg + "\n"
        size = "".join(f' {dim}="{px}"' for dim in ("width", "height")
                       if (px := _pixels(start, dim)) is not None)
        return name, size, label[1]  # the label is already escaped for an attribute

    def to_picture(m: re.Match) -> str:
        name, size, alt = to_file(m[2])
        image = f'<img src="{FIGURE_FOLDER}/{name}" alt="{alt}"{size} loading="lazy" decoding="async">'
        if m[3]:
            phone, phone_size, _ = to_file(m[3])
            image = (f'<picture><source media="{PHONE_MEDIA}" srcset="{FIGURE_FOLDER}/{phone}"{phone_size}>'
                     f"{image}</picture>")
        link = (f'<a class="mlsguide-figure__open" href="{FIGURE_FOLDER}/{name}">'
                "Open the figure full size</a>")
        return f"{m[1]}{image}{link}"

    return FIGURE_SVG.sub(to_picture, html), files



# ---------------------------------------------------------------------------------------------

# What the search index leaves out (Material's search skips an element marked
# `data-search-exclude`, and a whole section when its heading is marked): a highlighted code
# block, any other preformatted block (a notebook cell's code or text output), the "Copied!"
# notice of a notebook cell's copy button, and a chapter's quiz, whose explanations would give
# its answers away and whose stems outranked the section that teaches a term. Material's parser
# ends an exclusion at the first closing tag of the same name, so the mark goes on elements that
# hold no element of their own kind: a notebook cell's outer <div> holds further <div>s.
OUT_OF_SEARCH = re.compile(r'<div class="language-[a-z0-9-]+ highlight"'
                           r'|<pre(?=[\s>])(?![^>]*data-search-exclude)'
                           r'|<span class="notice" hidden=""'
                           r'|<h2 id="check-yourself"')


def out_of_search(html: str) -> str:
    """Mark code, notebook cells' code and output, and the quiz `data-search-exclude`.

    Code blocks were a quarter of the search index, and a search for `put_records` opened on a
    30-line listing instead of the prose that explains it. Inline code in prose stays indexed, and
    the prose names every identifier a reader looks for.
    """
    return OUT_OF_SEARCH.sub(lambda m: m[0] + " data-search-exclude", html)


# ---------------------------------------------------------------------------------------------

PRE = re.compile(
    r'(<pre\b(?![^>]*class="mermaid")[^>]*>(?:<span></span>)?(?:<code\b[^>]*>)?)(.*?)((?:</code>)?</pre>)',
    re.S)
SPAN_TAG = re.compile(r"<(/?)span\b[^>]*>")
TAG = re.compile(r"<[^>]+>")
WRAPS_FROM = 40  # characters: a line this long may wrap on paper (100 fit in code, 65 in notebooks)


def _hanging_indent(code: str) -> str:
    open_spans: list[str] = []  # token spans open where a line starts (a docstring across lines)
    *lines, last = code.split("\n")
    out = []
    for line in lines:
        before = "".join(open_spans)
        for tag in SPAN_TAG.finditer(line):
            if tag[1]:
                open_spans.pop()
            else:
                open_spans.append(tag[0])
        text = unescape(TAG.sub("", line))
        if len(text) < WRAPS_FROM:
            out.append(line + "\n")
            continue
        indent = len(text) - len(text.lstrip(" "))
        # The line's own span, with the token spans open across its ends closed and opened again.
        close_before, close_after = "</span>" * before.count("<span"), "</span>" * len(open_spans)
        out.append(f'{close_before}<span class="code-line" style="--indent: {indent}ch">'
                   f'{before}{line}{close_after}\n</span>{"".join(open_spans)}')
    return "".join(out) + last


def hanging_indents(html: str) -> str:
    """Wrap each long line of every code block in a `code-line` span that carries its indentation.

    Printed code wraps long lines (the page has no scrollbar), and a wrapped line would go on at
    column 0, which breaks Python's indentation; the print stylesheet gives each such span a hanging
    indent of its own indentation plus four, so a continuation reads as one. Applied to the print
    page only: on screen, code scrolls, and the chapters' pages keep their lighter markup.
    """
    return PRE.sub(lambda m: m[1] + _hanging_indent(m[2]) + m[3], html)
