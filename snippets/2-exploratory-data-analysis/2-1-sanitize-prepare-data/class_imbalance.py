"""Class imbalance: random oversampling, undersampling, SMOTE and class weights, measured.

Trains one logistic regression on a problem with about 6% positives five ways: as it is, with class
weights, after random oversampling, after random undersampling and after SMOTE (imbalanced-learn,
inside an imblearn pipeline so that only training rows are resampled). Compares what each does to
the training set, to precision and recall at the 0.5 threshold and to the precision-recall AUC,
draws the comparison, and shows how oversampling before the split leaks test rows into training.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:setup]
# Set-up: a seeded dataset with about 6% positives, split 70/30 with the same share in each part
import numpy as np
from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from sklearn.model_selection import train_test_split

X, y = imbalanced_classification(n_samples=8_000, positive_rate=0.05)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=SEED)
print(f"training rows {len(y_train)}: {y_train.sum()} positives ({y_train.mean():.1%})")
# --8<-- [end:setup]

# --8<-- [start:resample]
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler

samplers = {
    "random oversampling": RandomOverSampler(random_state=SEED),
    "random undersampling": RandomUnderSampler(random_state=SEED),
    "SMOTE (k=5)": SMOTE(k_neighbors=5, random_state=SEED),
}
originals = {row.tobytes() for row in X_train}
new_rows = {}
for name, sampler in samplers.items():
    X_res, y_res = sampler.fit_resample(X_train, y_train)
    distinct = len({row.tobytes() for row in X_res})
    new_rows[name] = sum(row.tobytes() not in originals for row in X_res)
    print(f"{name:21s} rows {len(y_res):5d}  positives {y_res.sum():5d}  "
          f"distinct rows {distinct:5d}  rows not in the original data {new_rows[name]:5d}")

assert new_rows["random oversampling"] == 0, "oversampling only repeats existing positives"
assert new_rows["random undersampling"] == 0, "undersampling only removes negatives"
assert new_rows["SMOTE (k=5)"] > 4_000, "SMOTE interpolates new, synthetic positives"
# --8<-- [end:resample]

# --8<-- [start:compare]
from imblearn.pipeline import make_pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score
from sklearn.preprocessing import StandardScaler

variants = {"as is": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000)),
            "class weights": make_pipeline(StandardScaler(),
                                           LogisticRegression(max_iter=1_000,
                                                              class_weight="balanced"))}
for name, sampler in samplers.items():  # the sampler runs on training data only, at fit time
    variants[name] = make_pipeline(StandardScaler(), sampler, LogisticRegression(max_iter=1_000))

metrics = {}
for name, pipeline in variants.items():
    pipeline.fit(X_train, y_train)
    scores = pipeline.predict_proba(X_test)[:, 1]
    decided = (scores >= 0.5).astype(int)
    metrics[name] = {"precision": precision_score(y_test, decided),
                     "recall": recall_score(y_test, decided),
                     "pr_auc": average_precision_score(y_test, scores)}
    m = metrics[name]
    print(f"{name:21s} precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
          f"PR AUC {m['pr_auc']:.3f}")

base = metrics["as is"]
assert base["recall"] < 0.2 and base["precision"] > 0.4, "as is: high precision, low recall"
for name in list(variants)[1:]:
    assert metrics[name]["recall"] > 0.7 and metrics[name]["precision"] < 0.25, name
    assert metrics[name]["recall"] > base["recall"] + 0.5, f"{name}: recall rises"
    assert metrics[name]["precision"] < base["precision"] - 0.2, f"{name}: precision falls"
    assert metrics[name]["pr_auc"] <= base["pr_auc"] + 0.01, f"{name}: ranking no better"

# The same trade is available without resampling: lower the threshold of the model "as is".
# Pick the threshold on training rows so that training recall reaches 0.8, then test it.
train_scores = variants["as is"].predict_proba(X_train)[:, 1]
threshold = np.quantile(train_scores[y_train == 1], 0.2)  # 80% of training positives above
test_scores = variants["as is"].predict_proba(X_test)[:, 1]
lowered = (test_scores >= threshold).astype(int)
print(f"as is, threshold {threshold:.3f} precision {precision_score(y_test, lowered):.3f}  "
      f"recall {recall_score(y_test, lowered):.3f}")
assert abs(recall_score(y_test, lowered) - metrics["class weights"]["recall"]) < 0.1
assert abs(precision_score(y_test, lowered) - metrics["class weights"]["precision"]) < 0.05
# --8<-- [end:compare]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

names = list(metrics)
positions = np.arange(len(names))
fig, ax = plt.subplots(figsize=(7.5, 3.8))
ax.bar(positions - 0.2, [metrics[n]["precision"] for n in names], width=0.4,
       color="#4878a8", label="precision")
ax.bar(positions + 0.2, [metrics[n]["recall"] for n in names], width=0.4,
       color="#e08a2c", hatch="//", edgecolor="black", label="recall")
ax.plot(positions, [metrics[n]["pr_auc"] for n in names], "kD", label="PR AUC")
ax.set_xticks(positions, labels=[n.replace(" ", "\n", 1) if len(n) > 10 else n for n in names],
              fontsize=8)
ax.set_ylim(0, 1)
ax.set_ylabel("test score (threshold 0.5)")
ax.set_title(f"Five ways to train on {y_train.mean():.0%} positives")
ax.legend(fontsize=8, loc="upper right")
fig.tight_layout()
show(fig, alt="Bar chart of precision and recall for five training variants. Trained as is, "
     "precision is high and recall low. Class weights, random oversampling, random "
     "undersampling and SMOTE all swap that: recall rises sharply while precision falls. "
     "The precision-recall AUC, drawn as diamonds, stays almost level across all five.")
# --8<-- [end:figure]

# --8<-- [start:leak]
# Wrong: oversample the whole dataset first, then split. Copies of the same positive land on
# both sides, so the test set partly re-checks what the model memorised.
from sklearn.ensemble import RandomForestClassifier

X_over, y_over = RandomOverSampler(random_state=SEED).fit_resample(X, y)
Xa, Xb, ya, yb = train_test_split(X_over, y_over, test_size=0.3, stratify=y_over,
                                  random_state=SEED)
leaky = RandomForestClassifier(n_estimators=100, random_state=SEED).fit(Xa, ya)
leaky_recall = recall_score(yb, leaky.predict(Xb))

# Right: split first, oversample only the training part, test on untouched rows.
right = make_pipeline(RandomOverSampler(random_state=SEED),
                      RandomForestClassifier(n_estimators=100, random_state=SEED))
right.fit(X_train, y_train)
honest_recall = recall_score(y_test, right.predict(X_test))
print(f"oversample, then split: recall {leaky_recall:.3f}")
print(f"split, then oversample: recall {honest_recall:.3f}")
assert leaky_recall == 1.0 and honest_recall < 0.7, "resampling before the split inflates recall"
# --8<-- [end:leak]
