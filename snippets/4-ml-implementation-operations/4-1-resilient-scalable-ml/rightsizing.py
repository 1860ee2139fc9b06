"""Right-sizing an endpoint: read a load test, pick the instance, then ask Inference Recommender.

A load test of candidate instance types gives, for each, the highest sustained throughput
within a p99 latency objective. Cost per million inferences, not price per hour, decides. The
numbers here are illustrative (seeded, not AWS prices or benchmarks); the method is the point.
The second section builds the request that has SageMaker AI Inference Recommender run such a
load test for you; the emulator (moto) does not implement it, so the build validates the
request against botocore's SageMaker API model instead of sending it.

Runs offline with `.venv/bin/python <this file>`. With MLSGUIDE_LIVE_AWS=1 the request is still
only validated: a real job needs a registered model package and bills for its test instances.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:load_test]
import pandas as pd

# One row per candidate: price per hour in illustrative units, and the load test's result.
results = pd.DataFrame([
    # instance,        price, max rps within p99 objective, p99 at that rate (ms)
    ("ml.m5.xlarge",     1.00,  34,  88),
    ("ml.c5.xlarge",     0.89,  40,  81),
    ("ml.c5.2xlarge",    1.78,  83,  79),
    ("ml.g4dn.xlarge",   2.74, 260,  35),
    ("ml.inf2.xlarge",   3.96, 420,  22),
    ("ml.t2.medium",     0.23,   6, 140),   # burstable: fails the objective under load
], columns=["instance", "price_per_hour", "max_rps", "p99_ms"])
OBJECTIVE_MS = 100
results["meets_objective"] = results["p99_ms"] <= OBJECTIVE_MS
results["cost_per_million"] = results["price_per_hour"] / (results["max_rps"] * 3600) * 1e6
ranked = results[results["meets_objective"]].sort_values("cost_per_million")
print(ranked[["instance", "price_per_hour", "max_rps", "p99_ms", "cost_per_million"]]
      .round(2).to_string(index=False))
best = ranked.iloc[0]
print(f"cheapest per inference within {OBJECTIVE_MS} ms: {best['instance']}, "
      f"the highest price per hour of the {len(results)}")
assert best["instance"] == "ml.inf2.xlarge"
assert best["price_per_hour"] == results["price_per_hour"].max()
assert "ml.t2.medium" not in set(ranked["instance"]), "the cheapest hour fails the objective"

# Cost per inference assumes the instances are busy. At 30 requests per second, two
# instances (one per AZ) are the floor whatever the type, and the floor decides.
hourly = {}
for instance in ("ml.c5.xlarge", "ml.inf2.xlarge"):
    row = results.set_index("instance").loc[instance]
    count = max(2, -(-30 // row["max_rps"]))   # ceil, never below two
    hourly[instance] = count * row["price_per_hour"]
    print(f"at 30 rps: {int(count)} x {instance} = {hourly[instance]:.2f} per hour")
assert hourly["ml.c5.xlarge"] < hourly["ml.inf2.xlarge"], "at low traffic the smaller one wins"
# --8<-- [end:load_test]

# --8<-- [start:recommender]
import boto3
from botocore.validate import validate_parameters

sm = boto3.client("sagemaker")
job = {
    "JobName": "mlsguide-churn-advanced",
    "JobType": "Advanced",   # Default: a quick recommendation; Advanced: your own load test
    "RoleArn": "arn:aws:iam::123456789012:role/mlsguide-sagemaker",
    "InputConfig": {
        "ModelPackageVersionArn":
            "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/7",
        "JobDurationInSeconds": 7200,
        "EndpointConfigurations": [{"InstanceType": t} for t in
                                   ("ml.c5.xlarge", "ml.g4dn.xlarge", "ml.inf2.xlarge")],
        "TrafficPattern": {"TrafficType": "PHASES", "Phases": [
            {"InitialNumberOfUsers": 1, "SpawnRate": 1, "DurationInSeconds": 120},
            {"InitialNumberOfUsers": 20, "SpawnRate": 5, "DurationInSeconds": 600}]},
        "ResourceLimit": {"MaxNumberOfTests": 6, "MaxParallelOfTests": 2},
    },
    "StoppingConditions": {   # stop a test once latency breaks the objective
        "MaxInvocations": 30000,
        "ModelLatencyThresholds": [{"Percentile": "P99", "ValueInMilliseconds": 100}],
    },
}
operation = sm.meta.service_model.operation_model("CreateInferenceRecommendationsJob")
validate_parameters(job, operation.input_shape)
print(f"{job['JobType']} job request is valid: "
      f"{len(job['InputConfig']['EndpointConfigurations'])} instance types, "
      f"stop at p99 > {job['StoppingConditions']['ModelLatencyThresholds'][0]['ValueInMilliseconds']} ms")
print("job types:", operation.input_shape.members["JobType"].enum)
assert set(operation.input_shape.members["JobType"].enum) == {"Default", "Advanced"}
# --8<-- [end:recommender]
