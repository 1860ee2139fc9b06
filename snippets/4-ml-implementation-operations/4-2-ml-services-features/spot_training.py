"""Managed Spot Training: the request, a pre-flight check, and what checkpoints are worth.

Creates a SageMaker AI training job on Spot capacity with a checkpoint location and a wait
limit, checks the request's timing rules before sending a second, broken one, then simulates
Spot interruptions for a ten-hour job to show how checkpoint frequency changes cost and the
chance of finishing before MaxWaitTimeInSeconds. The figure is drawn from that simulation.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1, MLSGUIDE_BUCKET and
MLSGUIDE_SAGEMAKER_ROLE_ARN to run the requests against your own account. A real job bills for
the instance; the file stops it in its last step.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, a bucket for data, checkpoints and output, and the XGBoost image URI
import os

import boto3
from mlsguide import aws

s3 = boto3.client("s3")
sm = boto3.client("sagemaker")
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-spot-demo")
ROLE_ARN = os.environ.get(
    "MLSGUIDE_SAGEMAKER_ROLE_ARN", "arn:aws:iam::123456789012:role/mlsguide-sagemaker")
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
s3.create_bucket(Bucket=BUCKET)
s3.put_object(Bucket=BUCKET, Key="train/train.csv", Body=b"1,0.5,0.2\n0,0.1,0.9\n")
print("training data:", [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]])
# --8<-- [end:setup]

# --8<-- [start:request]
def spot_problems(request):
    """The timing rules SageMaker AI applies to a managed Spot training request."""
    stop = request["StoppingCondition"]
    problems = []
    if "MaxWaitTimeInSeconds" not in stop:
        problems.append("Spot training needs MaxWaitTimeInSeconds")
    elif stop["MaxWaitTimeInSeconds"] < stop["MaxRuntimeInSeconds"]:
        problems.append("MaxWaitTimeInSeconds must be >= MaxRuntimeInSeconds")
    if "CheckpointConfig" not in request:
        problems.append("no CheckpointConfig: an interruption restarts training from scratch")
    return problems


job = dict(
    TrainingJobName="mlsguide-spot-xgboost",
    AlgorithmSpecification={"TrainingImage": IMAGE, "TrainingInputMode": "File"},
    RoleArn=ROLE_ARN,
    InputDataConfig=[{"ChannelName": "train", "ContentType": "text/csv", "DataSource": {
        "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://{BUCKET}/train/"}}}],
    OutputDataConfig={"S3OutputPath": f"s3://{BUCKET}/output/"},
    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    HyperParameters={"objective": "binary:logistic", "num_round": "200"},
    EnableManagedSpotTraining=True,
    StoppingCondition={"MaxRuntimeInSeconds": 3_600,       # one hour of training at most
                       "MaxWaitTimeInSeconds": 7_200},     # runtime plus waiting for capacity
    CheckpointConfig={"S3Uri": f"s3://{BUCKET}/checkpoints/",
                      "LocalPath": "/opt/ml/checkpoints"},
)
assert spot_problems(job) == []
sm.create_training_job(**job)
described = sm.describe_training_job(TrainingJobName=job["TrainingJobName"])
print(described["TrainingJobName"], described["TrainingJobStatus"],
      "spot:", described["EnableManagedSpotTraining"],
      "stopping:", described["StoppingCondition"])
if "BillableTimeInSeconds" in described:   # AWS reports both once the job ends
    saved = 1 - described["BillableTimeInSeconds"] / described["TrainingTimeInSeconds"]
    print(f"saving against on-demand: {saved:.0%}")
else:
    print("the emulator reports no TrainingTimeInSeconds or BillableTimeInSeconds")
broken = {**job, "TrainingJobName": "mlsguide-spot-broken",
          "StoppingCondition": {"MaxRuntimeInSeconds": 7_200, "MaxWaitTimeInSeconds": 3_600}}
print("broken request:", spot_problems(broken))
assert spot_problems(broken) == ["MaxWaitTimeInSeconds must be >= MaxRuntimeInSeconds"]
# --8<-- [end:request]

# --8<-- [start:simulate]
import numpy as np
from mlsguide import SEED

WORK_H = 10.0            # hours of compute the job needs
INTERRUPTS_PER_H = 0.15  # assumed Spot interruption rate while running
RESTART_H = 0.1          # waiting for capacity and restarting after each interruption
SAVE_H = 0.02            # writing one checkpoint (about a minute)
SPOT_PRICE = 0.35        # Spot price as a share of on-demand (illustrative; it varies)
MAX_WAIT_H = 2 * WORK_H  # MaxWaitTimeInSeconds set to twice the work


def one_run(rng, every_h):
    """Billed hours and wall-clock hours for one job; every_h=None means no checkpoints."""
    done = billed = clock = 0.0
    while done < WORK_H:
        segment = (WORK_H - done) if every_h is None else min(every_h, WORK_H - done)
        cost = segment + (0 if every_h is None else SAVE_H)
        wait = rng.exponential(1 / INTERRUPTS_PER_H)   # running time until the next interruption
        if wait >= cost:
            done, billed, clock = done + segment, billed + cost, clock + cost
        else:                                          # interrupted: this segment is lost
            billed, clock = billed + wait, clock + wait + RESTART_H
    return billed, clock


rng = np.random.default_rng(SEED)
INTERVALS = [0.25, 0.5, 1.0, 2.0, 4.0, None]
results = {}
for every in INTERVALS:
    runs = np.array([one_run(rng, every) for _ in range(2_000)])
    results[every] = (SPOT_PRICE * runs[:, 0].mean() / WORK_H,   # cost relative to on-demand
                      (runs[:, 1] <= MAX_WAIT_H).mean())          # share finishing in time
print("checkpoint every   cost vs on-demand   finish within MaxWait")
for every, (cost, in_time) in results.items():
    label = "never" if every is None else f"{every * 60:.0f} min"
    print(f"{label:>16s}   {cost:17.0%}   {in_time:21.0%}")
best = min(INTERVALS[:-1], key=lambda e: results[e][0])
assert results[None][0] > 2 * results[best][0], "no checkpoints: far more compute is redone"
assert results[None][1] < 0.6 and results[best][1] > 0.99, "and over 40% miss the wait limit"
for every in (0.25, 0.5, 1.0, 2.0):   # the page: "about 40%", "every run finishes in time"
    assert 0.35 < results[every][0] < 0.45 and results[every][1] >= 0.995
assert 0.7 < results[None][0] < 0.9, "about 80% of On-Demand without checkpoints"
# --8<-- [end:simulate]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from mlsguide.figures import show

labels = ["15 min", "30 min", "1 h", "2 h", "4 h", "never"]
costs = [100 * results[e][0] for e in INTERVALS]
in_time = [100 * results[e][1] for e in INTERVALS]
fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.6))
left.bar(labels, costs, color="tab:blue", hatch=["", "", "", "", "", "//"])
left.axhline(100, linestyle="--", color="grey", label="on-demand price of 10 h")
left.set_ylabel("Cost, % of on-demand")
left.set_xlabel("Checkpoint interval")
left.legend(loc="upper left")
right.bar(labels, in_time, color="tab:orange", hatch=["", "", "", "", "", "//"])
right.set_ylabel("% of jobs done within MaxWait")
right.set_xlabel("Checkpoint interval")
right.set_ylim(0, 105)
for axis in (left, right):
    axis.tick_params(axis="x", labelrotation=45)
fig.suptitle("What checkpoints buy on Spot\n(a 10-hour job, 2,000 runs each)")
fig.tight_layout()
show(fig, alt=f"Two bar charts. With checkpoints every 15 minutes to 4 hours the job costs "
     f"{min(costs):.0f} to {max(costs[:-1]):.0f} percent of on-demand and "
     f"{min(in_time[:-1]):.0f} to {max(in_time[:-1]):.0f} percent of runs finish within the "
     f"wait limit; without checkpoints it costs {costs[-1]:.0f} percent and only "
     f"{in_time[-1]:.0f} percent finish in time.")
# --8<-- [end:plot]

# --8<-- [start:cleanup]
# Clean-up: stop the training job (a no-op once it has finished) and delete the bucket
aws.send(sm.stop_training_job, TrainingJobName=job["TrainingJobName"])
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("bucket deleted:", BUCKET not in [b["Name"] for b in s3.list_buckets()["Buckets"]])
# --8<-- [end:cleanup]
