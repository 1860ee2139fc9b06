"""Auto scaling a SageMaker AI endpoint variant with Application Auto Scaling.

Creates a model, an endpoint configuration with two instances and an endpoint; registers the
variant's instance count as a scalable target (minimum 2, maximum 10); attaches a
target-tracking policy on `SageMakerVariantInvocationsPerInstance` with explicit cool-downs;
then adds a step-scaling policy driven by a CloudWatch alarm on CPU. The last section deletes
everything.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_SAGEMAKER_ROLE_ARN set to an execution role and MLSGUIDE_MODEL_IMAGE and
MLSGUIDE_MODEL_DATA set to a real inference image and model artifact. A real endpoint bills for
its instances while it exists: the last section deletes it.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, a model and the endpoint whose variant will scale
import os

import boto3

sm = boto3.client("sagemaker")
autoscaling = boto3.client("application-autoscaling")
cloudwatch = boto3.client("cloudwatch")
ROLE_ARN = os.environ.get(
    "MLSGUIDE_SAGEMAKER_ROLE_ARN", "arn:aws:iam::123456789012:role/mlsguide-sagemaker"
)
IMAGE = os.environ.get("MLSGUIDE_MODEL_IMAGE",
                       "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1")
MODEL_DATA = os.environ.get("MLSGUIDE_MODEL_DATA", "s3://mlsguide-models/churn/model.tar.gz")
ENDPOINT, VARIANT = "mlsguide-churn", "AllTraffic"

sm.create_model(ModelName="mlsguide-churn-model", ExecutionRoleArn=ROLE_ARN,
                PrimaryContainer={"Image": IMAGE, "ModelDataUrl": MODEL_DATA})
sm.create_endpoint_config(EndpointConfigName="mlsguide-churn-config", ProductionVariants=[{
    "VariantName": VARIANT, "ModelName": "mlsguide-churn-model",
    "InstanceType": "ml.c5.xlarge",
    "InitialInstanceCount": 2,   # two instances: SageMaker AI spreads them over two AZs
}])
sm.create_endpoint(EndpointName=ENDPOINT, EndpointConfigName="mlsguide-churn-config")
print(ENDPOINT, sm.describe_endpoint(EndpointName=ENDPOINT)["EndpointStatus"])
# --8<-- [end:setup]

# --8<-- [start:register]
RESOURCE_ID = f"endpoint/{ENDPOINT}/variant/{VARIANT}"   # what scales: one variant's count
DIMENSION = "sagemaker:variant:DesiredInstanceCount"

autoscaling.register_scalable_target(
    ServiceNamespace="sagemaker", ResourceId=RESOURCE_ID, ScalableDimension=DIMENSION,
    MinCapacity=2,    # never fewer than two: one per Availability Zone
    MaxCapacity=10,   # a ceiling on cost, and on what the account's quota allows
)
target = autoscaling.describe_scalable_targets(ServiceNamespace="sagemaker",
                                               ResourceIds=[RESOURCE_ID])["ScalableTargets"][0]
print(f"{target['ResourceId']}: {target['MinCapacity']} to {target['MaxCapacity']} instances")
assert (target["MinCapacity"], target["MaxCapacity"]) == (2, 10)
# --8<-- [end:register]

# --8<-- [start:target_tracking]
autoscaling.put_scaling_policy(
    PolicyName="mlsguide-invocations-target", PolicyType="TargetTrackingScaling",
    ServiceNamespace="sagemaker", ResourceId=RESOURCE_ID, ScalableDimension=DIMENSION,
    TargetTrackingScalingPolicyConfiguration={
        "PredefinedMetricSpecification": {
            "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"},
        "TargetValue": 1200.0,    # invocations per instance per minute, from a load test
        "ScaleOutCooldown": 60,   # seconds: add capacity again soon if traffic keeps rising
        "ScaleInCooldown": 600,   # seconds: remove capacity slowly, so the fleet does not flap
    },
)
policy = autoscaling.describe_scaling_policies(
    ServiceNamespace="sagemaker", ResourceId=RESOURCE_ID)["ScalingPolicies"][0]
config = policy["TargetTrackingScalingPolicyConfiguration"]
print(f"{policy['PolicyName']} ({policy['PolicyType']}):")
print(f"  keep {config['PredefinedMetricSpecification']['PredefinedMetricType']} near "
      f"{config['TargetValue']:.0f}")
print(f"  cool-downs: out {config['ScaleOutCooldown']} s, in {config['ScaleInCooldown']} s")
assert config["ScaleInCooldown"] > config["ScaleOutCooldown"]
# --8<-- [end:target_tracking]

# --8<-- [start:step_scaling]
step = autoscaling.put_scaling_policy(
    PolicyName="mlsguide-cpu-steps", PolicyType="StepScaling",
    ServiceNamespace="sagemaker", ResourceId=RESOURCE_ID, ScalableDimension=DIMENSION,
    StepScalingPolicyConfiguration={
        "AdjustmentType": "ChangeInCapacity",
        "StepAdjustments": [   # bounds are relative to the alarm threshold (70%)
            {"MetricIntervalLowerBound": 0.0, "MetricIntervalUpperBound": 15.0,
             "ScalingAdjustment": 1},                                  # 70-85% CPU: +1
            {"MetricIntervalLowerBound": 15.0, "ScalingAdjustment": 3},  # above 85%: +3
        ],
        "Cooldown": 120,
        "MetricAggregationType": "Average",
    },
)
# Step scaling does not create its alarm: you create it and point it at the policy.
cloudwatch.put_metric_alarm(
    AlarmName="mlsguide-churn-cpu-high", Namespace="/aws/sagemaker/Endpoints",
    MetricName="CPUUtilization", Statistic="Average", Period=60, EvaluationPeriods=3,
    Dimensions=[{"Name": "EndpointName", "Value": ENDPOINT},
                {"Name": "VariantName", "Value": VARIANT}],
    Threshold=70.0, ComparisonOperator="GreaterThanThreshold",
    AlarmActions=[step["PolicyARN"]],
)
alarm = cloudwatch.describe_alarms(AlarmNames=["mlsguide-churn-cpu-high"])["MetricAlarms"][0]
print(f"alarm {alarm['AlarmName']}: {alarm['MetricName']} > {alarm['Threshold']:.0f} for "
      f"{alarm['EvaluationPeriods']} x {alarm['Period']} s -> step policy")
policies = autoscaling.describe_scaling_policies(ServiceNamespace="sagemaker",
                                                 ResourceId=RESOURCE_ID)["ScalingPolicies"]
print("policies on the variant:", sorted(p["PolicyType"] for p in policies))
assert alarm["AlarmActions"] == [step["PolicyARN"]]
assert len(policies) == 2, "one variant can carry several policies; the largest capacity wins"
# --8<-- [end:step_scaling]

# --8<-- [start:cleanup]
# Clean-up: remove the policies, the alarm, the scalable target and the endpoint
for p in policies:
    autoscaling.delete_scaling_policy(PolicyName=p["PolicyName"], ServiceNamespace="sagemaker",
                                      ResourceId=RESOURCE_ID, ScalableDimension=DIMENSION)
cloudwatch.delete_alarms(AlarmNames=["mlsguide-churn-cpu-high"])
autoscaling.deregister_scalable_target(ServiceNamespace="sagemaker", ResourceId=RESOURCE_ID,
                                       ScalableDimension=DIMENSION)
sm.delete_endpoint(EndpointName=ENDPOINT)
sm.delete_endpoint_config(EndpointConfigName="mlsguide-churn-config")
sm.delete_model(ModelName="mlsguide-churn-model")
print("endpoints left:", [e["EndpointName"] for e in sm.list_endpoints()["Endpoints"]])
# --8<-- [end:cleanup]
