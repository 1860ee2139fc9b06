"""Near-duplicate questions: pairs whose scenario and keyed answer use the same words.

Two questions "test the same fact the same way" when their stems and correct options share most
of their distinctive words. Each question becomes a TF-IDF vector (English stop words dropped,
sublinear term frequency) of its stem and its keyed options; a pair whose cosine similarity
reaches THRESHOLD is a near duplicate unless `docs/data/question-pairs.yml` lists it with the
reason the two questions differ. On the bank of December 2026 the most similar pairs scored 0.40
to 0.56 and were the ones a reviewer would compare; unrelated questions score below 0.3.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 0.45


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    score: float


def question_text(question: dict) -> str:
    """What the comparison reads: the stem and the keyed options (distractors may repeat)."""
    return " ".join([question["stem"], *(question["options"][a] for a in question["answer"])])


def similar_pairs(questions: list[dict], threshold: float = THRESHOLD) -> list[Pair]:
    """Every pair of questions at or above `threshold`, most similar first, ids in bank order."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    if len(questions) < 2:
        return []
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [question_text(q) for q in questions])
    scores = cosine_similarity(vectors)
    pairs = [Pair(questions[i]["id"], questions[j]["id"], round(float(scores[i, j]), 3))
             for i in range(len(questions)) for j in range(i + 1, len(questions))
             if scores[i, j] >= threshold]
    return sorted(pairs, key=lambda pair: -pair.score)
