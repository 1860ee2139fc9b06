"""Which AI services can a new account still use? Ask the SDK, then send one request to each.

botocore ships a model for every service AWS still offers; discontinued services disappear
from it. This file lists the AI services the exam names, shows which clients the installed
botocore still has, and sends one small, valid request to each remaining service. moto answers
some of them and refuses the rest; the page says what AWS returns for a new customer.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account: the requests only list or describe, except the Personalize schema, which is deleted.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:clients]
import boto3
import botocore.session
from mlsguide import aws

available = set(botocore.session.get_session().get_available_services())
EXAM_ERA = {   # boto3 client name -> the service as the exam names it
    "comprehend": "Comprehend", "translate": "Translate", "transcribe": "Transcribe",
    "polly": "Polly", "lexv2-models": "Lex (V2)", "rekognition": "Rekognition",
    "textract": "Textract", "personalize": "Personalize", "kendra": "Kendra",
    "forecast": "Forecast", "frauddetector": "Fraud Detector",
    "lookoutequipment": "Lookout for Equipment", "lookoutvision": "Lookout for Vision",
    "lookoutmetrics": "Lookout for Metrics", "elastic-inference": "Elastic Inference",
    "bedrock-runtime": "Bedrock", "qbusiness": "Q Business",
}
gone = sorted(name for client, name in EXAM_ERA.items() if client not in available)
print(f"botocore {botocore.__version__}: {len(EXAM_ERA) - len(gone)} of {len(EXAM_ERA)} "
      "clients present")
print("no client any more:", gone)
assert gone == ["Elastic Inference", "Lookout for Metrics", "Lookout for Vision"]
# --8<-- [end:clients]

# --8<-- [start:requests]
import json

REQUESTS = {
    "Personalize": (boto3.client("personalize").create_schema, dict(
        name="mlsguide-interactions",
        schema=json.dumps({"type": "record", "name": "Interactions",
                           "namespace": "com.amazonaws.personalize.schema", "version": "1.0",
                           "fields": [{"name": "USER_ID", "type": "string"},
                                      {"name": "ITEM_ID", "type": "string"},
                                      {"name": "TIMESTAMP", "type": "long"}]}))),
    "Forecast": (boto3.client("forecast").list_dataset_groups, {}),
    "Kendra": (boto3.client("kendra").list_indices, {}),
    "Fraud Detector": (boto3.client("frauddetector").get_detectors, {}),
    "Lookout for Equipment": (boto3.client("lookoutequipment").list_datasets, {}),
    "Bedrock": (boto3.client("bedrock-runtime").invoke_model, dict(
        modelId="amazon.titan-text-express-v1", contentType="application/json",
        body=json.dumps({"inputText": "Name one AWS AI service for speech."}))),
}
answered = {}
for name, (operation, params) in REQUESTS.items():
    response = aws.send(operation, **params)
    answered[name] = response is not None
    print(f"{name:22s} {operation.__name__:20s} "
          + ("answered" if answered[name] else "validated and sent; not in the emulator"))
if not aws.live():
    assert answered == {"Personalize": True, "Forecast": True, "Kendra": False,
                        "Fraud Detector": False, "Lookout for Equipment": False, "Bedrock": True}
# --8<-- [end:requests]

# --8<-- [start:cleanup]
# Clean-up: delete the Personalize schema
personalize = boto3.client("personalize")
arn = next(s["schemaArn"] for s in personalize.list_schemas()["schemas"]
           if s["name"] == "mlsguide-interactions")
personalize.delete_schema(schemaArn=arn)
print("schemas left:", [s["name"] for s in personalize.list_schemas()["schemas"]])
# --8<-- [end:cleanup]
