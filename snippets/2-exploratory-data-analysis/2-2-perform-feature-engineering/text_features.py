"""Text features: tokens, bag of words, n-grams, TF-IDF and the document-term matrix.

Tokenises a few support tickets, counts words and word pairs into a sparse document-term matrix,
weights it with TF-IDF and shows which words each weighting ranks highest, then measures how the
matrix grows with n-grams on a larger seeded corpus.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:tokens]
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

tickets = [
    "The app crashes when I upload a photo.",
    "Upload fails: the photo is too large.",
    "I was charged twice for one order.",
    "Refund the order, I was charged twice!",
]
analyse = CountVectorizer().build_analyzer()  # lower-case, split on word boundaries
print("tokens:", analyse(tickets[1]))
bigrams = CountVectorizer(ngram_range=(1, 2)).build_analyzer()
print("with bigrams:", bigrams(tickets[1])[-4:])
assert "fails" in analyse(tickets[1]) and "photo is" in bigrams(tickets[1])
# --8<-- [end:tokens]

# --8<-- [start:bag_of_words]
counts = CountVectorizer()
matrix = counts.fit_transform(tickets)
vocabulary = counts.get_feature_names_out()
print(f"document-term matrix: {matrix.shape[0]} documents x {matrix.shape[1]} terms, "
      f"{matrix.nnz} non-zero cells of {matrix.shape[0] * matrix.shape[1]}")
print("row 0:", {term: int(n) for term, n in zip(vocabulary, matrix.toarray()[0], strict=True) if n})
assert matrix.shape == (4, len(vocabulary)), "one row per document, one column per term"
# --8<-- [end:bag_of_words]

# --8<-- [start:tfidf]
tfidf = TfidfVectorizer()
weights = tfidf.fit_transform(tickets).toarray()
terms = tfidf.get_feature_names_out()
for row in (0, 2):
    top = sorted(zip(weights[row], terms, strict=True), reverse=True)[:3]
    print(f"ticket {row} top TF-IDF terms:", [(term, round(float(w), 2)) for w, term in top])
the = list(terms).index("the")
crashes = list(terms).index("crashes")
print(f"in ticket 0: 'the' weighs {weights[0, the]:.2f}, 'crashes' {weights[0, crashes]:.2f}")
assert weights[0, crashes] > 1.4 * weights[0, the], "a word in three of four tickets weighs less"
# --8<-- [end:tfidf]

# --8<-- [start:ngram_growth]
import numpy as np
from mlsguide import SEED

rng = np.random.default_rng(SEED)
words = [f"w{i}" for i in range(2_000)]
zipf = 1 / np.arange(1, 2_001)  # a few common words, many rare ones, like real text
corpus = [" ".join(rng.choice(words, 40, p=zipf / zipf.sum())) for _ in range(5_000)]
widths = {}
for n_max in (1, 2, 3):
    dtm = CountVectorizer(ngram_range=(1, n_max)).fit_transform(corpus)
    density = dtm.nnz / (dtm.shape[0] * dtm.shape[1])
    print(f"n-grams up to {n_max}: {dtm.shape[0]} x {dtm.shape[1]:>7,} terms, "
          f"density {density:.5f}")
    widths[n_max] = dtm.shape[1]
assert 40 < widths[2] / widths[1] < 50, "bigrams multiply the columns about 45 times"
assert widths[3] > 100 * widths[1], "trigrams more than a hundred times"
# --8<-- [end:ngram_growth]
