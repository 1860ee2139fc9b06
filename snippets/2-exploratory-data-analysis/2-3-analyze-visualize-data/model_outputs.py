"""Graphs of a model's output: residual histograms and a confusion matrix's class frequencies.

Fits a linear regression to three seeded cases (a well-specified one, a skewed target and a test
set that drifted upwards) and draws the three residual histograms; then trains a three-class
classifier on an imbalanced support-ticket problem and reads the true and predicted class
frequencies off its confusion matrix.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:residuals]
import numpy as np
from mlsguide import SEED
from mlsguide.data import house_prices
from scipy import stats
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(SEED)
houses = house_prices(n_samples=2_000)
X, y = houses[["size_m2", "rooms", "age_years"]], houses["price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=SEED)
model = LinearRegression().fit(X_train, y_train)

skewed_y = np.exp(X_train["size_m2"] / 45 + rng.normal(0, 0.35, len(X_train)))  # multiplicative
cases = {
    "well specified": y_test - model.predict(X_test),
    "skewed target": skewed_y - LinearRegression().fit(X_train, skewed_y).predict(X_train),
    "drifted test set": y_test * 1.08 - model.predict(X_test),  # prices rose 8% since training
}
for name, residual in cases.items():
    print(f"{name:17s} mean {residual.mean():7.1f}  median {np.median(residual):7.1f}  "
          f"skewness {stats.skew(residual):5.2f}")

good, skewed, drifted = cases.values()
assert abs(good.mean()) < 3 and abs(stats.skew(good)) < 0.2, "centred and symmetric"
assert stats.skew(skewed) > 1 and np.median(skewed) < 0, "long right tail, most errors below 0"
assert drifted.mean() > 20, "shifted: the model under-predicts every house"
# --8<-- [end:residuals]

# --8<-- [start:residual_figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

plt.rcParams["font.size"] = 9
fig, axes = plt.subplots(1, 3, figsize=(9, 3), sharey=False)
for ax, (name, residual) in zip(axes, cases.items(), strict=True):
    ax.hist(residual, bins=30, color="#4878a8", edgecolor="white")
    ax.axvline(0, color="black", linestyle="--", label="zero")
    ax.set(title=name, xlabel="residual (actual - predicted)")
axes[0].set_ylabel("rows")
axes[0].legend()
fig.tight_layout()
show(fig, alt="Three residual histograms. Well specified: a symmetric bell centred on the dashed "
     "zero line. Skewed target: a tall peak just left of zero and a long tail to the right. "
     "Drifted test set: a bell of the same shape whose centre sits well to the right of zero.")
# --8<-- [end:residual_figure]

# --8<-- [start:confusion]
import pandas as pd
from sklearn.datasets import make_classification
from sklearn.metrics import confusion_matrix
from sklearn.tree import DecisionTreeClassifier

labels = ["billing", "technical", "account"]
X, y = make_classification(n_samples=3_000, n_features=8, n_informative=4, n_classes=3,
                           n_clusters_per_class=1, weights=[0.6, 0.3, 0.1], class_sep=0.8,
                           random_state=SEED)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y,
                                                    random_state=SEED)
classifier = DecisionTreeClassifier(max_depth=3, random_state=SEED).fit(X_train, y_train)
matrix = pd.DataFrame(confusion_matrix(y_test, classifier.predict(X_test)),
                      index=[f"true {c}" for c in labels], columns=[f"pred {c}" for c in labels])
matrix["true total"] = matrix.sum(axis=1)
matrix.loc["predicted total"] = matrix.sum(axis=0)
print(matrix.to_string())

true_share = matrix["true total"].iloc[:3] / len(y_test)
pred_share = matrix.loc["predicted total"].iloc[:3] / len(y_test)
recall = np.diag(matrix.iloc[:3, :3]) / matrix["true total"].iloc[:3].to_numpy()
for name, shares in (("true class shares", true_share), ("predicted class shares", pred_share),
                     ("recall per class", recall)):
    print(f"{name:23s}", "  ".join(f"{c} {v:.2f}" for c, v in zip(labels, shares, strict=True)))

assert pred_share.iloc[0] > true_share.iloc[0] + 0.03, "the model over-predicts billing"
assert pred_share.iloc[1] < true_share.iloc[1] - 0.05, "and under-predicts technical"
assert recall[1] == recall.min(), "technical has the lowest recall"
assert matrix.iloc[1, 0] == matrix.iloc[:3, :3].to_numpy()[~np.eye(3, dtype=bool)].max(), (
    "the biggest off-diagonal cell: technical tickets predicted as billing")
# --8<-- [end:confusion]

# --8<-- [start:confusion_figure]
counts = matrix.iloc[:3, :3].to_numpy()
fig, ax = plt.subplots(figsize=(5.2, 4))
ax.imshow(counts, cmap="Blues")
ax.set_xticks(range(3), [f"{c}\n({n})" for c, n in zip(labels, counts.sum(axis=0), strict=True)])
ax.set_yticks(range(3), [f"{c} ({n})" for c, n in zip(labels, counts.sum(axis=1), strict=True)])
ax.set(xlabel="predicted class (column total)", ylabel="true class (row total)",
       title="Confusion matrix, test set")
for i in range(3):
    for j in range(3):
        ax.text(j, i, counts[i, j], ha="center", va="center",
                color="white" if counts[i, j] > counts.max() / 2 else "black")
fig.tight_layout()
show(fig, alt="A three-by-three confusion matrix with true classes billing, technical and "
     "account as rows and predicted classes as columns, each label followed by its total. The "
     "billing column total is larger than the billing row total and the technical column total "
     "is smaller than the technical row total; the largest cell off the diagonal is true "
     "technical predicted as billing. The model predicts billing too often and technical too "
     "rarely.")
# --8<-- [end:confusion_figure]
