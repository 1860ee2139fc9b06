"""MkDocs hook: in the print page (the PDF's source), long code lines keep their indentation when
they wrap (see `guidebuild.markup.hanging_indents`).

Runs after print-site has written print_page.html (hooks run after plugins), on that file only.
"""

from pathlib import Path

from guidebuild.markup import hanging_indents


def on_post_build(config, **kwargs):
    print_page = Path(config["site_dir"]) / "print_page.html"
    if print_page.is_file():
        print_page.write_text(hanging_indents(print_page.read_text(encoding="utf-8")), encoding="utf-8")
