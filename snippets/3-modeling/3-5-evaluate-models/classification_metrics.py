"""Confusion matrix and the metrics read from it, on a dataset where positives are rare.

Trains a logistic regression on `mlsguide.data.imbalanced_classification()` (about 10% positives),
counts true and false positives and negatives at the default 0.5 threshold, derives accuracy,
precision, recall, specificity and F1 by hand and with scikit-learn, draws the confusion matrix,
and shows why accuracy flatters a model that never finds a positive.
"""

# --8<-- [start:train]
from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = imbalanced_classification(n_samples=4_000, positive_rate=0.1)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=SEED
)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000))
model.fit(X_train, y_train)

scores = model.predict_proba(X_test)[:, 1]  # probability of the positive class
y_pred = (scores >= 0.5).astype(int)  # the default threshold
print(f"test rows: {len(y_test)}, positives: {y_test.sum()} ({y_test.mean():.1%})")
assert abs(y_test.mean() - 0.1) < 0.02, "about one row in ten is positive"
# --8<-- [end:train]

# --8<-- [start:confusion]
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)

tn, fp, fn, tp = confusion_matrix(y_test, y_pred).ravel()
print(f"TP={tp}  FP={fp}  FN={fn}  TN={tn}")

accuracy = (tp + tn) / (tp + tn + fp + fn)
precision = tp / (tp + fp)
recall = tp / (tp + fn)  # also called sensitivity or true positive rate
specificity = tn / (tn + fp)  # true negative rate; 1 - specificity is the FPR
f1 = 2 * precision * recall / (precision + recall)

print(f"accuracy    {accuracy:.3f}  (sklearn {accuracy_score(y_test, y_pred):.3f})")
print(f"precision   {precision:.3f}  (sklearn {precision_score(y_test, y_pred):.3f})")
print(f"recall      {recall:.3f}  (sklearn {recall_score(y_test, y_pred):.3f})")
print(f"specificity {specificity:.3f}")
print(f"F1          {f1:.3f}  (sklearn {f1_score(y_test, y_pred):.3f})")

assert abs(f1 - f1_score(y_test, y_pred)) < 1e-9, "the same answers as sklearn"
assert precision > 0.75 and recall < 0.65, "precision is high, recall modest"
# --8<-- [end:confusion]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

cells = [[("TN", tn), ("FP", fp)], [("FN", fn), ("TP", tp)]]
fig, ax = plt.subplots(figsize=(4.6, 4))
ax.imshow([[tn, fp], [fn, tp]], cmap="Blues", norm="log")
for row in range(2):
    for col in range(2):
        name, count = cells[row][col]
        colour = "white" if count > max(tn, fp, fn, tp) / 2 else "black"  # readable on dark cells
        ax.text(col, row, f"{name}\n{count}", ha="center", va="center", fontsize=13, color=colour)
ax.set_xticks([0, 1], labels=["predicted 0", "predicted 1"])
ax.set_yticks([0, 1], labels=["actual 0", "actual 1"])
ax.set_xlabel("Predicted class (threshold 0.5)")
ax.set_ylabel("Actual class")
ax.set_title("Confusion matrix, logistic regression, test set")
show(
    fig,
    alt=f"Confusion matrix: {tn} true negatives, {fp} false positives, "
    f"{fn} false negatives and {tp} true positives.",
)
# --8<-- [end:plot]

# --8<-- [start:paradox]
from sklearn.dummy import DummyClassifier

always_negative = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
lazy_pred = always_negative.predict(X_test)
print(f"always predict 0: accuracy {accuracy_score(y_test, lazy_pred):.3f}, "
      f"recall {recall_score(y_test, lazy_pred):.3f}, "
      f"F1 {f1_score(y_test, lazy_pred, zero_division=0):.3f}")
print(f"logistic model:   accuracy {accuracy:.3f}, recall {recall:.3f}, F1 {f1:.3f}")

lazy_accuracy = accuracy_score(y_test, lazy_pred)
assert abs(lazy_accuracy - 0.9) < 0.02, "doing nothing: close to 90% accuracy"
assert recall_score(y_test, lazy_pred) == 0, "... and a recall of zero"
# --8<-- [end:paradox]
