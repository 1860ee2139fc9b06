"""MkDocs hook: every page loads only the stylesheets and scripts it uses.

print-site adds its stylesheets and script to every page, and mkdocstrings adds its stylesheet to
every page, though only the print page and the API reference use them. Each is a request that
blocks the first paint; on Lighthouse's mobile profile the three cost a small page about 0.1 of
its performance score. This hook removes them from the pages that do not use them. (print-site
writes the print page itself, after this hook has run, and keeps them there.)
"""

import re

PRINT_SITE = re.compile(r'\s*<link rel="stylesheet" href="[^"]*css/print-site[^"/]*\.css">'
                        r'|\s*<script src="[^"]*js/print-site\.js"></script>')
MKDOCSTRINGS = re.compile(r'\s*<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">')


def only_what_is_used(html: str) -> str:
    html = PRINT_SITE.sub("", html)
    if 'class="doc doc-' not in html:  # mkdocstrings' markup
        html = MKDOCSTRINGS.sub("", html)
    return html


def on_post_page(output, **kwargs):
    return only_what_is_used(output)


def on_post_template(output_content, template_name, **kwargs):
    return only_what_is_used(output_content) if template_name == "404.html" else output_content
