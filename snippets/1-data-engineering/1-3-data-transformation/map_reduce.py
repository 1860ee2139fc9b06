"""MapReduce written out in plain Python: map, shuffle and reduce over click events.

Splits a day of web-shop events into input splits, maps each split to (key, value) pairs, shuffles
the pairs to reducers by a hash of the key, and reduces each key's values to a total. Then shows
what one hot key does to the reducers, and how salting the key spreads the load. Runs offline with
no AWS calls:

    .venv/bin/python snippets/1-data-engineering/1-3-data-transformation/map_reduce.py
"""

# --8<-- [start:splits]
import zlib
from collections import defaultdict

from mlsguide import data

events = data.clickstream(n_events=2_000, n_users=40)
records = list(events[["user_id", "event_type", "price"]].itertuples(index=False, name=None))
SPLITS = 4  # an engine reads a large file as many splits, one per map task
splits = [records[i::SPLITS] for i in range(SPLITS)]
print(f"{len(records)} events in {SPLITS} input splits of {[len(s) for s in splits]} records")
print("first record:", records[0])
# --8<-- [end:splits]

# --8<-- [start:map]
def map_purchases(split):
    """Map: read records one at a time, emit (key, value) pairs; no state shared between tasks."""
    for user_id, event_type, price in split:
        if event_type == "purchase":
            yield user_id, price


mapped = [list(map_purchases(split)) for split in splits]  # 4 map tasks, independent
print("pairs emitted per map task:", [len(pairs) for pairs in mapped])
print("a mapped pair:", mapped[0][0])
# --8<-- [end:map]

# --8<-- [start:shuffle]
REDUCERS = 3


def reducer_for(key: str, reducers: int = REDUCERS) -> int:
    """Shuffle: every pair with the same key goes to the same reducer (a stable hash of the key)."""
    return zlib.crc32(key.encode()) % reducers


shuffled = [defaultdict(list) for _ in range(REDUCERS)]
for pairs in mapped:
    for key, value in pairs:
        shuffled[reducer_for(key)][key].append(value)
for number, groups in enumerate(shuffled):
    print(f"reducer {number}: {len(groups)} users, {sum(map(len, groups.values()))} values")
# --8<-- [end:shuffle]

# --8<-- [start:reduce]
def reduce_total(key, values):
    """Reduce: all the values of one key arrive together; fold them into one result."""
    return key, round(sum(values), 2)


totals = dict(reduce_total(k, v) for groups in shuffled for k, v in sorted(groups.items()))
top = sorted(totals.items(), key=lambda kv: -kv[1])[:3]
print("top spenders:", top)
# The same answer as a single-machine group-by: the model changes where work runs, not the result.
expected = events[events.event_type == "purchase"].groupby("user_id")["price"].sum().round(2)
assert totals == expected.to_dict(), "map-shuffle-reduce must equal the group-by"
print(f"equals pandas groupby over all {len(expected)} purchasing users: True")
# --8<-- [end:reduce]

# --8<-- [start:skew_figure]
import matplotlib.pyplot as plt
from mlsguide import figures

# One key (an "unknown" user id, as bots or missing ids produce) adds 400 pairs, over 3/4 of the total.
skewed = [k for pairs in mapped for k, _ in pairs] + ["unknown"] * 400
SALTS = 16  # more salts than reducers, since the salted keys are hashed too


def load(keys, salted: bool):
    """Values per reducer; a salted key adds a suffix 0-15 so its pairs spread over reducers."""
    counts = [0] * REDUCERS
    for i, key in enumerate(keys):
        counts[reducer_for(f"{key}#{i % SALTS}" if salted else key)] += 1
    return counts


plain, salted = load(skewed, False), load(skewed, True)
fig, axes = plt.subplots(1, 2, figsize=(7, 3), sharey=True)
for ax, counts, title in ((axes[0], plain, "Key as it is"), (axes[1], salted, "Key salted 16 ways")):
    bars = ax.bar([f"reducer {i}" for i in range(REDUCERS)], counts, color="#4a6fa5",
                  edgecolor="black", hatch="//")
    ax.bar_label(bars, fontsize=9)
    ax.set_title(title, fontsize=10)
axes[0].set_ylabel("values to reduce")
fig.tight_layout()
figures.show(fig, alt="Two bar charts of values per reducer. With the hot key as it is, one "
             f"reducer gets {max(plain)} of {len(skewed)} values; salted, the most any gets is "
             f"{max(salted)}.")
assert max(plain) > 2 * max(salted), "the hot key's reducer does over twice the salted maximum"
# --8<-- [end:skew_figure]
