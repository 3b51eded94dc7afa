"""The models and builders the public surface names, re-exported by the `pinecone_control`
package. Written by openapi/codegen/generate.py; do not edit."""

from ._surface import pod_spec as pod_spec
from ._surface import serverless_spec as serverless_spec
from .models import CollectionList as CollectionList
from .models import CollectionModel as CollectionModel
from .models import CollectionModelStatus as CollectionModelStatus
from .models import ConfigureIndexRequestSpec as ConfigureIndexRequestSpec
from .models import CreateIndexRequestMetric as CreateIndexRequestMetric
from .models import DeletionProtection as DeletionProtection
from .models import EmbeddingsList as EmbeddingsList
from .models import EmbedRequestInputsItem as EmbedRequestInputsItem
from .models import EmbedRequestParameters as EmbedRequestParameters
from .models import IndexList as IndexList
from .models import IndexModel as IndexModel
from .models import IndexModelMetric as IndexModelMetric
from .models import IndexModelSpec as IndexModelSpec
from .models import IndexModelStatusState as IndexModelStatusState
from .models import IndexSpec as IndexSpec
from .models import PodSpec as PodSpec
from .models import ServerlessSpec as ServerlessSpec
from .models import ServerlessSpecCloud as ServerlessSpecCloud

__all__ = [
    "CollectionList",
    "CollectionModel",
    "CollectionModelStatus",
    "ConfigureIndexRequestSpec",
    "CreateIndexRequestMetric",
    "DeletionProtection",
    "EmbedRequestInputsItem",
    "EmbedRequestParameters",
    "EmbeddingsList",
    "IndexList",
    "IndexModel",
    "IndexModelMetric",
    "IndexModelSpec",
    "IndexModelStatusState",
    "IndexSpec",
    "PodSpec",
    "ServerlessSpec",
    "ServerlessSpecCloud",
    "pod_spec",
    "serverless_spec",
]
