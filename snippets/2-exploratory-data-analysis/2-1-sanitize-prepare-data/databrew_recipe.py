"""AWS Glue DataBrew: a dataset, a cleaning recipe, data-quality rules and the jobs that run them.

Uploads a small customer CSV to Amazon S3, registers it as a DataBrew dataset, writes a recipe
(fill missing incomes with the median, lower-case the plan, delete exact duplicate rows),
publishes it, defines a ruleset that checks the share of missing values and duplicate rows, and
creates a profile job and a recipe job; then deletes everything.

Runs against the moto emulator by default; with MLSGUIDE_LIVE_AWS=1 it runs against your account
(replace ROLE_ARN with a DataBrew service role of your own; job runs are billed per node-hour,
and this file creates jobs but does not start them).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: clients, a bucket and a messy customer file for DataBrew to read
import io

import boto3
import numpy as np
import pandas as pd
from mlsguide import SEED

s3 = boto3.client("s3")
brew = boto3.client("databrew")
BUCKET = "mlsguide-databrew-demo"
ROLE_ARN = "arn:aws:iam::123456789012:role/mlsguide-databrew"

rng = np.random.default_rng(SEED)
frame = pd.DataFrame({"customer_id": np.arange(200),
                      "income": rng.normal(60, 15, 200).round(1),
                      "plan": rng.choice(["Basic", "PLUS", "premium"], 200)})
frame.loc[rng.random(200) < 0.1, "income"] = np.nan
frame = pd.concat([frame, frame.iloc[:12]])  # twelve rows exported twice
s3.create_bucket(Bucket=BUCKET)
buffer = io.StringIO()
frame.to_csv(buffer, index=False)
s3.put_object(Bucket=BUCKET, Key="raw/customers.csv", Body=buffer.getvalue().encode())
print(f"uploaded s3://{BUCKET}/raw/customers.csv: {len(frame)} rows, "
      f"{frame['income'].isna().mean():.0%} of incomes missing, "
      f"{frame.duplicated().sum()} duplicate rows")
assert frame["income"].isna().mean() > 0.05 and frame.duplicated().sum() == 12, "rules would fail"
# --8<-- [end:setup]

# --8<-- [start:recipe]
brew.create_dataset(
    Name="mlsguide-customers",
    Format="CSV",
    FormatOptions={"Csv": {"Delimiter": ",", "HeaderRow": True}},
    Input={"S3InputDefinition": {"Bucket": BUCKET, "Key": "raw/customers.csv"}},
)
steps = [
    {"Action": {"Operation": "FILL_WITH_MEDIAN", "Parameters": {"sourceColumn": "income"}}},
    {"Action": {"Operation": "LOWER_CASE", "Parameters": {"sourceColumn": "plan"}}},
    {"Action": {"Operation": "DELETE_DUPLICATE_ROWS"}},
]
brew.create_recipe(Name="mlsguide-clean-customers", Steps=steps)
brew.publish_recipe(Name="mlsguide-clean-customers", Description="first cleaning pass")
recipe = brew.describe_recipe(Name="mlsguide-clean-customers", RecipeVersion="1.0")
print(f"recipe {recipe['Name']} version {recipe['RecipeVersion']}:")
for number, step in enumerate(recipe["Steps"], 1):
    print(f"  {number}. {step['Action']['Operation']} {step['Action'].get('Parameters', {})}")
assert [s["Action"]["Operation"] for s in recipe["Steps"]][-1] == "DELETE_DUPLICATE_ROWS"
# --8<-- [end:recipe]

# --8<-- [start:rules]
from mlsguide import aws

dataset_arn = f"arn:aws:databrew:{aws.REGION}:123456789012:dataset/mlsguide-customers"
brew.create_ruleset(
    Name="mlsguide-customer-checks",
    TargetArn=dataset_arn,
    Rules=[
        {"Name": "income mostly present",
         "CheckExpression": "AGG(MISSING_VALUES_PERCENTAGE) < :val1",
         "SubstitutionMap": {":val1": "5"},
         "ColumnSelectors": [{"Name": "income"}]},
        {"Name": "no duplicate rows",
         "CheckExpression": "AGG(DUPLICATE_ROWS_COUNT) == :val1",
         "SubstitutionMap": {":val1": "0"}},
    ],
)
# A profile job computes column statistics and evaluates the rules; a recipe job applies the
# recipe to the whole dataset and writes the result.
brew.create_profile_job(
    Name="mlsguide-profile-customers", DatasetName="mlsguide-customers", RoleArn=ROLE_ARN,
    OutputLocation={"Bucket": BUCKET, "Key": "profiles/"},
    ValidationConfigurations=[{"RulesetArn": dataset_arn.replace(
        "dataset/mlsguide-customers", "ruleset/mlsguide-customer-checks")}],
)
brew.create_recipe_job(
    Name="mlsguide-clean-customers-job", DatasetName="mlsguide-customers", RoleArn=ROLE_ARN,
    RecipeReference={"Name": "mlsguide-clean-customers", "RecipeVersion": "1.0"},
    Outputs=[{"Location": {"Bucket": BUCKET, "Key": "clean/"}, "Format": "PARQUET"}],
)
jobs = {job["Name"]: job["Type"] for job in brew.list_jobs()["Jobs"]}
rules = brew.describe_ruleset(Name="mlsguide-customer-checks")["Rules"]
print("rules:", [rule["CheckExpression"] for rule in rules])
print("jobs:", jobs)
assert jobs == {"mlsguide-profile-customers": "PROFILE", "mlsguide-clean-customers-job": "RECIPE"}
# --8<-- [end:rules]

# --8<-- [start:cleanup]
# Clean-up: delete the jobs, ruleset, recipe, dataset and bucket
for job in jobs:
    brew.delete_job(Name=job)
brew.delete_ruleset(Name="mlsguide-customer-checks")
brew.delete_recipe_version(Name="mlsguide-clean-customers", RecipeVersion="1.0")
brew.delete_recipe_version(Name="mlsguide-clean-customers", RecipeVersion="LATEST_WORKING")
brew.delete_dataset(Name="mlsguide-customers")
s3.delete_object(Bucket=BUCKET, Key="raw/customers.csv")
s3.delete_bucket(Bucket=BUCKET)
print("datasets left:", [d["Name"] for d in brew.list_datasets()["Datasets"]])
# --8<-- [end:cleanup]
