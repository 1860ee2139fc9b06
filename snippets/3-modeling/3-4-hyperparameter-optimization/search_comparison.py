"""Random search, Bayesian search (TPE) and grid search on one problem, over several seeds.

A decision tree on scikit-learn's handwritten digits has four hyperparameters that interact: the
maximum depth, the minimum number of samples in a leaf, the share of features tried at each
split and the cost-complexity pruning strength. Each strategy gets the same budget of trials,
and each is run with several seeds, because one run of a random method proves nothing. Optuna's
`RandomSampler`, `TPESampler` (a Bayesian method) and `GridSampler` choose the trials; the
objective is the error rate on a validation split. A last step runs TPE in batches, as a tuning
job with many parallel training jobs does, to show what parallelism costs a Bayesian search.

Run it with: .venv/bin/python snippets/3-modeling/3-4-hyperparameter-optimization/search_comparison.py
"""

# --8<-- [start:objective]
import numpy as np
import optuna
from mlsguide import SEED
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

optuna.logging.set_verbosity(optuna.logging.WARNING)
X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.4, stratify=y,
                                                  random_state=SEED)


def objective(trial):
    """Validation error of one decision tree; the trial proposes the four hyperparameters."""
    tree = DecisionTreeClassifier(
        max_depth=trial.suggest_int("max_depth", 2, 32, log=True),
        min_samples_leaf=trial.suggest_int("min_samples_leaf", 1, 64, log=True),
        max_features=trial.suggest_float("max_features", 0.05, 1.0),
        ccp_alpha=trial.suggest_float("ccp_alpha", 1e-5, 1e-1, log=True),
        random_state=SEED)
    return 1 - tree.fit(X_train, y_train).score(X_val, y_val)


GRID = {"max_depth": [2, 4, 8, 16, 32], "min_samples_leaf": [1, 8, 64],
        "max_features": [0.1, 0.5, 1.0], "ccp_alpha": [1e-5, 1e-3, 1e-1]}
print(f"{len(y_train)} training and {len(y_val)} validation images; "
      f"the grid has {np.prod([len(v) for v in GRID.values()])} points")
# --8<-- [end:objective]

# --8<-- [start:compare]
TRIALS, SEEDS = 40, range(6)
SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "TPE (Bayesian)": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "grid": lambda seed: optuna.samplers.GridSampler(GRID, seed=seed),  # grid points, shuffled
}


def best_so_far(sampler):
    """Run one study; return the best validation error after each trial."""
    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(objective, n_trials=TRIALS)
    return np.minimum.accumulate([trial.value for trial in study.trials])


curves = {name: np.array([best_so_far(make(seed)) for seed in SEEDS])
          for name, make in SAMPLERS.items()}
print(f"best validation error, median (and worst) of {len(SEEDS)} seeds")
print("strategy          after 10 trials   after 20 trials   after 40 trials")
for name, runs in curves.items():
    cells = [f"{np.median(runs[:, n - 1]):.3f} ({runs[:, n - 1].max():.3f})" for n in (10, 20, 40)]
    print(f"{name:16}  " + "   ".join(f"{cell:15}" for cell in cells))

final = {name: np.median(runs[:, -1]) for name, runs in curves.items()}
assert final["TPE (Bayesian)"] < final["random"], "TPE ends lower than random search"
assert final["TPE (Bayesian)"] < final["grid"], "TPE ends lower than the grid"
assert curves["TPE (Bayesian)"][:, -1].max() < curves["random"][:, -1].max(), "and its worst run too"
first10 = {name: np.median(runs[:, 9]) for name, runs in curves.items()}
assert abs(first10["TPE (Bayesian)"] - first10["random"]) < 1e-9, "the first 10 TPE trials are random"
# --8<-- [end:compare]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

trials = np.arange(1, TRIALS + 1)
fig, ax = plt.subplots(figsize=(6, 4))
for (name, runs), style in zip(curves.items(), ("--", "-", ":"), strict=True):
    low, mid, high = np.percentile(runs, [0, 50, 100], axis=0)
    line, = ax.plot(trials, mid, style, label=f"{name}: median of {len(SEEDS)} seeds")
    ax.fill_between(trials, low, high, alpha=0.15, color=line.get_color())
ax.set_xlabel("Trials (training jobs) so far")
ax.set_ylabel("Best validation error so far")
ax.set_title("Best-so-far error: band = best and worst seed")
ax.legend()
show(fig, alt="Best validation error so far against the number of trials for random, TPE and "
     "grid search, each a median line with a band from the best to the worst of six seeds. The "
     "three overlap for the first ten trials; afterwards the TPE line falls below the others "
     f"and ends at {final['TPE (Bayesian)']:.3f}, against {final['random']:.3f} for random "
     f"and {final['grid']:.3f} for the grid.")
# --8<-- [end:plot]

# --8<-- [start:parallel]
from optuna.distributions import FloatDistribution, IntDistribution

# The same search space, written out so that a trial's values are drawn when it is launched.
SPACE = {"max_depth": IntDistribution(2, 32, log=True),
         "min_samples_leaf": IntDistribution(1, 64, log=True),
         "max_features": FloatDistribution(0.05, 1.0),
         "ccp_alpha": FloatDistribution(1e-5, 1e-1, log=True)}


def best_in_batches(seed, batch):
    """TPE that launches `batch` trials at a time and learns their results only afterwards."""
    study = optuna.create_study(direction="minimize",
                                sampler=optuna.samplers.TPESampler(seed=seed))
    while len(study.trials) < TRIALS:
        launched = [study.ask(SPACE) for _ in range(batch)]  # values chosen now, together
        for trial in launched:                               # results arrive afterwards
            study.tell(trial, objective(trial))
    return study.best_value


by_batch = {1: curves["TPE (Bayesian)"][:, -1]}  # one at a time: the runs above
for batch in (10, 20):
    by_batch[batch] = np.array([best_in_batches(seed, batch) for seed in SEEDS])
for batch, results in by_batch.items():
    print(f"TPE, {TRIALS} trials, {batch:2d} in parallel ({TRIALS // batch:2d} rounds): "
          f"median best error {np.median(results):.3f}, worst {results.max():.3f}")
assert np.median(by_batch[20]) > np.median(by_batch[1]), "two rounds of 20 learn less"
assert by_batch[10].max() > by_batch[1].max(), "ten at a time already hurts the worst run"
# --8<-- [end:parallel]
