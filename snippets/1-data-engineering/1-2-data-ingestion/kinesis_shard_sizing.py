"""How many shards does a provisioned Kinesis data stream need?

A small pure-Python calculator (no AWS calls): each shard takes up to 1 MB/s or 1,000 records/s
of writes and serves 2 MB/s of reads shared by every polling consumer, or 2 MB/s to each
enhanced fan-out consumer. The stream needs as many shards as the tightest of those limits
demands. The file prints the answer for five example workloads.
"""

# --8<-- [start:size]
import math
from dataclasses import dataclass

WRITE_MB_PER_SHARD = 1.0  # MB/s written per shard
WRITE_RECORDS_PER_SHARD = 1_000  # records/s written per shard
READ_MB_PER_SHARD = 2.0  # MB/s read per shard, shared by polling consumers
CALLS_PER_SHARD = 5  # GetRecords calls/s per shard, shared by polling consumers


@dataclass
class Workload:
    name: str
    records_per_s: float
    record_kb: float  # average payload + partition key, in KB
    consumers: int = 1
    fan_out: bool = False  # enhanced fan-out: 2 MB/s per consumer per shard
    polls_per_s: float = 1.0  # GetRecords calls per consumer per shard


def shards_needed(w: Workload) -> dict:
    write_mb = w.records_per_s * w.record_kb / 1024
    # Polling consumers share the 2 MB/s of a shard; fan-out gives each its own.
    read_mb = write_mb if w.fan_out else write_mb * w.consumers
    by_limit = {
        "bytes in": math.ceil(write_mb / WRITE_MB_PER_SHARD),
        "records in": math.ceil(w.records_per_s / WRITE_RECORDS_PER_SHARD),
        "bytes out": math.ceil(read_mb / READ_MB_PER_SHARD),
    }
    binding = max(by_limit, key=by_limit.get)
    # Each polling consumer calls every shard: more shards never fix this one.
    calls = 0 if w.fan_out else w.consumers * w.polls_per_s
    return {"write_mb": write_mb, "by_limit": by_limit, "binding": binding,
            "needed": max(by_limit[binding], 1),
            "calls_ok": calls <= CALLS_PER_SHARD}


workloads = [
    Workload("clickstream", records_per_s=3_000, record_kb=0.5),
    Workload("telemetry, 3 apps", records_per_s=800, record_kb=4, consumers=3),
    Workload("telemetry, 3 EFO", records_per_s=800, record_kb=4, consumers=3,
             fan_out=True),
    Workload("image metadata", records_per_s=200, record_kb=40),
    Workload("payments, 6 apps", records_per_s=2_500, record_kb=1, consumers=6),
]
print(f"{'workload':17} {'rec/s':>5} {'KB':>3} {'MB/s':>5} |"
      f" {'in':>3} {'rec':>3} {'out':>3} | shards  limit that binds")
sized = {w.name: shards_needed(w) for w in workloads}
for w in workloads:
    r = sized[w.name]
    n = r["by_limit"]
    print(f"{w.name:17} {w.records_per_s:>5.0f} {w.record_kb:>3g}"
          f" {r['write_mb']:>5.2f} | {n['bytes in']:>3} {n['records in']:>3}"
          f" {n['bytes out']:>3} | {r['needed']:>6}  {r['binding']}")
    if not r["calls_ok"]:
        print(f"{'':17} > 5 GetRecords calls/s per shard: use enhanced fan-out")

clicks, polled, efo, images, payments = sized.values()
assert clicks["binding"] == "records in", "clickstream: bound by record count"
assert (polled["needed"], polled["binding"]) == (5, "bytes out"), "reads: 5"
assert (efo["needed"], efo["binding"]) == (4, "bytes in"), "fan-out: 4"
assert images["binding"] == "bytes in", "image metadata: bound by bytes"
assert payments["needed"] == 8 and not payments["calls_ok"], "payments: 8"
# --8<-- [end:size]
