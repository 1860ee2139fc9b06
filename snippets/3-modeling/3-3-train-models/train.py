"""A SageMaker AI training script that follows the training-container contract.

SageMaker AI starts the container, puts each input channel under /opt/ml/input/data/<channel>,
the hyperparameters in /opt/ml/input/config/hyperparameters.json (every value a string), and,
in its framework containers, the same paths in SM_* environment variables. The script trains a
scikit-learn logistic regression, saves it under /opt/ml/model (SM_MODEL_DIR), which SageMaker
AI uploads as model.tar.gz, and on an error writes the reason to /opt/ml/output/failure, which
becomes the job's FailureReason.

container_contract.py runs this file in a temporary folder laid out like /opt/ml. Run by hand
(.venv/bin/python snippets/3-modeling/3-3-train-models/train.py) it lays out such a folder itself.
"""

# --8<-- [start:contract]
import json
import os
import sys
import traceback
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression


def contract_paths():
    """Where the contract puts things: SM_* variables where set, else the /opt/ml defaults."""
    env = os.environ.get
    return {
        "train": Path(env("SM_CHANNEL_TRAIN", "/opt/ml/input/data/train")),
        "validation": Path(env("SM_CHANNEL_VALIDATION", "/opt/ml/input/data/validation")),
        "config": Path(env("SM_INPUT_CONFIG_DIR", "/opt/ml/input/config")),
        "model": Path(env("SM_MODEL_DIR", "/opt/ml/model")),
        "output": Path(env("SM_OUTPUT_DIR", "/opt/ml/output")),
    }


def read_hyperparameters(config_dir):
    """hyperparameters.json holds strings only: convert each value to the type the code needs."""
    raw = json.loads((config_dir / "hyperparameters.json").read_text())
    return {"C": float(raw.get("C", "1.0")), "max_iter": int(raw.get("max_iter", "200"))}
# --8<-- [end:contract]


# --8<-- [start:train]
def read_channel(folder):
    """Every CSV file in a channel, label in the first column, no header (the built-in style)."""
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise FileNotFoundError(f"no CSV files in channel folder {folder}")
    table = pd.concat(pd.read_csv(f, header=None) for f in files)
    return table.iloc[:, 1:].to_numpy(), table.iloc[:, 0].to_numpy()


def main():
    paths = contract_paths()
    try:
        params = read_hyperparameters(paths["config"])
        X, y = read_channel(paths["train"])
        model = LogisticRegression(C=params["C"], max_iter=params["max_iter"]).fit(X, y)
        X_val, y_val = read_channel(paths["validation"])
        # A line in a form a metric definition's regex can find in the job's logs
        print(f"validation:accuracy={model.score(X_val, y_val):.4f}")
        paths["model"].mkdir(parents=True, exist_ok=True)
        joblib.dump(model, paths["model"] / "model.joblib")
        return 0
    except Exception as error:
        # The contract: the reason goes to /opt/ml/output/failure, the exit code is not 0.
        paths["output"].mkdir(parents=True, exist_ok=True)
        (paths["output"] / "failure").write_text(f"{type(error).__name__}: {error}\n"
                                                 + traceback.format_exc(limit=1))
        return 1
# --8<-- [end:train]


if __name__ == "__main__":
    if "SM_MODEL_DIR" not in os.environ and not Path("/opt/ml/input").is_dir():
        # Run by hand, outside a container: lay out a throwaway /opt/ml-shaped folder first.
        import tempfile

        root = Path(tempfile.mkdtemp(prefix="opt-ml-"))
        rng = np.random.default_rng(0)
        for channel in ("train", "validation"):
            X = rng.normal(size=(200, 3))
            rows = np.column_stack([(X[:, 0] > 0).astype(int), X])
            (root / "input/data" / channel).mkdir(parents=True)
            np.savetxt(root / "input/data" / channel / "part-0.csv", rows, delimiter=",")
        (root / "input/config").mkdir(parents=True)
        (root / "input/config/hyperparameters.json").write_text('{"C": "0.5"}')
        os.environ.update({"SM_CHANNEL_TRAIN": f"{root}/input/data/train",
                           "SM_CHANNEL_VALIDATION": f"{root}/input/data/validation",
                           "SM_INPUT_CONFIG_DIR": f"{root}/input/config",
                           "SM_MODEL_DIR": f"{root}/model", "SM_OUTPUT_DIR": f"{root}/output"})
        print("training in a temporary /opt/ml-shaped folder")
        code = main()
        print("model/:", sorted(p.name for p in (root / "model").iterdir()))
        import shutil

        shutil.rmtree(root)
    else:
        code = main()
    if code:
        sys.exit(code)
