"""MkDocs hook: the glossary's tooltips, on the first use of a term on each page
(`guidebuild.glossary`; the terms are docs/data/glossary.yml, read and checked with the other data).

The hook adds the tooltips' Markdown extension to the build and turns it on for each page that
gets tooltips: every Markdown page but the Glossary page itself and the book-only pages.
"""

from guidebuild import glossary, guide

_tooltips: glossary.Tooltips | None = None


def on_config(config, **kwargs):
    global _tooltips
    _tooltips = glossary.Tooltips(guide.for_build(config).data.glossary)
    config["markdown_extensions"].append(_tooltips)
    return config


def on_page_markdown(markdown, page, **kwargs):
    src = page.file.src_uri
    _tooltips.active = src.endswith(".md") and src != glossary.PAGE and page.meta.get("book_only") is not True
    return markdown


def on_page_content(html, **kwargs):
    _tooltips.active = False  # nothing converted after the pages (the question bank) gets tooltips
    return html
