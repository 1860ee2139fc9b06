"""Online evaluation on SageMaker AI: an A/B test with two production variants.

Creates two SageMaker models (a champion and a challenger), one endpoint configuration that
splits traffic 90/10 between them and an endpoint; shifts the split to 50/50 with
`update_endpoint_weights_and_capacities` (no new endpoint configuration needed); sends a request
to one named variant with `TargetVariant`; checks a shadow-test request against the API model;
and deletes everything it created.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account. For a live run, also set MLSGUIDE_SAGEMAKER_ROLE_ARN to an execution role SageMaker AI
can assume, and change IMAGE and MODEL_DATA to a container image and two model artifacts of your
own: endpoints bill per instance-hour while they exist, and the last section deletes them.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:create]
import os

import boto3

sm = boto3.client("sagemaker")
ROLE_ARN = os.environ.get(
    "MLSGUIDE_SAGEMAKER_ROLE_ARN", "arn:aws:iam::123456789012:role/mlsguide-sagemaker"
)
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
MODEL_DATA = {
    "champion": "s3://mlsguide-models/churn/v1/model.tar.gz",
    "challenger": "s3://mlsguide-models/churn/v2/model.tar.gz",
}
ENDPOINT = "mlsguide-churn"

for variant, artifact in MODEL_DATA.items():
    sm.create_model(
        ModelName=f"mlsguide-churn-{variant}",
        ExecutionRoleArn=ROLE_ARN,
        PrimaryContainer={"Image": IMAGE, "ModelDataUrl": artifact},
    )

sm.create_endpoint_config(
    EndpointConfigName="mlsguide-churn-ab",
    ProductionVariants=[
        {
            "VariantName": variant,
            "ModelName": f"mlsguide-churn-{variant}",
            "InstanceType": "ml.m5.xlarge",
            "InitialInstanceCount": 1,
            "InitialVariantWeight": weight,  # share = weight / sum of all weights
        }
        for variant, weight in (("champion", 9.0), ("challenger", 1.0))
    ],
)
sm.create_endpoint(EndpointName=ENDPOINT, EndpointConfigName="mlsguide-churn-ab")
sm.get_waiter("endpoint_in_service").wait(EndpointName=ENDPOINT)


def print_variants(endpoint_name):
    """Print each variant's weight and traffic share; return the shares."""
    described = sm.describe_endpoint(EndpointName=endpoint_name)
    variants = described["ProductionVariants"]
    total = sum(v["CurrentWeight"] for v in variants)
    print(f"{endpoint_name}: {described['EndpointStatus']}")
    for v in variants:
        print(f"  {v['VariantName']:11s} weight {v['CurrentWeight']:4.1f}  "
              f"-> {v['CurrentWeight'] / total:4.0%} of requests")
    return {v["VariantName"]: v["CurrentWeight"] / total for v in variants}


shares = print_variants(ENDPOINT)
assert shares == {"champion": 0.9, "challenger": 0.1}, "9 and 1 give 90/10"
# --8<-- [end:create]

# --8<-- [start:shift]
sm.update_endpoint_weights_and_capacities(
    EndpointName=ENDPOINT,
    DesiredWeightsAndCapacities=[
        {"VariantName": "champion", "DesiredWeight": 1.0},
        {"VariantName": "challenger", "DesiredWeight": 1.0},
    ],
)
sm.get_waiter("endpoint_in_service").wait(EndpointName=ENDPOINT)
shares = print_variants(ENDPOINT)
assert shares == {"champion": 0.5, "challenger": 0.5}, "now equal weights"
# --8<-- [end:shift]

# --8<-- [start:invoke]
from mlsguide import aws

runtime = boto3.client("sagemaker-runtime")
response = runtime.invoke_endpoint(
    EndpointName=ENDPOINT,
    TargetVariant="challenger",  # bypass the weights: this request goes to the challenger
    ContentType="text/csv",
    Body=b"34,2,0,79.5,1",
)
invoked = response["InvokedProductionVariant"]
print("InvokedProductionVariant:", invoked)
print("Body:", response["Body"].read()[:60])
if not aws.live():
    print("(both are moto's fixed stand-ins: the emulator runs no model; AWS would")
    print(" return the challenger's prediction and name 'challenger' as the variant)")

# AWS names the variant that answered; the emulator returns a fixed stand-in.
expected = "challenger" if aws.live() else "invoked_production_variant"
assert invoked == expected, f"expected {expected!r}"
# --8<-- [end:invoke]

# --8<-- [start:shadow]
from botocore.exceptions import ParamValidationError
from botocore.validate import validate_parameters

shadow_test = {
    "Name": "mlsguide-churn-shadow",
    "Type": "ShadowMode",
    "RoleArn": ROLE_ARN,
    "EndpointName": ENDPOINT,
    "ModelVariants": [
        {
            "ModelName": f"mlsguide-churn-{variant}",
            "VariantName": variant,
            "InfrastructureConfig": {
                "InfrastructureType": "RealTimeInference",
                "RealTimeInferenceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1},
            },
        }
        for variant in ("champion", "challenger")
    ],
    "ShadowModeConfig": {
        "SourceModelVariantName": "champion",  # answers every caller
        "ShadowModelVariants": [
            {"ShadowModelVariantName": "challenger", "SamplingPercentage": 50}
        ],
    },
}
operation = sm.meta.service_model.operation_model("CreateInferenceExperiment")
validate_parameters(shadow_test, operation.input_shape)  # raises if the request is malformed
print(f"{operation.name} request is well-formed for the SageMaker API")
without_shadow = {k: v for k, v in shadow_test.items() if k != "ShadowModeConfig"}
problem = "none"
try:
    validate_parameters(without_shadow, operation.input_shape)
except ParamValidationError as error:
    problem = str(error).splitlines()[-1].strip()
print("without ShadowModeConfig:", problem)
assert "ShadowModeConfig" in problem, "a shadow test needs its ShadowModeConfig"
# --8<-- [end:shadow]

# --8<-- [start:cleanup]
# Clean-up: delete the endpoint, its configuration and both models
sm.delete_endpoint(EndpointName=ENDPOINT)
sm.delete_endpoint_config(EndpointConfigName="mlsguide-churn-ab")
for variant in MODEL_DATA:
    sm.delete_model(ModelName=f"mlsguide-churn-{variant}")
left = sm.list_endpoints(NameContains="mlsguide-churn")["Endpoints"]
print("endpoints left:", [e["EndpointName"] for e in left])
# --8<-- [end:cleanup]
