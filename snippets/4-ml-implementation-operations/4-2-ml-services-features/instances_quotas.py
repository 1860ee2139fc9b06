"""Instance families for training and hosting, and the Service Quotas that cap them.

Reads the SageMaker AI API model to see which instance families a training job can use and which
an endpoint can use (Inferentia is for hosting, Trainium for training), then looks up the
account's SageMaker AI quotas with the Service Quotas API and prepares an increase request.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (the quota look-ups are free; the increase request is validated, not sent).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:families]
import re
from collections import defaultdict

import boto3
from mlsguide import aws

sm = boto3.client("sagemaker")
model = sm.meta.service_model
uses = defaultdict(set)
for use, shape in (("training", "TrainingInstanceType"), ("hosting", "ProductionVariantInstanceType")):
    for name in model.shape_for(shape).enum:
        family = re.match(r"ml\.([a-z]+)\d", name).group(1)   # ml.g5.xlarge -> g
        uses[family].add(use)
KINDS = {"c": "CPU, compute", "m": "CPU, general", "r": "CPU, memory", "t": "CPU, burstable",
         "g": "NVIDIA GPU", "p": "NVIDIA GPU, large", "inf": "Inferentia",
         "trn": "Trainium"}
for family in KINDS:
    print(f"ml.{family:<4s} {KINDS[family]:18s} {' and '.join(sorted(uses[family]))}")
assert uses["inf"] == {"hosting"}, "Inferentia instances serve models; they do not train"
assert "training" in uses["trn"]
assert all(uses[f] == {"hosting", "training"} for f in "cmrtgp"), "CPU and GPU: both uses"
# --8<-- [end:families]

# --8<-- [start:quotas]
from botocore.validate import validate_parameters

quotas = boto3.client("service-quotas")
WANTED = "ml.g5.xlarge for spot training job usage"   # one quota per instance type and use
page = aws.send(quotas.list_service_quotas, ServiceCode="sagemaker", MaxResults=100)
if page is None:
    print("ListServiceQuotas(sagemaker): validated and sent; the emulator lacks it")
else:   # AWS: the applied value for this account and Region (follow NextToken for the rest)
    for quota in page["Quotas"]:
        if quota["QuotaName"] == WANTED:
            print(quota["QuotaName"], quota["QuotaCode"], quota["Value"], quota["Adjustable"])
vpc = quotas.list_aws_default_service_quotas(ServiceCode="vpc")["Quotas"][0]
print("what a quota looks like:", {k: vpc[k] for k in ("QuotaName", "QuotaCode", "Value",
                                                          "Adjustable", "GlobalQuota")})
increase = {"ServiceCode": "sagemaker", "QuotaCode": "L-EXAMPLE1", "DesiredValue": 4.0}
validate_parameters(increase, quotas.meta.service_model.operation_model(
    "RequestServiceQuotaIncrease").input_shape)   # raises if the request is malformed
print("RequestServiceQuotaIncrease request is valid:", increase)
assert not vpc["GlobalQuota"] and vpc["QuotaCode"].startswith("L-"), "a per-Region quota"
# --8<-- [end:quotas]
