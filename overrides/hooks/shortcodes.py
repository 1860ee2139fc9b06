"""MkDocs hook: replace the shortcodes in every page with what they place.

Facts that appear in several places live once, as YAML under `docs/data/`, and pages place them
with a shortcode, an HTML comment on a line of its own (`<!-- decision-table: batch-vs-streaming
-->`, `<!-- quiz: 1.2 -->`...; the list is `guidebuild.shortcodes.SHORTCODES`, the rule for
what counts as one is in docs/contributing.md). When the build starts, every data file, every
chapter and every shortcode is checked (`guidebuild.guide`), so that a mistake stops the build with
its file and line before any page is rendered.
"""

from guidebuild import guide, shortcodes
from guidebuild.pages import read_page


def on_config(config, **kwargs):
    guide.for_build(config)  # read and check everything once, before the pages are built
    return config


def on_page_markdown(markdown, page, config, **kwargs):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    site = guide.for_build(config)
    source = site.pages.get(page.file.src_uri)
    if source is None:  # a page a plugin adds (print-site's print page): no file under docs/
        return shortcodes.expand(markdown, read_page(page.file.src_uri, markdown), site)
    return shortcodes.expand(markdown, source, site, first_line=source.body_line)
