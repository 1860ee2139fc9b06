"""Write click events to a Kinesis data stream and read them back, shard by shard.

Creates a provisioned stream with four shards, sends a batch of events with `put_records`
(partition key = user id), shows which shard each key hashed to, reads every shard with
`get_shard_iterator` / `get_records`, and deletes the stream.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (a provisioned stream is billed per shard-hour while it exists).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:create]
import boto3

kinesis = boto3.client("kinesis")
STREAM = "mlsguide-clickstream"

kinesis.create_stream(
    StreamName=STREAM,
    ShardCount=4,
    StreamModeDetails={"StreamMode": "PROVISIONED"},
)
kinesis.get_waiter("stream_exists").wait(StreamName=STREAM)

summary = kinesis.describe_stream_summary(StreamName=STREAM)
summary = summary["StreamDescriptionSummary"]
mode = summary["StreamModeDetails"]["StreamMode"]
print(
    f"{summary['StreamName']}: {summary['StreamStatus']}, "
    f"{summary['OpenShardCount']} shards, mode {mode}, "
    f"retention {summary['RetentionPeriodHours']} h"
)

shards = kinesis.list_shards(StreamName=STREAM)["Shards"]
for shard in shards:
    start = int(shard["HashKeyRange"]["StartingHashKey"]) / 2**128
    end = int(shard["HashKeyRange"]["EndingHashKey"]) / 2**128
    print(f"{shard['ShardId']}  hash keys {start:.2f} .. {end:.2f} of 2^128")
    assert abs(end - start - 0.25) < 0.01, "each shard holds a quarter"

assert summary["RetentionPeriodHours"] == 24, "the default retention: 24 h"
# --8<-- [end:create]

# --8<-- [start:put]
import hashlib
import json

from mlsguide import data

events = data.clickstream(n_events=40, n_users=8)
records = [
    {
        "Data": json.dumps(
            {
                "event_id": row.event_id,
                "user_id": row.user_id,
                "event_type": row.event_type,
                "price": row.price,
                "ts": row.ts.isoformat(),
            }
        ).encode(),
        # all events of one user go to the same shard, in order
        "PartitionKey": row.user_id,
    }
    for row in events.itertuples()
]
# one call takes up to 500 records
response = kinesis.put_records(StreamName=STREAM, Records=records)
failed = response["FailedRecordCount"]
print(f"sent {len(records)} records, FailedRecordCount = {failed}")


def shard_for(partition_key: str) -> str:
    """The shard whose hash-key range holds MD5(key) as a 128-bit integer."""
    digest = hashlib.md5(partition_key.encode("utf-8")).hexdigest()
    hash_key = int(digest, 16)
    for shard in shards:
        rng = shard["HashKeyRange"]
        low, high = int(rng["StartingHashKey"]), int(rng["EndingHashKey"])
        if low <= hash_key <= high:
            return shard["ShardId"]
    raise ValueError("hash key outside every shard")


landed = {}
for record, result in zip(records, response["Records"], strict=True):
    landed.setdefault(record["PartitionKey"], set()).add(result["ShardId"])
for key in sorted(landed):
    (shard_id,) = landed[key]  # one key, one shard
    check = "matches" if shard_for(key) == shard_id else "DIFFERS from"
    print(f"partition key {key} -> {shard_id} ({check} the MD5 prediction)")
    assert shard_for(key) == shard_id, f"{key}: the MD5 prediction differs"
# --8<-- [end:put]

# --8<-- [start:read]
from collections import Counter

per_shard = {}  # shard id -> Counter of user ids
for shard in shards:
    iterator = kinesis.get_shard_iterator(
        StreamName=STREAM,
        ShardId=shard["ShardId"],
        ShardIteratorType="TRIM_HORIZON",  # oldest record still retained
    )["ShardIterator"]
    received = []
    while iterator:
        out = kinesis.get_records(ShardIterator=iterator, Limit=1000)
        received += out["Records"]
        if out["MillisBehindLatest"] == 0:  # caught up with the shard's tip
            break
        iterator = out["NextShardIterator"]
    users = Counter(json.loads(r["Data"])["user_id"] for r in received)
    per_shard[shard["ShardId"]] = users
    print(
        f"{shard['ShardId']}: {len(received):2d} records "
        f"from {dict(sorted(users.items()))}"
    )

user_shards = Counter(u for users in per_shard.values() for u in users)
assert set(user_shards.values()) == {1}, "each user's events: one shard"
loads = sorted((sum(u.values()) for u in per_shard.values()), reverse=True)
assert loads[0] + loads[1] > sum(loads) / 2, "two shards hold most records"
# --8<-- [end:read]

# --8<-- [start:cleanup]
# Clean-up: delete the stream (a provisioned stream bills every hour it exists)
kinesis.delete_stream(StreamName=STREAM, EnforceConsumerDeletion=True)
kinesis.get_waiter("stream_not_exists").wait(StreamName=STREAM)
print(f"deleted {STREAM}")
# --8<-- [end:cleanup]
