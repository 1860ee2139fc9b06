"""Least privilege, checked by a linter: parliament on a SageMaker AI execution role's policy.

A least-privilege permissions policy for a training job's execution role passes the lint with no
findings; a deliberately over-broad policy (`s3:*` and `iam:PassRole` on every resource) is caught;
and two classic mistakes (a misspelt action, an object action on a bucket ARN) are caught too.
Parliament runs offline against the IAM service reference it ships with, so this file needs no
AWS account and makes no AWS call.

Run it with `.venv/bin/python` from the repository root.
"""

# --8<-- [start:least_privilege]
from mlsguide.policies import checked, findings

ACCOUNT, REGION = "123456789012", "us-east-1"
BUCKET = "arn:aws:s3:::mlsguide-churn-data"
KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"

training_role_policy = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "ReadTrainingData", "Effect": "Allow",
         "Action": "s3:GetObject", "Resource": f"{BUCKET}/train/*"},
        {"Sid": "ListTrainingPrefix", "Effect": "Allow",
         "Action": "s3:ListBucket", "Resource": BUCKET,
         "Condition": {"StringLike": {"s3:prefix": ["train/*"]}}},
        {"Sid": "WriteModelArtifacts", "Effect": "Allow",
         "Action": "s3:PutObject", "Resource": f"{BUCKET}/models/*"},
        {"Sid": "UseTheDataKey", "Effect": "Allow",
         "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": KEY},
        {"Sid": "PullTheTrainingImage", "Effect": "Allow",
         "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
         "Resource": f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/churn-training"},
        {"Sid": "WriteTrainingLogs", "Effect": "Allow",
         "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
         "Resource": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/sagemaker/TrainingJobs:*"},
    ],
}
print("least-privilege training role:", findings(training_role_policy) or "no findings")
assert findings(training_role_policy) == []
policy_json = checked(training_role_policy, name="training-role")
print(f"{len(training_role_policy['Statement'])} statements, {len(policy_json)} characters of JSON")
# --8<-- [end:least_privilege]

# --8<-- [start:over_broad]
too_broad = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["s3:*", "iam:PassRole"], "Resource": "*"}],
}
for issue, severity, detail in findings(too_broad):
    print(f"{issue} [{severity}]: {detail}")
assert [issue for issue, _, _ in findings(too_broad)] == ["RESOURCE_STAR"]
assert "e.g. iam:PassRole" in findings(too_broad)[0][2]
try:
    checked(too_broad, name="too-broad")
except ValueError as error:
    print("refused:", str(error)[:70], "...")
else:
    raise AssertionError("the over-broad policy passed the lint")
# --8<-- [end:over_broad]

# --8<-- [start:mistakes]
mistakes = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObjects", "Resource": f"{BUCKET}/train/*"},
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": BUCKET},
    ],
}
for issue, severity, detail in findings(mistakes):
    print(f"{issue} [{severity}]: {detail}")
issues = {issue for issue, _, _ in findings(mistakes)}
assert issues == {"UNKNOWN_ACTION", "RESOURCE_MISMATCH"}, issues
# --8<-- [end:mistakes]
