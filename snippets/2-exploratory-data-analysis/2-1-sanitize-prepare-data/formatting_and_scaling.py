"""Formatting, unit and type fixes, then scaling, on a small table exported by hand.

Cleans a table whose numbers arrived as text with currency signs and thousands separators, whose
weights mix kilograms and pounds, whose dates come in two formats and whose city names differ in
case and spacing; counts the values that could not be parsed (corrupt data) instead of silently
dropping them; then shows why distance-based models need scaled features, fitting the scaler on
training rows only.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:raw]
import pandas as pd

raw = pd.DataFrame(
    {
        "order_total": ["$1,200.50", "89.99", "USD 42", "n/a", "310", "-", "$7,5O0"],
        "weight": ["12 kg", "26.4 lb", "3kg", "11 LB", "0.5 kg", "", "40 kg"],
        "ordered": ["2026-03-01", "03/02/2026", "2026-03-04", "2026-13-01", "2026-03-05",
                    "2026-03-06", "03/07/2026"],
        "city": ["Seattle", " seattle", "SEATTLE ", "Austin", "austin", "Boston", "Seattle"],
    }
)
print(raw.to_string())
# --8<-- [end:raw]

# --8<-- [start:clean]
clean = pd.DataFrame(index=raw.index)

# Numbers as text: strip currency and separators, then coerce; what still fails becomes NaN.
digits = raw["order_total"].str.replace(r"[$,]|USD", "", regex=True).str.strip()
clean["order_total"] = pd.to_numeric(digits, errors="coerce")

# Mixed units: parse number and unit, convert pounds to kilograms.
parts = raw["weight"].str.lower().str.extract(r"([\d.]+)\s*(kg|lb)")
kilograms = pd.to_numeric(parts[0], errors="coerce")
clean["weight_kg"] = kilograms.where(parts[1] == "kg", kilograms * 0.45359237).round(2)

# Two date formats: parse each explicitly; an impossible date (month 13) stays missing.
iso = pd.to_datetime(raw["ordered"], format="%Y-%m-%d", errors="coerce")
us = pd.to_datetime(raw["ordered"], format="%m/%d/%Y", errors="coerce")
clean["ordered"] = iso.fillna(us)

# Categories that differ only in case and spacing.
clean["city"] = raw["city"].str.strip().str.title()

corrupt = clean.isna() & raw.ne("").to_numpy()  # could not be parsed, though something was there
print(clean.to_string())
print("unparsable values per column:", corrupt.sum().to_dict())
print("distinct cities before and after:", raw["city"].nunique(), "->", clean["city"].nunique())
assert corrupt.sum().to_dict() == {"order_total": 3, "weight_kg": 0, "ordered": 1, "city": 0}
assert clean["city"].nunique() == 3, "Seattle, Austin and Boston"
assert clean.loc[1, "weight_kg"] == 11.97, "26.4 lb is 11.97 kg"
# --8<-- [end:clean]

# --8<-- [start:scaling]
import numpy as np
from mlsguide import SEED
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, StandardScaler

# Two informative features on very different scales: yearly spend in dollars and visits a week,
# plus a noisy third one in dollars that drowns the others unless features are scaled.
rng = np.random.default_rng(SEED)
n = 1_500
visits = rng.poisson(3, n) + rng.normal(0, 0.3, n)
spend = rng.normal(2_000, 400, n)
noise_dollars = rng.normal(0, 5_000, n)
loyal = ((visits - 3) / 1.7 + (spend - 2_000) / 400 + rng.normal(0, 0.7, n) > 0).astype(int)
X = np.column_stack([visits, spend, noise_dollars])
X_train, X_test, y_train, y_test = train_test_split(X, loyal, test_size=0.3, random_state=SEED)

print("feature ranges (train):", [f"{lo:,.0f}..{hi:,.0f}" for lo, hi in
                                  zip(X_train.min(axis=0), X_train.max(axis=0), strict=True)])
scores = {}
for name, steps in (("no scaling", []), ("min-max [0, 1]", [MinMaxScaler()]),
                    ("standardised (z)", [StandardScaler()])):
    knn = make_pipeline(*steps, KNeighborsClassifier(n_neighbors=15)).fit(X_train, y_train)
    scores[name] = knn.score(X_test, y_test)
    print(f"k-NN, {name:16s} test accuracy {scores[name]:.3f}")

scaler = StandardScaler().fit(X_train)  # statistics of the training rows only
print("training means kept for serving:", scaler.mean_.round(1).tolist())
assert scores["no scaling"] < 0.75, "unscaled, the dollar noise dominates the distances"
assert min(scores["min-max [0, 1]"], scores["standardised (z)"]) > scores["no scaling"] + 0.1
# --8<-- [end:scaling]
