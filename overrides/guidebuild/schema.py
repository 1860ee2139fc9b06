"""One declarative validator for the guide's data files.

A schema is plain data built from five kinds of description:

    Text(allowed=..., checks=...)   a non-empty string
    Whole()                         an integer
    Number()                        an integer or a decimal (48.8)
    ListOf(item, min=..., label=..., name=...)
    MapOf(item, min=..., label=...)
    Record({field: description}, checks=...)   a mapping with these fields and no others

Every description takes `required=False` (the field may be left out) and `checks`: small named
functions. A field's check gets `(value, context)` and returns what is wrong (`"must be an https://
URL"`) or None; a record's check gets `(record, context)` and yields `(field, what is wrong)`
pairs, and runs only once the record's own fields are valid. `label` and `name` say how to name an
item in messages ("question 'x'", "service 'athena'", "option 'Kinesis'").

`validate` finds every problem in a document and `describe` words each one with the file, the
line (from `load_yaml`, which remembers where every key and list item stands), the item and the
field:

    docs/data/questions/1.2.yml:24: question 'x': field 'answer' names 'e', which is not among the options
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import yaml
from mkdocs.exceptions import PluginError

from guidebuild.paths import rel

MAX_MESSAGES = 25  # a file that is wrong everywhere: the first ones say enough


class DataError(PluginError):
    """A data file, a page or a shortcode is wrong; every line of the message names the file, the
    line where known, the item and the field."""

    def __init__(self, messages: str | Iterable[str]):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        shown = self.messages[:MAX_MESSAGES]
        if len(self.messages) > MAX_MESSAGES:
            shown.append(f"... and {len(self.messages) - MAX_MESSAGES} more")
        super().__init__("\n".join(shown))


# ---------------------------------------------------------------------------------------------
# YAML that remembers line numbers


class MarkedDict(dict):
    """A mapping from YAML that knows its own line and the line of each key."""

    line: int | None = None
    lines: dict


class MarkedList(list):
    """A list from YAML that knows its own line and the line of each item."""

    line: int | None = None
    lines: list


class _MarkedLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node):
    data = MarkedDict()
    yield data
    data.update(loader.construct_mapping(node))
    data.line = node.start_mark.line + 1
    data.lines = {loader.construct_object(key): key.start_mark.line + 1 for key, _ in node.value}


def _construct_sequence(loader, node):
    data = MarkedList()
    yield data
    data.extend(loader.construct_sequence(node))
    data.line = node.start_mark.line + 1
    data.lines = [item.start_mark.line + 1 for item in node.value]


_MarkedLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(path: Path):
    """Parse a YAML file; mappings and lists remember their lines. Bad YAML names file, line, column."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_MarkedLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f"{rel(path)}:{mark.line + 1}:{mark.column + 1}" if mark else rel(path)
        raise DataError(f"{where}: invalid YAML: {err.problem}") from None
    except OSError as err:
        raise DataError(f"{rel(path)}: cannot read: {err.strerror}") from None


def line_of(container, key) -> int | None:
    """The line of `container[key]` (a key of a mapping, an index of a list), or of the container."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict) and key in lines:
        return lines[key]
    if isinstance(lines, list) and isinstance(key, int) and 0 <= key < len(lines):
        return lines[key]
    return getattr(container, "line", None)


# ---------------------------------------------------------------------------------------------
# Descriptions

@dataclass(frozen=True, kw_only=True)
class Description:
    required: bool = True  # False: the field may be left out
    checks: tuple = ()  # small named functions; see the module's docstring


@dataclass(frozen=True)
class Text(Description):
    allowed: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Whole(Description):
    pass


@dataclass(frozen=True)
class Number(Description):
    pass


@dataclass(frozen=True, kw_only=True)
class Collection(Description):
    min: int = 1  # the fewest items or entries
    label: str | None = None  # how to name one item in messages: "question", "service"


@dataclass(frozen=True)
class ListOf(Collection):
    item: Description
    name: str | None = None  # the item's field that names it in messages: "id"
    container: ClassVar = (list, "a list", "item", "items")


@dataclass(frozen=True)
class MapOf(Collection):
    item: Description  # what each entry's value is; entries are named by their keys
    container: ClassVar = (dict, "a mapping", "entry", "entries")


@dataclass(frozen=True)
class Record(Description):
    fields: dict[str, Description]


# ---------------------------------------------------------------------------------------------
# Validation


@dataclass(frozen=True)
class Problem:
    path: tuple  # keys and list indexes from the top of the document
    message: str  # what is wrong, worded to follow "field 'x' "


def _kind(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"{value!r} (a number: put it in quotes)"
    if isinstance(value, date):  # YAML reads 2024-07-25 as a date, not as text
        return f"{value.isoformat()} (a date: put it in quotes)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _empty(value) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def validate(value, schema, context=None, path: tuple = ()) -> list[Problem]:
    """Every problem of `value` against `schema`, in document order."""
    problems: list[Problem] = []
    if isinstance(schema, Text):
        if not isinstance(value, str):
            return [Problem(path, f"must be text, got {_kind(value)}")]
        if not value.strip():
            return [Problem(path, "is empty")]
        if schema.allowed is not None and value not in schema.allowed:
            return [Problem(path, f"is {value!r}; use one of {', '.join(schema.allowed)}")]
    elif isinstance(schema, Whole):
        if not isinstance(value, int) or isinstance(value, bool):
            return [Problem(path, f"must be a whole number, got {_kind(value)}")]
    elif isinstance(schema, Number):
        if not isinstance(value, int | float) or isinstance(value, bool):
            return [Problem(path, f"must be a number, got {_kind(value)}")]
    elif isinstance(schema, Collection):
        kind, kind_name, one, many = schema.container
        if not isinstance(value, kind):
            return [Problem(path, f"must be {kind_name}, got {_kind(value)}")]
        if len(value) < schema.min:
            return [Problem(path, f"needs at least {schema.min} {one if schema.min == 1 else many}, "
                                  f"has {len(value)}")]
        for key, item in (enumerate(value) if kind is list else value.items()):
            problems += validate(item, schema.item, context, (*path, key))
    elif isinstance(schema, Record):
        if not isinstance(value, dict):
            return [Problem(path, f"must be a mapping with the fields {', '.join(schema.fields)}, "
                                  f"got {_kind(value)}")]
        for key in value:
            if key not in schema.fields:
                problems.append(Problem((*path, key), "is not a known field; the fields are "
                                        + ", ".join(schema.fields)))
        for key, description in schema.fields.items():
            if key in value:
                problems += validate(value[key], description, context, (*path, key))
            elif description.required:
                problems.append(Problem((*path, key), "is missing"))
        if not problems:
            for check in schema.checks:
                problems += [Problem((*path, *_split(key)), message)
                             for key, message in check(value, context)]
        return problems
    else:
        raise TypeError(f"not a schema description: {schema!r}")
    if not problems:
        for check in schema.checks:
            message = check(value, context)
            if message:
                problems.append(Problem(path, message))
    return problems


def _split(key) -> tuple:
    """A record check names a field as 'answer', or a nested one as ('options', 2, 'values')."""
    return key if isinstance(key, tuple) else (key,)


def describe(problem: Problem, document, schema, file: str) -> str:
    """`file:line: item: field 'path' message`, following the problem's path through the document."""
    line = getattr(document, "line", None)
    item, field_path = None, []
    value, description = document, schema
    for key in problem.path:
        line = line_of(value, key) or line
        labelled = isinstance(description, Collection) and description.label
        if labelled:
            item, field_path = _item_name(description, value, key), []
        else:
            field_path.append(key)
        value, description = _step(value, description, key)
    where = f"{file}:{line}" if line else file
    parts = [where] + ([item] if item else [])
    if field_path:
        parts.append(f"field '{_dotted(field_path)}' {problem.message}")
    else:
        parts.append(problem.message)
    return ": ".join(parts)


def _step(value, description, key):
    child = value[key] if isinstance(value, dict | list) and _has(value, key) else None
    if isinstance(description, Collection):
        return child, description.item
    if isinstance(description, Record):
        return child, description.fields.get(key)
    return child, None


def _has(container, key) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(key, int) and 0 <= key < len(container)


def _item_name(description, container, key) -> str:
    if isinstance(description, MapOf):
        return f"{description.label} {key!r}"
    item = container[key] if _has(container, key) else None
    name = item.get(description.name) if description.name and isinstance(item, dict) else None
    if isinstance(name, str) and name:
        return f"{description.label} {name!r}"
    return f"{description.label} {key + 1}"


def _dotted(path: list) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


@dataclass
class Checked:
    """The outcome of checking one file: its data and the worded problems."""

    data: Any
    messages: list[str] = field(default_factory=list)


def check_file(path: Path, schema, context=None) -> Checked:
    """Load a YAML file and validate it; the messages are ready to show."""
    document = load_yaml(path)
    problems = validate(document, schema, context)
    return Checked(document, [describe(p, document, schema, rel(path)) for p in problems])
