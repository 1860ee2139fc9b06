"""A scheduled-batch style load: click events to Parquet in a Hive-style partitioned S3 layout.

Writes two days of synthetic click events as Parquet files partitioned by year, month and day
(`events/year=2026/month=03/day=01/part-0.parquet`) into a temporary folder with pyarrow,
uploads them with boto3, lists the keys, reads one day back, and deletes the bucket.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: the data-lake bucket the files are uploaded to
import boto3

s3 = boto3.client("s3")
region = s3.meta.region_name
account = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = f"mlsguide-datalake-{account}-{region}"  # bucket names are global

if region == "us-east-1":
    s3.create_bucket(Bucket=BUCKET)
else:
    s3.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": region}
    )

print("created the data-lake bucket")
# --8<-- [end:setup]

# --8<-- [start:write]
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from mlsguide import data

events = data.clickstream(n_events=1_000, n_users=50)
# strings keep the zero padding: month=03, not month=3
events["year"] = events["ts"].dt.strftime("%Y")
events["month"] = events["ts"].dt.strftime("%m")
events["day"] = events["ts"].dt.strftime("%d")

local_root = Path(tempfile.mkdtemp()) / "events"
partition_columns = pa.schema(
    [("year", pa.string()), ("month", pa.string()), ("day", pa.string())]
)
ds.write_dataset(
    pa.Table.from_pandas(events, preserve_index=False),
    local_root,
    format="parquet",
    # hive flavor: one directory level per column, named key=value
    partitioning=ds.partitioning(partition_columns, flavor="hive"),
    basename_template="part-{i}.parquet",
)
files = sorted(local_root.rglob("*.parquet"))
for path in files:
    rows = pq.read_metadata(path).num_rows
    print(f"{path.relative_to(local_root.parent)}  ({rows} rows)")
assert len(files) == 3, "two days of events span three calendar dates"
# --8<-- [end:write]

# --8<-- [start:upload]
for path in files:
    # the key keeps the layout: events/year=.../month=.../day=.../part-0.parquet
    key = path.relative_to(local_root.parent).as_posix()
    s3.upload_file(str(path), BUCKET, key)

import re

for obj in s3.list_objects_v2(Bucket=BUCKET, Prefix="events/")["Contents"]:
    print(f"s3://<bucket>/{obj['Key']}")
    layout = r"events/year=\d{4}/month=\d\d/day=\d\d/"
    assert re.match(layout, obj["Key"]), "the key keeps the key=value layout"
# --8<-- [end:upload]

# --8<-- [start:read]
import io

# a job that needs one day lists and reads only that day's prefix
day2 = "events/year=2026/month=03/day=02/"
for obj in s3.list_objects_v2(Bucket=BUCKET, Prefix=day2)["Contents"]:
    body = s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read()
    table = pq.read_table(io.BytesIO(body))
    print(f"{obj['Key']}: {table.num_rows} rows")
    print(f"  columns {table.column_names}")
    print(f"  {table.to_pandas()['event_type'].value_counts().to_dict()}")

assert table.num_rows == 494, "only the rows of 2 March were read"
assert "day" not in table.column_names, "partition columns live in the path"
# --8<-- [end:read]

# --8<-- [start:cleanup]
# Clean-up: delete the bucket and the local staging folder
import shutil

shutil.rmtree(local_root.parent)  # the local staging folder
for obj in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("deleted the bucket and the local staging folder")
# --8<-- [end:cleanup]
