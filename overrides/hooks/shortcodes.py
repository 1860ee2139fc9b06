"""MkDocs hook: render the guide's data files into pages.

Facts that appear in several places live once, as YAML under `docs/data/`, and pages place them
with an HTML-comment shortcode on a line of its own:

    <!-- decision-table: streaming-ingestion-services -->   one table, where a chapter teaches it
    <!-- decision-tables -->                                 every table (Reference > Decision tables)
    <!-- services -->                                        the service list (Reference > Services)
    <!-- blueprint -->                                       domains and task statements (The exam)
    <!-- blueprint-domain: 2 -->                             one domain's task statements

Every data file is validated when the build starts. A malformed file stops the build with the
file, the field and what is wrong; so does a shortcode that names something that does not exist.
The tests import this module to run the same checks.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.exceptions import PluginError

DOCS = Path(__file__).resolve().parents[2] / "docs"
DATA = DOCS / "data"
SCOPES = {"in-scope": "In scope", "out-of-scope": "Out of scope", "not-listed": "Not listed"}
SHORTCODE = re.compile(r"^<!--\s*(?P<name>[a-z-]+)(?::\s*(?P<arg>[^\s>]+))?\s*-->\s*$", re.M)


class DataError(PluginError):
    """A data file or shortcode is wrong; the message names the file and the field."""


@dataclass
class GuideData:
    services: dict
    blueprint: dict
    tables: dict[str, dict]
    table_pages: dict[str, list[str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Loading and validation


def _load_yaml(path: Path):
    rel = path.relative_to(DOCS.parent) if path.is_relative_to(DOCS.parent) else path
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f"{rel}:{mark.line + 1}:{mark.column + 1}" if mark else str(rel)
        raise DataError(f"{where}: invalid YAML: {err.problem}") from None
    except OSError as err:
        raise DataError(f"{rel}: cannot read: {err.strerror}") from None


def _need(mapping, key, kind, where, allow_empty=False):
    if not isinstance(mapping, dict) or key not in mapping:
        raise DataError(f"{where}: missing field '{key}'")
    value = mapping[key]
    if not isinstance(value, kind) or (not allow_empty and not value):
        kind_name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise DataError(f"{where}: field '{key}' must be a non-empty {kind_name}, got {value!r}")
    return value


def _no_extra(mapping, allowed, where):
    extra = sorted(set(mapping) - set(allowed))
    if extra:
        raise DataError(f"{where}: unknown field(s) {', '.join(map(repr, extra))}; "
                        f"allowed: {', '.join(allowed)}")


def validate_services(services, rel="docs/data/services.yml"):
    if not isinstance(services, dict) or not services:
        raise DataError(f"{rel}: must map service ids to entries")
    for sid, entry in services.items():
        where = f"{rel}: service '{sid}'"
        _no_extra(entry or {}, ["name", "former", "scope", "status", "docs"], where)
        _need(entry, "name", str, where)
        scope = _need(entry, "scope", str, where)
        if scope not in SCOPES:
            raise DataError(f"{where}: field 'scope' is {scope!r}; use one of {', '.join(SCOPES)}")
        if not _need(entry, "docs", str, where).startswith("https://"):
            raise DataError(f"{where}: field 'docs' must be an https:// URL")
    return services


def validate_table(table, services, rel):
    if not isinstance(table, dict):
        raise DataError(f"{rel}: must be a mapping with title, summary, criteria, options, sources")
    _no_extra(table, ["title", "summary", "criteria", "options", "sources"], rel)
    _need(table, "title", str, rel)
    _need(table, "summary", str, rel)
    criteria = _need(table, "criteria", dict, rel)
    for key, label in criteria.items():
        if not isinstance(label, str) or not label:
            raise DataError(f"{rel}: criteria.{key}: needs a row label")
    options = _need(table, "options", list, rel)
    if len(options) < 2:
        raise DataError(f"{rel}: field 'options' needs at least two options to compare")
    for i, option in enumerate(options):
        name = option.get("name") if isinstance(option, dict) else None
        where = f"{rel}: options[{i}]" + (f" ({name})" if name else "")
        _no_extra(option, ["name", "services", "values", "choose_when"], where)
        _need(option, "name", str, where)
        for sid in _need(option, "services", list, where, allow_empty=True):
            if sid not in services:
                raise DataError(f"{where}: field 'services' names {sid!r}, which is not in "
                                "docs/data/services.yml")
        values = _need(option, "values", dict, where)
        for key in criteria:
            if key not in values or values[key] in (None, ""):
                raise DataError(f"{where}: field 'values.{key}' is missing "
                                f"(criterion '{criteria[key]}')")
        for key in values:
            if key not in criteria:
                raise DataError(f"{where}: field 'values.{key}' is not a criterion of this table")
        _need(option, "choose_when", str, where)
    for i, source in enumerate(_need(table, "sources", list, rel)):
        where = f"{rel}: sources[{i}]"
        _no_extra(source, ["title", "url"], where)
        _need(source, "title", str, where)
        if not _need(source, "url", str, where).startswith("https://"):
            raise DataError(f"{where}: field 'url' must be an https:// URL")
    return table


def validate_blueprint(blueprint, rel="docs/data/blueprint.yml"):
    domains = _need(blueprint, "domains", list, rel)
    mla = _need(blueprint, "mla_c01", dict, rel)
    if sum(d.get("weight", 0) for d in domains) != 100:
        raise DataError(f"{rel}: domain weights must add up to 100")
    seen = set()
    for d in domains:
        where = f"{rel}: domain {d.get('id')!r}"
        for key, kind in (("id", str), ("title", str), ("weight", int), ("folder", str)):
            _need(d, key, kind, where)
        if d["id"] not in mla:
            raise DataError(f"{where}: no entry in mla_c01")
        for t in _need(d, "tasks", list, where):
            twhere = f"{rel}: task {t.get('id')!r}"
            for key in ("id", "title", "topics"):
                _need(t, key, str, twhere)
            if not t["id"].startswith(d["id"] + ".") or t["id"] in seen:
                raise DataError(f"{twhere}: id must be unique and start with '{d['id']}.'")
            seen.add(t["id"])
            _need(t, "mla", list, twhere)
            chapter = t.get("chapter")
            if chapter and not (DOCS / chapter).is_file():
                raise DataError(f"{twhere}: field 'chapter' points to docs/{chapter}, which does not exist")
    return blueprint


def load() -> GuideData:
    """Load and validate every data file under `docs/data/`."""
    services = validate_services(_load_yaml(DATA / "services.yml"))
    blueprint = validate_blueprint(_load_yaml(DATA / "blueprint.yml"))
    tables = {}
    for path in sorted((DATA / "decision-tables").glob("*.yml")):
        rel = str(path.relative_to(DOCS.parent))
        tables[path.stem] = validate_table(_load_yaml(path), services, rel)
    return GuideData(services, blueprint, tables)


def task_ids(blueprint) -> list[str]:
    return [t["id"] for d in blueprint["domains"] for t in d["tasks"]]


# ---------------------------------------------------------------------------------------------
# Rendering (Markdown, so links are checked and rewritten by MkDocs like any other)


def _cell(text) -> str:
    return " ".join(str(text).split())


def _rel_link(from_page: str, to_page: str) -> str:
    base = PurePosixPath(from_page).parent
    target = PurePosixPath(to_page)
    depth = len(base.parts)
    return "/".join([".."] * depth + list(target.parts)) if depth else str(target)


WIDE = 4  # more options than this: one row per option instead of one column per option


def render_table(tid: str, data: GuideData, page: str, heading: str | None = None) -> str:
    """A decision table as Markdown: options as columns, or as rows when there are many of them."""
    table = data.tables[tid]
    options, criteria = table["options"], table["criteria"]
    lines = []
    if heading:
        lines += [f"{heading} {table['title']} {{#{tid}}}", ""]
    lines += [_cell(table["summary"]), ""]
    lines += ['<div class="decision-table" markdown>', ""]
    if not heading:
        lines += [f"**Decision table: {table['title']}**", ""]
    # HTML rather than a Markdown table, so that each row's label is a real row header
    # (<th scope="row">) for screen readers; cells still hold Markdown (md_in_html, markdown="span").
    if len(options) <= WIDE:
        head = [_cell(o["name"]) for o in options]
        rows = [(label, [o["values"][key] for o in options]) for key, label in criteria.items()]
        rows.append(("Choose it when", [o["choose_when"] for o in options]))
    else:
        head = [*(_cell(label) for label in criteria.values()), "Choose it when"]
        rows = [(o["name"], [*(o["values"][key] for key in criteria), o["choose_when"]])
                for o in options]
    # md_in_html only descends into elements that carry the markdown attribute themselves.
    lines.append('<table markdown="block">')
    lines.append('<thead markdown="block">')
    lines.append('<tr markdown="block"><td></td>'
                 + "".join(f'<th scope="col" markdown="span">{h}</th>' for h in head) + "</tr>")
    lines.append("</thead>")
    lines.append('<tbody markdown="block">')
    for label, cells in rows:
        lines.append(f'<tr markdown="block"><th scope="row" markdown="span">{_cell(label)}</th>'
                     + "".join(f'<td markdown="span">{_cell(c)}</td>' for c in cells) + "</tr>")
    lines.append("</tbody>")
    lines.append("</table>")
    lines += ["", "</div>", ""]
    sources = "; ".join(f"[{s['title']}]({s['url']})" for s in table["sources"])
    lines += [f"Sources: {sources}.", "{ .table-sources }", ""]
    return "\n".join(lines)


def render_all_tables(data: GuideData, page: str) -> str:
    parts = []
    for tid in data.tables:
        parts.append(render_table(tid, data, page, heading="##"))
        pages = data.table_pages.get(tid, [])
        if pages:
            links = ", ".join(
                f"[{p.split('/')[-1].removesuffix('.md')}]({_rel_link(page, p)})" for p in pages
            )
            parts.append(f"Taught in: {links}.\n")
    return "\n".join(parts)


def render_services(data: GuideData, page: str) -> str:
    lines = ["| Service | Exam guide | Status and notes |", "|---|---|---|"]
    for sid, s in sorted(data.services.items(), key=lambda kv: kv[1]["name"].lower()):
        name = f"[{s['name']}]({s['docs']})"
        if s.get("former"):
            name += f"<br><small>formerly {s['former']}</small>"
        status = _cell(s.get("status", "")).replace("|", "\\|")
        lines.append(f"| {name} `{sid}` | {SCOPES[s['scope']]} | {status} |")
    return "\n".join(lines) + "\n"


def _task_link(task, page):
    if task.get("chapter"):
        return f"[{task['id']} {task['title']}]({_rel_link(page, task['chapter'])})"
    return f"{task['id']} {task['title']}"


def render_blueprint(data: GuideData, page: str) -> str:
    lines = ["| Domain | Weight | Task statements | In MLA-C01 |", "|---|---|---|---|"]
    for d in data.blueprint["domains"]:
        tasks = "<br>".join(_task_link(t, page) for t in d["tasks"])
        index = _rel_link(page, f"{d['folder']}/index.md")
        lines.append(f"| [{d['id']}. {d['title']}]({index}) | {d['weight']}% | {tasks} | "
                     f"Domain {d['id']}: {data.blueprint['mla_c01'][d['id']]} |")
    return "\n".join(lines) + "\n"


def render_domain(domain_id: str, data: GuideData, page: str) -> str:
    domain = next((d for d in data.blueprint["domains"] if d["id"] == domain_id), None)
    if domain is None:
        raise KeyError(domain_id)
    lines = []
    for t in domain["tasks"]:
        lines += [f"### {t['id']} {t['title']}", "", _cell(t["topics"]), ""]
        lines.append("In MLA-C01: " + "; ".join(f"task {m}" for m in t["mla"]) + ".")
        lines.append("")
        if t.get("chapter"):
            lines += [f"Chapter: {_task_link(t, page)}.", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# MkDocs events

_data: GuideData | None = None


def edition() -> tuple[str, str]:
    """(commit, date) of the checked-out commit, for the PDF cover; the build date when not in git."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs"], cwd=DOCS.parent,
                             capture_output=True, text=True, check=True).stdout.split()
        return out[0], out[1]
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "not a git checkout", date.today().isoformat()


def on_config(config, **kwargs):
    global _data
    _data = load()
    config.extra["edition_commit"], config.extra["edition_date"] = edition()
    _data.table_pages = {}
    for md in sorted(DOCS.rglob("*.md")):
        for m in SHORTCODE.finditer(md.read_text(encoding="utf-8")):
            if m["name"] == "decision-table":
                _data.table_pages.setdefault(m["arg"], []).append(md.relative_to(DOCS).as_posix())
    return config


def on_page_markdown(markdown, page, **kwargs):
    src = page.file.src_uri

    def replace(m: re.Match) -> str:
        name, arg = m["name"], m["arg"]
        line = markdown.count("\n", 0, m.start()) + 1
        where = f"docs/{src}:{line}"
        try:
            if name == "decision-table":
                if arg not in _data.tables:
                    raise DataError(f"{where}: no decision table '{arg}' "
                                    f"(expected docs/data/decision-tables/{arg}.yml)")
                return render_table(arg, _data, src)
            if name == "decision-tables":
                return render_all_tables(_data, src)
            if name == "services":
                return render_services(_data, src)
            if name == "blueprint":
                return render_blueprint(_data, src)
            if name == "blueprint-domain":
                return render_domain(arg, _data, src)
        except KeyError:
            raise DataError(f"{where}: shortcode '{name}' names {arg!r}, which does not exist") from None
        return m.group(0)  # an ordinary HTML comment

    return SHORTCODE.sub(replace, markdown)
