"""How many labelled examples a problem needs before a model is worth more than a guess.

Trains the same model on random samples of 20 to 2,560 labelled rows, 20 times per size, scores
each run on one large test set, and draws the median ROC AUC with the spread between the 10th and
90th percentile runs: tiny samples give scores that are low and, worse, unpredictable.

Run it with: .venv/bin/python snippets/3-modeling/3-1-frame-business-problems/how_much_data.py
"""

# --8<-- [start:curve]
import numpy as np
from mlsguide import SEED
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

X, y = make_classification(n_samples=15_000, n_features=20, n_informative=6, flip_y=0.05,
                           class_sep=0.6, random_state=SEED)
X_pool, y_pool, X_test, y_test = X[:5_000], y[:5_000], X[5_000:], y[5_000:]

rng = np.random.default_rng(SEED)
sizes = [20, 40, 80, 160, 320, 640, 1_280, 2_560]
curve = {}
for n in sizes:
    aucs = []
    for _ in range(20):  # 20 different samples of n labelled rows
        rows = rng.choice(len(y_pool), size=n, replace=False)
        if len(set(y_pool[rows])) < 2:
            continue  # a sample with one class cannot train a classifier
        model = LogisticRegression(max_iter=1_000).fit(X_pool[rows], y_pool[rows])
        aucs.append(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    curve[n] = np.percentile(aucs, [10, 50, 90])

print("labelled rows   AUC (median)   10th-90th percentile of 20 runs")
for n, (low, mid, high) in curve.items():
    print(f"{n:13,d}   {mid:12.3f}   {low:.3f} - {high:.3f}")

spread = {n: high - low for n, (low, _, high) in curve.items()}
assert curve[20][1] > 0.6, "even 20 rows beat guessing"
assert spread[20] > 5 * spread[2_560], "with 20 rows the score depends on luck"
assert curve[2_560][1] - curve[640][1] < 0.02, "beyond a few hundred rows the curve flattens"
# --8<-- [end:curve]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

low, mid, high = (np.array([curve[n][i] for n in sizes]) for i in range(3))
fig, ax = plt.subplots(figsize=(6, 4))
ax.fill_between(sizes, low, high, alpha=0.25, label="10th-90th percentile of 20 runs")
ax.plot(sizes, mid, marker="o", label="median test ROC AUC")
ax.axhline(0.5, linestyle="--", color="grey", label="guessing (AUC 0.5)")
ax.set_xscale("log", base=2)
ax.set_xticks(sizes, labels=[f"{n:,}" for n in sizes])
ax.set_xlabel("Labelled training rows (log scale)")
ax.set_ylabel(f"ROC AUC on {len(y_test):,} test rows")
ax.set_title("How much labelled data the same model needs")
ax.legend(loc="lower right")
show(fig, alt="Learning curve: median ROC AUC rises from about "
     f"{curve[20][1]:.2f} with 20 labelled rows to {curve[2_560][1]:.2f} with 2,560, and the band "
     "between the 10th and 90th percentile runs narrows from wide to almost a line.")
# --8<-- [end:plot]
