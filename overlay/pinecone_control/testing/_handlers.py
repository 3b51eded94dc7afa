"""The operations: one function per spec operation id, `(state, path name, body) -> (status, payload)`.

Rules the spec states are checked as the real service checks them; each message whose real wording
is known comes from `Wording` (see its sources). A handler raises `ApiError` to answer an error."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from typing import Any

from ._catalogue import (
    CLOUDS,
    EMBED_MAX_INPUTS,
    EMBED_MAX_TOKENS,
    EMBED_MODELS,
    INTEGER_RULES,
    METRICS,
    POD_FAMILIES,
    POD_SIZES,
    PROTECTION,
    Wording,
    is_valid_name,
)
from ._state import Collection, Index, State
from ._wire import ApiError, Body, invalid, not_found

Result = tuple[int, Any]
Handler = Callable[[State, str | None, bytes], Result]


def _check_name(value: str, what: str) -> str:
    if not is_valid_name(value):
        raise invalid(
            f"{what} must be 1-45 characters long, start and end with an alphanumeric character, and consist "
            "only of lower case alphanumeric characters or '-'."
        )
    return value


def _index(state: State, name: str | None) -> Index:
    if name not in state.indexes:
        raise not_found("Index", str(name))
    return state.indexes[name]


def _collection(state: State, name: str | None) -> Collection:
    if name not in state.collections:
        raise not_found("Collection", str(name))
    return state.collections[name]


def _resource_not_found(name: str) -> ApiError:
    return ApiError(404, "NOT_FOUND", Wording.RESOURCE_NOT_FOUND.format(name=name))


# -- indexes ------------------------------------------------------------------------------------


def list_indexes(state: State, name: str | None, body: bytes) -> Result:
    return 200, {"indexes": [index.to_json() for index in state.indexes.values()]}


def describe_index(state: State, name: str | None, body: bytes) -> Result:
    return 200, _index(state, name).to_json()


def create_index(state: State, name: str | None, body: bytes) -> Result:
    request = Body(body)
    data = request.data
    index_name = request.get(data, "name", str, required=True)
    dimension = request.integer(data, "dimension", INTEGER_RULES["CreateIndexRequest.dimension"], required=True)
    metric = request.enum(data, "metric", METRICS) or "cosine"
    protection = request.enum(data, "deletion_protection", PROTECTION) or "disabled"
    spec = _parse_index_spec(state, request, request.object(data, "spec", required=True) or {})
    _check_name(index_name, "Index name")
    assert dimension is not None
    if index_name in state.indexes:  # also while the old one is Terminating
        raise ApiError(409, "ALREADY_EXISTS", Wording.ALREADY_EXISTS)
    _check_index_quota(state, spec)
    index = Index(index_name, dimension, metric, protection, spec)
    source_name = spec.get("pod", {}).get("source_collection")
    if source_name is not None:
        source = state.collections.get(source_name)
        if source is None:
            raise _resource_not_found(source_name)
        if source.environment != spec["pod"]["environment"]:
            raise invalid(Wording.SAME_ENVIRONMENT)
        if source.status != "Ready":
            raise invalid(Wording.SOURCE_COLLECTION_NOT_READY)
        if source.dimension != dimension:
            raise invalid(Wording.SAME_DIMENSION)
        index.vector_count = source.vector_count
    state.indexes[index_name] = index
    seconds = state.timings.pod_ready if index.is_pod else state.timings.serverless_ready
    state.schedule(index, seconds, lambda: _settle(index))
    return 201, index.to_json()


def _settle(index: Index) -> None:
    index.state, index.ready = "Ready", True


def _parse_index_spec(state: State, request: Body, spec: dict[str, Any]) -> dict[str, Any]:
    unknown = set(spec) - {"serverless", "pod"}
    if unknown:
        raise request.fail(f"unknown field `{sorted(unknown)[0]}`, expected `serverless` or `pod`")
    if ("serverless" in spec) == ("pod" in spec):
        raise invalid("The spec must contain exactly one of `serverless` or `pod`.")
    if "serverless" in spec:
        serverless = request.object(spec, "serverless", required=True) or {}
        cloud = request.enum(serverless, "cloud", CLOUDS, required=True)
        region = request.get(serverless, "region", str, required=True)
        assert cloud is not None
        if region not in state.serverless_regions.get(cloud, ()):
            # The spec's example of create_index's 404.
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
    if environment not in state.pod_environments:
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


def _check_pod_type(pod_type: str) -> None:
    family, _, size = pod_type.partition(".")
    if family not in POD_FAMILIES or size not in POD_SIZES:
        raise invalid(f"Invalid pod type {pod_type}: one of s1, p1, p2 with x1, x2, x4 or x8, e.g. p1.x1.")


def _check_index_quota(state: State, spec: dict[str, Any]) -> None:
    quotas = state.quotas
    if "pod" in spec and quotas.max_pods is not None:
        wanted = state.pods_in_use() + spec["pod"]["pods"]
        if wanted > quotas.max_pods:
            raise quotas.error(
                f"The index exceeds the project quota of {quotas.max_pods} pods by {wanted - quotas.max_pods} "
                "pods. Upgrade your account or change the project settings to increase the quota."
            )
    limit = quotas.max_serverless_indexes
    if "serverless" in spec and limit is not None and sum(not i.is_pod for i in state.indexes.values()) >= limit:
        raise quotas.error("Increase your quota or upgrade to create more indexes.")


def delete_index(state: State, name: str | None, body: bytes) -> Result:
    index = _index(state, name)
    if index.deletion_protection == "enabled":
        raise ApiError(403, "FORBIDDEN", Wording.DELETION_PROTECTED)
    pending = [c.name for c in state.collections.values() if c.source == index.name and c.status == "Initializing"]
    if pending:
        raise ApiError(412, "FAILED_PRECONDITION", Wording.PENDING_COLLECTIONS.format(names=pending))
    if index.state != "Terminating":
        index.state, index.ready = "Terminating", False
        state.schedule(index, state.timings.index_delete, lambda: state.forget(index))
    return 202, None


def configure_index(state: State, name: str | None, body: bytes) -> Result:
    request = Body(body)
    data = request.data
    protection = request.enum(data, "deletion_protection", PROTECTION)
    spec = request.object(data, "spec")
    pod = request.object(spec, "pod", required=True) if spec is not None else None
    rule = INTEGER_RULES["ConfigureIndexRequest.spec.pod.replicas"]
    replicas = request.integer(pod, "replicas", rule) if pod is not None else None
    pod_type = request.get(pod, "pod_type", str) if pod is not None else None
    index = _index(state, name)
    if protection is None and replicas is None and pod_type is None:
        raise invalid("Nothing to configure: pass spec.pod.replicas, spec.pod.pod_type or deletion_protection.")
    if index.state == "Terminating":
        raise invalid(f"Index {index.name} is being deleted.")
    if (replicas is not None or pod_type is not None) and not index.is_pod:
        raise invalid(Wording.SERVERLESS_CONFIGURE)
    if pod_type is not None or replicas is not None:
        _scale(state, index, replicas, pod_type)
    if protection is not None:  # in effect at once: the SDKs' tests describe right after and expect it
        index.deletion_protection = protection
    return 202, index.to_json()


def _scale(state: State, index: Index, replicas: int | None, pod_type: str | None) -> None:
    current = index.spec["pod"]
    moves: list[tuple[str, float]] = []
    if pod_type is not None and pod_type != current["pod_type"]:
        _check_pod_type(pod_type)
        old_family, old_size = current["pod_type"].split(".")
        family, size = pod_type.split(".")
        if family != old_family:
            raise invalid(Wording.CANNOT_CHANGE_POD_TYPE)
        up = POD_SIZES.index(size) > POD_SIZES.index(old_size)
        moves.append(("ScalingUpPodSize" if up else "ScalingDownPodSize", state.timings.scale_pod_size))
    if replicas is not None and replicas != current["replicas"]:
        if state.quotas.max_pods is not None:
            extra = (replicas - current["replicas"]) * current["shards"]
            if state.pods_in_use() + extra > state.quotas.max_pods:
                raise state.quotas.error("Increase your quota or upgrade to create more indexes.")
        moves.append(("ScalingUp" if replicas > current["replicas"] else "ScalingDown", state.timings.scale_replicas))
    if not moves:
        return
    # The spec shows the requested values at once (the SDKs' tests describe right after a configure
    # and find them); the state says the change is not yet in effect. The index keeps serving.
    target = {**current}
    if pod_type is not None:
        target["pod_type"] = pod_type
    if replicas is not None:
        target["replicas"] = replicas
        target["pods"] = replicas * current["shards"]
    index.spec = {"pod": target}
    index.state = moves[0][0]
    state.schedule(index, max(seconds for _, seconds in moves), lambda: _settle(index))


# -- collections --------------------------------------------------------------------------------


def list_collections(state: State, name: str | None, body: bytes) -> Result:
    return 200, {"collections": [c.to_json() for c in state.collections.values()]}


def describe_collection(state: State, name: str | None, body: bytes) -> Result:
    return 200, _collection(state, name).to_json()


def create_collection(state: State, name: str | None, body: bytes) -> Result:
    request = Body(body)
    collection_name = request.get(request.data, "name", str, required=True)
    source_name = request.get(request.data, "source", str, required=True)
    _check_name(collection_name, "Collection name")
    source = state.indexes.get(source_name)
    if source is None:
        raise _resource_not_found(source_name)
    if not source.is_pod:
        raise invalid(Wording.SERVERLESS_COLLECTIONS)
    if not source.ready:  # `ready`, as describe shows it: a scaling index is ready and can be copied
        raise invalid(Wording.SOURCE_INDEX_NOT_READY)
    if collection_name in state.collections:
        raise ApiError(409, "ALREADY_EXISTS", Wording.ALREADY_EXISTS)
    limit = state.quotas.max_collections
    if limit is not None and len(state.collections) >= limit:
        raise state.quotas.error(
            f"Collection exceeds quota. Maximum allowed on your account is {limit}. "
            f"Currently have {len(state.collections)}."
        )
    collection = Collection(collection_name, source.name, source.location, source.dimension, source.vector_count)
    state.collections[collection_name] = collection
    state.schedule(collection, state.timings.collection_ready, lambda: setattr(collection, "status", "Ready"))
    return 201, collection.to_json()


def delete_collection(state: State, name: str | None, body: bytes) -> Result:
    collection = _collection(state, name)
    if collection.status != "Terminating":
        collection.status = "Terminating"
        state.schedule(collection, state.timings.collection_delete, lambda: state.forget(collection))
    return 202, None


# -- inference ----------------------------------------------------------------------------------


def embed(state: State, name: str | None, body: bytes) -> Result:
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


HANDLERS: dict[str, Handler] = {
    "list_indexes": list_indexes,
    "create_index": create_index,
    "describe_index": describe_index,
    "delete_index": delete_index,
    "configure_index": configure_index,
    "list_collections": list_collections,
    "create_collection": create_collection,
    "describe_collection": describe_collection,
    "delete_collection": delete_collection,
    "embed": embed,
}
