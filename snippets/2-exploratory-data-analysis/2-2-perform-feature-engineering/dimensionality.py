"""Dimensionality: PCA's explained variance, feature selection and a synthetic feature.

Fits PCA to scikit-learn's 64-pixel handwritten digits, draws the cumulative explained variance,
measures how many components keep 90% of it and what a classifier loses on them, ranks features
by mutual information, and shows a synthetic ratio feature that a linear model cannot build for
itself.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:pca]
import numpy as np
from mlsguide import SEED
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

digits = load_digits()  # 1,797 images of 8 x 8 pixels: 64 features
pca = PCA().fit(StandardScaler().fit_transform(digits.data))
cumulative = np.cumsum(pca.explained_variance_ratio_)
keep = int(np.searchsorted(cumulative, 0.90) + 1)
print(f"first component explains {pca.explained_variance_ratio_[0]:.1%} of the variance")
print(f"components for 90% of the variance: {keep} of {digits.data.shape[1]}")

scores = {}
for name, steps in (("all 64 pixels", []), (f"PCA, {keep} components", [PCA(n_components=keep)])):
    model = make_pipeline(StandardScaler(), *steps, LogisticRegression(max_iter=2_000))
    scores[name] = cross_val_score(model, digits.data, digits.target, cv=3).mean()
    print(f"{name:22s} 3-fold accuracy {scores[name]:.3f}")
assert 25 < keep < 35, "about half the columns keep 90% of the variance"
full, reduced = scores.values()
assert full - reduced < 0.03, "and the classifier loses little"
# --8<-- [end:pca]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

fig, ax = plt.subplots(figsize=(6, 3.6))
components = np.arange(1, len(cumulative) + 1)
ax.bar(components, pca.explained_variance_ratio_, color="#4878a8", label="each component")
ax.plot(components, cumulative, color="black", marker="o", markersize=3, label="cumulative")
ax.axhline(0.90, color="#e08a2c", linestyle="--", label="90% of the variance")
ax.axvline(keep, color="#e08a2c", linestyle=":")
ax.set_xlabel("principal component")
ax.set_ylabel("share of variance explained")
ax.set_title("PCA on the 64 pixels of the digits", fontsize=10)
ax.legend(fontsize=8, loc="center right")
fig.tight_layout()
show(fig, alt=f"Bars of the variance explained by each of 64 principal components, falling from "
     f"about 12 per cent for the first to almost nothing, and a cumulative curve that rises "
     f"steeply, then flattens, and crosses the dashed 90 per cent line at component {keep}.")
# --8<-- [end:figure]

# --8<-- [start:selection]
import pandas as pd
from sklearn.feature_selection import mutual_info_regression

rng = np.random.default_rng(SEED)
n = 1_500
homes = pd.DataFrame({
    "floor_area": rng.uniform(40, 200, n),
    "rooms": rng.integers(1, 7, n).astype(float),
    "noise_a": rng.normal(0, 1, n),
    "noise_b": rng.normal(0, 1, n),
})
homes["area_copy_ft2"] = homes["floor_area"] * 10.764  # the same fact in other units
value = 2.5 * homes["floor_area"] + 15 * homes["rooms"] + rng.normal(0, 20, n)
mi = pd.Series(mutual_info_regression(homes, value, random_state=SEED), index=homes.columns)
print("mutual information with the target:")
print(mi.sort_values(ascending=False).round(2).to_string())
print(f"correlation of floor_area and area_copy_ft2: "
      f"{homes['floor_area'].corr(homes['area_copy_ft2']):.2f}")
assert mi[["noise_a", "noise_b"]].max() < 0.05, "pure noise scores about zero"
assert mi["rooms"] > mi[["noise_a", "noise_b"]].max(), "rooms rank above the noise"
assert abs(mi["floor_area"] - mi["area_copy_ft2"]) < 0.05, "a copy scores as high as the original"
# --8<-- [end:selection]

# --8<-- [start:synthetic]
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import cross_val_score

# Rent is driven by price per square metre, a ratio that no weighted sum of the columns can form.
price = rng.uniform(100, 900, n)  # thousands
area = rng.uniform(40, 200, n)
rent_yield = 0.05 * (price / area) + rng.normal(0, 0.05, n)
raw = pd.DataFrame({"price": price, "area": area})
with_ratio = raw.assign(price_per_m2=price / area)
r2 = {}
for name, frame in (("price and area", raw), ("plus price_per_m2", with_ratio)):
    r2[name] = cross_val_score(LinearRegression(), frame, rent_yield, cv=5, scoring="r2").mean()
    print(f"linear model on {name:18s} R^2 {r2[name]:.2f}")
assert r2["plus price_per_m2"] > r2["price and area"] + 0.1, "the synthetic ratio lifts R^2"
# --8<-- [end:synthetic]
