"""SageMaker AI for features: BlazingText training requests and a Feature Store feature group.

Writes a small corpus in the two input formats of BlazingText (one sentence per line for Word2Vec,
a `__label__` prefix for text classification) to Amazon S3, submits a training job in each mode,
then creates a feature group with an online and an offline store and builds the PutRecord and
GetRecord requests that write and read one customer's features.

Runs against the moto emulator by default: the training jobs go straight to Completed without
running, and the feature-store runtime (PutRecord, GetRecord) is validated by botocore but not
sent, as moto does not implement it. With MLSGUIDE_LIVE_AWS=1 and MLSGUIDE_SAGEMAKER_ROLE_ARN set
the calls reach a real account (replace the bucket with your own; training is billed per second).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a bucket for the corpus, the model artefacts and the offline store, and the role
import os

import boto3
from mlsguide import aws

s3 = boto3.client("s3")
sm = boto3.client("sagemaker")
BUCKET = "mlsguide-features"
s3.create_bucket(Bucket=BUCKET)
ROLE_ARN = os.environ.get("MLSGUIDE_SAGEMAKER_ROLE_ARN",
                          "arn:aws:iam::123456789012:role/mlsguide-sagemaker")
print("bucket ready:", BUCKET)
# --8<-- [end:setup]

# --8<-- [start:blazingtext_data]
reviews = [("positive", "battery lasts two days and charges fast"),
           ("negative", "screen cracked after one week"),
           ("positive", "fast delivery and the screen is bright"),
           ("negative", "battery drains fast and support never answered")]
word2vec_lines = [text for _, text in reviews]  # unsupervised: sentences only
supervised_lines = [f"__label__{label} {text}" for label, text in reviews]  # label first
s3.put_object(Bucket=BUCKET, Key="blazingtext/word2vec/corpus.txt",
              Body="\n".join(word2vec_lines).encode())
s3.put_object(Bucket=BUCKET, Key="blazingtext/supervised/train.txt",
              Body="\n".join(supervised_lines).encode())
print("Word2Vec line:      ", word2vec_lines[0])
print("classification line:", supervised_lines[0])
# --8<-- [end:blazingtext_data]

# --8<-- [start:blazingtext_jobs]
IMAGE = "811284229777.dkr.ecr.us-east-1.amazonaws.com/blazingtext:1"  # us-east-1 registry


def blazingtext_job(name, channel, hyperparameters, instance_type):
    """Submit one BlazingText training job reading one S3 prefix; return its status."""
    sm.create_training_job(
        TrainingJobName=name,
        AlgorithmSpecification={"TrainingImage": IMAGE, "TrainingInputMode": "File"},
        RoleArn=ROLE_ARN,
        HyperParameters=hyperparameters,  # a map of strings, as every SageMaker algorithm takes
        InputDataConfig=[{"ChannelName": "train", "ContentType": "text/plain", "DataSource": {
            "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://{BUCKET}/{channel}/",
                             "S3DataDistributionType": "FullyReplicated"}}}],
        OutputDataConfig={"S3OutputPath": f"s3://{BUCKET}/models/"},
        ResourceConfig={"InstanceType": instance_type, "InstanceCount": 1, "VolumeSizeInGB": 10},
        StoppingCondition={"MaxRuntimeInSeconds": 3_600},
    )
    return sm.describe_training_job(TrainingJobName=name)


word_vectors = blazingtext_job("mlsguide-bt-word2vec", "blazingtext/word2vec",
                               {"mode": "skipgram", "vector_dim": "100", "window_size": "5",
                                "min_count": "1"}, "ml.p3.2xlarge")
classifier = blazingtext_job("mlsguide-bt-classifier", "blazingtext/supervised",
                             {"mode": "supervised", "word_ngrams": "2", "epochs": "10"},
                             "ml.c5.xlarge")
for job in (word_vectors, classifier):
    print(f"{job['TrainingJobName']:24s} mode={job['HyperParameters']['mode']:10s} "
          f"status={job['TrainingJobStatus']}")
assert {word_vectors["HyperParameters"]["mode"], classifier["HyperParameters"]["mode"]} == \
    {"skipgram", "supervised"}
# --8<-- [end:blazingtext_jobs]

# --8<-- [start:feature_group]
GROUP = "mlsguide-customer-features"
sm.create_feature_group(
    FeatureGroupName=GROUP,
    RecordIdentifierFeatureName="customer_id",  # the key a model looks features up by
    EventTimeFeatureName="event_time",  # when these values became true
    FeatureDefinitions=[
        {"FeatureName": "customer_id", "FeatureType": "String"},
        {"FeatureName": "event_time", "FeatureType": "String"},
        {"FeatureName": "orders_30d", "FeatureType": "Integral"},
        {"FeatureName": "mean_basket_30d", "FeatureType": "Fractional"},
        {"FeatureName": "hour_sin", "FeatureType": "Fractional"},
    ],
    OnlineStoreConfig={"EnableOnlineStore": True},  # latest value per customer, millisecond reads
    OfflineStoreConfig={"S3StorageConfig": {"S3Uri": f"s3://{BUCKET}/offline-store/"}},  # history
    RoleArn=ROLE_ARN,
)
group = sm.describe_feature_group(FeatureGroupName=GROUP)
print(f"{group['FeatureGroupName']}: status {group['FeatureGroupStatus']}, "
      f"{len(group['FeatureDefinitions'])} features, key {group['RecordIdentifierFeatureName']}")
print("offline store in:", group["OfflineStoreConfig"]["S3StorageConfig"]["S3Uri"])
# moto keeps the offline-store settings only; AWS also returns {"EnableOnlineStore": True}.
print("online store:", group.get("OnlineStoreConfig", "not echoed by the emulator"))
assert group["OfflineStoreConfig"]["S3StorageConfig"]["S3Uri"].endswith("/offline-store/")
# --8<-- [end:feature_group]

# --8<-- [start:records]
from botocore.validate import validate_parameters

runtime = boto3.client("sagemaker-featurestore-runtime")
put_record = {"FeatureGroupName": GROUP, "Record": [
    {"FeatureName": "customer_id", "ValueAsString": "c-1042"},
    {"FeatureName": "event_time", "ValueAsString": "2026-03-06T23:40:00Z"},
    {"FeatureName": "orders_30d", "ValueAsString": "7"},  # every value travels as a string
    {"FeatureName": "mean_basket_30d", "ValueAsString": "41.80"},
    {"FeatureName": "hour_sin", "ValueAsString": "-0.259"},
]}
get_record = {"FeatureGroupName": GROUP, "RecordIdentifierValueAsString": "c-1042",
              "FeatureNames": ["orders_30d", "mean_basket_30d"]}
for operation_name, request in (("PutRecord", put_record), ("GetRecord", get_record)):
    operation = runtime.meta.service_model.operation_model(operation_name)
    validate_parameters(request, operation.input_shape)  # raises if the request is malformed
    print(f"{operation_name}: well-formed ({len(request.get('Record', []))} values)"
          if operation_name == "PutRecord" else f"{operation_name}: well-formed, key c-1042")
# --8<-- [end:records]

# --8<-- [start:cleanup]
# Clean-up: delete the objects and the bucket (moto has no DeleteFeatureGroup; on AWS call it too)
if aws.live():
    sm.delete_feature_group(FeatureGroupName=GROUP)
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("deleted bucket", BUCKET)
# --8<-- [end:cleanup]
