"""Checks on the strictly built site: offline-safe, searchable, and chapters that follow the anatomy."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlparse

import pytest
from guidebuild import guide, shortcodes
from guidebuild.paths import site_file, site_path

from tests.guide import DOCS, ROOT, built_site, chapters

EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)
LOADING_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                "apple-touch-icon", "preconnect", "dns-prefetch"}


class ResourceParser(HTMLParser):
    """Collects every URL an HTML page makes the browser LOAD (not links the reader may follow)."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track", "input"):
            self.loaded += [a[k] for k in ("src",) if a.get(k)]
        if tag in ("img", "source") and a.get("srcset"):
            self.loaded += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "object" and a.get("data"):
            self.loaded.append(a["data"])
        if tag == "link" and a.get("href"):
            rel = set((a.get("rel") or "").lower().split())
            if rel & LOADING_RELS:
                self.loaded.append(a["href"])
        if a.get("style"):
            self.styles.append(a["style"])
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in_style = False


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def _css_urls(text):
    return [a or b for a, b in CSS_URL.findall(text)]


def test_no_page_loads_anything_from_the_internet():
    site = built_site()
    problems = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        parser = ResourceParser()
        parser.feed(page.read_text(encoding="utf-8"))
        urls = parser.loaded + [u for s in parser.styles for u in _css_urls(s)]
        problems += [f"{page.relative_to(site)}: {u}" for u in urls if EXTERNAL.match(u)]
    for css in sorted(site.rglob("*.css")):
        problems += [f"{css.relative_to(site)}: {u}" for u in _css_urls(css.read_text(encoding="utf-8"))
                     if EXTERNAL.match(u)]
    assert not problems, "external resources:\n" + "\n".join(problems)


def test_scripts_that_would_fetch_from_a_cdn_find_their_library_locally():
    """Material fetches Mermaid from a CDN unless `window.mermaid` exists when a diagram is shown:
    the stand-in that loads the site's own copy must come before Material's bundle."""
    site = built_site()
    checked = 0
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'class="mermaid"' in html:
            checked += 1
            stand_in = re.search(r'<script src="[^"]*assets/javascripts/mermaid-lazy\.js"\s+'
                                 r'data-mermaid="([^"]*)"', html)
            bundle = html.find("assets/javascripts/bundle.")
            assert stand_in and stand_in.start() < bundle, (
                f"{page.relative_to(site)}: mermaid-lazy.js must load before Material's bundle"
            )
            library = (page.parent / stand_in[1]).resolve()
            assert library == site / "assets/vendor/mermaid/mermaid.min.js" and library.is_file(), (
                f"{page.relative_to(site)}: Mermaid is not served from the site ({stand_in[1]})"
            )
        if 'class="arithmatex"' in html:
            assert "assets/vendor/katex/katex.min.css" in html, f"{page.relative_to(site)}: no KaTeX styles"
            assert not re.search(r'class="arithmatex">\\[(\[]', html), (
                f"{page.relative_to(site)}: maths left untypeset (overrides/hooks/maths.py)")
    assert checked >= 2, "both reference chapters have a diagram"
    for js in sorted(site.rglob("*.js")):
        text = js.read_text(encoding="utf-8", errors="replace")
        for pattern in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr.net/pyodide", "iframe-worker@"):
            assert pattern not in text, f"{js.relative_to(site)} references {pattern}"


def _search_index():
    return json.loads((built_site() / "search" / "search_index.json").read_text(encoding="utf-8"))


def _tokens(text, separator):
    text = re.sub(r"<[^>]+>", " ", text)
    return {t.lower() for t in re.split(separator, text) if t}


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("put_records", "1-data-engineering/1-2-data-ingestion.html"),
        ("PutRecords", "1-data-engineering/1-2-data-ingestion.html"),
        ("ml.m5.xlarge", "3-modeling/3-5-evaluate-models.html"),
        ("application/x-recordio-protobuf", "3-modeling/3-5-evaluate-models.html"),
    ],
)
def test_search_finds_identifiers(query, page):
    """Tokenise the index with the site's own separator, as the search worker does."""
    index = _search_index()
    separator = index["config"]["separator"]
    wanted = _tokens(query, separator)
    assert wanted, query
    hits = {doc["location"].split("#")[0] for doc in index["docs"]
            if wanted <= _tokens(doc["title"] + " " + doc["text"], separator)}
    assert page in hits, f"searching {query!r} finds {sorted(hits)}, not {page}"


def _table_rows(html):
    """Every table row of a page as a list of its cells' text."""
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
        rows.append([re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in cells])
    return rows


def test_the_exam_page_maps_each_task_statement_as_the_blueprint_does():
    """Each MLS-C01 task statement's row names exactly its own MLA-C01 task statements (from
    blueprint.yml), each with the MLA-C01 domain it belongs to, not a domain of the same number."""
    blueprint = guide.load().data.blueprint
    html = (built_site() / "exam.html").read_text(encoding="utf-8")
    rows = {m[0]: r for r in _table_rows(html) if r and (m := re.match(r"\d\.\d\b", r[0]))}
    for domain in blueprint["domains"]:
        for task in domain["tasks"]:
            assert task["id"] in rows, f"exam page: no row for task statement {task['id']}"
            cell = rows[task["id"]][1]
            shown = re.findall(r"(\d\.\d) [^(]+\(MLA-C01 Domain (\d):", cell)
            wanted = [(m.split()[0], m.split(".")[0]) for m in task["mla"]]
            assert shown == wanted, (
                f"exam page, task {task['id']}: shows {cell!r}, blueprint says {task['mla']}")


def test_the_answer_key_is_in_the_book_but_not_in_the_web_navigation():
    site = built_site()
    key = re.compile(r'href="[^"]*answer-key\.html[^"]*"')
    linking = [p.relative_to(site).as_posix() for p in site.rglob("*.html")
               if p.name != "print_page.html" and p != site / "reference/answer-key.html"
               and key.search(p.read_text(encoding="utf-8"))]
    assert not linking, f"web pages that link the answer key (a book appendix): {linking}"
    assert 'id="reference-answer-key"' in (site / "print_page.html").read_text(encoding="utf-8")


def test_contributor_pages_are_grouped_after_the_learners_pages():
    sidebar = (built_site() / "index.html").read_text(encoding="utf-8")
    sidebar = sidebar[sidebar.index('class="md-nav md-nav--primary"'):]
    label = sidebar.index("For contributors")
    learners = ("exam.html", "practice-exam.html", "reference/services.html", "reference/what-changed.html")
    for learner in learners:
        assert sidebar.index(f'href="{learner}"') < label, f"{learner} is not before the contributor pages"
    for contributor in ("contributing.html", "reference/helpers.html"):
        assert sidebar.index(f'href="{contributor}"') > label, f"{contributor} is not under For contributors"


def test_domain_pages_say_which_chapters_are_not_yet_written():
    the_guide = guide.load()
    for domain in the_guide.data.blueprint["domains"]:
        html = (built_site() / domain["folder"] / "index.html").read_text(encoding="utf-8")
        tasks = domain["tasks"]
        written = [t["id"] for t in tasks if t["id"] in the_guide.chapters]
        assert f"Chapters written: {len(written)} of {len(tasks)}." in html, domain["folder"]
        sections = re.split(r"<h3 ", html)[1:]
        assert len(sections) >= len(tasks)
        for task, section in zip(tasks, sections[: len(tasks)], strict=True):
            assert f"{task['id']} {task['title']}" in section
            says = "not yet written" in section
            assert says == (task["id"] not in written), (
                f"{domain['folder']}/index: task {task['id']} " + ("has a chapter" if task["id"] in written
                                                                  else "has no chapter") + (
                    " but says it is not yet written" if says else " and does not say so"))


def test_every_page_has_a_last_updated_date_and_edit_button():
    site = built_site()
    for page in ["index.html", "exam.html", "1-data-engineering/1-2-data-ingestion.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert "git-revision-date-localized-plugin" in html, f"{page}: no last-updated date"
        assert "/edit/main/docs/" in html, f"{page}: no edit-this-page button"


ANATOMY = ["What the exam expects", "Concepts", "The AWS services involved", "Decision tables",
           "Runnable examples", "Exam traps", "Check yourself", "Sources"]


def _prose_words(markdown):
    text = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*", text))


@pytest.mark.parametrize("chapter", chapters(), ids=lambda p: str(p.relative_to(DOCS)))
def test_chapter_follows_the_anatomy(chapter):
    text = chapter.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+?)\s*(?:\{.*\})?$", text, flags=re.M)
    order = [h for h in headings if h in ANATOMY]
    assert order == ANATOMY, f"{chapter.relative_to(ROOT)}: sections {order}, expected {ANATOMY}"
    assert _prose_words(text) >= 2500, f"{chapter.relative_to(ROOT)}: under 2,500 words of prose"
    assert text.count('exec="on"') >= 6, f"{chapter.relative_to(ROOT)}: fewer than 6 executed examples"
    assert sum(use.name == "decision-table" for use in shortcodes.find(text)) >= 2, (
        f"{chapter.relative_to(ROOT)}: fewer than 2 decision tables"
    )
    assert "```mermaid" in text, f"{chapter.relative_to(ROOT)}: no diagram"
    sources = text.split("\n## Sources", 1)[1]
    aws_links = re.findall(r"\]\(https://(?:docs\.)?aws\.amazon\.com/", sources)
    assert len(aws_links) >= 5, (
        f"{chapter.relative_to(ROOT)}: the Sources list needs AWS documentation links"
    )


def test_the_exam_status_is_shown_from_its_data_file_with_tags_and_sources():
    """Home page, exam page and the PDF's cover give every exam's status line; Successor exams
    gives every fact with its tag and sources, and maps all fifteen task statements."""
    import html as html_module

    the_guide = guide.load()
    site = built_site()
    exams = the_guide.data.exam_status["exams"]
    for page in ("index.html", "exam.html", "print_page.html"):
        text = html_module.unescape((site / page).read_text(encoding="utf-8"))
        for exam in exams:
            assert exam["summary"] in text, f"{page}: no status line for {exam['code']}"
    successors = html_module.unescape((site / "successor-exams.html").read_text(encoding="utf-8"))
    for exam in exams:
        for fact in exam["facts"]:
            tag = f'<span class="fact-tag fact-tag--{fact["confidence"]}">'
            assert tag + fact["confidence"].capitalize() + "</span> " + " ".join(fact["text"].split()) in successors
            for source in fact["sources"]:
                assert f'href="{source["url"]}"' in successors
    for task_id, task in the_guide.data.tasks().items():
        assert f"{task_id} {task['title']}" in successors, f"successor-exams: task {task_id} is not mapped"


MAPPING_BOX = '!!! info "Where this lives in MLA-C01 and MLA-C02"'


@pytest.mark.parametrize("chapter", chapters(), ids=lambda p: str(p.relative_to(DOCS)))
def test_chapter_maps_itself_to_both_successor_exams(chapter):
    """The mapping box names each MLA-C02 task statement that blueprint.yml maps the chapter's task
    to (by the first three words of its title), so no chapter is left mapped to MLA-C01 only."""
    text = chapter.read_text(encoding="utf-8")
    where = chapter.relative_to(ROOT)
    assert MAPPING_BOX in text, f"{where}: no exam-mapping box {MAPPING_BOX}"
    box = text.split(MAPPING_BOX, 1)[1].split("\n\n", 1)[0]
    box = " ".join(box.replace("*", "").split()).lower()
    blueprint = guide.load().data.blueprint
    task = blueprint_task(blueprint, re.search(r'^task: "([\d.]+)"', text, flags=re.M)[1])
    for mla in task["mla"]:
        c02 = blueprint["mla_c02"]["tasks"][mla.split(" ", 1)[0]]
        words = " ".join(c02.split()[1:4]).lower()
        assert words in box, f"{where}: the mapping box does not name MLA-C02 task {c02!r}"
    assert "mla-c01" in box and "mla-c02" in box, f"{where}: the mapping box names MLA-C01 and MLA-C02"


def blueprint_task(blueprint, task_id):
    return next(t for d in blueprint["domains"] for t in d["tasks"] if t["id"] == task_id)


def test_figures_are_generated_at_build_time_and_labelled():
    html = (built_site() / "3-modeling/3-5-evaluate-models.html").read_text(encoding="utf-8")
    figures = re.findall(
        r'<figure class="mlsguide-figure">(?:<picture><source [^>]+>)?<img src="figures/[0-9a-f]+\.svg" '
        r'alt="([^"]+)"', html
    )
    assert len(figures) >= 5, f"chapter 3.5 shows {len(figures)} generated figures, expected 5+"
    assert "Traceback (most recent call last)" not in html


def test_markdown_exec_sessions_are_unique_to_a_page():
    """Session state lives for the whole build, so two pages must never share a session name."""
    owners = {}
    for page in DOCS.rglob("*.md"):
        for name in set(re.findall(r'session="([^"]+)"', page.read_text(encoding="utf-8"))):
            assert name not in owners, (
                f"session {name!r} used by {owners.get(name)} and {page.relative_to(ROOT)}"
            )
            owners[name] = page.relative_to(ROOT)


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag in ("img", "script", "source") and a.get("src"):
            self.links.append(a["src"])
        elif tag == "link" and a.get("href"):
            self.links.append(a["href"])


def test_every_internal_link_and_anchor_resolves():
    """Every page, the notebook and print pages included: local links lead to a file, and a
    #fragment to an element with that id. External links are listed in build/external-links.txt
    for the scheduled online check; they are not fetched here."""
    site = built_site()
    parsed = {}
    for html in site.rglob("*.html"):
        parser = LinkParser()
        parser.feed(html.read_text(encoding="utf-8"))
        parsed[html] = parser
    broken, external, checked = [], {}, 0
    for html, parser in parsed.items():
        base = "http://site" + site_path() + html.relative_to(site).as_posix()
        for link in parser.links:
            url = urlparse(urljoin(base, link))
            if url.scheme in ("mailto", "javascript", "data"):
                continue
            if url.netloc != "site":
                external.setdefault(f"{url.scheme}://{url.netloc}{url.path}", html.relative_to(site))
                continue
            checked += 1
            target = site_file(site, url.path)
            where = f"{html.relative_to(site)}: {link}"
            if not target.is_file():
                broken.append(f"{where} (no file {target.relative_to(site)})")
            elif url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else set()
                if unquote(url.fragment) not in ids:
                    broken.append(f"{where} (no #{url.fragment} in {target.relative_to(site)})")
    report = ROOT / "build" / "external-links.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("".join(f"{u}\t{p}\n" for u, p in sorted(external.items())), encoding="utf-8")
    assert checked > 500
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])
