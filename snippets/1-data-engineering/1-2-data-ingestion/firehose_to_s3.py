"""Deliver click events to Amazon S3 through an Amazon Data Firehose stream.

Creates a bucket, an IAM role that Firehose assumes to write there, and a Direct PUT Firehose
stream with an Amazon S3 destination (buffering hints and a key prefix). Sends a batch of events
with `put_record_batch`, lists the object that lands in the bucket, and deletes everything.

The moto emulator writes one object per `put_record_batch` call at once; the real service waits
until the buffer reaches its size hint or its interval hint, whichever comes first.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (expect the listing step to wait about a minute for the buffer interval).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: the destination bucket, and the role Firehose assumes to write into it
import json

import boto3

s3 = boto3.client("s3")
iam = boto3.client("iam")
region = s3.meta.region_name
account = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = f"mlsguide-firehose-{account}-{region}"  # bucket names are global
ROLE = "mlsguide-firehose-to-s3"

if region == "us-east-1":
    s3.create_bucket(Bucket=BUCKET)
else:
    s3.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": region}
    )

trust = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "firehose.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
write_to_bucket = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "s3:PutObject",
                "s3:GetBucketLocation",
                "s3:ListBucket",
                "s3:AbortMultipartUpload",
                "s3:ListBucketMultipartUploads",
            ],
            "Resource": [f"arn:aws:s3:::{BUCKET}", f"arn:aws:s3:::{BUCKET}/*"],
        }
    ],
}
role = iam.create_role(RoleName=ROLE,
                       AssumeRolePolicyDocument=json.dumps(trust))
role_arn = role["Role"]["Arn"]
iam.put_role_policy(
    RoleName=ROLE,
    PolicyName="write-to-bucket",
    PolicyDocument=json.dumps(write_to_bucket),
)
print(f"bucket and role {ROLE} ready")
# --8<-- [end:setup]

# --8<-- [start:create]
import time

from botocore.exceptions import ClientError

firehose = boto3.client("firehose")
STREAM = "mlsguide-clicks-to-s3"

for attempt in range(12):  # a new IAM role takes a few seconds to work
    try:
        firehose.create_delivery_stream(
            DeliveryStreamName=STREAM,
            DeliveryStreamType="DirectPut",  # producers call PutRecord(Batch)
            ExtendedS3DestinationConfiguration={
                "RoleARN": role_arn,
                "BucketARN": f"arn:aws:s3:::{BUCKET}",
                "Prefix": "raw/clicks/",  # + a UTC YYYY/MM/dd/HH/ path
                "ErrorOutputPrefix": "errors/",
                "BufferingHints": {"SizeInMBs": 5, "IntervalInSeconds": 60},
                "CompressionFormat": "UNCOMPRESSED",
            },
        )
        break
    except ClientError as err:
        code = err.response["Error"]["Code"]
        if code != "InvalidArgumentException" or attempt == 11:
            raise
        time.sleep(5)

while True:  # CREATING takes a minute or two on the real service
    described = firehose.describe_delivery_stream(DeliveryStreamName=STREAM)
    described = described["DeliveryStreamDescription"]
    if described["DeliveryStreamStatus"] == "ACTIVE":
        break
    time.sleep(10)

dest = described["Destinations"][0]["ExtendedS3DestinationDescription"]
hints = dest["BufferingHints"]
print(f"{STREAM}: {described['DeliveryStreamStatus']}, "
      f"prefix {dest['Prefix']!r}")
print(f"delivers at {hints['SizeInMBs']} MiB or {hints['IntervalInSeconds']} s,"
      " whichever comes first")
# --8<-- [end:create]

# --8<-- [start:put]
from mlsguide import data

events = data.clickstream(n_events=25, n_users=5)
batch = []
for r in events.itertuples():
    click = {"event_id": r.event_id, "user_id": r.user_id,
             "event_type": r.event_type, "price": r.price,
             "ts": r.ts.isoformat()}
    line = json.dumps(click) + "\n"  # newline-delimited JSON
    batch.append({"Data": line.encode()})

# one call takes up to 500 records
response = firehose.put_record_batch(DeliveryStreamName=STREAM, Records=batch)
print(f"sent {len(batch)} records in one PutRecordBatch call, "
      f"FailedPutCount = {response['FailedPutCount']}")
# --8<-- [end:put]

# --8<-- [start:list]
import re

# The real service delivers when the 60 s interval (or 5 MiB) is reached.
deadline = time.monotonic() + 300
while True:
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix="raw/")
    if listing.get("KeyCount") or time.monotonic() > deadline:
        break
    time.sleep(15)

for obj in listing.get("Contents", []):
    # hide the parts of the key that change on every run
    key = re.sub(r"\d{4}/\d{2}/\d{2}/\d{2}/", "YYYY/MM/dd/HH/", obj["Key"])
    key = re.sub(r"-\d{4}(-\d{2}){5}-[0-9a-f-]{36}$", "-<time>-<id>", key)
    body = s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read()
    lines = body.decode().splitlines()
    first = json.loads(lines[0])
    print(f"s3://<bucket>/{key}")
    print(f"  {len(lines)} records; first: {first['event_id']}, "
          f"{first['user_id']}, {first['event_type']}, {first['ts']}")

delivered = listing.get("Contents", [])
assert len(delivered) == 1 and len(lines) == 25, "25 records, one object"
assert re.match(r"raw/clicks/\d{4}/\d\d/\d\d/\d\d/", delivered[0]["Key"]), (
    "the key is the prefix, then a YYYY/MM/dd/HH/ path")
# --8<-- [end:list]

# --8<-- [start:cleanup]
# Clean-up: delete the Firehose stream, the bucket and the role
firehose.delete_delivery_stream(DeliveryStreamName=STREAM)
for obj in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
s3.delete_bucket(Bucket=BUCKET)
iam.delete_role_policy(RoleName=ROLE, PolicyName="write-to-bucket")
iam.delete_role(RoleName=ROLE)
print(f"deleted {STREAM}, the bucket and the role")
# --8<-- [end:cleanup]
