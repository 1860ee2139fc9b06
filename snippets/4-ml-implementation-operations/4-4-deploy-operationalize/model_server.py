"""The inference-container contract: a model server answering /ping and /invocations.

Every SageMaker AI hosting container is a web server that answers `GET /ping` (health) and
`POST /invocations` (predictions) on port 8080. This file trains a small scikit-learn model,
serves it with the standard library's HTTP server on the loopback interface (on a free port, as
a stand-in for 8080 inside the container), calls both routes the way SageMaker AI does, and
stops the server. Run it with `.venv/bin/python <this file>`; nothing leaves the machine.
"""

# --8<-- [start:model]
import numpy as np
from mlsguide import SEED
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(SEED)
X = rng.normal(size=(500, 3))                       # tenure, monthly spend, support calls
y = (X @ np.array([-1.2, 0.4, 1.5]) + rng.normal(scale=0.5, size=500) > 0).astype(int)
model = LogisticRegression().fit(X, y)
print(f"churn model trained on {len(X)} rows, {X.shape[1]} features")
# --8<-- [end:model]

# --8<-- [start:server]
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class InferenceHandler(BaseHTTPRequestHandler):
    """The two routes SageMaker AI calls; everything else is a 404."""

    def do_GET(self):
        if self.path != "/ping":
            return self.reply(404, b"not found")
        healthy = model is not None                  # real servers check the model is loaded
        self.reply(200 if healthy else 503, b"")

    def do_POST(self):
        if self.path != "/invocations":
            return self.reply(404, b"not found")
        if self.headers.get("Content-Type") != "text/csv":
            return self.reply(415, b"send text/csv")
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        try:
            rows = np.array([[float(v) for v in line.split(",")] for line in body.splitlines()])
        except ValueError:
            return self.reply(400, b"each line must be numbers separated by commas")
        scores = model.predict_proba(rows)[:, 1]
        self.reply(200, "\n".join(f"{s:.3f}" for s in scores).encode(), "text/csv")

    def reply(self, status: int, body: bytes, content_type: str = "text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):                   # keep the example's output tidy
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), InferenceHandler)   # port 0: any free port
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
PORT = server.server_address[1]
print("model server listening on loopback")
# --8<-- [end:server]

# --8<-- [start:contract]
import http.client


def call(method: str, path: str, body: str | None = None, content_type: str = "text/csv"):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
    headers = {"Content-Type": content_type} if body is not None else {}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    result = response.status, response.read().decode()
    conn.close()
    return result


status, _ = call("GET", "/ping")
print("GET /ping ->", status)
status, scores = call("POST", "/invocations", "0.5,1.0,2.0\n2.0,-0.3,-1.0")
print("POST /invocations, two rows ->", status, scores.split("\n"))
for label, args in {"wrong content type": ("/invocations", '{"x": 1}', "application/json"),
                    "malformed CSV": ("/invocations", "0.5,abc,2", "text/csv")}.items():
    print(f"POST /invocations, {label} ->", call("POST", *args)[0])
first, second = (float(s) for s in scores.split("\n"))
assert status == 200 and first > 0.5 > second, "the heavy caller churns, the loyal one does not"
assert call("POST", "/invocations", "0.5,abc,2")[0] == 400
# --8<-- [end:contract]

# --8<-- [start:cleanup]
# Clean-up: stop the server and free the port
server.shutdown()
server.server_close()
thread.join(timeout=5)
print("server stopped:", not thread.is_alive())
# --8<-- [end:cleanup]
