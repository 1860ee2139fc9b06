"""MkDocs hook: the "Report a problem with this page" links under every page (guidebuild.report).

The links go in the page's template (overrides/main.html), not in its Markdown, so they stay out of
the search index and out of the print edition, whose cover prints the edition to quote instead.
A page with examples that run also gets a link for a broken example.
"""

from guidebuild import guide, report
from guidebuild.snippets import EXECUTES


def on_page_context(context, page, config, **kwargs):
    src = page.file.src_uri
    source = guide.for_build(config).pages.get(src)
    if source is None and not src.endswith(".py"):  # a page no file under docs/ holds (print page)
        return context
    has_examples = source is None or bool(EXECUTES.search(source.text))  # a notebook runs
    context["report_links"] = report.page_urls(src, page.title, has_examples)
    return context
