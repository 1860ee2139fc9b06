"""The same non-linear data fitted by a linear model, a random forest and XGBoost, compared.

Draws a table whose target depends on a threshold, a curve and an interaction between two
features, fits the three families on the same training rows, and scores them on the same test
rows. Then shows bias and variance: a tree's training and test error as its depth grows.

Run it with: .venv/bin/python snippets/3-modeling/3-2-select-models/model_families.py
"""

# --8<-- [start:data]
import numpy as np
from mlsguide import SEED

rng = np.random.default_rng(SEED)
n = 4_000
X = rng.uniform(-3, 3, size=(n, 4))  # four features; the fourth is noise
y = (
    2.0 * (X[:, 0] > 0.5)            # a threshold: a step that no straight line fits
    + np.sin(2 * X[:, 1])            # a curve
    + 0.8 * X[:, 2] * X[:, 0]        # an interaction: the effect of x2 depends on x0
    + rng.normal(0, 0.8, n)          # noise no model can explain
)
X_train, X_test, y_train, y_test = X[:3_000], X[3_000:], y[:3_000], y[3_000:]
print(f"{len(y_train)} training rows, {len(y_test)} test rows, {X.shape[1]} features")
print(f"target: mean {y.mean():.2f}, standard deviation {y.std():.2f}")
# --8<-- [end:data]

# --8<-- [start:compare]
import time

import xgboost
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error, r2_score

models = {
    "linear regression": LinearRegression(),
    "random forest (300 trees)": RandomForestRegressor(n_estimators=300, min_samples_leaf=3,
                                                       n_jobs=1, random_state=SEED),
    "XGBoost (300 rounds)": xgboost.XGBRegressor(n_estimators=300, max_depth=4, learning_rate=0.1,
                                                 n_jobs=1, random_state=SEED),
}
scores = {}
print(f"{'model':27s} {'test RMSE':>9s} {'test R2':>8s} {'train R2':>9s}")
for name, model in models.items():
    started = time.perf_counter()
    model.fit(X_train, y_train)
    rmse = mean_squared_error(y_test, model.predict(X_test)) ** 0.5
    test_r2 = r2_score(y_test, model.predict(X_test))
    scores[name] = (rmse, test_r2, r2_score(y_train, model.predict(X_train)))
    print(f"{name:27s} {scores[name][0]:9.3f} {scores[name][1]:8.3f} {scores[name][2]:9.3f}")

linear, forest, boosted = (scores[name] for name in models)
noise_rmse = 0.8
assert linear[1] < 0.3 and forest[1] > 0.85 and boosted[1] > 0.85, "trees capture what a line cannot"
assert boosted[0] <= forest[0], "boosting edges out the forest on this data"
assert forest[2] - forest[1] > boosted[2] - boosted[1], "the forest fits its training rows more closely"
assert boosted[0] < 1.5 * noise_rmse, "XGBoost gets close to the noise floor"
# --8<-- [end:compare]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

# Vary one feature at a time, the others held at 0 (x0 at 1 for the x2 panel, where it interacts).
grid = np.linspace(-3, 3, 200)
panels = [(0, "x0 (threshold at 0.5)", {}), (1, "x1 (a sine curve)", {}),
          (2, "x2 (times x0, x0 = 1)", {0: 1.0})]
truth = [lambda g: 2.0 * (g > 0.5), lambda g: np.sin(2 * g), lambda g: 0.8 * g * 1.0 + 2.0]
styles = {"linear regression": "--", "random forest (300 trees)": ":", "XGBoost (300 rounds)": "-"}
fig, axes = plt.subplots(1, 3, figsize=(10, 3.6), sharey=True)
for ax, (feature, label, fixed), true in zip(axes, panels, truth, strict=True):
    rows = np.zeros((len(grid), 4))
    rows[:, feature] = grid
    for column, value in fixed.items():
        rows[:, column] = value
    ax.plot(grid, true(grid), color="black", linewidth=3, alpha=0.3, label="true effect")
    for name, model in models.items():
        ax.plot(grid, model.predict(rows), linestyle=styles[name], label=name)
    ax.set_xlabel(label)
axes[0].set_ylabel("prediction")
axes[0].legend(loc="upper left", fontsize=9)
fig.suptitle("What each family can draw:\none feature varied, the others fixed")
show(fig, alt="Three panels. The linear model draws a straight line through the step of x0 and "
     "through the sine curve of x1; the random forest and XGBoost follow the step and the curve "
     "in small stairs; for x2 all three follow the upward slope.")
# --8<-- [end:plot]

# --8<-- [start:bias_variance]
from sklearn.tree import DecisionTreeRegressor

print("tree depth   train RMSE   test RMSE")
errors = {}
for depth in (1, 2, 4, 6, 8, 12, 20):
    tree = DecisionTreeRegressor(max_depth=depth, random_state=SEED).fit(X_train, y_train)
    errors[depth] = (mean_squared_error(y_train, tree.predict(X_train)) ** 0.5,
                     mean_squared_error(y_test, tree.predict(X_test)) ** 0.5)
    print(f"{depth:10d}   {errors[depth][0]:10.3f}   {errors[depth][1]:9.3f}")

best = min(errors, key=lambda d: errors[d][1])
assert errors[1][1] > 2 * errors[best][1], "a stump is too simple: high bias"
assert errors[20][0] < 0.05 and errors[20][1] > errors[best][1], "a deep tree memorises: high variance"
assert 4 <= best <= 12, "the best depth is in between"
print(f"lowest test error at depth {best}; the forest's test RMSE is {forest[0]:.3f}")
assert forest[0] < errors[best][1], "averaging many deep trees beats the best single tree"
# --8<-- [end:bias_variance]
