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

auc = {name: roc_auc_score(y_test, s) for name, s in scores.items()}
assert min(auc.values()) > 0.85, "both models rank far better than chance"
# --8<-- [end:scores]

# --8<-- [start:roc]
import matplotlib.pyplot as plt
import numpy as np
from mlsguide.figures import show
from sklearn.metrics import roc_curve

fig, ax = plt.subplots(figsize=(5.5, 4.2))
tpr_at_2pct = {}  # true positive rate where the false positive rate is 2%
for (name, s), style in zip(scores.items(), ["-", "--"], strict=True):
    fpr, tpr, _ = roc_curve(y_test, s)
    tpr_at_2pct[name] = np.interp(0.02, fpr, tpr)
    ax.plot(fpr, tpr, style, lw=2, label=f"{name} (AUC {roc_auc_score(y_test, s):.3f})")
ax.plot([0, 1], [0, 1], ":", color="grey", label="random guessing (AUC 0.5)")
lr = scores["logistic regression"]
pred = lr >= 0.5
dot_fpr = (pred & (y_test == 0)).sum() / (y_test == 0).sum()
dot_tpr = (pred & (y_test == 1)).sum() / (y_test == 1).sum()
ax.plot(dot_fpr, dot_tpr, "ko", label="logistic regression at threshold 0.5")
ax.set_xlabel("False positive rate (1 - specificity)")
ax.set_ylabel("True positive rate (recall)")
ax.set_title("ROC curves on the test set")
ax.legend(loc="lower right", fontsize=8)
show(fig, alt="ROC curves: both models bow far above the diagonal; the random forest climbs "
              "faster at low false positive rates, and logistic regression's 0.5 threshold sits "
              "near the left edge.")

assert dot_fpr < 0.05 and 0.5 < dot_tpr < 0.65, "the dot: low FPR, TPR just over 1/2"
assert tpr_at_2pct["random forest"] > tpr_at_2pct["logistic regression"], (
    "the random forest climbs faster at low false positive rates")
# --8<-- [end:roc]

# --8<-- [start:pr]
from sklearn.metrics import precision_recall_curve

fig, ax = plt.subplots(figsize=(5.5, 4.2))
reach = {}  # the highest recall at which precision is still 0.8 or more
for (name, s), style in zip(scores.items(), ["-", "--"], strict=True):
    precision, recall, _ = precision_recall_curve(y_test, s)
    reach[name] = recall[precision >= 0.8].max()
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

ap = {name: average_precision_score(y_test, s) for name, s in scores.items()}
ap_gap = ap["random forest"] - ap["logistic regression"]
auc_gap = auc["random forest"] - auc["logistic regression"]
assert ap_gap > 2 * auc_gap, "the models separate more here than on the ROC plot"
assert reach["random forest"] > reach["logistic regression"] + 0.1, (
    "the random forest keeps its precision up to a much higher recall")
# --8<-- [end:pr]

# --8<-- [start:imbalance]
import numpy as np

# Same model, same scores; count every negative 20 times, as if positives were 20x rarer.
lr = scores["logistic regression"]
roc_auc, avg_precision = {}, {}
for factor in (1, 20):
    weight = np.where(y_test == 0, factor, 1)
    roc_auc[factor] = roc_auc_score(y_test, lr, sample_weight=weight)
    avg_precision[factor] = average_precision_score(y_test, lr, sample_weight=weight)
    false_pos = ((lr >= 0.5) & (y_test == 0)).sum() * factor
    true_pos = ((lr >= 0.5) & (y_test == 1)).sum()
    rate = y_test.sum() / weight.sum()
    print(f"negatives x{factor:<2d} positive rate {rate:6.2%}  "
          f"ROC AUC {roc_auc[factor]:.3f}  AP {avg_precision[factor]:.3f}  "
          f"at 0.5: TP {true_pos}, FP {false_pos}")

assert abs(roc_auc[20] - roc_auc[1]) < 1e-9, "ROC AUC does not move"
assert avg_precision[20] < 0.6 * avg_precision[1], "average precision collapses"
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
on_test = {t: expected_cost(y_test, lr, t) for t in (0.5, best)}
for t, (total, fp, fn) in on_test.items():
    print(f"test set, threshold {t:.2f}: FP {fp:3d}  FN {fn:3d}  cost USD {total:,.0f}")

(cost_05, fp_05, fn_05), (cost_best, fp_best, fn_best) = on_test[0.5], on_test[best]
assert COST_FP / (COST_FP + COST_FN) < best < 0.25, "well below 0.5, above the formula"
assert abs(cost_best / cost_05 - 0.5) < 0.1, "the test cost falls by about half"
assert fp_best > fp_05 and fn_best < fn_05, "more cheap false alarms, fewer misses"
# --8<-- [end:cost]
