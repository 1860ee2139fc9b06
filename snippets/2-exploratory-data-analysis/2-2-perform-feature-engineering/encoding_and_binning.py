"""Categorical encodings, binning and features split out of dates and compound fields.

Bins a skewed column with equal-width and quantile bins, encodes categories one-hot, as ordinals,
by target mean (with and without cross-fitting) and by hashing, measures the width of each
encoding and the leakage of a naive target encoding, splits a timestamp and an address into
features, encodes the hour cyclically, and aggregates per customer (a grouping operation).

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:binning]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
income = pd.Series(np.exp(rng.normal(3.9, 0.6, 2_000)).round(1), name="income")  # thousands

equal_width = pd.cut(income, bins=5)
quantile = pd.qcut(income, q=5)
print("equal-width bins (rows per bin):", equal_width.value_counts(sort=False).tolist())
print("quantile bins    (rows per bin):", quantile.value_counts(sort=False).tolist())
print("quantile edges:", [round(float(edge.right), 1) for edge in quantile.cat.categories])
counts = equal_width.value_counts(sort=False)
assert counts.iloc[0] > 0.75 * len(income), "equal width: four fifths land in the first bin"
assert counts.iloc[-1] <= 2, "and the last bin holds a customer or two"
assert np.ptp(quantile.value_counts()) <= 2, "quantile bins hold (almost) equal counts"
# --8<-- [end:binning]

# --8<-- [start:encodings]
from sklearn.feature_extraction import FeatureHasher
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

orders = pd.DataFrame({
    "size": rng.choice(["small", "medium", "large"], 2_000),
    "colour": rng.choice(["red", "green", "blue", "black"], 2_000),
    "postcode": rng.integers(0, 1_500, 2_000).astype(str),  # high cardinality
})
one_hot = OneHotEncoder(handle_unknown="ignore").fit(orders[["colour"]])
print("one-hot colour:", one_hot.get_feature_names_out().tolist())
ordinal = OrdinalEncoder(categories=[["small", "medium", "large"]]).fit(orders[["size"]])
print("ordinal size:", dict(zip(ordinal.categories_[0], range(3), strict=True)))
postcode_one_hot = OneHotEncoder().fit(orders[["postcode"]])
width = len(postcode_one_hot.get_feature_names_out())
hasher = FeatureHasher(n_features=64, input_type="string")
hashed = hasher.transform([[code] for code in orders["postcode"]])
print(f"postcode: {orders['postcode'].nunique()} distinct values -> one-hot {width} columns, "
      f"hashed {hashed.shape[1]} columns")
unseen = one_hot.transform(pd.DataFrame({"colour": ["purple"]})).toarray()
print("an unseen colour one-hot encodes as", unseen[0].tolist())
assert width > 1_000 and hashed.shape[1] == 64, "hashing fixes the width whatever the cardinality"
assert unseen.sum() == 0, "handle_unknown='ignore' gives an all-zero row"
# --8<-- [end:encodings]

# --8<-- [start:target_encoding]
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold, train_test_split
from sklearn.preprocessing import TargetEncoder

# The label is pure noise: no encoding of postcode should be able to predict it.
label = rng.integers(0, 2, 2_000)
train, test = train_test_split(np.arange(2_000), test_size=0.3, random_state=SEED)
codes = orders[["postcode"]]

naive = pd.Series(label[train]).groupby(codes.iloc[train, 0].to_numpy()).mean()
naive_train = codes.iloc[train, 0].map(naive).to_numpy().reshape(-1, 1)
naive_test = codes.iloc[test, 0].map(naive).fillna(label[train].mean()).to_numpy().reshape(-1, 1)
model = LogisticRegression().fit(naive_train, label[train])
naive_scores = (roc_auc_score(label[train], model.predict_proba(naive_train)[:, 1]),
                roc_auc_score(label[test], model.predict_proba(naive_test)[:, 1]))
print(f"naive target mean:  train AUC {naive_scores[0]:.2f}, test AUC {naive_scores[1]:.2f}")

# Cross-fitting: each training row is encoded with means from the other folds, never its own label.
encoder = TargetEncoder(cv=KFold(5, shuffle=True, random_state=SEED))
crossfit_train = encoder.fit_transform(codes.iloc[train], label[train])
model = LogisticRegression().fit(crossfit_train, label[train])
crossfit_scores = (roc_auc_score(label[train], model.predict_proba(crossfit_train)[:, 1]),
                   roc_auc_score(label[test], model.predict_proba(encoder.transform(
                       codes.iloc[test]))[:, 1]))
print(f"cross-fitted (sklearn TargetEncoder): train AUC {crossfit_scores[0]:.2f}, "
      f"test AUC {crossfit_scores[1]:.2f}")
assert naive_scores[0] > 0.75, "the naive encoding has memorised each row's own label"
assert abs(naive_scores[1] - 0.5) < 0.06, "and is worthless on new rows"
assert abs(crossfit_scores[0] - 0.5) < 0.06, "cross-fitting shows the truth at training time"
# --8<-- [end:target_encoding]

# --8<-- [start:splitting]
events = pd.DataFrame({
    "when": pd.to_datetime(["2026-03-06 23:40", "2026-03-07 00:10", "2026-03-09 12:00"]),
    "address": ["12 High St, Leeds, LS1 4DY", "9 Quay Rd, Bristol, BS1 5TT",
                "221 Baker St, London, NW1 6XE"],
})
parts = pd.DataFrame({
    "day_of_week": events["when"].dt.day_of_week,  # Monday = 0
    "is_weekend": (events["when"].dt.day_of_week >= 5).astype(int),
    "hour": events["when"].dt.hour,
    "hour_sin": np.sin(2 * np.pi * events["when"].dt.hour / 24).round(3),
    "hour_cos": np.cos(2 * np.pi * events["when"].dt.hour / 24).round(3),
})
address = events["address"].str.split(", ", expand=True)
parts["city"] = address[1]
parts["postcode_area"] = address[2].str.extract(r"^([A-Z]+)")[0]
print(parts.to_string())

as_number = abs(parts["hour"][0] - parts["hour"][1])
as_circle = np.hypot(*(parts[["hour_sin", "hour_cos"]].iloc[0] - parts[["hour_sin", "hour_cos"]].iloc[1]))
print(f"23:40 and 00:10 as plain hours are {as_number} apart; on the circle {as_circle:.2f} "
      f"(opposite hours are 2.00 apart)")
assert as_number == 23 and as_circle < 0.3, "cyclical encoding puts midnight's neighbours together"
# --8<-- [end:splitting]

# --8<-- [start:grouping]
purchases = pd.DataFrame({
    "customer": rng.choice(["c1", "c2", "c3"], 12),
    "amount": rng.gamma(2.0, 30.0, 12).round(2),
})
per_customer = purchases.groupby("customer")["amount"].agg(["count", "mean", "max"]).round(2)
purchases = purchases.join(per_customer.add_prefix("customer_"), on="customer")
purchases["share_of_max"] = (purchases["amount"] / purchases["customer_max"]).round(2)
print(purchases.head(6).to_string(index=False))
assert purchases.groupby("customer")["share_of_max"].max().eq(1).all(), "each max is 1.0"
# --8<-- [end:grouping]
