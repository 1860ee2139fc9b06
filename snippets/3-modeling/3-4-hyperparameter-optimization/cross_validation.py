"""Why a tuning job should score each trial on more than one small validation split.

Three depths of a decision tree on scikit-learn's digits are compared the way a tuning job would
compare trials: by the score on one validation split of 150 images, and by 5-fold
cross-validation on the same development data. Each comparison is repeated with ten different
shuffles, and a test set that no choice touches says how good each depth really is.

Run it with: .venv/bin/python snippets/3-modeling/3-4-hyperparameter-optimization/cross_validation.py
"""

# --8<-- [start:noise]
from collections import Counter

import numpy as np
from mlsguide import SEED
from sklearn.datasets import load_digits
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.tree import DecisionTreeClassifier

X, y = load_digits(return_X_y=True)
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.3, stratify=y,
                                                random_state=SEED)
DEPTHS = (7, 9, 14)


def tree(depth):
    return DecisionTreeClassifier(max_depth=depth, random_state=SEED)


test_score = {d: tree(d).fit(X_dev, y_dev).score(X_test, y_test) for d in DEPTHS}
holdout, cv = {d: [] for d in DEPTHS}, {d: [] for d in DEPTHS}
for shuffle in range(10):
    X_fit, X_val, y_fit, y_val = train_test_split(X_dev, y_dev, test_size=150,
                                                  random_state=SEED + shuffle)
    folds = KFold(5, shuffle=True, random_state=SEED + shuffle)
    for d in DEPTHS:
        holdout[d].append(tree(d).fit(X_fit, y_fit).score(X_val, y_val))
        cv[d].append(cross_val_score(tree(d), X_dev, y_dev, cv=folds).mean())

print("max_depth   test accuracy   one split: mean (spread)   5-fold CV: mean (spread)")
for d in DEPTHS:
    print(f"{d:9d}   {test_score[d]:13.3f}   {np.mean(holdout[d]):.3f} ({np.std(holdout[d]):.3f})"
          f"{'':13}{np.mean(cv[d]):.3f} ({np.std(cv[d]):.3f})")
picks = {}
for name, scores in (("one split", holdout), ("5-fold CV", cv)):
    picks[name] = Counter(max(DEPTHS, key=lambda d, i=i: scores[d][i]) for i in range(10))
    print(f"{name:9} picked depth {dict(sorted(picks[name].items()))} in 10 shuffles")

worst = min(test_score, key=test_score.get)
assert all(np.std(holdout[d]) > 3 * np.std(cv[d]) for d in DEPTHS), "one split is noisy"
assert picks["one split"][worst] > 0 == picks["5-fold CV"][worst], "only one split picks the worst"
# --8<-- [end:noise]
