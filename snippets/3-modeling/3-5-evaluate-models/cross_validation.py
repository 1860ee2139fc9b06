"""Cross-validation: k-fold, stratified k-fold, time-series splits and data leakage.

Estimates a model's ROC AUC with 5-fold cross-validation, shows how plain k-fold can leave a rare
class unevenly spread across folds while stratified k-fold keeps the class ratio in each fold,
prints the expanding-window folds of a time-series split, and shows how selecting features on the
whole dataset before cross-validation leaks information into the score.
"""

# --8<-- [start:kfold]
import numpy as np
from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = imbalanced_classification(n_samples=4_000, positive_rate=0.1)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000))
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
auc = cross_val_score(model, X, y, cv=folds, scoring="roc_auc")
print("ROC AUC per fold:", np.round(auc, 3))
print(f"mean {auc.mean():.3f} +/- {auc.std():.3f} (standard deviation across folds)")

# With only 150 rows (about 15 positives), compare how positives spread across 5 folds.
X_small, y_small = X[:150], y[:150]
positives = {}
for splitter in (KFold(5, shuffle=True, random_state=SEED),
                 StratifiedKFold(5, shuffle=True, random_state=SEED)):
    per_fold = [int(y_small[test].sum()) for _, test in splitter.split(X_small, y_small)]
    positives[type(splitter).__name__] = per_fold
    print(f"{type(splitter).__name__:16s} positives in each validation fold: {per_fold}")

assert abs(y_small.sum() - 15) <= 2, "about fifteen positives in 150 rows"
assert 0 in positives["KFold"], "plain k-fold leaves a fold with no positives"
assert set(positives["StratifiedKFold"]) <= {3, 4}, "stratified: three or four each"
# --8<-- [end:kfold]

# --8<-- [start:timeseries]
from sklearn.model_selection import TimeSeriesSplit

months = np.array([f"2025-{m:02d}" for m in range(1, 13)] + [f"2026-{m:02d}" for m in range(1, 7)])
for i, (train, test) in enumerate(TimeSeriesSplit(n_splits=4, test_size=3).split(months), 1):
    print(f"fold {i}: train {months[train[0]]}..{months[train[-1]]} ({len(train):2d} months)"
          f"  ->  validate {months[test[0]]}..{months[test[-1]]}")
    assert train[0] == 0, "an expanding window: training always starts at the start"
    assert test[0] == train[-1] + 1, "validation is the period right after training"
# --8<-- [end:timeseries]

# --8<-- [start:leakage]
from sklearn.feature_selection import SelectKBest, f_classif

# Pure noise: 5,000 random features and random labels. No model can beat a coin flip here.
rng = np.random.default_rng(SEED)
noise_X = rng.normal(size=(100, 5_000))
noise_y = rng.integers(0, 2, size=100)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

# Wrong: pick the 20 "best" features using ALL rows, then cross-validate.
picked = SelectKBest(f_classif, k=20).fit_transform(noise_X, noise_y)
leaky = cross_val_score(LogisticRegression(max_iter=1_000), picked, noise_y, cv=cv)

# Right: feature selection inside the pipeline, so each fold selects on its training rows only.
honest_model = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression(max_iter=1_000))
honest = cross_val_score(honest_model, noise_X, noise_y, cv=cv)
print(f"selection before CV (leaky):  accuracy {leaky.mean():.2f}")
print(f"selection inside CV (honest): accuracy {honest.mean():.2f}")

assert leaky.mean() > 0.75, "leaky selection produces a convincing score"
assert abs(honest.mean() - 0.5) < 0.1, "honest selection: back to a coin flip"
# --8<-- [end:leakage]
