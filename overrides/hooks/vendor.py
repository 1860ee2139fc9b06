"""MkDocs hook: serve the fonts and the diagram, maths and offline-search libraries from the site itself.

Material would fetch its fonts from Google Fonts and Mermaid from a CDN, KaTeX is not bundled at
all, and Material's offline plugin points its search shim (iframe-worker) at a CDN. All of them come
from npm (`package.json`, pinned with integrity hashes in `package-lock.json`) and are copied into
`assets/vendor/`; `overrides/main.html` loads Mermaid and KaTeX only on pages that contain a diagram
or maths. Of the Fontsource font packages, only the woff2 files that
`assets/stylesheets/fonts.css` names are copied (with each package's licence).

Material's offline plugin (on in every build, so the published site also works from a zip) adds
iframe-worker from a CDN; this hook puts the local copy in its place.
"""

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
VENDORED = {
    "node_modules/mermaid/dist/mermaid.min.js": "assets/vendor/mermaid/mermaid.min.js",
    "node_modules/mermaid/LICENSE": "assets/vendor/mermaid/LICENSE",
    "node_modules/katex/dist/katex.min.css": "assets/vendor/katex/katex.min.css",
    "node_modules/katex/dist/fonts": "assets/vendor/katex/fonts",
    "node_modules/katex/LICENSE": "assets/vendor/katex/LICENSE",
    "node_modules/iframe-worker/shim/index.js": "assets/vendor/iframe-worker/shim.js",
    "node_modules/iframe-worker/LICENSE": "assets/vendor/iframe-worker/LICENSE",
}
LOCAL_SHIM = "assets/vendor/iframe-worker/shim.js"
FONTS_CSS = "overrides/assets/stylesheets/fonts.css"
FONT_URL = re.compile(r'url\("\.\./vendor/fonts/([^"]*)"\)')
# A Fontsource file name: the package, the subset (latin only), the weight and the style.
FONT_FILE = re.compile(r"(?P<package>[a-z0-9-]+?)-latin-\d{3}-(?:normal|italic)\.woff2")


def font_files(css: str) -> dict[str, str]:
    """The font files a stylesheet names (source in node_modules -> target in the site), and the
    licence of every package they come from."""
    files = {}
    for number, line in enumerate(css.splitlines(), start=1):
        for name in FONT_URL.findall(line):
            found = FONT_FILE.fullmatch(name)
            if not found:
                raise PluginError(f"{FONTS_CSS}, line {number}: {name!r} is not a Fontsource latin "
                                  "woff2 file (name-latin-WEIGHT-normal|italic.woff2)")
            package = f"node_modules/@fontsource/{found['package']}"
            files[f"{package}/files/{name}"] = f"assets/vendor/fonts/{name}"
            files[f"{package}/LICENSE"] = f"assets/vendor/fonts/{found['package']}-LICENSE"
    return files


def on_config(config, **kwargs):
    # Whichever runs first, only the local shim is left: the offline plugin adds its CDN copy only
    # when no iframe-worker is listed yet, and a CDN copy it has already added is swapped here.
    polyfills = [*(config.extra.get("polyfills") or []), LOCAL_SHIM]
    local = [LOCAL_SHIM if "iframe-worker" in url else url for url in polyfills]
    config.extra["polyfills"] = list(dict.fromkeys(local))
    return config


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    fonts = font_files((ROOT / FONTS_CSS).read_text(encoding="utf-8"))
    for source, target in {**VENDORED, **fonts}.items():
        src = ROOT / source
        if not src.exists():
            raise PluginError(
                f"{source} is missing: the site serves its fonts, Mermaid and KaTeX itself. "
                "Run `make serve` or `make build` (they run `npm ci`) instead of calling mkdocs directly."
            )
        dst = site / target
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copyfile(src, dst)
