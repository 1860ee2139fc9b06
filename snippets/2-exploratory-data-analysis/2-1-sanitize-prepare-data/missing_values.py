"""Missing values: find them, compare the ways of filling them, and keep serving consistent.

Builds a seeded customer table in which high incomes are more often left blank (a common pattern:
people with high incomes skip the question), then compares deleting rows, mean, median and
most-frequent imputation, k-nearest-neighbour imputation and iterative (model-based) imputation
against the true values, draws what each does to the income distribution, and shows how a fitted
imputer carries its training statistics to the rows a model scores later.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:survey]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
n = 2_000
age = rng.uniform(21, 70, n).round()
income = (18 + 1.1 * age + rng.normal(0, 9, n)).round(1)  # thousands a year, rises with age
plan = rng.choice(["basic", "plus", "premium"], size=n, p=[0.6, 0.3, 0.1])
complete = pd.DataFrame({"age": age, "income": income, "plan": plan})

# The survey as it arrived: the higher the income, the likelier the field was left blank
# (missing not at random); a few ages and plans were lost at random.
customers = complete.copy()
skip_income = rng.random(n) < 1 / (1 + np.exp(-(income - 80) / 6))
customers.loc[skip_income, "income"] = np.nan
customers.loc[rng.random(n) < 0.04, "age"] = np.nan
customers.loc[rng.random(n) < 0.03, "plan"] = np.nan
# --8<-- [end:survey]

# --8<-- [start:profile]
missing = customers.isna().sum()
print("missing values per column:")
for column, count in missing.items():
    print(f"  {column:7s} {count:4d}  ({count / len(customers):.1%})")
rows_with_gap = customers.isna().any(axis=1)
print(f"rows with at least one gap: {rows_with_gap.sum()} of {len(customers)}")

gap_income = complete.loc[customers["income"].isna(), "income"].mean()
seen_income = customers["income"].mean()
print(f"true mean income of the blanks {gap_income:.1f}k, of the answers {seen_income:.1f}k")
assert 0.25 < missing["income"] / len(customers) < 0.34, "almost a third of incomes missing"
assert 20 < gap_income - seen_income < 32, "the blanks hide incomes about 26 thousand higher"
# --8<-- [end:profile]

# --8<-- [start:compare]
from sklearn.experimental import enable_iterative_imputer  # noqa: F401  (switches it on)
from sklearn.impute import IterativeImputer, KNNImputer, SimpleImputer

numeric = customers[["age", "income"]]
truth = complete["income"]
blank = customers["income"].isna()


def report(name, filled_income):
    """Compare an imputed income column with the true one; return the numbers."""
    rmse = np.sqrt(((filled_income[blank] - truth[blank]) ** 2).mean()) if blank.any() else np.nan
    result = {
        "rows": int(filled_income.notna().sum()),
        "mean": filled_income.mean(),
        "std": filled_income.std(),
        "corr": filled_income.corr(complete["age"]),
        "rmse": rmse,
    }
    print(f"{name:16s} rows {result['rows']:5d}  mean {result['mean']:5.1f}  "
          f"std {result['std']:4.1f}  corr(age) {result['corr']:.2f}  "
          f"error on blanks {result['rmse']:5.1f}")
    return result


results = {"true values": report("true values", truth)}
dropped = customers.dropna()
results["drop rows"] = report("drop rows", dropped["income"])
for strategy in ("mean", "median", "most_frequent"):
    filled = SimpleImputer(strategy=strategy).fit_transform(numeric)
    results[strategy] = report(strategy, pd.Series(filled[:, 1]))
for name, imputer in (("k-NN (k=5)", KNNImputer(n_neighbors=5)),
                      ("iterative", IterativeImputer(random_state=SEED))):
    filled = imputer.fit_transform(numeric)
    results[name] = report(name, pd.Series(filled[:, 1]))

true_mean = results["true values"]["mean"]
assert results["drop rows"]["rows"] < 0.7 * n, "deleting rows keeps only two thirds"
assert results["drop rows"]["mean"] < true_mean - 6, "and drags the mean down by about 8k"
assert results["mean"]["std"] < 0.72 * results["true values"]["std"], "mean fill: std down a third"
assert 0.5 < results["mean"]["corr"] < 0.65, "and correlation with age falls to about 0.6"
assert results["most_frequent"]["rmse"] > results["mean"]["rmse"], "most frequent is worse still"
for model_based in ("k-NN (k=5)", "iterative"):
    assert results[model_based]["rmse"] < 0.5 * results["mean"]["rmse"], "less than half as far"
    assert results[model_based]["corr"] > 0.8, "and the correlation survives"
    assert results[model_based]["mean"] < true_mean, "yet still low: the blanks were not random"
# --8<-- [end:compare]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

mean_filled = SimpleImputer(strategy="mean").fit_transform(numeric)[:, 1]
model_filled = IterativeImputer(random_state=SEED).fit_transform(numeric)[:, 1]
bins = np.arange(20, 125, 4)
fig, axes = plt.subplots(1, 3, figsize=(9, 3.2), sharey=True)
panels = [("True incomes", truth), ("Mean imputation", mean_filled),
          ("Iterative imputation", model_filled)]
for ax, (title, values) in zip(axes, panels, strict=True):
    ax.hist(values, bins=bins, color="#4878a8", edgecolor="white", hatch="")
    ax.hist(np.asarray(values)[blank], bins=bins, color="#e08a2c", edgecolor="black",
            hatch="//", label="filled-in rows" if title != "True incomes" else "rows left blank")
    ax.set_title(title, fontsize=10)
    ax.set_xlabel("income (thousands)")
    ax.legend(fontsize=8, loc="upper right")
axes[0].set_ylabel("customers")
fig.tight_layout()
show(fig, alt="Three histograms of income. The true incomes form a broad hump whose blank rows "
     "sit in the upper tail. Mean imputation piles every blank into one tall bar at the mean. "
     "Iterative imputation spreads the blanks along the age trend but still places them lower "
     "than their true values.")
# --8<-- [end:figure]

# --8<-- [start:serving]
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

# Fit the imputer on training rows only, inside the same pipeline as the model, and keep a flag
# that says "this value was missing": the flag itself can carry signal.
churned = (rng.random(n) < 1 / (1 + np.exp(-(complete["income"] - 70) / 10))).astype(int)
train = customers.index < 1_500
model = make_pipeline(SimpleImputer(strategy="median", add_indicator=True),
                      LogisticRegression(max_iter=1_000))
model.fit(numeric[train], churned[train])

imputer = model.named_steps["simpleimputer"]
medians = ", ".join(f"{c} {v:g}" for c, v in zip(numeric.columns, imputer.statistics_, strict=True))
print("medians learned from the training rows:", medians)
request = pd.DataFrame({"age": [45.0], "income": [np.nan]})  # a live request with a gap
seen = imputer.transform(request)[0]
print("request as the model sees it [age, income, age_missing, income_missing]:", seen.tolist())
print(f"churn probability: {model.predict_proba(request)[0, 1]:.2f}")

assert seen[1] == imputer.statistics_[1], "filled with the training median"
assert seen.tolist()[2:] == [0.0, 1.0], "and flagged as missing"
# --8<-- [end:serving]
