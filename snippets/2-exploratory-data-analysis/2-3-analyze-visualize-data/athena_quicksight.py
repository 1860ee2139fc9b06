"""Profile a table with Amazon Athena SQL, then chart it in Amazon Quick Sight (formerly QuickSight).

Writes a seeded orders table as Parquet to an emulated S3 bucket, runs one profiling query
(counts, gaps, distinct values, mean, spread, skewness, median and a correlation per channel)
locally in DuckDB, submits the same SQL to Athena, and registers the table in Quick Sight as an
Athena data source and a SPICE data set with a first ingestion. Deletes everything at the end.

Runs against the moto emulator by default. With MLSGUIDE_LIVE_AWS=1 it uses your account: replace
the bucket name, and note that Quick Sight needs a subscription in the account first.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a seeded orders table as Parquet in an S3 bucket, and an Athena workgroup
import tempfile
from pathlib import Path

import boto3
import numpy as np
import pandas as pd
from mlsguide import SEED, aws

rng = np.random.default_rng(SEED)
n = 5_000
channel = rng.choice(["web", "app", "store"], size=n, p=[0.5, 0.3, 0.2])
items = rng.integers(1, 9, n)
orders = pd.DataFrame({"order_id": np.arange(n), "channel": channel, "items": items,
                       "order_value": (items * 9 * rng.lognormal(0, 0.5, n)).round(2)})
orders.loc[rng.random(n) < 0.02, "order_value"] = np.nan  # a few values never arrived
folder = Path(tempfile.mkdtemp())
orders.to_parquet(folder / "orders.parquet", index=False)

BUCKET = "mlsguide-eda-orders"
s3 = boto3.client("s3")
s3.create_bucket(Bucket=BUCKET)
s3.upload_file(str(folder / "orders.parquet"), BUCKET, "orders/orders.parquet")
athena = boto3.client("athena")
athena.create_work_group(Name="mlsguide-eda", Configuration={
    "ResultConfiguration": {"OutputLocation": f"s3://{BUCKET}/athena-results/"},
    "BytesScannedCutoffPerQuery": 1_000_000_000})  # cancel any query that scans over 1 GB
print(f"uploaded {len(orders)} orders to s3://{BUCKET}/orders/")
# --8<-- [end:setup]

# --8<-- [start:profile_sql]
import duckdb

TABLE_DDL = f"""
CREATE EXTERNAL TABLE IF NOT EXISTS orders (
  order_id bigint, channel string, items bigint, order_value double)
STORED AS PARQUET LOCATION 's3://{BUCKET}/orders/'"""

PROFILE_SQL = """
SELECT channel,
       count(*)                             AS n_rows,
       count(*) - count(order_value)        AS n_missing,
       count(DISTINCT items)                AS distinct_items,
       round(avg(order_value), 2)           AS mean_value,
       round(approx_percentile(order_value, 0.5), 2) AS median_value,
       round(stddev_samp(order_value), 2)   AS std_value,
       round(skewness(order_value), 2)      AS skewness,
       round(corr(items, order_value), 2)   AS corr_items_value
FROM orders
GROUP BY channel
ORDER BY n_rows DESC"""

local = duckdb.connect()
# Athena (Trino) spells the approximate quantile approx_percentile; DuckDB calls it approx_quantile.
local.sql("CREATE MACRO approx_percentile(x, p) AS approx_quantile(x, p)")
local.sql(f"CREATE VIEW orders AS SELECT * FROM '{folder / 'orders.parquet'}'")
profile = local.sql(PROFILE_SQL).df()
print(profile.to_string(index=False))

web = profile.set_index("channel").loc["web"]
assert (profile["mean_value"] > profile["median_value"]).all(), "right-skewed in every channel"
assert (profile["corr_items_value"] > 0.5).all(), "more items, bigger orders"
assert profile["n_missing"].sum() == orders["order_value"].isna().sum(), "gaps counted"
assert web["n_rows"] == (orders["channel"] == "web").sum()
# --8<-- [end:profile_sql]

# --8<-- [start:athena]
import time


def run_query(sql: str) -> dict:
    """Start a query in the workgroup, wait for it to finish, return its execution record."""
    query_id = athena.start_query_execution(
        QueryString=sql, WorkGroup="mlsguide-eda",
        QueryExecutionContext={"Database": "default"})["QueryExecutionId"]
    while True:
        execution = athena.get_query_execution(QueryExecutionId=query_id)["QueryExecution"]
        if execution["Status"]["State"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return execution
        time.sleep(1)


run_query(TABLE_DDL)  # schema on read: the table is only metadata over the Parquet files
execution = run_query(PROFILE_SQL)
rows = athena.get_query_results(QueryExecutionId=execution["QueryExecutionId"])["ResultSet"]["Rows"]
print("state:", execution["Status"]["State"])
print("bytes scanned:", execution["Statistics"]["DataScannedInBytes"])
print("result rows returned:", len(rows), "(moto answers with no rows)" if not aws.live() else "")
assert execution["Status"]["State"] == "SUCCEEDED"
# --8<-- [end:athena]

# --8<-- [start:quicksight]
ACCOUNT = boto3.client("sts").get_caller_identity()["Account"]
quicksight = boto3.client("quicksight")
source = quicksight.create_data_source(
    AwsAccountId=ACCOUNT, DataSourceId="mlsguide-athena", Name="Athena (EDA workgroup)",
    Type="ATHENA", DataSourceParameters={"AthenaParameters": {"WorkGroup": "mlsguide-eda"}})
dataset = quicksight.create_data_set(
    AwsAccountId=ACCOUNT, DataSetId="mlsguide-orders", Name="Orders", ImportMode="SPICE",
    PhysicalTableMap={"orders": {"RelationalTable": {
        "DataSourceArn": source["Arn"], "Schema": "default", "Name": "orders",
        "InputColumns": [{"Name": "order_id", "Type": "INTEGER"},
                         {"Name": "channel", "Type": "STRING"},
                         {"Name": "items", "Type": "INTEGER"},
                         {"Name": "order_value", "Type": "DECIMAL"}]}}})
ingestion = quicksight.create_ingestion(  # load (or refresh) the SPICE copy of the table
    AwsAccountId=ACCOUNT, DataSetId="mlsguide-orders", IngestionId="first-load")
print("data source:", source["CreationStatus"])
print("data set:   ", dataset["Arn"].split(":")[-1])
print("ingestion:  ", ingestion["IngestionStatus"])
assert source["CreationStatus"] == "CREATION_SUCCESSFUL"
# --8<-- [end:quicksight]

# --8<-- [start:cleanup]
# Clean-up: delete the Quick Sight data set and data source, the workgroup and the bucket
from botocore.validate import validate_parameters

delete_data_set = {"AwsAccountId": ACCOUNT, "DataSetId": "mlsguide-orders"}
if aws.live():
    quicksight.delete_data_set(**delete_data_set)
else:  # moto has no DeleteDataSet: check the request against the API model instead
    shape = quicksight.meta.service_model.operation_model("DeleteDataSet").input_shape
    validate_parameters(delete_data_set, shape)
quicksight.delete_data_source(AwsAccountId=ACCOUNT, DataSourceId="mlsguide-athena")
athena.delete_work_group(WorkGroup="mlsguide-eda", RecursiveDeleteOption=True)
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
    for item in page.get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("deleted the data set, data source, workgroup and bucket")
# --8<-- [end:cleanup]
