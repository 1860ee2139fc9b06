"""The framing decisions written down as SageMaker AI requests: an Autopilot (AutoML) job.

`CreateAutoMLJobV2` asks for exactly what framing decides: the target column, the problem type
and the objective metric for tabular data; the item, timestamp and target columns, the
frequency, the horizon and the quantiles for a forecast. This file uploads a small churn table
and a bakery sales table to S3, creates a binary-classification job and a time-series
forecasting job, checks a request whose metric does not fit its problem type, and stops the
jobs and deletes the bucket.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_SAGEMAKER_ROLE_ARN set to an execution role SageMaker AI can assume and
MLSGUIDE_BUCKET set to a new bucket name of your own. A real AutoML job trains many candidate
models and bills for them: the last section stops both jobs.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, a bucket and the two training files Autopilot will read
import io
import os

import boto3
import numpy as np
import pandas as pd
from mlsguide import SEED

s3 = boto3.client("s3")
sm = boto3.client("sagemaker")
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-framing-demo")
ROLE_ARN = os.environ.get(
    "MLSGUIDE_SAGEMAKER_ROLE_ARN", "arn:aws:iam::123456789012:role/mlsguide-sagemaker"
)
rng = np.random.default_rng(SEED)
churn = pd.DataFrame({
    "tenure_months": rng.integers(1, 60, 500),
    "support_calls": rng.poisson(1.0, 500),
    "plan": rng.choice(["basic", "plus", "pro"], 500),
    "churned": rng.integers(0, 2, 500),
})
dates = pd.date_range("2026-01-01", periods=120, freq="D")
bakery = pd.DataFrame({
    "store_product": np.repeat(["s1-sourdough", "s1-rye"], len(dates)),
    "date": np.tile(dates.strftime("%Y-%m-%d"), 2),
    "demand": rng.poisson(200, 2 * len(dates)),
})
s3.create_bucket(Bucket=BUCKET)
for key, table in (("churn/train/churn.csv", churn), ("bakery/train/bakery.csv", bakery)):
    buffer = io.StringIO()
    table.to_csv(buffer, index=False)  # Autopilot reads CSV with a header row
    s3.put_object(Bucket=BUCKET, Key=key, Body=buffer.getvalue())


def s3_input(prefix):
    return [{
        "ChannelType": "training",
        "ContentType": "text/csv;header=present",
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                                        "S3Uri": f"s3://{BUCKET}/{prefix}"}},
    }]


print("uploaded:", [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]])
# --8<-- [end:setup]

# --8<-- [start:tabular]
sm.create_auto_ml_job_v2(
    AutoMLJobName="mlsguide-churn-automl",
    AutoMLJobInputDataConfig=s3_input("churn/train/"),
    OutputDataConfig={"S3OutputPath": f"s3://{BUCKET}/churn/automl-output/"},
    AutoMLProblemTypeConfig={"TabularJobConfig": {
        "TargetAttributeName": "churned",         # the label: what "churn" means, written down
        "ProblemType": "BinaryClassification",    # two outcomes: stays or leaves
        "CompletionCriteria": {"MaxCandidates": 10},
    }},
    AutoMLJobObjective={"MetricName": "F1"},      # rare positives: not Accuracy
    RoleArn=ROLE_ARN,
)
job = sm.describe_auto_ml_job_v2(AutoMLJobName="mlsguide-churn-automl")
tabular = job["AutoMLProblemTypeConfig"]["TabularJobConfig"]
print(f"{job['AutoMLJobName']}: {job['AutoMLJobStatus']}")
print(f"  target {tabular['TargetAttributeName']!r}, problem type {tabular['ProblemType']}, "
      f"objective {job['AutoMLJobObjective']['MetricName']}")
assert tabular["ProblemType"] == "BinaryClassification"
assert job["AutoMLJobStatus"] == "InProgress", "created, not trained: nothing has run yet"
# --8<-- [end:tabular]

# --8<-- [start:forecast]
sm.create_auto_ml_job_v2(
    AutoMLJobName="mlsguide-bakery-forecast",
    AutoMLJobInputDataConfig=s3_input("bakery/train/"),
    OutputDataConfig={"S3OutputPath": f"s3://{BUCKET}/bakery/automl-output/"},
    AutoMLProblemTypeConfig={"TimeSeriesForecastingJobConfig": {
        "TimeSeriesConfig": {
            "TargetAttributeName": "demand",
            "TimestampAttributeName": "date",
            "ItemIdentifierAttributeName": "store_product",  # one series per store and product
        },
        "ForecastFrequency": "D",   # one value per day
        "ForecastHorizon": 14,      # two weeks ahead
        "ForecastQuantiles": ["p50", "p80"],  # the median and the level to bake to
        "CompletionCriteria": {"MaxRuntimePerTrainingJobInSeconds": 3_600},
    }},
    RoleArn=ROLE_ARN,  # no objective given: the service picks its default for forecasts
)
job = sm.describe_auto_ml_job_v2(AutoMLJobName="mlsguide-bakery-forecast")
config = job["AutoMLProblemTypeConfig"]["TimeSeriesForecastingJobConfig"]
print(f"{job['AutoMLJobName']}: {job['AutoMLProblemTypeConfigName']}, "
      f"horizon {config['ForecastHorizon']} x {config['ForecastFrequency']}, "
      f"quantiles {config['ForecastQuantiles']}")
print(f"  objective: {job['AutoMLJobObjective']['MetricName']}")
assert job["AutoMLJobObjective"]["MetricName"] == "AverageWeightedQuantileLoss"
# --8<-- [end:forecast]

# --8<-- [start:check]
# The objective metrics AWS documents for each tabular problem type (AutoMLJobObjective).
METRICS_BY_PROBLEM = {
    "BinaryClassification": {"Accuracy", "AUC", "BalancedAccuracy", "F1", "Precision", "Recall"},
    "MulticlassClassification": {"Accuracy", "BalancedAccuracy", "F1macro", "PrecisionMacro",
                                 "RecallMacro"},
    "Regression": {"MAE", "MSE", "R2", "RMSE"},
}
api_metrics = set(sm.meta.service_model.shape_for("AutoMLMetricEnum").enum)
assert set().union(*METRICS_BY_PROBLEM.values()) <= api_metrics, "names as in the API model"


def framing_problems(problem_type, metric):
    """Return what is wrong with a problem type and metric pair, or an empty list."""
    allowed = METRICS_BY_PROBLEM[problem_type]
    return [] if metric in allowed else [f"{metric} is not a {problem_type} metric; "
                                         f"choose one of {sorted(allowed)}"]


for problem_type, metric in (("BinaryClassification", "F1"), ("Regression", "F1"),
                             ("Regression", "RMSE")):
    found = framing_problems(problem_type, metric)
    print(f"{problem_type:20s} + {metric:5s}: {'fits' if not found else found[0]}")
assert framing_problems("Regression", "F1"), "a regression job cannot optimise F1"
# --8<-- [end:check]

# --8<-- [start:cleanup]
# Clean-up: stop both AutoML jobs and delete the bucket
for name in ("mlsguide-churn-automl", "mlsguide-bakery-forecast"):
    sm.stop_auto_ml_job(AutoMLJobName=name)  # AutoML jobs are stopped, not deleted
    print(name, "->", sm.describe_auto_ml_job_v2(AutoMLJobName=name)["AutoMLJobStatus"])
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("buckets left:", [b["Name"] for b in s3.list_buckets()["Buckets"] if b["Name"] == BUCKET])
# --8<-- [end:cleanup]
