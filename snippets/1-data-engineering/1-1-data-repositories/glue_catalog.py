"""A data lake on S3 registered in the AWS Glue Data Catalog, with a crawler and Lake Formation.

Uploads a small Hive-partitioned Parquet data set, creates a Glue database and a partitioned
table by hand, defines a crawler that would keep the table up to date, and grants a data
scientist's role SELECT on the table through Lake Formation. Deletes everything at the end.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a bucket with three days of Parquet files and a role for the crawler
import io
import json

import boto3
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from mlsguide import SEED

s3 = boto3.client("s3")
iam = boto3.client("iam")
region = s3.meta.region_name
account = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = f"mlsguide-lake-{account}-{region}"
if region == "us-east-1":
    s3.create_bucket(Bucket=BUCKET)
else:
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": region})

rng = np.random.default_rng(SEED)
for day in ["2026-03-01", "2026-03-02", "2026-03-03"]:
    frame = pd.DataFrame(
        {"customer_id": rng.integers(0, 500, 100), "amount": rng.gamma(2.0, 30.0, 100)}
    )
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buffer)
    s3.put_object(
        Bucket=BUCKET, Key=f"transactions/day={day}/part-0.parquet", Body=buffer.getvalue()
    )

trust = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ],
}
crawler_role = iam.create_role(
    RoleName="mlsguide-crawler", AssumeRolePolicyDocument=json.dumps(trust)
)["Role"]["Arn"]
read_lake = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": [f"arn:aws:s3:::{BUCKET}", f"arn:aws:s3:::{BUCKET}/transactions/*"],
        }
    ],
}
iam.put_role_policy(
    RoleName="mlsguide-crawler", PolicyName="read-lake", PolicyDocument=json.dumps(read_lake)
)
print("uploaded 3 daily partitions and created the crawler's role")
# --8<-- [end:setup]

# --8<-- [start:table]
glue = boto3.client("glue")
glue.create_database(
    DatabaseInput={"Name": "mlsguide_lake", "Description": "Card transactions for fraud models"}
)

parquet_storage = {
    "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    "SerdeInfo": {
        "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
    },
}
glue.create_table(
    DatabaseName="mlsguide_lake",
    TableInput={
        "Name": "transactions",
        "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": "parquet"},
        "PartitionKeys": [{"Name": "day", "Type": "string"}],
        "StorageDescriptor": {
            "Columns": [
                {"Name": "customer_id", "Type": "bigint"},
                {"Name": "amount", "Type": "double"},
            ],
            "Location": f"s3://{BUCKET}/transactions/",
            **parquet_storage,
        },
    },
)
# one partition per day folder: the value and the folder it points to
glue.batch_create_partition(
    DatabaseName="mlsguide_lake",
    TableName="transactions",
    PartitionInputList=[
        {
            "Values": [day],
            "StorageDescriptor": {
                "Location": f"s3://{BUCKET}/transactions/day={day}/",
                **parquet_storage,
            },
        }
        for day in ["2026-03-01", "2026-03-02", "2026-03-03"]
    ],
)

described = glue.get_table(DatabaseName="mlsguide_lake", Name="transactions")["Table"]
columns = [(c["Name"], c["Type"]) for c in described["StorageDescriptor"]["Columns"]]
print("columns:   ", columns)
print("partitions:", [k["Name"] for k in described["PartitionKeys"]])
partitions = glue.get_partitions(DatabaseName="mlsguide_lake", TableName="transactions")
for partition in partitions["Partitions"]:
    print("  ", partition["Values"], "->", partition["StorageDescriptor"]["Location"].split("/", 3)[3])
assert len(partitions["Partitions"]) == 3, "one partition per day folder"
# --8<-- [end:table]

# --8<-- [start:crawler]
glue.create_crawler(
    Name="mlsguide-transactions",
    Role=crawler_role,
    DatabaseName="mlsguide_lake",
    Targets={"S3Targets": [{"Path": f"s3://{BUCKET}/transactions/"}]},
    Schedule="cron(15 2 * * ? *)",  # every night at 02:15 UTC
    # crawl only folders added since the last run: new days, not the whole history
    RecrawlPolicy={"RecrawlBehavior": "CRAWL_NEW_FOLDERS_ONLY"},
    # with new-folders-only crawls the service accepts no policy but LOG for both
    SchemaChangePolicy={"UpdateBehavior": "LOG", "DeleteBehavior": "LOG"},
)
glue.start_crawler(Name="mlsguide-transactions")
crawler = glue.get_crawler(Name="mlsguide-transactions")["Crawler"]
print("crawler:  ", crawler["Name"], "state", crawler["State"])
print("schedule: ", crawler["Schedule"]["ScheduleExpression"])
print("recrawl:  ", crawler["RecrawlPolicy"]["RecrawlBehavior"])
print("changes:  ", crawler["SchemaChangePolicy"])
assert crawler["State"] in {"RUNNING", "READY"}
# --8<-- [end:crawler]

# --8<-- [start:lakeformation]
lakeformation = boto3.client("lakeformation")
# hand the bucket prefix to Lake Formation, then grant on the catalog table, not on S3
lakeformation.register_resource(
    ResourceArn=f"arn:aws:s3:::{BUCKET}/transactions", UseServiceLinkedRole=True
)
analyst = f"arn:aws:iam::{account}:role/mlsguide-data-scientist"
amount_column = {
    "TableWithColumns": {
        "DatabaseName": "mlsguide_lake",
        "Name": "transactions",
        "ColumnNames": ["amount"],  # column-level: customer_id stays hidden
    }
}
lakeformation.grant_permissions(
    Principal={"DataLakePrincipalIdentifier": analyst},
    Resource=amount_column,
    Permissions=["SELECT"],
)
granted = [
    grant
    for grant in lakeformation.list_permissions()["PrincipalResourcePermissions"]
    if grant["Principal"]["DataLakePrincipalIdentifier"] == analyst
]
for grant in granted:
    columns = grant["Resource"]["TableWithColumns"]["ColumnNames"]
    print(analyst.split("/")[-1], "may", grant["Permissions"], "columns", columns)
assert granted[0]["Permissions"] == ["SELECT"]
# --8<-- [end:lakeformation]

# --8<-- [start:cleanup]
# Clean-up: delete the grant, the crawler, the catalog entries, the role and the bucket
lakeformation.revoke_permissions(
    Principal={"DataLakePrincipalIdentifier": analyst},
    Resource=amount_column,
    Permissions=["SELECT"],
)
lakeformation.deregister_resource(ResourceArn=f"arn:aws:s3:::{BUCKET}/transactions")
if glue.get_crawler(Name="mlsguide-transactions")["Crawler"]["State"] == "RUNNING":
    glue.stop_crawler(Name="mlsguide-transactions")
glue.delete_crawler(Name="mlsguide-transactions")
glue.delete_database(Name="mlsguide_lake")  # drops its tables and partitions too
iam.delete_role_policy(RoleName="mlsguide-crawler", PolicyName="read-lake")
iam.delete_role(RoleName="mlsguide-crawler")
for obj in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("deleted the grant, crawler, database, role and bucket")
# --8<-- [end:cleanup]
