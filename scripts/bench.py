"""`make bench`: measure the project and record the numbers.

Writes `scripts/bench-results.json` and rewrites the table between the bench markers in README.md.
Nothing here asserts a time: timings depend on the machine, so they are recorded and compared with
the targets, never turned into tests that could fail at random.

Measured: install time into a fresh virtual environment (from the lock, with uv's download cache
as it is on this machine), cold and warm strict build, `make test` (which also makes the PDF and
the offline zip), the PDF, page weights, Lighthouse scores and the number of executed examples.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from guidebuild.env import build_environ
from guidebuild.paths import ROOT, notebooks

BIN = ROOT / ".venv" / "bin"
RESULTS = ROOT / "scripts" / "bench-results.json"
README = ROOT / "README.md"
ENV = build_environ()  # what the Makefile exports, as `make build` and `make test` run
TARGETS = {"strict build (s)": 20, "make test after install (s)": 180, "PDF (s)": 60,
           "PDF size (MB)": 15, "most executions of one section": 2}


def timed(command: list[str], **kwargs) -> float:
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return round(time.monotonic() - started, 1)


def install_time() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([venv / "bin" / "pip", "install", "-q", "--require-hashes", "--no-deps",
                        "-r", ROOT / ".ci" / "uv-requirements.txt"], check=True)
        subprocess.run([venv / "bin" / "uv", "pip", "sync", "-q", "--python", venv / "bin" / "python",
                        "--require-hashes", "--compile-bytecode", ROOT / "requirements.lock"], check=True)
        return round(time.monotonic() - started, 1)


def executed_examples() -> dict[str, int]:
    """How often `make test` executes each example section, counted with the tools' own parsers.

    A section runs once in the build for each `exec` fence that shows it, once for each
    pytest-markdown-docs item whose code includes it (an item that continues a session repeats the
    session's earlier fences), and once as part of its whole file (tests/test_snippets.py).
    """
    sys.path[:0] = [str(ROOT), str(ROOT / "snippets")]  # tests.examples_plugin imports mlsguide
    from guidebuild.snippets import Snippets
    from pytest_markdown_docs.plugin import extract_fence_tests

    from tests.examples_plugin import pytest_markdown_docs_markdown_it  # the parser pytest uses

    snippets = Snippets.of_project(ROOT / "mkdocs.yml")
    runs: dict[tuple[Path, str | None], int] = {}
    fence_items = 0
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for example in snippets.check_page(page.relative_to(ROOT / "docs").as_posix(), text):
            for _, section in example.includes:
                key = (section.file, section.name)
                runs[key] = runs.get(key, 0) + (1 if example.executes else 0) + 1  # build, whole file
        for item in extract_fence_tests(pytest_markdown_docs_markdown_it(), text, 0, page):
            fence_items += 1
            for line in item.source.split("\n"):
                target = snippets.include_target(line)
                if target:
                    section = snippets.resolve(target)
                    runs[(section.file, section.name)] += 1
    for guide in (ROOT / "README.md", ROOT / "CONTRIBUTING.md"):
        fence_items += len(list(extract_fence_tests(
            pytest_markdown_docs_markdown_it(), guide.read_text(encoding="utf-8"), 0, guide)))
    files = [p for p in (ROOT / "snippets").rglob("*.py") if "mlsguide" not in p.parts]
    return {"snippet files": len(files), "snippet sections shown": len(runs),
            "section executions per make test": sum(runs.values()),
            "most executions of one section": max(runs.values(), default=0),
            "Python fences run by pytest-markdown-docs": fence_items,
            "notebooks": len(notebooks())}


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def lighthouse() -> dict | None:
    out = ROOT / "build" / "lighthouse.json"
    subprocess.run([BIN / "python", ROOT / "scripts" / "lighthouse.py", "--out", out], cwd=ROOT,
                   env=ENV, check=False)
    return read_json(out)


def table(results: dict) -> str:
    rows = [("Measure", "Result", "Target")]
    rows.append(("Install into a fresh venv (s)", results["install (s)"], ""))
    rows.append(("Strict build, cold / warm (s)",
                 f"{results['strict build cold (s)']} / {results['strict build warm (s)']}",
                 f"< {TARGETS['strict build (s)']}"))
    rows.append(("`make test` after install (s)", results["make test (s)"],
                 f"< {TARGETS['make test after install (s)']}"))
    pdf = results.get("pdf") or {}
    rows.append(("PDF: time (s) / pages / size (MB)",
                 f"{pdf.get('seconds')} / {pdf.get('pages')} / {round(pdf.get('bytes', 0) / 1e6, 1)}",
                 f"< {TARGETS['PDF (s)']} s, < {TARGETS['PDF size (MB)']} MB"))
    weights = results.get("page weights (KB)") or {}
    if weights:
        heaviest = max(weights, key=weights.get)
        rows.append(("Heaviest page (KB, compressed)", f"{heaviest}: {weights[heaviest]}",
                     "< 400, < 1,200 with a diagram"))
    for name, value in results["executed examples"].items():
        rows.append((f"Executed: {name}", value, f"≤ {TARGETS[name]}" if name in TARGETS else ""))
    scores = results.get("lighthouse") or {}
    for page, presets in sorted(scores.items()):
        for preset, cats in sorted(presets.items()):
            text = " · ".join(f"{k} {v:.2f}" for k, v in cats.items())
            rows.append((f"Lighthouse {preset}: {page}", text, "1.00 (perf ≥ 0.95 desktop, ≥ 0.90 mobile)"))
    lines = [f"| {' | '.join(str(c) for c in row)} |" for row in rows]
    lines.insert(1, "|---|---|---|")
    return "\n".join(lines)


def lighthouse_scores(report) -> dict:
    """{page: {preset: {category: score}}} from build/lighthouse.json."""
    scores: dict = {}
    for run in (report or {}).get("results", []):
        cats = {k: v for k, v in run["scores"].items() if v is not None}
        scores.setdefault(run["page"], {})[run["preset"]] = cats
    return scores


def main() -> None:
    if not (BIN / "mkdocs").exists():
        sys.exit("run `make install` (or `make test`) first")
    results: dict = {"date": date.today().isoformat(), "machine": f"{platform.machine()}, "
                     f"{os.cpu_count()} CPUs, Python {platform.python_version()}"}
    print("install ...", flush=True)
    results["install (s)"] = install_time()
    print("strict build, cold and warm ...", flush=True)
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    results["strict build cold (s)"] = timed([BIN / "mkdocs", "build", "--strict", "--clean", "-q"])
    results["strict build warm (s)"] = timed([BIN / "mkdocs", "build", "--strict", "--clean", "-q"])
    print("make test ...", flush=True)
    results["make test (s)"] = timed(["make", "test"])
    results["pdf"] = read_json(ROOT / "build" / "pdf-report.json")
    weights = read_json(ROOT / "build" / "page-weights.json") or {}
    results["page weights (KB)"] = {k: round(v / 1000) for k, v in sorted(weights.items())}
    results["executed examples"] = executed_examples()
    print("lighthouse ...", flush=True)
    results["lighthouse"] = lighthouse_scores(lighthouse())
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = README.read_text(encoding="utf-8")
    measured = f"Measured on {results['date']} ({results['machine']})."
    block = f"<!-- bench:start -->\n{table(results)}\n\n{measured}\n<!-- bench:end -->"
    README.write_text(re.sub(r"<!-- bench:start -->.*?<!-- bench:end -->", block, text, flags=re.S),
                      encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
