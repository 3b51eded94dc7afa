"""The emulator CLI in another process, driven over HTTP only: its flags and config file, and the
control API (faults, clock, forced states, recorded requests, reset) as another language would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pinecone_control as pc
import pytest

KEY = "cli-key"


class Cli:
    """`python -m pinecone_control.testing ...` on 127.0.0.1, stopped by the test that started it."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pinecone_control.testing", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.stop()
            raise AssertionError(f"the CLI did not start: {self.process.stderr.read() if self.process.stderr else ''}")
        self.url = line.rsplit(" ", 1)[-1].strip()
        self.control = httpx.Client(base_url=f"{self.url}/_emulator/", timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture(scope="module")
def cli() -> Iterator[Cli]:
    running = Cli("--control", "--virtual-time", "--api-key", KEY)
    try:
        yield running
    finally:
        running.control.close()
        running.stop()


@pytest.fixture
def client(cli: Cli) -> Iterator[pc.Client]:
    cli.control.post("reset").raise_for_status()
    with pc.Client(api_key=KEY, host=cli.url, max_retries=0) as client:
        yield client


def test_a_fault_injected_from_another_process_reaches_the_client(cli: Cli, client: pc.Client) -> None:
    armed = cli.control.post("faults", json={"kind": "fail", "status": 503, "operation": "list_indexes"})
    assert armed.status_code == 200 and armed.json() == [{"remaining": 1, "operation": "list_indexes", "status": 503}]
    assert client.list_collections().names() == []  # another operation: not matched
    with pytest.raises(pc.InternalServerError) as info:
        client.list_indexes()
    assert info.value.status_code == 503 and "Injected failure 503" in str(info.value)
    assert client.list_indexes().names() == []
    assert [r["status"] for r in cli.control.get("requests").json()] == [200, 503, 200]


def test_delay_and_drop_faults_over_the_control_api(cli: Cli, client: pc.Client) -> None:
    cli.control.post("faults", json={"kind": "drop", "operation": "list_collections"}).raise_for_status()
    with pytest.raises(pc.APIConnectionError):
        client.list_collections()
    cli.control.post("faults", json={"kind": "delay", "seconds": 0.5}).raise_for_status()
    with pytest.raises(pc.APITimeoutError):
        client.with_options(timeout=0.1).list_collections()
    cli.control.delete("faults").raise_for_status()
    assert cli.control.get("faults").json() == []


def test_virtual_time_is_advanced_over_http(cli: Cli, client: pc.Client) -> None:
    client.create_index("pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", "p1.x1"))
    timings = cli.control.get("timings").json()
    cli.control.post("clock/advance", json={"seconds": timings["pod_ready"] - 1}).raise_for_status()
    assert client.describe_index("pods").status.state == "Initializing"
    state = cli.control.get("state").json()
    assert state["indexes"][0]["due_at"] == pytest.approx(state["now"] + 1)
    cli.control.post("clock/advance", json={"seconds": 1}).raise_for_status()
    assert client.describe_index("pods").status.state == "Ready"


def test_forced_state_and_timings(cli: Cli, client: pc.Client) -> None:
    client.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"))
    cli.control.put("indexes/movies/state", json={"state": "Disabled"}).raise_for_status()
    state = client.describe_index("movies").status.state
    assert state == "Disabled" and state.is_unknown
    assert cli.control.patch("timings", json={"index_delete": 0}).json()["index_delete"] == 0
    client.delete_index("movies")
    assert not client.has_index("movies")
    cli.control.patch("timings", json={"index_delete": 5}).raise_for_status()


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("POST", "faults", {"kind": "explode"}, 400),
        ("POST", "faults", {"kind": "fail", "status": 999}, 400),
        ("POST", "faults", b'{"kind": "delay", "seconds": 1e999}', 400),
        ("POST", "faults", b"[" * 5000, 400),
        ("POST", "clock/advance", {"seconds": -1}, 400),
        ("PATCH", "timings", {"warp": 1}, 400),
        ("PUT", "indexes/nope/state", {"state": "Ready"}, 404),
        ("GET", "nothing-here", None, 404),
        ("DELETE", "state", None, 405),
    ],
)
def test_bad_control_requests_are_refused_clearly(cli: Cli, method: str, path: str, body: object, status: int) -> None:
    content = body if isinstance(body, bytes | None) else httpx.Request("POST", "/", json=body).read()
    response = cli.control.request(method, path, content=content)
    assert response.status_code == status, response.text
    assert response.json()["error"]["message"]


def test_flags_and_config_file(tmp_path: Path) -> None:
    config = tmp_path / "emulator.toml"
    config.write_text(
        'api_keys = ["from-file"]\ncontrol = true\n[timings]\npod_ready = 30\n[quotas]\nmax_pods = 1\nstatus = 429\n'
    )
    cli = Cli("--config", str(config), "--scale-replicas", "7", "--pod-environment", "us-west1-gcp")
    try:
        timings = cli.control.get("timings").json()
        assert (timings["pod_ready"], timings["scale_replicas"], timings["serverless_ready"]) == (30, 7, 5)
        with pc.Client(api_key="from-file", host=cli.url, max_retries=0) as client:
            with pytest.raises(pc.BadRequestError, match="environment"):
                client.create_index("pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", "p1.x1"))
            client.create_index("pods", dimension=8, spec=pc.pod_spec("us-west1-gcp", "p1.x1"))
            with pytest.raises(pc.RateLimitError):
                client.create_index("more", dimension=8, spec=pc.pod_spec("us-west1-gcp", "p1.x1"))
    finally:
        cli.control.close()
        cli.stop()


def test_the_control_api_is_off_unless_enabled() -> None:
    cli = Cli("--instant")
    try:
        assert cli.control.get("state").status_code == 404
    finally:
        cli.control.close()
        cli.stop()


def test_a_bad_setting_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pinecone_control.testing", "--pod-ready", "-1"], capture_output=True, text=True
    )
    assert result.returncode == 2 and "pod_ready" in result.stderr
