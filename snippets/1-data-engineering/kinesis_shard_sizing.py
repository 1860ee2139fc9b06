"""How many shards does a provisioned Kinesis data stream need?

A small pure-Python calculator (no AWS calls): each shard takes up to 1 MB/s or 1,000 records/s
of writes and serves 2 MB/s of reads shared by every polling consumer, or 2 MB/s to each
enhanced fan-out consumer. The stream needs as many shards as the tightest of those limits
demands. The file prints the answer for four example workloads.
"""

# --8<-- [start:size]
import math
from dataclasses import dataclass

WRITE_MB_PER_SHARD = 1.0  # MB/s of writes per shard
WRITE_RECORDS_PER_SHARD = 1_000  # records/s of writes per shard
READ_MB_PER_SHARD = 2.0  # MB/s of reads per shard, shared by polling consumers
GET_RECORDS_CALLS_PER_SHARD = 5  # GetRecords calls/s per shard, shared by polling consumers


@dataclass
class Workload:
    name: str
    records_per_s: float
    record_kb: float  # average payload + partition key, in KB
    consumers: int = 1
    enhanced_fan_out: bool = False
    polls_per_s: float = 1.0  # GetRecords calls each polling consumer makes per shard per second


def shards_needed(w: Workload) -> dict:
    write_mb = w.records_per_s * w.record_kb / 1024
    by_bytes = math.ceil(write_mb / WRITE_MB_PER_SHARD)
    by_records = math.ceil(w.records_per_s / WRITE_RECORDS_PER_SHARD)
    # Polling consumers share one 2 MB/s pipe per shard; enhanced fan-out gives each its own.
    read_mb = write_mb if w.enhanced_fan_out else write_mb * w.consumers
    by_reads = math.ceil(read_mb / READ_MB_PER_SHARD)
    needed = max(by_bytes, by_records, by_reads, 1)
    limits = {"write MB/s": by_bytes, "write records/s": by_records, "read MB/s": by_reads}
    binding = max(limits, key=limits.get)
    # Every polling consumer calls every shard, so more shards never fix a call-rate problem.
    calls = 0 if w.enhanced_fan_out else w.consumers * w.polls_per_s
    return {"write_mb": write_mb, "needed": needed, "binding": binding,
            "calls_ok": calls <= GET_RECORDS_CALLS_PER_SHARD, **limits}


workloads = [
    Workload("clickstream to Firehose", records_per_s=3_000, record_kb=0.5),
    Workload("IoT telemetry, 3 apps", records_per_s=800, record_kb=4, consumers=3),
    Workload("same, enhanced fan-out", records_per_s=800, record_kb=4, consumers=3,
             enhanced_fan_out=True),
    Workload("image metadata", records_per_s=200, record_kb=40),
    Workload("card payments, 6 apps", records_per_s=2_500, record_kb=1, consumers=6),
]
print(f"{'workload':26} {'rec/s':>6} {'KB':>4} {'MB/s':>5} | by bytes  records  reads"
      f" | shards  limit that binds")
for w in workloads:
    r = shards_needed(w)
    note = "" if r["calls_ok"] else "  (>5 GetRecords/s per shard: use enhanced fan-out)"
    print(f"{w.name:26} {w.records_per_s:>6,.0f} {w.record_kb:>4g} {r['write_mb']:>5.2f} |"
          f" {r['write MB/s']:>8} {r['write records/s']:>8} {r['read MB/s']:>6} |"
          f" {r['needed']:>6}  {r['binding']}{note}")
# --8<-- [end:size]
