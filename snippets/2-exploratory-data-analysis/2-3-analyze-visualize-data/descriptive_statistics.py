"""Descriptive statistics of a skewed column, and the histogram and box plots that show them.

Builds a seeded table of web-shop orders whose values are right-skewed (most orders are small, a
few are large), computes the mean, median, variance, standard deviation, skewness, kurtosis and
quartiles, shows what a log transform does to them, and draws a histogram and a box plot per sales
channel.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:orders]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
n = 3_000
channel = rng.choice(["web", "app", "store"], size=n, p=[0.5, 0.3, 0.2])
typical = pd.Series(channel).map({"web": 45.0, "app": 32.0, "store": 60.0}).to_numpy()
orders = pd.DataFrame({
    "channel": channel,
    # Log-normal amounts: a hump of ordinary orders and a long tail of large ones.
    "order_value": (typical * rng.lognormal(0.0, 0.6, n)).round(2),
})
# --8<-- [end:orders]

# --8<-- [start:summary]
from scipy import stats

value = orders["order_value"]
q1, median, q3 = value.quantile([0.25, 0.5, 0.75])
summary = {
    "count": len(value), "mean": value.mean(), "median": median,
    "variance": value.var(), "std": value.std(),
    "skewness": stats.skew(value), "excess kurtosis": stats.kurtosis(value),
    "Q1": q1, "Q3": q3, "IQR": q3 - q1, "max": value.max(),
}
for name, number in summary.items():
    print(f"{name:16s} {number:10.2f}")
high = q3 + 1.5 * (q3 - q1)
print(f"orders above Q3 + 1.5 IQR ({high:.2f}): {(value > high).sum()}")

assert summary["mean"] > summary["median"] * 1.1, "right skew: the mean sits above the median"
assert summary["skewness"] > 1.5, "strongly right-skewed"
assert np.isclose(summary["std"] ** 2, summary["variance"]), "std is the square root of variance"
# --8<-- [end:summary]

# --8<-- [start:log]
logged = np.log1p(value)
print(f"log1p(order_value): mean {logged.mean():.2f}  median {logged.median():.2f}  "
      f"skewness {stats.skew(logged):.2f}")
assert abs(stats.skew(logged)) < 0.3, "after the log the shape is close to symmetric"
assert abs(logged.mean() - logged.median()) < 0.05, "and mean and median meet"
# --8<-- [end:log]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

plt.rcParams["font.size"] = 9
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
left.hist(value, bins=np.arange(0, 260, 8), color="#4878a8", edgecolor="white")
left.axvline(summary["mean"], color="black", linestyle="--", label=f"mean {summary['mean']:.0f}")
left.axvline(median, color="#c0392b", linestyle="-", label=f"median {median:.0f}")
left.set(title="Histogram: order values", xlabel="order value (USD)", ylabel="orders")
left.legend()
order = ["app", "web", "store"]
right.boxplot([value[orders["channel"] == c] for c in order], tick_labels=order,
              flierprops={"marker": ".", "markersize": 3})
right.set(title="Box plot by channel", xlabel="channel", ylabel="order value (USD)")
fig.tight_layout()
show(fig, alt="Left: a histogram of order values with a hump near 30 to 50 dollars and a long "
     "right tail past 200; the dashed mean line sits to the right of the solid median line. "
     "Right: box plots for the app, web and store channels; the store's box is highest, every "
     "box has its median nearer the bottom of the box, and each has many outlier dots above the "
     "upper whisker and none below.")
# --8<-- [end:figure]
