"""A stateful emulator of the Pinecone control plane, API 2024-07.

`Emulator.handle` maps one request (method, path, headers, body) to a reply. It is used
in-process by `EmulatorTransport` and over real sockets by `EmulatorServer`; both consult
`Emulator.faults` first. All state is guarded by one lock, so any number of threads may call it.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import random
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .._polling import PollSchedule
from ._faults import Faults
from ._lifecycle import Timing, Transition
from ._wire import ApiError, Body, IntegerRule, Reply, check_name, error_reply, invalid, json_reply, not_found

if TYPE_CHECKING:
    from .._async_client import AsyncClient
    from .._client import Client
    from ._server import EmulatorServer

API_VERSION = "2024-07"
SERVERLESS_REGIONS: dict[str, tuple[str, ...]] = {
    "aws": ("us-east-1", "us-west-2", "eu-west-1"),
    "gcp": ("us-central1", "europe-west4"),
    "azure": ("eastus2",),
}
POD_ENVIRONMENTS = (
    "us-east1-gcp",
    "us-west1-gcp",
    "us-central1-gcp",
    "us-west4-gcp",
    "us-east4-gcp",
    "eu-west1-gcp",
    "eu-west4-gcp",
    "asia-northeast1-gcp",
    "asia-southeast1-gcp",
    "northamerica-northeast1-gcp",
    "us-east-1-aws",
    "eastus-azure",
)
POD_FAMILIES = ("s1", "p1", "p2")
POD_SIZES = ("x1", "x2", "x4", "x8")
EMBED_MODELS = {"multilingual-e5-large": 1024}
EMBED_MAX_INPUTS = 96
EMBED_MAX_TOKENS = 507
METRICS = ("cosine", "euclidean", "dotproduct")
PROTECTION = ("disabled", "enabled")
_PROJECT = "c01b5b5"
# The spec's integer properties (format, minimum, maximum); tests/emulator checks them against the spec.
INTEGER_RULES: dict[str, IntegerRule] = {
    "CreateIndexRequest.dimension": IntegerRule("int32", 1, 20000),
    "PodSpec.replicas": IntegerRule("int32", 1),
    "PodSpec.shards": IntegerRule("int32", 1),
    "PodSpec.pods": IntegerRule("int64", 1),
    "ConfigureIndexRequest.spec.pod.replicas": IntegerRule("int32", 1),
}

ResponseHook = Callable[[str, int, Any], Any]
# The emulator settles in microseconds: poll fast so waits in tests take milliseconds.
_CLIENT_DEFAULTS: dict[str, Any] = {
    "api_key": "emulator-api-key",
    "host": "https://api.pinecone.emulator",
    "poll": PollSchedule(interval=0.001, steady_for=1.0, factor=2.0, maximum=0.05),
}


@dataclass
class _Index:
    name: str
    dimension: int
    metric: str
    deletion_protection: str
    spec: dict[str, Any]
    state: str = "Initializing"
    ready: bool = False
    vector_count: int = 0
    pending: Transition | None = None

    @property
    def is_pod(self) -> bool:
        return "pod" in self.spec

    def to_json(self) -> dict[str, Any]:
        location = self.spec["pod"]["environment"] if self.is_pod else self.spec["serverless"]["region"]
        return {
            "name": self.name,
            "dimension": self.dimension,
            "metric": self.metric,
            "host": f"{self.name}-{_PROJECT}.svc.{location}.pinecone.io",
            "deletion_protection": self.deletion_protection,
            "spec": self.spec,
            "status": {"ready": self.ready, "state": self.state},
        }


@dataclass
class _Collection:
    name: str
    source: str
    environment: str
    dimension: int
    vector_count: int
    status: str = "Initializing"
    pending: Transition | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "environment": self.environment,
            "dimension": self.dimension,
            "vector_count": self.vector_count,
            "size": self.vector_count * self.dimension * 4 + 3_126_700,
        }


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    operation: str | None
    status: int  # 0: the connection was dropped without an answer


@dataclass(frozen=True)
class Exchange:
    """A front-end's instructions: wait `delay` seconds, then send `reply` (None: drop the connection)."""

    delay: float
    reply: Reply | None
    reset: bool = False  # send half of `reply`, then reset the connection


@dataclass
class Quotas:
    """Optional project limits; exceeding one answers `status` (403 FORBIDDEN or 429 QUOTA_EXCEEDED)."""

    max_pods: int | None = None
    max_serverless_indexes: int | None = None
    max_collections: int | None = None
    status: int = 403


@dataclass
class Emulator:
    """The emulated control plane. Timings say how long each state change takes."""

    api_keys: Iterable[str] | None = None  # None: any non-empty key
    index_ready: Timing = field(default_factory=Timing)
    index_configure: Timing = field(default_factory=Timing)
    index_delete: Timing = field(default_factory=Timing)
    collection_ready: Timing = field(default_factory=Timing)
    collection_delete: Timing = field(default_factory=Timing)
    quotas: Quotas = field(default_factory=Quotas)
    clock: Callable[[], float] = time.monotonic
    faults: Faults = field(default_factory=Faults)
    response_hook: ResponseHook | None = None  # (operation, status, payload) -> payload; for contract tests
    requests: list[RecordedRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._keys = None if self.api_keys is None else frozenset(self.api_keys)
        self._indexes: dict[str, _Index] = {}
        self._collections: dict[str, _Collection] = {}
        self._lock = threading.RLock()
        self._schedule: list[tuple[float, int, _Index | _Collection, Transition]] = []  # a heap by due time
        self._sequence = itertools.count()

    # -- front door -------------------------------------------------------------------------------

    def route(self, method: str, path: str) -> tuple[str | None, str | None]:
        """(operation id, path name) for a request; ("method_not_allowed", ...) or (None, None)."""
        methods, name = _route_methods(path)
        if methods is None:
            return None, None
        return methods.get(method.upper(), "method_not_allowed"), name

    def process(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Exchange:
        """What a front-end must do for one request: injected faults first, then `handle`."""
        operation, _ = self.route(method, path)
        action = self.faults.take(operation)
        if action.drop:
            self._record(method, path, operation, 0)
            return Exchange(action.delay, None)
        if action.reply is not None:
            self._record(method, path, operation, action.reply.status)
            return Exchange(action.delay, action.reply)
        reply = self.handle(method, path, headers, body)
        if action.content_type is not None:
            reply.headers["content-type"] = action.content_type
        return Exchange(action.delay, reply, reset=action.reset)

    def handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """The emulated API itself (no faults): one request in, one reply out."""
        operation, name = self.route(method, path)
        reply = self._dispatch(operation, name, path, headers, body)
        self._record(method, path, operation, reply.status)
        return reply

    def _record(self, method: str, path: str, operation: str | None, status: int) -> None:
        with self._lock:
            self.requests.append(RecordedRequest(method.upper(), path, operation, status))

    def _dispatch(
        self, operation: str | None, name: str | None, path: str, headers: Mapping[str, str], body: bytes
    ) -> Reply:
        if operation is None:
            return error_reply(404, "NOT_FOUND", "Not found.")
        if operation == "method_not_allowed":
            reply = error_reply(405, "UNIMPLEMENTED", "Method not allowed.")
            reply.headers["allow"] = ", ".join(_route_methods(path)[0] or {})
            return reply
        key = next((v for k, v in headers.items() if k.lower() == "api-key"), "")
        if not key.strip() or (self._keys is not None and key not in self._keys):
            return error_reply(401, "UNAUTHENTICATED", "Invalid API key.")
        handler: Callable[..., tuple[int, Any]] = getattr(self, f"_{operation}")
        try:
            with self._lock:
                self._advance_all()
                status, payload = handler(name, body) if name is not None else handler(body)
        except ApiError as exc:
            return exc.reply
        except Exception:  # an emulator bug: answer like the API would, and say so on stderr
            traceback.print_exc()
            return error_reply(500, "UNKNOWN", "Internal server error")
        if self.response_hook is not None:
            payload = self.response_hook(operation, status, payload)
        return Reply(status) if payload is None else json_reply(status, payload)

    # -- state helpers ----------------------------------------------------------------------------

    def _advance_all(self) -> None:
        # Only transitions whose time has come: O(due) per request, not O(resources).
        now = self.clock()
        while self._schedule and self._schedule[0][0] <= now:
            _, _, record, transition = heapq.heappop(self._schedule)
            if record.pending is transition and transition.due(now):
                record.pending = None
                transition.apply()

    def _start(self, record: _Index | _Collection, timing: Timing, apply: Callable[[], None]) -> None:
        record.pending = Transition.start(timing, self.clock(), apply)
        heapq.heappush(self._schedule, (record.pending.due_at, next(self._sequence), record, record.pending))

    def _look(self, record: _Index | _Collection) -> None:
        """A describe or list counts towards a pending transition's `describes`."""
        if record.pending is not None:
            record.pending.seen()
            if record.pending.due(self.clock()):
                pending, record.pending = record.pending, None
                pending.apply()

    @staticmethod
    def _forget(records: dict[str, Any], name: str) -> None:
        records.pop(name, None)

    def _index(self, name: str) -> _Index:
        if name not in self._indexes:
            raise not_found("Index", name)
        return self._indexes[name]

    def _collection(self, name: str) -> _Collection:
        if name not in self._collections:
            raise not_found("Collection", name)
        return self._collections[name]

    def _quota_error(self, message: str) -> ApiError:
        if self.quotas.status == 429:
            return ApiError(429, "QUOTA_EXCEEDED", message)
        return ApiError(403, "FORBIDDEN", message)

    def _pods_in_use(self) -> int:
        return sum(i.spec["pod"]["pods"] for i in self._indexes.values() if i.is_pod)

    # -- wiring -----------------------------------------------------------------------------------

    def client(self, **kwargs: Any) -> Client:
        """A `Client` wired to this emulator in-process (no sockets), polling fast."""
        from .._client import Client
        from ._transport import EmulatorTransport

        return Client(transport=EmulatorTransport(self), **{**_CLIENT_DEFAULTS, **kwargs})

    def async_client(self, **kwargs: Any) -> AsyncClient:
        from .._async_client import AsyncClient
        from ._transport import AsyncEmulatorTransport

        return AsyncClient(transport=AsyncEmulatorTransport(self), **{**_CLIENT_DEFAULTS, **kwargs})

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> EmulatorServer:
        """A real HTTP server for this emulator; use it as a context manager (it starts on enter)."""
        from ._server import EmulatorServer

        return EmulatorServer(self, host, port)

    # -- test controls ----------------------------------------------------------------------------

    def set_index_state(self, name: str, state: str, *, ready: bool | None = None) -> None:
        """Force an index into any state, including ones the spec does not list (e.g. `Disabled`)."""
        with self._lock:
            index = self._index(name)
            index.state, index.ready, index.pending = state, state == "Ready" if ready is None else ready, None

    def set_vector_count(self, name: str, count: int) -> None:
        with self._lock:
            self._index(name).vector_count = count

    def reset(self) -> None:
        with self._lock:
            self._indexes.clear()
            self._collections.clear()
            self._schedule.clear()
            self.requests.clear()
        self.faults.clear()

    # -- indexes ----------------------------------------------------------------------------------

    def _list_indexes(self, body: bytes) -> tuple[int, Any]:
        for index in list(self._indexes.values()):  # a look may complete a delete
            self._look(index)
        return 200, {"indexes": [index.to_json() for index in self._indexes.values()]}

    def _create_index(self, body: bytes) -> tuple[int, Any]:
        request = Body(body)
        data = request.data
        name = request.get(data, "name", str, required=True)
        dimension = request.integer(data, "dimension", INTEGER_RULES["CreateIndexRequest.dimension"], required=True)
        assert dimension is not None
        metric = request.enum(data, "metric", METRICS) or "cosine"
        protection = request.enum(data, "deletion_protection", PROTECTION) or "disabled"
        spec = self._parse_index_spec(request, request.object(data, "spec", required=True) or {})
        check_name(name, "Index name")
        if name in self._indexes:
            raise ApiError(409, "ALREADY_EXISTS", "Resource already exists.")
        self._check_index_quota(spec)
        index = _Index(name, dimension, metric, protection, spec)
        if "pod" in spec and spec["pod"].get("source_collection"):
            source = self._collections.get(spec["pod"]["source_collection"])
            if source is None or source.status != "Ready":
                raise invalid(f"Source collection {spec['pod']['source_collection']} is not ready or does not exist.")
            if source.dimension != dimension:
                raise invalid("Index dimension must match the source collection's dimension.")
            index.vector_count = source.vector_count
        self._indexes[name] = index
        self._start(index, self.index_ready, lambda: self._finish_init(index))
        return 201, index.to_json()

    def _finish_init(self, index: _Index) -> None:
        index.state, index.ready = "Ready", True

    def _parse_index_spec(self, request: Body, spec: dict[str, Any]) -> dict[str, Any]:
        unknown = set(spec) - {"serverless", "pod"}
        if unknown:
            raise request.fail(f"unknown field `{sorted(unknown)[0]}`, expected `serverless` or `pod`")
        if ("serverless" in spec) == ("pod" in spec):
            raise invalid("The spec must contain exactly one of `serverless` or `pod`.")
        if "serverless" in spec:
            serverless = request.object(spec, "serverless", required=True) or {}
            cloud = request.enum(serverless, "cloud", tuple(SERVERLESS_REGIONS), required=True)
            region = request.get(serverless, "region", str, required=True)
            assert cloud is not None
            if region not in SERVERLESS_REGIONS[cloud]:
                raise ApiError(404, "NOT_FOUND", f"Resource cloud: {cloud} region: {region} not found.")
            return {"serverless": {"cloud": cloud, "region": region}}
        pod = request.object(spec, "pod", required=True) or {}
        environment = request.get(pod, "environment", str, required=True)
        pod_type = request.get(pod, "pod_type", str, required=True)
        replicas = request.integer(pod, "replicas", INTEGER_RULES["PodSpec.replicas"])
        shards = request.integer(pod, "shards", INTEGER_RULES["PodSpec.shards"])
        pods = request.integer(pod, "pods", INTEGER_RULES["PodSpec.pods"])
        replicas = 1 if replicas is None else replicas
        shards = 1 if shards is None else shards
        metadata = request.object(pod, "metadata_config")
        source_collection = request.get(pod, "source_collection", str)
        if environment not in POD_ENVIRONMENTS:
            raise invalid(f"Invalid environment {environment}.")
        _check_pod_type(pod_type)
        if pods is not None and pods != replicas * shards:
            raise invalid("pods must equal shards x replicas.")
        result: dict[str, Any] = {
            "environment": environment,
            "replicas": replicas,
            "shards": shards,
            "pod_type": pod_type,
            "pods": replicas * shards,
        }
        if metadata is not None:
            indexed = request.get(metadata, "indexed", list)
            if indexed is not None and not all(isinstance(item, str) for item in indexed):
                raise request.fail("invalid type: expected a string in `indexed`")
            result["metadata_config"] = {} if indexed is None else {"indexed": indexed}
        if source_collection is not None:
            result["source_collection"] = source_collection
        return {"pod": result}

    def _check_index_quota(self, spec: dict[str, Any]) -> None:
        quotas = self.quotas
        if "pod" in spec and quotas.max_pods is not None:
            wanted = self._pods_in_use() + spec["pod"]["pods"]
            if wanted > quotas.max_pods:
                raise self._quota_error(
                    f"The index exceeds the project quota of {quotas.max_pods} pods by {wanted - quotas.max_pods} "
                    "pods. Upgrade your account or change the project settings to increase the quota."
                )
        limit = quotas.max_serverless_indexes
        if "serverless" in spec and limit is not None and sum(not i.is_pod for i in self._indexes.values()) >= limit:
            raise self._quota_error("Increase your quota or upgrade to create more indexes.")

    def _describe_index(self, name: str, body: bytes) -> tuple[int, Any]:
        index = self._index(name)
        self._look(index)
        return 200, index.to_json()

    def _delete_index(self, name: str, body: bytes) -> tuple[int, Any]:
        index = self._index(name)
        if index.deletion_protection == "enabled":
            raise ApiError(
                403,
                "FORBIDDEN",
                "Deletion protection is enabled for this index. Disable deletion protection before retrying.",
            )
        pending = [c.name for c in self._collections.values() if c.source == name and c.status == "Initializing"]
        if pending:
            raise ApiError(
                412,
                "FAILED_PRECONDITION",
                f"Unable to delete an index. There are pending collections for this index: {pending}",
            )
        if index.state != "Terminating":
            index.state, index.ready = "Terminating", False
            self._start(index, self.index_delete, lambda: self._forget(self._indexes, name))
        return 202, None

    def _configure_index(self, name: str, body: bytes) -> tuple[int, Any]:
        request = Body(body)
        data = request.data
        protection = request.enum(data, "deletion_protection", PROTECTION)
        spec = request.object(data, "spec")
        pod = request.object(spec, "pod", required=True) if spec is not None else None
        rule = INTEGER_RULES["ConfigureIndexRequest.spec.pod.replicas"]
        replicas = request.integer(pod, "replicas", rule) if pod is not None else None
        pod_type = request.get(pod, "pod_type", str) if pod is not None else None
        index = self._index(name)
        if protection is None and replicas is None and pod_type is None:
            raise invalid("Nothing to configure: pass spec.pod.replicas, spec.pod.pod_type or deletion_protection.")
        if index.state == "Terminating":
            raise invalid(f"Index {name} is being deleted.")
        if (replicas is not None or pod_type is not None) and not index.is_pod:
            raise invalid("Serverless indexes only support configuring deletion_protection.")
        if protection is not None:
            index.deletion_protection = protection
        if replicas is None and pod_type is None:
            return 202, index.to_json()
        self._scale(index, replicas, pod_type)
        return 202, index.to_json()

    def _scale(self, index: _Index, replicas: int | None, pod_type: str | None) -> None:
        current = index.spec["pod"]
        state = None
        if pod_type is not None and pod_type != current["pod_type"]:
            _check_pod_type(pod_type)
            old_family, old_size = current["pod_type"].split(".")
            family, size = pod_type.split(".")
            if family != old_family:
                raise invalid("Changing the pod type is not supported; only the pod size can change.")
            state = "ScalingUpPodSize" if POD_SIZES.index(size) > POD_SIZES.index(old_size) else "ScalingDownPodSize"
        if replicas is not None and replicas != current["replicas"]:
            if self.quotas.max_pods is not None:
                extra = (replicas - current["replicas"]) * current["shards"]
                if self._pods_in_use() + extra > self.quotas.max_pods:
                    raise self._quota_error("Increase your quota or upgrade to create more indexes.")
            state = state or ("ScalingUp" if replicas > current["replicas"] else "ScalingDown")
        if state is None:
            return
        # The spec shows the requested values at once; the status tells when they are in effect.
        target = {**current}
        if pod_type is not None:
            target["pod_type"] = pod_type
        if replicas is not None:
            target["replicas"] = replicas
            target["pods"] = replicas * current["shards"]
        index.spec = {"pod": target}
        index.state = state
        self._start(index, self.index_configure, lambda: self._finish_init(index))

    # -- collections ------------------------------------------------------------------------------

    def _list_collections(self, body: bytes) -> tuple[int, Any]:
        for collection in list(self._collections.values()):  # a look may complete a delete
            self._look(collection)
        return 200, {"collections": [c.to_json() for c in self._collections.values()]}

    def _create_collection(self, body: bytes) -> tuple[int, Any]:
        request = Body(body)
        name = request.get(request.data, "name", str, required=True)
        source_name = request.get(request.data, "source", str, required=True)
        check_name(name, "Collection name")
        source = self._indexes.get(source_name)
        if source is None:
            raise invalid(f"Source index {source_name} not found.")
        if not source.is_pod:
            raise invalid("Serverless indexes do not support collections.")
        if source.state != "Ready":
            raise invalid(f"Source index {source_name} is not ready.")
        if name in self._collections:
            raise ApiError(409, "ALREADY_EXISTS", "Resource already exists.")
        if self.quotas.max_collections is not None and len(self._collections) >= self.quotas.max_collections:
            raise self._quota_error(
                f"Collection exceeds quota. Maximum allowed on your account is {self.quotas.max_collections}. "
                f"Currently have {len(self._collections)}."
            )
        collection = _Collection(
            name, source_name, source.spec["pod"]["environment"], source.dimension, source.vector_count
        )
        self._collections[name] = collection
        self._start(collection, self.collection_ready, lambda: _set_ready(collection))
        return 201, collection.to_json()

    def _describe_collection(self, name: str, body: bytes) -> tuple[int, Any]:
        collection = self._collection(name)
        self._look(collection)
        return 200, collection.to_json()

    def _delete_collection(self, name: str, body: bytes) -> tuple[int, Any]:
        collection = self._collection(name)
        if collection.status != "Terminating":
            collection.status = "Terminating"
            self._start(collection, self.collection_delete, lambda: self._forget(self._collections, name))
        return 202, None

    # -- inference --------------------------------------------------------------------------------

    def _embed(self, body: bytes) -> tuple[int, Any]:
        request = Body(body, status=400)  # embed documents 400, not 422
        model = request.get(request.data, "model", str, required=True)
        inputs = request.get(request.data, "inputs", list, required=True)
        parameters = request.object(request.data, "parameters") or {}
        input_type = request.get(parameters, "input_type", str)
        truncate = request.get(parameters, "truncate", str) or "END"
        if model not in EMBED_MODELS:
            raise invalid(f"Model '{model}' not found. Supported models: {', '.join(EMBED_MODELS)}.")
        if input_type not in ("query", "passage"):
            raise invalid(f"Parameter input_type is required for model '{model}': 'query' or 'passage'.")
        if truncate not in ("END", "NONE"):
            raise invalid("Parameter truncate must be 'END' or 'NONE'.")
        if not inputs or len(inputs) > EMBED_MAX_INPUTS:
            raise invalid(f"Between 1 and {EMBED_MAX_INPUTS} inputs are required.")
        texts = []
        for item in inputs:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise request.fail("invalid type: expected an object with a string `text` in `inputs`")
            texts.append(item["text"])
        tokens = [_token_count(text) for text in texts]
        if truncate == "NONE" and max(tokens) > EMBED_MAX_TOKENS:
            raise invalid(f"Input is longer than the model's maximum of {EMBED_MAX_TOKENS} tokens.")
        dimension = EMBED_MODELS[model]
        data = [{"values": embedding(model, input_type, text, dimension)} for text in texts]
        usage = {"total_tokens": sum(min(t, EMBED_MAX_TOKENS) for t in tokens)}
        return 200, {"model": model, "data": data, "usage": usage}


_ROUTES: dict[tuple[str, bool], dict[str, str]] = {
    ("indexes", False): {"GET": "list_indexes", "POST": "create_index"},
    ("indexes", True): {"GET": "describe_index", "DELETE": "delete_index", "PATCH": "configure_index"},
    ("collections", False): {"GET": "list_collections", "POST": "create_collection"},
    ("collections", True): {"GET": "describe_collection", "DELETE": "delete_collection"},
    ("embed", False): {"POST": "embed"},
}


def _route_methods(path: str) -> tuple[dict[str, str] | None, str | None]:
    """The methods (-> operation ids) a path supports, and the resource name in it."""
    segments = path.split("?", 1)[0].split("/")
    if len(segments) < 2 or segments[0] != "":
        return None, None
    rest = segments[2:]
    if len(rest) > 1 or (rest and rest[0] == ""):
        return None, None
    return _ROUTES.get((segments[1], bool(rest))), unquote(rest[0]) if rest else None


def _set_ready(collection: _Collection) -> None:
    collection.status = "Ready"


def _check_pod_type(pod_type: str) -> None:
    family, _, size = pod_type.partition(".")
    if family not in POD_FAMILIES or size not in POD_SIZES:
        raise invalid(f"Invalid pod type {pod_type}: one of s1, p1, p2 with x1, x2, x4 or x8, e.g. p1.x1.")


def _token_count(text: str) -> int:
    """A stand-in for the tokenizer: deterministic, about one token per word, plus two specials."""
    return len(text.split()) + 2


def embedding(model: str, input_type: str | None, text: str, dimension: int) -> list[float]:
    """A deterministic unit vector for (model, input_type, text)."""
    seed = hashlib.sha256(f"{model}\0{input_type}\0{text}".encode()).digest()
    rng = random.Random(seed)
    values = [rng.gauss(0.0, 1.0) for _ in range(dimension)]
    norm = sum(v * v for v in values) ** 0.5 or 1.0
    return [round(v / norm, 6) for v in values]
