"""One customer table, four ML problems: the question decides the task, not the data.

A subscription business keeps one row per customer. Asked "who will leave?", the table is a
binary classification problem; "how much will each spend next month?" makes it regression;
"what kinds of customers do we have?" makes it clustering, with no label at all; "which
accounts look like nobody else?" makes it anomaly detection. Each framing gets its own target,
model and metric.

Run it with: .venv/bin/python snippets/3-modeling/3-1-frame-business-problems/framings.py
"""

# --8<-- [start:setup]
# Set-up: one seeded customer table for the four framings below
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
n = 4_000
plan = rng.choice(["basic", "plus", "pro"], size=n, p=[0.5, 0.35, 0.15])
base_fee = pd.Series(plan).map({"basic": 9.0, "plus": 19.0, "pro": 49.0}).to_numpy()
customers = pd.DataFrame({
    "tenure_months": rng.integers(1, 60, n),
    "monthly_spend": (base_fee + rng.gamma(2.0, 6.0, n)).round(2),
    "support_calls": rng.poisson(1.0, n),
    "days_since_login": rng.exponential(8, n).round().astype(int),
    "is_pro": (plan == "pro").astype(int),
})
# Twenty accounts behave like nobody else: heavy spend, constant logins, many calls.
odd = rng.choice(n, size=20, replace=False)
customers.loc[odd, "monthly_spend"] *= 6
customers.loc[odd, "support_calls"] += 8
customers.loc[odd, "days_since_login"] = 0

# The outcomes the business later observes (unknown at prediction time).
logit = (-1.6 - 0.05 * customers.tenure_months + 0.45 * customers.support_calls
         + 0.08 * customers.days_since_login - 0.6 * customers.is_pro)
customers["churned_90d"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
customers["spend_next_month"] = (customers.monthly_spend * rng.normal(1.0, 0.08, n)
                                 - 3 * customers.support_calls).clip(lower=0).round(2)
features = ["tenure_months", "monthly_spend", "support_calls", "days_since_login", "is_pro"]
print(customers.head(3).to_string())
print(f"{len(customers):,} customers, churn rate {customers.churned_90d.mean():.1%}")
# --8<-- [end:setup]

# --8<-- [start:classify]
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

train, test = train_test_split(customers, test_size=0.3, random_state=SEED,
                               stratify=customers.churned_90d)
churn_model = HistGradientBoostingClassifier(max_depth=3, random_state=SEED)
churn_model.fit(train[features], train.churned_90d)
churn_score = churn_model.predict_proba(test[features])[:, 1]

top_decile = test.assign(score=churn_score).nlargest(len(test) // 10, "score")
base_rate, decile_rate = test.churned_90d.mean(), top_decile.churned_90d.mean()
print("question: who will leave in the next 90 days?")
print("  target churned_90d (0/1) -> binary classification")
print(f"  PR AUC {average_precision_score(test.churned_90d, churn_score):.3f} "
      f"(guessing scores the churn rate, {base_rate:.3f})")
print(f"  churn rate in the top-scored 10%: {decile_rate:.0%} versus {base_rate:.0%} overall")
assert 2.5 < decile_rate / base_rate < 3.5, "about three times the overall churn rate"
# --8<-- [end:classify]

# --8<-- [start:regress]
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

spend_model = HistGradientBoostingRegressor(max_depth=3, random_state=SEED)
spend_model.fit(train[features], train.spend_next_month)
mae_model = mean_absolute_error(test.spend_next_month, spend_model.predict(test[features]))
mae_mean = mean_absolute_error(test.spend_next_month,
                               np.full(len(test), train.spend_next_month.mean()))
print("question: how much will each customer spend next month?")
print("  target spend_next_month (a number) -> regression")
print(f"  MAE {mae_model:.2f} per customer; predicting the average scores {mae_mean:.2f}")
assert mae_model < 0.25 * mae_mean, "a small fraction of the baseline error"
# --8<-- [end:regress]

# --8<-- [start:cluster]
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

scaled = StandardScaler().fit_transform(customers[features])
segments = KMeans(n_clusters=4, n_init=10, random_state=SEED).fit_predict(scaled)
profile = customers[features].groupby(segments).mean().round(1)
profile.insert(0, "customers", np.bincount(segments))
print("question: what kinds of customers do we have?  (no target column)")
print("  -> clustering; judged by whether the segments are useful, not by a score")
print(profile.to_string())
assert profile.is_pro.max() > 0.9, "one segment is the professional plan"
assert profile.days_since_login.max() > 3 * profile.days_since_login.median(), "one stopped logging in"
assert profile.tenure_months.max() - profile.tenure_months.min() > 20, "regulars and newcomers"
# --8<-- [end:cluster]

# --8<-- [start:anomaly]
from sklearn.ensemble import IsolationForest

detector = IsolationForest(contamination=0.01, random_state=SEED).fit(scaled)
flagged = np.flatnonzero(detector.predict(scaled) == -1)
found = len(set(flagged) & set(odd))
print("question: which accounts behave like nobody else?  (no target column)")
print(f"  -> anomaly detection; flagged {len(flagged)} accounts, "
      f"{found} of the {len(odd)} odd ones among them")
assert found == len(odd) and len(flagged) == 40, "all twenty among forty flags, without a label"
# --8<-- [end:anomaly]
