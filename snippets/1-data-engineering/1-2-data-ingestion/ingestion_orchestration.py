"""Schedule and chain ingestion jobs: a Glue workflow, a Step Functions state machine, and
EventBridge schedules that start it.

Creates (and then deletes) a Glue database, crawler and ETL job chained by Glue triggers inside
a Glue workflow; a Step Functions state machine that runs the Glue job and waits for it
(`glue:startJobRun.sync`); an EventBridge Scheduler schedule and a legacy EventBridge scheduled
rule, both pointing at the state machine, each with a target role whose trust policy names the
service that assumes it. Schedules and triggers are created disabled, so nothing fires in a real
account. Nothing is run: the point is the wiring.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:role]
import json
import time

import boto3
from botocore.exceptions import ClientError

iam = boto3.client("iam")
ROLE = "mlsguide-ingestion-orchestration"
# One demo role for four services; real pipelines give each its own role.
# Each service that is handed this role must be named here, or it cannot
# assume the role: Glue runs the crawler and job, Step Functions the state
# machine, and Scheduler and EventBridge (for a rule) start the machine.
services = ["glue.amazonaws.com", "states.amazonaws.com",
            "scheduler.amazonaws.com", "events.amazonaws.com"]
trust = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                   "Principal": {"Service": services}}],
}
role = iam.create_role(RoleName=ROLE,
                       AssumeRolePolicyDocument=json.dumps(trust))
role_arn = role["Role"]["Arn"]


def with_new_role(call, **kwargs):
    """Retry a create call while a just-created IAM role propagates."""
    for attempt in range(12):
        try:
            return call(**kwargs)
        except ClientError as err:
            if "assume" not in str(err) or attempt == 11:
                raise
            time.sleep(5)


def trusted_services(arn):
    """The services that a role's trust policy allows to assume it."""
    found = iam.get_role(RoleName=arn.split("/")[-1])["Role"]
    trusted = set()
    for statement in found["AssumeRolePolicyDocument"]["Statement"]:
        if statement["Effect"] == "Allow":
            named = statement["Principal"].get("Service", [])
            trusted.update([named] if isinstance(named, str) else named)
    return trusted


print(f"role {ROLE}, trusted by:")
for service in sorted(trusted_services(role_arn)):
    print(f"  {service}")
# --8<-- [end:role]

# --8<-- [start:glue]
glue = boto3.client("glue")
WORKFLOW = "mlsguide-nightly-clicks"
CRAWLER = "mlsguide-crawl-raw-clicks"
JOB = "mlsguide-load-clicks"

glue.create_database(DatabaseInput={"Name": "mlsguide_lake"})
with_new_role(
    glue.create_crawler, Name=CRAWLER, Role=role_arn,
    DatabaseName="mlsguide_lake",
    Targets={"S3Targets": [{"Path": "s3://example-bucket/raw/clicks/"}]},
)
with_new_role(
    glue.create_job, Name=JOB, Role=role_arn, GlueVersion="5.0",
    Command={"Name": "glueetl", "PythonVersion": "3",
             "ScriptLocation": "s3://example-bucket/scripts/load_clicks.py"},
    WorkerType="G.1X", NumberOfWorkers=2,
)
glue.create_workflow(Name=WORKFLOW,
                     Description="crawl new raw files, then load them")

glue.create_trigger(  # the workflow's start trigger: every night, 02:00 UTC
    Name="mlsguide-nightly-start", WorkflowName=WORKFLOW, Type="SCHEDULED",
    Schedule="cron(0 2 * * ? *)", StartOnCreation=False,
    Actions=[{"CrawlerName": CRAWLER}],
)
glue.create_trigger(  # then: run the job when the crawler succeeds
    Name="mlsguide-after-crawl", WorkflowName=WORKFLOW, Type="CONDITIONAL",
    StartOnCreation=False,
    Predicate={"Logical": "AND", "Conditions": [
        {"LogicalOperator": "EQUALS", "CrawlerName": CRAWLER,
         "CrawlState": "SUCCEEDED"}]},
    Actions=[{"JobName": JOB}],
)

triggers = [t for t in glue.get_triggers()["Triggers"]
            if t.get("WorkflowName") == WORKFLOW]
for t in sorted(triggers, key=lambda t: (t["Type"] != "SCHEDULED", t["Name"])):
    if t["Type"] == "SCHEDULED":
        when = t["Schedule"]
    else:
        when = " and ".join(
            f"{c.get('CrawlerName') or c.get('JobName')} "
            f"{c.get('CrawlState') or c.get('State')}"
            for c in t["Predicate"]["Conditions"])
    starts = ", ".join(a.get("CrawlerName") or a.get("JobName")
                       for a in t["Actions"])
    print(f"{t['Type']:<11} {when:<35} -> {starts}")

by_name = {t["Name"]: t for t in triggers}
start, after = by_name["mlsguide-nightly-start"], by_name["mlsguide-after-crawl"]
assert start["Actions"][0]["CrawlerName"] == CRAWLER, "the clock starts the crawl"
condition = after["Predicate"]["Conditions"][0]
assert condition["CrawlState"] == "SUCCEEDED", "the crawl must succeed"
assert after["Actions"][0]["JobName"] == JOB, "then the job runs"
# --8<-- [end:glue]

# --8<-- [start:stepfunctions]
sfn = boto3.client("stepfunctions")

definition = {
    "Comment": "Load the day's clicks with Glue; fail loudly if it fails twice",
    "StartAt": "LoadClicks",
    "States": {
        "LoadClicks": {
            "Type": "Task",
            # .sync: wait until the Glue job run finishes
            "Resource": "arn:aws:states:::glue:startJobRun.sync",
            "Parameters": {"JobName": JOB,
                           "Arguments": {"--run_date.$": "$.run_date"}},
            "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 60,
                       "MaxAttempts": 1, "BackoffRate": 2.0}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "LoadFailed"}],
            "Next": "Loaded",
        },
        "LoadFailed": {"Type": "Fail", "Error": "GlueJobFailed"},
        "Loaded": {"Type": "Succeed"},
    },
}
machine = with_new_role(sfn.create_state_machine, name="mlsguide-ingest-clicks",
                        definition=json.dumps(definition), roleArn=role_arn)
machine_arn = machine["stateMachineArn"]
described = sfn.describe_state_machine(stateMachineArn=machine_arn)
states = json.loads(described["definition"])["States"]
for name, state in states.items():
    print(f"{name:<11} {state['Type']:<8} {state.get('Resource', '')}".rstrip())

load = states["LoadClicks"]
assert load["Resource"].endswith(".sync"), "waits for the Glue job run"
assert load["Retry"][0]["MaxAttempts"] == 1, "retries once"
assert states[load["Catch"][0]["Next"]]["Type"] == "Fail", "then fails loudly"
# --8<-- [end:stepfunctions]

# --8<-- [start:schedule]
scheduler = boto3.client("scheduler")
events = boto3.client("events")

with_new_role(
    scheduler.create_schedule,
    Name="mlsguide-ingest-nightly",
    ScheduleExpression="cron(30 2 * * ? *)",
    ScheduleExpressionTimezone="UTC",
    FlexibleTimeWindow={"Mode": "OFF"},
    State="DISABLED",  # enable it when the pipeline is ready
    Target={"Arn": machine_arn, "RoleArn": role_arn,
            "Input": json.dumps({"run_date": "2026-03-01"}),
            "RetryPolicy": {"MaximumRetryAttempts": 3}},
)
schedule = scheduler.get_schedule(Name="mlsguide-ingest-nightly")
print(f"EventBridge Scheduler: {schedule['Name']}")
print(f"  {schedule['ScheduleExpression']} "
      f"{schedule['ScheduleExpressionTimezone']}, {schedule['State']}, "
      f"target {schedule['Target']['Arn'].split(':')[5]}")
caller = "scheduler.amazonaws.com"
assert caller in trusted_services(schedule["Target"]["RoleArn"]), caller
print(f"  target role trusts {caller}")

# The older way, still common in exam questions: a scheduled EventBridge rule.
events.put_rule(Name="mlsguide-ingest-daily", ScheduleExpression="rate(1 day)",
                State="DISABLED")
events.put_targets(Rule="mlsguide-ingest-daily", Targets=[
    {"Id": "ingest", "Arn": machine_arn, "RoleArn": role_arn}])
rule = events.describe_rule(Name="mlsguide-ingest-daily")
targets = events.list_targets_by_rule(Rule="mlsguide-ingest-daily")["Targets"]
print(f"EventBridge rule (legacy scheduling): {rule['Name']}")
print(f"  {rule['ScheduleExpression']}, {rule['State']}, "
      f"target {targets[0]['Arn'].split(':')[5]}")
caller = "events.amazonaws.com"
assert caller in trusted_services(targets[0]["RoleArn"]), caller
print(f"  target role trusts {caller}")

assert schedule["Target"]["Arn"] == targets[0]["Arn"] == machine_arn, (
    "both start the state machine")
assert schedule["State"] == rule["State"] == "DISABLED", "nothing fires yet"
# --8<-- [end:schedule]

# --8<-- [start:cleanup]
# Clean-up: delete the rule, the schedule, the state machine, the Glue resources and the role
events.remove_targets(Rule="mlsguide-ingest-daily", Ids=["ingest"])
events.delete_rule(Name="mlsguide-ingest-daily")
scheduler.delete_schedule(Name="mlsguide-ingest-nightly")
sfn.delete_state_machine(stateMachineArn=machine_arn)
for trigger in ("mlsguide-nightly-start", "mlsguide-after-crawl"):
    glue.delete_trigger(Name=trigger)
glue.delete_workflow(Name=WORKFLOW)
glue.delete_job(JobName=JOB)
glue.delete_crawler(Name=CRAWLER)
glue.delete_database(Name="mlsguide_lake")
iam.delete_role(RoleName=ROLE)
print("deleted the rule, schedule, state machine, Glue resources and role")
# --8<-- [end:cleanup]
