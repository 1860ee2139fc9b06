"""Which hyperparameters matter for each model family, measured on real scikit-learn data sets.

Gradient-boosted trees: the learning rate and the number of trees trade against each other, and
depth decides how far a single tree can overfit. Linear models: the strength and kind of
regularisation (L1 or L2). Neural networks: the learning rate, the size of the network, and the
random initialisation, which changes the score even when nothing else does. Every data set here
ships with scikit-learn, so nothing is downloaded.

Run it with: .venv/bin/python snippets/3-modeling/3-4-hyperparameter-optimization/what_to_tune.py
"""

# --8<-- [start:trees]
import numpy as np
from mlsguide import SEED
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.4, stratify=y,
                                                  random_state=SEED)
N_TREES = 400
curves = {}
for learning_rate in (0.5, 0.1, 0.02):
    model = GradientBoostingClassifier(learning_rate=learning_rate, n_estimators=N_TREES,
                                       max_depth=3, random_state=SEED).fit(X_train, y_train)
    # staged_predict_proba gives the model after 1, 2, ... N_TREES trees from one fit
    curves[learning_rate] = np.array([log_loss(y_val, p)
                                      for p in model.staged_predict_proba(X_val)])

print("learning rate   best validation log loss   at trees   loss with all 400 trees")
for learning_rate, losses in curves.items():
    best = int(losses.argmin())
    print(f"{learning_rate:13}   {losses[best]:24.3f}   {best + 1:8d}   {losses[-1]:23.3f}")

best_trees = {lr: int(losses.argmin()) + 1 for lr, losses in curves.items()}
assert best_trees[0.5] < best_trees[0.1] < best_trees[0.02], "a smaller step needs more trees"
assert curves[0.5][-1] > 1.5 * curves[0.5].min(), "with a large step, extra trees overfit"
# --8<-- [end:trees]

# --8<-- [start:trees_plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

fig, ax = plt.subplots(figsize=(6, 4))
for (learning_rate, losses), style in zip(curves.items(), ("-", "--", ":"), strict=True):
    ax.plot(np.arange(1, N_TREES + 1), losses, style, label=f"learning rate {learning_rate}")
    best = int(losses.argmin())
    ax.plot(best + 1, losses[best], "o", color=ax.lines[-1].get_color())
ax.set_xscale("log")
ax.set_xlabel("Number of trees (log scale)")
ax.set_ylabel("Validation log loss (lower is better)")
ax.set_title("Learning rate and number of trees trade against each other")
ax.legend()
show(fig, alt="Validation log loss against the number of trees for three learning rates. With "
     f"0.5 the loss bottoms out after about {best_trees[0.5]} trees and then climbs; with 0.1 "
     f"the minimum comes near {best_trees[0.1]} trees, and with 0.02 it is still falling "
     f"slowly near {best_trees[0.02]} trees.")
# --8<-- [end:trees_plot]

# --8<-- [start:depth]
from sklearn.datasets import load_digits
from sklearn.model_selection import validation_curve
from sklearn.tree import DecisionTreeClassifier

X_digits, y_digits = load_digits(return_X_y=True)
depths = [1, 2, 4, 6, 8, 12, 16, 24]
train_scores, val_scores = validation_curve(
    DecisionTreeClassifier(random_state=SEED), X_digits, y_digits,
    param_name="max_depth", param_range=depths, cv=5)
train_acc, val_acc = train_scores.mean(axis=1), val_scores.mean(axis=1)
print("max_depth   training accuracy   cross-validated accuracy   gap")
for depth, tr, va in zip(depths, train_acc, val_acc, strict=True):
    print(f"{depth:9d}   {tr:17.3f}   {va:24.3f}   {tr - va:.3f}")

assert train_acc[-1] > 0.999, "a deep enough tree memorises its training data"
assert abs(val_acc[-1] - val_acc[depths.index(12)]) < 0.01, "beyond depth 12, depth buys nothing"
assert (train_acc - val_acc)[-1] > 3 * (train_acc - val_acc)[1], "the gap grows with depth"
# --8<-- [end:depth]

# --8<-- [start:linear]
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

print("C (1/strength)   L1: non-zero weights   L1 accuracy   L2: non-zero weights   L2 accuracy")
nonzero = {}
for C in (0.01, 0.03, 0.1, 1.0, 10.0):
    row = []
    for penalty, l1_ratio in (("l1", 1.0), ("l2", 0.0)):  # l1_ratio 1 is pure L1, 0 pure L2
        model = make_pipeline(StandardScaler(), LogisticRegression(
            l1_ratio=l1_ratio, C=C, solver="liblinear", max_iter=5_000)).fit(X_train, y_train)
        weights = model[-1].coef_.ravel()
        nonzero[penalty, C] = int((np.abs(weights) > 1e-8).sum())
        row += [nonzero[penalty, C], model.score(X_val, y_val)]
    print(f"{C:14}   {row[0]:20d}   {row[1]:11.3f}   {row[2]:20d}   {row[3]:11.3f}")

assert nonzero["l1", 0.03] < 10 < nonzero["l2", 0.03] == X.shape[1], "L1 selects, L2 shrinks"
assert all(nonzero["l2", C] == X.shape[1] for C in (0.01, 1.0)), "L2 keeps every feature"
# --8<-- [end:linear]

# --8<-- [start:network]
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

warnings.filterwarnings("ignore", category=ConvergenceWarning)
Xd_train, Xd_val, yd_train, yd_val = train_test_split(X_digits / 16, y_digits, test_size=0.4,
                                                      stratify=y_digits, random_state=SEED)


def network_accuracy(seed=SEED, **settings):
    """Validation accuracy of a small network trained with Adam for 40 epochs."""
    net = MLPClassifier(max_iter=40, random_state=seed, **settings)
    return net.fit(Xd_train, yd_train).score(Xd_val, yd_val)


by_rate = {rate: network_accuracy(hidden_layer_sizes=(32,), learning_rate_init=rate)
           for rate in (1e-4, 1e-2, 1.0)}
by_shape = {shape: network_accuracy(hidden_layer_sizes=shape, learning_rate_init=1e-2)
            for shape in ((4,), (32,), (32, 32))}
by_activation = {act: network_accuracy(hidden_layer_sizes=(32,), learning_rate_init=1e-2,
                                       activation=act) for act in ("relu", "tanh", "logistic")}
by_init = [network_accuracy(seed=seed, hidden_layer_sizes=(8,), learning_rate_init=1e-2)
           for seed in range(5)]
print("learning rate:", {k: round(v, 3) for k, v in by_rate.items()})
print("hidden layers:", {str(k): round(v, 3) for k, v in by_shape.items()})
print("activation:   ", {k: round(v, 3) for k, v in by_activation.items()})
print(f"same network, 5 random initialisations: {min(by_init):.3f} to {max(by_init):.3f}")

assert by_rate[1e-2] > by_rate[1e-4] + 0.05, "too small a rate has not converged in 40 epochs"
assert by_rate[1e-2] > by_rate[1.0] + 0.1, "too large a rate jumps past the minimum"
assert by_shape[(32,)] > by_shape[(4,)], "four hidden nodes are too few for ten digits"
assert max(by_init) - min(by_init) > 0.005, "the initialisation alone moves the score"
# --8<-- [end:network]
