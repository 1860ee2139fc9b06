"""MkDocs hook: `make serve` (a dirty build) rebuilds a page when its examples or the data change.

A dirty rebuild converts only the pages whose own source file is newer than their built file.
A chapter's examples live in its snippet folder (`snippets/<page>/`), and its tables and quiz
come from `docs/data/`, so editing either would otherwise leave the preview stale. This hook
marks a page as changed when a file in its snippet folder is newer than its built page, and
every page when a data file is. A full build (`make build`, `make test`) is not affected.
"""

from pathlib import Path

from guidebuild.paths import DATA, SNIPPETS

_dirty = False


def on_startup(command, dirty, **kwargs):
    global _dirty
    _dirty = dirty


def _newest(folder: Path, pattern: str) -> float:
    return max((p.stat().st_mtime for p in folder.rglob(pattern)), default=0.0)


def on_files(files, config, **kwargs):
    if not _dirty:
        return files
    data_changed = _newest(DATA, "*.yml")
    for file in files.documentation_pages():
        built = Path(file.abs_dest_path)
        if not built.is_file():
            continue  # not built yet: MkDocs builds it anyway
        built_at = built.stat().st_mtime
        own_snippets = SNIPPETS / Path(file.src_uri).with_suffix("")
        if data_changed > built_at or (own_snippets.is_dir() and _newest(own_snippets, "*") > built_at):
            file.is_modified = lambda: True
    return files
