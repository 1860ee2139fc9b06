"""Stop words in text, and augmentation that adds training images without new labels.

Removes stop words from a few product reviews with scikit-learn's English list, shows how much the
vocabulary shrinks, and shows the danger: the list contains "not", so negations vanish. Then
augments a small labelled set of 8x8 digit images (bundled with scikit-learn, no download) with
shifted copies and measures what that does to accuracy on images that arrive slightly off-centre.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:stopwords]
import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

reviews = [
    "The battery is great and it charges in an hour!",
    "The battery is not great, it would not charge at all.",
    "Arrived on time; the screen is bright and the case fits.",
]


def tokens(text, drop_stop_words):
    """Lower-case, split on anything that is not a letter, optionally drop stop words."""
    words = re.findall(r"[a-z]+", text.lower())
    return [w for w in words if not (drop_stop_words and w in ENGLISH_STOP_WORDS)]


for review in reviews[:2]:
    print("all words: ", tokens(review, drop_stop_words=False))
    print("no stop words:", tokens(review, drop_stop_words=True))
before = {w for r in reviews for w in tokens(r, False)}
after = {w for r in reviews for w in tokens(r, True)}
print(f"vocabulary: {len(before)} words -> {len(after)} without stop words "
      f"(the list has {len(ENGLISH_STOP_WORDS)} entries)")

assert "not" in ENGLISH_STOP_WORDS, "the generic list removes negations"
assert tokens(reviews[0], True)[:2] == tokens(reviews[1], True)[:2] == ["battery", "great"]
assert len(after) <= 0.5 * len(before), "the vocabulary halves"
# --8<-- [end:stopwords]

# --8<-- [start:augment]
import numpy as np
from mlsguide import SEED
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

digits = load_digits()
images, labels = digits.images, digits.target
# Only 150 labelled images to learn from; the rest is the test set.
X_small, X_test, y_small, y_test = train_test_split(
    images, labels, train_size=150, stratify=labels, random_state=SEED)


def shifted(batch, dx, dy):
    """Move each 8x8 image by (dx, dy) pixels, filling the uncovered edge with background."""
    moved = np.roll(batch, shift=(dy, dx), axis=(1, 2))
    if dy:
        moved[:, (0 if dy > 0 else -1), :] = 0
    if dx:
        moved[:, :, (0 if dx > 0 else -1)] = 0
    return moved


offsets = [(1, 0), (-1, 0), (0, 1), (0, -1)]
# The camera in production does not centre the digits as carefully as the labelled set did:
# each test image is off by one pixel in a random direction, or not at all.
rng = np.random.default_rng(SEED)
where = rng.integers(0, len(offsets) + 1, size=len(X_test))
X_test = np.stack([img if k == len(offsets) else shifted(img[None], *offsets[k])[0]
                   for img, k in zip(X_test, where, strict=True)])
X_aug = np.concatenate([X_small] + [shifted(X_small, dx, dy) for dx, dy in offsets])
y_aug = np.concatenate([y_small] * (1 + len(offsets)))  # a shifted 3 is still a 3


def accuracy(train_images, train_labels):
    model = LogisticRegression(max_iter=5_000)
    model.fit(train_images.reshape(len(train_images), -1), train_labels)
    return model.score(X_test.reshape(len(X_test), -1), y_test)


plain, augmented = accuracy(X_small, y_small), accuracy(X_aug, y_aug)
print(f"training images: {len(X_small)} labelled -> {len(X_aug)} after augmentation")
print(f"accuracy on {len(X_test)} off-centre test images: {plain:.3f} without, "
      f"{augmented:.3f} with shifted copies")
assert augmented > plain + 0.1, "shifted copies teach the model the variation it meets in production"
# --8<-- [end:augment]
