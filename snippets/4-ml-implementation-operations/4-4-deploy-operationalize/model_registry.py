"""Model versions in the SageMaker AI Model Registry: a group, versions, approval, deployment.

A model package group holds the versions of one model; each `CreateModelPackage` call adds the
next version with its container, artifact, metrics and an approval status. Approving a version
is the event a deployment pipeline waits for, and a model created from the version's ARN is
what gets deployed. Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it
against your own account with MLSGUIDE_SAGEMAKER_ROLE_ARN set.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:register]
import boto3

sm = boto3.client("sagemaker")
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
sm.create_model_package_group(ModelPackageGroupName="mlsguide-churn",
                              ModelPackageGroupDescription="Churn classifier, one per retrain")
for week, auc in (("2026-47", "0.861"), ("2026-48", "0.874")):
    sm.create_model_package(
        ModelPackageGroupName="mlsguide-churn",
        ModelPackageDescription=f"retrained on data to week {week}",
        ModelApprovalStatus="PendingManualApproval",   # the default for a new version
        InferenceSpecification={
            "Containers": [{"Image": IMAGE,
                            "ModelDataUrl": f"s3://mlsguide-models/churn/{week}/model.tar.gz"}],
            "SupportedContentTypes": ["text/csv"],
            "SupportedResponseMIMETypes": ["text/csv"]},
        CustomerMetadataProperties={"validation_auc": auc, "training_week": week})
versions = sm.list_model_packages(ModelPackageGroupName="mlsguide-churn",
                                  SortBy="CreationTime", SortOrder="Ascending")
for package in versions["ModelPackageSummaryList"]:
    print(f"version {package['ModelPackageVersion']}: {package['ModelApprovalStatus']}")
assert [p["ModelPackageVersion"] for p in versions["ModelPackageSummaryList"]] == [1, 2]
# --8<-- [end:register]

# --8<-- [start:approve]
import os

latest = versions["ModelPackageSummaryList"][-1]["ModelPackageArn"]
metadata = sm.describe_model_package(ModelPackageName=latest)["CustomerMetadataProperties"]
if float(metadata["validation_auc"]) >= 0.87:              # the review a person or a step makes
    sm.update_model_package(ModelPackageArn=latest, ModelApprovalStatus="Approved",
                            ApprovalDescription="AUC above the 0.87 bar on the holdout week")
approved = sm.describe_model_package(ModelPackageName=latest)
print(latest.split("/", 1)[1], "->", approved["ModelApprovalStatus"])
sm.create_model(   # a model built from the registered version, ready for an endpoint config
    ModelName="mlsguide-churn-v2",
    ExecutionRoleArn=os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                                    "arn:aws:iam::123456789012:role/mlsguide-sagemaker"),
    Containers=[{"ModelPackageName": latest}])
print("model created from", sm.describe_model(ModelName="mlsguide-churn-v2")
      ["Containers"][0]["ModelPackageName"].split("/", 1)[1])
print("approval states:", sm.meta.service_model.shape_for("ModelApprovalStatus").enum)
assert approved["ModelApprovalStatus"] == "Approved"
# --8<-- [end:approve]

# --8<-- [start:cleanup]
# Clean-up: delete the model, then the versions and their group (moto lacks the last two calls,
# so against the emulator botocore only validates those requests)
from botocore.validate import validate_parameters
from mlsguide import aws

sm.delete_model(ModelName="mlsguide-churn-v2")
deletions = [("delete_model_package", "DeleteModelPackage", {"ModelPackageName": p["ModelPackageArn"]})
             for p in versions["ModelPackageSummaryList"]]
deletions.append(("delete_model_package_group", "DeleteModelPackageGroup",
                  {"ModelPackageGroupName": "mlsguide-churn"}))
for method, operation, params in deletions:
    if aws.live():
        getattr(sm, method)(**params)
    else:
        validate_parameters(params, sm.meta.service_model.operation_model(operation).input_shape)
print(f"{len(deletions)} deletions sent or validated; models left:",
      len(sm.list_models()["Models"]))
# --8<-- [end:cleanup]
