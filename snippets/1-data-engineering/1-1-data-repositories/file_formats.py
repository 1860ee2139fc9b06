"""The same table as CSV, JSON Lines, Parquet and ORC: file sizes and the bytes a query reads.

Builds a seeded table of 30 days of card transactions, writes it in each format with pyarrow,
prints the sizes, then answers one query (the total amount of one day, one column) against
each layout while counting the bytes actually read from disk, the quantity Athena bills for.
Finishes with two figures. Needs no AWS account; run it with
`.venv/bin/python snippets/1-data-engineering/1-1-data-repositories/file_formats.py`.
"""

# --8<-- [start:data]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
n_rows = 300_000
transactions = pd.DataFrame(
    {
        "transaction_id": np.arange(n_rows, dtype=np.int64),
        "customer_id": rng.integers(0, 20_000, n_rows),
        "merchant_category": rng.choice(
            ["grocery", "travel", "fuel", "online", "restaurant"], n_rows
        ),
        "amount": rng.gamma(2.0, 30.0, n_rows).round(2),
        "country": rng.choice(["DE", "FR", "GB", "IE", "US"], n_rows),
        "is_fraud": (rng.random(n_rows) < 0.01).astype(np.int8),
        # 30 days of dates, 10,000 rows each, in order
        "day": np.repeat(pd.date_range("2026-03-01", periods=30).strftime("%Y-%m-%d"), 10_000),
    }
)
print(transactions.head(3).to_string(index=False))
print(f"{len(transactions):,} rows, {transactions.shape[1]} columns")
# --8<-- [end:data]

# --8<-- [start:write]
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.dataset as ds
import pyarrow.orc as orc
import pyarrow.parquet as pq

root = Path(tempfile.mkdtemp())
table = pa.Table.from_pandas(transactions, preserve_index=False)

pa_csv.write_csv(table, root / "transactions.csv")
with pa.CompressedOutputStream(root / "transactions.csv.gz", "gzip") as out:
    pa_csv.write_csv(table, out)
transactions.to_json(root / "transactions.jsonl", orient="records", lines=True)
pq.write_table(table, root / "transactions.snappy.parquet", compression="snappy")
pq.write_table(table, root / "transactions.zstd.parquet", compression="zstd")
orc.write_table(table, root / "transactions.orc", compression="zlib")
# Hive-style partitions: one folder per day, day=2026-03-01/part-0.parquet
ds.write_dataset(
    table,
    root / "partitioned",
    format="parquet",
    partitioning=ds.partitioning(pa.schema([("day", pa.string())]), flavor="hive"),
    basename_template="part-{i}.parquet",
)


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else list(path.rglob("*.parquet"))
    return sum(f.stat().st_size for f in files) / 1e6


sizes = {
    "CSV": size_mb(root / "transactions.csv"),
    "CSV, gzip": size_mb(root / "transactions.csv.gz"),
    "JSON Lines": size_mb(root / "transactions.jsonl"),
    "Parquet, Snappy": size_mb(root / "transactions.snappy.parquet"),
    "Parquet, Zstandard": size_mb(root / "transactions.zstd.parquet"),
    "ORC, zlib": size_mb(root / "transactions.orc"),
    "Parquet, 30 day partitions": size_mb(root / "partitioned"),
}
for name, mb in sizes.items():
    print(f"{name:<27} {mb:6.2f} MB  {mb / sizes['CSV']:5.0%} of CSV")

assert sizes["JSON Lines"] > sizes["CSV"], "JSON repeats every key on every line"
assert sizes["Parquet, Snappy"] < sizes["CSV"] / 2, "columnar and compressed: under half of CSV"
assert sizes["CSV, gzip"] < sizes["CSV"] / 2, "gzip shrinks CSV too"
# --8<-- [end:write]

# --8<-- [start:sizes_figure]
import matplotlib.pyplot as plt
from mlsguide import figures

fig, ax = plt.subplots(figsize=(6, 3.6))
names = list(sizes)
ax.barh(names, [sizes[n] for n in names], color="#4c72b0", hatch="//", edgecolor="black")
ax.invert_yaxis()
ax.set_xlabel("size on disk (MB)")
ax.set_title("The same 300,000 rows in seven layouts")
fig.tight_layout()
figures.show(
    fig,
    alt=(
        "Horizontal bars of file size: JSON Lines is the largest at about three times CSV; "
        "gzip CSV, Parquet and ORC are each a fifth of CSV or less; the 30 small partitioned "
        "Parquet files together are larger than one Parquet file."
    ),
)
# --8<-- [end:sizes_figure]

# --8<-- [start:scan]
import io


class CountingFile(io.RawIOBase):
    """A read-only file that counts the bytes a reader pulls from it."""

    def __init__(self, path):
        self._file = open(path, "rb")
        self.bytes_read = 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        return self._file.seek(offset, whence)

    def tell(self):
        return self._file.tell()

    def readinto(self, buffer):
        n = self._file.readinto(buffer)
        self.bytes_read += n
        return n

    def close(self):
        self._file.close()
        super().close()


def total_for_day(path, day, fmt, columns=("day", "amount")):
    """SELECT sum(amount) WHERE day = ... ; return the answer and the bytes read."""
    counter = CountingFile(path)
    source = pa.PythonFile(counter, mode="r")
    if fmt == "csv":
        as_text = pa_csv.ConvertOptions(column_types={"day": pa.string()})
        rows = pa_csv.read_csv(source, convert_options=as_text).to_pandas()
    else:  # parquet: read only the columns the query names
        rows = pq.read_table(source, columns=list(columns)).to_pandas()
    answer = rows.loc[rows["day"] == day, "amount"].sum()
    return answer, counter.bytes_read


day = "2026-03-17"
scanned = {}
answer_csv, scanned["CSV, whole file"] = total_for_day(root / "transactions.csv", day, "csv")
answer_pq, scanned["Parquet, two columns"] = total_for_day(
    root / "transactions.snappy.parquet", day, "parquet"
)
# with partitions the engine opens one folder; the day lives in the path, so one column remains
one_day = next((root / "partitioned" / f"day={day}").glob("*.parquet"))
counter = CountingFile(one_day)
answer_part = pq.read_table(pa.PythonFile(counter, mode="r"), columns=["amount"])
answer_part = answer_part.column("amount").to_numpy().sum()
scanned["Parquet, partition + column"] = counter.bytes_read

for name, n_bytes in scanned.items():
    print(f"{name:<28} {n_bytes / 1e6:6.2f} MB read")
print(f"answer in every layout: {answer_csv:,.2f}")
assert np.isclose(answer_csv, answer_pq) and np.isclose(answer_csv, answer_part)
ratio = scanned["CSV, whole file"] / scanned["Parquet, partition + column"]
print(f"the partitioned layout read 1/{ratio:,.0f} of the bytes the CSV query read")
assert ratio > 100, "partition pruning plus column projection cut the scan by over 100 times"
assert scanned["Parquet, two columns"] < scanned["CSV, whole file"] / 4
# --8<-- [end:scan]

# --8<-- [start:scan_figure]
fig, ax = plt.subplots(figsize=(6, 3))
labels = list(scanned)
ax.barh(labels, [scanned[n] / 1e6 for n in labels], color="#dd8452", edgecolor="black")
ax.invert_yaxis()
ax.set_xscale("log")
ax.set_xlabel("MB read to total one day (log scale)")
ax.set_title("Bytes the same query reads")
fig.tight_layout()
figures.show(
    fig,
    alt=(
        "Horizontal bars on a log scale: the CSV query reads the whole 14 MB file, the Parquet "
        "query reads two columns, under 1 MB, and the partitioned Parquet query reads one "
        "column of one day, about a tenth of a megabyte."
    ),
)
# --8<-- [end:scan_figure]

# --8<-- [start:cleanup]
# Clean-up: delete the local folder of files
import shutil

shutil.rmtree(root)
print("deleted the local files")
# --8<-- [end:cleanup]
