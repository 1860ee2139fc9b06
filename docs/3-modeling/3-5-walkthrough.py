# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     name: python3
#     display_name: Python 3
#     language: python
# ---

# %% [markdown]
# # 3.5 walkthrough: from an imbalanced dataset to a chosen threshold
#
# This notebook takes one binary classification problem from raw data to a decision rule you
# could deploy. Positives are rare (about one row in ten), as in fraud or churn, and the two kinds
# of mistake cost different amounts of money. The steps:
#
# 1. split the data three ways: training, validation and test;
# 2. train two candidate models and compare them on the validation set;
# 3. price each threshold by its expected cost on the validation set and pick the cheapest;
# 4. confirm the choice once on the test set, which played no part in any decision.
#
# It runs offline on synthetic data from `mlsguide.data`; every number below is computed when the
# page is built. The chapter [3.5 Evaluate ML models](3-5-evaluate-models.md) explains the metrics.

# %%
import matplotlib.pyplot as plt
import numpy as np
from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    precision_recall_curve,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

# %% [markdown]
# ## 1. Data and a three-way split
#
# `stratify=` keeps the share of positives the same in every part, which matters when positives
# are rare: an unlucky split could otherwise leave the validation set with very few of them.

# %%
X, y = imbalanced_classification(n_samples=6_000, positive_rate=0.1)
X_train, X_rest, y_train, y_rest = train_test_split(
    X, y, test_size=0.4, stratify=y, random_state=SEED
)
X_val, X_test, y_val, y_test = train_test_split(
    X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=SEED
)
for name, labels in [("train", y_train), ("validation", y_val), ("test", y_test)]:
    print(f"{name:10s} {len(labels):5d} rows, {labels.sum():4d} positives ({labels.mean():.1%})")

shares = [labels.mean() for labels in (y_train, y_val, y_test)]
assert max(shares) - min(shares) < 0.005, "stratify= keeps the share the same"
assert abs(y.mean() - 0.1) < 0.02, "positives are about one row in ten"

# %% [markdown]
# ## 2. Train two candidates and compare them on validation data
#
# With rare positives, accuracy says little (predicting "negative" for everyone already scores
# about 90%), so the comparison uses ROC AUC and PR AUC (average precision). Both are
# threshold-free: they judge how well each model *ranks* positives above negatives.

# %%
candidates = {
    "logistic regression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000)),
    "random forest": RandomForestClassifier(n_estimators=100, random_state=SEED),
}
val_scores = {}
for name, model in candidates.items():
    model.fit(X_train, y_train)
    val_scores[name] = model.predict_proba(X_val)[:, 1]
    print(f"{name:20s} ROC AUC {roc_auc_score(y_val, val_scores[name]):.3f}  "
          f"PR AUC {average_precision_score(y_val, val_scores[name]):.3f}")

chosen = max(val_scores, key=lambda n: average_precision_score(y_val, val_scores[n]))
model, scores = candidates[chosen], val_scores[chosen]
print("chosen on validation PR AUC:", chosen)
print(f"always predicting 'negative': accuracy {1 - y_val.mean():.1%}")
assert abs((1 - y_val.mean()) - 0.9) < 0.02, "doing nothing scores about 90%"

# %%
fig, ax = plt.subplots(figsize=(5.5, 4))
for name, s in val_scores.items():
    precision, recall, _ = precision_recall_curve(y_val, s)
    ax.plot(recall, precision, lw=2, label=f"{name} (AP {average_precision_score(y_val, s):.3f})")
ax.axhline(y_val.mean(), ls=":", color="grey", label="random guessing")
ax.set_xlabel("Recall")
ax.set_ylabel("Precision")
ax.set_title("Precision-recall curves, validation set")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# ## 3. Put a price on each kind of mistake
#
# Suppose every flagged case is checked by an analyst, which costs **USD 10** whether or not it
# was a real positive, and every positive the model misses costs **USD 200**. A false positive
# therefore costs 10, a false negative 200, and correct answers cost nothing extra. The expected
# cost of a threshold *t* on the validation set is
#
# `cost(t) = 10 × FP(t) + 200 × FN(t)`
#
# The default threshold of 0.5 treats both mistakes as equally bad, which these costs say they
# are not.

# %%
COST_FP, COST_FN = 10.0, 200.0


def cost_at(y_true, s, threshold):
    tn, fp, fn, tp = confusion_matrix(y_true, s >= threshold, labels=[0, 1]).ravel()
    return COST_FP * fp + COST_FN * fn, fp, fn


thresholds = np.round(np.arange(0.01, 0.91, 0.01), 2)
costs = np.array([cost_at(y_val, scores, t)[0] for t in thresholds])
best = float(thresholds[costs.argmin()])

print(f"{'threshold':>9s} {'FP':>5s} {'FN':>5s} {'cost':>8s}")
for t in sorted({0.05, 0.1, 0.2, 0.3, 0.5, best}):
    total, fp, fn = cost_at(y_val, scores, t)
    marker = "  <- cheapest" if t == best else ""
    print(f"{t:9.2f} {fp:5d} {fn:5d} {total:8,.0f}{marker}")

# %%
fig, ax = plt.subplots(figsize=(5.5, 3.8))
ax.plot(thresholds, costs, lw=2, label="validation cost")
ax.axvline(best, ls="--", color="tab:orange", label=f"cheapest threshold {best:.2f}")
ax.axvline(0.5, ls=":", color="grey", label="default threshold 0.5")
ax.set_xlabel("Decision threshold")
ax.set_ylabel("Expected cost on validation set (USD)")
ax.set_title(f"Cost of each threshold ({chosen})")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# If the scores were perfectly calibrated probabilities, flagging a case would pay off whenever
# `p × 200 > (1 − p) × 10`, that is for `p > 10 / 210 ≈ 0.048`. Real scores are rarely calibrated
# that well (a random forest's certainly are not), so the threshold is read off the validation
# costs instead of the formula.

# %%
print(f"formula threshold {COST_FP / (COST_FP + COST_FN):.3f}, validation threshold {best:.2f}")

# %% [markdown]
# ## 4. Confirm once on the test set
#
# The test set has not influenced the model, the model choice or the threshold, so its cost is an
# honest estimate of what the rule will cost on new data. Compare the chosen threshold with the
# default.

# %%
test_scores = model.predict_proba(X_test)[:, 1]
on_test = {}
for t in (0.5, best):
    total, fp, fn = cost_at(y_test, test_scores, t)
    tn, _, _, tp = confusion_matrix(y_test, test_scores >= t).ravel()
    on_test[t] = {"cost": total, "recall": tp / (tp + fn), "precision": tp / (tp + fp)}
    print(f"threshold {t:.2f}: TP {tp:3d}  FP {fp:3d}  FN {fn:3d}  TN {tn:4d}  "
          f"recall {tp / (tp + fn):.2f}  precision {tp / (tp + fp):.2f}  cost USD {total:,.0f}")

default, chosen_rule = on_test[0.5], on_test[best]
assert chosen_rule["cost"] < default["cost"], "the test set confirms the choice"
assert chosen_rule["recall"] > default["recall"], "more positives found ..."
assert chosen_rule["precision"] < default["precision"], "... for more false alarms"

# %% [markdown]
# ## What to take away
#
# - The chosen threshold trades precision for recall: it raises more false alarms, which are
#   cheap, to miss fewer positives, which are expensive. Which way the trade goes depends only on
#   the costs, so a different business case would move the threshold the other way.
# - Model choice and threshold choice are separate decisions. The threshold-free metrics (ROC AUC,
#   PR AUC) pick the model; the costs pick the operating point on its curve.
# - Every choice was made on validation data. Tuning the threshold on the test set would make its
#   cost look better than it will be in production.
# - Once deployed, check the same numbers online: as the share of positives or the costs drift,
#   the cheapest threshold drifts too.
