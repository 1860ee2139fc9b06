"""Map partition keys to Kinesis shards yourself, and see what a poor key does to one shard.

Kinesis Data Streams hashes each partition key with MD5 into a 128-bit integer and stores the
record in the shard whose hash-key range contains that integer. This file repeats that
arithmetic in plain Python (no AWS calls), treats 2,500 synthetic click events as one second of
traffic, and compares two partition keys on a four-shard stream: the user id (many distinct
values) and the event type (three values, one of them very common).
"""

# --8<-- [start:hash]
import hashlib

from mlsguide import data

N_SHARDS = 4
WRITE_LIMIT = 1_000  # records per second that one shard accepts


def hash_key(partition_key: str) -> int:
    """MD5 of the key's UTF-8 bytes, read as an unsigned 128-bit integer."""
    return int(hashlib.md5(partition_key.encode("utf-8")).hexdigest(), 16)


def shard_index(partition_key: str, n_shards: int = N_SHARDS) -> int:
    """The shard that owns the key, when the shards split the range evenly."""
    return hash_key(partition_key) * n_shards // 2**128


for key in ["u000", "u001", "view", "add_to_cart", "purchase"]:
    shard = shard_index(key)
    print(f"{key:12s} hash key {hash_key(key):>39d} -> shard {shard}")

assert shard_index("u000") != shard_index("u001"), "two users, two shards"
type_shards = {shard_index(k) for k in ["view", "add_to_cart", "purchase"]}
assert len(type_shards) == 2, "three event types share two shards"
# --8<-- [end:hash]

# --8<-- [start:skew]
# 2,500 click events, read as one second of traffic
events = data.clickstream(n_events=2_500, n_users=50)


def per_shard_rate(keys) -> list[int]:
    counts = [0] * N_SHARDS
    for key in keys:
        counts[shard_index(key)] += 1
    return counts


by_user = per_shard_rate(events["user_id"])
by_type = per_shard_rate(events["event_type"])
print(f"records/s per shard (limit {WRITE_LIMIT:,}); * = over the limit")
print(f"{'shard':>5} | {'key = user_id':>14} | {'key = event_type':>16}")
for i in range(N_SHARDS):
    user, kind = by_user[i], by_type[i]
    mark_user = "*" if user > WRITE_LIMIT else " "
    mark_kind = "*" if kind > WRITE_LIMIT else " "
    print(f"{i:>5} | {user:>13,}{mark_user} | {kind:>15,}{mark_kind}".rstrip())
print(
    f"distinct keys: user_id {events['user_id'].nunique()}, "
    f"event_type {events['event_type'].nunique()}"
)

assert max(by_user) <= WRITE_LIMIT, "keyed by user, every shard is under"
assert by_type[0] > 2 * WRITE_LIMIT, "keyed by type, shard 0 gets 2x+ its limit"
assert by_type.count(0) == 2, "keyed by type, two shards sit idle"
# --8<-- [end:skew]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np
from mlsguide.figures import show

x = np.arange(N_SHARDS)
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(x - 0.2, by_user, width=0.4, color="#1b9e77",
       label="key = user_id (50 values)")
ax.bar(x + 0.2, by_type, width=0.4, color="#d95f02", hatch="//",
       edgecolor="black", label="key = event_type (3 values)")
ax.axhline(WRITE_LIMIT, color="black", linestyle="--", linewidth=1)
ax.text(N_SHARDS - 0.5, WRITE_LIMIT * 1.05, "per-shard write limit",
        ha="right")
ax.set_xticks(x, [f"shard {i}" for i in x])
ax.set_xlabel("Shard of a 4-shard stream")
ax.set_ylabel("Records per second")
ax.set_title("2,500 records/s spread by two partition keys")
ax.legend(loc="upper right")
show(fig, alt="Bar chart: keyed by user id, the four shards get between "
     f"{min(by_user):,} and {max(by_user):,} records per second; keyed by "
     f"event type, shard 0 gets {by_type[0]:,} and two shards get none.")
# --8<-- [end:plot]
