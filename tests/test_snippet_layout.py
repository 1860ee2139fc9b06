"""The snippet layout rules (`guidebuild.snippets`): each bad page is refused with a message that
names the page, the line and the snippet; sections are read exactly as pymdownx.snippets reads them."""

import re
from pathlib import Path

import markdown
import pytest
from guidebuild.snippets import SnippetError, Snippets

ROOT = Path(__file__).resolve().parents[1]

DEMO = '''"""A demo example."""
# --8<-- [start:one]
a = 1
# --8<-- [end:one]

# --8<-- [start:two]
b = a + 1
# --8<-- [start:inner]
c = b
# --8<-- [end:inner]
# --8<-- [end:two]
# --8<-- [start:empty]

# --8<-- [end:empty]
'''

FENCE = '```python exec="on" source="above" result="output"{extra}\n{body}\n```\n'


def fence(*targets: str, extra: str = "", code: str = "") -> str:
    body = "\n".join(f'--8<-- "{target}"' for target in targets) + (f"\n{code}" if code else "")
    return FENCE.format(extra=extra, body=body)


@pytest.fixture
def project(tmp_path) -> Snippets:
    tmp_path = tmp_path / "project"  # tmp_path itself links the real snippets/ (examples_plugin)
    tmp_path.mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [snippets, .]\n", encoding="utf-8"
    )
    folder = tmp_path / "snippets" / "1-ch" / "1-1-page"
    folder.mkdir(parents=True)
    (folder / "demo.py").write_text(DEMO, encoding="utf-8")
    (folder / "broken.py").write_text('"""Broken."""\n# --8<-- [start:bad]\nif True\n# --8<-- [end:bad]\n')
    (folder / "unclosed.py").write_text('"""Unclosed."""\n# --8<-- [start:open]\nx = 1\n')
    return Snippets.of_project(tmp_path / "mkdocs.yml")


def problems(project: Snippets, page: str, text: str) -> list[str]:
    with pytest.raises(SnippetError) as caught:
        project.check_page(page, text)
    return caught.value.problems


PAGE = "1-ch/1-1-page.md"
DEMO_PATH = "1-ch/1-1-page/demo.py"


def test_a_sound_page_gets_sessions_named_after_the_file(project):
    text = "# Page\n\n" + fence(f"{DEMO_PATH}:one") + "\nProse.\n\n" + fence(f"{DEMO_PATH}:two")
    examples = project.check_page(PAGE, text)
    assert [[s.name for _, s in e.includes] for e in examples] == [["one"], ["two"]]
    named = project.prepare_page(PAGE, text)[0].split("\n")
    assert named[2].endswith(' session="1-ch/1-1-page/demo"')
    assert named[8].endswith(' session="1-ch/1-1-page/demo"')
    assert examples[1].source().split("\n")[6] == "b = a + 1", "code keeps the file's line numbers"


def test_line_numbers_count_the_front_matter(project):
    text = fence(f"{DEMO_PATH}:two") + fence(f"{DEMO_PATH}:one")
    assert problems(project, PAGE, text)[0].startswith(f"docs/{PAGE}:5: shows section 'one'")
    with pytest.raises(SnippetError, match=rf"^docs/{PAGE}:9: shows section 'one'"):
        project.check_page(PAGE, text, line_offset=4)  # what MkDocs hands a hook after front matter


def test_a_snippet_included_by_another_page(project):
    assert problems(project, "1-ch/other.md", fence(f"{DEMO_PATH}:one")) == [
        "docs/1-ch/other.md:2: includes snippets/1-ch/1-1-page/demo.py, which belongs to "
        "docs/1-ch/1-1-page.md (a snippet's folder is named after its page)"
    ]


def test_sections_out_of_file_order_or_twice(project):
    text = fence(f"{DEMO_PATH}:two") + fence(f"{DEMO_PATH}:one") + fence(f"{DEMO_PATH}:one")
    assert problems(project, PAGE, text) == [
        f"docs/{PAGE}:5: shows section 'one' of snippets/{DEMO_PATH} (line 3) after section 'two' "
        "(line 7, shown at line 2); show a file's sections once each, in file order",
        f"docs/{PAGE}:8: shows section 'one' of snippets/{DEMO_PATH} (line 3) after section 'one' "
        "(line 3, shown at line 5); show a file's sections once each, in file order",
    ]


def test_a_missing_section_file_or_line_range(project):
    text = fence(f"{DEMO_PATH}:three") + fence("1-ch/1-1-page/nope.py:one") + fence(f"{DEMO_PATH}:1:3")
    assert problems(project, PAGE, text) == [
        f'docs/{PAGE}:2: --8<-- "{DEMO_PATH}:three": snippets/{DEMO_PATH} has no section \'three\' '
        "(a '# --8<-- [start:three]' line and an '[end:three]' line)",
        f'docs/{PAGE}:5: --8<-- "1-ch/1-1-page/nope.py:one": no file 1-ch/1-1-page/nope.py under the '
        "snippet base paths",
        f'docs/{PAGE}:8: --8<-- "{DEMO_PATH}:1:3": name a section (file.py:name), not line numbers',
    ]


def test_an_empty_section(project):
    assert problems(project, PAGE, fence(f"{DEMO_PATH}:empty")) == [
        f"docs/{PAGE}:2: section 'empty' of snippets/{DEMO_PATH} is empty"
    ]


def test_a_fence_with_code_two_files_or_a_session_by_hand(project):
    text = (fence(f"{DEMO_PATH}:one", code="print(a)")
            + fence(f"{DEMO_PATH}:two", "1-ch/1-1-page/broken.py:bad")
            + fence("1-ch/1-1-page/unclosed.py:open"))
    found = problems(project, PAGE, text)
    assert found[0] == (f"docs/{PAGE}:1: a fence that includes a snippet holds nothing else (line 3 "
                        "is not an include); put the code in the snippet file")
    assert found[1] == (f"docs/{PAGE}:5: includes sections of snippets/1-ch/1-1-page/broken.py and "
                        f"snippets/{DEMO_PATH}; one fence shows one file")
    assert found[2] == (f'docs/{PAGE}:10: --8<-- "1-ch/1-1-page/unclosed.py:open": '
                        "snippets/1-ch/1-1-page/unclosed.py:2: [start:open] without an [end:open]")


def test_a_handwritten_session(project):
    assert problems(project, PAGE, fence(f"{DEMO_PATH}:one", extra=' session="mine"')) == [
        f'docs/{PAGE}:1: remove session="mine": the session of a fence that includes '
        f"snippets/{DEMO_PATH} is named after the file"
    ]


def test_output_is_shown_with_the_output_fence(project):
    fence_text = fence(f"{DEMO_PATH}:one").replace('result="output"', 'result="text"')
    assert problems(project, PAGE, fence_text) == [
        f'docs/{PAGE}:1: write result="output", not result="text": the guide shows what an '
        "example prints in a labelled output block"
    ]


FOLDED_DEMO = '''"""Set-up and clean-up."""
# --8<-- [start:setup]
# Set-up: the "demo" bucket
bucket = "demo"
# --8<-- [end:setup]
# --8<-- [start:use]
print(bucket)
# --8<-- [end:use]
# --8<-- [start:cleanup]
del bucket
# --8<-- [end:cleanup]
'''


def test_set_up_is_folded_under_its_comment_and_still_runs_in_place(project):
    (project.snippets_dir / "1-ch" / "1-1-page" / "folded.py").write_text(FOLDED_DEMO, encoding="utf-8")
    target = "1-ch/1-1-page/folded.py"
    text = "Prose.\n\n" + fence(f"{target}:setup") + "\n" + fence(f"{target}:use")
    prepared, examples = project.prepare_page(PAGE, text, line_offset=3)
    assert prepared.split("\n") == [
        "Prose.",
        "",
        '??? example-fold "Set-up: the \'demo\' bucket (runs before the steps below)"',
        "",
        '    ```python exec="on" source="above" result="output" session="1-ch/1-1-page/folded"',
        f'    --8<-- "{target}:setup"',
        "    ```",
        "",
        '```python exec="on" source="above" result="output" session="1-ch/1-1-page/folded"',
        f'--8<-- "{target}:use"',
        "```",
        "",
    ]
    assert [example.line for example in examples] == [6, 10], "lines of the page as written"
    snippets = {"pymdownx.snippets": {"base_path": [str(project.snippets_dir)]}}
    md = markdown.Markdown(extensions=["pymdownx.snippets", "pymdownx.details", "pymdownx.superfences"],
                           extension_configs=snippets)
    rendered = md.convert(re.sub(r' exec="on".*', "", prepared))  # as a plain fence
    assert rendered.startswith('<p>Prose.</p>\n<details class="example-fold">\n<summary>Set-up: ')
    assert '<span class="s2">"demo"</span>' in rendered.split("</details>")[0], "the code is in the fold"


def test_set_up_and_clean_up_need_their_comment_and_a_fence_of_their_own(project):
    (project.snippets_dir / "1-ch" / "1-1-page" / "folded.py").write_text(FOLDED_DEMO, encoding="utf-8")
    target = "1-ch/1-1-page/folded.py"
    text = fence(f"{target}:setup", f"{target}:use") + fence(f"{target}:cleanup")
    assert problems(project, PAGE, text) == [
        f"docs/{PAGE}:1: section 'setup' of snippets/{target} is shown folded, in a fence of its own: "
        "include nothing else in this fence",
        f"snippets/{target}:10: section 'cleanup' must start with a '# Clean-up: what it does' "
        f"comment, the summary the page shows it folded under (included by docs/{PAGE}:5)",
    ]


def test_an_example_that_does_not_compile(project):
    text = fence("1-ch/1-1-page/broken.py:bad")
    with pytest.raises(SnippetError, match="broken.py") as caught:
        project.check_page(PAGE, text)
    assert caught.value.problems[0].startswith("snippets/1-ch/1-1-page/broken.py:3: ")
    assert caught.value.problems[0].endswith(f"(included by docs/{PAGE}:1)")


def test_unmatched_markers(project):
    path = project.snippets_dir / "1-ch" / "1-1-page" / "markers.py"
    path.write_text("# --8<-- [end:a]\n# --8<-- [start:b]\n# --8<-- [start:b]\n", encoding="utf-8")
    with pytest.raises(SnippetError) as caught:
        project.sections(path)
    assert caught.value.problems == [
        "snippets/1-ch/1-1-page/markers.py:1: [end:a] without a [start:a] before it",
        "snippets/1-ch/1-1-page/markers.py:3: a second [start:b]",
        "snippets/1-ch/1-1-page/markers.py:2: [start:b] without an [end:b]",
    ]


def test_escaped_and_block_includes(project):
    escaped = '```python\n;--8<-- "x.py:one"\n```\n'
    assert project.check_page(PAGE, escaped) == []
    assert problems(project, PAGE, "--8<--\nfile.py\n--8<--\n")[0] == (
        f'docs/{PAGE}:1: --8<--: write one include per line: --8<-- "file.py:section"'
    )


def test_a_longer_fence_holds_a_shorter_one(project):
    text = "````markdown\n" + fence(f"{DEMO_PATH}:one") + "````\n"
    assert project.check_page(PAGE, text) == [], "an include shown inside a Markdown example is no example"


def test_sections_match_what_pymdownx_includes():
    """Every section of every snippet reads the same as the build includes it."""
    project = Snippets.of_project(ROOT / "mkdocs.yml")
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={
        "pymdownx.snippets": {"base_path": [str(ROOT / "snippets"), str(ROOT)], "check_paths": True}})
    checked = 0
    for path in sorted((ROOT / "snippets").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for name, section in project.sections(path).items():
            target = f"{path.relative_to(ROOT / 'snippets').as_posix()}:{name}"
            included = md.preprocessors["snippet"].run([f'--8<-- "{target}"'])
            shown = [line for line in lines[section.first - 1:section.last] if "--8<--" not in line]
            assert included == shown, f"{target}: pymdownx includes other lines"
            assert section.code.split("\n")[:-1] == [
                "" if "--8<--" in line else line for line in lines[section.first - 1:section.last]
            ]
            checked += 1
    assert checked >= 50, f"only {checked} sections checked"
