"""A CreateTrainingJob request for a built-in algorithm, checked against the algorithms reference.

Reads docs/data/algorithms.yml (the file the guide's reference page is built from) to pick the
algorithms that fit a problem, then sends a training request for Linear Learner with plain
boto3: the image from the documented registry path, CSV in File mode, and its required
hyperparameter. Before sending, it checks the request against the same file.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_SAGEMAKER_ROLE_ARN set to an execution role SageMaker AI can assume and
MLSGUIDE_BUCKET set to a new bucket name of your own. A real job bills for its instance until it
ends; the last section deletes the bucket.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:catalogue]
from pathlib import Path

import mlsguide
import yaml

ROOT = Path(mlsguide.__file__).resolve().parents[2]  # the repository: snippets/mlsguide/ is two below
catalogue = yaml.safe_load((ROOT / "docs/data/algorithms.yml").read_text(encoding="utf-8"))
by_id = {a["id"]: a for a in catalogue["algorithms"]}


def candidates(learning, data_format, mode):
    """The built-in algorithms whose confirmed cells fit the labels, the format and the input mode."""
    return [a["name"] for a in catalogue["algorithms"]
            if learning in a["learning"].split(" or ") and data_format in a["formats"]
            and mode in a["input_modes"]]


print(f"{len(catalogue['algorithms'])} built-in algorithms in the reference")
for question in (("supervised", "CSV", "Pipe"), ("unsupervised", "RecordIO-protobuf", "Pipe"),
                 ("supervised", "RecordIO-protobuf", "File")):
    print(f"{' + '.join(question)}: {', '.join(candidates(*question))}")
assert "Linear Learner" in candidates("supervised", "CSV", "Pipe")
assert "K-Means" not in candidates("supervised", "CSV", "Pipe"), "k-means needs no labels"
assert "Seq2Seq" not in " ".join(candidates("supervised", "CSV", "Pipe")), "Seq2Seq reads File only"
# --8<-- [end:catalogue]

# --8<-- [start:setup]
# Set-up: clients, a bucket and a small CSV training file (label first, no header)
import io
import os

import boto3
import numpy as np
from mlsguide import SEED

s3 = boto3.client("s3", region_name="us-east-1")
sm = boto3.client("sagemaker", region_name="us-east-1")
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-builtin-demo")
ROLE_ARN = os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                          "arn:aws:iam::123456789012:role/mlsguide-sagemaker")
rng = np.random.default_rng(SEED)
features = rng.normal(size=(200, 3))
label = (features @ [1.5, -2.0, 0.5] + rng.normal(0, 0.5, 200) > 0).astype(int)
buffer = io.StringIO()
np.savetxt(buffer, np.column_stack([label, features]), delimiter=",", fmt="%.4f")
s3.create_bucket(Bucket=BUCKET)
s3.put_object(Bucket=BUCKET, Key="churn/train/train.csv", Body=buffer.getvalue())
print("uploaded:", [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]])
# --8<-- [end:setup]

# --8<-- [start:request]
# Built-in images live in an AWS-owned ECR registry per Region:
# <account>.dkr.ecr.<region>.amazonaws.com/<name>:<tag>.
IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1"
request = {
    "TrainingJobName": "mlsguide-linear-learner",
    "AlgorithmSpecification": {"TrainingImage": IMAGE, "TrainingInputMode": "File"},
    "RoleArn": ROLE_ARN,
    "HyperParameters": {"predictor_type": "binary_classifier", "epochs": "10"},  # strings, always
    "InputDataConfig": [{
        "ChannelName": "train",
        "ContentType": "text/csv",
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://{BUCKET}/churn/train/",
                                        "S3DataDistributionType": "FullyReplicated"}},
    }],
    "OutputDataConfig": {"S3OutputPath": f"s3://{BUCKET}/churn/output/"},
    "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3_600},
}


def against_reference(algorithm_id, request):
    """What the reference says is wrong with a request for a built-in algorithm."""
    algorithm = by_id[algorithm_id]
    mode = request["AlgorithmSpecification"]["TrainingInputMode"]
    found = ([] if mode in algorithm["input_modes"]
             else [f"{mode} mode is not among {algorithm['input_modes']}"])
    found += [f"required hyperparameter {name!r} is missing"
              for name, need in algorithm["hyperparameters"].items()
              if need == "required" and name not in request["HyperParameters"]]
    return found


assert against_reference("linear-learner", request) == [], "the request fits the reference"
sm.create_training_job(**request)  # botocore checks every field against the API's model first
job = sm.describe_training_job(TrainingJobName="mlsguide-linear-learner")
print(f"{job['TrainingJobName']}: {job['TrainingJobStatus']}")
print(f"  image {job['AlgorithmSpecification']['TrainingImage']}")
print(f"  hyperparameters {job['HyperParameters']}")
without = {**request, "HyperParameters": {"epochs": "10"}}
print("without predictor_type:", against_reference("linear-learner", without))
missing = ["required hyperparameter 'predictor_type' is missing"]
assert against_reference("linear-learner", without) == missing
# --8<-- [end:request]

# --8<-- [start:cleanup]
# Clean-up: delete the bucket and its objects (training jobs cannot be deleted, only stopped)
for obj in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("bucket deleted:", BUCKET not in [b["Name"] for b in s3.list_buckets()["Buckets"]])
# --8<-- [end:cleanup]
