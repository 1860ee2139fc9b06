"""MkDocs hook: serve the diagram, maths and offline-search libraries from the site itself.

Material would fetch Mermaid from a CDN, KaTeX is not bundled at all, and Material's offline
plugin points its search shim (iframe-worker) at a CDN. All three come from npm (`package.json`,
pinned with integrity hashes in `package-lock.json`) and are copied into `assets/vendor/`;
`overrides/main.html` loads Mermaid and KaTeX only on pages that contain a diagram or maths.

Material's offline plugin (on in every build, so the published site also works from a zip) adds
iframe-worker from a CDN; this hook puts the local copy in its place.
"""

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


def on_config(config, **kwargs):
    # Whichever runs first, only the local shim is left: the offline plugin adds its CDN copy only
    # when no iframe-worker is listed yet, and a CDN copy it has already added is swapped here.
    polyfills = [*(config.extra.get("polyfills") or []), LOCAL_SHIM]
    local = [LOCAL_SHIM if "iframe-worker" in url else url for url in polyfills]
    config.extra["polyfills"] = list(dict.fromkeys(local))
    return config


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    for source, target in VENDORED.items():
        src = ROOT / source
        if not src.exists():
            raise PluginError(
                f"{source} is missing: the site serves Mermaid and KaTeX itself. "
                "Run `make serve` or `make build` (they run `npm ci`) instead of calling mkdocs directly."
            )
        dst = site / target
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copyfile(src, dst)
