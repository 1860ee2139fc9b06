"""A time series read the way the exam draws it: trend, seasonality, outliers and autocorrelation.

Builds two years of seeded daily sales with an upward trend, a weekly cycle, a yearly cycle, noise
and three one-day spikes; draws the series with a 28-day rolling mean and its autocorrelation by
lag; and measures the weekly cycle and the trend.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:series]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
days = pd.date_range("2025-01-01", periods=730, freq="D")
t = np.arange(len(days))
weekly = np.where(days.day_of_week >= 5, 40.0, -16.0)  # weekends sell more
yearly = 30 * np.sin(2 * np.pi * (t - 80) / 365.25)  # a summer high
sales = pd.Series(200 + 0.15 * t + weekly + yearly + rng.normal(0, 12, len(t)), index=days)
spikes = days[[150, 420, 600]]
sales[spikes] += 180  # three promotion days
# --8<-- [end:series]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

plt.rcParams["font.size"] = 9
rolling = sales.rolling(28, center=True).mean()
lags = np.arange(1, 36)
autocorrelation = [sales.autocorr(lag) for lag in lags]
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4), width_ratios=[1.6, 1])
left.plot(sales.index, sales, color="#9bb8d3", linewidth=0.7, label="daily sales")
left.plot(rolling.index, rolling, color="black", linewidth=1.8, label="28-day rolling mean")
left.scatter(spikes, sales[spikes], marker="^", s=36, color="#c0392b", label="promotion day")
left.set(title="Daily sales", ylabel="units")
left.tick_params(axis="x", labelrotation=30)
left.legend(loc="lower right")
weekly_lag = lags % 7 == 0
right.bar(lags, autocorrelation, color=np.where(weekly_lag, "#c0392b", "#4878a8"))
right.bar(lags[weekly_lag], np.array(autocorrelation)[weekly_lag], color="#c0392b", hatch="//",
          edgecolor="white")
right.set(title="Autocorrelation by lag", xlabel="lag (days); multiples of 7 red, hatched",
          ylabel="correlation")
fig.tight_layout()
show(fig, alt="Left: two years of daily sales that rise from under 200 to about 300 units, with "
     "a summer high each year, a dense weekly zigzag and three tall spikes on promotion days; a "
     "smooth rolling mean shows the trend and the yearly wave. Right: autocorrelation bars for "
     "lags 1 to 35 days, all positive, with peaks at 7, 14, 21, 28 and 35 days.")
# --8<-- [end:figure]

# --8<-- [start:measure]
by_weekday = sales.groupby(sales.index.day_name()).mean().round(1)
print("mean sales by weekday:", by_weekday.sort_values().to_dict())
print(f"autocorrelation at lag 7: {sales.autocorr(7):.2f}, at lag 3: {sales.autocorr(3):.2f}")
first, second = sales[:365].mean(), sales[365:].mean()
print(f"mean of year 1 {first:.0f}, of year 2 {second:.0f}")
z = (sales - rolling) / (sales - rolling).std()
print("days more than 4 standard deviations above the rolling mean:",
      [str(day.date()) for day in z[z > 4].index])

assert sales.autocorr(7) > sales.autocorr(3) + 0.2, "the weekly cycle: lag 7 beats lag 3"
assert min(autocorrelation) > 0, "every lag is positively correlated: the trend"
assert by_weekday.idxmax() in ("Saturday", "Sunday"), "weekends sell most"
assert second - first > 40, "a trend: year 2 is higher"
assert list(z[z > 4].index) == list(spikes), "the z-score finds exactly the promotion days"
# --8<-- [end:measure]
