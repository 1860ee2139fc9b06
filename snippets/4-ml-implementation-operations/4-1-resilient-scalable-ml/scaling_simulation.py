"""A day of traffic against a target-tracking policy: what cool-downs and warm-up do.

A minute-by-minute simulation of a SageMaker AI endpoint variant under a target-tracking policy
on invocations per instance. It compares a short and a long scale-in cool-down on the same noisy
traffic, counts scaling events and overloaded minutes, and draws the day.

The rules are a simplified model of Application Auto Scaling, stated in the code: capacity is
set to ceil(traffic / target), a new instance serves only after a warm-up, and no scale-in
starts until the scale-in cool-down has passed since the last scaling activity. Run it with
`.venv/bin/python <this file>`; nothing here calls AWS.
"""

# --8<-- [start:simulate]
import math

import numpy as np
from mlsguide import SEED

TARGET = 1200          # invocations per instance per minute (from the capacity arithmetic)
OVERLOAD = 2400        # an instance's tested maximum per minute: above it latency breaks
WARM_UP = 6            # minutes from a scale-out decision to a new instance serving traffic
MIN_CAPACITY, MAX_CAPACITY = 2, 40

rng = np.random.default_rng(SEED)
minutes = np.arange(24 * 60)
daily = 6_000 + 24_000 * np.exp(-((minutes - 13 * 60) / 180) ** 2)  # quiet night, busy afternoon
traffic = daily * rng.lognormal(0.0, 0.12, minutes.size)             # minute-to-minute noise
traffic[17 * 60:17 * 60 + 20] *= 1.8                                  # a 20-minute burst at 17:00


def simulate(scale_in_cooldown: int, scale_out_cooldown: int = 1) -> dict:
    serving, pending = MIN_CAPACITY, []   # pending: (minute it starts serving, instances)
    last_out = last_in = -10**6
    capacity, events, overloaded = [], 0, 0
    for t, load in enumerate(traffic):
        serving += sum(n for ready, n in pending if ready == t)
        pending = [(ready, n) for ready, n in pending if ready > t]
        planned = serving + sum(n for _, n in pending)
        desired = min(MAX_CAPACITY, max(MIN_CAPACITY, math.ceil(load / TARGET)))
        if desired > planned and t - last_out >= scale_out_cooldown:
            pending.append((t + WARM_UP, desired - planned))   # scale out: instances warm up
            last_out, events = t, events + 1
        elif desired < planned and not pending and t - max(last_in, last_out) >= scale_in_cooldown:
            serving, last_in, events = desired, t, events + 1  # scale in: instances go at once
        capacity.append(serving)
        overloaded += load / serving > OVERLOAD
    capacity = np.array(capacity)
    return {"capacity": capacity, "events": events, "overloaded": int(overloaded),
            "instance_hours": capacity.sum() / 60}


short, long = simulate(scale_in_cooldown=1), simulate(scale_in_cooldown=15)
for name, run in (("scale-in cool-down  1 min", short), ("scale-in cool-down 15 min", long)):
    print(f"{name}: {run['events']:4d} scaling activities, {run['overloaded']:3d} overloaded "
          f"minutes, {run['instance_hours']:6.1f} instance-hours")
assert short["events"] > 2 * long["events"], "a short cool-down makes the fleet flap"
assert long["overloaded"] <= short["overloaded"], "the long cool-down does not hurt latency"
assert long["instance_hours"] > short["instance_hours"], "... it costs some idle capacity"
assert long["instance_hours"] < 1.25 * short["instance_hours"], "... under a quarter more"
static = math.ceil(traffic.max() / TARGET)
print(f"a fixed fleet sized for the peak: {static} instances, {static * 24:.1f} instance-hours")
assert static * 24 > 1.5 * long["instance_hours"], "scaling saves much of the peak-sized cost"
# --8<-- [end:simulate]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide import figures

fig, (top, bottom) = plt.subplots(2, 1, figsize=(6, 4.4), sharex=True)
hours = minutes / 60
top.plot(hours, traffic / 1000, color="0.35", linewidth=0.7)
top.set_ylabel("invocations per\nminute (thousands)")
top.set_title("One day of traffic and the instances serving it", fontsize=9)
bottom.step(hours, short["capacity"], where="post", linestyle=":", color="tab:red",
            label="scale-in cool-down 1 min")
bottom.step(hours, long["capacity"], where="post", color="tab:blue",
            label="scale-in cool-down 15 min")
bottom.set_ylabel("instances serving")
bottom.set_xlabel("hour of the day")
bottom.set_xticks(range(0, 25, 4))
bottom.legend(fontsize=8, loc="upper left")
figures.show(fig, alt="Two panels over one day. Top: invocations per minute rise from "
                   "about 6,000 at night to about 30,000 in the afternoon, with a burst at 17:00. "
                   "Bottom: instance counts for a 1-minute and a 15-minute scale-in cool-down; "
                   "the dotted 1-minute line jitters up and down all day, the 15-minute line "
                   "steps smoothly and follows the same shape.")
# --8<-- [end:plot]
