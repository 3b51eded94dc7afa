"""The 10 operations of the spec: generated request builders, success parsers, retry safety.

Requests are built by the generated endpoint modules' `_get_kwargs` (URL templating, quoting and
body serialisation stay generated); this module only validates arguments first and knows which
statuses mean success and whether a resend is safe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pinecone_control_api._operations import BY_NAME as SPEC
from pinecone_control_api.api.inference import embed as _embed
from pinecone_control_api.api.manage_indexes import (
    configure_index as _configure_index,
)
from pinecone_control_api.api.manage_indexes import (
    create_collection as _create_collection,
)
from pinecone_control_api.api.manage_indexes import (
    create_index as _create_index,
)
from pinecone_control_api.api.manage_indexes import (
    delete_collection as _delete_collection,
)
from pinecone_control_api.api.manage_indexes import (
    delete_index as _delete_index,
)
from pinecone_control_api.api.manage_indexes import (
    describe_collection as _describe_collection,
)
from pinecone_control_api.api.manage_indexes import (
    describe_index as _describe_index,
)
from pinecone_control_api.api.manage_indexes import (
    list_collections as _list_collections,
)
from pinecone_control_api.api.manage_indexes import (
    list_indexes as _list_indexes,
)
from pinecone_control_api.models import (
    CollectionModel,
    ConfigureIndexRequest,
    ConfigureIndexRequestSpec,
    ConfigureIndexRequestSpecPod,
    CreateCollectionRequest,
    CreateIndexRequest,
    CreateIndexRequestMetric,
    DeletionProtection,
    EmbeddingsList,
    EmbedRequest,
    EmbedRequestInputsItem,
    EmbedRequestParameters,
    IndexModel,
)
from pinecone_control_api.types import UNSET

from . import _schema_checks as schema
from . import _validation as check
from ._errors import ClientValidationError
from ._models import CollectionList, IndexList
from ._specs import as_index_spec

T = TypeVar("T")


@dataclass(frozen=True)
class Operation(Generic[T]):
    name: str
    success: frozenset[int]
    parse: Callable[[Any], T] | None  # None: the success response has no body
    # Safe to resend after the server may have acted on it (GET, PATCH-to-a-value, embed). Creates
    # and deletes are not: a delete by name, resent after its answer was lost, can remove a resource
    # someone re-created meanwhile.
    idempotent: bool


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request, ready to send: the operation and the generated `_get_kwargs` result."""

    operation: Operation[T]
    kwargs: Mapping[str, Any]
    resource: str | None = None  # the index/collection name, for error messages


LIST_INDEXES = Operation("list_indexes", frozenset({200}), IndexList.from_dict, idempotent=True)
CREATE_INDEX = Operation("create_index", frozenset({201}), IndexModel.from_dict, idempotent=False)
DESCRIBE_INDEX = Operation("describe_index", frozenset({200}), IndexModel.from_dict, idempotent=True)
DELETE_INDEX: Operation[None] = Operation("delete_index", frozenset({202}), None, idempotent=False)
CONFIGURE_INDEX = Operation("configure_index", frozenset({202}), IndexModel.from_dict, idempotent=True)
LIST_COLLECTIONS = Operation("list_collections", frozenset({200}), CollectionList.from_dict, idempotent=True)
CREATE_COLLECTION = Operation("create_collection", frozenset({201}), CollectionModel.from_dict, idempotent=False)
DESCRIBE_COLLECTION = Operation("describe_collection", frozenset({200}), CollectionModel.from_dict, idempotent=True)
DELETE_COLLECTION: Operation[None] = Operation("delete_collection", frozenset({202}), None, idempotent=False)
EMBED = Operation("embed", frozenset({200}), EmbeddingsList.from_dict, idempotent=True)

OPERATIONS: tuple[Operation[Any], ...] = (
    LIST_INDEXES,
    CREATE_INDEX,
    DESCRIBE_INDEX,
    DELETE_INDEX,
    CONFIGURE_INDEX,
    LIST_COLLECTIONS,
    CREATE_COLLECTION,
    DESCRIBE_COLLECTION,
    DELETE_COLLECTION,
    EMBED,
)


def _checked(operation: Operation[Any], parameters: Mapping[str, object], body: Any = None) -> None:
    """Every rule the spec states for this request (names, ranges, int32, enums, one-of), before I/O."""
    schema.check_request(SPEC[operation.name], parameters, None if body is None else body.to_dict())


def _protection(value: str | DeletionProtection | None) -> DeletionProtection | Any:
    return UNSET if value is None else check.choice(value, DeletionProtection, "deletion_protection")


def list_indexes() -> Call[IndexList]:
    return Call(LIST_INDEXES, _list_indexes._get_kwargs())


def create_index(
    name: str,
    dimension: int,
    spec: object,
    metric: str | CreateIndexRequestMetric | None,
    deletion_protection: str | DeletionProtection | None,
) -> Call[IndexModel]:
    body = CreateIndexRequest(
        name=name,
        dimension=dimension,
        spec=as_index_spec(spec),
        metric=UNSET if metric is None else check.choice(metric, CreateIndexRequestMetric, "metric"),
        deletion_protection=_protection(deletion_protection),
    )
    _checked(CREATE_INDEX, {}, body)
    return Call(CREATE_INDEX, _create_index._get_kwargs(body=body), name)


def describe_index(name: str) -> Call[IndexModel]:
    _checked(DESCRIBE_INDEX, {"index_name": name})
    return Call(DESCRIBE_INDEX, _describe_index._get_kwargs(name), name)


def delete_index(name: str) -> Call[None]:
    _checked(DELETE_INDEX, {"index_name": name})
    return Call(DELETE_INDEX, _delete_index._get_kwargs(name), name)


def configure_index(
    name: str,
    replicas: int | None,
    pod_type: str | None,
    deletion_protection: str | DeletionProtection | None,
) -> Call[IndexModel]:
    if replicas is None and pod_type is None and deletion_protection is None:
        raise ClientValidationError("configure_index needs at least one of replicas, pod_type, deletion_protection")
    spec: ConfigureIndexRequestSpec | Any = UNSET
    if replicas is not None or pod_type is not None:
        spec = ConfigureIndexRequestSpec(
            pod=ConfigureIndexRequestSpecPod(
                replicas=UNSET if replicas is None else replicas,
                pod_type=UNSET if pod_type is None else check.non_empty_string(pod_type, "pod_type"),
            )
        )
    body = ConfigureIndexRequest(spec=spec, deletion_protection=_protection(deletion_protection))
    _checked(CONFIGURE_INDEX, {"index_name": name}, body)
    return Call(CONFIGURE_INDEX, _configure_index._get_kwargs(name, body=body), name)


def list_collections() -> Call[CollectionList]:
    return Call(LIST_COLLECTIONS, _list_collections._get_kwargs())


def create_collection(name: str, source: str) -> Call[CollectionModel]:
    body = CreateCollectionRequest(name=name, source=check.non_empty_string(source, "source"))
    _checked(CREATE_COLLECTION, {}, body)
    return Call(CREATE_COLLECTION, _create_collection._get_kwargs(body=body), name)


def describe_collection(name: str) -> Call[CollectionModel]:
    _checked(DESCRIBE_COLLECTION, {"collection_name": name})
    return Call(DESCRIBE_COLLECTION, _describe_collection._get_kwargs(name), name)


def delete_collection(name: str) -> Call[None]:
    _checked(DELETE_COLLECTION, {"collection_name": name})
    return Call(DELETE_COLLECTION, _delete_collection._get_kwargs(name), name)


def embed(
    model: str,
    inputs: Sequence[str | Mapping[str, str]],
    input_type: str | None,
    truncate: str | None,
) -> Call[EmbeddingsList]:
    check.non_empty_string(model, "model")
    if isinstance(inputs, str | bytes) or not isinstance(inputs, Sequence) or not inputs:
        raise ClientValidationError("inputs must be a non-empty list of strings (or {'text': ...} mappings)")
    items = []
    for item in inputs:
        text = item.get("text") if isinstance(item, Mapping) else item
        if not isinstance(text, str):
            raise ClientValidationError(f"every input must be a string or {{'text': str}}, got {item!r}")
        items.append(EmbedRequestInputsItem(text=text))
    parameters: EmbedRequestParameters | Any = UNSET
    if input_type is not None or truncate is not None:
        parameters = EmbedRequestParameters(
            input_type=UNSET if input_type is None else check.non_empty_string(input_type, "input_type"),
            truncate=UNSET if truncate is None else check.non_empty_string(truncate, "truncate"),
        )
    body = EmbedRequest(model=model, inputs=items, parameters=parameters)
    _checked(EMBED, {}, body)
    return Call(EMBED, _embed._get_kwargs(body=body))
