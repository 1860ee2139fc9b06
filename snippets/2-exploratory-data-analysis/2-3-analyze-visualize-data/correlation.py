"""Correlation: Pearson against Spearman, p-values in plain terms, and a correlation heat map.

Draws three seeded pairs of variables (a straight-line relation, a curved but always-rising one,
and no relation plus one extreme point), compares Pearson's r with Spearman's rho on each, shows
how the p-value of a correlation depends on the sample size, and draws the correlation matrix of
a house-price table as a heat map to find features that duplicate each other.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:pairs]
import numpy as np
from mlsguide import SEED
from scipy import stats

rng = np.random.default_rng(SEED)
x = rng.uniform(0, 10, 200)
pairs = {
    "straight line": (x, 2 * x + rng.normal(0, 3, 200)),
    "curved, always rising": (x, np.exp(0.6 * x) * rng.lognormal(0, 0.1, 200)),
    "no relation + 1 outlier": (np.append(x[:100], 60), np.append(rng.normal(0, 1, 100), 25)),
}
coefficients = {}
for name, (a, b) in pairs.items():
    r, rho = stats.pearsonr(a, b).statistic, stats.spearmanr(a, b).statistic
    coefficients[name] = (r, rho)
    print(f"{name:24s} Pearson r {r:5.2f}   Spearman rho {rho:5.2f}")

r, rho = coefficients["curved, always rising"]
assert rho > 0.98 and rho - r > 0.15, "Spearman sees a perfect ranking; Pearson a weaker line"
r, rho = coefficients["no relation + 1 outlier"]
assert r > 0.6 and rho < 0.4 and r - rho > 0.4, "one extreme point makes Pearson large, not Spearman"
# --8<-- [end:pairs]

# --8<-- [start:scatter]
import matplotlib.pyplot as plt
from mlsguide.figures import show

plt.rcParams["font.size"] = 9
fig, axes = plt.subplots(1, 3, figsize=(9, 3))
for ax, (name, (a, b)) in zip(axes, pairs.items(), strict=True):
    r, rho = coefficients[name]
    ax.scatter(a, b, s=8, color="#4878a8")
    ax.set_title(f"{name}\nr = {r:.2f}, rho = {rho:.2f}")
    ax.set_xlabel("x")
axes[0].set_ylabel("y")
fig.tight_layout()
(r1, rho1), (r2, rho2), (r3, rho3) = coefficients.values()
show(fig, alt=f"Three scatter plots. Left: points along a rising straight line with scatter, "
     f"r {r1:.2f} and rho {rho1:.2f}. Middle: points on a curve that rises slowly and then "
     f"steeply, r {r2:.2f} and rho {rho2:.2f}. Right: a shapeless cloud near zero plus one point "
     f"far to the upper right, r {r3:.2f} and rho {rho3:.2f}.")
# --8<-- [end:scatter]

# --8<-- [start:pvalues]
def correlation_test(n, strength):
    """Sample n rows with a true correlation of `strength`; return r and its p-value."""
    a = rng.normal(size=n)
    b = strength * a + np.sqrt(1 - strength**2) * rng.normal(size=n)
    result = stats.pearsonr(a, b)
    return result.statistic, result.pvalue


small_r, small_p = correlation_test(n=8, strength=0.5)
big_r, big_p = correlation_test(n=20_000, strength=0.03)
print(f"n = 8:      r = {small_r:.2f}, p = {small_p:.3f}")
print(f"n = 20,000: r = {big_r:.3f}, p = {big_p:.4f}")
assert small_p > 0.05 and small_r > 0.3, "a sizeable r on 8 rows can still be chance"
assert big_p < 0.01 and big_r < 0.05, "a negligible r on many rows is 'significant'"
# --8<-- [end:pvalues]

# --8<-- [start:heatmap]
from mlsguide.data import house_prices

houses = house_prices(n_samples=1_000)
houses["size_sqft"] = (houses["size_m2"] * 10.764 + rng.normal(0, 40, len(houses))).round()
houses["listing_id"] = rng.permutation(len(houses))  # an identifier: no signal at all
matrix = houses.corr(method="pearson").round(2)
print(matrix.to_string())

features = matrix.drop(index="price", columns="price")
pairs_above = [f"{a} & {b} ({features.loc[a, b]:.2f})" for i, a in enumerate(features)
               for b in features.columns[i + 1:] if abs(features.loc[a, b]) > 0.9]
print("feature pairs with |r| > 0.9:", ", ".join(pairs_above))
assert pairs_above[0].startswith("size_m2 & rooms") and len(pairs_above) == 3, "size and rooms"
assert features.loc["size_m2", "size_sqft"] > 0.99, "the two size columns are one feature"
assert matrix.loc["listing_id"].drop("listing_id").abs().max() < 0.1, "the id relates to nothing"
assert matrix.loc["age_years", "price"] < -0.1, "older houses are cheaper"

fig, ax = plt.subplots(figsize=(5.6, 4.6), layout="constrained")  # constrained: room for the colour bar
image = ax.imshow(matrix, cmap="RdBu_r", vmin=-1, vmax=1)
ax.set_xticks(range(len(matrix)), matrix.columns, rotation=45, ha="right")
ax.set_yticks(range(len(matrix)), matrix.columns)
for i in range(len(matrix)):
    for j in range(len(matrix)):
        value = matrix.iloc[i, j]
        ax.text(j, i, f"{value:.2f}", ha="center", va="center",
                color="white" if abs(value) > 0.6 else "black")
fig.colorbar(image, ax=ax, label="Pearson r")
ax.set_title("Correlation heat map")
show(fig, alt="A six-by-six correlation heat map of size_m2, rooms, age_years, price, size_sqft "
     "and listing_id, with each cell's r printed. The diagonal is 1.00. size_m2 and size_sqft "
     "correlate at 1.00, size and rooms at about 0.9, size and price at about 0.97, age and price "
     "weakly negatively, and listing_id near 0.00 with everything.")
# --8<-- [end:heatmap]
