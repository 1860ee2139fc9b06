"""Stopping weak training jobs early: SageMaker AI's median rule and Hyperband's successive halving.

Sixteen configurations of a linear classifier (stochastic gradient descent on scikit-learn's
digits, with different learning rates and L2 strengths) are trained for 20 epochs each, and their
validation accuracy is recorded after every epoch, as a training job writes its metric to its
log. Both stopping rules are then replayed on these real learning curves: training is
deterministic, so stopping a job at epoch 5 leaves epochs 1 to 5 exactly as recorded.

Run it with: .venv/bin/python snippets/3-modeling/3-4-hyperparameter-optimization/early_stopping.py
"""

# --8<-- [start:curves]
import numpy as np
from mlsguide import SEED
from sklearn.datasets import load_digits
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X / 16, y, test_size=0.4, stratify=y,
                                                  random_state=SEED)
rng = np.random.default_rng(SEED)
EPOCHS, JOBS = 20, 16
jobs = [{"eta0": 10 ** rng.uniform(-4, 0), "alpha": 10 ** rng.uniform(-6, -1)}
        for _ in range(JOBS)]
curves = np.zeros((JOBS, EPOCHS))
for j, params in enumerate(jobs):
    model = SGDClassifier(loss="log_loss", learning_rate="constant", random_state=SEED, **params)
    for epoch in range(EPOCHS):   # one pass over the data per call: one epoch
        model.partial_fit(X_train, y_train, classes=np.unique(y))
        curves[j, epoch] = model.score(X_val, y_val)  # the metric a job would log

best_job = int(curves[:, -1].argmax())
print(f"{JOBS} jobs x {EPOCHS} epochs; final validation accuracy from "
      f"{curves[:, -1].min():.3f} to {curves[:, -1].max():.3f}")
print(f"best: job {best_job}, eta0 {jobs[best_job]['eta0']:.4f}, alpha {jobs[best_job]['alpha']:.1e}")
# --8<-- [end:curves]

# --8<-- [start:median_rule]
def median_rule(curves):
    """Epochs each job runs when SageMaker AI's early stopping (Auto) watches it, in order.

    After each epoch, the job's metric is compared with the median, over earlier jobs that
    reached the same epoch, of each one's running average up to that epoch; a job whose metric
    is worse (here: lower accuracy) is stopped.
    """
    ran = []
    for j, curve in enumerate(curves):
        stop_at = len(curve)
        for epoch in range(len(curve)):
            earlier = [curves[i, : epoch + 1].mean() for i in range(j) if ran[i] > epoch]
            if earlier and curve[epoch] < np.median(earlier):
                stop_at = epoch + 1
                break
        ran.append(stop_at)
    return np.array(ran)


ran = median_rule(curves)
print("epochs run per job:", " ".join(str(n) for n in ran))
print(f"median rule: {ran.sum()} of {JOBS * EPOCHS} epochs ({ran.sum() / (JOBS * EPOCHS):.0%}); "
      f"{(ran < EPOCHS).sum()} jobs stopped early; best job ran to the end: "
      f"{ran[best_job] == EPOCHS}")
assert ran.sum() < 0.6 * JOBS * EPOCHS, "early stopping saves a large share of the compute"
assert ran[best_job] == EPOCHS, "the best configuration is not stopped"
# --8<-- [end:median_rule]

# --8<-- [start:halving]
def successive_halving(curves, rungs=(2, 6, 20), keep=1 / 3):
    """Run every job to the first rung, keep the best third, run those to the next rung..."""
    alive, used = list(range(len(curves))), 0
    previous = 0
    for rung in rungs:
        used += len(alive) * (rung - previous)   # each survivor trains on from where it stopped
        print(f"  rung {rung:2d} epochs: {len(alive):2d} jobs")
        if rung != rungs[-1]:
            alive = sorted(alive, key=lambda j: curves[j, rung - 1], reverse=True)
            alive = alive[: max(1, round(len(alive) * keep))]
        previous = rung
    return max(alive, key=lambda j: curves[j, -1]), used


winner, used = successive_halving(curves)
print(f"successive halving: {used} of {JOBS * EPOCHS} epochs ({used / (JOBS * EPOCHS):.0%}); "
      f"winner job {winner}, final accuracy {curves[winner, -1]:.3f}")
assert used < ran.sum(), "halving spends even less than the median rule"
assert curves[winner, -1] >= curves[:, -1].max() - 0.01, "and still finds a top configuration"
# --8<-- [end:halving]
