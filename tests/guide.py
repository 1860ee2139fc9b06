"""Shared helpers for the tests: the built site and the chapter pages."""

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

from guidebuild.env import build_environ
from guidebuild.pages import chapter_pages, read_pages
from guidebuild.paths import CACHE, DOCS, ROOT

__all__ = ["DOCS", "ROOT", "built_site", "chapters"]


@cache
def built_site() -> Path:
    """The strict build: `site/` when `make test` built it just before, otherwise a fresh build."""
    given = os.environ.get("MLSGUIDE_SITE_DIR")
    if given:
        return (ROOT / given).resolve()  # relative to the repository, not to a test's scratch cwd
    target = CACHE / "test-site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(target)],
        cwd=ROOT, check=True, env=build_environ(),
    )
    return target


def chapters() -> list[Path]:
    """Chapter pages: the pages whose front matter names a task statement, in task order."""
    found = chapter_pages(read_pages())
    return [DOCS / found[task] for task in sorted(found, key=lambda t: tuple(map(int, t.split("."))))]
