"""The glossary's tooltips (guidebuild.glossary): which words get one, where, and how often."""

import re

import markdown
import pytest
from guidebuild import glossary

TERMS = [
    {"term": "AUC", "expansion": "area under the ROC curve", "definition": "How well the scores rank.",
     "aliases": ["ROC AUC"]},
    {"term": "F1", "definition": "The harmonic mean of precision and recall."},
    {"term": "overfitting", "definition": "Fitting the noise."},
]
AUC_TIP = 'title="area under the ROC curve: How well the scores rank."'


def convert(text: str, active: bool = True) -> str:
    tooltips = glossary.Tooltips(TERMS)
    tooltips.active = active
    md = markdown.Markdown(extensions=[tooltips, "abbr", "attr_list", "md_in_html", "admonition",
                                       "pymdownx.superfences", "toc"])
    return md.convert(text)


def abbrs(html: str) -> list[str]:
    return re.findall(r"<abbr [^>]*>([^<]*)</abbr>", html)


def test_the_first_use_of_a_term_gets_its_tooltip_and_a_tab_stop():
    html = convert("Report the AUC and the F1. The AUC again, and F1 again.")
    assert abbrs(html) == ["AUC", "F1"]
    assert f'<abbr tabindex="0" {AUC_TIP}>AUC</abbr>' in html
    assert html.count("AUC") == 2 and html.count("F1") == 2


def test_an_alias_counts_as_its_term():
    assert abbrs(convert("The ROC AUC is high, so the AUC is.")) == ["ROC AUC"]


def test_words_are_matched_whole_and_as_written():
    assert abbrs(convert("AUCs, pre-AUC, F10 and auc are other words.")) == []


def test_lower_case_terms_are_not_marked():
    assert abbrs(convert("Overfitting is overfitting.")) == []


@pytest.mark.parametrize("text", [
    "## The AUC\n\nNo tooltip above.",
    "See [the AUC](https://example.com/AUC).",
    "Call `AUC` in code.",
    "```\nAUC = 1\n```",
    '!!! note "AUC in a title"\n    Body.',
    '<ol class="quiz" markdown="block">\n<li markdown="span">Which is the AUC?</li>\n</ol>',
    "<details markdown=\"block\"><summary>AUC</summary>\n\nBody.\n</details>",
], ids=["heading", "link", "code-span", "code-block", "admonition-title", "quiz", "summary"])
def test_no_tooltip_where_it_would_do_harm(text):
    assert abbrs(convert(text)) == []


def test_a_term_skipped_in_a_heading_gets_its_tooltip_in_the_text():
    html = convert("## The AUC\n\nThe AUC below.")
    assert abbrs(html) == ["AUC"]
    assert re.search(r"<h2[^>]*>The AUC</h2>", html)


def test_an_inactive_extension_marks_nothing():
    assert abbrs(convert("The AUC.", active=False)) == []


def test_the_glossary_page_anchor():
    assert glossary.anchor("TF-IDF") == "glossary-tf-idf"
    assert glossary.anchor("R²") == "glossary-r2"
