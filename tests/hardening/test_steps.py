"""The call logic stepped effect by effect, as h11 is tested: a scripted driver answers each `Send`,
a fake clock moves only when the program sleeps or an answer "takes" time, and the test asserts the
exact sequence of requests, budgets and sleeps. No sockets, no patched globals, no real waiting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control import _calls as ops
from pinecone_control import _flows as programs
from pinecone_control._config import ClientOptions
from pinecone_control._effects import Outcome, Program, Send, Sleep

from .test_data_loss import index_payload


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t


def options(clock: FakeClock, **kwargs: Any) -> ClientOptions:
    return ClientOptions(
        "k", "https://api.test", httpx.Timeout(10.0, connect=2.0), now=clock.now, random=lambda: 0.0, **kwargs
    )


Step = tuple[str, Any]
Answer = Callable[[Send], tuple[Outcome, float]]  # the outcome, and how long it "took"


def drive(program: Program[Any], clock: FakeClock, answer: Answer) -> tuple[list[Step], Any]:
    """Run `program` to its end; return the steps it took and its result (or the raised error)."""
    steps: list[Step] = []
    result: Any = None
    try:
        effect = next(program)
        while True:
            if isinstance(effect, Sleep):
                steps.append(("sleep", effect.seconds))
                clock.t += effect.seconds
                effect = program.send(None)
            else:
                steps.append(("send", (effect.method, effect.url.rsplit("/", 1)[-1], effect.budget)))
                outcome, took = answer(effect)
                clock.t += took
                effect = program.send(outcome)
    except StopIteration as stop:
        result = stop.value
    except pc.PineconeError as exc:
        result = exc
    return steps, result


def request_of(send: Send) -> httpx.Request:
    return httpx.Request(send.method, send.url)


def test_retries_back_off_exactly_and_budgets_shrink() -> None:
    clock = FakeClock()
    answers = iter([(503, 1.0), (503, 1.0), (200, 0.5)])

    def answer(send: Send) -> tuple[Outcome, float]:
        status, took = next(answers)
        body: dict[str, Any] = {"indexes": []}
        if status != 200:
            body = {"error": {"code": "UNAVAILABLE", "message": "x"}}
        return httpx.Response(status, json=body, request=request_of(send)), took

    opts = options(clock, total_timeout=20.0)
    steps, result = drive(programs.request(ops.build_call("list_indexes", {}), opts), clock, answer)
    # jitter 0.0 -> the undiluted backoff: 0.5 s, then 1 s; each attempt's budget is its timeout
    # (the largest httpx part, 10 s) while the call's 20 s budget has more than that left.
    assert steps == [
        ("send", ("GET", "indexes", 10.0)),
        ("sleep", 0.5),
        ("send", ("GET", "indexes", 10.0)),
        ("sleep", 1.0),
        ("send", ("GET", "indexes", 10.0)),
    ]
    assert len(result) == 0


def test_the_last_attempt_gets_only_what_the_call_budget_has_left() -> None:
    clock = FakeClock()

    def answer(send: Send) -> tuple[Outcome, float]:
        return httpx.ReadTimeout("slow", request=request_of(send)), send.budget or 0.0

    opts = options(clock, total_timeout=12.0)
    steps, result = drive(
        programs.request(ops.build_call("describe_index", {"path:index_name": "x"}), opts), clock, answer
    )
    assert steps == [("send", ("GET", "x", 10.0)), ("sleep", 0.5), ("send", ("GET", "x", 1.5))]
    assert isinstance(result, pc.APITimeoutError)


def test_a_lost_delete_answer_is_settled_by_one_describe_and_never_resent() -> None:
    clock = FakeClock()

    def answer(send: Send) -> tuple[Outcome, float]:
        if send.method == "DELETE":
            return httpx.ReadTimeout("lost", request=request_of(send)), 10.0
        return httpx.Response(200, json=index_payload("x", "Ready"), request=request_of(send)), 0.1

    program = programs.invoke(options(clock), "delete_index", {"path:index_name": "x"})
    steps, result = drive(program, clock, answer)
    assert steps == [("send", ("DELETE", "x", 10.0)), ("send", ("GET", "x", 10.0))]
    assert isinstance(result, pc.APITimeoutError)


@pytest.mark.parametrize("state", ["Terminating", None])
def test_a_settled_delete_succeeds(state: str | None) -> None:
    clock = FakeClock()

    def answer(send: Send) -> tuple[Outcome, float]:
        if send.method == "DELETE":
            return httpx.RemoteProtocolError("dropped", request=request_of(send)), 0.1
        if state is None:
            return httpx.Response(404, json={"error": {"code": "NOT_FOUND", "message": "x"}}), 0.1
        return httpx.Response(200, json=index_payload("x", state), request=request_of(send)), 0.1

    steps, result = drive(programs.invoke(options(clock), "delete_index", {"path:index_name": "x"}), clock, answer)
    assert [s[1][0] for s in steps] == ["DELETE", "GET"]
    assert result is None


def test_a_wait_polls_on_its_schedule_and_ends_at_its_deadline() -> None:
    clock = FakeClock()

    def answer(send: Send) -> tuple[Outcome, float]:
        return httpx.Response(200, json=index_payload("x", "Initializing"), request=request_of(send)), 0.2

    program = programs.wait_for(options(clock), "describe_index", "ready", {"path:index_name": "x"}, 3.0, None)
    steps, result = drive(program, clock, answer)
    # Describe at once, then every second; each describe's budget is what the wait has left.
    sends = [s for s in steps if s[0] == "send"]
    sleeps = [s[1] for s in steps if s[0] == "sleep"]
    assert [round(s[1][2], 6) for s in sends] == [3.0, 1.8, 0.6]
    assert sleeps == [1.0, 1.0, pytest.approx(0.4)]
    assert isinstance(result, pc.WaitTimeoutError)
    assert clock.t - 1000.0 == pytest.approx(3.0)
