"""Find and remove personal data before it reaches a training set.

Amazon Comprehend's `DetectPiiEntities` finds names, email addresses and account numbers in a
support ticket, and the example redacts them by offset. A customer table is then de-identified the
way a training set should be: direct identifiers dropped, the customer id replaced by a keyed
pseudonym that still joins, age and postcode generalised, and k-anonymity measured before and
after. Finally, the request for an Amazon Macie job that scans the raw bucket is built and
validated.

The emulator (moto) answers `DetectPiiEntities` with a fixed list of three entities at fixed
offsets; the ticket is written so that those offsets fall on the name, the email address and the
account number, which are the personal data Comprehend finds in it. Moto does not implement
Macie's `CreateClassificationJob`, so that request is validated by botocore and not sent.
Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to send the Comprehend call to
your own account (a few cents at most).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: the Comprehend and Macie clients, a support ticket and a seeded customer table
import hashlib
import hmac

import boto3
import numpy as np
import pandas as pd
from botocore.validate import validate_parameters
from mlsguide import SEED

comprehend, macie = boto3.client("comprehend"), boto3.client("macie2")
ticket = ("Support ticket 4471, escalated on Monday. Caller: Jane Roe says her churn-risk score "
          "changed after she moved to the annual plan, and she wants to know which details the "
          "model keeps about her. Please send the answer in an email to "
          "jane.roe.billing2@example.com before Friday. She also asked for the refund to be paid "
          "into bank account 004712345678901 and for this ticket to be closed afterwards.")
rng = np.random.default_rng(SEED)
n = 600
customers = pd.DataFrame({
    "customer_id": [f"C{100000 + i}" for i in range(n)],
    "name": [f"Customer {i}" for i in range(n)],
    "email": [f"customer{i}@example.com" for i in range(n)],
    "postcode": rng.choice(["SW1A 1AA", "SW1A 2BB", "M1 1AE", "M1 4BT", "LS1 3AD", "LS1 5DL"], n),
    "age": rng.integers(18, 80, n),
    "tenure_months": rng.integers(1, 72, n),
    "churned": rng.integers(0, 2, n),
})
# --8<-- [end:setup]

# --8<-- [start:comprehend]
found = comprehend.detect_pii_entities(Text=ticket, LanguageCode="en")["Entities"]
redacted = ticket
for entity in sorted(found, key=lambda e: e["BeginOffset"], reverse=True):   # right to left
    print(f"{entity['Type']:<20} {ticket[entity['BeginOffset']:entity['EndOffset']]!r:<34} "
          f"score {entity['Score']:.3f}")
    redacted = (redacted[:entity["BeginOffset"]] + f"[{entity['Type']}]"
                + redacted[entity["EndOffset"]:])
print(redacted[40:120], "...")
assert "@" not in redacted and "Jane Roe" not in redacted and "004712345678901" not in redacted
# --8<-- [end:comprehend]

# --8<-- [start:anonymise]
PSEUDONYM_KEY = b"kept-in-a-secret-store-not-in-the-data"   # whoever holds it can re-link


def pseudonym(value: str) -> str:
    return hmac.new(PSEUDONYM_KEY, value.encode(), hashlib.sha256).hexdigest()[:16]


def smallest_group(table, quasi_identifiers):
    """k of k-anonymity: the size of the rarest combination of quasi-identifiers."""
    return int(table.groupby(quasi_identifiers).size().min())


quasi = ["postcode", "age"]
print("before: k =", smallest_group(customers, quasi), "over", quasi)
training = customers.drop(columns=["name", "email"]).assign(
    customer_id=customers["customer_id"].map(pseudonym),
    postcode=customers["postcode"].str.split().str[0],                # SW1A 1AA -> SW1A
    age=pd.cut(customers["age"], bins=[17, 29, 44, 59, 120],         # 37 -> 30-44
               labels=["18-29", "30-44", "45-59", "60+"]).astype(str),
)
k_after = smallest_group(training, quasi)
print("after:  k =", k_after, "| columns:", list(training.columns))
print(training.head(3).to_string(index=False))
assert smallest_group(customers, quasi) == 1 and k_after == 38, k_after
assert training["customer_id"].iloc[0] == pseudonym("C100000")   # stable: joins still work
# --8<-- [end:anonymise]

# --8<-- [start:macie]
job = {
    "name": "mlsguide-raw-tickets-scan",
    "jobType": "ONE_TIME",
    "s3JobDefinition": {"bucketDefinitions": [
        {"accountId": "123456789012", "buckets": ["mlsguide-raw-tickets"]}]},
    "managedDataIdentifierSelector": "RECOMMENDED",
    "samplingPercentage": 100,
    "clientToken": "mlsguide-raw-tickets-scan-1",
}
operation = macie.meta.service_model.operation_model("CreateClassificationJob")
validate_parameters(job, operation.input_shape)   # raises ParamValidationError if malformed
members = operation.input_shape.members
print("CreateClassificationJob request is valid; job types:", members["jobType"].enum)
print("identifier selectors:", members["managedDataIdentifierSelector"].enum)
assert "SCHEDULED" in members["jobType"].enum
# --8<-- [end:macie]
