"""The AWS side of the ETL job: a Glue crawler and job, Athena queries and CTAS, an EMR step.

Uploads the job script and a day of curated Parquet to S3, defines a crawler over the curated
prefix, defines the Glue job with bookmarks and starts it, runs an Athena query and a CTAS
statement in a workgroup with a scan limit, and submits the same script to an EMR cluster as a
Spark step. Deletes everything at the end.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (the crawler, the job, the queries and the cluster then really run, and are billed).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a bucket with the job script and one day of curated Parquet, and a role for Glue
import io
import json
from pathlib import Path

import boto3
import pandas as pd
from mlsguide import aws

s3 = boto3.client("s3")
iam = boto3.client("iam")
region = s3.meta.region_name
account = boto3.client("sts").get_caller_identity()["Account"]
BUCKET = f"mlsguide-etl-{account}-{region}"
if region == "us-east-1":
    s3.create_bucket(Bucket=BUCKET)
else:
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": region})
# The job script is the `job` section of glue_etl_job.py, the file the previous examples ran.
example = Path("snippets/1-data-engineering/1-3-data-transformation/glue_etl_job.py").read_text()
scissors = "--8<" + "--"  # written in two parts, so that this line is not a section marker itself
marker = "# " + scissors + " [{}:job]\n"
script = example.split(marker.format("start"))[1].split(marker.format("end"))[0]
s3.put_object(Bucket=BUCKET, Key="scripts/glue_etl_job.py", Body=script.encode())
buffer = io.BytesIO()
pd.DataFrame({"order_id": ["o00001"], "segment": ["smb"], "amount": [42.0]}).to_parquet(buffer)
s3.put_object(Bucket=BUCKET, Key="curated/orders/dt=2026-03-02/part-0.parquet", Body=buffer.getvalue())
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
         "Principal": {"Service": "glue.amazonaws.com"}}]}
ROLE = iam.create_role(RoleName="mlsguide-glue-etl",
                       AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
lake = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": [
    f"arn:aws:s3:::{BUCKET}", f"arn:aws:s3:::{BUCKET}/*"],
    "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]}]}
iam.put_role_policy(RoleName="mlsguide-glue-etl", PolicyName="lake", PolicyDocument=json.dumps(lake))
print(f"s3://{BUCKET}/scripts/glue_etl_job.py ({len(script.splitlines())} lines) and one curated"
      " partition uploaded")
# --8<-- [end:setup]

# --8<-- [start:crawler]
glue = boto3.client("glue")
glue.create_database(DatabaseInput={"Name": "mlsguide_sales"})
glue.create_crawler(
    Name="mlsguide-curated-orders",
    Role=ROLE,
    DatabaseName="mlsguide_sales",
    Targets={"S3Targets": [{"Path": f"s3://{BUCKET}/curated/orders/"}]},
    RecrawlPolicy={"RecrawlBehavior": "CRAWL_NEW_FOLDERS_ONLY"},  # only new dt=... folders
    SchemaChangePolicy={"UpdateBehavior": "LOG", "DeleteBehavior": "LOG"},  # required with it
    Schedule="cron(30 2 * * ? *)",  # nightly, after the ETL job
)
glue.start_crawler(Name="mlsguide-curated-orders")
crawler = glue.get_crawler(Name="mlsguide-curated-orders")["Crawler"]
print(crawler["Name"], "->", crawler["DatabaseName"], "|", crawler["Schedule"]["ScheduleExpression"],
      "|", crawler["RecrawlPolicy"]["RecrawlBehavior"])
tables = glue.get_tables(DatabaseName="mlsguide_sales")["TableList"]
print("tables the crawler created:", [t["Name"] for t in tables] or "none (the emulator does not crawl)")
# --8<-- [end:crawler]

# --8<-- [start:glue_job]
glue.create_job(
    Name="mlsguide-orders-etl",
    Role=ROLE,
    Command={"Name": "glueetl", "ScriptLocation": f"s3://{BUCKET}/scripts/glue_etl_job.py",
             "PythonVersion": "3"},
    GlueVersion="5.0",  # Spark 3.5, Python 3.11
    WorkerType="G.1X",  # 1 DPU per worker: 4 vCPU, 16 GB
    NumberOfWorkers=4,
    Timeout=60,  # minutes
    DefaultArguments={
        "--job-bookmark-option": "job-bookmark-enable",  # for reads with a transformation_ctx
        "--source": f"s3://{BUCKET}/raw/",
        "--target": f"s3://{BUCKET}/curated/orders/",
    },
)
run_id = glue.start_job_run(JobName="mlsguide-orders-etl")["JobRunId"]
job_run = glue.get_job_run(JobName="mlsguide-orders-etl", RunId=run_id)["JobRun"]
job = glue.get_job(JobName="mlsguide-orders-etl")["Job"]
print(f"{job['Name']}: Glue {job['GlueVersion']}, {job['NumberOfWorkers']} x {job['WorkerType']},"
      f" bookmarks {job['DefaultArguments']['--job-bookmark-option']}")
print("run state:", job_run["JobRunState"])
# A real run starts in seconds and goes RUNNING -> SUCCEEDED; the emulator runs no Spark.
assert job_run["JobRunState"] in ({"STARTING", "RUNNING"} if aws.live() else {"SUCCEEDED"})
# --8<-- [end:glue_job]

# --8<-- [start:athena_query]
athena = boto3.client("athena")
athena.create_work_group(
    Name="mlsguide-ml",
    Configuration={
        "ResultConfiguration": {"OutputLocation": f"s3://{BUCKET}/athena-results/"},
        "EnforceWorkGroupConfiguration": True,
        "BytesScannedCutoffPerQuery": 10 * 1024**3,  # cancel any query that would scan > 10 GB
    },
)
query_id = athena.start_query_execution(
    QueryString="SELECT segment, count(*) AS orders, sum(amount) AS revenue "
                "FROM orders WHERE dt = '2026-03-02' GROUP BY segment",
    QueryExecutionContext={"Database": "mlsguide_sales"},
    WorkGroup="mlsguide-ml",
)["QueryExecutionId"]
execution = athena.get_query_execution(QueryExecutionId=query_id)["QueryExecution"]
print("state:", execution["Status"]["State"], "| workgroup:", execution["WorkGroup"])
print("bytes scanned:", execution["Statistics"]["DataScannedInBytes"],
      "(the emulator reads no data; Athena reports what it read, billed with a 10 MB minimum)")
# --8<-- [end:athena_query]

# --8<-- [start:ctas]
ctas = f"""
CREATE TABLE mlsguide_sales.orders_training
WITH (format = 'PARQUET', write_compression = 'SNAPPY',
      external_location = 's3://{BUCKET}/training/orders/',
      partitioned_by = ARRAY['dt'])
AS SELECT order_id, segment, amount, dt FROM mlsguide_sales.orders
WHERE dt BETWEEN '2026-03-01' AND '2026-03-03'"""  # the partition column comes last
ctas_id = athena.start_query_execution(QueryString=ctas, WorkGroup="mlsguide-ml")["QueryExecutionId"]
ctas_run = athena.get_query_execution(QueryExecutionId=ctas_id)["QueryExecution"]
print("CTAS", ctas_run["Status"]["State"], "| writes Parquet under", f"s3://{BUCKET}/training/orders/")
# --8<-- [end:ctas]

# --8<-- [start:emr_step]
emr = boto3.client("emr")
cluster = emr.run_job_flow(
    Name="mlsguide-orders-etl",
    ReleaseLabel="emr-7.12.0",  # Spark 3.5
    Applications=[{"Name": "Spark"}],
    Instances={"InstanceGroups": [
        {"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
        {"InstanceRole": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 2,
         "Market": "ON_DEMAND"},
    ], "KeepJobFlowAliveWhenNoSteps": False},  # a transient cluster: ends after its steps
    Steps=[{
        "Name": "orders-etl",
        "ActionOnFailure": "TERMINATE_CLUSTER",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": [
            "spark-submit", "--deploy-mode", "cluster", f"s3://{BUCKET}/scripts/glue_etl_job.py",
            "--source", f"s3://{BUCKET}/raw/", "--target", f"s3://{BUCKET}/curated/orders/"]},
    }],
    JobFlowRole="EMR_EC2_DefaultRole",
    ServiceRole="EMR_DefaultRole",
)
step = emr.list_steps(ClusterId=cluster["JobFlowId"])["Steps"][0]
print(step["Name"], "->", " ".join(step["Config"]["Args"]).replace(BUCKET, "<bucket>"))
# --8<-- [end:emr_step]

# --8<-- [start:cleanup]
# Clean-up: end the cluster, delete the workgroup, job, crawler, database, role and bucket
emr.terminate_job_flows(JobFlowIds=[cluster["JobFlowId"]])
athena.delete_work_group(WorkGroup="mlsguide-ml", RecursiveDeleteOption=True)
glue.delete_job(JobName="mlsguide-orders-etl")
glue.delete_crawler(Name="mlsguide-curated-orders")
glue.delete_database(Name="mlsguide_sales")
iam.delete_role_policy(RoleName="mlsguide-glue-etl", PolicyName="lake")
iam.delete_role(RoleName="mlsguide-glue-etl")
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
    for item in page.get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("cluster terminated; workgroup, job, crawler, database, role and bucket deleted")
# --8<-- [end:cleanup]
