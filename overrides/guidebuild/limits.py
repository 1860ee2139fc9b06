"""The limits and quotas of docs/data/limits.yml: where the chapters state them, and how old each
check is.

A limit's `mentions` are the words around its number in the chapters, with `{n}` where the number
stands: "divided by {n} MB/s per shard". `find(limit, pages)` finds every place a chapter says one
of them (spaces and line breaks are equal, letter case is not significant) and reads the number
there: digits with or without thousands separators (`10,240`), a decimal (`48.8`), or a number
word from one to twelve (`at most five`). `problems(limits, pages)` says where a chapter states
another value than the file holds, where a listed chapter never states it, where an unlisted
chapter does, and which mention no listed chapter has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from guidebuild.data import LIMIT_PLACEHOLDER
from guidebuild.pages import Page

NUMBER_WORDS = {word: n for n, word in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")"
STALE_AFTER_DAYS = 365  # a check older than twelve months is due again


@dataclass(frozen=True)
class Mention:
    page: str  # docs/ path
    line: int
    text: str  # what the chapter says, on one line
    number: int | float  # the number it states

    @property
    def where(self) -> str:
        return f"docs/{self.page}:{self.line}"


def pattern(mention: str) -> re.Pattern:
    """'divided by {n} MB/s per shard' -> a pattern that finds it with any number in its place
    (never a part of a longer number: the 1 of 10 or of 1,000)."""
    before, after = (_words(part) for part in mention.split(LIMIT_PLACEHOLDER))
    return re.compile(before + r"(?<![\d,.])" + NUMBER + r"(?!\d|[,.]\d)" + after, re.IGNORECASE)


def _words(text: str) -> str:
    """Literal text, where any run of blanks matches any run of spaces and line breaks."""
    return re.sub(r"(?:\\\s)+", lambda m: r"\s+", re.escape(text))


def number(text: str) -> int | float:
    if text.lower() in NUMBER_WORDS:
        return NUMBER_WORDS[text.lower()]
    return float(text) if "." in text else int(text.replace(",", ""))


def find(limit: dict, pages: dict[str, Page]) -> list[Mention]:
    """Every place a page states the limit, in page then line order (a number that two mentions
    find is stated once)."""
    found: dict[tuple[str, int], Mention] = {}
    for src, page in pages.items():
        for mention in limit["mentions"]:
            for match in pattern(mention).finditer(page.text):
                line = page.text.count("\n", 0, match.start()) + 1
                text = " ".join(match[0].split())
                key = (src, match.start("n"))
                if key not in found or len(text) > len(found[key].text):
                    found[key] = Mention(src, line, text, number(match["n"]))
    return [found[key] for key in sorted(found)]


def problems(limits: list[dict], pages: dict[str, Page]) -> list[str]:
    """Each chapter statement that contradicts limits.yml, and each `chapters` list that is wrong."""
    messages = []
    for limit in limits:
        stated = find(limit, pages)
        for mention in stated:
            if mention.number != limit["value"]:
                messages.append(f"{mention.where}: says {mention.text!r}, but docs/data/limits.yml gives "
                                f"{limit['id']!r} as {limit['value']} {limit['unit']}")
        pages_stating = {mention.page for mention in stated}
        for page in limit["chapters"]:
            if page not in pages_stating:
                messages.append(f"docs/data/limits.yml: limit {limit['id']!r} lists docs/{page}, where "
                                f"none of its mentions is found: {limit['mentions']}")
        for page in sorted(pages_stating - set(limit["chapters"])):
            messages.append(f"docs/data/limits.yml: limit {limit['id']!r} is stated in docs/{page}; "
                            "add it to the limit's chapters")
        for mention in limit["mentions"]:
            if not any(pattern(mention).search(pages[p].text) for p in limit["chapters"] if p in pages):
                messages.append(f"docs/data/limits.yml: limit {limit['id']!r}: the mention {mention!r} "
                                "is in none of its chapters")
    return messages


def stale(limits: list[dict], today: date) -> list[str]:
    """The limits whose last check is more than twelve months old."""
    messages = []
    for limit in limits:
        if "verified" not in limit:
            continue
        age = (today - date.fromisoformat(limit["verified"])).days
        if age > STALE_AFTER_DAYS:
            messages.append(f"docs/data/limits.yml: limit {limit['id']!r} was last verified on "
                            f"{limit['verified']}, {age} days ago; read it again on {limit['source']} "
                            "and update 'verified' (and the value, if AWS changed it)")
    return messages


def by_service(limits: list[dict]) -> dict[str, list[dict]]:
    """Service id -> its limits, services in the order the file first names them."""
    grouped: dict[str, list[dict]] = {}
    for limit in limits:
        grouped.setdefault(limit["service"], []).append(limit)
    return grouped
