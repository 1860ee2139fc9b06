"""Make a full-size copy of the guide, with a chapter for every task statement, for `make bench`.

The guide will have fifteen chapters and about 375 questions. To measure today what the build, the
tests, the PDF and the practice exam will cost then, this script copies the repository into a
folder and gives every task statement that has no chapter yet a copy of a real chapter: chapter
1.2 for domains 1 and 4, chapter 3.5 for domains 2 and 3 (the heavier one, with maths and
figures, for the larger domains). Each copy gets its own task id and title, its own snippet folder
(so its examples run as its own), its own question file with its own ids, and its place in the
nav, so the copy passes every check the real guide does.

    .venv/bin/python scripts/full_size.py DEST     # writes the copy; prints what it made

The copy is a measuring device, never published: its copied chapters say nothing new.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from guidebuild.pages import chapter_pages, read_pages
from guidebuild.paths import ROOT

TEMPLATES = {"1": "1.2", "2": "3.5", "3": "3.5", "4": "1.2"}  # domain -> template chapter's task


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def copy_tree(dest: Path) -> None:
    """The repository's files as they are in the working tree (tracked and new, not ignored)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def chapters_by_task(docs: Path) -> dict[str, Path]:
    return {task: docs / src for task, src in chapter_pages(read_pages(docs)).items()}


def add_chapter(dest: Path, task: dict, folder: str, template: Path, template_task: str) -> str:
    docs = dest / "docs"
    stem = f"{task['id'].replace('.', '-')}-{slug(task['title'])}"[:48].rstrip("-")
    page_rel = f"{folder}/{stem}.md"
    tmpl_rel = template.relative_to(docs).as_posix()
    text = template.read_text(encoding="utf-8")
    text = text.replace(f'task: "{template_task}"', f'task: "{task["id"]}"', 1)
    text = re.sub(r"^# .*$", f"# {task['id']} {task['title']}", text, count=1, flags=re.M)
    text = text.replace(f"<!-- quiz: {template_task} -->", f"<!-- quiz: {task['id']} -->")
    # The chapter's own snippet folder, a copy of the template's.
    tmpl_snippets = Path(tmpl_rel).with_suffix("").as_posix()
    new_snippets = Path(page_rel).with_suffix("").as_posix()
    shutil.copytree(dest / "snippets" / tmpl_snippets, dest / "snippets" / new_snippets)
    text = text.replace(f'"{tmpl_snippets}/', f'"{new_snippets}/').replace(f"snippets/{tmpl_snippets}/",
                                                                         f"snippets/{new_snippets}/")
    # Links to pages beside the template point back to its folder.
    tmpl_folder = Path(tmpl_rel).parent.as_posix()
    if tmpl_folder != folder:
        text = re.sub(r"\]\((?![a-z]+:|#|\.\./|/)([^)]+)\)", rf"](../{tmpl_folder}/\1)", text)
    (docs / page_rel).write_text(text, encoding="utf-8")
    # Its questions: the template's, with this task's ids and links.
    questions = dest / "docs" / "data" / "questions"
    bank = (questions / f"{template_task}.yml").read_text(encoding="utf-8")
    bank = re.sub(rf'^task: "?{re.escape(template_task)}"?$', f'task: "{task["id"]}"', bank, flags=re.M)
    bank = re.sub(rf"(\bid: ){re.escape(template_task)}-", rf"\g<1>{task['id']}-", bank)
    bank = bank.replace(f"link: {tmpl_rel}#", f"link: {page_rel}#")
    (questions / f"{task['id']}.yml").write_text(bank, encoding="utf-8")
    return page_rel


def add_to_nav(mkdocs_yml: Path, domain_index: str, pages: list[str]) -> None:
    """List the new chapters after the domain's index page, keeping task order with the old ones."""
    lines = mkdocs_yml.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == f"- {domain_index}")
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    end = at + 1
    while end < len(lines) and lines[end].startswith(indent + "- "):
        end += 1
    section = [line.strip()[2:] for line in lines[at + 1 : end]]
    chapters = sorted([p for p in section if p.endswith(".md")] + pages,
                      key=lambda p: [int(n) for n in p.split("/")[-1].split("-")[:2]])
    others = [p for p in section if not p.endswith(".md")]  # notebooks stay after the chapters
    lines[at + 1 : end] = [f"{indent}- {p}" for p in chapters + others]
    mkdocs_yml.write_text("\n".join(lines), encoding="utf-8")


def make_full_size(dest: Path) -> dict[str, list[str]]:
    if dest.exists():
        shutil.rmtree(dest)
    copy_tree(dest)
    # The project's own installs, shared: the copy's .venv holds links to the project's and a stamp
    # of its own, so that `make` in the copy takes them as installed and never installs into them.
    venv = dest / ".venv"
    venv.mkdir()
    for entry in (ROOT / ".venv").iterdir():
        if entry.name != ".installed":
            (venv / entry.name).symlink_to(entry)
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for stamp in (venv / ".installed", dest / ".ci" / ".system-ok", dest / ".ci" / ".browser-ok"):
        stamp.touch()
    blueprint = yaml.safe_load((dest / "docs/data/blueprint.yml").read_text(encoding="utf-8"))
    existing = chapters_by_task(dest / "docs")
    made: dict[str, list[str]] = {}
    for domain in blueprint["domains"]:
        template_task = TEMPLATES[domain["id"]]
        pages = [add_chapter(dest, task, domain["folder"], existing[template_task], template_task)
                 for task in domain["tasks"] if task["id"] not in existing]
        if pages:
            add_to_nav(dest / "mkdocs.yml", f"{domain['folder']}/index.md", pages)
            made[domain["id"]] = pages
    return made


def environment(dest: Path, base: dict[str, str]) -> dict[str, str]:
    """`base` with the copy's build library and snippets ahead of the project's on the path."""
    return {**base, "PYTHONPATH": f"{dest / 'overrides'}:{dest / 'snippets'}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder for the copy (replaced if it exists)")
    args = parser.parse_args()
    made = make_full_size(args.dest.resolve())
    count = sum(map(len, made.values()))
    print(f"{args.dest}: {count} chapters added to the {len(chapters_by_task(args.dest / 'docs')) - count} "
          "that exist")
    for pages in made.values():
        for page in pages:
            print(f"  docs/{page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
