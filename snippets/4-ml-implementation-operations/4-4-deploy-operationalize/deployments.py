"""Putting a new model version into production: A/B variants, a shadow test, guardrails.

Production variants with traffic weights split live requests between models (an A/B test);
a shadow variant receives a copy of the requests and its answers are thrown away; deployment
guardrails replace a fleet all at once, by a canary or linearly, rolling back on CloudWatch
alarms. The emulator (moto) implements endpoints and weights, stores no shadow variants and
lacks UpdateEndpoint, so those requests are validated by botocore, and the page says what the
real service does. Set MLSGUIDE_LIVE_AWS=1 (with MLSGUIDE_SAGEMAKER_ROLE_ARN) to use an account.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: two models (the current champion and a challenger) and the clients
import os

import boto3

sm = boto3.client("sagemaker")
runtime = boto3.client("sagemaker-runtime")
cloudwatch = boto3.client("cloudwatch")
ROLE = os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                      "arn:aws:iam::123456789012:role/mlsguide-sagemaker")
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
for name in ("champion", "challenger"):
    sm.create_model(ModelName=f"mlsguide-churn-{name}", ExecutionRoleArn=ROLE,
                    PrimaryContainer={"Image": IMAGE, "ModelDataUrl":
                                      f"s3://mlsguide-models/churn/{name}/model.tar.gz"})
# --8<-- [end:setup]

# --8<-- [start:ab_test]
def variant(name: str, weight: float, count: int) -> dict:
    return {"VariantName": name, "ModelName": f"mlsguide-churn-{name}",
            "InstanceType": "ml.m5.xlarge", "InitialInstanceCount": count,
            "InitialVariantWeight": weight}


sm.create_endpoint_config(EndpointConfigName="mlsguide-churn-ab", ProductionVariants=[
    variant("champion", 9, 2), variant("challenger", 1, 1)])      # 90% and 10% of requests
sm.create_endpoint(EndpointName="mlsguide-churn-ab", EndpointConfigName="mlsguide-churn-ab")


def shares() -> dict:
    variants = sm.describe_endpoint(EndpointName="mlsguide-churn-ab")["ProductionVariants"]
    total = sum(v["CurrentWeight"] for v in variants)
    return {v["VariantName"]: f"{v['CurrentWeight'] / total:.0%}" for v in variants}


print("traffic shares:", shares())
response = runtime.invoke_endpoint(EndpointName="mlsguide-churn-ab", TargetVariant="challenger",
                                   ContentType="text/csv", Body=b"0.5,1.0,2.0")
print("a request pinned to the challenger: HTTP",
      response["ResponseMetadata"]["HTTPStatusCode"], "(canned body in the emulator)")
sm.update_endpoint_weights_and_capacities(EndpointName="mlsguide-churn-ab", DesiredWeightsAndCapacities=[
    {"VariantName": "champion", "DesiredWeight": 1}, {"VariantName": "challenger", "DesiredWeight": 1}])
print("after the challenger held up for a week:", shares())
assert shares() == {"champion": "50%", "challenger": "50%"}
# --8<-- [end:ab_test]

# --8<-- [start:shadow]
shadow_config = {
    "EndpointConfigName": "mlsguide-churn-shadow",
    "ProductionVariants": [variant("champion", 1, 2)],            # answers every request
    "ShadowProductionVariants": [variant("challenger", 1, 1)],    # gets copies, answers no one
}
sm.create_endpoint_config(**shadow_config)
stored = sm.describe_endpoint_config(EndpointConfigName="mlsguide-churn-shadow")
print("request accepted; shadow variants the emulator kept:",
      stored.get("ShadowProductionVariants", "none"))
limits = sm.meta.service_model.operation_model("CreateEndpointConfig").input_shape.members
print("ShadowProductionVariants in the API model: list of",
      limits["ShadowProductionVariants"].member.name)
assert limits["ShadowProductionVariants"].member.name == "ProductionVariant"
# --8<-- [end:shadow]

# --8<-- [start:guardrails]
from botocore.validate import validate_parameters
from mlsguide import aws

cloudwatch.put_metric_alarm(   # the alarm that rolls the deployment back
    AlarmName="mlsguide-churn-5xx", Namespace="AWS/SageMaker", MetricName="Invocation5XXErrors",
    Dimensions=[{"Name": "EndpointName", "Value": "mlsguide-churn"},
                {"Name": "VariantName", "Value": "AllTraffic"}],
    Statistic="Sum", Period=60, EvaluationPeriods=2, Threshold=5,
    ComparisonOperator="GreaterThanThreshold")
for config, model in (("mlsguide-churn-v1", "champion"), ("mlsguide-churn-v2", "challenger")):
    sm.create_endpoint_config(EndpointConfigName=config, ProductionVariants=[   # same variant name
        {**variant(model, 1, 4), "VariantName": "AllTraffic"}])                 # in old and new
sm.create_endpoint(EndpointName="mlsguide-churn", EndpointConfigName="mlsguide-churn-v1")
if aws.live():
    sm.get_waiter("endpoint_in_service").wait(EndpointName="mlsguide-churn")
routing = {
    "ALL_AT_ONCE": {"Type": "ALL_AT_ONCE", "WaitIntervalInSeconds": 600},
    "CANARY": {"Type": "CANARY", "WaitIntervalInSeconds": 600,
               "CanarySize": {"Type": "CAPACITY_PERCENT", "Value": 25}},
    "LINEAR": {"Type": "LINEAR", "WaitIntervalInSeconds": 300,
               "LinearStepSize": {"Type": "CAPACITY_PERCENT", "Value": 25}},
}
update = sm.meta.service_model.operation_model("UpdateEndpoint")
for mode, traffic in routing.items():
    request = {"EndpointName": "mlsguide-churn", "EndpointConfigName": "mlsguide-churn-v2",
               "DeploymentConfig": {
                   "BlueGreenUpdatePolicy": {"TrafficRoutingConfiguration": traffic,
                                             "TerminationWaitInSeconds": 300},
                   "AutoRollbackConfiguration": {"Alarms": [{"AlarmName": "mlsguide-churn-5xx"}]}}}
    validate_parameters(request, update.input_shape)
    if aws.live() and mode == "CANARY":
        sm.update_endpoint(**request)
    print(f"UpdateEndpoint with {mode:11} is a valid request")
print("traffic routing types:", update.input_shape.members["DeploymentConfig"]
      .members["BlueGreenUpdatePolicy"].members["TrafficRoutingConfiguration"]
      .members["Type"].enum)
# --8<-- [end:guardrails]

# --8<-- [start:schedule]
def schedule(mode: str, wait_minutes: int, step: float) -> list[tuple[int, float]]:
    """(minute, share of traffic on the green fleet) until all traffic has moved."""
    if mode == "ALL_AT_ONCE":
        return [(0, 1.0)]
    if mode == "CANARY":
        return [(0, step), (wait_minutes, 1.0)]
    return [(i * wait_minutes, min(1.0, (i + 1) * step)) for i in range(round(1 / step))]


for mode, wait, step in (("ALL_AT_ONCE", 10, 1.0), ("CANARY", 10, 0.25), ("LINEAR", 5, 0.25)):
    steps = schedule(mode, wait, step)
    text = ", ".join(f"{minute} min: {share:.0%}" for minute, share in steps)
    print(f"{mode:11} {text}  (then a {wait}-minute bake)")
assert schedule("LINEAR", 5, 0.25)[-1] == (15, 1.0)
# --8<-- [end:schedule]

# --8<-- [start:cleanup]
# Clean-up: the endpoints, their configurations, the models and the alarm
sm.delete_endpoint(EndpointName="mlsguide-churn")
sm.delete_endpoint(EndpointName="mlsguide-churn-ab")
for config in ("mlsguide-churn-ab", "mlsguide-churn-shadow", "mlsguide-churn-v1", "mlsguide-churn-v2"):
    sm.delete_endpoint_config(EndpointConfigName=config)
for name in ("champion", "challenger"):
    sm.delete_model(ModelName=f"mlsguide-churn-{name}")
cloudwatch.delete_alarms(AlarmNames=["mlsguide-churn-5xx"])
print("endpoints left:", len(sm.list_endpoints()["Endpoints"]))
# --8<-- [end:cleanup]
