"""The four ways SageMaker AI serves predictions, as data checked against the service model.

Real-time endpoints, Serverless Inference, Asynchronous Inference and batch transform differ in
how big a request may be, how long it may run, whether they scale to zero and how they are
billed. This file keeps those limits as data, checks the ones the API itself enforces against
botocore's model of the SageMaker AI API, picks an option for a few workloads, and draws the
shape of each option's monthly cost. Prices are illustrative, not AWS prices.
Run it with `.venv/bin/python <this file>`; nothing here calls AWS.
"""

# --8<-- [start:limits]
import botocore.session

MB = 1024 * 1024
OPTIONS = {   # limits from the SageMaker AI developer guide (see the page's Sources)
    "real-time":    {"payload_mb": 6,    "seconds": 60,        "scales_to_zero": "components"},
    "serverless":   {"payload_mb": 4,    "seconds": 60,        "scales_to_zero": True},
    "asynchronous": {"payload_mb": 1024, "seconds": 3600,      "scales_to_zero": True},
    "batch":        {"payload_mb": 100,  "seconds": 3600,      "scales_to_zero": True},
}   # batch: per mini-batch request (MaxPayloadInMB) and per invocation; the job reads any size
# real-time: only an endpoint that hosts inference components can scale in to zero instances

session = botocore.session.get_session()
runtime = session.get_service_model("sagemaker-runtime")
sagemaker = session.get_service_model("sagemaker")
body_max = runtime.operation_model("InvokeEndpoint").input_shape.members["Body"].metadata["max"]
async_timeout = runtime.operation_model("InvokeEndpointAsync").input_shape \
    .members["InvocationTimeoutSeconds"].metadata["max"]
serverless = sagemaker.shape_for("ProductionVariantServerlessConfig").members
batch_timeout = sagemaker.shape_for("ModelClientConfig") \
    .members["InvocationsTimeoutInSeconds"].metadata["max"]
checks = {
    "InvokeEndpoint body (bytes)": (body_max, OPTIONS["real-time"]["payload_mb"] * MB),
    "InvokeEndpointAsync timeout (s)": (async_timeout, OPTIONS["asynchronous"]["seconds"]),
    "batch invocation timeout (s)": (batch_timeout, OPTIONS["batch"]["seconds"]),
    "serverless memory (MB)": ((serverless["MemorySizeInMB"].metadata["min"],
                                serverless["MemorySizeInMB"].metadata["max"]), (1024, 6144)),
    "serverless max concurrency": (serverless["MaxConcurrency"].metadata["max"], 200),
}
for name, (in_model, in_table) in checks.items():
    print(f"{name:32} service model {str(in_model):14} table {in_table}")
    assert in_model == in_table, f"{name}: the service model says {in_model}"
# --8<-- [end:limits]

# --8<-- [start:choose]
def choose(payload_mb: float, seconds: float, needs_answer_now: bool,
           idle_most_of_the_day: bool, whole_dataset: bool) -> str:
    """Pick the option a question of this shape usually wants."""
    if whole_dataset and not needs_answer_now:
        return "batch"
    fits = [n for n, o in OPTIONS.items() if n != "batch"
            and payload_mb <= o["payload_mb"] and seconds <= o["seconds"]]
    if needs_answer_now and "serverless" in fits and idle_most_of_the_day:
        return "serverless"
    if needs_answer_now and "real-time" in fits:
        return "real-time"
    return "asynchronous"


workloads = {
    "fraud score at checkout, steady traffic": (0.01, 0.05, True, False, False),
    "internal tool, a few calls an hour":       (0.2, 1, True, True, False),
    "30 MB scanned contract, 4 minutes":         (30, 240, False, True, False),
    "score 40 million customers every night":    (0.001, 0.01, False, False, True),
    "5 MB image, answer in 2 s, spiky":          (5, 2, True, True, False),
}
for name, args in workloads.items():
    print(f"{name:42} -> {choose(*args)}")
assert choose(*workloads["5 MB image, answer in 2 s, spiky"]) == "real-time"  # 5 MB > 4 MB
assert choose(*workloads["30 MB scanned contract, 4 minutes"]) == "asynchronous"
# --8<-- [end:choose]

# --8<-- [start:cost]
import matplotlib.pyplot as plt
import numpy as np
from mlsguide import figures

INSTANCE_HOUR = 0.23           # illustrative price of one ml.m5.large-class instance per hour
SERVERLESS_GB_SECOND = 0.00008  # illustrative price per GB-second of compute
HOURS = 730                    # hours in a month
requests = np.linspace(0, 3_000_000, 61)            # requests per month
real_time = np.full_like(requests, 2 * INSTANCE_HOUR * HOURS)   # two instances, always on
serverless_cost = requests * 0.5 * 4 * SERVERLESS_GB_SECOND      # 500 ms at 4 GB each
busy_hours = np.minimum(HOURS, requests / 20_000)               # one instance handles 20,000/h
asynchronous = busy_hours * INSTANCE_HOUR                        # scaled to zero when idle
crossover = requests[np.argmax(serverless_cost > real_time)]
print(f"two always-on instances: {real_time[0]:.0f} a month whatever the traffic")
print(f"serverless passes them at about {crossover / 1e6:.1f} million requests a month")
assert real_time[0] == real_time[-1] and serverless_cost[0] == 0 and 2.0e6 <= crossover <= 2.2e6

fig, ax = plt.subplots(figsize=(6, 3.6))
ax.plot(requests / 1e6, real_time, label="real-time, 2 instances", color="tab:blue")
ax.plot(requests / 1e6, serverless_cost, "--", label="serverless (per GB-second)",
        color="tab:orange")
ax.plot(requests / 1e6, asynchronous, ":", label="asynchronous, scales to zero",
        color="tab:green", linewidth=2)
ax.set_xlabel("requests per month (millions)")
ax.set_ylabel("cost per month (illustrative units)")
ax.set_title("Cost shape of three inference options", fontsize=9)
ax.legend(fontsize=8)
figures.show(fig, alt="Line chart of monthly cost against requests per month. The real-time "
                      "line is flat at about 336 whatever the traffic; the serverless line starts "
                      "at zero and rises steadily, crossing the real-time line near 2.1 million "
                      "requests; the asynchronous line also starts at zero and rises in "
                      "proportion to busy instance-hours.")
# --8<-- [end:cost]
