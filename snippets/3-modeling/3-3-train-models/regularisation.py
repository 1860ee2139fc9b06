"""Training-time defences against overfitting: early stopping, L1 and L2 penalties, dropout.

Trains a small neural network for many epochs on 60 noisy rows and records its training and
validation loss after every epoch, to show where early stopping would stop; fits the same wide
linear problem without a penalty, with L2 (ridge) and with L1 (lasso); and trains a one-hidden-
layer network written in NumPy with and without (inverted) dropout.

Run it with: .venv/bin/python snippets/3-modeling/3-3-train-models/regularisation.py
"""

# --8<-- [start:early_stopping]
import warnings

import numpy as np
from mlsguide import SEED
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPRegressor

rng = np.random.default_rng(SEED)
X_all = rng.uniform(-3, 3, (560, 1))
y_all = np.sin(X_all[:, 0]) + rng.normal(0, 0.3, 560)
X_train, y_train = X_all[:60], y_all[:60]          # few, noisy rows: easy to memorise
X_val, y_val = X_all[60:], y_all[60:]

net = MLPRegressor(hidden_layer_sizes=(100, 100), learning_rate_init=0.01, random_state=SEED)
train_loss, val_loss = [], []
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    for _ in range(400):
        net.partial_fit(X_train, y_train)          # one more pass over the training rows
        train_loss.append(np.mean((net.predict(X_train) - y_train) ** 2))
        val_loss.append(np.mean((net.predict(X_val) - y_val) ** 2))

patience, best, waited, stopped_at = 20, np.inf, 0, None
for epoch, loss in enumerate(val_loss):            # what early stopping does, epoch by epoch
    if loss < best - 1e-4:
        best, best_epoch, waited = loss, epoch, 0
    else:
        waited += 1
        if waited == patience:
            stopped_at = epoch
            break

print(f"best validation MSE {best:.3f} at epoch {best_epoch + 1}; stopped at epoch "
      f"{stopped_at + 1} after {patience} epochs without improvement")
print(f"after all 400 epochs: training MSE {train_loss[-1]:.3f}, validation MSE {val_loss[-1]:.3f}")
assert stopped_at < 300, "early stopping ends the run well before the epoch budget"
assert train_loss[-1] < train_loss[best_epoch], "training loss keeps falling after the best epoch"
assert val_loss[-1] > 1.2 * best, "while validation loss rises: the network memorises noise"
# --8<-- [end:early_stopping]

# --8<-- [start:plot_early_stopping]
import matplotlib.pyplot as plt
from mlsguide.figures import show

fig, ax = plt.subplots(figsize=(6, 4))
epochs = np.arange(1, len(val_loss) + 1)
ax.plot(epochs, train_loss, "--", label="training loss")
ax.plot(epochs, val_loss, label="validation loss")
ax.axvline(best_epoch + 1, color="grey", linestyle=":", label=f"best epoch ({best_epoch + 1})")
ax.axvline(stopped_at + 1, color="black", linestyle="-.", linewidth=0.8,
           label=f"early stop, patience {patience} ({stopped_at + 1})")
ax.axhline(0.09, color="grey", linewidth=0.5)
ax.text(390, 0.095, "noise floor (0.3 squared)", ha="right", va="bottom", fontsize=8)
ax.set_yscale("log")
ax.set_xlabel("Epoch")
ax.set_ylabel("MSE (log scale)")
ax.set_title("A network that trains for too long")
ax.legend(loc="lower left")
show(fig, alt=f"Training and validation loss over 400 epochs. Both fall at first; validation "
     f"loss is lowest near epoch {best_epoch + 1} and then climbs, while training loss keeps "
     f"falling below the noise floor. Early stopping with a patience of {patience} epochs stops "
     f"the run at epoch {stopped_at + 1}.")
# --8<-- [end:plot_early_stopping]

# --8<-- [start:penalties]
from sklearn.linear_model import Lasso, LinearRegression, Ridge
from sklearn.metrics import r2_score

n_rows, n_features = 70, 60                        # nearly as many features as rows
X = rng.normal(0, 1, (2_070, n_features))
true_coef = np.zeros(n_features)
true_coef[:5] = [4, -3, 2, 1.5, -1]                 # only five features matter
y = X @ true_coef + rng.normal(0, 1, len(X))
X_fit, y_fit, X_new, y_new = X[:n_rows], y[:n_rows], X[n_rows:], y[n_rows:]

models = {"no penalty": LinearRegression(), "L2 (ridge, alpha 3)": Ridge(alpha=3),
          "L1 (lasso, alpha 0.2)": Lasso(alpha=0.2)}
print("model                  R2 train   R2 new data   coefficients exactly 0")
scores = {}
for name, model in models.items():
    model.fit(X_fit, y_fit)
    scores[name] = r2_score(y_new, model.predict(X_new))
    zeros = int(np.sum(model.coef_ == 0))
    print(f"{name:22s} {model.score(X_fit, y_fit):8.3f}   {scores[name]:11.3f}   {zeros:5d}")
assert models["no penalty"].score(X_fit, y_fit) > 0.95 > scores["no penalty"] + 0.1, "overfit"
assert scores["L1 (lasso, alpha 0.2)"] > scores["L2 (ridge, alpha 3)"] > scores["no penalty"]
assert np.sum(models["L1 (lasso, alpha 0.2)"].coef_ == 0) > 40, "L1 zeroes most weights"
assert np.sum(models["L2 (ridge, alpha 3)"].coef_ == 0) == 0, "L2 shrinks, never zeroes"
# --8<-- [end:penalties]

# --8<-- [start:dropout]
init = np.random.default_rng(SEED)
W1, b1 = init.normal(0, 1, (1, 512)), init.normal(0, 1, 512)   # a hidden layer of 512 units
W2 = init.normal(0, 1 / np.sqrt(512), 512)


def forward(X, drop_rate=0.0, training=False):
    """A one-hidden-layer network with inverted dropout, as frameworks implement it."""
    h = np.maximum(0, X @ W1 + b1)                      # ReLU activations
    if training and drop_rate:
        keep = init.random(h.shape) >= drop_rate        # silence a random share of the units
        h = h * keep / (1 - drop_rate)                  # and scale the survivors up to match
    return h @ W2, h


x_one = X_val[:1]
_, h_full = forward(x_one)
outputs = [forward(x_one, 0.5, training=True) for _ in range(2_000)]
active = h_full[0] > 0
silenced = np.mean([np.mean(h[0][active] == 0) for _, h in outputs])
print(f"{active.sum()} of 512 units are active for this row; a training pass silences "
      f"{silenced:.1%} of them")
print(f"mean activation at inference {h_full.mean():.3f}, averaged over training passes "
      f"{np.mean([h.mean() for _, h in outputs]):.3f}")
print("two training passes on the same row:", [f"{outputs[i][0][0]:.3f}" for i in (0, 1)],
      f"; inference twice: {forward(x_one)[0][0]:.3f}, {forward(x_one)[0][0]:.3f}")
assert abs(np.mean([h.mean() for _, h in outputs]) - h_full.mean()) < 0.02 * h_full.mean()
assert outputs[0][0][0] != outputs[1][0][0], "training passes differ: each drops other units"
assert 0.45 < silenced < 0.55, "a drop rate of 0.5 silences half the active units"
# --8<-- [end:dropout]
