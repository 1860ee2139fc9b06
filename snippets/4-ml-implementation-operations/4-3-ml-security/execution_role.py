"""A SageMaker AI execution role, and its least-privilege policy enforced on real requests.

The role trusts only the SageMaker AI service; its permissions policy (linted by parliament before
it is attached) reads one prefix of the training bucket and writes another. A probe role with the
same permissions, which the caller may assume, stands in for the training job: inside moto's IAM
simulation (`enable_iam_authentication`) its credentials may read `train/` but are refused on the
hold-out labels and on writes to `train/`, as AWS refuses them.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_BUCKET set to a new bucket name of your own. There the caller needs
permission to create roles and to assume the probe role; new roles can take a few seconds to
become usable.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, and a bucket with training data and hold-out labels
import os

import boto3
from botocore.exceptions import ClientError
from mlsguide.policies import checked
from moto.core import enable_iam_authentication

iam, s3, sts = boto3.client("iam"), boto3.client("s3"), boto3.client("sts")
ACCOUNT = sts.get_caller_identity()["Account"]
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-churn-data")
s3.create_bucket(Bucket=BUCKET)
s3.put_object(Bucket=BUCKET, Key="train/part-0.csv", Body=b"tenure,plan,churned\n12,basic,0\n")
s3.put_object(Bucket=BUCKET, Key="holdout/labels.csv", Body=b"customer,churned\n881,1\n")
# --8<-- [end:setup]

# --8<-- [start:role]
trust_sagemaker = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"},
                   "Action": "sts:AssumeRole"}],
}
permissions = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "ReadTrainingData", "Effect": "Allow", "Action": "s3:GetObject",
         "Resource": f"arn:aws:s3:::{BUCKET}/train/*"},
        {"Sid": "WriteModelArtifacts", "Effect": "Allow", "Action": "s3:PutObject",
         "Resource": f"arn:aws:s3:::{BUCKET}/models/*"},
    ],
}
role = iam.create_role(
    RoleName="mlsguide-churn-training",
    AssumeRolePolicyDocument=checked(trust_sagemaker, name="trust", kind="trust"),
)["Role"]
iam.put_role_policy(RoleName="mlsguide-churn-training", PolicyName="least-privilege",
                    PolicyDocument=checked(permissions, name="permissions"))
trusted = role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]
print(role["Arn"], "is assumed by", trusted)
print("inline policies:", iam.list_role_policies(RoleName="mlsguide-churn-training")["PolicyNames"])
assert trusted == {"Service": "sagemaker.amazonaws.com"}
# --8<-- [end:role]

# --8<-- [start:enforced]
trust_me = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                   "Action": "sts:AssumeRole"}],
}
probe = iam.create_role(RoleName="mlsguide-churn-probe",
                        AssumeRolePolicyDocument=checked(trust_me, name="probe", kind="trust"))
iam.put_role_policy(RoleName="mlsguide-churn-probe", PolicyName="least-privilege",
                    PolicyDocument=checked(permissions, name="permissions"))
creds = sts.assume_role(RoleArn=probe["Role"]["Arn"], RoleSessionName="probe")["Credentials"]
as_job = boto3.client("s3", aws_access_key_id=creds["AccessKeyId"],
                      aws_secret_access_key=creds["SecretAccessKey"],
                      aws_session_token=creds["SessionToken"])


def attempt(description, call, **request):
    try:
        call(Bucket=BUCKET, **request)
        outcome = "allowed"
    except ClientError as error:
        outcome = error.response["Error"]["Code"]
    print(f"{description:<34} {outcome}")
    return outcome


with enable_iam_authentication():   # moto checks IAM policies only inside this block; AWS always does
    outcomes = [
        attempt("read train/part-0.csv", as_job.get_object, Key="train/part-0.csv"),
        attempt("read holdout/labels.csv", as_job.get_object, Key="holdout/labels.csv"),
        attempt("write train/part-1.csv", as_job.put_object, Key="train/part-1.csv", Body=b""),
        attempt("write models/model.tar.gz", as_job.put_object, Key="models/model.tar.gz", Body=b""),
    ]
assert outcomes == ["allowed", "AccessDenied", "AccessDenied", "allowed"], outcomes
# --8<-- [end:enforced]

# --8<-- [start:cleanup]
# Clean-up: delete both roles, then empty and delete the bucket
for name in ("mlsguide-churn-training", "mlsguide-churn-probe"):
    iam.delete_role_policy(RoleName=name, PolicyName="least-privilege")
    iam.delete_role(RoleName=name)
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("roles left:", [r["RoleName"] for r in iam.list_roles()["Roles"] if "mlsguide" in r["RoleName"]])
# --8<-- [end:cleanup]
