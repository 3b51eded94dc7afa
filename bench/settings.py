"""What `make bench` measures, shared by the runner and the tables: the contenders (the packages, the
column labels, the decoder switch), the commit issue 23 was filed against, and the rounds and workloads,
some overridable from the environment (BENCH_*)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import MappingProxyType

SDK5 = "pinecone-client==5.0.1"
SDK10 = os.environ.get("BENCH_PINECONE", "pinecone==10.2.0")  # the newest on PyPI when written
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
MEMORY_RUNS = int(os.environ.get("BENCH_MEMORY_RUNS", "3"))
WAITS = tuple(float(t) for t in os.environ.get("BENCH_WAITS", "0.5,3,20").split(",") if t)
CONCURRENT = (1_000, 10_000)
CONCURRENT_ROUNDS = int(os.environ.get("BENCH_CONCURRENT_ROUNDS", "3"))

# The commit issue 23 was filed against: the "today" of its memory target and the "before" of its
# decoding target.
FILED = "7a5bd5f"
# Selects pinecone-control's decoder; never inherited from the caller's environment by a worker.
DECODER_ENV = "PINECONE_CONTROL_DECODER"
REFERENCE_ENV: Mapping[str, str] = MappingProxyType({DECODER_ENV: "reference"})

RAW, OURS, REFERENCE = "raw", "ours", "ours, reference decoder"
SDK5_LABEL, SDK10_LABEL = SDK5.replace("==", " "), SDK10.replace("==", " ")
AT_FILED = f"ours @{FILED}"
