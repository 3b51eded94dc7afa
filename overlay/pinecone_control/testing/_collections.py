"""Collections (pod-based indexes' copies): which sources qualify, the quota, the size estimate."""

from __future__ import annotations

from ._catalogue import Wording
from ._conventions import Convention
from ._indexes import check_name, location
from ._kind import Kind
from ._state import Resource, State
from ._wire import ApiError, Body, invalid


class CollectionKind(Kind):
    ready_timing = "collection_ready"
    delete_timing = "collection_delete"

    def create(self, state: State, how: Convention, request: Body, parent: Resource | None) -> Resource:
        name = request.get(request.data, "name", str, required=True)
        source_name = request.get(request.data, "source", str, required=True)
        check_name(name, "Collection name")
        source = state.indexes.get(source_name)
        if source is None:
            raise ApiError(404, "NOT_FOUND", Wording.RESOURCE_NOT_FOUND.format(name=source_name))
        if not source.is_pod:
            raise invalid(Wording.SERVERLESS_COLLECTIONS)
        if not source.ready:  # `ready`, as describe shows it: a scaling index is ready and can be copied
            raise invalid(Wording.SOURCE_INDEX_NOT_READY)
        if name in state.collections:
            raise ApiError(409, "ALREADY_EXISTS", Wording.ALREADY_EXISTS)
        limit = state.quotas.max_collections
        if limit is not None and len(state.collections) >= limit:
            raise state.quotas.error(
                f"Collection exceeds quota. Maximum allowed on your account is {limit}. "
                f"Currently have {len(state.collections)}."
            )
        dimension = source.data.get("dimension", 0)
        vectors = source.facts.get("vector_count", 0)
        data = {
            "name": name,
            "environment": location(source.spec),
            "dimension": dimension,
            "vector_count": vectors,
            "size": vectors * dimension * 4 + 3_126_700,  # vectors as float32 plus a fixed overhead
        }
        return Resource("collections", name, data, facts={"source": source.key})
