"""Building an index's deployment spec: exactly one of serverless or pod, checked before I/O against
the rules the spec states for `create_index`'s `spec` (from the generated tables, not by hand)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pinecone_control_api._operations import BY_NAME
from pinecone_control_api.models import (
    IndexSpec,
    PodSpec,
    PodSpecMetadataConfig,
    ServerlessSpec,
    ServerlessSpecCloud,
)
from pinecone_control_api.types import UNSET

from . import _schema_checks as schema
from . import _validation as check
from ._errors import ClientValidationError

_CREATE_INDEX = BY_NAME["create_index"]

SpecLike = IndexSpec | ServerlessSpec | PodSpec | Mapping[str, Any]


def serverless_spec(cloud: str | ServerlessSpecCloud, region: str) -> IndexSpec:
    """A serverless deployment, e.g. `serverless_spec("aws", "us-east-1")`."""
    spec = IndexSpec(
        serverless=ServerlessSpec(
            cloud=check.choice(cloud, ServerlessSpecCloud, "cloud"), region=check.non_empty_string(region, "region")
        )
    )
    return _checked(spec)


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
    """A pod-based deployment. Only the values given are sent; the server fills in the rest.
    `pod_type` is not checked against a list: the spec describes the pod types Pinecone offers
    today, and a new one is the server's call."""
    spec = IndexSpec(
        pod=PodSpec(
            environment=check.non_empty_string(environment, "environment"),
            pod_type=check.non_empty_string(pod_type, "pod_type"),
            pods=UNSET if pods is None else pods,
            replicas=UNSET if replicas is None else replicas,
            shards=UNSET if shards is None else shards,
            metadata_config=UNSET
            if metadata_indexed is None
            else PodSpecMetadataConfig(indexed=check.string_list(metadata_indexed, "metadata_indexed")),
            source_collection=UNSET if source_collection is None else source_collection,
        )
    )
    return _checked(spec)


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
        check.choice(spec.serverless.cloud, ServerlessSpecCloud, "cloud")
        check.non_empty_string(spec.serverless.region, "region")
    if isinstance(spec.pod, PodSpec):
        check.non_empty_string(spec.pod.environment, "environment")
    # Types, ranges (int32, minimum), enums and the one-of rule, as the spec states them.
    schema.check_field(_CREATE_INDEX, "spec", spec.to_dict())
    return spec
