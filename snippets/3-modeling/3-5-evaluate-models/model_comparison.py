"""Comparing candidate models on more than one axis: quality and size.

Trains four classifiers on the same split of `mlsguide.data.imbalanced_classification()` and
prints their ROC AUC, average precision and serialized size. Size stands in for memory footprint,
load time and per-request work; measure real training time and latency on the instance type you
would deploy to, because wall-clock numbers depend on the machine.
"""

# --8<-- [start:compare]
import pickle

from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

X, y = imbalanced_classification(n_samples=4_000, positive_rate=0.1)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=SEED
)
candidates = {
    "logistic regression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000)),
    "decision tree (depth 4)": DecisionTreeClassifier(max_depth=4, random_state=SEED),
    "random forest (100 trees)": RandomForestClassifier(n_estimators=100, random_state=SEED),
    "gradient boosting (100)": GradientBoostingClassifier(random_state=SEED),
}
print(f"{'model':26s} {'ROC AUC':>8s} {'PR AUC':>7s} {'size KB':>8s}")
roc, pr, kb = {}, {}, {}
for name, model in candidates.items():
    s = model.fit(X_train, y_train).predict_proba(X_test)[:, 1]
    roc[name], pr[name] = roc_auc_score(y_test, s), average_precision_score(y_test, s)
    kb[name] = len(pickle.dumps(model)) / 1024
    print(f"{name:26s} {roc[name]:8.3f} {pr[name]:7.3f} {kb[name]:8.0f}")

forest, boosted = "random forest (100 trees)", "gradient boosting (100)"
assert abs(roc[forest] - roc[boosted]) < 0.005, "the ensembles tie on ROC AUC"
assert pr[forest] - pr[boosted] > 0.03, "the forest wins clearly on PR AUC"
assert kb[forest] > 5 * kb[boosted], "the boosted model is many times smaller"
assert min(kb, key=kb.get) == "logistic regression", "logistic regression: tiny"
assert roc["logistic regression"] > 0.9, "... and a respectable baseline"
# --8<-- [end:compare]
