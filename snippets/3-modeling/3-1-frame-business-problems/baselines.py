"""Baselines a model must beat, for classification, regression, forecasting and recommendation.

Each section scores the cheapest honest answers first (predict the majority class, the mean,
yesterday's value, the same day last week, the most popular items) and then a model, on the same
held-out data, so that the model's gain is measured against something instead of against zero.

Run it with: .venv/bin/python snippets/3-modeling/3-1-frame-business-problems/baselines.py
"""

# --8<-- [start:classification]
import numpy as np
from mlsguide import SEED
from mlsguide.data import imbalanced_classification
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

X, y = imbalanced_classification(n_samples=6_000, positive_rate=0.1)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y,
                                                    random_state=SEED)
candidates = {
    "always 'no'": DummyClassifier(strategy="most_frequent"),
    "random at base rate": DummyClassifier(strategy="stratified", random_state=SEED),
    "one-feature rule": DecisionTreeClassifier(max_depth=1, random_state=SEED),
    "logistic regression": LogisticRegression(max_iter=1_000),
    "boosted trees": HistGradientBoostingClassifier(random_state=SEED),
}
print(f"{'':20s} accuracy  recall  PR AUC")
pr_auc = {}
for name, model in candidates.items():
    model.fit(X_train, y_train)
    pr_auc[name] = average_precision_score(y_test, model.predict_proba(X_test)[:, 1])
    y_pred = model.predict(X_test)
    print(f"{name:20s} {accuracy_score(y_test, y_pred):8.3f} "
          f"{recall_score(y_test, y_pred):7.3f} {pr_auc[name]:7.3f}")

always_no = candidates["always 'no'"].predict(X_test)
assert accuracy_score(y_test, always_no) > 0.87 and recall_score(y_test, always_no) == 0
assert abs(pr_auc["always 'no'"] - y_test.mean()) < 1e-9, "its PR AUC is the positive rate"
assert pr_auc["boosted trees"] > pr_auc["one-feature rule"] + 0.2, "the model earns its keep"
# --8<-- [end:classification]

# --8<-- [start:regression]
from mlsguide.data import house_prices
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error

houses = house_prices(n_samples=1_000)
train, test = train_test_split(houses, test_size=0.3, random_state=SEED)
columns = ["size_m2", "rooms", "age_years"]
predictions = {
    "the mean price": np.full(len(test), train.price.mean()),
    "the median price": np.full(len(test), train.price.median()),
    "price per m2 x size": test.size_m2 * (train.price / train.size_m2).median(),
    "linear regression": LinearRegression().fit(train[columns], train.price).predict(test[columns]),
}
mae = {name: mean_absolute_error(test.price, p) for name, p in predictions.items()}
for name, value in mae.items():
    print(f"{name:20s} MAE {value:6.1f} thousand")
assert mae["price per m2 x size"] < 0.3 * mae["the mean price"], "a rule of thumb does most"
assert 0.2 < 1 - mae["linear regression"] / mae["price per m2 x size"] < 0.4, "about a third"
# --8<-- [end:regression]

# --8<-- [start:forecast]
import pandas as pd
from mlsguide.data import START
from sklearn.ensemble import HistGradientBoostingRegressor

rng = np.random.default_rng(SEED)
days = pd.date_range(START.date(), periods=730, freq="D")
t = np.arange(len(days))
weekly = np.array([0.8, 0.9, 0.95, 1.0, 1.15, 1.45, 1.3])[days.day_of_week]  # Mon..Sun
units = np.round((120 + 0.05 * t) * weekly * (1 + 0.1 * np.sin(2 * np.pi * t / 365.25))
                 + rng.normal(0, 8, len(t)))
sales = pd.Series(units, index=days, name="units")
horizon = 28
history, future = sales[:-horizon], sales[-horizon:]

forecasts = {
    "last value": np.repeat(history.iloc[-1], horizon),
    "mean of last 7 days": np.repeat(history.iloc[-7:].mean(), horizon),
    "same day last week": np.resize(history.iloc[-7:].to_numpy(), horizon),
}
calendar = pd.DataFrame({"t": t, "dow": days.day_of_week, "doy": days.day_of_year}, index=days)
booster = HistGradientBoostingRegressor(random_state=SEED, categorical_features=[1])
booster.fit(calendar[:-horizon], history)
forecasts["boosted trees on calendar"] = booster.predict(calendar[-horizon:])

mae = {name: mean_absolute_error(future, f) for name, f in forecasts.items()}
for name, value in mae.items():
    print(f"{name:26s} MAE {value:5.1f} units/day")
assert mae["same day last week"] < mae["last value"] / 3, "more than two thirds less error"
gain_over_naive = 1 - mae["boosted trees on calendar"] / mae["same day last week"]
print(f"the model's gain over 'same day last week': {gain_over_naive:.0%}")
assert 0 < gain_over_naive < 0.3, "the model wins, by far less than against the last value"
# --8<-- [end:forecast]

# --8<-- [start:forecast_plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

recent = sales[-horizon - 35:]
fig, ax = plt.subplots(figsize=(6.5, 4))
ax.plot(recent.index, recent, color="black", linewidth=1, label="actual units")
styles = {"last value": ":", "same day last week": "--", "boosted trees on calendar": "-."}
for name, style in styles.items():
    ax.plot(future.index, forecasts[name], linestyle=style, linewidth=2,
            label=f"{name} (MAE {mae[name]:.0f})")
ax.axvline(future.index[0], color="grey", linewidth=0.8)
ax.set_xlabel("Date")
ax.set_ylabel("Units sold per day")
ax.set_title("A 28-day forecast against three ways to forecast it")
ax.legend(loc="upper left", fontsize=9)  # 9 pt: 9.8 px on a phone
fig.autofmt_xdate()
show(fig, alt="Daily sales with a weekly pattern. Over the last 28 days, repeating last week "
     "tracks the peaks and troughs, the last value is a flat line that misses them, and boosted "
     "trees on calendar features follow the weekly shape a little more closely than last week.")
# --8<-- [end:forecast_plot]

# --8<-- [start:recommend]
n_users, n_items, n_tastes = 600, 120, 6
taste_of_item = rng.integers(0, n_tastes, n_items)
popularity = rng.pareto(1.5, n_items) + 1
events = []
for user in range(n_users):
    tastes = rng.choice(n_tastes, size=2, replace=False)  # each user likes two kinds of item
    weight = popularity * np.where(np.isin(taste_of_item, tastes), 8.0, 1.0)
    items = rng.choice(n_items, size=15, replace=False, p=weight / weight.sum())
    events += [(user, item, order) for order, item in enumerate(items)]
events = pd.DataFrame(events, columns=["user", "item", "order"])
last = events.groupby("user").order.transform("max") == events.order
seen, held_out = events[~last], events[last].set_index("user").item  # hide each user's last item

matrix = np.zeros((n_users, n_items))
matrix[seen.user, seen.item] = 1
norms = np.linalg.norm(matrix, axis=0) + 1e-9
item_similarity = (matrix.T @ matrix) / np.outer(norms, norms)  # cosine, item by item
np.fill_diagonal(item_similarity, 0)


def hit_rate(scores, k=10):
    scores = np.where(matrix > 0, -np.inf, scores)  # never recommend what the user already has
    top_k = np.argsort(-scores, axis=1)[:, :k]
    return np.mean([held_out[u] in top_k[u] for u in range(n_users)])


hits = {
    "random items": hit_rate(rng.random((n_users, n_items))),
    "most popular items": hit_rate(np.tile(matrix.sum(axis=0), (n_users, 1))),
    "item-to-item similarity": hit_rate(matrix @ item_similarity),
}
for name, value in hits.items():
    print(f"{name:24s} hit rate@10 {value:.1%}")
assert 2.5 < hits["most popular items"] / hits["random items"] < 3.5, "popularity triples random"
assert 0.02 < hits["item-to-item similarity"] - hits["most popular items"] < 0.10, "a few points"
# --8<-- [end:recommend]
