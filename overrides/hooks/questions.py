"""MkDocs hook: the practice exam's question bank, and the check of every question's link (and of
every glossary term's, which point to headings the same way).

The questions themselves are read and checked with the other data files (`guidebuild.guide`)
and placed in the chapters by the `quiz` shortcode. This hook collects the ids each page ends up
with, checks once every page is converted that each question's `link` names an existing page and
heading, and writes the bank for the practice exam (`guidebuild.bank`).
"""

import re

import markdown as md_lib
from guidebuild import bank, glossary, guide
from guidebuild.schema import DataError

_anchors: dict[str, set[str]] = {}
_dirty = False  # `mkdocs serve --dirty` (make serve) converts only the pages that changed


def on_startup(command, dirty, **kwargs):
    global _dirty
    _dirty = dirty


def on_config(config, **kwargs):
    if not _dirty:  # a dirty rebuild keeps the ids of the pages it does not convert again
        _anchors.clear()
    return config


def on_page_content(html, page, **kwargs):
    _anchors[page.file.src_uri] = set(re.findall(r'\sid="([^"]+)"', html))
    return html


def on_env(env, config, files, **kwargs):
    """All pages are converted by now: check every question's and term's link against the real headings."""
    site = guide.for_build(config)
    problems = bank.link_problems(site, _anchors) + glossary.link_problems(site, _anchors)
    if problems:
        raise DataError(problems)
    return env


def on_post_build(config, **kwargs):
    # One converter, reset for each text: building one per question cost seconds.
    converter = md_lib.Markdown(extensions=config["markdown_extensions"],
                                extension_configs=config["mdx_configs"])
    questions = bank.for_browser(guide.for_build(config), config["use_directory_urls"],
                                 lambda text: converter.reset().convert(text))
    bank.write(config["site_dir"], questions)
