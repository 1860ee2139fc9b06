"""Choosing the metric from what the business gains and loses, not from the model's habits.

A retention campaign: each offer costs money, a churner who accepts it is worth a year of margin,
and customers differ in value. Ranking customers by churn probability, by expected saved value,
or at random gives three profit curves, drawn against the share of customers contacted. A bakery
whose unsold loaves cost less than an empty shelf should not forecast the mean: a quantile
forecast has a worse RMSE and a lower bill.

Run it with: .venv/bin/python snippets/3-modeling/3-1-frame-business-problems/business_cost.py
"""

# --8<-- [start:setup]
# Set-up: a seeded churn dataset and a gradient-boosted model that scores it
import numpy as np
import pandas as pd
from mlsguide import SEED
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(SEED)
n = 12_000
customers = pd.DataFrame({
    "tenure_months": rng.integers(1, 72, n),
    "support_calls": rng.poisson(1.2, n),
    "days_since_login": rng.exponential(10, n).round(),
    "annual_margin": rng.lognormal(5.0, 0.7, n).round(2),  # what keeping the customer is worth
})
logit = (-1.8 - 0.04 * customers.tenure_months + 0.5 * customers.support_calls
         + 0.06 * customers.days_since_login)
customers["churned"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
features = ["tenure_months", "support_calls", "days_since_login", "annual_margin"]
train, test = train_test_split(customers, test_size=0.5, random_state=SEED)
model = HistGradientBoostingClassifier(max_depth=3, random_state=SEED)
model.fit(train[features], train.churned)
test = test.assign(p_churn=model.predict_proba(test[features])[:, 1])

OFFER_COST = 25.0  # a discount voucher per contacted customer
ACCEPT_RATE = 0.3  # share of contacted churners the offer keeps
print(f"{len(test):,} customers to score; churn rate {test.churned.mean():.1%}; "
      f"offer costs {OFFER_COST:.0f}, keeps {ACCEPT_RATE:.0%} of the churners it reaches")
# --8<-- [end:setup]

# --8<-- [start:profit]
def campaign_profit(order):
    """Realised profit after contacting the first k customers of `order`, for every k."""
    ranked = test.iloc[order]
    gain = ranked.churned * ACCEPT_RATE * ranked.annual_margin - OFFER_COST
    return np.concatenate([[0.0], np.cumsum(gain.to_numpy())])


orders = {
    "by churn probability": np.argsort(-test.p_churn.to_numpy()),
    "by expected saved value": np.argsort(-(test.p_churn * test.annual_margin).to_numpy()),
    "at random": rng.permutation(len(test)),
}
curves = {name: campaign_profit(order) for name, order in orders.items()}
print(f"contact everybody: profit {curves['at random'][-1]:10,.0f}")
best = {}
for name, curve in curves.items():
    k = int(np.argmax(curve))
    best[name] = curve[k]
    print(f"rank {name:24s}: best profit {curve[k]:8,.0f} contacting {k / len(test):4.0%}")

assert curves["at random"][-1] < 0, "an offer to everyone loses money"
assert best["at random"] == 0, "in random order, no campaign size beats contacting nobody"
assert best["by expected saved value"] > 2.5 * best["by churn probability"], "several times more"
# --8<-- [end:profit]

# --8<-- [start:profit_plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

share = np.arange(len(test) + 1) / len(test)
fig, ax = plt.subplots(figsize=(6, 4))
for (name, curve), style in zip(curves.items(), ["-", "--", ":"], strict=True):
    ax.plot(share, curve / 1_000, linestyle=style, linewidth=2, label=f"rank {name}")
ax.axhline(0, color="grey", linewidth=0.8)
ax.set_xlabel("Share of customers contacted")
ax.set_ylabel("Campaign profit (thousands)")
ax.set_title("Retention campaign profit by how customers are ranked")
ax.legend(loc="lower left")
show(fig, alt="Profit against the share of customers contacted. Ranking by expected saved value "
     "peaks highest, early; ranking by churn probability peaks lower; random order only loses "
     "money, and contacting everybody loses money under every ranking.")
# --8<-- [end:profit_plot]

# --8<-- [start:quantile]
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import root_mean_squared_error

days = 1_500
bakery = pd.DataFrame({
    "dow": rng.integers(0, 7, days),
    "promo": (rng.random(days) < 0.2).astype(int),
    "temp_c": rng.normal(15, 7, days).round(1),
})
mean_demand = 200 + 40 * (bakery.dow >= 5) + 60 * bakery.promo - 2 * (bakery.temp_c - 15)
bakery["demand"] = rng.poisson(mean_demand * rng.lognormal(0, 0.25, days))
train_days, test_days = bakery[:1_000], bakery[1_000:]
inputs = ["dow", "promo", "temp_c"]

UNSOLD_COST, SHORT_COST = 1.0, 4.0  # a wasted loaf versus a lost sale (and an unhappy customer)
best_quantile = SHORT_COST / (SHORT_COST + UNSOLD_COST)  # 0.8: bake to the 80th percentile
models = {
    "mean forecast (squared error)": GradientBoostingRegressor(max_depth=3, random_state=SEED),
    f"quantile forecast (q={best_quantile:.1f})": GradientBoostingRegressor(
        loss="quantile", alpha=best_quantile, max_depth=3, random_state=SEED),
}
bill = {}
for name, regressor in models.items():
    baked = regressor.fit(train_days[inputs], train_days.demand).predict(test_days[inputs])
    actual = test_days.demand.to_numpy()
    cost = (UNSOLD_COST * np.clip(baked - actual, 0, None)
            + SHORT_COST * np.clip(actual - baked, 0, None)).sum()
    rmse = root_mean_squared_error(actual, baked)
    bill[name] = (rmse, cost)
    print(f"{name:30s} RMSE {rmse:5.1f}   cost of waste and shortage {cost:9,.0f}")

(rmse_mean, cost_mean), (rmse_q, cost_q) = bill.values()
assert rmse_q > rmse_mean and cost_q < 0.85 * cost_mean, "worse RMSE, smaller bill"
# --8<-- [end:quantile]
