"""A PySpark ETL job written as an AWS Glue job script, run in Spark local mode.

The `job` section is the script a Glue job (or an EMR step, or a SageMaker Processing Spark
container) runs, and the part of this file that athena_glue_api.py uploads. It reads raw CSV
orders and JSON Lines customers, removes duplicates and bad rows, joins the customers'
attributes, and writes Parquet partitioned by day; Glue's own libraries are used only when they
are present. Here the same functions run on a local Spark session (two threads, loopback only);
then DuckDB queries the output with SQL, as Athena would in S3.

Needs Java 17 or newer (make install provides it). Runs offline, no AWS calls:

    .venv/bin/python snippets/1-data-engineering/1-3-data-transformation/glue_etl_job.py
"""

# --8<-- [start:setup]
# Set-up: three days of raw orders (CSV) and a customer list (JSON Lines) in a scratch folder
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from mlsguide import SEED
from mlsguide.data import START

rng = np.random.default_rng(SEED)
WORK = Path(tempfile.mkdtemp(prefix="mlsguide-etl-"))
RAW, CURATED = WORK / "raw", WORK / "curated"
N = 3_000
orders = pd.DataFrame({
    "order_id": [f"o{i:05d}" for i in range(N)],
    "customer_id": rng.choice([f"c{i:03d}" for i in range(200)], N).astype(object),
    "order_ts": [(START + timedelta(minutes=int(m))).strftime("%Y-%m-%d %H:%M:%S")
                 for m in np.sort(rng.integers(0, 3 * 24 * 60 - 8 * 60, N))],
    "amount": rng.gamma(2.0, 25.0, N).round(2).astype(str),
    "status": rng.choice(["paid", "paid", "paid", "refunded", "test"], N, p=[.3, .3, .3, .07, .03]),
})
orders.loc[rng.choice(N, 60, replace=False), "amount"] = "n/a"  # a broken export
orders.loc[rng.choice(N, 45, replace=False), "customer_id"] = None  # guest checkouts
orders = pd.concat([orders, orders.sample(90, random_state=SEED)])  # an upstream retry
(RAW / "orders").mkdir(parents=True)
orders.to_csv(RAW / "orders" / "part-0.csv", index=False)
customers = pd.DataFrame({"customer_id": [f"c{i:03d}" for i in range(200)],
                          "segment": rng.choice(["consumer", "smb", "enterprise"], 200, p=[.6, .3, .1]),
                          "signup_year": rng.integers(2019, 2026, 200)})
(RAW / "customers").mkdir()
customers.to_json(RAW / "customers" / "part-0.json", orient="records", lines=True)
print(f"raw orders: {len(orders)} rows; customers: {len(customers)}")
# --8<-- [end:setup]

# --8<-- [start:job]
import sys

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

try:  # inside AWS Glue: its libraries wrap the Spark session and track job bookmarks
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    IN_GLUE = True
except ImportError:  # anywhere else: a laptop, an EMR step, a SageMaker Processing container
    IN_GLUE = False


def clean_orders(orders: DataFrame) -> DataFrame:
    """Drop retried duplicates, unparsable or non-positive amounts, guests and test orders."""
    return (
        orders.dropDuplicates(["order_id"])
        .withColumn("amount", F.expr("try_cast(amount AS DOUBLE)"))  # 'n/a' becomes NULL
        .filter(F.col("amount") > 0)
        .filter(F.col("customer_id").isNotNull() & (F.col("status") != "test"))
        .withColumn("order_ts", F.to_timestamp("order_ts"))
        .withColumn("dt", F.date_format("order_ts", "yyyy-MM-dd"))
    )


def add_customer_features(orders: DataFrame, customers: DataFrame) -> DataFrame:
    """Join the small customer table to every order (broadcast: no shuffle of the orders)."""
    return (
        orders.join(F.broadcast(customers), "customer_id", "inner")
        .withColumn("is_refund", (F.col("status") == "refunded").cast("int"))
        .withColumn("hour", F.hour("order_ts"))
        .select("order_id", "customer_id", "segment", "signup_year", "amount", "is_refund",
                "hour", "order_ts", "dt")
    )


def run(spark: SparkSession, source: str, target: str) -> DataFrame:
    orders = spark.read.option("header", True).csv(f"{source}/orders/")
    customers = spark.read.json(f"{source}/customers/")
    curated = add_customer_features(clean_orders(orders), customers)
    # One task per day before writing, so each day's folder gets one file, not one per task.
    curated.repartition("dt").write.mode("overwrite").partitionBy("dt").parquet(target)
    return curated


def main(argv: list[str]) -> None:
    if IN_GLUE:  # a Glue job passes --JOB_NAME plus the job's own --source and --target
        args = getResolvedOptions(argv, ["JOB_NAME", "source", "target"])
        glue_context = GlueContext(SparkContext.getOrCreate())
        job = Job(glue_context)
        job.init(args["JOB_NAME"], args)
        run(glue_context.spark_session, args["source"], args["target"])
        job.commit()  # saves bookmarks for reads with a transformation_ctx (spark.read has none)
    else:  # spark-submit on EMR, or smspark-submit in a SageMaker Processing Spark container
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("--source", required=True)
        parser.add_argument("--target", required=True)
        args = parser.parse_args(argv[1:])
        run(SparkSession.builder.getOrCreate(), args.source, args.target)


if "--source" in sys.argv:  # started as a job; shown in the guide, it only defines the functions
    main(sys.argv)
# --8<-- [end:job]

# --8<-- [start:run]
from mlsguide import spark as local_spark

spark = local_spark.session("glue-etl-local")  # local[2]: two threads stand in for executors
curated = run(spark, str(RAW), str(CURATED))
raw = spark.read.option("header", True).csv(str(RAW / "orders"))
steps = {
    "raw rows": raw.count(),
    "after dropDuplicates": raw.dropDuplicates(["order_id"]).count(),
    "after the filters": clean_orders(raw).count(),
    "written (joined)": curated.count(),
}
for step, rows in steps.items():
    print(f"{step:22s} {rows:6,d}")
assert steps["raw rows"] - steps["after dropDuplicates"] == 90, "the 90 retried rows go"
assert steps["written (joined)"] == steps["after the filters"], "every kept order has a customer"
assert steps["after the filters"] == 2_804, "the count the questions quote"
print("engine:", "AWS Glue" if IN_GLUE else f"Spark {spark.version} in local mode")
# --8<-- [end:run]

# --8<-- [start:layout]
for folder in sorted(CURATED.glob("dt=*")):
    files = sorted(folder.glob("*.parquet"))
    size = sum(f.stat().st_size for f in files)
    print(f"{folder.name}: {len(files)} file, {size / 1024:.1f} KB")
days = sorted(p.name for p in CURATED.glob("dt=*"))
assert days == ["dt=2026-03-01", "dt=2026-03-02", "dt=2026-03-03"], days
assert all(len(list((CURATED / d).glob("*.parquet"))) == 1 for d in days), "one file per day"
# --8<-- [end:layout]

# --8<-- [start:small_files_figure]
import matplotlib.pyplot as plt
from mlsguide import figures

# The same rows written twice more: spread over 8 tasks first (as after a join on a big
# cluster), without and with repartition("dt") before partitionBy.
spread = curated.repartition(8)
spread.write.mode("overwrite").partitionBy("dt").parquet(str(WORK / "spread"))
spread.repartition("dt").write.mode("overwrite").partitionBy("dt").parquet(str(WORK / "grouped"))


def files_per_day(root: Path) -> list[int]:
    return [len(list(p.glob("*.parquet"))) for p in sorted(root.glob("dt=*"))]


without, grouped = files_per_day(WORK / "spread"), files_per_day(WORK / "grouped")
fig, ax = plt.subplots(figsize=(6, 3))
x = np.arange(len(days))
ax.bar(x - 0.2, without, 0.4, label="partitionBy only", color="#c0504d", hatch="//", edgecolor="black")
ax.bar(x + 0.2, grouped, 0.4, label='repartition("dt") first', color="#4a6fa5", edgecolor="black")
ax.set_xticks(x, [d.removeprefix("dt=") for d in days])
ax.set_ylabel("Parquet files in the folder")
ax.legend(fontsize=9)
fig.tight_layout()
figures.show(fig, alt=f"Bar chart of files per day folder: {without[0]} files per day when 8 tasks "
             "write with partitionBy only, 1 file per day when the rows are repartitioned by day first.")
assert without == [8, 8, 8] and grouped == [1, 1, 1], (without, grouped)
# --8<-- [end:small_files_figure]

# --8<-- [start:athena_sql]
import duckdb
import pyarrow.parquet as pq

table = f"read_parquet('{CURATED}/*/*.parquet', hive_partitioning = true)"
query = f"""
    SELECT segment, count(*) AS orders, round(sum(amount), 2) AS revenue
    FROM {table}
    WHERE dt = '2026-03-02'
    GROUP BY segment ORDER BY revenue DESC"""
rows = duckdb.sql(query).fetchall()
for segment, count, revenue in rows:
    print(f"{segment:11s} {count:4d} orders  {revenue:10,.2f}")


def column_bytes(files, columns) -> int:
    """Compressed bytes of the named columns in the files: what a columnar reader fetches."""
    total = 0
    for path in files:
        meta = pq.ParquetFile(path).metadata
        for g in range(meta.num_row_groups):
            group = meta.row_group(g)
            total += sum(group.column(c).total_compressed_size for c in range(group.num_columns)
                         if group.column(c).path_in_schema in columns)
    return total


every_file = sorted(CURATED.glob("dt=*/*.parquet"))
one_day = sorted(CURATED.glob("dt=2026-03-02/*.parquet"))
whole = sum(f.stat().st_size for f in every_file)
scanned = column_bytes(one_day, {"segment", "amount"})
print(f"table {whole / 1024:.0f} KB; this query reads {scanned / 1024:.1f} KB "
      f"({scanned / whole:.0%}): one day's folder, two columns")
assert scanned < 0.15 * whole, "pruning and projection must cut the scan below 15%"
# --8<-- [end:athena_sql]

# --8<-- [start:features]
# What an Athena CTAS would do: a query's result written as a new Parquet table.
features = WORK / "customer_features"
duckdb.sql(f"""
    COPY (SELECT customer_id, any_value(segment) AS segment, count(*) AS orders,
                 round(avg(amount), 2) AS avg_amount, round(avg(is_refund), 3) AS refund_rate
          FROM {table} GROUP BY customer_id ORDER BY customer_id)
    TO '{features}' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (segment))""")
print("folders:", ", ".join(sorted(p.name for p in features.iterdir())))
first = duckdb.sql(f"SELECT * FROM read_parquet('{features}/*/*.parquet', hive_partitioning = true) "
                   "ORDER BY customer_id LIMIT 3")
print(first.columns)
for row in first.fetchall():
    print(row)
assert len(list(features.iterdir())) == 3, "one folder per segment"
# --8<-- [end:features]

# --8<-- [start:cleanup]
# Clean-up: stop Spark (a Glue job ends with job.commit() instead) and delete the scratch folder
spark.stop()
shutil.rmtree(WORK)
print("Spark stopped; scratch folder removed")
# --8<-- [end:cleanup]
