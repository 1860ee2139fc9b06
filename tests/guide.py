"""Shared helpers for the tests: the built site and the chapter pages."""

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"



@cache
def built_site() -> Path:
    """The strict build: `site/` when `make test` built it just before, otherwise a fresh build."""
    given = os.environ.get("MLSGUIDE_SITE_DIR")
    if given:
        return (ROOT / given).resolve()  # relative to the repository, not to a test's scratch cwd
    target = ROOT / ".cache" / "test-site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(target)],
        cwd=ROOT, check=True,
    )
    return target


def chapters() -> list[Path]:
    """Chapter pages: Markdown files whose front matter names a task statement."""
    return sorted(p for p in DOCS.rglob("*.md") if p.read_text(encoding="utf-8").startswith("---\ntask:"))
