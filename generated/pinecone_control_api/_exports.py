"""Names `pinecone_control` re-exports from this package, found in the spec. Written by
openapi/codegen/generate.py (codegen/exports_module.py); do not edit.

STATUS_ENUMS: the enum of each resource's status as its describe operation returns it (`status`,
or `status.state`). Importing this module imports no model; `pinecone_control` loads them lazily.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import CollectionModelStatus, IndexModelStatusState

STATUS_ENUMS: tuple[str, ...] = (
    "CollectionModelStatus",
    "IndexModelStatusState",
)

__all__ = [
    "CollectionModelStatus",
    "IndexModelStatusState",
]
