"""Spec-derived metadata of every operation. Written by openapi/codegen/generate.py; do not edit.

One source for the client (argument checks, retries, docstrings) and the emulator (validation).
Field paths: `spec.pod.replicas` (nested property), `inputs[]` (list items), `tags.*` (map values),
`tags.<key>` (map keys). Models are named by class in `pinecone_control_api.models`, endpoint
modules by dotted path, so importing this module imports neither.
"""

from typing import Literal, NamedTuple

Scalar = str | int | float | bool | None


class Field(NamedTuple):
    """A path/query/header parameter, or a request-body property (nested ones by dotted path)."""

    path: str
    name: str
    python_name: str
    python_type: str
    location: str
    required: bool
    description: str = ""
    type: str = ""
    format: str | None = None
    enum: tuple[Scalar, ...] | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    min_items: int | None = None
    max_items: int | None = None
    nullable: bool = False
    closed: bool = False
    one_of_required: tuple[tuple[str, ...], ...] | None = None
    server_default: Scalar = None


class Response(NamedTuple):
    """A documented status; `model` is the body's class in `models`, None when there is no body."""

    status: int
    model: str | None
    description: str = ""


class Operation(NamedTuple):
    """One operation. `retry`: "safe" = resend after any failure; "unsafe" = only if it never left.
    `subject`: what it names, in words, for messages (`index` in "index 'movies' not found"): the
    kind its wait describes, else its last path parameter's; None for neither."""

    python_name: str
    operation_id: str
    module: str
    tag: str
    method: str
    path: str
    retry: Literal["safe", "unsafe"]
    summary: str
    description: str
    parameters: tuple[Field, ...]
    body_model: str | None
    body_required: bool
    body_description: str
    body_fields: tuple[Field, ...]
    responses: tuple[Response, ...]
    success: tuple[int, ...]
    errors: tuple[int, ...]
    docstring: str
    subject: str | None = None


OPERATIONS: tuple[Operation, ...] = (
    Operation(
        python_name="list_indexes",
        operation_id="list_indexes",
        module="pinecone_control_api.api.manage_indexes.list_indexes",
        tag="manage_indexes",
        method="GET",
        path="/indexes",
        retry="safe",
        summary="List indexes",
        description="This operation returns a list of all indexes in a project.",
        parameters=(),
        body_model=None,
        body_required=False,
        body_description="",
        body_fields=(),
        responses=(
            Response(
                status=200,
                model="IndexList",
                description="This operation returns a list of all the indexes that you have previously created, and which are associated with the given project",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(200,),
        errors=(401, 500),
        docstring="List indexes\n\nThis operation returns a list of all indexes in a project.\n\nReturns:\n    IndexList: (200) This operation returns a list of all the indexes that you have previously created, and which are associated with the given project\n\nRaises:\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 500: Internal server error.",
        subject=None,
    ),
    Operation(
        python_name="create_index",
        operation_id="create_index",
        module="pinecone_control_api.api.manage_indexes.create_index",
        tag="manage_indexes",
        method="POST",
        path="/indexes",
        retry="unsafe",
        summary="Create an index",
        description="Create an index for vectors created with an external embedding model.\n  \nFor guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-an-index).",
        parameters=(),
        body_model="CreateIndexRequest",
        body_required=True,
        body_description="The desired configuration for the index.",
        body_fields=(
            Field(
                path="name",
                name="name",
                python_name="name",
                python_type="str",
                location="body",
                required=True,
                description="The name of the index. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.",
                type="string",
                pattern="^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                min_length=1,
                max_length=45,
            ),
            Field(
                path="dimension",
                name="dimension",
                python_name="dimension",
                python_type="int",
                location="body",
                required=True,
                description="The dimensions of the vectors to be inserted in the index.",
                type="integer",
                format="int32",
                minimum=1,
                maximum=20000,
            ),
            Field(
                path="metric",
                name="metric",
                python_name="metric",
                python_type="CreateIndexRequestMetric",
                location="body",
                required=False,
                description="The distance metric to be used for similarity search. You can use 'euclidean', 'cosine', or 'dotproduct'.\n\nServer default: `cosine`.",
                type="string",
                enum=("cosine", "euclidean", "dotproduct"),
                server_default="cosine",
            ),
            Field(
                path="deletion_protection",
                name="deletion_protection",
                python_name="deletion_protection",
                python_type="DeletionProtection",
                location="body",
                required=False,
                description="Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index.\n\nServer default: `disabled`.",
                type="string",
                enum=("disabled", "enabled"),
                server_default="disabled",
            ),
            Field(
                path="spec",
                name="spec",
                python_name="spec",
                python_type="IndexSpec",
                location="body",
                required=True,
                description="The spec object defines how the index should be deployed.\n\nFor serverless indexes, you define only the [cloud and region](http://docs.pinecone.io/guides/index-data/create-an-index#cloud-regions) where the index should be hosted. For pod-based indexes, you define the [environment](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-environments) where the index should be hosted, the [pod type and size](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-types) to use, and other index characteristics.\n\nExactly one of: `serverless` | `pod`.",
                type="object",
                closed=True,
                one_of_required=(("serverless",), ("pod",)),
            ),
            Field(
                path="spec.serverless",
                name="serverless",
                python_name="serverless",
                python_type="ServerlessSpec",
                location="body",
                required=False,
                description="Configuration needed to deploy a serverless index.",
                type="object",
            ),
            Field(
                path="spec.serverless.cloud",
                name="cloud",
                python_name="cloud",
                python_type="ServerlessSpecCloud",
                location="body",
                required=True,
                description="The public cloud where you would like your index hosted.",
                type="string",
                enum=("gcp", "aws", "azure"),
            ),
            Field(
                path="spec.serverless.region",
                name="region",
                python_name="region",
                python_type="str",
                location="body",
                required=True,
                description="The region where you would like your index to be created.",
                type="string",
            ),
            Field(
                path="spec.pod",
                name="pod",
                python_name="pod",
                python_type="PodSpec",
                location="body",
                required=False,
                description="Configuration needed to deploy a pod-based index.",
                type="object",
            ),
            Field(
                path="spec.pod.environment",
                name="environment",
                python_name="environment",
                python_type="str",
                location="body",
                required=True,
                description="The environment where the index is hosted.",
                type="string",
            ),
            Field(
                path="spec.pod.replicas",
                name="replicas",
                python_name="replicas",
                python_type="int",
                location="body",
                required=False,
                description="The number of replicas. Replicas duplicate your index. They provide higher availability and throughput. Replicas can be scaled up or down as your needs change.\n\nServer default: `1`.",
                type="integer",
                format="int32",
                minimum=1,
                server_default=1,
            ),
            Field(
                path="spec.pod.shards",
                name="shards",
                python_name="shards",
                python_type="int",
                location="body",
                required=False,
                description="The number of shards. Shards split your data across multiple pods so you can fit more data into an index.\n\nServer default: `1`.",
                type="integer",
                format="int32",
                minimum=1,
                server_default=1,
            ),
            Field(
                path="spec.pod.pod_type",
                name="pod_type",
                python_name="pod_type",
                python_type="str",
                location="body",
                required=True,
                description="The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`, `x4`, or `x8`.\n\nServer default: `p1.x1`.",
                type="string",
                server_default="p1.x1",
            ),
            Field(
                path="spec.pod.pods",
                name="pods",
                python_name="pods",
                python_type="int",
                location="body",
                required=False,
                description="The number of pods to be used in the index. This should be equal to `shards` x `replicas`.'\n\nServer default: `1`.",
                type="integer",
                minimum=1,
                server_default=1,
            ),
            Field(
                path="spec.pod.metadata_config",
                name="metadata_config",
                python_name="metadata_config",
                python_type="PodSpecMetadataConfig",
                location="body",
                required=False,
                description="Configuration for the behavior of Pinecone's internal metadata index. By default, all metadata is indexed; when `metadata_config` is present, only specified metadata fields are indexed. These configurations are only valid for use with pod-based indexes.",
                type="object",
            ),
            Field(
                path="spec.pod.metadata_config.indexed",
                name="indexed",
                python_name="indexed",
                python_type="list[str]",
                location="body",
                required=False,
                description="By default, all metadata is indexed; to change this behavior, use this property to specify an array of metadata fields that should be indexed.",
                type="array",
            ),
            Field(
                path="spec.pod.metadata_config.indexed[]",
                name="[]",
                python_name="",
                python_type="str",
                location="body",
                required=False,
                type="string",
            ),
            Field(
                path="spec.pod.source_collection",
                name="source_collection",
                python_name="source_collection",
                python_type="str",
                location="body",
                required=False,
                description="The name of the collection to be used as the source for the index.",
                type="string",
            ),
        ),
        responses=(
            Response(
                status=201,
                model="IndexModel",
                description="The index has been successfully created.",
            ),
            Response(
                status=400,
                model="ErrorResponse",
                description="Bad request. The request body included invalid request parameters.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=403,
                model="ErrorResponse",
                description="You've exceed your pod quota.",
            ),
            Response(
                status=404,
                model="ErrorResponse",
                description="Unknown cloud or region when creating a serverless index.",
            ),
            Response(
                status=409,
                model="ErrorResponse",
                description="Index of given name already exists.",
            ),
            Response(
                status=422,
                model="ErrorResponse",
                description="Unprocessable entity. The request body could not be deserialized.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(201,),
        errors=(400, 401, 403, 404, 409, 422, 500),
        docstring="Create an index\n\nCreate an index for vectors created with an external embedding model.\n\nFor guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-an-index).\n\nArgs:\n    name: The name of the index. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.\n    dimension: The dimensions of the vectors to be inserted in the index.\n    metric: The distance metric to be used for similarity search. You can use 'euclidean', 'cosine', or 'dotproduct'. Server default: `cosine`.\n    deletion_protection: Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index. Server default: `disabled`.\n    spec: The spec object defines how the index should be deployed. For serverless indexes, you define only the [cloud and region](http://docs.pinecone.io/guides/index-data/create-an-index#cloud-regions) where the index should be hosted. For pod-based indexes, you define the [environment](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-environments) where the index should be hosted, the [pod type and size](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-types) to use, and other index characteristics. Exactly one of: `serverless` | `pod`.\n    spec.serverless: Configuration needed to deploy a serverless index.\n    spec.serverless.cloud: The public cloud where you would like your index hosted.\n    spec.serverless.region: The region where you would like your index to be created.\n    spec.pod: Configuration needed to deploy a pod-based index.\n    spec.pod.environment: The environment where the index is hosted.\n    spec.pod.replicas: The number of replicas. Replicas duplicate your index. They provide higher availability and throughput. Replicas can be scaled up or down as your needs change. Server default: `1`.\n    spec.pod.shards: The number of shards. Shards split your data across multiple pods so you can fit more data into an index. Server default: `1`.\n    spec.pod.pod_type: The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`, `x4`, or `x8`. Server default: `p1.x1`.\n    spec.pod.pods: The number of pods to be used in the index. This should be equal to `shards` x `replicas`.' Server default: `1`.\n    spec.pod.metadata_config: Configuration for the behavior of Pinecone's internal metadata index. By default, all metadata is indexed; when `metadata_config` is present, only specified metadata fields are indexed. These configurations are only valid for use with pod-based indexes.\n    spec.pod.metadata_config.indexed: By default, all metadata is indexed; to change this behavior, use this property to specify an array of metadata fields that should be indexed.\n    spec.pod.source_collection: The name of the collection to be used as the source for the index.\n\nReturns:\n    IndexModel: (201) The index has been successfully created.\n\nRaises:\n    HTTP 400: Bad request. The request body included invalid request parameters.\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 403: You've exceed your pod quota.\n    HTTP 404: Unknown cloud or region when creating a serverless index.\n    HTTP 409: Index of given name already exists.\n    HTTP 422: Unprocessable entity. The request body could not be deserialized.\n    HTTP 500: Internal server error.",
        subject="index",
    ),
    Operation(
        python_name="describe_index",
        operation_id="describe_index",
        module="pinecone_control_api.api.manage_indexes.describe_index",
        tag="manage_indexes",
        method="GET",
        path="/indexes/{index_name}",
        retry="safe",
        summary="Describe an index",
        description="Get a description of an index.",
        parameters=(
            Field(
                path="index_name",
                name="index_name",
                python_name="index_name",
                python_type="str",
                location="path",
                required=True,
                description="The name of the index to be described.",
                type="string",
                pattern="^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                min_length=1,
                max_length=45,
            ),
        ),
        body_model=None,
        body_required=False,
        body_description="",
        body_fields=(),
        responses=(
            Response(
                status=200,
                model="IndexModel",
                description="Configuration information and deployment status of the index.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=404,
                model="ErrorResponse",
                description="Index not found.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(200,),
        errors=(401, 404, 500),
        docstring="Describe an index\n\nGet a description of an index.\n\nArgs:\n    index_name: The name of the index to be described.\n\nReturns:\n    IndexModel: (200) Configuration information and deployment status of the index.\n\nRaises:\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 404: Index not found.\n    HTTP 500: Internal server error.",
        subject="index",
    ),
    Operation(
        python_name="delete_index",
        operation_id="delete_index",
        module="pinecone_control_api.api.manage_indexes.delete_index",
        tag="manage_indexes",
        method="DELETE",
        path="/indexes/{index_name}",
        retry="unsafe",
        summary="Delete an index",
        description="Delete an existing index.",
        parameters=(
            Field(
                path="index_name",
                name="index_name",
                python_name="index_name",
                python_type="str",
                location="path",
                required=True,
                description="The name of the index to delete.",
                type="string",
                pattern="^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                min_length=1,
                max_length=45,
            ),
        ),
        body_model=None,
        body_required=False,
        body_description="",
        body_fields=(),
        responses=(
            Response(
                status=202,
                model=None,
                description="The request to delete the index has been accepted.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=403,
                model="ErrorResponse",
                description="Forbidden. Deletion protection enabled.",
            ),
            Response(
                status=404,
                model="ErrorResponse",
                description="Index not found.",
            ),
            Response(
                status=412,
                model="ErrorResponse",
                description="There is a pending collection created from this index.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(202,),
        errors=(401, 403, 404, 412, 500),
        docstring="Delete an index\n\nDelete an existing index.\n\nArgs:\n    index_name: The name of the index to delete.\n\nReturns:\n    None: (202) The request to delete the index has been accepted.\n\nRaises:\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 403: Forbidden. Deletion protection enabled.\n    HTTP 404: Index not found.\n    HTTP 412: There is a pending collection created from this index.\n    HTTP 500: Internal server error.",
        subject="index",
    ),
    Operation(
        python_name="configure_index",
        operation_id="configure_index",
        module="pinecone_control_api.api.manage_indexes.configure_index",
        tag="manage_indexes",
        method="PATCH",
        path="/indexes/{index_name}",
        retry="safe",
        summary="Configure an index",
        description="Configure an existing index. \n\n\nFor serverless indexes, you can configure only index deletion protection. For pod-based indexes, you can configure the pod size, number of replicas, and index deletion protection. \n\n\nIt is not possible to change the pod type of a pod-based index. However, you can create a collection from a pod-based index and then [create a new pod-based index with a different pod type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-a-collection) from the collection.\nFor guidance and examples, see [Configure an index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).",
        parameters=(
            Field(
                path="index_name",
                name="index_name",
                python_name="index_name",
                python_type="str",
                location="path",
                required=True,
                description="The name of the index to configure.",
                type="string",
                pattern="^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                min_length=1,
                max_length=45,
            ),
        ),
        body_model="ConfigureIndexRequest",
        body_required=True,
        body_description="The desired pod size and replica configuration for the index.",
        body_fields=(
            Field(
                path="spec",
                name="spec",
                python_name="spec",
                python_type="ConfigureIndexRequestSpec",
                location="body",
                required=False,
                type="object",
            ),
            Field(
                path="spec.pod",
                name="pod",
                python_name="pod",
                python_type="ConfigureIndexRequestSpecPod",
                location="body",
                required=True,
                type="object",
            ),
            Field(
                path="spec.pod.replicas",
                name="replicas",
                python_name="replicas",
                python_type="int",
                location="body",
                required=False,
                description="The number of replicas. Replicas duplicate your index. They provide higher availability and throughput. Replicas can be scaled up or down as your needs change.\n\nServer default: `1`.",
                type="integer",
                format="int32",
                minimum=1,
                server_default=1,
            ),
            Field(
                path="spec.pod.pod_type",
                name="pod_type",
                python_name="pod_type",
                python_type="str",
                location="body",
                required=False,
                description="The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`, `x4`, or `x8`.\n\nServer default: `p1.x1`.",
                type="string",
                server_default="p1.x1",
            ),
            Field(
                path="deletion_protection",
                name="deletion_protection",
                python_name="deletion_protection",
                python_type="DeletionProtection",
                location="body",
                required=False,
                description="Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index.\n\nServer default: `disabled`.",
                type="string",
                enum=("disabled", "enabled"),
                server_default="disabled",
            ),
        ),
        responses=(
            Response(
                status=202,
                model="IndexModel",
                description="The request to configure the index has been accepted. Check the  index status to see when the change has been applied.",
            ),
            Response(
                status=400,
                model="ErrorResponse",
                description="Bad request. The request body included invalid request parameters.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=403,
                model="ErrorResponse",
                description="You've exceed your pod quota.",
            ),
            Response(
                status=404,
                model="ErrorResponse",
                description="Index not found.",
            ),
            Response(
                status=422,
                model="ErrorResponse",
                description="Unprocessable entity. The request body could not be deserialized.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(202,),
        errors=(400, 401, 403, 404, 422, 500),
        docstring="Configure an index\n\nConfigure an existing index.\n\nFor serverless indexes, you can configure only index deletion protection. For pod-based indexes, you can configure the pod size, number of replicas, and index deletion protection.\n\nIt is not possible to change the pod type of a pod-based index. However, you can create a collection from a pod-based index and then [create a new pod-based index with a different pod type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-a-collection) from the collection.\nFor guidance and examples, see [Configure an index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).\n\nArgs:\n    index_name: The name of the index to configure.\n    spec: (no description in the spec)\n    spec.pod: (no description in the spec)\n    spec.pod.replicas: The number of replicas. Replicas duplicate your index. They provide higher availability and throughput. Replicas can be scaled up or down as your needs change. Server default: `1`.\n    spec.pod.pod_type: The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`, `x4`, or `x8`. Server default: `p1.x1`.\n    deletion_protection: Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index. Server default: `disabled`.\n\nReturns:\n    IndexModel: (202) The request to configure the index has been accepted. Check the index status to see when the change has been applied.\n\nRaises:\n    HTTP 400: Bad request. The request body included invalid request parameters.\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 403: You've exceed your pod quota.\n    HTTP 404: Index not found.\n    HTTP 422: Unprocessable entity. The request body could not be deserialized.\n    HTTP 500: Internal server error.",
        subject="index",
    ),
    Operation(
        python_name="list_collections",
        operation_id="list_collections",
        module="pinecone_control_api.api.manage_indexes.list_collections",
        tag="manage_indexes",
        method="GET",
        path="/collections",
        retry="safe",
        summary="List collections",
        description="This operation returns a list of all collections in a project.\nServerless indexes do not support collections.",
        parameters=(),
        body_model=None,
        body_required=False,
        body_description="",
        body_fields=(),
        responses=(
            Response(
                status=200,
                model="CollectionList",
                description="This operation returns a list of all the collections in your current project.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(200,),
        errors=(401, 500),
        docstring="List collections\n\nThis operation returns a list of all collections in a project.\nServerless indexes do not support collections.\n\nReturns:\n    CollectionList: (200) This operation returns a list of all the collections in your current project.\n\nRaises:\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 500: Internal server error.",
        subject=None,
    ),
    Operation(
        python_name="create_collection",
        operation_id="create_collection",
        module="pinecone_control_api.api.manage_indexes.create_collection",
        tag="manage_indexes",
        method="POST",
        path="/collections",
        retry="unsafe",
        summary="Create a collection",
        description="This operation creates a Pinecone collection.\n  \nServerless indexes do not support collections.",
        parameters=(),
        body_model="CreateCollectionRequest",
        body_required=True,
        body_description="The desired configuration for the collection.",
        body_fields=(
            Field(
                path="name",
                name="name",
                python_name="name",
                python_type="str",
                location="body",
                required=True,
                description="The name of the collection to be created. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.",
                type="string",
                pattern="^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                min_length=1,
                max_length=45,
            ),
            Field(
                path="source",
                name="source",
                python_name="source",
                python_type="str",
                location="body",
                required=True,
                description="The name of the index to be used as the source for the collection.",
                type="string",
            ),
        ),
        responses=(
            Response(
                status=201,
                model="CollectionModel",
                description="The collection has been successfully created.",
            ),
            Response(
                status=400,
                model="ErrorResponse",
                description="Bad request. The request body included invalid request parameters.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=403,
                model="ErrorResponse",
                description="You've exceed your collections quota.",
            ),
            Response(
                status=409,
                model="ErrorResponse",
                description="Collection of given name already exists.",
            ),
            Response(
                status=422,
                model="ErrorResponse",
                description="Unprocessable entity. The request body could not be deserialized.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(201,),
        errors=(400, 401, 403, 409, 422, 500),
        docstring="Create a collection\n\nThis operation creates a Pinecone collection.\n\nServerless indexes do not support collections.\n\nArgs:\n    name: The name of the collection to be created. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.\n    source: The name of the index to be used as the source for the collection.\n\nReturns:\n    CollectionModel: (201) The collection has been successfully created.\n\nRaises:\n    HTTP 400: Bad request. The request body included invalid request parameters.\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 403: You've exceed your collections quota.\n    HTTP 409: Collection of given name already exists.\n    HTTP 422: Unprocessable entity. The request body could not be deserialized.\n    HTTP 500: Internal server error.",
        subject="collection",
    ),
    Operation(
        python_name="describe_collection",
        operation_id="describe_collection",
        module="pinecone_control_api.api.manage_indexes.describe_collection",
        tag="manage_indexes",
        method="GET",
        path="/collections/{collection_name}",
        retry="safe",
        summary="Describe a collection",
        description="This operation gets a description of a collection.\nServerless indexes do not support collections.",
        parameters=(
            Field(
                path="collection_name",
                name="collection_name",
                python_name="collection_name",
                python_type="str",
                location="path",
                required=True,
                description="The name of the collection to be described.",
                type="string",
                pattern="^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                min_length=1,
                max_length=45,
            ),
        ),
        body_model=None,
        body_required=False,
        body_description="",
        body_fields=(),
        responses=(
            Response(
                status=200,
                model="CollectionModel",
                description="Configuration information and status of the collection.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=404,
                model="ErrorResponse",
                description="Collection not found.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(200,),
        errors=(401, 404, 500),
        docstring="Describe a collection\n\nThis operation gets a description of a collection.\nServerless indexes do not support collections.\n\nArgs:\n    collection_name: The name of the collection to be described.\n\nReturns:\n    CollectionModel: (200) Configuration information and status of the collection.\n\nRaises:\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 404: Collection not found.\n    HTTP 500: Internal server error.",
        subject="collection",
    ),
    Operation(
        python_name="delete_collection",
        operation_id="delete_collection",
        module="pinecone_control_api.api.manage_indexes.delete_collection",
        tag="manage_indexes",
        method="DELETE",
        path="/collections/{collection_name}",
        retry="unsafe",
        summary="Delete a collection",
        description="This operation deletes an existing collection.\nServerless indexes do not support collections.",
        parameters=(
            Field(
                path="collection_name",
                name="collection_name",
                python_name="collection_name",
                python_type="str",
                location="path",
                required=True,
                description="The name of the collection.",
                type="string",
                pattern="^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                min_length=1,
                max_length=45,
            ),
        ),
        body_model=None,
        body_required=False,
        body_description="",
        body_fields=(),
        responses=(
            Response(
                status=202,
                model=None,
                description="The collection has been successfully deleted.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=404,
                model="ErrorResponse",
                description="Collection not found.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(202,),
        errors=(401, 404, 500),
        docstring="Delete a collection\n\nThis operation deletes an existing collection.\nServerless indexes do not support collections.\n\nArgs:\n    collection_name: The name of the collection.\n\nReturns:\n    None: (202) The collection has been successfully deleted.\n\nRaises:\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 404: Collection not found.\n    HTTP 500: Internal server error.",
        subject="collection",
    ),
    Operation(
        python_name="embed",
        operation_id="embed",
        module="pinecone_control_api.api.inference.embed",
        tag="inference",
        method="POST",
        path="/embed",
        retry="safe",
        summary="Generate vectors",
        description="Generate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).",
        parameters=(),
        body_model="EmbedRequest",
        body_required=False,
        body_description="Generate embeddings for inputs.",
        body_fields=(
            Field(
                path="model",
                name="model",
                python_name="model",
                python_type="str",
                location="body",
                required=True,
                type="string",
            ),
            Field(
                path="parameters",
                name="parameters",
                python_name="parameters",
                python_type="EmbedRequestParameters",
                location="body",
                required=False,
                description="Model-specific parameters.",
                type="object",
            ),
            Field(
                path="parameters.input_type",
                name="input_type",
                python_name="input_type",
                python_type="str",
                location="body",
                required=False,
                description="Common property used to distinguish between types of data.",
                type="string",
            ),
            Field(
                path="parameters.truncate",
                name="truncate",
                python_name="truncate",
                python_type="str",
                location="body",
                required=False,
                description="How to handle inputs longer than those supported by the model. If NONE, when the input exceeds the maximum input token length an error will be returned.\n\nServer default: `END`.",
                type="string",
                server_default="END",
            ),
            Field(
                path="inputs",
                name="inputs",
                python_name="inputs",
                python_type="list[EmbedRequestInputsItem]",
                location="body",
                required=True,
                type="array",
            ),
            Field(
                path="inputs[]",
                name="[]",
                python_name="",
                python_type="EmbedRequestInputsItem",
                location="body",
                required=False,
                type="object",
            ),
            Field(
                path="inputs[].text",
                name="text",
                python_name="text",
                python_type="str",
                location="body",
                required=False,
                type="string",
            ),
        ),
        responses=(
            Response(
                status=200,
                model="EmbeddingsList",
                description="OK",
            ),
            Response(
                status=400,
                model="ErrorResponse",
                description="Bad request. The request body included invalid request parameters.",
            ),
            Response(
                status=401,
                model="ErrorResponse",
                description="Unauthorized. Possible causes: Invalid API key.",
            ),
            Response(
                status=500,
                model="ErrorResponse",
                description="Internal server error.",
            ),
        ),
        success=(200,),
        errors=(400, 401, 500),
        docstring="Generate vectors\n\nGenerate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).\n\nArgs:\n    model: (no description in the spec)\n    parameters: Model-specific parameters.\n    parameters.input_type: Common property used to distinguish between types of data.\n    parameters.truncate: How to handle inputs longer than those supported by the model. If NONE, when the input exceeds the maximum input token length an error will be returned. Server default: `END`.\n    inputs: (no description in the spec)\n    inputs[].text: (no description in the spec)\n\nReturns:\n    EmbeddingsList: (200) OK\n\nRaises:\n    HTTP 400: Bad request. The request body included invalid request parameters.\n    HTTP 401: Unauthorized. Possible causes: Invalid API key.\n    HTTP 500: Internal server error.",
        subject=None,
    ),
)

BY_NAME: dict[str, Operation] = {operation.python_name: operation for operation in OPERATIONS}
