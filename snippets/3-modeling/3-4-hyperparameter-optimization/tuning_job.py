"""SageMaker AI Automatic Model Tuning requests: Bayesian with early stopping, Hyperband, warm start.

Creates a Bayesian tuning job for the built-in XGBoost algorithm (log-scaled ranges, early
stopping, a completion criterion), a Hyperband tuning job for a container of your own whose
objective metric is read from its log by a regular expression, and a warm-start job that
continues the first one on new data. botocore validates every request against the service model;
a last step checks the rules that only the service enforces. Then it deletes the jobs and the
bucket.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_SAGEMAKER_ROLE_ARN set to an execution role SageMaker AI can assume,
MLSGUIDE_BUCKET set to a new bucket name of your own and MLSGUIDE_TRAINING_IMAGE set to a
training image of yours in Amazon ECR. On AWS the three tuning jobs may launch up to 40, 60 and
20 training jobs, and each training job is billed.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, a bucket with a training and a validation file, the role and the images
import os
import time

import boto3
import botocore.exceptions
from mlsguide import aws

s3 = boto3.client("s3")
sm = boto3.client("sagemaker")
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-tuning-demo")
ROLE_ARN = os.environ.get(
    "MLSGUIDE_SAGEMAKER_ROLE_ARN", "arn:aws:iam::123456789012:role/mlsguide-sagemaker")
XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
OWN_IMAGE = os.environ.get("MLSGUIDE_TRAINING_IMAGE",
                           "123456789012.dkr.ecr.us-east-1.amazonaws.com/mlsguide-churn-net:1.0")
s3.create_bucket(Bucket=BUCKET)
for key in ("churn/2026-10/train/train.csv", "churn/2026-10/validation/validation.csv",
            "churn/2026-11/train/train.csv", "churn/2026-11/validation/validation.csv"):
    s3.put_object(Bucket=BUCKET, Key=key, Body=b"1,0.5,3\n0,0.1,7\n")  # label first, no header


def channels(month):
    return [{"ChannelName": name, "ContentType": "text/csv",
             "DataSource": {"S3DataSource": {
                 "S3DataType": "S3Prefix", "S3Uri": f"s3://{BUCKET}/churn/{month}/{name}/",
                 "S3DataDistributionType": "FullyReplicated"}}}
            for name in ("train", "validation")]


def training_definition(image, month, static, metric_definitions=None):
    """What every training job of a tuning job shares: image, data, instance, static values."""
    algorithm = {"TrainingImage": image, "TrainingInputMode": "File"}
    if metric_definitions:
        algorithm["MetricDefinitions"] = metric_definitions
    return {"AlgorithmSpecification": algorithm, "RoleArn": ROLE_ARN,
            "StaticHyperParameters": static, "InputDataConfig": channels(month),
            "OutputDataConfig": {"S3OutputPath": f"s3://{BUCKET}/tuning-output/"},
            "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1,
                               "VolumeSizeInGB": 10},
            "StoppingCondition": {"MaxRuntimeInSeconds": 3_600}}


def status(name):
    return sm.describe_hyper_parameter_tuning_job(
        HyperParameterTuningJobName=name)["HyperParameterTuningJobStatus"]


def wait_until_finished(name):
    """Poll a tuning job until it is Completed, Stopped or Failed (boto3 has no waiter for it)."""
    while status(name) not in ("Completed", "Stopped", "Failed"):
        time.sleep(30)


print("bucket:", BUCKET, "| objects:", s3.list_objects_v2(Bucket=BUCKET)["KeyCount"])
# --8<-- [end:setup]

# --8<-- [start:bayesian]
bayesian_config = {
    "Strategy": "Bayesian",
    "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "validation:auc"},
    "ResourceLimits": {"MaxNumberOfTrainingJobs": 40, "MaxParallelTrainingJobs": 4},
    "ParameterRanges": {
        "ContinuousParameterRanges": [
            {"Name": "eta", "MinValue": "0.01", "MaxValue": "0.5", "ScalingType": "Logarithmic"},
            {"Name": "alpha", "MinValue": "0.001", "MaxValue": "10", "ScalingType": "Logarithmic"},
            {"Name": "lambda", "MinValue": "0.001", "MaxValue": "10", "ScalingType": "Logarithmic"},
            {"Name": "subsample", "MinValue": "0.5", "MaxValue": "1", "ScalingType": "Linear"},
        ],
        "IntegerParameterRanges": [
            {"Name": "max_depth", "MinValue": "3", "MaxValue": "10", "ScalingType": "Linear"},
        ],
    },
    "TrainingJobEarlyStoppingType": "Auto",   # the median rule, per epoch (boosting round)
    "TuningJobCompletionCriteria": {"BestObjectiveNotImproving": {
        "MaxNumberOfTrainingJobsNotImproving": 10}},
    "RandomSeed": 7,
}
sm.create_hyper_parameter_tuning_job(
    HyperParameterTuningJobName="mlsguide-churn-xgb-oct",
    HyperParameterTuningJobConfig=bayesian_config,
    TrainingJobDefinition=training_definition(
        XGBOOST_IMAGE, "2026-10",
        {"objective": "binary:logistic", "eval_metric": "auc", "num_round": "500"}),
)
job = sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName="mlsguide-churn-xgb-oct")
config = job["HyperParameterTuningJobConfig"]
ranges = config["ParameterRanges"]
print(f"{job['HyperParameterTuningJobName']}: {config['Strategy']}, "
      f"{config['HyperParameterTuningJobObjective']['Type']} "
      f"{config['HyperParameterTuningJobObjective']['MetricName']}, "
      f"{config['ResourceLimits']['MaxNumberOfTrainingJobs']} jobs, "
      f"{config['ResourceLimits']['MaxParallelTrainingJobs']} at a time")
for kind in ("ContinuousParameterRanges", "IntegerParameterRanges"):
    for r in ranges[kind]:
        print(f"  {r['Name']:9} {r['MinValue']:>5} .. {r['MaxValue']:<4} {r['ScalingType']}")
print("status:", job["HyperParameterTuningJobStatus"],
      "| best training job (emulator's placeholder):", job["BestTrainingJob"]["TrainingJobName"])
assert config["TrainingJobEarlyStoppingType"] == "Auto"
# --8<-- [end:bayesian]

# --8<-- [start:metrics]
import re

METRICS = [  # your container prints these lines; the service reads them from the job's log
    {"Name": "validation:loss", "Regex": r"epoch=\d+ .*val_loss=([0-9.]+)"},
    {"Name": "validation:accuracy", "Regex": r"epoch=\d+ .*val_acc=([0-9.]+)"},
]
log = """epoch=1 train_loss=0.6812 val_loss=0.6603 val_acc=0.612
epoch=2 train_loss=0.5420 val_loss=0.5511 val_acc=0.701
epoch=3 train_loss=0.4377 val_loss=0.4890 val_acc=0.748"""
for metric in METRICS:
    values = [float(v) for v in re.findall(metric["Regex"], log)]
    print(f"{metric['Name']:20} {values}")
assert re.findall(METRICS[0]["Regex"], log)[-1] == "0.4890", "the last value is the job's final"
# --8<-- [end:metrics]

# --8<-- [start:hyperband]
sm.create_hyper_parameter_tuning_job(
    HyperParameterTuningJobName="mlsguide-churn-net-hb",
    HyperParameterTuningJobConfig={
        "Strategy": "Hyperband",
        "StrategyConfig": {"HyperbandStrategyConfig": {"MinResource": 1, "MaxResource": 30}},
        "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "validation:loss"},
        "ResourceLimits": {"MaxNumberOfTrainingJobs": 60, "MaxParallelTrainingJobs": 10},
        "ParameterRanges": {
            "ContinuousParameterRanges": [
                {"Name": "learning_rate", "MinValue": "0.0001", "MaxValue": "0.1",
                 "ScalingType": "Logarithmic"},
                {"Name": "dropout", "MinValue": "0.0", "MaxValue": "0.5", "ScalingType": "Linear"},
            ],
            "IntegerParameterRanges": [
                {"Name": "hidden_units", "MinValue": "16", "MaxValue": "512",
                 "ScalingType": "Logarithmic"},
            ],
            "CategoricalParameterRanges": [
                {"Name": "activation", "Values": ["relu", "tanh", "gelu"]},
                {"Name": "initializer", "Values": ["he_normal", "glorot_uniform"]},
            ],
        },
        "TrainingJobEarlyStoppingType": "Off",   # Hyperband stops jobs itself
    },
    TrainingJobDefinition=training_definition(OWN_IMAGE, "2026-10", {"epochs": "30"},
                                              metric_definitions=METRICS),
)
hb = sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName="mlsguide-churn-net-hb")
hb_config = hb["HyperParameterTuningJobConfig"]
print(f"{hb['HyperParameterTuningJobName']}: {hb_config['Strategy']} "
      f"{hb_config['StrategyConfig']['HyperbandStrategyConfig']}, early stopping "
      f"{hb_config['TrainingJobEarlyStoppingType']}, objective "
      f"{hb_config['HyperParameterTuningJobObjective']['MetricName']} from "
      f"{len(hb['TrainingJobDefinition']['AlgorithmSpecification']['MetricDefinitions'])} "
      "metric definitions")
# --8<-- [end:hyperband]

# --8<-- [start:warm_start]
# A parent must have finished (Completed, Stopped or Failed) before a warm start can use it.
if aws.live():
    sm.stop_hyper_parameter_tuning_job(HyperParameterTuningJobName="mlsguide-churn-xgb-oct")
wait_until_finished("mlsguide-churn-xgb-oct")
sm.create_hyper_parameter_tuning_job(
    HyperParameterTuningJobName="mlsguide-churn-xgb-nov",
    HyperParameterTuningJobConfig={**bayesian_config,
                                   "ResourceLimits": {"MaxNumberOfTrainingJobs": 20,
                                                      "MaxParallelTrainingJobs": 2}},
    TrainingJobDefinition=training_definition(   # November's data: not identical to October's
        XGBOOST_IMAGE, "2026-11",
        {"objective": "binary:logistic", "eval_metric": "auc", "num_round": "500"}),
    WarmStartConfig={
        "ParentHyperParameterTuningJobs": [{"HyperParameterTuningJobName": "mlsguide-churn-xgb-oct"}],
        "WarmStartType": "TransferLearning",   # the API's spelling of TRANSFER_LEARNING
    },
)
child = sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName="mlsguide-churn-xgb-nov")
warm = child["WarmStartConfig"]
print(f"{child['HyperParameterTuningJobName']}: warm start {warm['WarmStartType']} from "
      f"{[p['HyperParameterTuningJobName'] for p in warm['ParentHyperParameterTuningJobs']]}")
print("warm-start types in the API model:",
      sm.meta.service_model.shape_for("HyperParameterTuningJobWarmStartType").enum)
# --8<-- [end:warm_start]

# --8<-- [start:checks]
model = sm.meta.service_model
STRATEGIES = model.shape_for("HyperParameterTuningJobStrategyType").enum
MAX_PARENTS = model.shape_for("ParentHyperParameterTuningJobs").metadata["max"]


def service_side_problems(config, warm_start=None):
    """Rules the service enforces but botocore, which checks shapes, does not."""
    problems = []
    if config["Strategy"] not in STRATEGIES:
        problems.append(f"Strategy {config['Strategy']!r} is not one of {STRATEGIES}")
    if config["Strategy"] == "Hyperband" and config.get("TrainingJobEarlyStoppingType") == "Auto":
        problems.append("Hyperband stops jobs itself: TrainingJobEarlyStoppingType must be Off")
    ranges = config.get("ParameterRanges", {})
    if config["Strategy"] == "Grid" and (ranges.get("ContinuousParameterRanges")
                                         or ranges.get("IntegerParameterRanges")):
        problems.append("Grid search takes categorical ranges only")
    for r in ranges.get("ContinuousParameterRanges", []) + ranges.get("IntegerParameterRanges", []):
        low, high = float(r["MinValue"]), float(r["MaxValue"])
        if r.get("ScalingType") == "Logarithmic" and low <= 0:
            problems.append(f"{r['Name']}: Logarithmic needs every value > 0")
        if r.get("ScalingType") == "ReverseLogarithmic" and not 0 <= low <= high < 1:
            problems.append(f"{r['Name']}: ReverseLogarithmic needs 0 <= value < 1")
    if warm_start and len(warm_start["ParentHyperParameterTuningJobs"]) > MAX_PARENTS:
        problems.append(f"warm start takes at most {MAX_PARENTS} parent tuning jobs")
    return problems


bad = {**bayesian_config, "Strategy": "Hyperband", "ParameterRanges": {
    "ContinuousParameterRanges": [{"Name": "eta", "MinValue": "0", "MaxValue": "0.5",
                                   "ScalingType": "Logarithmic"}]}}
parents = {"ParentHyperParameterTuningJobs": [{"HyperParameterTuningJobName": f"job-{i}"}
                                              for i in range(6)], "WarmStartType": "TransferLearning"}
for problem in service_side_problems(bad, parents):
    print("service would reject:", problem)
assert service_side_problems(bayesian_config) == [] and len(service_side_problems(bad, parents)) == 3

try:  # botocore does check required members and minimum values before anything is sent
    sm.create_hyper_parameter_tuning_job(
        HyperParameterTuningJobName="mlsguide-no-parallel",
        HyperParameterTuningJobConfig={"Strategy": "Random",
                                       "ResourceLimits": {"MaxNumberOfTrainingJobs": 20}})
except botocore.exceptions.ParamValidationError as error:
    print("botocore:", str(error).splitlines()[-1])
# --8<-- [end:checks]

# --8<-- [start:cleanup]
# Clean-up: stop (on AWS) and delete the three tuning jobs, then empty and delete the bucket
NAMES = ("mlsguide-churn-xgb-nov", "mlsguide-churn-net-hb", "mlsguide-churn-xgb-oct")
for name in NAMES:
    if aws.live() and status(name) == "InProgress":
        sm.stop_hyper_parameter_tuning_job(HyperParameterTuningJobName=name)
    wait_until_finished(name)
    sm.delete_hyper_parameter_tuning_job(HyperParameterTuningJobName=name)
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
left = sm.list_hyper_parameter_tuning_jobs(NameContains="mlsguide-")["HyperParameterTuningJobSummaries"]
print("tuning jobs left:", len(left))
# --8<-- [end:cleanup]
