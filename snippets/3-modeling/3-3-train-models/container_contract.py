"""The training-container contract, run for real: /opt/ml, SM_* variables, failure, serving.

Lays out a temporary folder the way SageMaker AI lays out /opt/ml in a training container (input
channels, hyperparameters.json, inputdataconfig.json, resourceconfig.json), derives the SM_*
variables a framework container's toolkit sets from those files, runs train.py in it, runs it
again with a hyperparameter that makes it fail, and serves the trained model on loopback with
the two routes a SageMaker AI inference container answers: GET /ping and POST /invocations.

Run it with: .venv/bin/python snippets/3-modeling/3-3-train-models/container_contract.py
"""

# --8<-- [start:setup]
# Set-up: a temporary folder standing in for /opt/ml, and a seeded data set
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import mlsguide
import numpy as np
from mlsguide import SEED
from sklearn.datasets import make_classification

opt_ml = Path(tempfile.mkdtemp(prefix="opt-ml-"))
TRAIN_SCRIPT = Path(mlsguide.__file__).parents[1] / "3-modeling/3-3-train-models/train.py"
X, y = make_classification(n_samples=1_200, n_features=6, n_informative=4, random_state=SEED)
rows = np.column_stack([y, X.round(4)])        # label first, no header: the built-in CSV style
print(f"stand-in for /opt/ml: a temporary folder; {len(rows):,} labelled rows")
# --8<-- [end:setup]

# --8<-- [start:layout]
def write(relative, text):
    path = opt_ml / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


# What SageMaker AI writes before the container starts: one folder per channel ...
for channel, part in (("train", rows[:1_000]), ("validation", rows[1_000:])):
    write(f"input/data/{channel}/part-0.csv",
          "\n".join(",".join(f"{v:g}" for v in row) for row in part) + "\n")
# ... and the job's configuration, hyperparameters always as strings
write("input/config/hyperparameters.json", json.dumps({"C": "0.5", "max_iter": "300"}))
write("input/config/inputdataconfig.json", json.dumps({
    "train": {"ContentType": "text/csv", "TrainingInputMode": "File",
              "S3DistributionType": "FullyReplicated", "RecordWrapperType": "None"},
    "validation": {"ContentType": "text/csv", "TrainingInputMode": "File",
                   "S3DistributionType": "FullyReplicated", "RecordWrapperType": "None"}}))
write("input/config/resourceconfig.json", json.dumps({
    "current_host": "algo-1", "hosts": ["algo-1"], "network_interface_name": "eth0"}))

for path in sorted(p for p in opt_ml.rglob("*") if p.is_file()):
    print(path.relative_to(opt_ml))
hyperparameters = json.loads((opt_ml / "input/config/hyperparameters.json").read_text())
assert all(isinstance(v, str) for v in hyperparameters.values()), "the contract passes strings"
# --8<-- [end:layout]

# --8<-- [start:environment]
def toolkit_environment(root):
    """The SM_* variables a framework container's training toolkit derives from the files."""
    config = root / "input/config"
    channels = json.loads((config / "inputdataconfig.json").read_text())
    resources = json.loads((config / "resourceconfig.json").read_text())
    env = {
        "SM_MODEL_DIR": f"{root}/model",
        "SM_INPUT_DIR": f"{root}/input",
        "SM_INPUT_CONFIG_DIR": f"{config}",
        "SM_OUTPUT_DIR": f"{root}/output",
        "SM_OUTPUT_DATA_DIR": f"{root}/output/data",
        "SM_CHANNELS": json.dumps(sorted(channels)),
        "SM_HPS": (config / "hyperparameters.json").read_text(),
        "SM_CURRENT_HOST": resources["current_host"],
        "SM_HOSTS": json.dumps(resources["hosts"]),
        "SM_NUM_CPUS": str(os.cpu_count()),
        "SM_NUM_GPUS": "0",
    }
    env |= {f"SM_CHANNEL_{name.upper()}": f"{root}/input/data/{name}" for name in channels}
    return env


sm_env = toolkit_environment(opt_ml)
for name in ("SM_CHANNELS", "SM_CHANNEL_TRAIN", "SM_MODEL_DIR", "SM_HPS", "SM_CURRENT_HOST"):
    print(f"{name}={sm_env[name].replace(str(opt_ml), '/opt/ml')}")
assert sm_env["SM_CHANNEL_VALIDATION"].endswith("input/data/validation")
# --8<-- [end:environment]

# --8<-- [start:train]
run = subprocess.run([sys.executable, str(TRAIN_SCRIPT)], env=os.environ | sm_env,
                     capture_output=True, text=True, timeout=120)
print("exit code:", run.returncode)
print("logs:", run.stdout.strip())
print("model/:", sorted(p.name for p in (opt_ml / "model").iterdir()))
assert run.returncode == 0, run.stderr
accuracy = float(run.stdout.split("validation:accuracy=")[1])
assert accuracy > 0.8, "the model learned something"
assert not (opt_ml / "output/failure").exists(), "success leaves no failure file"
# --8<-- [end:train]

# --8<-- [start:failure]
write("input/config/hyperparameters.json", json.dumps({"C": "-1"}))   # C must be positive
failed = subprocess.run([sys.executable, str(TRAIN_SCRIPT)], env=os.environ | sm_env,
                        capture_output=True, text=True, timeout=120)
reason = (opt_ml / "output/failure").read_text().splitlines()[0]
print("exit code:", failed.returncode)
print("output/failure:", reason[:100])
assert failed.returncode == 1 and "InvalidParameterError" in reason
# --8<-- [end:failure]

# --8<-- [start:serve]
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import joblib

model = joblib.load(opt_ml / "model/model.joblib")   # what model.tar.gz would unpack to


class InferenceHandler(BaseHTTPRequestHandler):
    """The two routes SageMaker AI sends to an inference container (on port 8080 there)."""

    def do_GET(self):
        self.send_response(200 if self.path == "/ping" else 404)   # healthy: 200
        self.end_headers()

    def do_POST(self):
        if self.path != "/invocations" or self.headers["Content-Type"] != "text/csv":
            self.send_error(415 if self.path == "/invocations" else 404)
            return
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        features = np.array([[float(v) for v in line.split(",")] for line in body.splitlines()])
        answer = "\n".join(str(int(p)) for p in model.predict(features)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):   # keep the example's output tidy
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), InferenceHandler)   # loopback, a free port
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_port}"

with urllib.request.urlopen(f"{base}/ping", timeout=5) as reply:
    print("GET /ping ->", reply.status)
rows_to_score = "\n".join(",".join(f"{v:g}" for v in row) for row in X[1_000:1_005].round(4))
request = urllib.request.Request(f"{base}/invocations", data=rows_to_score.encode(),
                                 headers={"Content-Type": "text/csv"}, method="POST")
with urllib.request.urlopen(request, timeout=5) as reply:
    predictions = reply.read().decode().split("\n")
print("POST /invocations (5 CSV rows) ->", predictions, "labels:", [str(v) for v in y[1_000:1_005]])
assert len(predictions) == 5
# --8<-- [end:serve]

# --8<-- [start:cleanup]
# Clean-up: stop the server and delete the stand-in for /opt/ml
import shutil

server.shutdown()
server.server_close()
shutil.rmtree(opt_ml)
print("server stopped; folder removed:", not opt_ml.exists())
# --8<-- [end:cleanup]
