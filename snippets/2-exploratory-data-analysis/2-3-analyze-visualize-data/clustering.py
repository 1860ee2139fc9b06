"""Cluster analysis: k-means with the elbow and silhouette plots, cluster sizes, and a dendrogram.

Builds seeded customer segments (four groups of different sizes in two scaled features), runs
k-means for k = 2 to 8 and draws the inertia (the elbow plot) and the mean silhouette score,
reports the cluster sizes and per-cluster silhouettes for the chosen k, and clusters a sample
hierarchically with Ward linkage to draw its dendrogram.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:customers]
import numpy as np
from mlsguide import SEED
from sklearn.datasets import make_blobs
from sklearn.preprocessing import StandardScaler

# Visits per month and average basket (USD) for four segments of 500, 300, 150 and 50 customers.
raw, segment = make_blobs(n_samples=[500, 300, 150, 50],
                          centers=[[4, 30], [12, 35], [6, 90], [20, 120]],
                          cluster_std=[1.5, 2.0, 2.0, 3.0], random_state=SEED)
raw[:, 1] += np.random.default_rng(SEED).normal(0, 8, len(raw))  # baskets vary more
customers = StandardScaler().fit_transform(raw)  # k-means measures distance: scale first
# --8<-- [end:customers]

# --8<-- [start:choose_k]
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

ks = range(2, 9)
inertia, silhouette = {}, {}
for k in ks:
    km = KMeans(n_clusters=k, n_init=10, random_state=SEED).fit(customers)
    inertia[k] = km.inertia_  # within-cluster sum of squared distances
    silhouette[k] = silhouette_score(customers, km.labels_)
    print(f"k = {k}: inertia {inertia[k]:7.1f}   mean silhouette {silhouette[k]:.3f}")
best = max(silhouette, key=silhouette.get)
print("k with the highest silhouette:", best)

assert all(inertia[k] > inertia[k + 1] for k in range(2, 8)), "inertia always falls as k grows"
assert best == 4, "the silhouette peaks at the four real segments"
drop = {k: inertia[k - 1] - inertia[k] for k in range(3, 9)}
assert drop[4] > 2 * drop[5], "the elbow: after k = 4 the gain per extra cluster collapses"
# --8<-- [end:choose_k]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from mlsguide.figures import show

plt.rcParams["font.size"] = 9
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2))
left.plot(list(ks), list(inertia.values()), marker="o", color="#4878a8")
left.annotate("elbow", (4, inertia[4]), xytext=(5.2, inertia[3]),
              arrowprops={"arrowstyle": "->"})
left.set(title="Elbow plot", xlabel="number of clusters k", ylabel="inertia")
right.bar(list(ks), list(silhouette.values()), color=["#c0392b" if k == best else "#4878a8"
                                                       for k in ks])
right.set(title="Mean silhouette score", xlabel="number of clusters k", ylabel="silhouette",
          ylim=(0, 1))
fig.tight_layout()
show(fig, alt=f"Left: an elbow plot of inertia against k from 2 to 8; the line falls steeply to "
     f"k = 4 and then flattens, with the elbow marked at 4. Right: mean silhouette scores per "
     f"k, highest at k = 4 ({silhouette[4]:.2f}, the red bar) and lower on both sides.")
# --8<-- [end:figure]

# --8<-- [start:sizes]
from sklearn.metrics import adjusted_rand_score, silhouette_samples

km = KMeans(n_clusters=4, n_init=10, random_state=SEED).fit(customers)
per_row = silhouette_samples(customers, km.labels_)
for cluster in np.argsort(-np.bincount(km.labels_)):
    members = km.labels_ == cluster
    centre = raw[members].mean(axis=0)
    print(f"cluster {cluster}: {members.sum():4d} customers, {centre[0]:4.1f} visits, "
          f"USD {centre[1]:5.1f} basket, silhouette {per_row[members].mean():.2f}")
agreement = adjusted_rand_score(segment, km.labels_)
print(f"agreement with the true segments (adjusted Rand index): {agreement:.2f}")
assert agreement > 0.9, "k-means recovers the segments"
assert min(np.bincount(km.labels_)) < 0.1 * len(customers), "clusters need not be equal in size"
# --8<-- [end:sizes]

# --8<-- [start:dendrogram]
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage

sample = np.random.default_rng(SEED).choice(len(customers), size=60, replace=False)
tree = linkage(customers[sample], method="ward")  # merge the pair that adds least variance
fig, ax = plt.subplots(figsize=(8, 3.4))
dendrogram(tree, ax=ax, no_labels=True, color_threshold=tree[-4, 2] + 1e-9,
           above_threshold_color="grey")
ax.axhline(tree[-4, 2] + 0.5 * (tree[-3, 2] - tree[-4, 2]), color="black", linestyle="--",
           label="cut here: 4 clusters")
ax.set(title="Dendrogram (Ward linkage, 60 customers)", xlabel="customers",
       ylabel="merge distance")
ax.legend(loc="upper right")
fig.tight_layout()
show(fig, alt="A dendrogram of 60 customers. Short merges at the bottom join customers into four "
     "coloured branches; the four branches join only at much greater heights. A dashed "
     "horizontal line cuts across the four long vertical lines, giving four clusters.")
# --8<-- [end:dendrogram]

# --8<-- [start:tree_cut]
cut = fcluster(tree, t=4, criterion="maxclust")
agreement = adjusted_rand_score(segment[sample], cut)
print(f"4 clusters cut from the tree; agreement with the true segments: {agreement:.2f}")
assert agreement > 0.8, "the tree cut at four clusters mostly recovers the segments too"
# --8<-- [end:tree_cut]
