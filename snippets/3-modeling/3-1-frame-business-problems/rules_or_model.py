"""When a lookup beats a model, and when a model beats a hand-written rule.

A parcel tariff (a price per weight band and zone) is a lookup: the table prices every parcel
exactly, while a decision tree trained on 300 past invoices still gets some of them wrong.
Card fraud follows no written rule: given the same number of alerts per day, a model trained on
labelled history catches far more fraud than the rule an analyst wrote.

Run it with: .venv/bin/python snippets/3-modeling/3-1-frame-business-problems/rules_or_model.py
"""

# --8<-- [start:tariff]
import numpy as np
from mlsguide import SEED
from sklearn.tree import DecisionTreeRegressor

BAND_LIMITS_KG = [1, 2, 5, 10, 20]  # upper limit of each weight band
BAND_PRICES = [4.50, 6.20, 8.90, 13.40, 21.00]  # zone 1 price per band
ZONE_FACTOR = {1: 1.00, 2: 1.25, 3: 1.60}


def tariff(weight_kg, zone):
    """The published rule: find the band, multiply by the zone factor."""
    band = np.searchsorted(BAND_LIMITS_KG, weight_kg)  # 0 for <= 1 kg, 1 for <= 2 kg, ...
    factor = np.vectorize(ZONE_FACTOR.get)(zone)
    return np.round(np.asarray(BAND_PRICES)[band] * factor, 2)


rng = np.random.default_rng(SEED)


def parcels(n):
    return np.column_stack([rng.uniform(0.05, 20, n).round(2), rng.integers(1, 4, n)])


train, test = parcels(300), parcels(1_000)  # 300 past invoices to learn from
model = DecisionTreeRegressor(random_state=SEED).fit(train, tariff(train[:, 0], train[:, 1]))

truth = tariff(test[:, 0], test[:, 1])
errors = {
    "lookup": np.abs(tariff(test[:, 0], test[:, 1]) - truth),
    "model": np.abs(model.predict(test).round(2) - truth),
}
for name, error in errors.items():
    exact = int((error < 0.005).sum())
    print(f"{name:6s}: {exact:4d} of {len(test)} parcels priced exactly, "
          f"largest error {error.max():5.2f}")

assert errors["lookup"].max() == 0, "the lookup is exact by construction"
wrong = int((errors["model"] >= 0.005).sum())
assert 5 <= wrong <= 20, "the tree is almost right, and about a dozen invoices are still wrong"
assert errors["model"].max() > 10, "some of them by more than ten"
# --8<-- [end:tariff]

# --8<-- [start:fraud]
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier


def transactions(n):
    """Card transactions; fraud depends on several signals at once, none decisive alone."""
    frame = pd.DataFrame({
        "amount": rng.lognormal(3.6, 1.0, n).round(2),
        "hour": rng.integers(0, 24, n),
        "km_from_home": rng.exponential(15, n).round(1),
        "new_device": rng.random(n) < 0.08,
        "tx_last_hour": rng.poisson(0.6, n),
    })
    night = (frame.hour < 6).astype(float)
    logit = (-8.6 + 0.6 * np.log1p(frame.amount) + 1.4 * night + 0.03 * frame.km_from_home
             + 1.6 * frame.new_device + 0.7 * frame.tx_last_hour
             + 1.2 * night * frame.new_device)
    frame["fraud"] = rng.random(n) < 1 / (1 + np.exp(-logit))
    return frame


history, today = transactions(40_000), transactions(20_000)
features = ["amount", "hour", "km_from_home", "new_device", "tx_last_hour"]

# The analyst's rule, written from experience.
rule_flags = (today.amount > 150) & (today.new_device | (today.hour < 6))
alerts = int(rule_flags.sum())

# The model sees labelled history and ranks today's transactions; flag as many as the rule does.
clf = HistGradientBoostingClassifier(random_state=SEED).fit(history[features], history.fraud)
scores = clf.predict_proba(today[features])[:, 1]
model_flags = np.zeros(len(today), dtype=bool)
model_flags[np.argsort(-scores)[:alerts]] = True

print(f"fraud today: {today.fraud.sum()} of {len(today)} transactions; alerts allowed: {alerts}")
caught = {}
for name, flags in (("rule", rule_flags.to_numpy()), ("model", model_flags)):
    caught[name] = int((flags & today.fraud.to_numpy()).sum())
    print(f"{name:5s}: caught {caught[name]:3d} frauds "
          f"(recall {caught[name] / today.fraud.sum():.0%}, precision {caught[name] / alerts:.0%})")

assert 2.5 < caught["model"] / caught["rule"] < 4.5, "same alert budget, about three times the fraud"
# --8<-- [end:fraud]
