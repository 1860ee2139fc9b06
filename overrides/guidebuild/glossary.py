"""The glossary (docs/data/glossary.yml) in the pages: a tooltip on the first use of a term.

The Glossary page lists every term (the `glossary` shortcode, `guidebuild.render.glossary`); on
the other pages, the first time a term or one of its aliases appears in the text, it becomes
`<abbr title="expansion: definition" tabindex="0">`, which Material's `content.tooltips` shows on
hover, and, thanks to the tab stop, on keyboard focus and on a tap. Only the first use per page:
see docs/contributing.md (The glossary) for the measurements behind that choice.

Which words get a tooltip: abbreviations and names, that is every term or alias written with a
capital letter or a digit (AUC, F1, XGBoost, SageMaker Clarify), matched as written. Terms in
lower case (overfitting, recall, one-hot encoding) are on the Glossary page only: they are also
everyday words, and a tooltip on every "recall" would mark prose that does not mean the metric.

No tooltip goes where it would do harm: in headings (and so in the table of contents), in links
and other controls (a tab stop inside a link is a nested control), in code, in the quizzes (a
definition could give an answer away), on the Glossary page itself and on book-only pages (a
tooltip does nothing on paper). The search index is untouched: it keeps the text, not the title.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from guidebuild.pages import missing_heading
from guidebuild.schema import line_of

if TYPE_CHECKING:
    from guidebuild.guide import Guide

PAGE = "reference/glossary.md"
WORTH_A_TOOLTIP = re.compile(r"[A-Z0-9]")
# Elements whose text gets no tooltip, and classes of elements likewise.
NO_TOOLTIP_IN = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "button", "code", "kbd", "label",
                 "pre", "script", "style", "summary", "svg"}
NO_TOOLTIP_CLASSES = {"admonition-title", "arithmatex", "quiz"}


def tooltip(entry: dict) -> str:
    """What the tooltip of a term says: its expansion, if it is an abbreviation, then its definition."""
    definition = " ".join(entry["definition"].split())
    return f"{entry['expansion']}: {definition}" if entry.get("expansion") else definition


def tooltip_words(glossary: list[dict]) -> dict[str, dict]:
    """Every word that gets a tooltip (terms and aliases with a capital or a digit) -> its entry."""
    return {word: entry for entry in glossary for word in [entry["term"], *entry.get("aliases", [])]
            if WORTH_A_TOOLTIP.search(word)}


def anchor(term: str) -> str:
    """The id of a term on the Glossary page: 'TF-IDF' -> 'glossary-tf-idf', 'R²' -> 'glossary-r2'."""
    ascii_term = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return "glossary-" + re.sub(r"[^a-z0-9]+", "-", ascii_term.lower()).strip("-")


class FirstUseTooltips(Treeprocessor):
    """Wraps the first use of each term on a page in an <abbr> (see the module's docstring)."""

    def __init__(self, md, extension: Tooltips):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        words = self.extension.words if self.extension.active else {}
        if not words:
            return
        self.words = words
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])")
        self.done: set[str] = set()  # the terms already marked on this page
        self._walk(root)

    def _walk(self, element):
        if element.text and not isinstance(element.text, AtomicString):
            element.text, marked = self._mark(element.text)
            for position, abbr in enumerate(marked):
                element.insert(position, abbr)
        for child in list(element):
            if not (child.tag in NO_TOOLTIP_IN or NO_TOOLTIP_CLASSES & set(child.get("class", "").split())):
                self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, marked = self._mark(child.tail)
                at = list(element).index(child) + 1
                for position, abbr in enumerate(marked):
                    element.insert(at + position, abbr)

    def _mark(self, text: str) -> tuple[str, list]:
        """The text before the first new term, and an <abbr> for each new term (its tail the text after)."""
        head, marked, start = text, [], 0
        for match in self.pattern.finditer(text):
            entry = self.words[match[0]]
            if entry["term"] in self.done:
                continue
            self.done.add(entry["term"])
            abbr = etree.Element("abbr", {"title": tooltip(entry), "tabindex": "0"})
            abbr.text = AtomicString(match[0])
            if marked:
                marked[-1].tail = text[start:match.start()]
            else:
                head = text[:match.start()]
            marked.append(abbr)
            start = match.end()
        if marked:
            marked[-1].tail = text[start:]
        return head, marked


class Tooltips(Extension):
    """The Markdown extension the glossary hook adds to the build; it marks a page only while
    `active` (the hook turns it on for each page that gets tooltips, and off after it)."""

    def __init__(self, glossary: list[dict]):
        super().__init__()
        self.words = tooltip_words(glossary)
        self.active = False

    def extendMarkdown(self, md):
        md.treeprocessors.register(FirstUseTooltips(md, self), "glossary-tooltips", 8)  # before abbr (7)


def link_problems(guide: Guide, anchors: dict[str, set[str]]) -> list[str]:
    """Each term's `see` link against the pages' real ids (`anchors`: docs/ page -> ids in its HTML)."""
    messages = []
    for entry in guide.data.glossary:
        if "see" in entry and (problem := missing_heading(entry["see"], anchors)):
            line = line_of(entry, "see")
            messages.append(f"docs/data/glossary.yml{f':{line}' if line else ''}: term {entry['term']!r}: "
                            f"field 'see' {problem}")
    return messages
