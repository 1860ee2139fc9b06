"""Linear, logarithmic and reverse-logarithmic scaling of a hyperparameter range.

SageMaker AI's `ScalingType` decides how a tuning job spreads its trials across a range. The first
part draws values the way each scale does and counts where they land; the second tunes the
kernel width `gamma` of a support vector machine on scikit-learn's breast-cancer data with 15
random trials per run, once drawn on a linear scale and once on a log scale, over many seeds.

Run it with: .venv/bin/python snippets/3-modeling/3-4-hyperparameter-optimization/scaling.py
"""

# --8<-- [start:draws]
import numpy as np
from mlsguide import SEED

rng = np.random.default_rng(SEED)
LOW, HIGH, N = 1e-4, 1.0, 1_000


def draw(scale, low, high, n):
    """Draw n values in [low, high] uniformly on the given scale."""
    if scale == "Linear":
        return rng.uniform(low, high, n)
    if scale == "Logarithmic":          # uniform in log(x): needs low > 0
        return 10 ** rng.uniform(np.log10(low), np.log10(high), n)
    if scale == "ReverseLogarithmic":   # uniform in log(1 - x): needs 0 <= x < 1
        return 1 - 10 ** rng.uniform(np.log10(1 - high), np.log10(1 - low), n)
    raise ValueError(f"unknown scale {scale!r}")


decades = [(10.0 ** k, 10.0 ** (k + 1)) for k in range(-4, 0)]
print(f"share of {N:,} draws from [{LOW:g}, {HIGH:g}] in each decade")
print("scale          " + "  ".join(f"[{a:g}, {b:g})" for a, b in decades))
share = {}
for scale in ("Linear", "Logarithmic"):
    values = draw(scale, LOW, HIGH, N)
    share[scale] = [np.mean((values >= a) & (values < b)) for a, b in decades]
    print(f"{scale:13}  " + "  ".join(f"{s:>{len(f'[{a:g}, {b:g})')}.1%}"
                                      for s, (a, b) in zip(share[scale], decades, strict=True)))

assert share["Linear"][-1] > 0.85, "a linear scale spends most draws in the top decade"
assert all(0.2 < s < 0.3 for s in share["Logarithmic"]), "a log scale gives each decade a quarter"

momentum = draw("ReverseLogarithmic", 0.9, 0.9999, N)
linear_momentum = draw("Linear", 0.9, 0.9999, N)
print(f"momentum in [0.9, 0.9999]: above 0.999 with ReverseLogarithmic "
      f"{np.mean(momentum > 0.999):.0%}, with Linear {np.mean(linear_momentum > 0.999):.0%}")
assert np.mean(momentum > 0.999) > 0.25 > np.mean(linear_momentum > 0.999)
# --8<-- [end:draws]

# --8<-- [start:effect]
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.4, stratify=y,
                                                  random_state=SEED)


def val_error(gamma):
    """Validation error of an RBF support vector machine with kernel width gamma."""
    model = make_pipeline(StandardScaler(), SVC(C=10, gamma=gamma))
    return 1 - model.fit(X_train, y_train).score(X_val, y_val)


for gamma in (1e-4, 1e-3, 1e-2, 1e-1, 1.0):
    print(f"gamma {gamma:<6g}: validation error {val_error(gamma):.3f}")

TRIALS, RUNS = 15, 30
best = {scale: [min(val_error(g) for g in draw(scale, LOW, HIGH, TRIALS)) for _ in range(RUNS)]
        for scale in ("Linear", "Logarithmic")}
for scale, results in best.items():
    print(f"{scale:11} scale, {TRIALS} trials: best error median {np.median(results):.3f}, "
          f"worst {max(results):.3f} over {RUNS} runs")
assert val_error(1e-2) < val_error(1.0) / 3, "the good gammas are in the low decades"
assert np.median(best["Logarithmic"]) < np.median(best["Linear"]), "log scale finds them"
# --8<-- [end:effect]
