"""Reinforcement learning in its smallest form: a multi-armed bandit choosing a home-page banner.

Three banners have click-through rates the shop does not know. A fixed three-way split (a classic
A/B/C test) shows each banner to a third of the visitors for the whole period; an epsilon-greedy
agent and a Thompson-sampling agent learn from each click as it happens and shift traffic to the
banner that is winning. Regret counts the clicks lost against always showing the best banner.

Run it with: .venv/bin/python snippets/3-modeling/3-1-frame-business-problems/bandit.py
"""

# --8<-- [start:simulate]
import numpy as np
from mlsguide import SEED

CLICK_RATE = np.array([0.040, 0.050, 0.065])  # the truth, hidden from every strategy
VISITORS, RUNS = 20_000, 8


def fixed_split(rng, clicks, shows):
    return rng.integers(len(CLICK_RATE))  # ignores everything it has seen


def epsilon_greedy(rng, clicks, shows, epsilon=0.1):
    if rng.random() < epsilon or shows.min() == 0:
        return rng.integers(len(CLICK_RATE))  # explore
    return int(np.argmax(clicks / shows))  # exploit the best rate so far


def thompson(rng, clicks, shows):
    return int(np.argmax(rng.beta(1 + clicks, 1 + shows - clicks)))  # sample a plausible rate


def regret_curve(policy, rng):
    clicks, shows = np.zeros(3), np.zeros(3)
    regret = np.empty(VISITORS)
    for visitor in range(VISITORS):
        banner = policy(rng, clicks, shows)
        shows[banner] += 1
        clicks[banner] += rng.random() < CLICK_RATE[banner]  # the reward: a click or not
        regret[visitor] = CLICK_RATE.max() - CLICK_RATE[banner]
    return np.cumsum(regret), shows


rng = np.random.default_rng(SEED)
results, best_share = {}, {}
for name, policy in (("fixed 3-way split", fixed_split), ("epsilon-greedy (0.1)", epsilon_greedy),
                     ("Thompson sampling", thompson)):
    runs = [regret_curve(policy, rng) for _ in range(RUNS)]
    results[name] = np.mean([curve for curve, _ in runs], axis=0)
    best_share[name] = np.mean([shows[2] / VISITORS for _, shows in runs])
    print(f"{name:22s} clicks lost {results[name][-1]:6.1f}   "
          f"best banner shown to {best_share[name]:4.0%} of visitors")

lost = {name: curve[-1] for name, curve in results.items()}
assert abs(best_share["fixed 3-way split"] - 1 / 3) < 0.02, "the fixed split: a third each"
for learner in ("epsilon-greedy (0.1)", "Thompson sampling"):
    assert best_share[learner] > 0.8, "the learning agents move most traffic to the best banner"
    assert lost[learner] < 0.25 * lost["fixed 3-way split"], "and lose a fraction of the clicks"
# --8<-- [end:simulate]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

fig, ax = plt.subplots(figsize=(6, 4))
for (name, curve), style in zip(results.items(), ["-", "--", ":"], strict=True):
    ax.plot(np.arange(1, VISITORS + 1), curve, linestyle=style, linewidth=2, label=name)
ax.set_xlabel("Visitors so far")
ax.set_ylabel("Clicks lost against the best banner")
ax.set_title(f"Regret of three ways to choose a banner (mean of {RUNS} runs)")
ax.legend(loc="upper left")
show(fig, alt="Cumulative regret against visitors. The fixed split's regret grows in a straight "
     "line; epsilon-greedy grows more slowly; Thompson sampling flattens early and stays lowest.")
# --8<-- [end:plot]
