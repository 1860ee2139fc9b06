"""K-means and PCA on data drawn when the site is built.

K-means: four groups of customers drawn around four centres; the elbow of the within-cluster sum
of squares and the silhouette score pick k. PCA: ten measured features driven by two hidden
factors; the explained variance says two components keep almost everything.

Run it with: .venv/bin/python snippets/3-modeling/3-2-select-models/clusters_and_components.py
"""

# --8<-- [start:kmeans]
import numpy as np
from mlsguide import SEED
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

centres = [[22, 2], [48, 12], [30, 22], [62, 4]]  # age, orders a month: four kinds of customer
X, truth = make_blobs(n_samples=800, centers=centres, cluster_std=[3, 3, 3, 3], random_state=SEED)
X_scaled = StandardScaler().fit_transform(X)  # k-means measures distance: put features on one scale

print(" k   within-cluster SS   silhouette")
results = {}
for k in range(2, 8):
    model = KMeans(n_clusters=k, n_init=10, random_state=SEED).fit(X_scaled)
    results[k] = (model.inertia_, silhouette_score(X_scaled, model.labels_))
    print(f"{k:2d}   {results[k][0]:17.1f}   {results[k][1]:10.3f}")

best_k = max(results, key=lambda k: results[k][1])
drops = {k: results[k - 1][0] - results[k][0] for k in range(3, 8)}
print(f"best silhouette at k = {best_k}")
assert best_k == 4, "the silhouette finds the four groups that were drawn"
assert drops[4] > 3 * drops[5], "the elbow: past k = 4 the sum of squares falls only a little"
# --8<-- [end:kmeans]

# --8<-- [start:kmeans_plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

final = KMeans(n_clusters=4, n_init=10, random_state=SEED).fit(X_scaled)
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
ks = list(results)
left.plot(ks, [results[k][0] for k in ks], marker="o")
left.axvline(4, linestyle="--", color="grey")
left.set_xlabel("k (number of clusters)")
left.set_ylabel("within-cluster sum of squares")
left.set_title("The elbow at k = 4")
markers = ["o", "s", "^", "D"]
for cluster in range(4):
    members = X[final.labels_ == cluster]
    right.scatter(members[:, 0], members[:, 1], s=10, marker=markers[cluster],
                  label=f"cluster {cluster + 1}")
right.set_xlabel("age")
right.set_ylabel("orders a month")
right.set_title("k-means with k = 4")
right.legend(fontsize=8)
show(fig, alt="Left: the within-cluster sum of squares falls steeply from k = 2 to k = 4 and "
     "flattens after it. Right: the 800 customers in four clusters, each drawn with its own "
     "marker, matching the four groups that were drawn.")
# --8<-- [end:kmeans_plot]

# --8<-- [start:pca]
from sklearn.decomposition import PCA

rng = np.random.default_rng(SEED)
factors = rng.normal(size=(1_000, 2))             # two hidden causes (say, size and wealth)
loadings = rng.normal(size=(2, 10))               # each of ten measurements mixes both
measured = factors @ loadings + rng.normal(0, 0.3, size=(1_000, 10))
pca = PCA().fit(StandardScaler().fit_transform(measured))
explained = pca.explained_variance_ratio_
print("component   share of variance   cumulative")
for i, (share, total) in enumerate(zip(explained, np.cumsum(explained), strict=True), start=1):
    if i <= 5:
        print(f"{i:9d}   {share:17.3f}   {total:10.3f}")
assert np.cumsum(explained)[1] > 0.9, "two components keep over 90% of the variance"
assert explained[2] < 0.03, "the third component is noise"
# --8<-- [end:pca]

# --8<-- [start:pca_plot]
fig, ax = plt.subplots(figsize=(6, 4))
components = np.arange(1, 11)
ax.bar(components, explained, label="share of variance")
ax.plot(components, np.cumsum(explained), marker="o", color="black", label="cumulative share")
ax.set_xticks(components)
ax.set_xlabel("principal component")
ax.set_ylabel("share of total variance")
ax.set_title("Ten features, two hidden factors: a scree plot")
ax.legend(loc="center right")
show(fig, alt="Scree plot: the first two bars hold almost all the variance and the cumulative "
     "line passes 0.9 at the second component; components three to ten are close to zero.")
# --8<-- [end:pca_plot]
