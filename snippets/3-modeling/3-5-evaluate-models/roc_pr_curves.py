"""ROC and precision-recall curves, and choosing a threshold from business costs.

Scores the same test set with two models (logistic regression and a random forest), draws
their ROC curves and precision-recall curves, shows that ROC AUC does not move when negatives
become far more common while average precision falls, and picks the threshold that minimises the
expected cost of false positives and false negatives on cross-validated training predictions.
"""

# --8<-- [start:scores]
from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = imbalanced_classification(n_samples=4_000, positive_rate=0.1)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=SEED
)
models = {
    "logistic regression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000)),
    "random forest": RandomForestClassifier(n_estimators=100, random_state=SEED),
}
scores = {}
for name, model in models.items():
    scores[name] = model.fit(X_train, y_train).predict_proba(X_test)[:, 1]
    print(f"{name:20s} ROC AUC {roc_auc_score(y_test, scores[name]):.3f}   "
          f"PR AUC (average precision) {average_precision_score(y_test, scores[name]):.3f}")
print(f"{'random guessing':20s} ROC AUC 0.500   PR AUC = positive rate = {y_test.mean():.3f}")
# --8<-- [end:scores]

# --8<-- [start:roc]
import matplotlib.pyplot as plt
from mlsguide.figures import show
from sklearn.metrics import roc_curve

fig, ax = plt.subplots(figsize=(5.5, 4.2))
for (name, s), style in zip(scores.items(), ["-", "--"], strict=True):
    fpr, tpr, _ = roc_curve(y_test, s)
    ax.plot(fpr, tpr, style, lw=2, label=f"{name} (AUC {roc_auc_score(y_test, s):.3f})")
ax.plot([0, 1], [0, 1], ":", color="grey", label="random guessing (AUC 0.5)")
lr = scores["logistic regression"]
pred = lr >= 0.5
ax.plot(
    (pred & (y_test == 0)).sum() / (y_test == 0).sum(),
    (pred & (y_test == 1)).sum() / (y_test == 1).sum(),
    "ko", label="logistic regression at threshold 0.5",
)
ax.set_xlabel("False positive rate (1 - specificity)")
ax.set_ylabel("True positive rate (recall)")
ax.set_title("ROC curves on the test set")
ax.legend(loc="lower right", fontsize=8)
show(fig, alt="ROC curves: both models bow far above the diagonal; the random forest climbs "
              "faster at low false positive rates, and logistic regression's 0.5 threshold sits "
              "near the left edge.")
# --8<-- [end:roc]

# --8<-- [start:pr]
from sklearn.metrics import precision_recall_curve

fig, ax = plt.subplots(figsize=(5.5, 4.2))
for (name, s), style in zip(scores.items(), ["-", "--"], strict=True):
    precision, recall, _ = precision_recall_curve(y_test, s)
    ax.plot(recall, precision, style, lw=2,
            label=f"{name} (AP {average_precision_score(y_test, s):.3f})")
ax.axhline(y_test.mean(), ls=":", color="grey",
           label=f"random guessing (precision = {y_test.mean():.3f})")
ax.set_xlabel("Recall (true positive rate)")
ax.set_ylabel("Precision (positive predictive value)")
ax.set_ylim(0, 1.02)
ax.set_title("Precision-recall curves on the test set")
ax.legend(loc="lower left", fontsize=8)
show(fig, alt="Precision-recall curves: precision falls as recall rises for both models; the gap "
              "between the random forest and logistic regression is wider than on the ROC plot.")
# --8<-- [end:pr]

# --8<-- [start:imbalance]
import numpy as np

# Same model, same scores; count every negative 20 times, as if positives were 20x rarer.
lr = scores["logistic regression"]
for factor in (1, 20):
    weight = np.where(y_test == 0, factor, 1)
    false_pos = ((lr >= 0.5) & (y_test == 0)).sum() * factor
    true_pos = ((lr >= 0.5) & (y_test == 1)).sum()
    rate = y_test.sum() / weight.sum()
    print(f"negatives x{factor:<2d} positive rate {rate:6.2%}  "
          f"ROC AUC {roc_auc_score(y_test, lr, sample_weight=weight):.3f}  "
          f"AP {average_precision_score(y_test, lr, sample_weight=weight):.3f}  "
          f"at 0.5: TP {true_pos}, FP {false_pos}")
# --8<-- [end:imbalance]

# --8<-- [start:cost]
from sklearn.model_selection import cross_val_predict

COST_FP = 10.0  # e.g. an analyst reviews a legitimate transaction
COST_FN = 200.0  # e.g. a fraudulent transaction goes through


def expected_cost(y_true, s, threshold):
    flagged = s >= threshold
    fp = (flagged & (y_true == 0)).sum()
    fn = (~flagged & (y_true == 1)).sum()
    return fp * COST_FP + fn * COST_FN, fp, fn


# Choose on out-of-fold predictions for the TRAINING rows; the test set stays untouched.
lr_model = models["logistic regression"]
oof = cross_val_predict(lr_model, X_train, y_train, cv=5, method="predict_proba")[:, 1]
grid = np.round(np.arange(0.02, 0.81, 0.01), 2)
costs = [expected_cost(y_train, oof, t)[0] for t in grid]
best = float(grid[int(np.argmin(costs))])
print(f"rule of thumb C_FP/(C_FP+C_FN) = {COST_FP / (COST_FP + COST_FN):.3f}; "
      f"best on validation folds = {best:.2f}")
for t in (0.5, best):
    total, fp, fn = expected_cost(y_test, lr, t)
    print(f"test set, threshold {t:.2f}: FP {fp:3d}  FN {fn:3d}  cost USD {total:,.0f}")
# --8<-- [end:cost]
