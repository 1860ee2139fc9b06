"""MkDocs hook: the print page keeps the decision tables' anchors that its links name
(`guidebuild.book.prefix_table_ids`), and its links to pages lose their queries
(`guidebuild.book.drop_link_queries`)."""

from pathlib import Path

from guidebuild.book import drop_link_queries, prefix_table_ids


def on_post_build(config, **kwargs):  # hooks run after plugins: print-site has written its page
    print_page = Path(config["site_dir"]) / "print_page.html"
    if print_page.is_file():
        html = print_page.read_text(encoding="utf-8")
        print_page.write_text(drop_link_queries(prefix_table_ids(html)), encoding="utf-8")
