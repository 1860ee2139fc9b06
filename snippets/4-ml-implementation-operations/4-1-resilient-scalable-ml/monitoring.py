"""Watching an endpoint with CloudWatch: alarms on errors and tail latency, and error logs.

SageMaker AI publishes endpoint metrics to CloudWatch under the `AWS/SageMaker` namespace
(`Invocations`, `Invocation4XXErrors`, `Invocation5XXErrors`, `ModelLatency`, `OverheadLatency`)
and instance metrics such as `CPUUtilization` under `/aws/sagemaker/Endpoints`; the container's
standard output goes to the log group `/aws/sagemaker/Endpoints/<endpoint name>`. This file
creates alarms on those metrics, publishes a latency series of its own to show why p99 matters
more than the average, and searches endpoint logs for errors with a filter pattern. The last
section deletes what it created.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (it creates two alarms, one log group and a custom metric; the last section deletes the
alarms and the log group, and custom metrics expire on their own).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients and the names of the endpoint being watched
import time

import boto3
import numpy as np
from mlsguide import SEED

cloudwatch = boto3.client("cloudwatch")
logs = boto3.client("logs")
ENDPOINT, VARIANT = "mlsguide-churn", "AllTraffic"
VARIANT_DIMENSIONS = [{"Name": "EndpointName", "Value": ENDPOINT},
                      {"Name": "VariantName", "Value": VARIANT}]
# --8<-- [end:setup]

# --8<-- [start:alarms]
# Server errors: any 5XX in three consecutive minutes is worth a page.
cloudwatch.put_metric_alarm(
    AlarmName="mlsguide-churn-5xx", Namespace="AWS/SageMaker",
    MetricName="Invocation5XXErrors", Dimensions=VARIANT_DIMENSIONS,
    Statistic="Sum", Period=60, EvaluationPeriods=3, DatapointsToAlarm=3,
    Threshold=0.0, ComparisonOperator="GreaterThanThreshold",
    TreatMissingData="notBreaching",   # no traffic is not an error
)
# Tail latency: ModelLatency is in microseconds; alarm when p99 passes 100 ms.
cloudwatch.put_metric_alarm(
    AlarmName="mlsguide-churn-p99-latency", Namespace="AWS/SageMaker",
    MetricName="ModelLatency", Dimensions=VARIANT_DIMENSIONS,
    ExtendedStatistic="p99", Period=60, EvaluationPeriods=5, DatapointsToAlarm=3,
    Threshold=100_000.0, ComparisonOperator="GreaterThanThreshold",
)
for alarm in cloudwatch.describe_alarms(AlarmNamePrefix="mlsguide-churn")["MetricAlarms"]:
    statistic = alarm.get("ExtendedStatistic") or alarm["Statistic"]
    print(f"{alarm['AlarmName']:27s} {statistic:>4s}({alarm['MetricName']}) > "
          f"{alarm['Threshold']:g} in {alarm['DatapointsToAlarm']} of "
          f"{alarm['EvaluationPeriods']} minutes")
latency_alarm = cloudwatch.describe_alarms(AlarmNames=["mlsguide-churn-p99-latency"])
assert latency_alarm["MetricAlarms"][0]["ExtendedStatistic"] == "p99"
# --8<-- [end:alarms]

# --8<-- [start:percentiles]
# The client measures its own end-to-end latency and publishes it as a custom metric.
rng = np.random.default_rng(SEED)
latency_ms = rng.gamma(4.0, 6.0, 1_000)          # most requests take 15-40 ms ...
latency_ms[rng.choice(1_000, 25, replace=False)] += 400.0   # ... and 2.5% hit a slow path
cloudwatch.put_metric_data(Namespace="MLSGuide/Client", MetricData=[{
    "MetricName": "EndToEndLatency", "Unit": "Milliseconds",
    "Dimensions": [{"Name": "EndpointName", "Value": ENDPOINT}],
    "Values": [round(float(v), 1) for v in latency_ms[:150]],   # up to 150 values per call
}])
published = cloudwatch.list_metrics(Namespace="MLSGuide/Client")["Metrics"]
print("custom metric:", [(m["Namespace"], m["MetricName"]) for m in published])
mean, p50, p99 = latency_ms.mean(), *np.percentile(latency_ms, [50, 99])
print(f"average {mean:5.1f} ms   p50 {p50:5.1f} ms   p99 {p99:5.1f} ms")
assert mean < 50 < 400 < p99, "the average hides a tail that every hundredth user sees"
# --8<-- [end:percentiles]

# --8<-- [start:logs]
LOG_GROUP = f"/aws/sagemaker/Endpoints/{ENDPOINT}"
logs.create_log_group(logGroupName=LOG_GROUP)
logs.put_retention_policy(logGroupName=LOG_GROUP, retentionInDays=30)  # the default keeps forever
logs.create_log_stream(logGroupName=LOG_GROUP, logStreamName=f"{VARIANT}/i-0abc")
now = int(time.time() * 1000)   # CloudWatch Logs rejects events older than 14 days
lines = ["INFO loaded model churn-v7", "INFO 200 POST /invocations 23ms",
         "ERROR 500 POST /invocations: could not convert string to float: 'N/A'",
         "INFO 200 POST /invocations 19ms", "ERROR worker killed: out of memory"]
logs.put_log_events(logGroupName=LOG_GROUP, logStreamName=f"{VARIANT}/i-0abc",
                    logEvents=[{"timestamp": now + i, "message": m} for i, m in enumerate(lines)])
errors = logs.filter_log_events(logGroupName=LOG_GROUP, filterPattern="ERROR")["events"]
for event in errors:
    print(f"{event['logStreamName']}: {event['message']}")
assert len(errors) == 2
# --8<-- [end:logs]

# --8<-- [start:cleanup]
# Clean-up: delete the alarms and the log group (custom metrics expire by themselves)
cloudwatch.delete_alarms(AlarmNames=["mlsguide-churn-5xx", "mlsguide-churn-p99-latency"])
logs.delete_log_group(logGroupName=LOG_GROUP)
print("alarms left:", len(cloudwatch.describe_alarms()["MetricAlarms"]))
# --8<-- [end:cleanup]
