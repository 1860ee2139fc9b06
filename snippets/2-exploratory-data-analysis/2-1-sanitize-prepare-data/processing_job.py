"""A SageMaker Processing job that cleans data and splits it before training.

Writes the preprocessing script a Processing job would run (impute, deduplicate, split, then fit
the imputer and scaler on the training split only and save them for serving), runs that same
script locally on a temporary folder laid out like the job's container, then submits the job with
plain boto3: inputs copied from Amazon S3 to /opt/ml/processing/input, outputs uploaded from
/opt/ml/processing/output/* when the script ends.

Runs against the moto emulator by default, which records the job but runs no container; with
MLSGUIDE_LIVE_AWS=1 and MLSGUIDE_SAGEMAKER_ROLE_ARN set it submits a real job (billed per
instance-second; replace the bucket with one of your own).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:script]
import tempfile
from pathlib import Path

SCRIPT = '''
import argparse, pickle
from pathlib import Path

import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

parser = argparse.ArgumentParser()
parser.add_argument("--base", default="/opt/ml/processing")
parser.add_argument("--test-size", type=float, default=0.2)
args = parser.parse_args()
base = Path(args.base)

frame = pd.concat(pd.read_csv(f) for f in sorted((base / "input").glob("*.csv")))
frame = frame.drop_duplicates()                       # before the split, never after
train, test = train_test_split(frame, test_size=args.test_size, random_state=0,
                               stratify=frame["label"])
features = [c for c in frame.columns if c != "label"]
prep = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
prep.fit(train[features])                             # statistics of training rows only
for name, part in (("train", train), ("test", test)):
    out = base / "output" / name
    out.mkdir(parents=True, exist_ok=True)
    cleaned = pd.DataFrame(prep.transform(part[features]), columns=features)
    cleaned.insert(0, "label", part["label"].to_numpy())  # built-in algorithms: label first
    cleaned.to_csv(out / f"{name}.csv", header=False, index=False)  # and no header row
(base / "output" / "model").mkdir(parents=True, exist_ok=True)
pickle.dump(prep, open(base / "output" / "model" / "preprocessor.pkl", "wb"))
print(f"unique rows: {len(frame)}; train {len(train)}, test {len(test)}")
'''

workdir = Path(tempfile.mkdtemp())
(workdir / "preprocess.py").write_text(SCRIPT)
print("script written:", (workdir / "preprocess.py").name, f"({len(SCRIPT.splitlines())} lines)")
# --8<-- [end:script]

# --8<-- [start:local_run]
import subprocess
import sys

import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
raw = pd.DataFrame({"age": rng.uniform(20, 70, 500).round(),
                    "income": rng.normal(60, 15, 500).round(1),
                    "label": rng.integers(0, 2, 500)})
raw.loc[rng.random(500) < 0.1, "income"] = np.nan
(workdir / "input").mkdir()
pd.concat([raw, raw.iloc[:40]]).to_csv(workdir / "input" / "part-0.csv", index=False)

run = subprocess.run([sys.executable, str(workdir / "preprocess.py"), "--base", str(workdir)],
                     capture_output=True, text=True, check=True)
print(run.stdout.strip())
train_csv = pd.read_csv(workdir / "output" / "train" / "train.csv", header=None)
print("first training row (label first, scaled features):", train_csv.iloc[0].round(3).tolist())
test_csv = pd.read_csv(workdir / "output" / "test" / "test.csv", header=None)
assert len(train_csv) + len(test_csv) == len(raw.drop_duplicates()), "the 40 copies are gone"
assert train_csv[[1, 2]].isna().sum().sum() == 0, "no gaps left"
assert abs(train_csv[2].mean()) < 1e-9, "scaled with the training rows' own statistics"
# --8<-- [end:local_run]

# --8<-- [start:submit]
import os

import boto3
from mlsguide import aws

s3 = boto3.client("s3")
sm = boto3.client("sagemaker")
BUCKET = "mlsguide-processing-demo"
ROLE_ARN = os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                          "arn:aws:iam::123456789012:role/mlsguide-sagemaker")
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"

s3.create_bucket(Bucket=BUCKET)
s3.upload_file(str(workdir / "preprocess.py"), BUCKET, "code/preprocess.py")
s3.upload_file(str(workdir / "input" / "part-0.csv"), BUCKET, "raw/part-0.csv")

output = [{"OutputName": name, "S3Output": {
    "S3Uri": f"s3://{BUCKET}/prepared/{name}/",
    "LocalPath": f"/opt/ml/processing/output/{name}", "S3UploadMode": "EndOfJob"}}
    for name in ("train", "test", "model")]
sm.create_processing_job(
    ProcessingJobName="mlsguide-preprocess",
    RoleArn=ROLE_ARN,
    AppSpecification={"ImageUri": IMAGE,
                      "ContainerEntrypoint": ["python3", "/opt/ml/processing/code/preprocess.py"],
                      "ContainerArguments": ["--test-size", "0.2"]},
    ProcessingInputs=[
        {"InputName": "code", "S3Input": {
            "S3Uri": f"s3://{BUCKET}/code/", "LocalPath": "/opt/ml/processing/code",
            "S3DataType": "S3Prefix", "S3InputMode": "File"}},
        {"InputName": "raw", "S3Input": {
            "S3Uri": f"s3://{BUCKET}/raw/", "LocalPath": "/opt/ml/processing/input",
            "S3DataType": "S3Prefix", "S3InputMode": "File",
            "S3DataDistributionType": "FullyReplicated"}},  # ShardedByS3Key splits files
    ],
    ProcessingOutputConfig={"Outputs": output},
    ProcessingResources={"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge",
                                           "VolumeSizeInGB": 30}},
    StoppingCondition={"MaxRuntimeInSeconds": 3_600},
)
job = sm.describe_processing_job(ProcessingJobName="mlsguide-preprocess")
print(f"{job['ProcessingJobName']}: {job['ProcessingJobStatus']}")
for item in job["ProcessingOutputConfig"]["Outputs"]:
    print(f"  {item['S3Output']['LocalPath']:32s} -> {item['S3Output']['S3Uri']}")
assert len(job["ProcessingOutputConfig"]["Outputs"]) == 3
# A real job goes InProgress -> Completed in minutes; the emulator runs no container.
assert job["ProcessingJobStatus"] in ({"InProgress"} if aws.live() else {"Completed"})
# --8<-- [end:submit]

# --8<-- [start:cleanup]
# Clean-up: delete the bucket's objects and the bucket
for key in ("code/preprocess.py", "raw/part-0.csv"):
    s3.delete_object(Bucket=BUCKET, Key=key)
s3.delete_bucket(Bucket=BUCKET)
print("bucket removed; a processing job cannot be deleted, it stays in the job history")
# --8<-- [end:cleanup]
