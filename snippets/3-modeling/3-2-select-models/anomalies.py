"""An anomaly detector in the spirit of Random Cut Forest: scikit-learn's Isolation Forest.

Both build many random trees on samples of the data and score a point by how quickly random
cuts separate it from the rest. The file draws ordinary card transactions with a few planted
unusual ones, scores them without labels, and checks how many planted rows are at the top.

Run it with: .venv/bin/python snippets/3-modeling/3-2-select-models/anomalies.py
"""

# --8<-- [start:isolation]
import numpy as np
from mlsguide import SEED
from sklearn.ensemble import IsolationForest

rng = np.random.default_rng(SEED)
normal = np.column_stack([rng.lognormal(3.5, 0.6, 5_000),    # amount
                          rng.normal(14, 3.5, 5_000) % 24,    # hour of day
                          rng.exponential(5, 5_000)])         # km from home
odd = np.column_stack([rng.uniform(800, 2_000, 25),           # large amounts...
                       rng.uniform(1, 5, 25),                 # ...at night...
                       rng.uniform(200, 900, 25)])            # ...far from home
X = np.vstack([normal, odd])
planted = np.r_[np.zeros(len(normal), bool), np.ones(len(odd), bool)]

forest = IsolationForest(n_estimators=100, max_samples=256, random_state=SEED).fit(X)  # no labels used
score = -forest.score_samples(X)              # higher = easier to isolate = more unusual
top = np.argsort(score)[::-1][:50]            # the 50 rows a reviewer would look at
found = planted[top].sum()
print(f"{len(X):,} transactions, {planted.sum()} planted anomalies")
print(f"planted anomalies among the 50 highest scores: {found} of {planted.sum()}")
print(f"median score: planted {np.median(score[planted]):.2f}, ordinary {np.median(score[~planted]):.2f}")
assert found == planted.sum(), "every planted anomaly is in the top 50"
assert np.median(score[planted]) > np.median(score[~planted]) + 0.15
# --8<-- [end:isolation]
