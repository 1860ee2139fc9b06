"""Gradient descent written out in NumPy: learning rate, batch size and local minima.

Fits a two-parameter linear model by minimising mean squared error with plain gradient descent,
once with a learning rate that is too small, one that fits and one that is too large; then with
mini-batches of 1, 32 and every row; then runs gradient descent on a one-dimensional loss with two
valleys from three starting points. Every curve is drawn from the run.

Run it with: .venv/bin/python snippets/3-modeling/3-3-train-models/gradient_descent.py
"""

# --8<-- [start:descent]
import numpy as np
from mlsguide import SEED

rng = np.random.default_rng(SEED)
x = rng.normal(0, 1, 500)
y = 3.0 * x + 2.0 + rng.normal(0, 0.5, 500)   # the truth: slope 3, intercept 2


def loss(w, b):
    return np.mean((w * x + b - y) ** 2)       # mean squared error


def gradient(w, b, rows=slice(None)):
    error = w * x[rows] + b - y[rows]
    return 2 * np.mean(error * x[rows]), 2 * np.mean(error)   # d loss/dw, d loss/db


def descend(learning_rate, steps=40):
    w, b = 0.0, 0.0
    path = [(w, b)]
    for _ in range(steps):
        dw, db = gradient(w, b)
        w, b = w - learning_rate * dw, b - learning_rate * db   # a step against the slope
        path.append((w, b))
    return np.array(path)


paths = {rate: descend(rate) for rate in (0.01, 0.3, 1.05)}
print("learning rate   loss after 0, 10, 40 steps          final w, b")
for rate, path in paths.items():
    losses = [loss(*path[i]) for i in (0, 10, 40)]
    print(f"{rate:13}   " + "  ".join(f"{v:10.3g}" for v in losses)
          + f"   {path[-1][0]:8.3g} {path[-1][1]:8.3g}")

final = {rate: loss(*path[-1]) for rate, path in paths.items()}
assert final[0.3] < 0.3, "the right rate reaches the noise floor (0.25) in 40 steps"
assert final[0.01] > 10 * final[0.3], "too small a rate is still far from the minimum"
assert final[1.05] > 100 * loss(0, 0), "too large a rate overshoots further at every step"
# --8<-- [end:descent]

# --8<-- [start:plot_rates]
import matplotlib.pyplot as plt
from mlsguide.figures import show

labels = {0.01: "0.01: too small", 0.3: "0.3: about right", 1.05: "1.05: too large"}
styles = {0.01: ":", 0.3: "-", 1.05: "--"}
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4))
for rate, path in paths.items():
    left.plot([loss(*p) for p in path], styles[rate], label=labels[rate])
left.set_yscale("log")
left.set_xlabel("Step")
left.set_ylabel("Training loss (MSE, log scale)")
left.set_title("Loss by learning rate")
left.legend()

W, B = np.meshgrid(np.linspace(-1, 6, 120), np.linspace(-2, 5, 120))
right.contour(W, B, np.vectorize(loss)(W, B), levels=[0.5, 2, 5, 10, 20, 40], colors="grey",
              linewidths=0.6)
for rate, path in paths.items():
    shown = path[:12] if rate == 1.05 else path
    right.plot(shown[:, 0], shown[:, 1], styles[rate], marker=".", label=labels[rate])
right.set_xlim(-1, 6)
right.set_ylim(-2, 5)
right.set_xlabel("Slope w")
right.set_ylabel("Intercept b")
right.set_title("Paths over the loss surface")
show(fig, alt="Left: training loss per step on a log scale; the rate 0.3 falls to the noise "
     "floor within about ten steps, 0.01 is still high after forty, and 1.05 grows at every "
     "step. Right: the same runs as paths over the contours of the loss; 0.01 creeps towards "
     "the minimum at slope 3 and intercept 2, 0.3 goes straight there, 1.05 jumps from side to "
     "side of the valley, further out each time.")
# --8<-- [end:plot_rates]

# --8<-- [start:batches]
def minibatch_descent(batch_size, epochs=3, learning_rate=0.05):
    """Stochastic gradient descent: one step per batch of shuffled rows."""
    order = np.random.default_rng(SEED)
    w, b, history = 0.0, 0.0, []
    for _ in range(epochs):
        rows = order.permutation(len(x))
        for start in range(0, len(x), batch_size):
            dw, db = gradient(w, b, rows[start:start + batch_size])
            w, b = w - learning_rate * dw, b - learning_rate * db
            history.append(loss(w, b))
    return np.array(history)


runs = {size: minibatch_descent(size) for size in (1, 32, 500)}
print("batch size   updates   final loss   loss range over the last epoch")
wobble = {}
for size, history in runs.items():
    last_epoch = history[-int(np.ceil(len(x) / size)):]
    wobble[size] = last_epoch.max() - last_epoch.min()
    print(f"{size:10d}   {len(history):7d}   {history[-1]:10.3f}   {wobble[size]:.4f}")
assert wobble[1] > 5 * wobble[32], "single-row batches make noisy steps"
assert runs[500][-1] > 1.0, "three full-batch steps at this rate are not nearly enough"
assert runs[32][-1] < 0.3, "small batches reach the floor within three epochs"
# --8<-- [end:batches]

# --8<-- [start:plot_batches]
fig, ax = plt.subplots(figsize=(6, 4))
for size, style in ((1, "-"), (32, "--"), (500, "o-")):
    seen = np.arange(1, len(runs[size]) + 1) * size   # rows read so far
    ax.plot(seen, runs[size], style, linewidth=0.8, label=f"batch of {size}")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("Training rows read (log scale)")
ax.set_ylabel("Training loss (MSE, log scale)")
ax.set_title("Same data, same rate, three batch sizes")
ax.legend()
show(fig, alt="Training loss against rows read, both on log scales. Batches of one row fall "
     "fastest but keep jittering around the floor; batches of 32 fall smoothly to the floor; "
     "full batches take one step per pass and are still far above it after three passes.")
# --8<-- [end:plot_batches]

# --8<-- [start:minima]
def valley_loss(z):
    return z**4 - 3 * z**2 + z        # two valleys: a deep one left, a shallow one right


def valley_gradient(z):
    return 4 * z**3 - 6 * z + 1


def descend_1d(start, learning_rate=0.01, momentum=0.0, steps=300):
    z, velocity, path = start, 0.0, [start]
    for _ in range(steps):
        velocity = momentum * velocity - learning_rate * valley_gradient(z)
        z += velocity
        path.append(z)
    return np.array(path)


ends = {}
for start, momentum in ((-2.0, 0.0), (0.5, 0.0), (2.0, 0.0), (2.0, 0.9)):
    path = descend_1d(start, momentum=momentum)
    ends[start, momentum] = path[-1]
    print(f"start {start:+.1f}, momentum {momentum}: ends at z = {path[-1]:+.3f}, "
          f"loss {valley_loss(path[-1]):+.3f}")
assert valley_loss(ends[-2.0, 0.0]) < valley_loss(ends[2.0, 0.0]) - 2, "two different minima"
assert ends[0.5, 0.0] > 0, "starting right of the hump ends in the shallow valley"
assert ends[2.0, 0.9] < 0, "momentum carries the same start over the hump"
# --8<-- [end:minima]
