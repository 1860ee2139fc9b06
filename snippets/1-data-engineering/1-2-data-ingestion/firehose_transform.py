"""A Firehose record-transformation Lambda handler, run locally on a sample event.

Amazon Data Firehose can invoke an AWS Lambda function on each buffered batch before delivery.
The function receives base64-encoded records and must return every `recordId` it was given, each
with a `result` (`Ok`, `Dropped` or `ProcessingFailed`) and base64-encoded `data`. This file
defines such a handler (keep the fields a model needs, drop bot traffic, reject malformed JSON),
builds a sample event in the shape Firehose sends, and calls the handler directly: no AWS calls.
"""

# --8<-- [start:handler]
import base64
import json


def lambda_handler(event, context):
    """Firehose transformation: exactly one output per input record."""
    output = []
    for record in event["records"]:
        out = {"recordId": record["recordId"], "data": record["data"]}
        try:
            click = json.loads(base64.b64decode(record["data"]))
            if click["user_id"].startswith("bot-"):
                out["result"] = "Dropped"  # filtered on purpose
            else:
                row = {  # only what the model needs, plus a label
                    "user_id": click["user_id"],
                    "event_type": click["event_type"],
                    "price": round(float(click["price"]), 2),
                    "label": int(click["event_type"] == "purchase"),
                }
                payload = (json.dumps(row) + "\n").encode()
                out["data"] = base64.b64encode(payload).decode()
                out["result"] = "Ok"
        except (ValueError, KeyError):  # bad JSON or a missing field
            out["result"] = "ProcessingFailed"  # keeps the original data
        output.append(out)
    return {"records": output}
# --8<-- [end:handler]

# --8<-- [start:event]
from mlsguide import data

start_ms = int(data.START.timestamp() * 1000)
bodies = [
    b'{"user_id": "u001", "event_type": "view", "price": 0}',
    b'{"user_id": "u002", "event_type": "purchase", "price": "39.5"}',
    b'{"user_id": "bot-17", "event_type": "view", "price": 0}',
    b'{"user_id": "u003", "event_type": "add_to_cart"',  # truncated JSON
]
sample_event = {
    "invocationId": "example-invocation-0001",
    "deliveryStreamArn": (
        "arn:aws:firehose:us-east-1:111122223333:deliverystream/clicks"
    ),
    "region": "us-east-1",
    "records": [
        {
            "recordId": f"rec-{i}",
            "approximateArrivalTimestamp": start_ms + 250 * i,
            "data": base64.b64encode(body).decode(),
        }
        for i, body in enumerate(bodies)
    ],
}
print(f"{len(sample_event['records'])} records in; rec-0 as Firehose sends it:")
print(sample_event["records"][0]["data"])
# --8<-- [end:event]

# --8<-- [start:run]
result = lambda_handler(sample_event, context=None)
ids_in = [r["recordId"] for r in sample_event["records"]]
ids_out = [r["recordId"] for r in result["records"]]
assert ids_out == ids_in, "every id comes back, none is invented"
for out in result["records"]:
    print(f"{out['recordId']}  {out['result']}")
    if out["result"] == "Ok":
        print("       " + base64.b64decode(out["data"]).decode().strip())

results = [out["result"] for out in result["records"]]
assert results == ["Ok", "Ok", "Dropped", "ProcessingFailed"], results
# --8<-- [end:run]
