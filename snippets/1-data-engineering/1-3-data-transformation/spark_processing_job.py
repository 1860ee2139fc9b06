"""The same PySpark script as a SageMaker AI Processing job on a two-instance Spark cluster.

Sends a CreateProcessingJob request that runs glue_etl_job.py's job script with the SageMaker
Spark processing container (`smspark-submit`), then reads the job back. botocore validates the
request against the SageMaker AI API; the emulator records it and runs no container.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (set SPARK_IMAGE and the role to ones that exist there; the job is billed per instance).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a bucket for code and data, and the role SageMaker AI assumes
import json

import boto3
from mlsguide import aws

s3 = boto3.client("s3")
iam = boto3.client("iam")
region = s3.meta.region_name
account = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = f"mlsguide-processing-{account}-{region}"
if region == "us-east-1":
    s3.create_bucket(Bucket=BUCKET)
else:
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": region})
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
         "Principal": {"Service": "sagemaker.amazonaws.com"}}]}
ROLE = iam.create_role(RoleName="mlsguide-processing",
                       AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
print("bucket and role ready")
# --8<-- [end:setup]

# --8<-- [start:request]
sm = boto3.client("sagemaker")
# The SageMaker Spark processing image in us-east-1 (other Regions use other registry accounts).
SPARK_IMAGE = "173754725891.dkr.ecr.us-east-1.amazonaws.com/sagemaker-spark-processing:3.5-cpu-py312-v1.0"
CODE = "/opt/ml/processing/input/code"
request = dict(
    ProcessingJobName="mlsguide-orders-spark",
    RoleArn=ROLE,
    AppSpecification={
        "ImageUri": SPARK_IMAGE,
        "ContainerEntrypoint": ["smspark-submit", f"{CODE}/glue_etl_job.py"],
        "ContainerArguments": ["--source", f"s3://{BUCKET}/raw/",
                               "--target", f"s3://{BUCKET}/curated/orders/"],
    },
    ProcessingInputs=[{"InputName": "code", "S3Input": {
        "S3Uri": f"s3://{BUCKET}/scripts/glue_etl_job.py", "LocalPath": CODE,
        "S3DataType": "S3Prefix", "S3InputMode": "File"}}],
    ProcessingResources={"ClusterConfig": {  # the container forms one Spark cluster of both
        "InstanceCount": 2, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30}},
    StoppingCondition={"MaxRuntimeInSeconds": 3_600},
    Environment={"PYSPARK_PYTHON": "python3"},
)
sm.create_processing_job(**request)  # botocore validates every field against the API first
job = sm.describe_processing_job(ProcessingJobName="mlsguide-orders-spark")
cluster = request["ProcessingResources"]["ClusterConfig"]
print(f"{job['ProcessingJobName']}: {job['ProcessingJobStatus']}, "
      f"{cluster['InstanceCount']} x {cluster['InstanceType']}")
print("entry point:", " ".join(job["AppSpecification"]["ContainerEntrypoint"]))
assert job["ProcessingJobStatus"] in ({"InProgress"} if aws.live() else {"Completed"})
# --8<-- [end:request]

# --8<-- [start:bad_request]
from botocore.exceptions import ParamValidationError

try:  # a typo in a field name never leaves the machine: botocore checks the request first
    sm.create_processing_job(ProcessingJobName="mlsguide-typo", RoleArn=ROLE,
                             AppSpecification={"ImageUri": SPARK_IMAGE},
                             ProcessingResources={"ClusterConfig": {
                                 "InstanceCount": 2, "InstanceType": "ml.m5.xlarge",
                                 "VolumeSizeInGb": 30}})
except ParamValidationError as error:
    message = str(error)
    for line in message.splitlines():
        print(line.strip())
    assert "VolumeSizeInGb" in message and "VolumeSizeInGB" in message
# --8<-- [end:bad_request]

# --8<-- [start:cleanup]
# Clean-up: delete the role and the bucket (a processing job stays in the job history)
iam.delete_role(RoleName="mlsguide-processing")
s3.delete_bucket(Bucket=BUCKET)
print("role and bucket deleted")
# --8<-- [end:cleanup]
