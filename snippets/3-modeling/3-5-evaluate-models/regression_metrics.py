"""Regression metrics (RMSE, MAE, R²) and residual analysis.

Fits a linear regression to `mlsguide.data.house_prices()`, reports RMSE, MAE and R² on held-out
rows, shows how a few large errors move RMSE much more than MAE, draws the residual histogram of a
healthy model, and contrasts it with residual patterns that signal trouble (fanning, curvature,
skew, an off-centre mean).
"""

# --8<-- [start:fit]
import numpy as np
from mlsguide import SEED
from mlsguide.data import house_prices
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

houses = house_prices(n_samples=2_000)
X = houses[["size_m2", "rooms", "age_years"]]
y = houses["price"]  # thousands
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED)

reg = LinearRegression().fit(X_train, y_train)
pred = reg.predict(X_test)
rmse = np.sqrt(mean_squared_error(y_test, pred))
mae = mean_absolute_error(y_test, pred)
print(f"RMSE {rmse:6.2f} (thousands)   MAE {mae:6.2f} (thousands)   "
      f"R² {r2_score(y_test, pred):.3f}")
baseline_r2 = r2_score(y_test, np.full(len(y_test), y_train.mean()))
print(f"baseline that always predicts the training mean: R² {baseline_r2:.3f}")

assert abs(rmse - 26) < 2, "a typical miss is roughly 26 thousand"
assert abs(baseline_r2) < 0.01, "predicting the mean scores about 0"
# --8<-- [end:fit]

# --8<-- [start:outliers]
# Ten predictions go badly wrong by 300 (thousands); everything else is unchanged.
bad = pred.copy()
bad[:10] += 300
print(f"{'':16s} {'RMSE':>7s} {'MAE':>7s}")
print(f"{'original':16s} {rmse:7.2f} {mae:7.2f}")
bad_rmse = np.sqrt(mean_squared_error(y_test, bad))
bad_mae = mean_absolute_error(y_test, bad)
print(f"{'10 big misses':16s} {bad_rmse:7.2f} {bad_mae:7.2f}")

assert 1.7 < bad_rmse / rmse < 2, "RMSE almost doubles"
assert abs(bad_mae / mae - 1.25) < 0.05, "MAE rises by a quarter"
# --8<-- [end:outliers]

# --8<-- [start:histogram]
import matplotlib.pyplot as plt
from mlsguide.figures import show

residuals = y_test - pred  # actual minus predicted
fig, ax = plt.subplots(figsize=(5.5, 3.8))
ax.hist(residuals, bins=25, color="tab:blue", edgecolor="white", label="residuals")
ax.axvline(0, color="black", ls="--", label="zero error")
ax.axvline(residuals.mean(), color="tab:orange", lw=2, label=f"mean {residuals.mean():+.1f}")
ax.set_xlabel("Residual = actual - predicted price (thousands)")
ax.set_ylabel("Number of test houses")
ax.set_title("Residuals of the linear model")
ax.legend(fontsize=8)
show(fig, alt="Histogram of test residuals: roughly bell-shaped, symmetric and centred on zero.")
# --8<-- [end:histogram]

# --8<-- [start:residual_stats]
print(f"mean {residuals.mean():+.2f}   median {residuals.median():+.2f}   "
      f"skewness {residuals.skew():+.2f}")

assert abs(residuals.mean()) < 1 and abs(residuals.median()) < 1, "centred on 0"
assert abs(residuals.skew()) < 0.3, "symmetric: skewness close to 0"
# --8<-- [end:residual_stats]

# --8<-- [start:patterns]
rng = np.random.default_rng(SEED)
x = rng.uniform(1, 10, 400).reshape(-1, 1)
cases = {
    "healthy": 3 * x[:, 0] + rng.normal(0, 2, 400),
    "fanning": 3 * x[:, 0] + rng.normal(0, 1, 400) * x[:, 0],  # noise grows with x
    "curved": 0.8 * x[:, 0] ** 2 + rng.normal(0, 2, 400),  # straight line misses the bend
    "skewed": 3 * x[:, 0] + rng.exponential(4, 400),  # long right tail of errors
}
fig, axes = plt.subplots(1, 3, figsize=(9, 3), sharey=False)
residual = {}
for ax, name in zip(axes, ["healthy", "fanning", "curved"], strict=True):
    fitted = LinearRegression().fit(x, cases[name]).predict(x)
    residual[name] = cases[name] - fitted
    ax.scatter(fitted, residual[name], s=6, alpha=0.6)
    ax.axhline(0, color="black", ls="--")
    ax.set_title(name)
    ax.set_xlabel("Predicted value")
axes[0].set_ylabel("Residual")
fig.suptitle("Residuals against predictions", y=1.03)
show(fig, alt="Three residual plots: a flat even band for the healthy model, a funnel that widens "
              "to the right for the fanning case, and a U shape for the curved case.")

left, right = x[:, 0] < 4, x[:, 0] > 7
middle = ~left & ~right
fan, bend = residual["fanning"], residual["curved"]
assert fan[right].std() > 2 * fan[left].std(), "fanning: wider to the right"
assert bend[left].mean() > 0 and bend[right].mean() > 0, "curved: ends up"
assert bend[middle].mean() < 0, "curved: the middle down, a U"
# --8<-- [end:patterns]

# --8<-- [start:pattern_stats]
from scipy.stats import skew

skewness = {}
for name, target in cases.items():
    r = target - LinearRegression().fit(x, target).predict(x)
    skewness[name] = skew(r)
    print(f"{name:8s} residual mean {round(r.mean(), 2) + 0.0:+.2f}  skewness {skew(r):+.2f}")
    assert abs(r.mean()) < 1e-9, "a fitted line's residuals average zero"
# A model trained before prices rose 10% under-predicts every house: off-centre residuals.
drift = (y_test * 1.10) - pred
print(f"drifted  residual mean {drift.mean():+.2f}  (test prices 10% higher than at training)")

others = [abs(s) for name, s in skewness.items() if name != "skewed"]
assert skewness["skewed"] > 1 > max(others), "only the skewed case is skewed"
assert 10 < drift.mean() < 100, "the drifted test set is off by tens of thousands"
# --8<-- [end:pattern_stats]
