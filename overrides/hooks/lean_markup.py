"""MkDocs hook: lighter markup for every page (see `guidebuild.markup` for what and why).

Runs on each page's converted HTML before the print page and the search index take their copy, so
the web pages, the PDF and the zip all get the same lighter markup. Figure SVGs are written into
the site beside their page. Code and quizzes are kept out of the search index, which every reader
downloads when they first search (see assets/javascripts/search.js).
"""

from pathlib import Path

from guidebuild.markup import figures_to_files, lighten_code, out_of_search
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(50)  # before print-site (default priority) copies the page into the print page
def on_page_content(html, page, config, **kwargs):
    try:
        html, figures = figures_to_files(html, page.file.dest_uri)
    except ValueError as err:
        raise PluginError(f"docs/{page.file.src_uri}: {err}") from None
    for site_path, svg in figures.items():
        target = Path(config["site_dir"]) / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(svg, encoding="utf-8")
    return out_of_search(lighten_code(html))
