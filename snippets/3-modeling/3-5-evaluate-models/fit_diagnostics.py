"""Diagnosing overfitting and underfitting with learning curves and validation curves.

Uses decision trees on `mlsguide.data.imbalanced_classification()`: an unpruned tree (high variance)
and a one-split stump (high bias). The learning curve shows how training and validation scores
move as the training set grows; the validation curve sweeps tree depth to find the point where
the model stops underfitting and starts overfitting.
"""

# --8<-- [start:learning]
import matplotlib.pyplot as plt
import numpy as np
from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from mlsguide.figures import show
from sklearn.model_selection import StratifiedKFold, learning_curve
from sklearn.tree import DecisionTreeClassifier

X, y = imbalanced_classification(n_samples=4_000, positive_rate=0.1)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
candidates = {
    "unpruned tree (high variance)": DecisionTreeClassifier(random_state=SEED),
    "one-split stump (high bias)": DecisionTreeClassifier(max_depth=1, random_state=SEED),
}
curves = {}
fig, axes = plt.subplots(1, 2, figsize=(9, 3.6), sharey=True)
for ax, (name, tree) in zip(axes, candidates.items(), strict=True):
    sizes, train, valid = learning_curve(
        tree, X, y, cv=cv, scoring="roc_auc", train_sizes=np.linspace(0.1, 1.0, 6)
    )
    curves[name] = (sizes, train.mean(axis=1), valid.mean(axis=1))
    ax.plot(sizes, train.mean(axis=1), "o-", label="training score")
    ax.plot(sizes, valid.mean(axis=1), "s--", label="validation score (5-fold CV)")
    ax.set_title(name, fontsize=10)
    ax.set_xlabel("Training examples")
axes[0].set_ylabel("ROC AUC")
axes[0].legend(fontsize=8, loc="lower right")
fig.suptitle("Learning curves", y=1.02)
show(fig, alt="Learning curves: the unpruned tree scores 1.0 on training data with a wide gap to "
              "its validation score; the stump's two curves meet at a low score.")
# --8<-- [end:learning]

# --8<-- [start:learning_numbers]
for name, (sizes, train_mean, valid_mean) in curves.items():
    print(f"{name}")
    print(f"  {sizes[0]:4d} rows: train {train_mean[0]:.3f}  validation {valid_mean[0]:.3f}")
    print(f"  {sizes[-1]:4d} rows: train {train_mean[-1]:.3f}  validation {valid_mean[-1]:.3f}  "
          f"gap {train_mean[-1] - valid_mean[-1]:.3f}")

(_, tree_train, tree_valid), (_, stump_train, stump_valid) = curves.values()
assert (tree_train == 1).all(), "the unpruned tree: a perfect training AUC"
assert tree_train[-1] - tree_valid[-1] > 0.1, "... with a wide gap to validation"
assert tree_valid[-1] > tree_valid[0], "... whose validation score still rises"
assert abs(stump_train[-1] - stump_valid[-1]) < 0.02, "the stump's curves meet"
assert stump_valid[-1] < 0.75, "... at a low value"
# --8<-- [end:learning_numbers]

# --8<-- [start:validation]
from sklearn.model_selection import validation_curve

depths = np.arange(1, 13)
train, valid = validation_curve(
    DecisionTreeClassifier(random_state=SEED), X, y, param_name="max_depth",
    param_range=depths, cv=cv, scoring="roc_auc",
)
best = int(depths[valid.mean(axis=1).argmax()])
fig, ax = plt.subplots(figsize=(5.5, 3.8))
ax.plot(depths, train.mean(axis=1), "o-", label="training score")
ax.plot(depths, valid.mean(axis=1), "s--", label="validation score (5-fold CV)")
ax.axvline(best, color="grey", ls=":", label=f"best depth = {best}")
ax.set_xlabel("max_depth (model complexity)")
ax.set_ylabel("ROC AUC")
ax.set_title("Validation curve for a decision tree")
ax.legend(fontsize=8)
show(fig, alt=f"Validation curve: training AUC keeps rising with depth while validation AUC "
              f"peaks at depth {best} and then falls.")
# --8<-- [end:validation]

# --8<-- [start:validation_numbers]
for d in (1, best, 12):
    i = d - 1
    print(f"max_depth {d:2d}: train {train.mean(axis=1)[i]:.3f}  "
          f"validation {valid.mean(axis=1)[i]:.3f}")

train_mean, valid_mean = train.mean(axis=1), valid.mean(axis=1)  # [depth - 1]
peak = best - 1
assert max(train_mean[0], valid_mean[0]) < valid_mean[peak], "left: both low"
assert train_mean[-1] > train_mean[peak], "right: training keeps improving"
assert valid_mean[-1] < valid_mean[peak], "... while validation declines"
# --8<-- [end:validation_numbers]
