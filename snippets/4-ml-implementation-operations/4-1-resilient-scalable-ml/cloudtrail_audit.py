"""Who changed the endpoint? A CloudTrail trail, and the lookup an investigation starts with.

CloudWatch says *that* an endpoint misbehaves; CloudTrail says *who called which API when*:
`UpdateEndpoint`, `DeleteEndpoint`, `UpdateEndpointWeightsAndCapacities`. This file creates a
multi-Region trail into an S3 bucket, starts it, and builds the `LookupEvents` request that finds
every `UpdateEndpoint` call of the last day. The emulator (moto) does not implement
`LookupEvents`, so in the build the request is validated by botocore against the CloudTrail API
model instead of being sent.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_BUCKET set to a new bucket name of your own (a real trail needs a bucket
policy that lets CloudTrail write; the emulator does not check it).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: the bucket the trail delivers its log files to
import os
from datetime import timedelta

import boto3
from botocore.validate import validate_parameters
from mlsguide.data import START

s3 = boto3.client("s3")
cloudtrail = boto3.client("cloudtrail")
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-trail-logs")
s3.create_bucket(Bucket=BUCKET)
# --8<-- [end:setup]

# --8<-- [start:trail]
cloudtrail.create_trail(
    Name="mlsguide-ml-audit", S3BucketName=BUCKET,
    IsMultiRegionTrail=True,          # calls in every Region, including a DR Region
    EnableLogFileValidation=True,     # digest files prove the logs were not altered
)
cloudtrail.start_logging(Name="mlsguide-ml-audit")
trail = cloudtrail.get_trail(Name="mlsguide-ml-audit")["Trail"]
status = cloudtrail.get_trail_status(Name="mlsguide-ml-audit")
print(f"{trail['Name']}: multi-Region {trail['IsMultiRegionTrail']}, "
      f"log file validation {trail['LogFileValidationEnabled']}, logging {status['IsLogging']}")
assert status["IsLogging"] and trail["IsMultiRegionTrail"]
# --8<-- [end:trail]

# --8<-- [start:lookup]
lookup = {
    "LookupAttributes": [{"AttributeKey": "EventName", "AttributeValue": "UpdateEndpoint"}],
    "StartTime": START - timedelta(days=1), "EndTime": START,
    "MaxResults": 50,
}
operation = cloudtrail.meta.service_model.operation_model("LookupEvents")
validate_parameters(lookup, operation.input_shape)   # raises ParamValidationError if malformed
print("LookupEvents request is valid for the CloudTrail API:",
      lookup["LookupAttributes"][0]["AttributeValue"], "events,",
      lookup["StartTime"].date(), "to", lookup["EndTime"].date())
keys = operation.input_shape.members["LookupAttributes"].member.members["AttributeKey"].enum
print("attributes an event lookup can filter on:")
print("  " + ", ".join(keys))
assert "Username" in keys and "EventName" in keys
# --8<-- [end:lookup]

# --8<-- [start:cleanup]
# Clean-up: stop and delete the trail, then empty and delete the bucket
cloudtrail.stop_logging(Name="mlsguide-ml-audit")
cloudtrail.delete_trail(Name="mlsguide-ml-audit")
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("trails left:", len(cloudtrail.describe_trails()["trailList"]))
# --8<-- [end:cleanup]
