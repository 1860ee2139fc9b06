"""Snippet includes: the one reader of `--8<--` lines, checked against the layout keyed to pages.

A chapter shows an example with a fence that includes named sections of a file in `snippets/`:

    ```python exec="on" source="above" result="output"
    --8<-- "1-data-engineering/1-2-data-ingestion/kinesis_streams.py:put"
    ```

and the file marks each section with a `# --8<-- [start:put]` and a `# --8<-- [end:put]` line.
pymdownx.snippets does the including. This module finds include lines, files and section markers
with pymdownx's own preprocessor (its expressions, its path splitting, its file search), so what it
checks is what the build shows. The rules:

* a snippet's folder mirrors its page: `snippets/1-data-engineering/1-2-data-ingestion/x.py`
  belongs to `docs/1-data-engineering/1-2-data-ingestion.md`, and no other page includes it;
* a page shows each section of a file at most once, in file order, and no section is empty;
* a Python fence that includes a snippet holds nothing else, and sections of one file only;
* that fence's markdown-exec session is not written by hand: it is the file's path
  (`session_name`), so the fences that show one file run in one namespace, top to bottom, as the
  file itself does, and no two pages can share a session;
* an executed example shows what it prints with `result="output"` (`guidebuild.output`);
* sections named `setup` and `cleanup` hold the code that creates and removes what the steps
  between them use; each is shown by a fence of its own and starts with a comment saying what it
  does (`# Set-up: the bucket and the role`). The page shows it folded, in a collapsed block whose
  summary is that comment: still executed in its place, printed open in the PDF.

`check_page` applies the rules to one page and returns its examples. The examples hook calls
`prepare_page` for every page, which checks it, names each fence's session and folds set-up and
clean-up; the tests call `check_page` for every page and compile each example (a static check:
the example runs in the build and, as a whole file, in the tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from mkdocs.utils import yaml_load

PYTHON = ("py", "python", "python3")
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
SESSION = re.compile(r'\bsession="[^"]*"')
EXECUTES = re.compile(r'\bexec="(?:on|true|yes|1)"', re.IGNORECASE)
RESULT = re.compile(r'\bresult="([^"]*)"')
OUTPUT_FENCE = "output"  # guidebuild.output renders it
# Sections shown folded: the word their first line starts with, and what the summary adds.
FOLDED = {"setup": ("Set-up", "runs before the steps below"),
          "cleanup": ("Clean-up", "runs after the steps above")}
FOLD_CLASS = "example-fold"


class SnippetError(Exception):
    """One or more include problems; each line names the page or file, the line and the snippet."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Section:
    """Lines `first` to `last` (1-based) of a snippet file: a named section, or the whole file."""

    file: Path
    name: str | None
    first: int
    last: int
    code: str  # those lines, with other sections' marker lines blank so line numbers stay true

    @property
    def label(self) -> str:
        return f"section '{self.name}'" if self.name else "the whole file"


@dataclass
class Example:
    """A Python fence on a page that includes sections of one snippet file."""

    page: str  # relative to docs/, e.g. "1-data-engineering/1-2-data-ingestion.md"
    line: int  # the fence's opening line
    info: str  # the fence's info string: `python exec="on" ...`
    last: int  # the fence's closing line
    includes: list[tuple[int, Section]] = field(default_factory=list)  # (page line, section)

    @property
    def executes(self) -> bool:
        return bool(EXECUTES.search(self.info))

    @property
    def shows_output(self) -> bool:
        """Whether the build shows what the example prints in an output block."""
        result = RESULT.search(self.info)
        return self.executes and result is not None and result[1] == OUTPUT_FENCE

    @property
    def fold_summary(self) -> str | None:
        """For a set-up or clean-up example, the summary of the block it is folded in; else None."""
        section = self.includes[0][1]
        if section.name not in FOLDED:
            return None
        _, note = FOLDED[section.name]
        first = section.code.lstrip("\n").split("\n", 1)[0]
        return f"{first.removeprefix('#').strip()} ({note})"

    def source(self) -> str:
        """The included code as one program, each line at its line number in the snippet file."""
        text = ""
        for _, section in self.includes:
            text += "\n" * (section.first - 1 - text.count("\n")) + section.code
        return text


@dataclass
class _Fence:
    start: int  # index of the opening line
    end: int  # index of the closing line (or of the last line, for an unclosed fence)
    info: str

    @property
    def is_python(self) -> bool:
        words = self.info.lstrip("{").lstrip(".").split()
        return bool(words) and words[0] in PYTHON


class Snippets:
    """A project's snippet files, found and cut into sections by pymdownx.snippets itself."""

    def __init__(self, root: Path, options: dict):
        """`options`: pymdownx.snippets' options as in mkdocs.yml, `base_path` relative to `root`."""
        self.root = root.resolve()
        self.snippets_dir = self.root / "snippets"
        bases = [str(self.root / base) for base in options.get("base_path", ["."])]
        md = markdown.Markdown(extensions=["pymdownx.snippets"],
                               extension_configs={"pymdownx.snippets": {**options, "base_path": bases}})
        self._pymdownx = md.preprocessors["snippet"]

    @classmethod
    def of_project(cls, config_file: Path) -> Snippets:
        """The snippets of the project that `mkdocs.yml` (`config_file`) configures."""
        config = yaml_load(config_file.read_text(encoding="utf-8"))
        options = next(
            (ext["pymdownx.snippets"] for ext in config.get("markdown_extensions", [])
             if isinstance(ext, dict) and "pymdownx.snippets" in ext),
            None,
        )
        if options is None:
            raise SnippetError([f"{config_file.name}: pymdownx.snippets is not configured"])
        return cls(config_file.parent, options)

    # -- reading files -------------------------------------------------------------------------

    def include_target(self, line: str) -> str | None:
        """`file.py:section` for a one-line include such as `--8<-- "file.py:section"`, else None.

        Escaped (`;--8<--`) and commented-out (`--8<-- ";file"`) lines are not includes; a block
        include (a bare `--8<--` line) is reported, since the checks read one-line includes only.
        """
        match = self._pymdownx.RE_ALL_SNIPPETS.match(line)
        if not match or match["escape"]:
            return None
        if not match["inline_marker"]:
            raise SnippetError(["write one include per line: --8<-- \"file.py:section\""])
        target = match["snippet"][1:-1].strip()
        return None if target.startswith(";") else target

    def resolve(self, target: str) -> Section:
        """The section `file.py:name` (or the whole of `file.py`) names, found as pymdownx finds it."""
        parsed = self._pymdownx.parse_snippet_target(target)
        if parsed is None:
            raise SnippetError(["no file named"])
        if parsed["start"]:
            raise SnippetError(["name a section (file.py:name), not line numbers"])
        found = self._pymdownx.get_snippet_path(parsed["path"])
        if found is None:
            raise SnippetError([f"no file {parsed['path']} under the snippet base paths"])
        path = Path(found).resolve()
        lines = path.read_text(encoding="utf-8").split("\n")
        if parsed["section"] is None:
            return Section(path, None, 1, len(lines), "\n".join(lines))
        name = parsed["section"]
        sections = self.sections(path, lines)
        if name not in sections:
            raise SnippetError([f"{self.relative(path)} has no section '{name}' "
                                f"(a '# --8<-- [start:{name}]' line and an '[end:{name}]' line)"])
        return sections[name]

    def sections(self, path: Path, lines: list[str] | None = None) -> dict[str, Section]:
        """Every named section of a file, read with pymdownx's marker expression."""
        if lines is None:
            lines = path.read_text(encoding="utf-8").split("\n")
        markers: dict[int, tuple[str, str]] = {}
        for index, line in enumerate(lines):
            match = self._pymdownx.match_section(line)
            if match and not match["escape"]:
                markers[index] = (match["type"].lower(), match["name"])
        problems, starts, found = [], {}, {}
        for index, (kind, name) in markers.items():
            where = f"{self.relative(path)}:{index + 1}"
            if kind == "start":
                if name in starts or name in found:
                    problems.append(f"{where}: a second [start:{name}]")
                    continue
                starts[name] = index
            elif name not in starts:
                problems.append(f"{where}: [end:{name}] without a [start:{name}] before it")
            else:
                first = starts.pop(name)
                body = ["" if i in markers else lines[i] for i in range(first + 1, index)]
                found[name] = Section(path, name, first + 2, index, "\n".join(body) + "\n")
        problems += [f"{self.relative(path)}:{i + 1}: [start:{n}] without an [end:{n}]"
                     for n, i in starts.items()]
        if problems:
            raise SnippetError(problems)
        return found

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)

    # -- the layout ----------------------------------------------------------------------------

    def owner_page(self, path: Path) -> str | None:
        """The page a snippet belongs to (its folder, as a path under docs/), or None outside snippets/."""
        if not path.is_relative_to(self.snippets_dir):
            return None
        return path.parent.relative_to(self.snippets_dir).as_posix() + ".md"

    def session_name(self, path: Path) -> str:
        """The markdown-exec session of the fences that show a snippet: its path under snippets/."""
        return path.relative_to(self.snippets_dir).with_suffix("").as_posix()

    def check_page(self, page: str, text: str, line_offset: int = 0) -> list[Example]:
        """The page's examples, after checking every include on it; SnippetError lists each problem.

        `page` is the page's path under docs/ (MkDocs' `src_uri`), `text` its Markdown, which starts
        `line_offset` lines into the file (MkDocs hands hooks the text after the front matter).
        """
        lines = [""] * line_offset + text.split("\n")
        fence_at: dict[int, _Fence] = {}
        for fence in _fences(lines):
            fence_at.update(dict.fromkeys(range(fence.start + 1, fence.end), fence))
        problems: list[tuple[int, str]] = []  # (page line, message): reported in page order
        shown: dict[Path, tuple[Section, int]] = {}
        examples: dict[int, tuple[_Fence, Example]] = {}
        for index, line in enumerate(lines):
            where = f"docs/{page}:{index + 1}"
            try:
                target = self.include_target(line)
                if target is None:
                    continue
                section = self.resolve(target)
            except SnippetError as err:
                problems += [(index, f"{where}: {line.strip()}: {problem}") for problem in err.problems]
                continue
            snippet = self.relative(section.file)
            owner = self.owner_page(section.file)
            if owner is not None and owner != page:
                problems.append((index, f"{where}: includes {snippet}, which belongs to docs/{owner} "
                                        f"(a snippet's folder is named after its page)"))
            if not section.code.strip():
                problems.append((index, f"{where}: {section.label} of {snippet} is empty"))
            if section.file in shown and section.first <= shown[section.file][0].last:
                before, at = shown[section.file]
                problems.append((index, f"{where}: shows {section.label} of {snippet} (line "
                                        f"{section.first}) after {before.label} (line {before.first}, "
                                        f"shown at line {at}); show a file's sections once each, "
                                        f"in file order"))
            shown[section.file] = (section, index + 1)
            fence = fence_at.get(index)
            if fence is not None and fence.is_python:
                _, example = examples.setdefault(
                    fence.start, (fence, Example(page, fence.start + 1, fence.info, fence.end + 1)))
                example.includes.append((index + 1, section))
        for fence, example in examples.values():
            problems += [(fence.start, problem) for problem in self._check_example(example, fence, lines)]
        if problems:
            raise SnippetError([problem for _, problem in sorted(problems, key=lambda p: p[0])])
        return [example for _, example in examples.values()]

    def _check_example(self, example: Example, fence: _Fence, lines: list[str]) -> list[str]:
        where = f"docs/{example.page}:{example.line}"
        included = {line for line, _ in example.includes}
        files = sorted({self.relative(section.file) for _, section in example.includes})
        problems = []
        stray = [i + 1 for i in range(fence.start + 1, fence.end)
                 if i + 1 not in included and lines[i].strip()]
        if stray:
            problems.append(f"{where}: a fence that includes a snippet holds nothing else "
                            f"(line {stray[0]} is not an include); put the code in the snippet file")
        if len(files) > 1:
            problems.append(f"{where}: includes sections of {' and '.join(files)}; "
                            f"one fence shows one file")
        if SESSION.search(example.info):
            problems.append(f"{where}: remove {SESSION.search(example.info)[0]}: the session of a "
                            f"fence that includes {files[0]} is named after the file")
        if example.executes and self.owner_page(example.includes[0][1].file) is None:
            problems.append(f"{where}: an executed example lives under snippets/, in the page's folder")
        result = RESULT.search(example.info)
        if example.executes and result and result[1] != OUTPUT_FENCE:
            problems.append(f'{where}: write result="{OUTPUT_FENCE}", not result="{result[1]}": the '
                            f"guide shows what an example prints in a labelled output block")
        folded = [section for _, section in example.includes if section.name in FOLDED]
        if folded and len(example.includes) > 1:
            problems.append(f"{where}: {folded[0].label} of {files[0]} is shown folded, in a fence "
                            f"of its own: include nothing else in this fence")
        for section in folded:
            word, _ = FOLDED[section.name]
            first = section.code.lstrip("\n").split("\n", 1)[0]
            if not first.startswith(f"# {word}: "):
                line = section.first + len(section.code) - len(section.code.lstrip("\n"))
                problems.append(f"{self.relative(section.file)}:{line}: {section.label} must start "
                                f"with a '# {word}: what it does' comment, the summary the page "
                                f"shows it folded under (included by {where})")
        if not problems:
            try:
                compile(example.source(), str(example.includes[0][1].file), "exec", dont_inherit=True)
            except SyntaxError as err:
                problems.append(f"{files[0]}:{err.lineno}: {err.msg} (included by {where})")
        return problems

    def prepare_page(self, page: str, text: str, line_offset: int = 0) -> tuple[str, list[Example]]:
        """The page's Markdown as the build converts it, and its examples (after `check_page`).

        Each executed example's session is named after its file, and a set-up or clean-up example
        is indented into a collapsed `??? example-fold "summary"` block (pymdownx.details).
        """
        lines = [""] * line_offset + text.split("\n")
        examples = self.check_page(page, text, line_offset)
        for example in reversed(examples):  # bottom up: inserted lines move nothing still to do
            first = example.line - 1
            if example.executes:
                session = self.session_name(example.includes[0][1].file)
                lines[first] = lines[first].rstrip() + f' session="{session}"'
            summary = example.fold_summary
            if summary is not None:
                indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
                fence = ["    " + line if line.strip() else line for line in lines[first:example.last]]
                summary = summary.replace('"', "'")
                lines[first:example.last] = [f'{indent}??? {FOLD_CLASS} "{summary}"', "", *fence]
        return "\n".join(lines[line_offset:]), examples


def _fences(lines: list[str]) -> list[_Fence]:
    """Fenced code blocks, at any indentation (as pymdownx.superfences finds them in admonitions
    and tabs); a longer fence can hold shorter ones, as in a Markdown example of a fence."""
    fences, opened = [], None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if not match:
            continue
        marker, info = match["fence"], match["info"].strip()
        if opened is None:
            if not (marker[0] == "`" and "`" in info):  # backticks in the info: inline code
                opened = (index, marker, info)
        elif marker[0] == opened[1][0] and len(marker) >= len(opened[1]) and not info:
            fences.append(_Fence(opened[0], index, opened[2]))
            opened = None
    if opened is not None:
        fences.append(_Fence(opened[0], len(lines), opened[2]))
    return fences
