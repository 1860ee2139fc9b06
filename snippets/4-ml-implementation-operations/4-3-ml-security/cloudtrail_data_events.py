"""Who read the training data? CloudTrail data events for one S3 prefix.

CloudTrail records management events (CreateTrainingJob, PutBucketPolicy, CreateKey) by default;
reads and writes of S3 objects are data events, recorded only when a trail asks for them. This
file creates a trail and gives it an advanced event selector that logs every object-level call
under the training data's prefix, and nothing else, so the trail stays small and cheap.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_BUCKET set to a new bucket name of your own for the log files (a real trail
also needs a bucket policy that lets CloudTrail write; the emulator does not check it; data events
are billed per event).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: the bucket the trail writes its log files to
import os

import boto3

s3, cloudtrail = boto3.client("s3"), boto3.client("cloudtrail")
LOGS = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-audit-logs")
s3.create_bucket(Bucket=LOGS)
# --8<-- [end:setup]

# --8<-- [start:data_events]
cloudtrail.create_trail(Name="mlsguide-training-data-access", S3BucketName=LOGS,
                        IsMultiRegionTrail=True, EnableLogFileValidation=True)
cloudtrail.put_event_selectors(
    TrailName="mlsguide-training-data-access",
    AdvancedEventSelectors=[{
        "Name": "Object reads and writes under train/ only",
        "FieldSelectors": [
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::mlsguide-churn-data/train/"]},
        ],
    }],
)
selectors = cloudtrail.get_event_selectors(TrailName="mlsguide-training-data-access")
for field in selectors["AdvancedEventSelectors"][0]["FieldSelectors"]:
    test = "Equals" if "Equals" in field else "StartsWith"
    print(f"{field['Field']:<15} {test:<10} {field[test]}")
assert len(selectors["AdvancedEventSelectors"][0]["FieldSelectors"]) == 3
# --8<-- [end:data_events]

# --8<-- [start:cleanup]
# Clean-up: delete the trail, then empty and delete the log bucket
cloudtrail.delete_trail(Name="mlsguide-training-data-access")
for item in s3.list_objects_v2(Bucket=LOGS).get("Contents", []):
    s3.delete_object(Bucket=LOGS, Key=item["Key"])
s3.delete_bucket(Bucket=LOGS)
print("trails left:", len(cloudtrail.describe_trails()["trailList"]))
# --8<-- [end:cleanup]
