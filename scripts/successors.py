"""Non-blocking check: build this site's mkdocs.yml with the two MkDocs successors.

    .venv/bin/python scripts/successors.py                 # both generators (or: make successors)
    .venv/bin/python scripts/successors.py --only zensical # one of them

MkDocs 1.x is unmaintained and Material for MkDocs is in maintenance mode, so this check shows early
what a move would cost. For each generator it

1. creates (or reuses) a virtual environment in `.cache/successors/<name>/venv` and installs
   `scripts/successors-<name>.lock` into it with `pip install --require-hashes --no-deps` (each lock
   is complete, so pip resolves nothing; to update one, edit `scripts/successors-<name>.in` and
   rerun the `uv pip compile` command in the lock's header, with `.venv/bin/uv`);
2. builds mkdocs.yml into `.cache/successors/<name>/site` with the environment the Makefile
   exports (`guidebuild.env`) and `snippets/` and `overrides/` on PYTHONPATH;
3. records the exit code, duration, warnings and errors (unique messages with counts), the plugins
   and hooks the generator left out, the pages built and which of the guide's features survived.

It writes `build/successors.json` and `build/successors.md`, prints the Markdown summary and exits
0 whatever the generators did: only a bug in this script makes it fail.

ProperDocs (the drop-in fork of MkDocs 1.6.1) builds in place with `--strict` and `--site-dir`.
Zensical has no site-dir option, keeps a cache in `<project>/.cache/` and empties that folder on
`--clean` (which would delete these virtual environments), so it builds a copy of the working tree
(the files git tracks or would track, plus `.git` for page dates) in
`.cache/successors/zensical/project/`, and the site is moved to `.cache/successors/zensical/site`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from guidebuild import bank as question_bank
from guidebuild.env import BUILD_ENV
from guidebuild.paths import ROOT, built_page, page_sources
from guidebuild.shortcodes import SHORTCODES

IMPORT_FOLDERS = ("snippets", "overrides")  # on the path of every build, as `make install` sets it
CACHE = ROOT / ".cache" / "successors"
OUT_JSON = ROOT / "build" / "successors.json"
OUT_MD = ROOT / "build" / "successors.md"
BUILD_TIMEOUT = 1800  # seconds; the MkDocs build takes about one minute here
INSTALL_TIMEOUT = 1800


GENERATORS = {
    "properdocs": {
        "package": "properdocs",
        "in_place": True,
        "command": ["properdocs", "build", "--strict", "--clean", "-f", "mkdocs.yml", "-d", "{site}"],
    },
    "zensical": {
        "package": "zensical",
        "in_place": False,  # see the module docstring: it builds a copy of the working tree
        "command": ["zensical", "build", "--strict", "--clean", "-f", "mkdocs.yml"],
    },
}

# Run with the generator's own Python in the build folder: its version, the plugins and hooks that
# mkdocs.yml configures, and those the generator takes up (None: not known). Private API, so any
# failure only leaves "ignored" to the evidence in the built site.
PROBE = r"""
import json, sys
from importlib.metadata import version
import yaml

class Loader(yaml.SafeLoader):
    pass

for prefix in ("!", "tag:yaml.org,2002:python/"):  # !ENV [...], !!python/name:...
    Loader.add_multi_constructor(prefix, lambda loader, suffix, node: None)
with open("mkdocs.yml", encoding="utf-8") as f:
    config = yaml.load(f, Loader=Loader)
plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins") or []]
result = {"version": version(sys.argv[1]), "plugins": plugins, "hooks": config.get("hooks") or [],
          "plugins_taken_up": None, "hooks_taken_up": None}
try:
    if sys.argv[1] == "zensical":  # its own reading of mkdocs.yml keeps only what it implements
        from zensical.config import parse_config
        taken = {name.replace("_", "-") for name in parse_config("mkdocs.yml")["plugins"]}
        result["plugins_taken_up"] = [p for p in plugins if p.removeprefix("material/") in taken]
    else:  # ProperDocs loads plugins and hooks as MkDocs does (this imports the hooks)
        import properdocs.replacement  # as the CLI does: `import mkdocs...` now finds properdocs
        from properdocs.config import load_config
        taken = {name.removeprefix("material/") for name in load_config("mkdocs.yml")["plugins"]}
        result["plugins_taken_up"] = [p for p in plugins if p.removeprefix("material/") in taken]
        result["hooks_taken_up"] = [h for h in result["hooks"] if h in taken]
except Exception as error:  # a failed probe leaves these unknown; the build still runs
    result["probe_error"] = f"{type(error).__name__}: {error}"
print(json.dumps(result))
"""


def run(cmd, cwd, env=None, timeout=None):
    """Run a command; return (exit code or None on timeout, combined output, seconds)."""
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace", timeout=timeout, check=False)
        return proc.returncode, proc.stdout, time.monotonic() - start
    except subprocess.TimeoutExpired as expired:
        out = expired.output or ""
        out = out.decode(errors="replace") if isinstance(out, bytes) else out
        return None, out + f"\nERROR: timed out after {timeout} s\n", time.monotonic() - start
    except OSError as error:
        return 127, f"ERROR: {error}\n", time.monotonic() - start


# ---------------------------------------------------------------------------------------------
# Environment and build


def ensure_venv(name: str, workdir: Path) -> dict:
    """Create or reuse the generator's virtual environment; install its lock when it changed."""
    lock = ROOT / "scripts" / f"successors-{name}.lock"
    venv = workdir / "venv"
    stamp = venv / ".successors-lock.sha256"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    python = venv / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return {"ok": True, "reused": True, "seconds": 0.0, "lock": lock.relative_to(ROOT).as_posix()}
    if venv.exists():
        shutil.rmtree(venv)
    code, out, secs = run([sys.executable, "-m", "venv", str(venv)], ROOT, timeout=INSTALL_TIMEOUT)
    if code == 0:
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--require-hashes", "--no-deps", "-r", str(lock)]
        code, out2, secs2 = run(pip, ROOT, timeout=INSTALL_TIMEOUT)
        out, secs = out + out2, secs + secs2
    if code == 0:
        stamp.write_text(digest + "\n")
    return {"ok": code == 0, "reused": False, "seconds": round(secs, 1),
            "lock": lock.relative_to(ROOT).as_posix(), "output": tail(out) if code else ""}


def stage_project(dest: Path) -> None:
    """Copy the working tree (what git tracks or would track) and .git into dest."""
    if dest.exists():
        shutil.rmtree(dest)
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, stdout=subprocess.PIPE, check=True).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file():  # a tracked file deleted in the working tree is skipped
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    try:  # the history gives pages their dates; a file git replaces while it is copied is skipped
        shutil.copytree(ROOT / ".git", dest / ".git", ignore=shutil.ignore_patterns("*.lock"))
    except shutil.Error:
        pass
    if (ROOT / "node_modules").is_dir():  # read by the vendor hook, if a generator runs hooks
        (dest / "node_modules").symlink_to(ROOT / "node_modules")


def build_env(venv: Path, project: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(BUILD_ENV)
    # What `make install`'s .pth file gives the guide's own venv: the examples and the build library.
    env["PYTHONPATH"] = os.pathsep.join(str(project / folder) for folder in IMPORT_FOLDERS)
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def check_generator(name: str) -> dict:
    spec = GENERATORS[name]
    workdir = CACHE / name
    workdir.mkdir(parents=True, exist_ok=True)
    site = workdir / "site"
    result = {"name": name, "version": None, "result": None, "exit_code": None, "seconds": None,
              "warnings": [], "errors": [], "ignored": [], "pages": {}, "features": {},
              "site": site.relative_to(ROOT).as_posix(),
              "log": (workdir / "build.log").relative_to(ROOT).as_posix()}

    result["install"] = install = ensure_venv(name, workdir)
    if not install["ok"]:
        result["result"] = "install failed"
        result["errors"] = [{"message": line, "count": 1, "where": []}
                            for line in install["output"].splitlines()[-5:] if line.strip()]
        return result
    venv = workdir / "venv"

    project = ROOT if spec["in_place"] else workdir / "project"
    if not spec["in_place"]:
        try:
            stage_project(project)
        except (OSError, subprocess.CalledProcessError) as error:
            result["result"] = "build failed"
            message = f"could not copy the working tree: {error}"
            result["errors"] = [{"message": message, "count": 1, "where": []}]
            return result
    env = build_env(venv, project)

    probe = run_probe(venv, project, env, spec["package"])
    result["version"] = probe.get("version")
    if probe.get("probe_error"):
        result["probe_error"] = probe["probe_error"]

    if site.exists():
        shutil.rmtree(site)
    cmd = [part.format(site=site) for part in spec["command"]]
    result["command"] = " ".join(cmd)
    code, out, secs = run(cmd, project, env, timeout=BUILD_TIMEOUT)
    if not spec["in_place"] and (project / "site").is_dir():
        shutil.move(project / "site", site)
    (workdir / "build.log").write_text(out, encoding="utf-8")
    result["exit_code"] = code
    result["seconds"] = round(secs, 1)
    result["result"] = "built" if code == 0 else ("timed out" if code is None else "build failed")
    short = {f"{venv}/": "<venv>/", f"{project}/": "", f"{ROOT}/": ""}  # shorter paths in messages
    result["warnings"], result["errors"] = condense(out, short)

    if site.is_dir():
        result["pages"] = count_pages(site)
        result["features"] = check_features(site)
    result["ignored"] = ignored(probe, result["features"])
    return result


def run_probe(venv: Path, project: Path, env: dict, package: str) -> dict:
    code, out, _ = run([str(venv / "bin" / "python"), "-c", PROBE, package], project, env, timeout=600)
    try:
        return json.loads(out.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"probe_error": f"exit {code}: {tail(out, 5)}"}


def ignored(probe: dict, features: dict) -> list[str]:
    """Configured plugins and hooks that the generator leaves out."""
    left_out = []
    if probe.get("plugins_taken_up") is not None:
        left_out += [f"plugin {p}" for p in probe["plugins"] if p not in probe["plugins_taken_up"]]
    if probe.get("hooks_taken_up") is not None:
        left_out += [f"hook {h}" for h in probe["hooks"] if h not in probe["hooks_taken_up"]]
    elif probe.get("hooks") and features and not features["data shortcodes rendered"]["ok"]:
        # Not known from the generator's configuration; the hooks' output is missing from the site.
        left_out += [f"hook {h} (not run)" for h in probe["hooks"]]
    return left_out


def tail(text: str, lines: int = 20) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


# ---------------------------------------------------------------------------------------------
# Condensing the log: unique messages with counts


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# MkDocs/ProperDocs "WARNING -  msg", Zensical "Warning: msg", click "Error: msg", Jupyter
# "[IPKernelApp] WARNING | msg", markdown-exec's "markdown_exec: msg" (Zensical prints logged
# messages bare), Python warnings "file.py:12: DeprecationWarning: msg".
HEAD = re.compile(
    r"^(?:(?P<a>WARNING|ERROR|CRITICAL)\s+-\s+(?P<ma>.*)"
    r"|(?P<b>Warning|Error):\s+(?P<mb>.*)"
    r"|\[\w+\]\s+(?P<c>WARNING|ERROR|CRITICAL)\s+\|\s+(?P<mc>.*)"
    r"|(?P<md>markdown_exec:\s.*)"
    r"|(?P<pw>\S+:\d+):\s+(?P<mw>\w*Warning:\s.*)"
    r"|(?P<ab>Aborted with .*)"
    r"|(?P<tb>Traceback \(most recent call last\):))$"
)
CONTINUATION = re.compile(r"^(?:$|\s|[╭│╰─]|Code block is:$|Output is:$)")
EXCEPTION = re.compile(r"^\s*(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt)\b:?.*$")
LOCATION = re.compile(r"╭─\[\s*(?P<loc>[^\]]+?)\s*\]|<code block: session (?P<session>[^;>]+)")


def condense(text: str, replacements: dict[str, str]) -> tuple[list[dict], list[dict]]:
    for old, new in replacements.items():
        text = text.replace(old, new)
    lines = [ANSI.sub("", line).rstrip() for line in text.splitlines()]
    found = {"warning": Counter(), "error": Counter()}
    where: dict[tuple[str, str], list[str]] = {}
    i = 0
    while i < len(lines):
        m = HEAD.match(lines[i])
        i += 1
        if not m:
            continue
        details = []
        while i < len(lines) and CONTINUATION.match(lines[i]):
            details.append(lines[i])
            i += 1
        if m["tb"]:  # an uncaught exception: its last line is the message
            level, message = "error", lines[i] if i < len(lines) else "Traceback"
            i += 1
        elif m["pw"]:
            level, message = "warning", f"{m['mw']} ({m['pw']})"
        else:
            tag = m["a"] or m["b"] or m["c"] or ("ERROR" if m["ab"] else "WARNING")
            level = "warning" if tag.upper() == "WARNING" else "error"
            message = m["ma"] or m["mb"] or m["mc"] or m["md"] or m["ab"]
            exceptions = [d.strip() for d in details if EXCEPTION.match(d)]
            if exceptions:  # e.g. markdown-exec: the example's own exception
                message = f"{message} -> {exceptions[-1]}"
        key = (level, message[:400])
        found[level][key[1]] += 1
        for d in details:
            loc = LOCATION.search(d)
            if loc:
                spot = loc["loc"] or f"session {loc['session']}"
                if spot not in where.setdefault(key, []):
                    where[key].append(spot)
                break

    def listing(level):
        return [{"message": msg, "count": n, "where": where.get((level, msg), [])[:8]}
                for msg, n in found[level].most_common()]

    return listing("warning"), listing("error")


# ---------------------------------------------------------------------------------------------
# The built site: pages and features


def page_paths(site: Path, source: str) -> list[Path]:
    """Where a docs/ page may land: a generator may or may not keep the offline plugin's .html URLs."""
    return [built_page(site, source, use_directory_urls=directories) for directories in (False, True)]


def count_pages(site: Path) -> dict:
    sources = page_sources()
    missing = [s for s in sources if not any(p.exists() for p in page_paths(site, s))]
    html = [p for p in site.rglob("*.html") if p.name != "404.html"]
    return {"html_files": len(html), "sources": len(sources), "missing": missing}


def check_features(site: Path) -> dict:
    """What survived, counted over the site's pages (not the 404 page, not the print page, which
    repeats every chapter)."""
    html = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in site.rglob("*.html")
            if p.name != "404.html" and not p.relative_to(site).as_posix().startswith("print_page")}

    def count(needle):
        return sum(text.count(needle) for text in html.values())

    def pages_with(needle):
        return sorted(path for path, text in html.items() if needle in text)

    def exists(*paths):
        return any((site / p).exists() for p in paths)

    features = {}

    def feature(name, ok, detail):
        features[name] = {"ok": bool(ok), "detail": detail}

    tables = count('class="decision-table"')
    feature("decision tables rendered", tables > 0, f"{tables} tables")
    left = re.compile(r"<!--\s*(?:" + "|".join(map(re.escape, SHORTCODES)) + r")\b")
    raw = sum(len(left.findall(t)) for t in html.values())
    feature("data shortcodes rendered", raw == 0 and tables > 0,
            f"{raw} shortcodes left as HTML comments (the hooks render them)")
    quizzes, questions = count('class="quiz"'), count('class="quiz-question"')
    feature("quiz markup present", quizzes > 0, f"{quizzes} quizzes, {questions} questions")
    feature("practice-exam question bank", exists(question_bank.FILE),
            f"{question_bank.FILE} (written by the questions hook)")
    figures = count('<figure class="mlsguide-figure"><svg')
    failed = sorted(path for path, text in html.items()  # outputs are highlighted: drop the tags
                    if "Traceback (most recent call last)" in re.sub(r"<[^>]+>", "", text))
    feature("executed example output", figures > 0 and not failed,
            f"{figures} generated figures; tracebacks in {len(failed)} page(s) {' '.join(failed)}".strip())
    vendored = [("mermaid diagrams", 'class="mermaid"', "assets/vendor/mermaid/mermaid.min.js"),
                ("maths (KaTeX, typeset at build)", 'class="katex', "assets/vendor/katex/katex.min.css")]
    for name, marker, library in vendored:  # copied into the site by the vendor hook
        found, served = count(marker), exists(library)
        state = "served" if served else ("linked but missing" if count(library) else "not linked")
        feature(name, found > 0 and served, f"{found} in pages; local {library.split('/')[2]}: {state}")
    dated = pages_with("git-revision-date-localized-plugin")
    feature("last-updated dates", dated, f"{len(dated)} of {len(html)} pages")
    edit = pages_with("/edit/main/docs/")
    feature("edit buttons", edit, f"{len(edit)} of {len(html)} pages")
    index = next((p for p in ("search/search_index.json", "search.json") if (site / p).exists()), None)
    feature("search index", index, index or "none")
    notebook_pages = [s for s in page_sources() if s.endswith(".py")]
    rendered = [s for s in notebook_pages
                if any(p.exists() and "jp-Notebook" in p.read_text(encoding="utf-8", errors="replace")
                       for p in page_paths(site, s))]
    feature("notebook page", notebook_pages and len(rendered) == len(notebook_pages),
            f"{len(rendered)} of {len(notebook_pages)} notebooks rendered as pages")
    feature("print page", exists("print_page/index.html", "print_page.html"),
            "print_page.html (print-site plugin)")
    api = count("doc doc-heading")
    feature("API reference (mkdocstrings)", api > 0, f"{api} documented objects")
    overrides = ROOT / "overrides"
    leaked = sorted(p.relative_to(overrides).as_posix() for p in overrides.rglob("*.py")
                    if (site / p.relative_to(overrides)).exists())
    feature("hook sources not published", not leaked, ", ".join(leaked) or "none in the site")
    return features


# ---------------------------------------------------------------------------------------------
# Report


def summary(report: dict) -> str:
    gens = report["generators"]
    out = ["# MkDocs successors: build check (non-blocking)", "",
           f"{report['generated']} - `{report['command']}`. Each generator builds the unchanged "
           "`mkdocs.yml`; nothing here fails CI.", "",
           "| generator | version | result | exit | seconds | HTML files | missing | warnings | errors |",
           "|---|---|---|---|---|---|---|---|---|"]
    for g in gens:
        pages = g.get("pages") or {}
        out.append(f"| {g['name']} | {g['version'] or '?'} | {g['result']} | {g['exit_code']} "
                   f"| {g['seconds']} | {pages.get('html_files', '-')} "
                   f"| {', '.join(pages.get('missing', [])) or '-'} | "
                   f"{sum(w['count'] for w in g['warnings'])} ({len(g['warnings'])} unique) | "
                   f"{sum(e['count'] for e in g['errors'])} ({len(g['errors'])} unique) |")
    names = [n for g in gens for n in g.get("features", {})]
    if names:
        out += ["", "## Features in the output", "",
                "| feature | " + " | ".join(g["name"] for g in gens) + " |",
                "|---|" + "---|" * len(gens)]
        for name in dict.fromkeys(names):
            cells = []
            for g in gens:
                f = g.get("features", {}).get(name)
                cells.append("-" if f is None else f"{'yes' if f['ok'] else '**no**'}: {f['detail']}")
            out.append(f"| {name} | " + " | ".join(cells) + " |")
    for g in gens:
        install = g["install"]
        how = "reused" if install["reused"] else f"{install['seconds']} s"
        out += ["", f"## {g['name']} {g['version'] or ''}".rstrip(), "",
                f"- command: `{g.get('command', '-')}` (log: `{g['log']}`, site: `{g['site']}`)",
                f"- install ({how}) from `{install['lock']}`{'' if install['ok'] else ': FAILED'}",
                f"- ignored: {', '.join(g['ignored']) or 'nothing'}"]
        if g.get("probe_error"):
            out.append(f"- probe failed: `{g['probe_error'].splitlines()[-1]}`")
        for label in ("errors", "warnings"):
            items = g[label]
            if items:
                out.append(f"- {label}:")
                for item in items[:15]:
                    where = f" [{', '.join(item['where'][:4])}]" if item["where"] else ""
                    out.append(f"  - {item['count']}x `{item['message'][:300]}`{where}")
                if len(items) > 15:
                    out.append(f"  - ... {len(items) - 15} more in `build/successors.json`")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(GENERATORS), action="append",
                        help="check only this generator (repeatable)")
    args = parser.parse_args()
    names = args.only or list(GENERATORS)
    report = {"generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
              "command": ".venv/bin/python scripts/successors.py"
                         + "".join(f" --only {n}" for n in args.only or []),
              "environment": BUILD_ENV | {"PYTHONPATH": os.pathsep.join(IMPORT_FOLDERS)},
              "generators": []}
    for name in names:
        print(f"successors: {name} ...", file=sys.stderr, flush=True)
        report["generators"].append(check_generator(name))
    OUT_JSON.parent.mkdir(parents=True, exist_ok=True)
    OUT_JSON.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    text = summary(report)
    OUT_MD.write_text(text, encoding="utf-8")
    print(text)
    return 0  # non-blocking: what the generators did is in the report, not in the exit code


if __name__ == "__main__":
    sys.exit(main())
