"""The requests behind three inference options: serverless, asynchronous and batch transform.

One model, three ways to serve it: an endpoint configuration with `ServerlessConfig` (memory and
concurrency instead of instances), one with `AsyncInferenceConfig` (an S3 output path and SNS
topics) called with `InvokeEndpointAsync`, and a batch transform job that scores a whole S3
prefix. Runs against the moto emulator by default, which accepts every call and answers with
placeholders (a made-up output location, a job that completes at once); set
MLSGUIDE_LIVE_AWS=1 to run it against your own account with MLSGUIDE_SAGEMAKER_ROLE_ARN, and
MLSGUIDE_BUCKET naming a new bucket.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a bucket with a CSV file to score, an SNS topic and the model
import os

import boto3

s3, sm, sns = boto3.client("s3"), boto3.client("sagemaker"), boto3.client("sns")
runtime = boto3.client("sagemaker-runtime")
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-inference-demo")
s3.create_bucket(Bucket=BUCKET)
s3.put_object(Bucket=BUCKET, Key="to-score/customers.csv", Body=b"0.5,1.0,2.0\n2.0,-0.3,-1.0\n")
topic = sns.create_topic(Name="mlsguide-async-results")["TopicArn"]
sm.create_model(
    ModelName="mlsguide-churn",
    ExecutionRoleArn=os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                                    "arn:aws:iam::123456789012:role/mlsguide-sagemaker"),
    PrimaryContainer={"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                      "ModelDataUrl": f"s3://{BUCKET}/model/model.tar.gz"})
# --8<-- [end:setup]

# --8<-- [start:serverless]
sm.create_endpoint_config(EndpointConfigName="mlsguide-churn-serverless", ProductionVariants=[{
    "VariantName": "AllTraffic", "ModelName": "mlsguide-churn",
    "ServerlessConfig": {"MemorySizeInMB": 2048, "MaxConcurrency": 10}}])   # no instance type
variant = sm.describe_endpoint_config(
    EndpointConfigName="mlsguide-churn-serverless")["ProductionVariants"][0]
print("serverless variant:", variant["ServerlessConfig"], "instance type:",
      variant.get("InstanceType", "none"))
assert "InstanceType" not in variant
# --8<-- [end:serverless]

# --8<-- [start:asynchronous]
from mlsguide import aws

sm.create_endpoint_config(
    EndpointConfigName="mlsguide-churn-async",
    ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "mlsguide-churn",
                         "InstanceType": "ml.m5.xlarge", "InitialInstanceCount": 1}],
    AsyncInferenceConfig={
        "OutputConfig": {"S3OutputPath": f"s3://{BUCKET}/async-out/",
                         "S3FailurePath": f"s3://{BUCKET}/async-failed/",
                         "NotificationConfig": {"SuccessTopic": topic, "ErrorTopic": topic}},
        "ClientConfig": {"MaxConcurrentInvocationsPerInstance": 4}})
sm.create_endpoint(EndpointName="mlsguide-churn-async", EndpointConfigName="mlsguide-churn-async")
if aws.live():
    sm.get_waiter("endpoint_in_service").wait(EndpointName="mlsguide-churn-async")
accepted = runtime.invoke_endpoint_async(
    EndpointName="mlsguide-churn-async", ContentType="text/csv",
    InputLocation=f"s3://{BUCKET}/to-score/customers.csv",
    InvocationTimeoutSeconds=1800)                        # up to 3,600 seconds per request
print("InvokeEndpointAsync: HTTP", accepted["ResponseMetadata"]["HTTPStatusCode"],
      "| the answer will be written to an object named",
      accepted["OutputLocation"].rsplit("/", 1)[1])
assert accepted["OutputLocation"].startswith("s3://") and "InferenceId" in accepted
# --8<-- [end:asynchronous]

# --8<-- [start:batch]
sm.create_transform_job(
    TransformJobName="mlsguide-churn-nightly", ModelName="mlsguide-churn",
    BatchStrategy="MultiRecord", MaxPayloadInMB=6,       # records per request, up to 6 MB
    TransformInput={"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                                                    "S3Uri": f"s3://{BUCKET}/to-score/"}},
                    "ContentType": "text/csv", "SplitType": "Line"},
    TransformOutput={"S3OutputPath": f"s3://{BUCKET}/scores/", "AssembleWith": "Line"},
    TransformResources={"InstanceType": "ml.m5.xlarge", "InstanceCount": 2},
    DataProcessing={"JoinSource": "Input"})              # each score next to its input row
job = sm.describe_transform_job(TransformJobName="mlsguide-churn-nightly")
print("transform job:", job["TransformJobStatus"], "| output to",
      job["TransformOutput"]["S3OutputPath"].split("/", 3)[3],
      "| join:", job["DataProcessing"]["JoinSource"])
# --8<-- [end:batch]

# --8<-- [start:cleanup]
# Clean-up: the endpoint, the configurations, the model, the topic and the bucket
sm.delete_endpoint(EndpointName="mlsguide-churn-async")
for config in ("mlsguide-churn-serverless", "mlsguide-churn-async"):
    sm.delete_endpoint_config(EndpointConfigName=config)
sm.delete_model(ModelName="mlsguide-churn")
sns.delete_topic(TopicArn=topic)
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("endpoints left:", len(sm.list_endpoints()["Endpoints"]))
# --8<-- [end:cleanup]
