"""A retraining pipeline in SageMaker Pipelines, started on a schedule by EventBridge.

The pipeline definition is JSON: parameters, then steps that depend on each other through their
properties. This one processes new data, trains, evaluates, and registers the model in the
Model Registry only when its AUC clears a bar; otherwise it fails with a message. The step
arguments, which are the underlying API requests (CreateProcessingJob, CreateTrainingJob...),
are abridged here; the SageMaker Python SDK writes them in full. Runs against the moto emulator
by default, which stores the pipeline and its executions but runs no step; set
MLSGUIDE_LIVE_AWS=1 to use your own account (with complete step arguments).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:definition]
import json

definition = {
    "Version": "2020-12-01",
    "Parameters": [
        {"Name": "InputData", "Type": "String", "DefaultValue": "s3://mlsguide-data/churn/latest/"},
        {"Name": "MinAuc", "Type": "Float", "DefaultValue": 0.85},
    ],
    "Steps": [
        {"Name": "Prepare", "Type": "Processing", "Arguments": {}},
        {"Name": "Train", "Type": "Training", "DependsOn": ["Prepare"], "Arguments": {}},
        {"Name": "Evaluate", "Type": "Processing", "DependsOn": ["Train"], "Arguments": {},
         "PropertyFiles": [{"PropertyFileName": "Evaluation", "OutputName": "evaluation",
                            "FilePath": "evaluation.json"}]},
        {"Name": "AucCheck", "Type": "Condition", "DependsOn": ["Evaluate"], "Arguments": {
            "Conditions": [{"Type": "GreaterThanOrEqualTo",
                            "LeftValue": {"Std:JsonGet": {
                                "PropertyFile": {"Get": "Steps.Evaluate.PropertyFiles.Evaluation"},
                                "Path": "metrics.auc"}},
                            "RightValue": {"Get": "Parameters.MinAuc"}}],
            "IfSteps": [{"Name": "Register", "Type": "RegisterModel", "Arguments": {}}],
            "ElseSteps": [{"Name": "TooWeak", "Type": "Fail",
                           "Arguments": {"ErrorMessage": "AUC below MinAuc; model not registered"}}],
        }},
    ],
}


def walk(steps, depth=0):
    for step in steps:
        after = f" after {', '.join(step['DependsOn'])}" if "DependsOn" in step else ""
        print(f"{'  ' * depth}{step['Name']} ({step['Type']}){after}")
        for branch in ("IfSteps", "ElseSteps"):
            if branch in step["Arguments"]:
                print(f"{'  ' * (depth + 1)}{branch}:")
                walk(step["Arguments"][branch], depth + 2)


walk(definition["Steps"])
# --8<-- [end:definition]

# --8<-- [start:create]
import boto3

sm = boto3.client("sagemaker")
ROLE = "arn:aws:iam::123456789012:role/mlsguide-sagemaker"
arn = sm.create_pipeline(PipelineName="mlsguide-churn-retrain", RoleArn=ROLE,
                         PipelineDefinition=json.dumps(definition))["PipelineArn"]
execution = sm.start_pipeline_execution(
    PipelineName="mlsguide-churn-retrain",
    PipelineParameters=[{"Name": "InputData", "Value": "s3://mlsguide-data/churn/2026-48/"}])
stored = json.loads(sm.describe_pipeline(PipelineName="mlsguide-churn-retrain")
                    ["PipelineDefinition"])
runs = sm.list_pipeline_executions(PipelineName="mlsguide-churn-retrain")
print("pipeline:", arn.split(":", 5)[5])
print("parameters:", [p["Name"] for p in stored["Parameters"]])
print("executions started:", len(runs["PipelineExecutionSummaries"]))
assert stored == definition and len(runs["PipelineExecutionSummaries"]) == 1
# --8<-- [end:create]

# --8<-- [start:trigger]
events = boto3.client("events")
events.put_rule(Name="mlsguide-churn-weekly", ScheduleExpression="cron(0 3 ? * MON *)")
events.put_targets(Rule="mlsguide-churn-weekly", Targets=[{
    "Id": "retrain", "Arn": arn, "RoleArn": "arn:aws:iam::123456789012:role/mlsguide-events",
    "SageMakerPipelineParameters": {"PipelineParameterList": [
        {"Name": "InputData", "Value": "s3://mlsguide-data/churn/latest/"}]}}])
target = events.list_targets_by_rule(Rule="mlsguide-churn-weekly")["Targets"][0]
print("rule:", events.describe_rule(Name="mlsguide-churn-weekly")["ScheduleExpression"],
      "-> target", target["Arn"].rsplit("/", 1)[1])
assert target["Arn"] == arn
# --8<-- [end:trigger]

# --8<-- [start:cleanup]
# Clean-up: remove the schedule and delete the pipeline
events.remove_targets(Rule="mlsguide-churn-weekly", Ids=["retrain"])
events.delete_rule(Name="mlsguide-churn-weekly")
sm.delete_pipeline(PipelineName="mlsguide-churn-retrain")
print("pipelines left:", len(sm.list_pipelines()["PipelineSummaries"]))
# --8<-- [end:cleanup]
