"""Hundreds of small models on one endpoint: a SageMaker AI multi-model endpoint.

A multi-model endpoint serves every model artifact under one S3 prefix from a shared fleet;
each request names its model with `TargetModel`, and SageMaker AI loads a model into memory on
its first request and unloads the least used when memory runs short. This file compares the
instance count of one endpoint per model with one shared endpoint, creates the multi-model
endpoint and calls two of its models. The emulator (moto) answers `InvokeEndpoint` with a
canned body; a real endpoint returns the model's prediction.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account with MLSGUIDE_SAGEMAKER_ROLE_ARN, MLSGUIDE_MODEL_IMAGE (an image that supports
multi-model hosting) and MLSGUIDE_MODEL_PREFIX (an S3 prefix holding model.tar.gz files).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:sizing]
import math

stores, model_mb = 300, 180           # one demand model per store, 180 MB each in memory
busy_share = 0.15                     # about 15% of the stores send requests in any hour
instance_memory_mb = 16_000 * 0.75    # an ml.m5.xlarge, keeping a quarter for the server
single = stores * 2                   # one endpoint per model, two instances each for the AZs
hot_models = math.ceil(stores * busy_share)
shared = max(2, math.ceil(hot_models * model_mb / instance_memory_mb))
print(f"one endpoint per model: {single} instances")
print(f"one multi-model endpoint: {hot_models} models hot at a time -> {shared} instances")
print("  (a cold model loads from S3 on its first request)")
assert shared == 2 and single == 600
# --8<-- [end:sizing]

# --8<-- [start:endpoint]
import os

import boto3

sm = boto3.client("sagemaker")
runtime = boto3.client("sagemaker-runtime")
PREFIX = os.environ.get("MLSGUIDE_MODEL_PREFIX", "s3://mlsguide-models/store-demand/")
sm.create_model(
    ModelName="mlsguide-store-demand",
    ExecutionRoleArn=os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                                    "arn:aws:iam::123456789012:role/mlsguide-sagemaker"),
    PrimaryContainer={
        "Image": os.environ.get("MLSGUIDE_MODEL_IMAGE", "683313688378.dkr.ecr.us-east-1"
                                ".amazonaws.com/sagemaker-xgboost:1.7-1"),
        "Mode": "MultiModel",     # the container serves many artifacts
        "ModelDataUrl": PREFIX,   # a prefix, not one model.tar.gz
    })
sm.create_endpoint_config(EndpointConfigName="mlsguide-store-demand", ProductionVariants=[{
    "VariantName": "AllTraffic", "ModelName": "mlsguide-store-demand",
    "InstanceType": "ml.m5.xlarge", "InitialInstanceCount": 2}])
sm.create_endpoint(EndpointName="mlsguide-store-demand", EndpointConfigName="mlsguide-store-demand")
for store in ("store-017", "store-243"):
    response = runtime.invoke_endpoint(
        EndpointName="mlsguide-store-demand", TargetModel=f"{store}.tar.gz",
        ContentType="text/csv", Body=b"5,1,0,23.5")
    print(f"{store}: HTTP {response['ResponseMetadata']['HTTPStatusCode']}, "
          f"body {response['Body'].read()!r} (canned by the emulator)")
container = sm.describe_model(ModelName="mlsguide-store-demand")["PrimaryContainer"]
assert container["Mode"] == "MultiModel" and container["ModelDataUrl"].endswith("/")
# --8<-- [end:endpoint]

# --8<-- [start:cleanup]
# Clean-up: delete the endpoint, its configuration and the model
sm.delete_endpoint(EndpointName="mlsguide-store-demand")
sm.delete_endpoint_config(EndpointConfigName="mlsguide-store-demand")
sm.delete_model(ModelName="mlsguide-store-demand")
print("endpoints left:", len(sm.list_endpoints()["Endpoints"]))
# --8<-- [end:cleanup]
