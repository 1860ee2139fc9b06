"""SageMaker AI training jobs: three estimators of the SageMaker Python SDK, and plain boto3.

Builds CreateTrainingJob requests with the SDK's estimators for a framework (scikit-learn script
mode), a built-in algorithm (Linear Learner, fed RecordIO-protobuf written with the SDK's own
converter, in Pipe mode) and your own container image, with managed Spot training and
checkpoints; then sends the same kind of request with boto3 and shows what botocore and a small
check catch before anything is sent. Each request is captured as the SDK hands it to boto3.

Runs against the moto emulator by default: nothing trains and nothing is billed. Set
MLSGUIDE_LIVE_AWS=1 to run it against your own account, with MLSGUIDE_SAGEMAKER_ROLE_ARN set to
an execution role SageMaker AI can assume and MLSGUIDE_BUCKET to a new bucket of your own; real
jobs start instances and bill for them, and the last section stops them.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, a bucket, an SDK session, and a hook that records each CreateTrainingJob request
import logging
import os

os.environ["SAGEMAKER_SUPPRESS_V2_WARNING"] = "1"   # v2 warns that it is on the path of deprecation

import boto3

logging.getLogger("sagemaker").setLevel(logging.WARNING)   # the SDK logs every step at INFO
logging.getLogger("sagemaker.config").setLevel(logging.WARNING)
import sagemaker
from sagemaker.inputs import TrainingInput

BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-training-demo")
ROLE_ARN = os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                          "arn:aws:iam::123456789012:role/mlsguide-sagemaker")
s3 = boto3.client("s3")
sm = boto3.client("sagemaker")
s3.create_bucket(Bucket=BUCKET)
session = sagemaker.Session(boto_session=boto3.Session(), sagemaker_client=sm,
                            default_bucket=BUCKET)
sent = []   # the parameters of each CreateTrainingJob call, as the SDK hands them to boto3
sm.meta.events.register("provide-client-params.sagemaker.CreateTrainingJob",
                        lambda params, **_: sent.append(params))
CODE = str(__import__("mlsguide").__path__[0]).replace("mlsguide", "3-modeling/3-3-train-models")
print("SageMaker Python SDK", sagemaker.__version__, "| bucket", BUCKET)
# --8<-- [end:setup]

# --8<-- [start:framework]
from sagemaker.sklearn import SKLearn

sklearn_job = SKLearn(
    entry_point="train.py", source_dir=CODE,       # script mode: your script, AWS's container
    framework_version="1.2-1", py_version="py3",
    role=ROLE_ARN, instance_type="ml.m5.xlarge", instance_count=1,
    hyperparameters={"C": 0.5, "max_iter": 300},
    use_spot_instances=True, max_run=3_600, max_wait=7_200,     # managed Spot: wait >= run
    checkpoint_s3_uri=f"s3://{BUCKET}/checkpoints/churn-sklearn/",
    sagemaker_session=session,
)
sklearn_job.fit({"train": TrainingInput(f"s3://{BUCKET}/churn/train/", input_mode="FastFile"),
                 "validation": TrainingInput(f"s3://{BUCKET}/churn/validation/")},
                wait=False, job_name="mlsguide-churn-sklearn")
request = sent[-1]
print("image:", request["AlgorithmSpecification"]["TrainingImage"])
print("hyperparameters:", {k: v for k, v in request["HyperParameters"].items()
                           if k in ("C", "max_iter", "sagemaker_program")}, "and 4 more")
print("spot:", request["EnableManagedSpotTraining"], request["StoppingCondition"])
print("checkpoints:", request["CheckpointConfig"])
print("channels:", {c["ChannelName"]: c.get("InputMode", "job default: "
                    + request["AlgorithmSpecification"]["TrainingInputMode"])
                    for c in request["InputDataConfig"]})
assert request["HyperParameters"]["sagemaker_program"] == '"train.py"'
assert request["StoppingCondition"]["MaxWaitTimeInSeconds"] >= \
    request["StoppingCondition"]["MaxRuntimeInSeconds"]
# --8<-- [end:framework]

# --8<-- [start:recordio]
import io

import numpy as np
from mlsguide import SEED
from sagemaker.amazon.common import read_records, write_numpy_to_dense_tensor

rng = np.random.default_rng(SEED)
features = rng.normal(size=(1_000, 20)).astype("float32")
labels = (features[:, 0] + features[:, 1] > 0).astype("float32")
buffer = io.BytesIO()
write_numpy_to_dense_tensor(buffer, features, labels)   # the SDK's RecordIO-protobuf writer
recordio = buffer.getvalue()
csv = "\n".join(",".join(f"{v:.6g}" for v in [label, *row])
                for label, row in zip(labels, features, strict=True))
print(f"RecordIO-protobuf: {len(recordio):,} bytes; the same rows as CSV: {len(csv):,} bytes")
print("first record starts with the RecordIO magic number:", recordio[:4][::-1].hex())
first = read_records(io.BytesIO(recordio))[0]
print("record 0: label", first.label["values"].float32_tensor.values[0],
      "| first 3 features", [round(v, 3) for v in first.features["values"].float32_tensor.values[:3]])
assert len(read_records(io.BytesIO(recordio))) == 1_000
assert recordio[:4][::-1].hex() == "ced7230a"
s3.put_object(Bucket=BUCKET, Key="linear/train/part-0.pbr", Body=recordio)
# --8<-- [end:recordio]

# --8<-- [start:builtin]
from sagemaker import image_uris
from sagemaker.estimator import Estimator

linear_image = image_uris.retrieve("linear-learner", region=session.boto_region_name)
linear_job = Estimator(
    image_uri=linear_image, role=ROLE_ARN, instance_type="ml.c5.xlarge", instance_count=1,
    input_mode="Pipe",                               # stream the channel, no copy on disk
    hyperparameters={"predictor_type": "binary_classifier", "feature_dim": 20},
    sagemaker_session=session,
)
linear_job.fit({"train": TrainingInput(f"s3://{BUCKET}/linear/train/",
                                       content_type="application/x-recordio-protobuf")},
               wait=False, job_name="mlsguide-linear-pipe")
request = sent[-1]
print("image:", request["AlgorithmSpecification"]["TrainingImage"])
print("input mode:", request["AlgorithmSpecification"]["TrainingInputMode"],
      "| content type:", request["InputDataConfig"][0]["ContentType"])
print("hyperparameters:", request["HyperParameters"])
assert request["AlgorithmSpecification"]["TrainingInputMode"] == "Pipe"
# --8<-- [end:builtin]

# --8<-- [start:own_container]
own_job = Estimator(
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/mlsguide-tf-train:2.16",
    role=ROLE_ARN, instance_type="ml.g5.2xlarge", instance_count=2,   # two GPU instances
    volume_size=100, max_run=86_400,
    use_spot_instances=True, max_wait=2 * 86_400,
    checkpoint_s3_uri=f"s3://{BUCKET}/checkpoints/tf/", checkpoint_local_path="/opt/ml/checkpoints",
    hyperparameters={"epochs": 30, "batch_size": 256},
    sagemaker_session=session,
)
own_job.fit({"train": TrainingInput(f"s3://{BUCKET}/images/train/",
                                    distribution="ShardedByS3Key", input_mode="FastFile")},
            wait=False, job_name="mlsguide-tf-own-image")
request = sent[-1]
print("resources:", request["ResourceConfig"])
print("train channel:", {k: request["InputDataConfig"][0]["DataSource"]["S3DataSource"][k]
                         for k in ("S3DataType", "S3DataDistributionType")},
      request["InputDataConfig"][0]["InputMode"])
print("hyperparameters:", request["HyperParameters"])
assert "sagemaker_program" not in request["HyperParameters"], "your image: no script-mode keys"
# --8<-- [end:own_container]

# --8<-- [start:boto3]
job = {
    "TrainingJobName": "mlsguide-xgb-spot",
    "AlgorithmSpecification": {
        "TrainingImage": image_uris.retrieve("xgboost", region=session.boto_region_name,
                                             version="1.7-1"),
        "TrainingInputMode": "File",
    },
    "RoleArn": ROLE_ARN,
    "InputDataConfig": [
        {"ChannelName": "train", "ContentType": "text/csv", "InputMode": "FastFile",
         "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                                         "S3Uri": f"s3://{BUCKET}/churn/train/"}}},
        {"ChannelName": "validation", "ContentType": "text/csv",   # job default: File
         "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                                         "S3Uri": f"s3://{BUCKET}/churn/validation/"}}},
    ],
    "OutputDataConfig": {"S3OutputPath": f"s3://{BUCKET}/models/"},
    "ResourceConfig": {"InstanceType": "ml.m5.2xlarge", "InstanceCount": 1,
                       "VolumeSizeInGB": 30},
    "HyperParameters": {"objective": "binary:logistic", "num_round": "200"},   # strings
    "EnableManagedSpotTraining": True,
    "StoppingCondition": {"MaxRuntimeInSeconds": 3_600, "MaxWaitTimeInSeconds": 7_200},
    "CheckpointConfig": {"S3Uri": f"s3://{BUCKET}/checkpoints/xgb/",
                         "LocalPath": "/opt/ml/checkpoints"},
}


def spot_problems(request):
    """What the service would reject about Spot settings; botocore checks types, not this."""
    stop = request["StoppingCondition"]
    problems = []
    if request.get("EnableManagedSpotTraining") and "MaxWaitTimeInSeconds" not in stop:
        problems.append("managed Spot needs MaxWaitTimeInSeconds")
    elif stop.get("MaxWaitTimeInSeconds", stop["MaxRuntimeInSeconds"]) < stop["MaxRuntimeInSeconds"]:
        problems.append("MaxWaitTimeInSeconds must be at least MaxRuntimeInSeconds")
    return problems


assert not spot_problems(job)
sm.create_training_job(**job)
described = sm.describe_training_job(TrainingJobName=job["TrainingJobName"])
print(described["TrainingJobName"], "->", described["TrainingJobStatus"], "(the emulator)")
print("spot problems in a request that waits 30 minutes for a 1-hour job:",
      spot_problems(job | {"StoppingCondition": {"MaxRuntimeInSeconds": 3_600,
                                                 "MaxWaitTimeInSeconds": 1_800}}))
from botocore.exceptions import ParamValidationError

try:
    sm.create_training_job(**job | {"TrainingJobName": "mlsguide-bad",
                                    "StoppingCondition": {"MaxRuntimeInSeconds": "3600"}})
except ParamValidationError as error:
    print("botocore:", str(error).splitlines()[-1])
assert [j["TrainingJobName"] for j in sm.list_training_jobs()["TrainingJobSummaries"]
        if j["TrainingJobName"] == "mlsguide-bad"] == []
# --8<-- [end:boto3]

# --8<-- [start:cleanup]
# Clean-up: stop the jobs (a real job bills until it stops) and delete the bucket
for summary in sm.list_training_jobs()["TrainingJobSummaries"]:
    if summary["TrainingJobStatus"] == "InProgress":
        sm.stop_training_job(TrainingJobName=summary["TrainingJobName"])
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
    for item in page.get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print(f"CreateTrainingJob calls: {len(sent)}, one refused by botocore before sending | bucket deleted")
# --8<-- [end:cleanup]
