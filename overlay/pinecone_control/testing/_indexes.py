"""Indexes: the service's facts the spec leaves to prose (pod arithmetic, quotas, regions, host
names, how long each change takes, sparse indexes, indexes for a hosted model). Everything else an
index answers is what its request said, completed from the version's `IndexModel`."""

from __future__ import annotations

from typing import Any

from ._catalogue import (
    CLOUDS,
    METRICS,
    MODELS,
    POD_FAMILIES,
    POD_SIZES,
    PROJECT,
    PROTECTION,
    Wording,
    integer_rule,
    is_valid_name,
    server_default,
)
from ._conventions import Convention
from ._kind import Kind, merge
from ._state import Resource, State
from ._wire import ApiError, Body, invalid


def check_name(value: str, what: str) -> str:
    if not is_valid_name(value):
        raise invalid(
            f"{what} must be 1-45 characters long, start and end with an alphanumeric character, and consist "
            "only of lower case alphanumeric characters or '-'."
        )
    return value


def location(spec: dict[str, Any]) -> str:
    deployment: dict[str, Any] = next(iter(spec.values()), {})
    return str(deployment.get("environment") or deployment.get("region") or "")


def host(name: str, spec: dict[str, Any]) -> str:
    return f"{name}-{PROJECT}.svc.{location(spec)}.pinecone.io"


class IndexKind(Kind):
    delete_timing = "index_delete"

    def create(self, state: State, how: Convention, request: Body, parent: Resource | None) -> Resource:
        data = request.data
        name = request.get(data, "name", str, required=True)
        protection = request.enum(data, "deletion_protection", PROTECTION, message=Wording.INVALID_PROTECTION)
        tags = request.object(data, "tags")
        # A variant (create-for-model): the model says the dimension, metric and vector type.
        fields = self._for_model(state, request) if how.variant else self._for_vectors(state, how, request)
        check_name(name, "Index name")
        if name in state.indexes:  # also while the old one is Terminating
            raise ApiError(409, "ALREADY_EXISTS", Wording.ALREADY_EXISTS)
        _check_index_quota(state, fields["spec"])
        record = {**data, **fields, "name": name, "host": host(name, fields["spec"])}
        record["deletion_protection"] = protection or server_default(how.operation, "deletion_protection", "disabled")
        if tags is not None:
            record["tags"] = tags
        return Resource("indexes", name, record)

    def _for_vectors(self, state: State, how: Convention, request: Body) -> dict[str, Any]:
        data = request.data
        vector_type = request.get(data, "vector_type", str) or "dense"
        rule = integer_rule(how.operation, "dimension")
        sparse = vector_type == "sparse"
        # A dense index needs a dimension (required by the 2024-07 spec; by prose from 2025-04 on).
        dimension = request.integer(data, "dimension", rule, required=not sparse)
        metric = request.enum(data, "metric", METRICS, message=Wording.INVALID_METRIC)
        if sparse and dimension is not None:
            raise invalid(Wording.SPARSE_DIMENSION)
        if sparse and metric not in (None, "dotproduct"):
            raise invalid(Wording.SPARSE_METRIC)
        spec = self._spec(state, how, request, request.object(data, "spec", required=True) or {})
        fields: dict[str, Any] = {"spec": spec, "metric": metric or ("dotproduct" if sparse else "cosine")}
        if dimension is not None:
            fields["dimension"] = dimension
        source_name = spec.get("pod", {}).get("source_collection")
        if source_name is not None:
            source = state.collections.get(source_name)
            if source is None:
                raise ApiError(404, "NOT_FOUND", Wording.RESOURCE_NOT_FOUND.format(name=source_name))
            if source.data["environment"] != spec["pod"]["environment"]:
                raise invalid(Wording.SAME_ENVIRONMENT)
            if source.data.get("dimension") != dimension:
                raise invalid(Wording.SAME_DIMENSION)
            if source.state != "Ready":
                raise invalid(Wording.SOURCE_COLLECTION_NOT_READY)
        return fields

    def _for_model(self, state: State, request: Body) -> dict[str, Any]:
        data = request.data
        cloud = request.enum(data, "cloud", CLOUDS, required=True)
        region = request.get(data, "region", str, required=True)
        embed = request.object(data, "embed", required=True) or {}
        model = request.get(embed, "model", str, required=True)
        request.object(embed, "field_map", required=True)
        assert cloud is not None
        _check_region(state, cloud, region)
        facts = MODELS.get(str(model))
        if facts is None or facts["type"] != "embed":
            embedders = [name for name, card in MODELS.items() if card["type"] == "embed"]
            raise invalid(Wording.UNKNOWN_MODEL.format(model=model, models=", ".join(embedders)))
        vector_type = str(facts["vector_type"])
        metric = request.enum(embed, "metric", METRICS, message=Wording.INVALID_METRIC) or facts["metric"]
        embed_out = {**embed, "metric": metric, "vector_type": vector_type}
        fields: dict[str, Any] = {"metric": metric, "vector_type": vector_type, "embed": embed_out}
        if facts.get("dimension") is not None:
            dimension = request.get(embed, "dimension", int) or facts["dimension"]
            fields["dimension"] = embed_out["dimension"] = dimension
        serverless = {"cloud": cloud, "region": region}
        for extra in ("read_capacity", "schema"):  # given at the top level, kept in the spec (2025-10)
            if extra in data:
                serverless[extra] = data[extra]
        fields["spec"] = {"serverless": serverless}
        return fields

    def _spec(self, state: State, how: Convention, request: Body, spec: dict[str, Any]) -> dict[str, Any]:
        kinds = [k for k in ("serverless", "pod", "byoc") if k in spec]
        unknown = set(spec) - {"serverless", "pod", "byoc"}
        if unknown:
            raise request.fail(f"unknown field `{sorted(unknown)[0]}`, expected `serverless` or `pod`")
        if len(kinds) != 1:
            raise invalid("The spec must contain exactly one of `serverless` or `pod`.")
        if "byoc" in spec:
            byoc = request.object(spec, "byoc", required=True) or {}
            request.get(byoc, "environment", str, required=True)
            return {"byoc": dict(byoc)}
        if "serverless" in spec:
            serverless = request.object(spec, "serverless", required=True) or {}
            cloud = request.enum(serverless, "cloud", CLOUDS, required=True)
            region = request.get(serverless, "region", str, required=True)
            assert cloud is not None
            _check_region(state, cloud, region)
            return {"serverless": {**serverless, "cloud": cloud, "region": region}}
        return {"pod": _pod(state, how, request, request.object(spec, "pod", required=True) or {})}

    def start(self, state: State, resource: Resource) -> None:
        seconds = state.timings.pod_ready if resource.is_pod else state.timings.serverless_ready
        state.schedule(resource, seconds, lambda: self.settle(resource))

    def configure(self, state: State, how: Convention, resource: Resource, request: Body) -> None:
        data = request.data
        protection = request.enum(data, "deletion_protection", PROTECTION, message=Wording.INVALID_PROTECTION)
        spec = request.object(data, "spec")
        pod = request.object(spec, "pod") if spec is not None else None
        if spec is not None and pod is None and not any(k in spec for k in ("serverless", "byoc")):
            request.object(spec, "pod", required=True)
        rule = integer_rule(how.operation, "spec.pod.replicas")
        replicas = request.integer(pod, "replicas", rule) if pod is not None else None
        pod_type = request.get(pod, "pod_type", str) if pod is not None else None
        others = {k: v for k, v in data.items() if k not in ("deletion_protection", "spec")}
        if protection is None and replicas is None and pod_type is None and not others and not spec:
            raise invalid("Nothing to configure: pass spec.pod.replicas, spec.pod.pod_type or deletion_protection.")
        if resource.state == "Terminating":
            raise invalid(f"Index {resource.key} is being deleted.")
        if (replicas is not None or pod_type is not None) and not resource.is_pod:
            raise invalid(Wording.SERVERLESS_CONFIGURE)
        if spec is not None and pod is None:
            deployment = next(k for k in ("serverless", "byoc") if k in spec)
            if deployment not in resource.spec:
                raise invalid(Wording.WRONG_DEPLOYMENT.format(kind=deployment))
            merge(resource.spec, {deployment: spec[deployment]})  # e.g. read_capacity (2025-10)
        if pod_type is not None or replicas is not None:
            _scale(state, resource, replicas, pod_type)
        if protection is not None:  # in effect at once: the SDKs' tests describe right after and expect it
            resource.data["deletion_protection"] = protection
        if "tags" in others:  # tags merge key by key; an empty value removes a tag (the SDKs' tests)
            tags = request.object(data, "tags") or {}
            merged = {**(resource.data.get("tags") or {}), **tags}
            resource.data["tags"] = {k: v for k, v in merged.items() if v != ""}
            others.pop("tags")
        merge(resource.data, others)  # anything else the version lets a configure set (embed, ...)

    def delete(self, state: State, resource: Resource) -> None:
        if resource.data.get("deletion_protection") == "enabled":
            raise ApiError(403, "FORBIDDEN", Wording.DELETION_PROTECTED)
        pending = [
            c.key
            for c in state.collections.values()
            if c.facts.get("source") == resource.key and c.state == "Initializing"
        ]
        if pending:
            raise ApiError(412, "FAILED_PRECONDITION", Wording.PENDING_COLLECTIONS.format(names=pending))
        super().delete(state, resource)


def _check_region(state: State, cloud: str, region: str) -> None:
    if region not in state.serverless_regions.get(cloud, ()):
        # The spec's example of create_index's 404.
        raise ApiError(404, "NOT_FOUND", f"Resource cloud: {cloud} region: {region} not found.")


def _pod(state: State, how: Convention, request: Body, pod: dict[str, Any]) -> dict[str, Any]:
    environment = request.get(pod, "environment", str, required=True)
    pod_type = request.get(pod, "pod_type", str, required=True)
    replicas = request.integer(pod, "replicas", integer_rule(how.operation, "spec.pod.replicas"))
    shards = request.integer(pod, "shards", integer_rule(how.operation, "spec.pod.shards"))
    pods = request.integer(pod, "pods", integer_rule(how.operation, "spec.pod.pods"))
    replicas = 1 if replicas is None else replicas
    shards = 1 if shards is None else shards
    metadata = request.object(pod, "metadata_config")
    source_collection = request.get(pod, "source_collection", str)
    if environment not in state.pod_environments:
        raise invalid(f"Invalid environment {environment}.")
    check_pod_type(pod_type)
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
    return result


def check_pod_type(pod_type: str) -> None:
    family, _, size = pod_type.partition(".")
    if family not in POD_FAMILIES or size not in POD_SIZES:
        raise invalid(f"Invalid pod type {pod_type}: one of s1, p1, p2 with x1, x2, x4 or x8, e.g. p1.x1.")


def _check_index_quota(state: State, spec: dict[str, Any]) -> None:
    quotas = state.quotas
    if "pod" in spec and quotas.max_pods is not None:
        wanted = state.pods_in_use() + spec["pod"]["pods"]
        if wanted > quotas.max_pods:
            raise quotas.error(Wording.POD_QUOTA.format(project=PROJECT, limit=quotas.max_pods))
    limit = quotas.max_serverless_indexes
    if "serverless" in spec and limit is not None and sum(not i.is_pod for i in state.indexes.values()) >= limit:
        raise quotas.error(Wording.SERVERLESS_QUOTA.format(project=PROJECT, limit=limit))


def _scale(state: State, index: Resource, replicas: int | None, pod_type: str | None) -> None:
    current = index.spec["pod"]
    moves: list[tuple[str, float]] = []
    if pod_type is not None and pod_type != current["pod_type"]:
        check_pod_type(pod_type)
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
                raise state.quotas.error(Wording.POD_QUOTA.format(project=PROJECT, limit=state.quotas.max_pods))
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
    index.data["spec"] = {"pod": target}
    # A change made while another is in flight does not cut it short: it ends when the later ends.
    due = max(seconds for _, seconds in moves)
    if index.pending is not None:
        due = max(due, index.pending.due_at - state.clock.now())
    if index.state not in ("ScalingUpPodSize", "ScalingDownPodSize") or pod_type is not None:
        index.state = moves[0][0]
    state.schedule(index, due, lambda: _settle(index))


def _settle(index: Resource) -> None:
    index.state, index.ready = "Ready", True
