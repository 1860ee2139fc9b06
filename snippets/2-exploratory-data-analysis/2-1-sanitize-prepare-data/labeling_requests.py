"""Labelling requests: a SageMaker Ground Truth labelling job and a Mechanical Turk HIT.

Builds a `CreateLabelingJob` request for text classification with automated data labelling and
the Amazon Mechanical Turk workforce, and one for a private work team; builds an MTurk `CreateHIT`
request; and validates each against botocore's copy of the service API (the emulator, moto,
implements neither call). Nothing is sent: a labelling job costs money per object labelled.

Runs offline by default. The requests are the ones a reader would send with MLSGUIDE_LIVE_AWS=1
after replacing the role, buckets and work team with their own (and only if their account can
still use Ground Truth, which is closed to new customers).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:labeling_job]
import boto3
from botocore.exceptions import ParamValidationError
from botocore.validate import validate_parameters
from mlsguide import aws

REGION = aws.REGION  # the AWS-owned ARNs below are for us-east-1
sm = boto3.client("sagemaker")
BUCKET = "s3://mlsguide-labeling"
ROLE_ARN = "arn:aws:iam::123456789012:role/mlsguide-ground-truth"
MTURK_WORKFORCE = f"arn:aws:sagemaker:{REGION}:394669845002:workteam/public-crowd/default"
PRIVATE_TEAM = f"arn:aws:sagemaker:{REGION}:123456789012:workteam/private-crowd/claims-experts"

labeling_job = {
    "LabelingJobName": "mlsguide-ticket-topics",
    "LabelAttributeName": "topic",
    "InputConfig": {
        "DataSource": {"S3DataSource": {"ManifestS3Uri": f"{BUCKET}/input/tickets.manifest"}},
        # Declares the data free of personal information and adult content; SageMaker may use
        # this to restrict which Mechanical Turk workers see the task:
        "DataAttributes": {"ContentClassifiers": ["FreeOfPersonallyIdentifiableInformation",
                                                 "FreeOfAdultContent"]},
    },
    "OutputConfig": {"S3OutputPath": f"{BUCKET}/output/"},
    "RoleArn": ROLE_ARN,
    "LabelCategoryConfigS3Uri": f"{BUCKET}/input/categories.json",
    "LabelingJobAlgorithmsConfig": {  # automated data labelling (active learning)
        "LabelingJobAlgorithmSpecificationArn":
            f"arn:aws:sagemaker:{REGION}:027400017018:"
            "labeling-job-algorithm-specification/text-classification",
    },
    "StoppingConditions": {"MaxPercentageOfInputDatasetLabeled": 100},
    "HumanTaskConfig": {
        "WorkteamArn": MTURK_WORKFORCE,
        "UiConfig": {"UiTemplateS3Uri": f"{BUCKET}/templates/text-classification.liquid"},
        "PreHumanTaskLambdaArn":
            f"arn:aws:lambda:{REGION}:432418664414:function:PRE-TextMultiClass",
        "AnnotationConsolidationConfig": {
            "AnnotationConsolidationLambdaArn":
                f"arn:aws:lambda:{REGION}:432418664414:function:ACS-TextMultiClass"},
        "TaskTitle": "Which topic is this support ticket about?",
        "TaskDescription": "Read a short ticket and choose one topic.",
        "NumberOfHumanWorkersPerDataObject": 3,  # three answers, consolidated into one label
        "TaskTimeLimitInSeconds": 300,
        "MaxConcurrentTaskCount": 1_000,
        "PublicWorkforceTaskPrice": {"AmountInUsd": {"Dollars": 0, "Cents": 3,
                                                     "TenthFractionsOfACent": 6}},
    },
}
operation = sm.meta.service_model.operation_model("CreateLabelingJob")
validate_parameters(labeling_job, operation.input_shape)  # raises if the request is malformed
print(f"{operation.name}: well-formed, workforce = {labeling_job['HumanTaskConfig']['WorkteamArn']}")

# The same job for a private team of employees: no price per task.
private_job = {**labeling_job, "LabelingJobName": "mlsguide-claims-private",
               "HumanTaskConfig": {k: v for k, v in labeling_job["HumanTaskConfig"].items()
                                   if k != "PublicWorkforceTaskPrice"}}
private_job["HumanTaskConfig"]["WorkteamArn"] = PRIVATE_TEAM
validate_parameters(private_job, operation.input_shape)
print(f"{operation.name}: well-formed, workforce = {PRIVATE_TEAM}")

problem = "none"
try:
    validate_parameters({k: v for k, v in labeling_job.items() if k != "HumanTaskConfig"},
                        operation.input_shape)
except ParamValidationError as error:
    problem = str(error).splitlines()[-1].strip()
print("without HumanTaskConfig:", problem)
assert "HumanTaskConfig" in problem, "even automated labelling needs human workers to start"
# --8<-- [end:labeling_job]

# --8<-- [start:mturk]
mturk = boto3.client("mturk", region_name="us-east-1")  # MTurk's API lives in us-east-1
question_xml = (
    '<HTMLQuestion xmlns="http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/'
    '2011-11-11/HTMLQuestion.xsd"><HTMLContent><![CDATA[<p>Is this review positive?</p>]]>'
    "</HTMLContent><FrameHeight>400</FrameHeight></HTMLQuestion>"
)
hit = {
    "Title": "Is this product review positive or negative?",
    "Description": "Read one sentence and choose positive or negative.",
    "Reward": "0.05",  # US dollars, as a string
    "MaxAssignments": 3,  # three different workers answer each item
    "LifetimeInSeconds": 86_400,
    "AssignmentDurationInSeconds": 120,
    "Question": question_xml,
}
create_hit = mturk.meta.service_model.operation_model("CreateHIT")
validate_parameters(hit, create_hit.input_shape)
print(f"{create_hit.name}: well-formed, {hit['MaxAssignments']} workers at ${hit['Reward']} each")
try:
    validate_parameters({**hit, "Reward": 0.05}, create_hit.input_shape)
    problem = "none"
except ParamValidationError as error:
    problem = str(error).splitlines()[-1].strip()
print("with a numeric reward:", problem)
assert "Reward" in problem, "the reward is a string such as '0.05'"
# --8<-- [end:mturk]
