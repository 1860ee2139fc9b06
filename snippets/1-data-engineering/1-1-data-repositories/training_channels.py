"""Point a SageMaker AI training job at its data: channels, distribution, manifests and input modes.

Uploads a few training files, writes a manifest file that lists exactly which objects to train
on, and submits CreateTrainingJob requests with an S3 channel in Fast File mode sharded across
instances, a fully replicated validation channel, a manifest channel, and a channel that reads
from FSx for Lustre. botocore validates every request against the SageMaker API model; one
request with a mistake shows the error it raises. Deletes the bucket and role at the end.

Runs against the moto emulator by default, where training jobs do not really run; set
MLSGUIDE_LIVE_AWS=1 to send the requests to your own account (they then start billable jobs).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a bucket with training and validation files, and the role SageMaker AI assumes
import json

import boto3

s3 = boto3.client("s3")
iam = boto3.client("iam")
region = s3.meta.region_name
account = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = f"mlsguide-training-{account}-{region}"
if region == "us-east-1":
    s3.create_bucket(Bucket=BUCKET)
else:
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": region})
for i in range(4):
    s3.put_object(Bucket=BUCKET, Key=f"train/part-{i}.parquet", Body=b"PAR1...")
s3.put_object(Bucket=BUCKET, Key="validation/part-0.parquet", Body=b"PAR1...")
trust = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "sagemaker.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
ROLE = iam.create_role(RoleName="mlsguide-training", AssumeRolePolicyDocument=json.dumps(trust))[
    "Role"
]["Arn"]
# the built-in XGBoost image for us-east-1; other Regions use other registry accounts
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
print("uploaded 4 training files and 1 validation file; created the role")
# --8<-- [end:setup]

# --8<-- [start:channels]
sagemaker = boto3.client("sagemaker")


def s3_channel(name, prefix, distribution, mode):
    return {
        "ChannelName": name,
        "DataSource": {
            "S3DataSource": {
                "S3DataType": "S3Prefix",  # every object under the prefix
                "S3Uri": f"s3://{BUCKET}/{prefix}/",
                "S3DataDistributionType": distribution,
            }
        },
        "ContentType": "application/x-parquet",
        "InputMode": mode,  # overrides the job-wide TrainingInputMode for this channel
    }


job = {
    "TrainingJobName": "mlsguide-fraud-xgboost",
    "AlgorithmSpecification": {"TrainingImage": IMAGE, "TrainingInputMode": "File"},
    "RoleArn": ROLE,
    "HyperParameters": {"objective": "binary:logistic", "num_round": "200"},
    "InputDataConfig": [
        # each of the 2 instances gets about half of the training objects
        s3_channel("train", "train", "ShardedByS3Key", "FastFile"),
        # every instance gets the whole validation set
        s3_channel("validation", "validation", "FullyReplicated", "File"),
    ],
    "OutputDataConfig": {"S3OutputPath": f"s3://{BUCKET}/models/"},
    "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 2, "VolumeSizeInGB": 30},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
}
sagemaker.create_training_job(**job)
described = sagemaker.describe_training_job(TrainingJobName="mlsguide-fraud-xgboost")
for channel in described["InputDataConfig"]:
    source = channel["DataSource"]["S3DataSource"]
    print(
        f"{channel['ChannelName']:<11} {channel['InputMode']:<9}"
        f"{source['S3DataDistributionType']:<16} {source['S3Uri'].split('/', 3)[3]}"
    )
print("job status in the emulator:", described["TrainingJobStatus"])
modes = {c["ChannelName"]: c["InputMode"] for c in described["InputDataConfig"]}
assert modes == {"train": "FastFile", "validation": "File"}
# --8<-- [end:channels]

# --8<-- [start:manifest]
# a manifest names the objects to use: a common prefix, then keys relative to it
manifest = [{"prefix": f"s3://{BUCKET}/train/"}, "part-0.parquet", "part-2.parquet"]
s3.put_object(Bucket=BUCKET, Key="manifests/train.manifest", Body=json.dumps(manifest))

manifest_channel = s3_channel("train", "manifests/train.manifest", "FullyReplicated", "File")
manifest_source = manifest_channel["DataSource"]["S3DataSource"]
manifest_source["S3DataType"] = "ManifestFile"
manifest_source["S3Uri"] = f"s3://{BUCKET}/manifests/train.manifest"
sagemaker.create_training_job(
    **{
        **job,
        "TrainingJobName": "mlsguide-fraud-manifest",
        "InputDataConfig": [manifest_channel],
        "ResourceConfig": {**job["ResourceConfig"], "InstanceCount": 1},
    }
)
body = s3.get_object(Bucket=BUCKET, Key="manifests/train.manifest")["Body"].read()
listed = json.loads(body)
print("manifest:", json.dumps(listed).replace(BUCKET, "<bucket>"))
print(f"the job trains on {len(listed) - 1} of the 4 objects under train/")
assert len(listed) - 1 == 2
# --8<-- [end:manifest]

# --8<-- [start:fsx]
fsx_channel = {
    "ChannelName": "train",
    "DataSource": {
        "FileSystemDataSource": {
            "FileSystemId": "fs-0123456789abcdef0",
            "FileSystemType": "FSxLustre",
            "FileSystemAccessMode": "ro",
            # /<MountName>/<folder>: the MountName that DescribeFileSystems reports comes
            # first, then the folder; the file system can be linked to the S3 bucket
            "DirectoryPath": "/x7yu2bmv/train",
        }
    },
    "InputMode": "File",  # file systems are mounted, so File mode copies nothing
}
sagemaker.create_training_job(
    **{
        **job,
        "TrainingJobName": "mlsguide-fraud-fsx",
        "InputDataConfig": [fsx_channel],
        # a file system source needs the job inside the VPC, in the file system's zone
        "VpcConfig": {
            "SecurityGroupIds": ["sg-0123456789abcdef0"],
            "Subnets": ["subnet-0123456789abcdef0"],
        },
    }
)
fsx_job = sagemaker.describe_training_job(TrainingJobName="mlsguide-fraud-fsx")
source = fsx_job["InputDataConfig"][0]["DataSource"]["FileSystemDataSource"]
print("FSx channel:", source["FileSystemType"], source["DirectoryPath"], source["FileSystemAccessMode"])
print("in subnets: ", fsx_job["VpcConfig"]["Subnets"])
assert "VpcConfig" in fsx_job
# --8<-- [end:fsx]

# --8<-- [start:invalid]
from botocore.exceptions import ParamValidationError

wrong = s3_channel("train", "train", "ShardedByS3Key", "FastFile")
source = wrong["DataSource"]["S3DataSource"]
source["S3Url"] = source.pop("S3Uri")  # a typo in a field name
try:
    sagemaker.create_training_job(
        **{**job, "TrainingJobName": "mlsguide-wrong-mode", "InputDataConfig": [wrong]}
    )
except ParamValidationError as error:
    for line in str(error).splitlines()[1:]:
        print(line)
    rejected = True
else:
    rejected = False
assert rejected, "botocore rejects the request before it leaves the machine"
# --8<-- [end:invalid]

# --8<-- [start:cleanup]
# Clean-up: delete the objects, the bucket and the role (emulated jobs need no clean-up)
for obj in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
s3.delete_bucket(Bucket=BUCKET)
iam.delete_role(RoleName="mlsguide-training")
print("deleted the bucket and the role")
# --8<-- [end:cleanup]
