"""Detecting a drop in performance: data drift, model quality and a Model Monitor schedule.

SageMaker AI Model Monitor compares what an endpoint receives (captured by data capture) with a
baseline computed from the training data, and model quality with ground-truth labels that
arrive later. This file does the same comparison locally on seeded data: a baseline month and a
current month in which one feature has shifted, the population stability index and the
Kolmogorov-Smirnov test per feature, the model's AUC before and after, and a figure. Then it
builds the Model Monitor requests (moto lacks them; botocore validates them, and the file
sends none even with MLSGUIDE_LIVE_AWS=1, since they need a real endpoint and baseline).
Run it with `.venv/bin/python <this file>`.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:data]
import numpy as np
import pandas as pd
from mlsguide import SEED
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

rng = np.random.default_rng(SEED)


def month(n: int, spend_shift: float, relation_changes: bool) -> pd.DataFrame:
    frame = pd.DataFrame({
        "tenure_months": rng.gamma(3.0, 8.0, n),
        "monthly_spend": rng.normal(60 + spend_shift, 15, n),
        "support_calls": rng.poisson(1.5, n),
    })
    spend_effect = -0.04 if relation_changes else 0.04     # a new price plan flips its effect
    logit = (-0.08 * frame.tenure_months + spend_effect * (frame.monthly_spend - 60)
             + 0.6 * frame.support_calls - 0.3)
    frame["churned"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return frame


FEATURES = ["tenure_months", "monthly_spend", "support_calls"]
baseline = month(5_000, spend_shift=0, relation_changes=False)     # the training month
current = month(5_000, spend_shift=25, relation_changes=True)       # what the endpoint sees now
model = LogisticRegression(max_iter=1000).fit(baseline[FEATURES], baseline.churned)
print(baseline[FEATURES].mean().round(1).to_dict())
print(current[FEATURES].mean().round(1).to_dict())
# --8<-- [end:data]

# --8<-- [start:drift]
from scipy.stats import ks_2samp


def psi(expected: pd.Series, actual: pd.Series, bins: int = 10) -> float:
    """Population stability index over the baseline's deciles."""
    edges = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))
    edges[0], edges[-1] = -np.inf, np.inf
    e = np.histogram(expected, edges)[0] / len(expected)
    a = np.histogram(actual, edges)[0] / len(actual)
    e, a = np.clip(e, 1e-6, None), np.clip(a, 1e-6, None)
    return float(np.sum((a - e) * np.log(a / e)))


report = pd.DataFrame({
    "psi": [psi(baseline[f], current[f]) for f in FEATURES],
    "ks_p_value": [ks_2samp(baseline[f], current[f]).pvalue for f in FEATURES],
}, index=FEATURES)
report["drifted"] = report.psi > 0.2          # a common rule of thumb: above 0.2 is a big shift
print(report.round(4).to_string())
assert report.drifted.tolist() == [False, True, False], "only monthly spend has moved"
# --8<-- [end:drift]

# --8<-- [start:quality]
auc_then = roc_auc_score(baseline.churned, model.predict_proba(baseline[FEATURES])[:, 1])
auc_now = roc_auc_score(current.churned, model.predict_proba(current[FEATURES])[:, 1])
retrained = LogisticRegression(max_iter=1000).fit(current[FEATURES], current.churned)
auc_retrained = roc_auc_score(current.churned, retrained.predict_proba(current[FEATURES])[:, 1])
print(f"AUC on the training month {auc_then:.3f}, on this month {auc_now:.3f}")
print(f"coefficient of monthly_spend: trained {model.coef_[0][1]:+.3f}, "
      f"refit on this month {retrained.coef_[0][1]:+.3f}")
print(f"AUC after retraining on this month: {auc_retrained:.3f}")
assert auc_now < auc_then - 0.05 and auc_retrained > auc_now + 0.05
assert model.coef_[0][1] > 0 > retrained.coef_[0][1], "the sign of the spend effect flipped"
# --8<-- [end:quality]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide import figures

fig, axes = plt.subplots(1, 2, figsize=(6.4, 3.2))
for ax, feature in zip(axes, ["monthly_spend", "tenure_months"], strict=True):
    bins = np.histogram_bin_edges(pd.concat([baseline[feature], current[feature]]), 30)
    ax.hist(baseline[feature], bins, alpha=0.6, label="baseline", color="tab:blue")
    ax.hist(current[feature], bins, histtype="step", linewidth=1.5, label="current",
            color="tab:red", linestyle="--")
    ax.set_title(f"{feature} (PSI {report.psi[feature]:.2f})", fontsize=9)
    ax.set_xlabel(feature)
axes[0].set_ylabel("customers")
axes[0].legend(fontsize=8)
figures.show(fig, alt="Two histograms comparing the baseline month (filled) with the current "
                      "month (dashed outline). Monthly spend has moved about 25 to the right, "
                      "with a PSI far above 0.2; tenure overlaps almost exactly, PSI near zero.")
# --8<-- [end:plot]

# --8<-- [start:monitor]
import boto3
from botocore.validate import validate_parameters

sm = boto3.client("sagemaker")
capture = {   # part of CreateEndpointConfig: what Model Monitor reads
    "EnableCapture": True, "InitialSamplingPercentage": 20,
    "DestinationS3Uri": "s3://mlsguide-monitoring/capture/",
    "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}]}
job_definition = {
    "JobDefinitionName": "mlsguide-churn-data-quality",
    "DataQualityBaselineConfig": {
        "ConstraintsResource": {"S3Uri": "s3://mlsguide-monitoring/baseline/constraints.json"},
        "StatisticsResource": {"S3Uri": "s3://mlsguide-monitoring/baseline/statistics.json"}},
    "DataQualityAppSpecification": {"ImageUri": "156813124566.dkr.ecr.us-east-1.amazonaws.com"
                                                "/sagemaker-model-monitor-analyzer"},
    "DataQualityJobInput": {"EndpointInput": {"EndpointName": "mlsguide-churn",
                                              "LocalPath": "/opt/ml/processing/input"}},
    "DataQualityJobOutputConfig": {"MonitoringOutputs": [{"S3Output": {
        "S3Uri": "s3://mlsguide-monitoring/reports/", "LocalPath": "/opt/ml/processing/output"}}]},
    "JobResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge",
                                       "VolumeSizeInGB": 20}},
    "RoleArn": "arn:aws:iam::123456789012:role/mlsguide-sagemaker"}
schedule = {
    "MonitoringScheduleName": "mlsguide-churn-hourly",
    "MonitoringScheduleConfig": {
        "ScheduleConfig": {"ScheduleExpression": "cron(0 * ? * * *)"},   # every hour
        "MonitoringJobDefinitionName": "mlsguide-churn-data-quality",
        "MonitoringType": "DataQuality"}}
api = sm.meta.service_model
validate_parameters(capture, api.shape_for("DataCaptureConfig"))
validate_parameters(job_definition,
                    api.operation_model("CreateDataQualityJobDefinition").input_shape)
validate_parameters(schedule, api.operation_model("CreateMonitoringSchedule").input_shape)
print("data capture, job definition and hourly schedule: valid requests")
print("monitoring types:", api.shape_for("MonitoringType").enum)
assert len(api.shape_for("MonitoringType").enum) == 4
# --8<-- [end:monitor]
