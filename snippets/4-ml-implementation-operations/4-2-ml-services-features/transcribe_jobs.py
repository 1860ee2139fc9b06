"""Amazon Transcribe: a custom vocabulary and a batch job with speakers and PII redaction.

Uploads a short WAV file to S3, creates a custom vocabulary of product names, starts a batch
transcription job that labels up to two speakers, uses the vocabulary and redacts PII, and
polls the job to completion. A request with one speaker is refused by botocore before sending.
The last section deletes the job, the vocabulary and the bucket.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 and MLSGUIDE_BUCKET (a new
bucket name) to run it against your own account; Transcribe bills per second of audio.
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a bucket and two seconds of 16 kHz audio (a tone, standing in for a support call)
import io
import os
import time
import wave

import boto3
import numpy as np
from mlsguide import aws

s3 = boto3.client("s3")
transcribe = boto3.client("transcribe")
BUCKET = os.environ.get("MLSGUIDE_BUCKET", "mlsguide-transcribe-demo")
s3.create_bucket(Bucket=BUCKET)
samples = (0.2 * np.sin(2 * np.pi * 440 * np.arange(32_000) / 16_000) * 32_767).astype("<i2")
buffer = io.BytesIO()
with wave.open(buffer, "wb") as audio:
    audio.setnchannels(1)
    audio.setsampwidth(2)
    audio.setframerate(16_000)
    audio.writeframes(samples.tobytes())
s3.put_object(Bucket=BUCKET, Key="calls/call-0001.wav", Body=buffer.getvalue())
print("uploaded", f"s3://{BUCKET}/calls/call-0001.wav", f"({len(buffer.getvalue())} bytes)")
# --8<-- [end:setup]

# --8<-- [start:vocabulary]
transcribe.create_vocabulary(
    VocabularyName="mlsguide-products",
    LanguageCode="en-US",
    Phrases=["SageMaker", "XGBoost", "Nutri-Blend", "Q-Series"],  # words a generic model mishears
)
for _ in range(10):
    state = transcribe.get_vocabulary(VocabularyName="mlsguide-products")["VocabularyState"]
    if state != "PENDING":
        break
    time.sleep(0 if not aws.live() else 10)
print("vocabulary mlsguide-products:", state)
assert state == "READY"
# --8<-- [end:vocabulary]

# --8<-- [start:job]
job_request = dict(
    TranscriptionJobName="mlsguide-call-0001",
    Media={"MediaFileUri": f"s3://{BUCKET}/calls/call-0001.wav"},
    LanguageCode="en-US",
    OutputBucketName=BUCKET,
    Settings={"ShowSpeakerLabels": True, "MaxSpeakerLabels": 2,     # agent and caller
              "VocabularyName": "mlsguide-products"},
    ContentRedaction={"RedactionType": "PII", "RedactionOutput": "redacted",
                      "PiiEntityTypes": ["NAME", "CREDIT_DEBIT_NUMBER", "PHONE"]},
)
transcribe.start_transcription_job(**job_request)
statuses = []
for _ in range(60):
    job = transcribe.get_transcription_job(TranscriptionJobName="mlsguide-call-0001")
    status = job["TranscriptionJob"]["TranscriptionJobStatus"]
    statuses.append(status)
    print("status:", status)
    if status in ("COMPLETED", "FAILED"):
        break
    time.sleep(0 if not aws.live() else 15)
settings = job["TranscriptionJob"]["Settings"]
print("settings:", {k: settings[k] for k in ("ShowSpeakerLabels", "MaxSpeakerLabels",
                                              "VocabularyName")})
print("transcript:", job["TranscriptionJob"]["Transcript"]["TranscriptFileUri"])
assert status == "COMPLETED" and settings["MaxSpeakerLabels"] == 2
assert aws.live() or statuses == ["QUEUED", "IN_PROGRESS", "COMPLETED"]
# --8<-- [end:job]

# --8<-- [start:invalid]
from botocore.exceptions import ParamValidationError

try:
    transcribe.start_transcription_job(**{**job_request, "TranscriptionJobName": "one-speaker",
                                          "Settings": {"ShowSpeakerLabels": True,
                                                       "MaxSpeakerLabels": 1}})
except ParamValidationError as error:
    print(str(error).splitlines()[-1])
limits = transcribe.meta.service_model.shape_for("MaxSpeakers").metadata
print("MaxSpeakerLabels range in the API model:", limits["min"], "to", limits["max"])
assert (limits["min"], limits["max"]) == (2, 30)
# --8<-- [end:invalid]

# --8<-- [start:cleanup]
# Clean-up: delete the job, the vocabulary, and the bucket with its objects
transcribe.delete_transcription_job(TranscriptionJobName="mlsguide-call-0001")
transcribe.delete_vocabulary(VocabularyName="mlsguide-products")
for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
    s3.delete_object(Bucket=BUCKET, Key=item["Key"])
s3.delete_bucket(Bucket=BUCKET)
print("jobs left:", transcribe.list_transcription_jobs()["TranscriptionJobSummaries"])
# --8<-- [end:cleanup]
