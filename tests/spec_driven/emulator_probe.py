"""Run in a scratch copy after a bump (its `overlay/` and `generated/` first on the path): does the
unchanged emulator serve every operation of the version, through `Client` and `AsyncClient`, in
process and over the CLI, with each resource kind's lifecycle?

    python emulator_probe.py inprocess|cli  ->  a JSON report on stdout

Calls use keywords for everything but the path parameter, so they hold whatever the call shape.
The report lists each operation called, what it returned, and every failed step."""

from __future__ import annotations

import asyncio
import inspect
import json
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pinecone_control as pc
import pinecone_control_api.models as models
from fast_path_probe import FastPath  # type: ignore[import-not-found]  # beside this script, run by path
from pinecone_control.testing import API_VERSION, Emulator, Timings, VirtualClock
from pinecone_control_api._operations import BY_NAME, OPERATIONS

SERVERLESS = {"serverless": {"cloud": "aws", "region": "us-east-1"}}
POD = {"pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1"}}
# Shorter than the defaults (each change still takes emulated time, so intermediate states show).
TIMINGS = {"pod_ready": 20.0, "scale_replicas": 20.0, "scale_pod_size": 20.0, "collection_ready": 20.0}


class Report:
    def __init__(self) -> None:
        self.returned: dict[str, set[str]] = {}
        self.failures: list[str] = []

    def typed(self, operation: str, result: Any) -> Any:
        model = next((r.model for r in BY_NAME[operation].responses if 200 <= r.status < 300 and r.model), None)
        wanted = None if model is None else getattr(models, model)
        ok = result is None if wanted is None else isinstance(result, wanted)
        if not ok:
            self.failures.append(f"{operation} returned {type(result).__name__}, expected {model}")
        elif result is not None:
            try:  # typed all the way down: a nested part left as a dict has no `to_dict`
                result.to_dict()
            except Exception as exc:
                self.failures.append(f"{operation}: the result does not round-trip ({type(exc).__name__}: {exc})")
        self.returned.setdefault(operation, set()).add(type(result).__name__)
        return result

    def step(self, label: str, check: Callable[[], object]) -> None:
        try:
            check()
        except Exception:  # the report says what failed; the test asserts on it
            self.failures.append(f"{label}: {traceback.format_exc(limit=3)}")


def _refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (f"#/components/schemas/{v}" if k == "$ref" else _refs(v)) for k, v in node.items()}
    return [_refs(n) for n in node] if isinstance(node, list) else node


def schema_hook(report: Report) -> Callable[[str, int, Any], Any]:
    """Every answer checked against the version's response schema (JSON Schema, refs resolved)."""
    import jsonschema  # type: ignore[import-untyped]
    from pinecone_control_api._schemas import SCHEMAS

    document = {"components": {"schemas": _refs(SCHEMAS)}}

    def hook(operation: str, status: int, payload: Any) -> Any:
        model = next((r.model for r in BY_NAME[operation].responses if r.status == status), None)
        if model is not None and payload is not None:
            schema = {"$ref": f"#/components/schemas/{model}", **document}
            for error in jsonschema.Draft7Validator(schema).iter_errors(payload):
                report.failures.append(f"{operation} {status}: {error.message} at {list(error.absolute_path)}")
        return payload

    return hook


class Sync:
    """One calling convention for both clients: an AsyncClient's calls run on one event loop."""

    def __init__(self, client: Any, loop: asyncio.AbstractEventLoop | None, report: Report) -> None:
        self.client, self.loop, self.report = client, loop, report

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self.client, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            if self.loop is not None:
                result = self.loop.run_until_complete(result)
            return self.report.typed(name, result) if name in BY_NAME else result

        return call


def _values(embedding: Any) -> Any:
    inner = embedding if isinstance(embedding, dict) else embedding.to_dict()
    return inner.get("values") or inner.get("sparse_values")


def _status(model: Any) -> str:
    status = model.status
    return str(getattr(status, "state", status))


def expect_error(report: Report, label: str, error: type[Exception], call: Callable[[], object]) -> None:
    def check() -> None:
        try:
            call()
        except error:
            return
        raise AssertionError(f"{label}: no {error.__name__}")

    report.step(label, check)


def lifecycle(api: Sync, report: Report, advance: Callable[[float], None]) -> None:
    has = set(BY_NAME)
    index_fields = {f.path for f in BY_NAME["create_index"].body_fields}

    def indexes() -> None:
        created = api.create_index("movies", spec=SERVERLESS, dimension=8)
        assert _status(created) == "Initializing", _status(created)
        ready = api.describe_index("movies")
        advance(10)
        ready = api.describe_index("movies")
        assert _status(ready) == "Ready" and ready.status.ready, _status(ready)
        assert api.list_indexes().names() == ["movies"]
        api.configure_index("movies", deletion_protection="enabled")
        assert str(api.describe_index("movies").deletion_protection) in ("enabled", "DeletionProtection.ENABLED")
        expect_error(report, "delete protected", pc.DeletionProtectionError, lambda: api.delete_index("movies"))
        api.configure_index("movies", deletion_protection="disabled")
        if "tags" in index_fields:
            api.configure_index("movies", tags={"team": "search", "env": "test"})
            tags = api.describe_index("movies").tags
            assert tags is not None and tags.to_dict() == {"team": "search", "env": "test"}, tags
        configurable = {f.path for f in BY_NAME["configure_index"].body_fields}
        if "spec.serverless.read_capacity" in configurable:  # 2025-10
            assert api.describe_index("movies").spec.serverless.read_capacity.mode == "OnDemand"
            manual = {"replicas": 1, "shards": 1}
            capacity = {"mode": "Dedicated", "dedicated": {"node_type": "b1", "scaling": "Manual", "manual": manual}}
            api.configure_index("movies", spec={"serverless": {"read_capacity": capacity}})
            assert api.describe_index("movies").spec.serverless.read_capacity.mode == "Dedicated"
        api.delete_index("movies")
        deleting = api.describe_index("movies")
        assert _status(deleting) == "Terminating", _status(deleting)
        advance(10)
        expect_error(report, "deleted index", pc.NotFoundError, lambda: api.describe_index("movies"))

    def sparse() -> None:
        if "vector_type" not in index_fields:
            return
        made = api.create_index("words", spec=SERVERLESS, vector_type="sparse", tags={"kind": "sparse"})
        assert made.vector_type == "sparse" and str(made.metric).endswith(("dotproduct", "DOTPRODUCT")), made
        assert made.tags is not None and made.tags.to_dict() == {"kind": "sparse"}
        api.delete_index("words")
        advance(10)

    def pods() -> None:
        api.create_index("pods", spec=POD, dimension=8)
        advance(30)
        flat = "replicas" in inspect.signature(pc.Client.configure_index).parameters
        change = {"replicas": 2} if flat else {"spec": {"pod": {"replicas": 2}}}
        scaling = api.configure_index("pods", **change)
        assert _status(scaling) == "ScalingUp", _status(scaling)
        advance(30)
        assert _status(api.describe_index("pods")) == "Ready"
        made = api.create_collection(name="snap", source="pods")
        assert _status(made) == "Initializing"
        advance(30)
        assert _status(api.describe_collection("snap")) == "Ready"
        assert [c.name for c in api.list_collections().collections or []] == ["snap"]
        api.delete_collection("snap")
        advance(10)
        expect_error(report, "deleted collection", pc.NotFoundError, lambda: api.describe_collection("snap"))
        api.delete_index("pods")
        advance(10)

    def backups() -> None:
        if "create_backup" not in has:
            return
        api.create_index("source", spec=SERVERLESS, dimension=8, tags={"team": "x"})
        advance(10)
        first = api.create_backup("source", name="b1", description="first")
        assert _status(first) == "Initializing", _status(first)
        api.create_backup("source", name="b2")
        advance(30)
        described = api.describe_backup(first.backup_id)
        assert _status(described) == "Ready" and described.source_index_name == "source"
        assert described.dimension == 8
        page = api.list_index_backups("source", limit=1)
        assert len(page.data) == 1 and page.pagination is not None, page
        rest = api.list_index_backups("source", limit=1, pagination_token=page.pagination.next_)
        assert len(rest.data) == 1 and rest.data[0].backup_id != page.data[0].backup_id
        assert len(api.list_project_backups().data) == 2
        restored = api.create_index_from_backup_operation(first.backup_id, name="restored")
        job = api.describe_restore_job(restored.restore_job_id)
        assert _status(job) == "Pending" and job.target_index_name == "restored"
        assert _status(api.describe_index("restored")) == "Initializing"
        advance(5)
        assert _status(api.describe_restore_job(restored.restore_job_id)) == "Running"
        advance(60)
        done = api.describe_restore_job(restored.restore_job_id)
        assert _status(done) == "Completed" and done.percent_complete == 100.0, done
        assert [j.restore_job_id for j in api.list_restore_jobs().data] == [restored.restore_job_id]
        again = api.describe_index("restored")
        assert _status(again) == "Ready" and again.dimension == 8
        api.delete_backup(first.backup_id)
        advance(1)
        expect_error(report, "deleted backup", pc.NotFoundError, lambda: api.describe_backup(first.backup_id))

    def for_model() -> None:
        if "create_index_for_model" not in has:
            return
        made = api.create_index_for_model(
            "hosted", cloud="aws", region="us-east-1", model="multilingual-e5-large", field_map={"text": "chunk"}
        )
        assert made.embed is not None and made.embed.model == "multilingual-e5-large" and made.dimension == 1024
        advance(10)
        assert _status(api.describe_index("hosted")) == "Ready"

    def inference() -> None:
        if "embed" in has:
            flat = "input_type" in inspect.signature(pc.Client.embed).parameters
            kind = {"input_type": "query"} if flat else {"parameters": {"input_type": "query"}}
            out = api.embed(model="multilingual-e5-large", inputs=[{"text": "hi"}, {"text": "there"}], **kind)
            assert len(out.data) == 2
            again = api.embed(model="multilingual-e5-large", inputs=[{"text": "hi"}], **kind)
            assert _values(again.data[0]) == _values(out.data[0])  # deterministic
            expect_error(
                report,
                "embed unknown model",
                pc.BadRequestError,
                lambda: api.embed(model="x", inputs=[{"text": "a"}], **kind),
            )
        if "rerank" in has:
            ranked = api.rerank(
                model="bge-reranker-v2-m3", query="quick fox", documents=[{"text": "a dog"}, {"text": "the quick fox"}]
            )
            assert [d.index for d in ranked.data] == [1, 0] and ranked.data[0].score > ranked.data[1].score
        if "list_models" in has:
            listed = api.list_models()
            names = [m.model for m in listed.models or []]
            assert "multilingual-e5-large" in names and "bge-reranker-v2-m3" in names, names
            rerankers = api.list_models(type_="rerank")
            assert {m.type_ for m in rerankers.models or []} == {"rerank"}
        if "get_model" in has:
            card = api.get_model("multilingual-e5-large")
            assert card.model == "multilingual-e5-large" and card.default_dimension == 1024
            expect_error(report, "unknown model", pc.NotFoundError, lambda: api.get_model("nope"))

    for label, run in (
        ("indexes", indexes),
        ("sparse", sparse),
        ("pods", pods),
        ("backups", backups),
        ("for_model", for_model),
        ("inference", inference),
    ):
        report.step(label, run)


@contextmanager
def cli_server() -> Iterator[tuple[str, Callable[[float], None]]]:
    flags = [f"--{k.replace('_', '-')}={v}" for k, v in TIMINGS.items()]
    process = subprocess.Popen(
        [sys.executable, "-m", "pinecone_control.testing", "--port", "0", "--control", "--virtual-time", *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().rsplit(" ", 1)[-1].strip()
        import httpx

        control = httpx.Client(base_url=f"{url}/_emulator/", timeout=10)

        def advance(seconds: float) -> None:
            control.post("clock/advance", json={"seconds": seconds}).raise_for_status()

        yield url, advance
        control.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def run(where: str) -> dict[str, Any]:
    fast_path = FastPath()  # before the first call: each operation's decoder is loaded at its first answer
    report = Report()
    for kind in ("sync", "async"):
        loop = asyncio.new_event_loop() if kind == "async" else None
        if where == "inprocess":
            emulator = Emulator(clock=VirtualClock(), timings=Timings(**TIMINGS), response_hook=schema_hook(report))
            client: Any = emulator.client() if loop is None else emulator.async_client()
            lifecycle(Sync(client, loop, report), report, emulator.advance)
        else:
            with cli_server() as (url, advance):
                options: dict[str, Any] = {"api_key": "probe", "host": url, "max_retries": 0}
                client = pc.Client(**options) if loop is None else pc.AsyncClient(**options)
                lifecycle(Sync(client, loop, report), report, advance)
        if loop is not None:
            loop.run_until_complete(client.close())
            loop.close()
        else:
            client.close()
    return {
        "version": API_VERSION,
        "where": where,
        "operations": sorted(op.python_name for op in OPERATIONS),
        "returned": {k: sorted(v) for k, v in sorted(report.returned.items())},
        "not_called": sorted({op.python_name for op in OPERATIONS} - set(report.returned)),
        "failures": report.failures,
        "fast_path": fast_path.summary(),
        "success_models": sorted(
            {r.model for op in OPERATIONS for r in op.responses if 200 <= r.status < 300 and r.model}
        ),
    }


if __name__ == "__main__":
    json.dump(run(sys.argv[1]), sys.stdout, indent=1)
