"""MkDocs hook: the print page keeps the decision tables' anchors that its links name
(`guidebuild.book.prefix_table_ids`)."""

from pathlib import Path

from guidebuild.book import prefix_table_ids


def on_post_build(config, **kwargs):  # hooks run after plugins: print-site has written its page
    print_page = Path(config["site_dir"]) / "print_page.html"
    if print_page.is_file():
        print_page.write_text(prefix_table_ids(print_page.read_text(encoding="utf-8")), encoding="utf-8")
