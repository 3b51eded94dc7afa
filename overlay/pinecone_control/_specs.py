"""Building an index's deployment spec: exactly one of serverless or pod, checked before I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pinecone_control_api.models import (
    IndexSpec,
    PodSpec,
    PodSpecMetadataConfig,
    ServerlessSpec,
    ServerlessSpecCloud,
)
from pinecone_control_api.types import UNSET

from . import _validation as check
from ._errors import ClientValidationError

SpecLike = IndexSpec | ServerlessSpec | PodSpec | Mapping[str, Any]


def serverless_spec(cloud: str | ServerlessSpecCloud, region: str) -> IndexSpec:
    """A serverless deployment, e.g. `serverless_spec("aws", "us-east-1")`."""
    return IndexSpec(
        serverless=ServerlessSpec(
            cloud=check.choice(cloud, ServerlessSpecCloud, "cloud"), region=check.non_empty_string(region, "region")
        )
    )


def pod_spec(
    environment: str,
    pod_type: str = "p1.x1",
    *,
    pods: int | None = None,
    replicas: int | None = None,
    shards: int | None = None,
    metadata_indexed: Iterable[str] | None = None,
    source_collection: str | None = None,
) -> IndexSpec:
    """A pod-based deployment. Only the values given are sent; the server fills in the rest."""
    return IndexSpec(
        pod=PodSpec(
            environment=check.non_empty_string(environment, "environment"),
            pod_type=check.pod_type(pod_type),
            pods=UNSET if pods is None else check.integer(pods, "pods", 1),
            replicas=UNSET if replicas is None else check.integer(replicas, "replicas", 1),
            shards=UNSET if shards is None else check.integer(shards, "shards", 1),
            metadata_config=UNSET
            if metadata_indexed is None
            else PodSpecMetadataConfig(indexed=check.string_list(metadata_indexed, "metadata_indexed")),
            source_collection=UNSET
            if source_collection is None
            else check.resource_name(source_collection, "source_collection"),
        )
    )


def as_index_spec(spec: object) -> IndexSpec:
    """Accept an IndexSpec, a bare ServerlessSpec/PodSpec, or a JSON-shaped mapping."""
    if isinstance(spec, ServerlessSpec):
        spec = IndexSpec(serverless=spec)
    elif isinstance(spec, PodSpec):
        spec = IndexSpec(pod=spec)
    elif isinstance(spec, Mapping):
        unknown = set(spec) - {"serverless", "pod"}
        if unknown:
            raise ClientValidationError(f"spec has unknown keys {sorted(unknown)}; use 'serverless' or 'pod'")
        try:
            spec = IndexSpec.from_dict(spec)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ClientValidationError(f"spec is not a valid serverless or pod spec: {exc!r}") from exc
    if not isinstance(spec, IndexSpec):
        raise ClientValidationError(
            f"spec must be built with serverless_spec(...) or pod_spec(...), not {type(spec).__name__}"
        )
    return _checked(spec)


def _checked(spec: IndexSpec) -> IndexSpec:
    has_serverless, has_pod = spec.serverless is not UNSET, spec.pod is not UNSET
    if has_serverless == has_pod:
        raise ClientValidationError("spec must set exactly one of 'serverless' or 'pod'")
    if isinstance(spec.serverless, ServerlessSpec):
        serverless_spec(spec.serverless.cloud, spec.serverless.region)
    if isinstance(spec.pod, PodSpec):
        pod = spec.pod
        check.non_empty_string(pod.environment, "environment")
        check.pod_type(pod.pod_type)
        for field in ("pods", "replicas", "shards"):
            value = getattr(pod, field)
            if value is not UNSET:
                check.integer(value, field, 1)
    return spec
