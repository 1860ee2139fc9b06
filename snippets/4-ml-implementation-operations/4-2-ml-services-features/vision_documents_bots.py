"""Amazon Rekognition, Amazon Textract and Amazon Lex (V2): the requests that do the work.

Asks Rekognition for labels and for moderation labels on an image, Textract for the tables,
forms and two query answers in a scanned invoice, and builds a Lex V2 bot with one intent, one
slot and a Lambda fulfilment hook. moto answers some calls with canned data and lacks others;
every request is still validated by botocore and sent. The last section deletes the bot.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account, with MLSGUIDE_LEX_ROLE_ARN set to a role Lex can assume. Send a real image and a real
document (the bytes below are placeholders) to get real answers.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:vision]
import os

import boto3
from mlsguide import aws

rekognition, textract = boto3.client("rekognition"), boto3.client("textract")
IMAGE = b"\x89PNG placeholder bytes"     # up to 5 MB inline, or an S3 object up to 15 MB
labels = rekognition.detect_labels(Image={"Bytes": IMAGE}, MaxLabels=5, MinConfidence=80)
print("DetectLabels:", [(x["Name"], round(x["Confidence"])) for x in labels["Labels"]][:3])
moderation = aws.send(rekognition.detect_moderation_labels, Image={"Bytes": IMAGE},
                      MinConfidence=60)
print("DetectModerationLabels:", moderation["ModerationLabels"] if moderation
      else "validated and sent; the emulator lacks it")
invoice = aws.send(
    textract.analyze_document, Document={"Bytes": b"%PDF placeholder"},
    FeatureTypes=["TABLES", "FORMS", "QUERIES"],
    QueriesConfig={"Queries": [{"Text": "What is the invoice total?", "Alias": "TOTAL"},
                               {"Text": "Who is the supplier?", "Alias": "SUPPLIER"}]})
print("AnalyzeDocument:", f"{len(invoice['Blocks'])} blocks" if invoice
      else "validated and sent; the emulator lacks it")
text_only = textract.detect_document_text(Document={"Bytes": b"%PDF placeholder"})
print("DetectDocumentText:", len(text_only["Blocks"]), "blocks (the emulator's canned answer)")
assert labels["Labels"], "moto returns a fixed list of labels for any image"
assert aws.live() or text_only["Blocks"] == [], "and an empty page of text"
# --8<-- [end:vision]

# --8<-- [start:bot]
lex = boto3.client("lexv2-models")
bot = lex.create_bot(
    botName="mlsguide-orders",
    roleArn=os.environ.get("MLSGUIDE_LEX_ROLE_ARN",
                           "arn:aws:iam::123456789012:role/mlsguide-lex"),
    dataPrivacy={"childDirected": False},
    idleSessionTTLInSeconds=300,
)
bot_id = bot["botId"]
print("CreateBot:", bot["botName"], bot["botStatus"])
locale = dict(botId=bot_id, botVersion="DRAFT", localeId="en_GB")
done = aws.send(lex.create_bot_locale, **locale,
                nluIntentConfidenceThreshold=0.4)  # below this, Lex uses its fallback intent
print("CreateBotLocale:", "created" if done else "validated and sent; the emulator lacks it")
intent = aws.send(lex.create_intent, **locale, intentName="TrackOrder",
                  sampleUtterances=[{"utterance": "Where is my order"},
                                    {"utterance": "Track order {OrderNumber}"}],
                  fulfillmentCodeHook={"enabled": True})   # a Lambda function fulfils it
print("CreateIntent:", "created" if intent else "validated and sent; the emulator lacks it")
slot = aws.send(lex.create_slot, **locale,
                intentId=intent["intentId"] if intent else "EXAMPLE123",
                slotName="OrderNumber", slotTypeId="AMAZON.AlphaNumeric",
                valueElicitationSetting={
                    "slotConstraint": "Required",   # Lex keeps asking until it has a value
                    "promptSpecification": {"maxRetries": 2, "messageGroups": [{"message": {
                        "plainTextMessage": {"value": "What is your order number?"}}}]}})
print("CreateSlot:", "created" if slot else "validated and sent; the emulator lacks it")
assert bot["botId"] and bot["botStatus"].lower() == "creating"
# --8<-- [end:bot]

# --8<-- [start:cleanup]
# Clean-up: delete the bot with everything in it
lex.delete_bot(botId=bot_id, skipResourceInUseCheck=True)
print("bots left:", [b["botName"] for b in lex.list_bots()["botSummaries"]])
# --8<-- [end:cleanup]
