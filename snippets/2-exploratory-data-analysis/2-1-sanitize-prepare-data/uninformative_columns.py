"""Columns that carry no signal, and duplicate rows that make a model look better than it is.

Finds a constant column, a near-zero-variance column and a column that is almost always one value
with a few spikes, with pandas and with scikit-learn's VarianceThreshold; then shows how exact
duplicates that land on both sides of a train/test split inflate the test score, and how
deduplicating before the split gives the honest number.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:sensors]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
n = 1_000
sensors = pd.DataFrame(
    {
        "temperature": rng.normal(60, 8, n).round(1),
        "vibration": rng.gamma(2.0, 1.5, n).round(2),
        "firmware": "v2.4.1",  # every device runs the same version
        "voltage": 230 + rng.choice([0.0, 0.1], size=n, p=[0.995, 0.005]),  # barely moves
        "door_alarms": np.where(rng.random(n) < 0.02, rng.integers(1, 40, n), 0),  # rare spikes
    }
)
# --8<-- [end:sensors]

# --8<-- [start:profile]
def column_profile(frame):
    """One row per column: distinct values, share of the most common value, and the ratio of
    the most common to the second most common value (a near-zero-variance test)."""
    rows = []
    for column in frame.columns:
        counts = frame[column].value_counts()
        second = counts.iloc[1] if len(counts) > 1 else 0
        rows.append(
            {
                "column": column,
                "distinct": frame[column].nunique(),
                "top_share": counts.iloc[0] / len(frame),
                "freq_ratio": counts.iloc[0] / second if second else np.inf,
            }
        )
    return pd.DataFrame(rows).set_index("column")


profile = column_profile(sensors)
print(profile.round(3).to_string())
flagged = profile[(profile["distinct"] == 1) | (profile["freq_ratio"] > 19)].index.tolist()
print("flag for review (one value, or the top value 19+ times as common as the next):", flagged)
assert flagged == ["firmware", "voltage", "door_alarms"], "three columns are nearly constant"
# --8<-- [end:profile]

# --8<-- [start:variance]
from sklearn.feature_selection import VarianceThreshold

numeric = sensors.drop(columns="firmware")
selector = VarianceThreshold(threshold=0.01).fit(numeric)
for column, variance, kept in zip(numeric.columns, selector.variances_, selector.get_support(),
                                  strict=True):
    print(f"{column:12s} variance {variance:10.4f}  {'kept' if kept else 'dropped'}")
assert selector.get_support().tolist() == [True, True, False, True], "only voltage is dropped"
assert profile.loc["door_alarms", "top_share"] > 0.95, "although door_alarms is almost always 0"
# --8<-- [end:variance]

# --8<-- [start:duplicates]
from mlsguide.data import imbalanced_classification
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

X, y = imbalanced_classification(n_samples=2_000, positive_rate=0.3)
# A faulty export wrote 60% of the rows out a second (and third) time.
repeats = rng.choice([1, 2, 3], size=len(X), p=[0.4, 0.4, 0.2])
table = pd.DataFrame(X).assign(label=y).loc[np.repeat(np.arange(len(X)), repeats)]
table = table.reset_index(drop=True)
print(f"rows exported: {len(table)}, of which exact duplicates: {table.duplicated().sum()}")


def test_accuracy(frame):
    """Train an unpruned tree on a random 75% and score it on the other 25%."""
    features, labels = frame.drop(columns="label"), frame["label"]
    X_tr, X_te, y_tr, y_te = train_test_split(features, labels, test_size=0.25,
                                              random_state=SEED, stratify=labels)
    seen = pd.merge(X_te, X_tr.drop_duplicates(), how="inner").shape[0]
    tree = DecisionTreeClassifier(random_state=SEED).fit(X_tr, y_tr)
    return tree.score(X_te, y_te), seen / len(X_te)


inflated, overlap = test_accuracy(table)
honest, no_overlap = test_accuracy(table.drop_duplicates())
print(f"split with duplicates:   accuracy {inflated:.3f}  ({overlap:.0%} of test rows also in training)")
print(f"deduplicated, then split: accuracy {honest:.3f}  ({no_overlap:.0%} of test rows also in training)")
assert 0.6 < overlap < 0.7 and no_overlap == 0, "two thirds of test rows were seen in training"
assert inflated > honest + 0.04, "and the test score rises by several points"
# --8<-- [end:duplicates]
