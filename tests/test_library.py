"""The build library's plumbing: paths and URLs, the build environment, the question-bank format,
the fixed practice exams and notebook execution (guidebuild.paths, .env, .bank, .practice,
.notebooks)."""

import os
import subprocess
import textwrap

import pytest
from guidebuild import bank, env, notebooks, paths, practice

# ---------------------------------------------------------------------------------------------
# Paths and URLs


@pytest.mark.parametrize(("page", "html", "directories"), [
    ("index.md", "index.html", ""),
    ("exam.md", "exam.html", "exam/"),
    ("1-data-engineering/index.md", "1-data-engineering/index.html", "1-data-engineering/"),
    ("1-data-engineering/1-2-data-ingestion.md", "1-data-engineering/1-2-data-ingestion.html",
     "1-data-engineering/1-2-data-ingestion/"),
    ("3-modeling/3-5-walkthrough.py", "3-modeling/3-5-walkthrough.html", "3-modeling/3-5-walkthrough/"),
])
def test_page_url(page, html, directories):
    assert paths.page_url(page, use_directory_urls=False) == html
    assert paths.page_url(page, use_directory_urls=True) == directories


@pytest.mark.parametrize(("from_page", "to_page", "link"), [
    ("exam.md", "1-data-engineering/index.md", "1-data-engineering/index.md"),
    ("reference/answer-key.md", "1-data-engineering/1-2-data-ingestion.md",
     "../1-data-engineering/1-2-data-ingestion.md"),
    ("1-data-engineering/1-2-data-ingestion.md", "1-data-engineering/1-2-data-ingestion.md",
     "1-2-data-ingestion.md"),
    ("1-data-engineering/index.md", "3-modeling/3-5-evaluate-models.md",
     "../3-modeling/3-5-evaluate-models.md"),
])
def test_relative_link(from_page, to_page, link):
    assert paths.relative_link(from_page, to_page) == link


def test_site_file(tmp_path):
    (tmp_path / "reference").mkdir()
    prefix = paths.site_path()
    assert prefix == "/mls-c01-guide/"
    assert paths.site_file(tmp_path, prefix) == tmp_path / "index.html"
    assert paths.site_file(tmp_path, "") == tmp_path / "index.html"
    assert paths.site_file(tmp_path, prefix + "reference") == tmp_path / "reference/index.html"
    assert paths.site_file(tmp_path, "reference/") == tmp_path / "reference/index.html"
    assert paths.site_file(tmp_path, prefix + "exam.html#top") == tmp_path / "exam.html"
    assert paths.site_file(tmp_path, "/a%20b.html?x=1") == tmp_path / "a b.html"


def test_built_page_and_the_sites_url_style(tmp_path):
    assert paths.uses_directory_urls() is False, "the offline plugin gives every page a .html URL"
    page, folder = "1-data-engineering/1-2-data-ingestion.md", tmp_path / "1-data-engineering"
    assert paths.built_page(tmp_path, page, False) == folder / "1-2-data-ingestion.html"
    assert paths.built_page(tmp_path, page, True) == folder / "1-2-data-ingestion" / "index.html"


def test_page_sources_are_the_pages_not_the_data():
    sources = paths.page_sources()
    assert "index.md" in sources and "3-modeling/3-5-walkthrough.py" in sources
    assert not [s for s in sources if s.startswith("data/")]
    assert paths.notebooks() == [paths.DOCS / "3-modeling/3-5-walkthrough.py"]


# ---------------------------------------------------------------------------------------------
# The build environment: read from the Makefile, so nothing can drift from it


def test_the_build_environment_is_what_make_exports():
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")}
    done = subprocess.run(["make", "--no-print-directory", "-s", "--eval", "print-env: ; @env", "print-env"],
                          cwd=paths.ROOT, env=clean, capture_output=True, text=True, check=True)
    exported = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    ours = {k: v for k, v in exported.items() if k not in clean and not k.startswith("MAKE")
            and k not in ("MFLAGS", "PWD", "SHLVL", "_", "OLDPWD")}
    assert ours == env.BUILD_ENV
    assert env.BUILD_ENV["PYTHONHASHSEED"] == "0" and env.BUILD_ENV["MLSGUIDE_OFFLINE"] == "1"


def test_an_export_the_reader_would_miss_is_an_error():
    assert env.read_makefile_exports("export A := 1\nexport B = two words\n") == {"A": "1", "B": "two words"}
    with pytest.raises(ValueError, match=r"Makefile:2: write exports as `export NAME := plain value`"):
        env.read_makefile_exports("export A := 1\nexport B := $(A)\n")
    with pytest.raises(ValueError, match=r"Makefile:1: "):
        env.read_makefile_exports("export A\n")


def test_build_environ_adds_the_build_environment():
    assert env.build_environ({"PYTHONHASHSEED": "random", "X": "1"}) == {**env.BUILD_ENV, "X": "1"}


# ---------------------------------------------------------------------------------------------
# The question-bank format


def test_the_bank_reads_back_what_was_written_in_parts(tmp_path):
    question = {"id": "q", "task": "1.2", "domain": "1", "kind": "single", "choose": 1,
                "stem": "<p>é</p>", "answer": ["a"], "link": "x.html#y"}
    in_quiz = {**question, "id": "z", "where": "1-2.html#z"}
    written = {"domains": [{"id": "1", "title": "D", "weight": 100, "tasks": ["1.2"]}],
               "tasks": {"1.2": "Ingest"}, "chapters": {"1.2": "1-2.html"}, "pages": {"exam": "e.html"},
               "questions": [question], "quiz": [in_quiz], "exams": [["q"]], "quiz_count": 1}
    index, part = bank.write(tmp_path, written)
    assert index == tmp_path / "assets/javascripts/question-bank.js"
    assert part == tmp_path / "assets/javascripts/question-bank-1.js"
    assert index.read_text(encoding="utf-8").startswith("window.MLSGUIDE_BANK = {")
    assert "stem" not in index.read_text(encoding="utf-8"), "texts load with the attempt, not the page"
    assert '"stem": "<p>é</p>"' in part.read_text(encoding="utf-8")
    assert bank.read(tmp_path) == written
    part.write_text('{"q": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match="question-bank-1.js does not have the format"):
        bank.read(tmp_path)


# ---------------------------------------------------------------------------------------------
# The fixed practice exams (guidebuild.practice), on synthetic pools

BLUEPRINT = [{"id": "1", "weight": 20, "tasks": ["1.1", "1.2", "1.3"]},
             {"id": "2", "weight": 24, "tasks": ["2.1", "2.2", "2.3"]},
             {"id": "3", "weight": 36, "tasks": ["3.1", "3.2", "3.3", "3.4", "3.5"]},
             {"id": "4", "weight": 20, "tasks": ["4.1", "4.2", "4.3", "4.4"]}]


def _pool(per_task, multiple_every=5):
    """per_task: questions in each task statement; every `multiple_every`-th is multiple response."""
    return [{"id": f"{t}-q{i}", "task": t, "domain": d["id"],
             "kind": "multiple" if i % multiple_every == 0 else "single"}
            for d in BLUEPRINT for t in d["tasks"] for i in range(per_task)]


def _exam_of(exams):
    return {qid: n for n, ids in enumerate(exams) for qid in ids}


def test_the_targets_are_the_exams_proportions():
    assert practice.targets(BLUEPRINT) == {"1": 13, "2": 16, "3": 23, "4": 13}
    assert practice.targets(BLUEPRINT, 20) == {"1": 4, "2": 5, "3": 7, "4": 4}


def test_five_full_disjoint_exams_spread_over_tasks_and_kinds():
    pool = _pool(per_task=28)
    exams = practice.fixed_exams(BLUEPRINT, pool)
    by_id = {q["id"]: q for q in pool}
    assert len(exams) == 5
    assert all(len(ids) == 65 for ids in exams)
    assert len({qid for ids in exams for qid in ids}) == 5 * 65, "a question is in two exams"
    share = sum(q["kind"] == "multiple" for q in pool) / len(pool)
    for ids in exams:
        per_domain = {d["id"]: sum(by_id[q]["domain"] == d["id"] for q in ids) for d in BLUEPRINT}
        assert per_domain == {"1": 13, "2": 16, "3": 23, "4": 13}
        per_task = [sum(by_id[q]["task"] == t for q in ids) for d in BLUEPRINT for t in d["tasks"]]
        assert min(per_task) >= 3, per_task  # 13 over 3 tasks, 23 over 5, 13 over 4: none starved
        multiple = sum(by_id[q]["kind"] == "multiple" for q in ids)
        assert abs(multiple - share * 65) <= 3, (multiple, share * 65)


def test_the_pool_makes_as_many_full_exams_as_it_fills():
    assert len(practice.fixed_exams(BLUEPRINT, _pool(per_task=16))) == 3  # domain 2: 48 // 16
    assert practice.fixed_exams(BLUEPRINT, _pool(per_task=4)) == []  # domain 2: 12 < 16


def test_the_same_pool_makes_the_same_exams_and_a_new_question_moves_few():
    pool = _pool(per_task=28)
    exams = practice.fixed_exams(BLUEPRINT, pool)
    assert practice.fixed_exams(BLUEPRINT, list(reversed(pool))) == exams, "order of the files matters"
    before = _exam_of(exams)
    for task in ("1.1", "2.3", "3.4", "4.2"):
        added = {"id": f"{task}-new", "task": task, "domain": task[0], "kind": "single"}
        after = _exam_of(practice.fixed_exams(BLUEPRINT, [*pool, added]))
        moved = [qid for qid, n in before.items() if after.get(qid) != n]
        assert len(moved) <= 6, f"adding a question to {task} moved {len(moved)}: {moved}"


# ---------------------------------------------------------------------------------------------
# Notebooks

HEADER = """\
# ---
# jupyter:
#   kernelspec:
#     name: python3
#     display_name: Python 3
#     language: python
# ---
"""


def test_a_failing_cell_is_named(tmp_path):
    notebook = tmp_path / "demo.py"
    notebook.write_text(HEADER + textwrap.dedent("""
        # %%
        from pathlib import Path
        print(Path.cwd().name)

        # %%
        1 / 0
        """))
    with pytest.raises(notebooks.NotebookError, match=r"demo.py: cell 2 failed:\n(.|\n)*ZeroDivisionError"):
        notebooks.execute(notebook)


def test_a_notebook_runs_in_its_own_folder_and_needs_a_python_kernel(tmp_path):
    folder = tmp_path / "chapter"
    folder.mkdir()
    notebook = folder / "demo.py"
    notebook.write_text(HEADER + textwrap.dedent("""
        # %%
        from pathlib import Path
        print(Path.cwd().name)
        """))
    executed = notebooks.execute(notebook)
    assert executed.cells[0].outputs[0]["text"] == "chapter\n"
    assert executed.cells[0].id == "cell-1"
    notebook.write_text("# %%\nprint(1)\n")
    with pytest.raises(notebooks.NotebookError, match=r"demo.py: the jupytext header needs a Python kernel"):
        notebooks.execute(notebook)
