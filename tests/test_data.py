"""The data files under docs/data/ and the pages that use them pass the checks the build makes.

tests/test_validators.py feeds each check bad input; this file checks the real guide.
"""

import re
from collections import Counter

import botocore.session
import pytest
from guidebuild import guide, paths, similarity


@pytest.fixture(scope="module")
def the_guide():
    return guide.load()


def test_every_data_file_is_valid(the_guide):
    data = the_guide.data
    assert len(data.tables) >= 5
    assert data.task_ids() == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5",
        "4.1", "4.2", "4.3", "4.4",
    ]
    assert [d["weight"] for d in data.blueprint["domains"]] == [20, 24, 36, 20]


def test_every_table_is_placed_in_a_chapter(the_guide):
    unplaced = sorted(set(the_guide.data.tables) - set(the_guide.table_pages))
    assert not unplaced, f"tables no page places: {unplaced}"
    taught = {p for placed in the_guide.table_pages.values() for p in placed}
    assert taught <= set(the_guide.chapters.values()), f"decision tables placed outside chapters: {taught}"


def test_every_task_with_questions_has_its_chapter_and_quiz(the_guide):
    for task in the_guide.data.questions:
        chapter = the_guide.chapters.get(task)
        assert chapter, f"docs/data/questions/{task}.yml: no page has the front matter task: \"{task}\""
        text = (paths.DOCS / chapter).read_text(encoding="utf-8")
        assert f"<!-- quiz: {task} -->" in text, f"docs/{chapter}: no quiz for its questions"


# ---------------------------------------------------------------------------------------------
# The Services page lists every service the guide names

# SageMaker AI features that the guide names on their own; they have no API of their own, so
# botocore's list of services does not know them.
SAGEMAKER_FEATURES = (
    "Ground Truth", "Data Wrangler", "Feature Store", "Model Monitor", "Clarify", "Autopilot",
    "Canvas", "JumpStart", "Debugger", "Model Registry", "Inference Recommender", "Neo",
)
# "Amazon ..." and "AWS ..." phrases that are not services: exams, publications, support plans.
NOT_SERVICES = (
    "AWS Certified", "AWS Certification", "AWS Big Data Blog", "AWS Machine Learning Blog",
    "AWS News Blog", "AWS Support", "AWS Region", "AWS ML", "AWS AI", "AWS APIs", "AWS SDK",
    "AWS CLI", "AWS Management Console", "AWS Skill Builder", "AWS Training",
    "AWS Prescriptive Guidance", "AWS Well-Architected", "AWS General Reference",
)
PREFIXED = re.compile(r"\b(?:Amazon|AWS)(?: (?:[A-Z][\w&/-]*|for|and|on|with))+")
PREFIX = re.compile(r"^(?:Amazon|AWS) ")


def _botocore_short_names():
    """Every AWS service's name as prose uses it: 'Amazon Polly' -> 'Polly'."""
    session = botocore.session.get_session()
    names = set()
    for service in session.get_available_services():
        full = session.get_service_model(service).metadata.get("serviceFullName", "")
        short = PREFIX.sub("", full)
        short = re.sub(r" (?:Service|API|Runtime|Runtime Service|Model Building Service)$", "", short)
        if re.fullmatch(r"[A-Z][\w-]*(?: [A-Z][\w-]*)*", short):
            names.add(short)
    return names


def _guide_texts(the_guide):
    """Page sources without their code, and every data file except services.yml itself."""
    texts = {f"docs/{src}": re.sub(r"(?ms)^(```|~~~).*?^\1", "", page.text)
             for src, page in the_guide.pages.items()}
    for path in sorted(paths.DATA.rglob("*.yml")):
        if path.name != "services.yml":
            texts[path.relative_to(paths.ROOT).as_posix()] = path.read_text(encoding="utf-8")
    return texts


def _listed_names(services):
    names = set()
    for s in services.values():
        for name in [s["name"], s.get("former"), *s.get("also", [])]:
            if name:
                names |= {name, PREFIX.sub("", name)}
    return names


def _names(name, text):
    """Whether `text` has `name` as a whole word (not inside a longer word or a hyphenated one);
    the plain substring test first, as most of the 400 names are in no page, saves a minute."""
    return name in text and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _covered(name, listed):
    """A listed name is the name, or starts with it ('Kinesis' -> 'Kinesis Data Streams')."""
    return any(n == name or n.startswith(name + " ") for n in listed)


def _service_in(phrase, listed, services):
    """The service an 'Amazon ...' phrase names, if the list lacks it: the longest AWS service
    name the phrase starts with ('AWS Glue DataBrew'), else the phrase unless it starts with a
    listed name ('Amazon SageMaker AI Model Monitor', 'Amazon S3 The')."""
    short = PREFIX.sub("", phrase)
    known = [s for s in services if short == s or short.startswith(s + " ")]
    if known:
        longest = max(known, key=len)
        return None if _covered(longest, listed) else longest
    starts = any(phrase == n or phrase.startswith(n + " ") or n.startswith(phrase + " ") for n in listed)
    return None if starts else phrase


def test_the_services_page_lists_every_service_the_guide_names(the_guide):
    listed = _listed_names(the_guide.data.services)
    texts = _guide_texts(the_guide)
    everything = "\n".join(texts.values())
    # A one-word or plain-English name ("Batch", "Forecast", "Data Pipeline") is checked bare only
    # if the guide never writes it in lower case; its "Amazon"/"AWS" form is always checked.
    services = _botocore_short_names() | set(SAGEMAKER_FEATURES)
    bare = {n for n in _botocore_short_names() if not _names(n.lower(), everything)}
    bare |= set(SAGEMAKER_FEATURES)
    missing = {}
    for where, text in texts.items():
        for phrase in PREFIXED.findall(text):
            phrase = re.sub(r"(?: (?:for|and|on|with))+$", "", phrase)
            if not phrase.startswith(NOT_SERVICES) and (name := _service_in(phrase, listed, services)):
                missing.setdefault(name, where)
        for name in bare:
            if _names(name, text) and not _covered(name, listed):
                missing.setdefault(name, where)
    assert not missing, (
        "named in the guide but not in docs/data/services.yml (the Services page): "
        + "; ".join(f"{name} ({where})" for name, where in sorted(missing.items())))


# ---------------------------------------------------------------------------------------------
# The glossary covers the exam's vocabulary

# Words the exam turns on that the glossary must define: AWS short names, metrics, techniques.
EXAM_VOCABULARY = ("KMS", "VPC", "EMR", "S3", "IAM", "ECR", "AUC", "F1", "RMSE", "SMOTE", "PCA", "TF-IDF",
                   "L1", "L2", "BLEU", "k-NN", "RCF", "HPO", "CDC", "MME")


def test_the_glossary_defines_the_exams_vocabulary(the_guide):
    terms = the_guide.data.glossary
    assert len(terms) >= 120, f"docs/data/glossary.yml has {len(terms)} terms; the exam needs at least 120"
    missing = set(EXAM_VOCABULARY) - {t["term"] for t in terms}
    assert not missing, f"docs/data/glossary.yml does not define {sorted(missing)}"


def test_no_two_questions_test_the_same_fact_the_same_way(the_guide):
    """A pair as alike as guidebuild.similarity.THRESHOLD is a near duplicate unless a reviewer
    listed it in docs/data/question-pairs.yml with what each asks; a listed pair that is no longer
    alike is removed from the file."""
    questions = [q for qs in the_guide.data.questions.values() for q in qs]
    alike = {frozenset((p.first, p.second)): p.score for p in similarity.similar_pairs(questions)}
    listed = {frozenset(p["questions"]) for p in the_guide.data.question_pairs}
    unexplained = [f"{' and '.join(sorted(pair))} ({score:.2f})" for pair, score in alike.items()
                   if pair not in listed]
    assert not unexplained, (
        "near-duplicate questions: rewrite or remove one, or list the pair with its reason in "
        "docs/data/question-pairs.yml: " + "; ".join(unexplained))
    stale = [" and ".join(sorted(pair)) for pair in listed - set(alike)]
    assert not stale, f"docs/data/question-pairs.yml lists pairs that are no longer alike: {stale}"


def test_correct_letters_are_balanced_in_every_question_file(the_guide):
    """No letter is the answer of single-answer questions much more often than another, so that
    guessing the most common letter gains nothing: each letter within 40% of an even share."""
    for task, questions in the_guide.data.questions.items():
        singles = [q for q in questions if q["kind"] == "single"]
        counts = Counter(q["answer"][0] for q in singles)
        even = len(singles) / 4
        uneven = {letter: counts[letter] for letter in "abcd"
                  if abs(counts[letter] - even) > max(0.4 * even, 1)}
        assert not uneven, (f"docs/data/questions/{task}.yml: {len(singles)} single-answer questions, "
                            f"an even share is {even:.1f} each; these letters are off it: {uneven}")
