"""Where things are: the repository's folders, and how a docs/ page becomes a URL, a link and a file.

Pages are named as MkDocs names them, by their path under `docs/` with forward slashes
(`1-data-engineering/1-2-data-ingestion.md`, the notebook `3-modeling/3-5-walkthrough.py`).
"""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DATA = DOCS / "data"
QUESTIONS = DATA / "questions"
DECISION_TABLES = DATA / "decision-tables"
SNIPPETS = ROOT / "snippets"
MKDOCS_YML = ROOT / "mkdocs.yml"
CACHE = ROOT / ".cache"
BUILD = ROOT / "build"
PAGE_SUFFIXES = (".md", ".py")  # a .py file under docs/ is a jupytext notebook page


def rel(path: Path) -> str:
    """A path as messages show it: relative to the repository when it is inside it."""
    path = Path(path)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


# ---------------------------------------------------------------------------------------------
# mkdocs.yml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its `!!python/name:` and `!ENV` tags (they become None)."""


for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _TolerantLoader.add_multi_constructor(_prefix, lambda loader, suffix, node: None)


@cache
def mkdocs_config() -> dict:
    """mkdocs.yml as data, for code that runs outside a build (tests, scripts)."""
    return yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_TolerantLoader)


def site_path() -> str:
    """site_url's path ("/mls-c01-guide/"): GitHub Pages serves the site there."""
    path = urlsplit(mkdocs_config().get("site_url") or "/").path.strip("/")
    return f"/{path}/" if path else "/"


def uses_directory_urls() -> bool:
    """Whether pages are `a/b/` rather than `a/b.html`. Material's offline plugin, on in every
    build of this site, turns directory URLs off whatever `use_directory_urls` says."""
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in mkdocs_config().get("plugins") or []]
    offline = any(p.removeprefix("material/") == "offline" for p in plugins)
    return bool(mkdocs_config().get("use_directory_urls", True)) and not offline


# ---------------------------------------------------------------------------------------------
# Pages, URLs and built files


def page_sources(docs: Path = DOCS) -> list[str]:
    """Every page of the site, as a docs/ path: Markdown pages and notebooks, not the data files."""
    found = (p.relative_to(docs) for p in docs.rglob("*") if p.suffix in PAGE_SUFFIXES and p.is_file())
    return sorted(p.as_posix() for p in found if p.parts[0] != "data")


def notebooks(docs: Path = DOCS) -> list[Path]:
    """The notebook pages (jupytext .py files under docs/)."""
    return [docs / page for page in page_sources(docs) if page.endswith(".py")]


def page_url(page: str, use_directory_urls: bool) -> str:
    """The site-relative URL MkDocs gives a docs/ page: `a/b.html`, or `a/b/` with directory URLs."""
    path = PurePosixPath(page).with_suffix("")
    if not use_directory_urls:
        return path.as_posix() + ".html"
    if path.name == "index":
        parent = path.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return path.as_posix() + "/"


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link from one docs/ page to another (`../1-data-engineering/x.md`), which MkDocs
    then checks and rewrites like any link an author writes."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def site_file(site: Path, url_path: str) -> Path:
    """The file of the built site that a URL path names: the site's path prefix (see `site_path`)
    is optional, `%xx` escapes are decoded, and a folder means its index.html."""
    path = unquote(urlsplit(url_path).path)
    for prefix in (site_path(), "/"):
        path = path.removeprefix(prefix)
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") or target.is_dir() else target


def built_page(site: Path, page: str, use_directory_urls: bool) -> Path:
    """Where the build writes a docs/ page."""
    return site_file(site, page_url(page, use_directory_urls))
