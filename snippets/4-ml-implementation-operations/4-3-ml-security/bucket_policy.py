"""A training-data bucket that refuses plain HTTP and uploads without SSE-KMS.

The bucket policy has two Deny statements: any request whose `aws:SecureTransport` is false, and
any `PutObject` whose `s3:x-amz-server-side-encryption` header is not `aws:kms`. Both policies
here (the key policy and the bucket policy) are linted by parliament before they are attached.
The emulator (moto) applies a bucket policy's Deny statements to object requests but skips their
conditions, so it refuses every request, compliant or not. The file therefore captures each
request botocore really sends (its scheme and headers), shows moto's answer, and evaluates the
bucket policy's Deny statements against the same request with IAM's condition rules, which is
what S3 does before it answers. S3 also encrypts every new object by default; the first section
sets SSE-KMS as the bucket's default, before the bucket policy is attached.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_BUCKET set to a new bucket name of your own (there, S3 itself refuses the
denied requests with 403 AccessDenied, and the KMS key is scheduled for deletion at the end).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, a customer managed KMS key with a linted key policy, and the bucket
import json
import os
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

import boto3
from botocore.exceptions import ClientError
from mlsguide import aws
from mlsguide.policies import checked

s3, kms = boto3.client("s3"), boto3.client("kms")
ACCOUNT = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-churn-secure")
key_policy = {
    "Version": "2012-10-17",
    "Statement": [{"Sid": "AccountAdministersAndUsesTheKey", "Effect": "Allow",
                   "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                   "Action": "kms:*", "Resource": "*"}],
}
key = kms.create_key(Description="mlsguide training data",
                     Policy=checked(key_policy, name="key", kind="key"))["KeyMetadata"]
KEY_ARN = key["Arn"]
s3.create_bucket(Bucket=BUCKET)
# --8<-- [end:setup]

# --8<-- [start:default_encryption]
s3.put_bucket_encryption(Bucket=BUCKET, ServerSideEncryptionConfiguration={"Rules": [{
    "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": KEY_ARN},
    "BucketKeyEnabled": True,   # an S3 Bucket Key: far fewer calls to KMS, so lower KMS cost
}]})
rule = s3.get_bucket_encryption(Bucket=BUCKET)["ServerSideEncryptionConfiguration"]["Rules"][0]
print("default encryption:", rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"],
      "with bucket key:", rule["BucketKeyEnabled"])
s3.put_object(Bucket=BUCKET, Key="train/part-0.csv", Body=b"tenure,plan,churned\n")   # no header
head = s3.head_object(Bucket=BUCKET, Key="train/part-0.csv")
print("an upload without an encryption header is stored as:", head["ServerSideEncryption"])
assert head["ServerSideEncryption"] == "aws:kms" and head["SSEKMSKeyId"] == KEY_ARN
# --8<-- [end:default_encryption]

# --8<-- [start:policy]
bucket_policy = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": [f"arn:aws:s3:::{BUCKET}", f"arn:aws:s3:::{BUCKET}/*"],
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
        {"Sid": "DenyUploadsWithoutSseKms", "Effect": "Deny", "Principal": "*",
         "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::{BUCKET}/*",
         "Condition": {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}},
    ],
}
s3.put_bucket_policy(Bucket=BUCKET, Policy=checked(bucket_policy, name="bucket", kind="bucket"))
stored = json.loads(s3.get_bucket_policy(Bucket=BUCKET)["Policy"])
print("bucket policy statements:", [s["Sid"] for s in stored["Statement"]])
assert stored == bucket_policy
# --8<-- [end:policy]

# --8<-- [start:evaluate]
def condition_holds(operator, key, expected, context):
    """One condition of a statement, with IAM's rule for keys the request does not carry."""
    present = key in context
    if operator == "Bool":
        return present and context[key] == str(expected).lower()
    if operator == "StringNotEquals":   # a negated operator is true when the key is absent
        return not present or context[key] != expected
    if operator == "Null":
        return (not present) == (str(expected).lower() == "true")
    raise ValueError(f"operator {operator} is not handled by this example")


def denied_by(policy, action, resource, context):
    """The Sid of the first Deny statement that matches the request, or None."""
    def as_list(value):
        return value if isinstance(value, list) else [value]

    for statement in policy["Statement"]:
        if (statement["Effect"] == "Deny"
                and any(fnmatchcase(action, a) for a in as_list(statement["Action"]))
                and any(fnmatchcase(resource, r) for r in as_list(statement["Resource"]))
                and all(condition_holds(op, key, value, context)
                        for op, pairs in statement.get("Condition", {}).items()
                        for key, value in pairs.items())):
            return statement["Sid"]
    return None


sent = []
def capture(request, event_name, **kwargs):   # botocore calls this with each request it sends
    url = urlsplit(request.url)
    context = {"aws:SecureTransport": str(url.scheme == "https").lower()}
    if "x-amz-server-side-encryption" in request.headers:
        header = request.headers["x-amz-server-side-encryption"]
        text = header.decode() if isinstance(header, bytes) else header
        context["s3:x-amz-server-side-encryption"] = text
    sent.append(("s3:" + event_name.rsplit(".", 1)[-1], url.scheme, context))


https = boto3.client("s3")
http = boto3.client("s3", use_ssl=False)   # the same API over plain HTTP
for client in (https, http):
    client.meta.events.register("before-send.s3.*", capture)

requests = [
    ("GET over HTTP", http.get_object, {"Key": "train/part-0.csv"}),
    ("PUT, no encryption header", https.put_object, {"Key": "train/part-0.csv", "Body": b"x"}),
    ("PUT, SSE-S3 (AES256)", https.put_object,
     {"Key": "train/part-0.csv", "Body": b"x", "ServerSideEncryption": "AES256"}),
    ("PUT, SSE-KMS", https.put_object, {"Key": "train/part-0.csv", "Body": b"x",
                                        "ServerSideEncryption": "aws:kms", "SSEKMSKeyId": KEY_ARN}),
    ("GET over HTTPS", https.get_object, {"Key": "train/part-0.csv"}),
]
decisions, answers = [], []
for label, call, params in requests:
    try:
        call(Bucket=BUCKET, **params)
        answer = "200 OK"
    except ClientError as error:
        answer = error.response["Error"]["Code"]
    action, scheme, context = sent[-1]
    deny = denied_by(bucket_policy, action, f"arn:aws:s3:::{BUCKET}/{params['Key']}", context)
    decisions.append(deny)
    answers.append(answer)
    print(f"{label:<27} {scheme:<5} answer: {answer:<7} bucket policy: {deny or 'not denied'}")
assert decisions == ["DenyInsecureTransport", "DenyUploadsWithoutSseKms",
                     "DenyUploadsWithoutSseKms", None, None], decisions
assert "200 OK" not in answers[:3], answers   # S3 and the emulator both refuse the first three
assert aws.live() or answers == ["403"] * 5, answers   # moto applies the Denies without conditions
# --8<-- [end:evaluate]


# --8<-- [start:cleanup]
# Clean-up: remove the policy, empty and delete the bucket, schedule the key's deletion (7 days minimum)
s3.delete_bucket_policy(Bucket=BUCKET)
for item in s3.list_object_versions(Bucket=BUCKET).get("Versions", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"], VersionId=item["VersionId"])
s3.delete_bucket(Bucket=BUCKET)
kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)
print("bucket deleted; key", kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]["KeyState"])
# --8<-- [end:cleanup]
