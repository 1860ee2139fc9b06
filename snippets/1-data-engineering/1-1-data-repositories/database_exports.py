"""Three ways to copy operational databases into S3 for ML: RDS snapshot export, DMS and DynamoDB.

Starts an export of an RDS snapshot to S3 as Parquet, defines an AWS DMS task that copies a
table to S3 as Parquet and keeps replicating changes, and exports a DynamoDB table to S3 from its
point-in-time recovery backups. Deletes what it created at the end.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (the RDS and DMS parts then start billable resources: read them before you do).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: the export bucket, a KMS key, a role for the exports and a small RDS instance
import json

import boto3

s3 = boto3.client("s3")
iam = boto3.client("iam")
kms = boto3.client("kms")
rds = boto3.client("rds")
region = s3.meta.region_name
account = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = f"mlsguide-exports-{account}-{region}"
if region == "us-east-1":
    s3.create_bucket(Bucket=BUCKET)
else:
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": region})
key = kms.create_key(Description="mlsguide export key")["KeyMetadata"]
key_arn = key["Arn"]

trust = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": ["export.rds.amazonaws.com", "dms.amazonaws.com"]},
            "Action": "sts:AssumeRole",
        }
    ],
}
role_arn = iam.create_role(
    RoleName="mlsguide-export", AssumeRolePolicyDocument=json.dumps(trust)
)["Role"]["Arn"]
rds.create_db_instance(
    DBInstanceIdentifier="mlsguide-orders",
    Engine="postgres",
    DBInstanceClass="db.t3.micro",
    AllocatedStorage=20,
    MasterUsername="mlsguide",
    MasterUserPassword="not-a-real-password-1",  # pragma: allowlist secret (emulator only)
)
rds.create_db_snapshot(
    DBInstanceIdentifier="mlsguide-orders", DBSnapshotIdentifier="mlsguide-orders-nightly"
)
print("created the bucket, the key, the role, an RDS instance and its snapshot")
# --8<-- [end:setup]

# --8<-- [start:snapshot_export]
snapshot = rds.describe_db_snapshots(DBSnapshotIdentifier="mlsguide-orders-nightly")
snapshot_arn = snapshot["DBSnapshots"][0]["DBSnapshotArn"]
task = rds.start_export_task(
    ExportTaskIdentifier="mlsguide-orders-export",
    SourceArn=snapshot_arn,
    S3BucketName=BUCKET,
    S3Prefix="rds-exports",
    IamRoleArn=role_arn,
    KmsKeyId=key_arn,  # exports are always encrypted with a KMS key
    ExportOnly=["orders.public.orders"],  # database.schema.table; omit to export everything
)
print("export task:", task["ExportTaskIdentifier"], "status", task["Status"])
print("writes to:  ", f"s3://<bucket>/{task['S3Prefix']}/{task['ExportTaskIdentifier']}/")
print("tables:     ", task["ExportOnly"])
assert task["Status"].upper() in {"STARTING", "IN_PROGRESS", "COMPLETE"}
# --8<-- [end:snapshot_export]

# --8<-- [start:dms]
dms = boto3.client("dms")
source = dms.create_endpoint(
    EndpointIdentifier="mlsguide-orders-source",
    EndpointType="source",
    EngineName="postgres",
    ServerName="orders.example.internal",
    Port=5432,
    DatabaseName="orders",
    Username="dms_reader",
    Password="not-a-real-password-2",  # pragma: allowlist secret (emulator only)
)["Endpoint"]
target = dms.create_endpoint(
    EndpointIdentifier="mlsguide-lake-target",
    EndpointType="target",
    EngineName="s3",
    S3Settings={
        "BucketName": BUCKET,
        "BucketFolder": "dms",
        "ServiceAccessRoleArn": role_arn,
        "DataFormat": "parquet",  # the default is csv
        "ParquetVersion": "parquet-2-0",
        "DatePartitionEnabled": True,  # folders by commit date for the change records
    },
)["Endpoint"]
table_mappings = {
    "rules": [
        {
            "rule-type": "selection",
            "rule-id": "1",
            "rule-name": "orders-only",
            "object-locator": {"schema-name": "public", "table-name": "orders"},
            "rule-action": "include",
        }
    ]
}
replication = dms.create_replication_task(
    ReplicationTaskIdentifier="mlsguide-orders-to-s3",
    SourceEndpointArn=source["EndpointArn"],
    TargetEndpointArn=target["EndpointArn"],
    ReplicationInstanceArn=f"arn:aws:dms:{region}:{account}:rep:mlsguide-instance",
    MigrationType="full-load-and-cdc",  # copy the table, then keep applying changes
    TableMappings=json.dumps(table_mappings),
)["ReplicationTask"]
print("source:   ", source["EngineName"], "->", "target:", target["EngineName"])
print("task:     ", replication["ReplicationTaskIdentifier"], replication["MigrationType"])
print("status:   ", replication["Status"])
assert replication["MigrationType"] == "full-load-and-cdc"
# --8<-- [end:dms]

# --8<-- [start:dynamodb_export]
dynamodb = boto3.client("dynamodb")
dynamodb.create_table(
    TableName="mlsguide-sessions",
    AttributeDefinitions=[{"AttributeName": "session_id", "AttributeType": "S"}],
    KeySchema=[{"AttributeName": "session_id", "KeyType": "HASH"}],
    BillingMode="PAY_PER_REQUEST",
)
for i in range(5):
    dynamodb.put_item(
        TableName="mlsguide-sessions",
        Item={"session_id": {"S": f"s{i:03d}"}, "clicks": {"N": str(3 * i + 1)}},
    )
# exports read the point-in-time recovery backups, so PITR must be on
dynamodb.update_continuous_backups(
    TableName="mlsguide-sessions",
    PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True},
)
table_arn = dynamodb.describe_table(TableName="mlsguide-sessions")["Table"]["TableArn"]
export = dynamodb.export_table_to_point_in_time(
    TableArn=table_arn,
    S3Bucket=BUCKET,
    S3Prefix="dynamodb",
    ExportFormat="DYNAMODB_JSON",  # or ION; no Parquet option
    ExportType="FULL_EXPORT",
)["ExportDescription"]
print("DynamoDB export:", export["ExportStatus"], export["ExportFormat"])
assert export["ExportFormat"] == "DYNAMODB_JSON"
# --8<-- [end:dynamodb_export]

# --8<-- [start:cleanup]
# Clean-up: delete the table, the DMS task and endpoints, the RDS resources, role, key and bucket
dynamodb.delete_table(TableName="mlsguide-sessions")
dms.delete_replication_task(ReplicationTaskArn=replication["ReplicationTaskArn"])
for endpoint in (source, target):
    dms.delete_endpoint(EndpointArn=endpoint["EndpointArn"])
rds.delete_db_snapshot(DBSnapshotIdentifier="mlsguide-orders-nightly")
rds.delete_db_instance(DBInstanceIdentifier="mlsguide-orders", SkipFinalSnapshot=True)
iam.delete_role(RoleName="mlsguide-export")
kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)
for obj in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("deleted every resource the example created")
# --8<-- [end:cleanup]
