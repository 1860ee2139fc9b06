"""Capacity arithmetic for a SageMaker AI real-time endpoint: instances, target value, AZ loss.

A load test says how many requests one instance sustains within the latency objective. From
that, the peak traffic and a safety margin follow the number of instances to run, the target
value for a target-tracking policy on `SageMakerVariantInvocationsPerInstance` (a per-minute
metric), and how many instances survive the loss of one Availability Zone.

Pure arithmetic, no AWS calls: run it with `.venv/bin/python <this file>`.
"""

# --8<-- [start:sizing]
import math

# From a load test of one ml.c5.xlarge instance: the highest rate at which p99 latency stays
# under the 100 ms objective. Everything else follows from these three numbers.
max_rps_per_instance = 40.0   # requests per second one instance sustains within the objective
peak_rps = 620.0              # the busiest minute seen in production, in requests per second
safety_factor = 0.5           # run instances at half their tested maximum at the target

# InvocationsPerInstance is counted per minute, so the target is written per minute too.
target_invocations_per_instance = max_rps_per_instance * 60 * safety_factor
instances_at_peak = math.ceil(peak_rps * 60 / target_invocations_per_instance)
print(f"target value for SageMakerVariantInvocationsPerInstance: "
      f"{target_invocations_per_instance:.0f} per minute")
print(f"instances needed at peak to hold the target: {instances_at_peak}")
print(f"instances needed at peak at 100% of tested capacity: "
      f"{math.ceil(peak_rps / max_rps_per_instance)}")
assert target_invocations_per_instance == 1200
assert instances_at_peak == 31
# --8<-- [end:sizing]

# --8<-- [start:az_loss]
def survives_zone_loss(instances: int, zones: int, needed_rps: float) -> tuple[int, bool]:
    """Instances left after the zone holding the most of them fails, and whether they cope."""
    largest_share = math.ceil(instances / zones)  # instances are spread as evenly as possible
    left = instances - largest_share
    return left, left * max_rps_per_instance >= needed_rps


print("quiet-hour traffic: 30 requests per second")
for instances, zones in ((1, 1), (2, 2), (3, 3)):
    left, ok = survives_zone_loss(instances, zones, needed_rps=30.0)
    print(f"  {instances} instance(s) over {zones} AZ(s): {left} left after one AZ fails, "
          f"{'still serving' if ok else 'OUTAGE'}")
print("peak traffic: 620 requests per second")
for instances, zones in ((31, 3), (21, 3)):
    left, ok = survives_zone_loss(instances, zones, needed_rps=peak_rps)
    print(f"  {instances} instances over {zones} AZs: {left} left, "
          f"{left * max_rps_per_instance:.0f} rps of capacity, "
          f"{'within tested capacity' if ok else 'overloaded'}")
assert survives_zone_loss(1, 1, 30.0) == (0, False), "one instance is a single point of failure"
assert survives_zone_loss(2, 2, 30.0) == (1, True)
assert survives_zone_loss(31, 3, peak_rps) == (20, True)
assert survives_zone_loss(21, 3, peak_rps) == (14, False), "a thin margin fails with a zone"
# --8<-- [end:az_loss]
