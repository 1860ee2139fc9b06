"""Outliers and scaling: detect with the IQR rule and z-scores, then cap, transform or keep.

Builds a seeded table of home sales whose prices are right-skewed with a handful of data-entry
errors, flags outliers with the interquartile-range rule and with z-scores (and shows how extreme
values mask themselves from the z-score), caps and log-transforms the prices, measures what each
treatment does to a linear model, and compares min-max, standard and robust scaling on the same
column.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:sales]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
n = 1_000
area = rng.uniform(40, 220, n).round()  # square metres
# Prices grow multiplicatively with area, so they are right-skewed (thousands).
price = np.exp(3.2 + 0.012 * area + rng.normal(0, 0.25, n)).round(1)
price[:6] = [9_850.0, 12_400.0, 8_990.0, 11_200.0, 10_750.0, 9_400.0]  # typed in dollars, not k
sales = pd.DataFrame({"area": area, "price": price})
print(sales["price"].describe().round(1).to_string())
assert sales["price"].max() > 100 * sales["price"].median(), "six typos, a hundredfold maximum"
assert sales["price"].std() > 3.5 * sales["price"].mean(), "and a std four times the mean"
# --8<-- [end:sales]

# --8<-- [start:detect]
q1, q3 = sales["price"].quantile([0.25, 0.75])
iqr = q3 - q1
low, high = q1 - 1.5 * iqr, q3 + 1.5 * iqr
iqr_flag = (sales["price"] < low) | (sales["price"] > high)
z = (sales["price"] - sales["price"].mean()) / sales["price"].std()
z_flag = z.abs() > 3
print(f"IQR rule: fences {low:.1f} to {high:.1f}, flags {iqr_flag.sum()} rows")
print(f"z-score > 3 flags {z_flag.sum()} rows; the six typos have z of "
      f"{z[:6].min():.1f} to {z[:6].max():.1f}")
clean_z = (sales["price"][6:] - sales["price"][6:].mean()) / sales["price"][6:].std()
print(f"without the typos, z-score > 3 flags {(clean_z.abs() > 3).sum()} genuine sales")
assert iqr_flag[:6].all() and z_flag[:6].all(), "both rules catch the gross typos"
assert iqr_flag.sum() > z_flag.sum(), "the IQR rule also flags the long right tail"
assert (clean_z.abs() > 3).sum() > 0, "the typos inflated the std and hid the tail from z"
# --8<-- [end:detect]

# --8<-- [start:treat]
from sklearn.linear_model import LinearRegression
from sklearn.metrics import median_absolute_error
from sklearn.model_selection import train_test_split

fixed = sales.copy()
fixed.loc[:5, "price"] = fixed.loc[:5, "price"] / 1_000  # the fix when the cause is known
train, test = train_test_split(fixed.index, test_size=0.3, random_state=SEED)
X = fixed[["area"]]


def fit_and_score(name, target, back=lambda p: p):
    """Fit price ~ area on a treated target and report the error in thousands on the test rows."""
    model = LinearRegression().fit(X.loc[train], target[train])
    error = median_absolute_error(fixed.loc[test, "price"], back(model.predict(X.loc[test])))
    print(f"{name:28s} median error {error:5.1f}k")
    return error


raw_error = fit_and_score("typos kept", sales["price"])
fixed_error = fit_and_score("typos fixed", fixed["price"])
cap = fixed.loc[train, "price"].quantile(0.99)  # the cap is learned from training rows only
capped_error = fit_and_score("typos fixed, capped at p99", fixed["price"].clip(upper=cap))
log_error = fit_and_score("typos fixed, log(price)", np.log(fixed["price"]), back=np.exp)
assert raw_error > 2.5 * fixed_error, "six wrong rows in a thousand almost triple the error"
assert log_error < capped_error < fixed_error, "the log transform fits the multiplicative growth best"
# --8<-- [end:treat]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

fig, axes = plt.subplots(1, 3, figsize=(9, 3.2))
axes[0].boxplot(sales["price"], widths=0.5)
axes[0].set_title("Raw prices: box plot", fontsize=10)
axes[0].set_ylabel("price (thousands)")
axes[0].set_xticks([])
axes[1].hist(fixed["price"], bins=30, color="#4878a8", edgecolor="white")
axes[1].axvline(high, color="black", linestyle="--", label="upper IQR fence")
axes[1].set_title("Typos fixed: right-skewed", fontsize=10)
axes[1].set_xlabel("price (thousands)")
axes[1].legend(fontsize=8)
axes[2].hist(np.log(fixed["price"]), bins=30, color="#e08a2c", edgecolor="black", hatch="//")
axes[2].set_title("log(price): near-symmetric", fontsize=10)
axes[2].set_xlabel("log of price")
axes[0].set_ylim(0, 13_000)
fig.tight_layout()
show(fig, alt="Three panels. A box plot of the raw prices is a flat box near zero with six "
     "points far above it near ten thousand, the prices typed in dollars. A histogram of the "
     "corrected prices has a long right tail that crosses the upper IQR fence. A histogram of "
     "the log of the prices is close to a symmetric bell.")
# --8<-- [end:figure]

# --8<-- [start:scalers]
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

column = sales[["price"]]  # the raw column, typos and all
typical = sales["price"].between(q1, q3)  # the middle half of the sales
print("spread of the middle half of the rows after each scaler:")
spreads = {}
for scaler in (MinMaxScaler(), StandardScaler(), RobustScaler()):
    scaled = scaler.fit(column.loc[train]).transform(column)[:, 0]
    middle = scaled[typical.to_numpy()]
    spreads[type(scaler).__name__] = middle.max() - middle.min()
    print(f"  {type(scaler).__name__:15s} middle half spans {spreads[type(scaler).__name__]:.3f}"
          f"  (typos land at {scaled[:6].max():.1f})")
assert spreads["MinMaxScaler"] < 0.02, "min-max squeezes typical rows into a sliver"
assert 0.1 < spreads["StandardScaler"] < 0.2, "standardising leaves them 0.15"
assert spreads["RobustScaler"] > 0.9, "robust scaling keeps them spread over about one unit"
# --8<-- [end:scalers]
