"""Every operation of the spec as a typed method. Written by openapi/codegen/generate.py; do not edit.

`SyncOperations` / `AsyncOperations` are extended by the clients of the `pinecone_control` package,
which build each operation's program once (`_invocation`) and run it (`_run`). Arguments reach
`_invocation` keyed by where they go:
`path:<name>`, `query:<name>`, or a request-body field path (`spec.pod.replicas`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import httpx


class NotGiven:
    """Marks an argument the caller did not pass (None is a meaningful timeout). The clients'
    `NOT_GIVEN` is this one instance."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = NotGiven()

if TYPE_CHECKING:
    from .models import (
        CollectionList,
        CollectionModel,
        ConfigureIndexRequestSpec,
        CreateIndexRequestMetric,
        DeletionProtection,
        EmbeddingsList,
        EmbedRequestInputsItem,
        EmbedRequestParameters,
        IndexList,
        IndexModel,
        IndexSpec,
        PodSpec,
        ServerlessSpec,
    )


class CallOptions(NamedTuple):
    """Per-call options every method takes; NOT_GIVEN keeps the client's setting."""

    timeout: float | httpx.Timeout | None | NotGiven
    max_retries: int | NotGiven
    total_timeout: float | None | NotGiven
    wait_timeout: float | None
    on_progress: Callable[[Any], object] | None
    missing_ok: bool = False  # DELETE operations: a 404 is a success


class WaitTarget(NamedTuple):
    """How to see what an operation changed: the describing operation, the goal, where each of its
    path parameters comes from (`path:x` this call's, `body:x` its body's, `response:x` the answer's),
    and what it describes, in words (`index`, `restore job`)."""

    describe: str
    goal: str
    keys: tuple[tuple[str, str], ...]
    kind: str


WAIT_TARGETS: dict[str, WaitTarget] = {
    "create_index": WaitTarget("describe_index", "ready", (("index_name", "body:name"),), "index"),
    "delete_index": WaitTarget("describe_index", "deleted", (("index_name", "path:index_name"),), "index"),
    "configure_index": WaitTarget("describe_index", "configured", (("index_name", "path:index_name"),), "index"),
    "create_collection": WaitTarget("describe_collection", "ready", (("collection_name", "body:name"),), "collection"),
    "delete_collection": WaitTarget(
        "describe_collection", "deleted", (("collection_name", "path:collection_name"),), "collection"
    ),
}


class SyncOperations:
    """Every operation as a method; the client's `_invocation` builds its program, `_run` runs it."""

    def _invocation(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Any:
        raise NotImplementedError

    def _run(self, program: Any) -> Any:
        raise NotImplementedError

    def list_indexes(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexList:
        """List indexes

        This operation returns a list of all indexes in a project.

        Args:
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexList: (200) This operation returns a list of all the indexes that you have previously created, and which are associated with the given project

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexList",
            self._run(self._invocation("list_indexes", {}, CallOptions(timeout, max_retries, total_timeout, 0, None))),
        )

    def create_index(
        self,
        name: str,
        *,
        dimension: int,
        spec: IndexSpec | ServerlessSpec | PodSpec | Mapping[str, Any],
        metric: CreateIndexRequestMetric | str | None = None,
        deletion_protection: DeletionProtection | str | None = None,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Create an index

        Create an index for vectors created with an external embedding model.

        For guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-an-index).

        Args:
            name: The name of the index. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.
            dimension: The dimensions of the vectors to be inserted in the index.
            spec: The spec object defines how the index should be deployed. For serverless indexes, you define only the [cloud and region](http://docs.pinecone.io/guides/index-data/create-an-index#cloud-regions) where the index should be hosted. For pod-based indexes, you define the [environment](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-environments) where the index should be hosted, the [pod type and size](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-types) to use, and other index characteristics. Exactly one of: `serverless` | `pod`.
            metric: The distance metric to be used for similarity search. You can use 'euclidean', 'cosine', or 'dotproduct'. Server default: `cosine`.
            deletion_protection: Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index. Server default: `disabled`.
            wait_timeout: seconds to wait until what this call changed is ready (polling `describe_index`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexModel: (201) The index has been successfully created.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) You've exceed your pod quota.
            NotFoundError: (HTTP 404) Unknown cloud or region when creating a serverless index.
            ConflictError: (HTTP 409) Index of given name already exists.
            UnprocessableEntityError: (HTTP 422) Unprocessable entity. The request body could not be deserialized.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexModel",
            self._run(
                self._invocation(
                    "create_index",
                    {
                        "name": name,
                        "dimension": dimension,
                        "spec": spec,
                        "metric": metric,
                        "deletion_protection": deletion_protection,
                    },
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    def describe_index(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Describe an index

        Get a description of an index.

        Args:
            name: The name of the index to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexModel: (200) Configuration information and deployment status of the index.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            NotFoundError: (HTTP 404) Index not found.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexModel",
            self._run(
                self._invocation(
                    "describe_index",
                    {"path:index_name": name},
                    CallOptions(timeout, max_retries, total_timeout, 0, None),
                )
            ),
        )

    def delete_index(
        self,
        name: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        missing_ok: bool = False,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete an index

        Delete an existing index.

        Args:
            name: The name of the index to delete.
            wait_timeout: seconds to wait until what this call changed is gone (polling `describe_index`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            missing_ok: True makes a 404 (nothing by that name) a success: the call returns None.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            None: (202) The request to delete the index has been accepted.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) Forbidden. Deletion protection enabled.
            NotFoundError: (HTTP 404) Index not found.
            PreconditionFailedError: (HTTP 412) There is a pending collection created from this index.
            InternalServerError: (HTTP 500) Internal server error.
        """
        self._run(
            self._invocation(
                "delete_index",
                {"path:index_name": name},
                CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress, missing_ok),
            )
        )
        return None

    def configure_index(
        self,
        name: str,
        *,
        spec: ConfigureIndexRequestSpec | Mapping[str, Any] | None = None,
        replicas: int | None = None,
        pod_type: str | None = None,
        deletion_protection: DeletionProtection | str | None = None,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Configure an index

        Configure an existing index.


        For serverless indexes, you can configure only index deletion protection. For pod-based indexes, you can configure the pod size, number of replicas, and index deletion protection.


        It is not possible to change the pod type of a pod-based index. However, you can create a collection from a pod-based index and then [create a new pod-based index with a different pod type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-a-collection) from the collection.
        For guidance and examples, see [Configure an index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).

        Args:
            name: The name of the index to configure.
            spec: (no description in the spec)
            replicas: The number of replicas. Replicas duplicate your index. They provide higher availability and throughput. Replicas can be scaled up or down as your needs change. Server default: `1`. (`spec.pod.replicas`)
            pod_type: The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`, `x4`, or `x8`. Server default: `p1.x1`. (`spec.pod.pod_type`)
            deletion_protection: Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index. Server default: `disabled`.
            wait_timeout: seconds to wait until what this call changed shows the change (polling `describe_index`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexModel: (202) The request to configure the index has been accepted. Check the index status to see when the change has been applied.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) You've exceed your pod quota.
            NotFoundError: (HTTP 404) Index not found.
            UnprocessableEntityError: (HTTP 422) Unprocessable entity. The request body could not be deserialized.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexModel",
            self._run(
                self._invocation(
                    "configure_index",
                    {
                        "path:index_name": name,
                        "spec": spec,
                        "spec.pod.replicas": replicas,
                        "spec.pod.pod_type": pod_type,
                        "deletion_protection": deletion_protection,
                    },
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    def list_collections(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> CollectionList:
        """List collections

        This operation returns a list of all collections in a project.
        Serverless indexes do not support collections.

        Args:
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            CollectionList: (200) This operation returns a list of all the collections in your current project.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "CollectionList",
            self._run(
                self._invocation("list_collections", {}, CallOptions(timeout, max_retries, total_timeout, 0, None))
            ),
        )

    def create_collection(
        self,
        name: str,
        *,
        source: str,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> CollectionModel:
        """Create a collection

        This operation creates a Pinecone collection.

        Serverless indexes do not support collections.

        Args:
            name: The name of the collection to be created. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.
            source: The name of the index to be used as the source for the collection.
            wait_timeout: seconds to wait until what this call changed is ready (polling `describe_collection`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            CollectionModel: (201) The collection has been successfully created.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) You've exceed your collections quota.
            ConflictError: (HTTP 409) Collection of given name already exists.
            UnprocessableEntityError: (HTTP 422) Unprocessable entity. The request body could not be deserialized.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "CollectionModel",
            self._run(
                self._invocation(
                    "create_collection",
                    {"name": name, "source": source},
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    def describe_collection(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> CollectionModel:
        """Describe a collection

        This operation gets a description of a collection.
        Serverless indexes do not support collections.

        Args:
            name: The name of the collection to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            CollectionModel: (200) Configuration information and status of the collection.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            NotFoundError: (HTTP 404) Collection not found.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "CollectionModel",
            self._run(
                self._invocation(
                    "describe_collection",
                    {"path:collection_name": name},
                    CallOptions(timeout, max_retries, total_timeout, 0, None),
                )
            ),
        )

    def delete_collection(
        self,
        name: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        missing_ok: bool = False,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a collection

        This operation deletes an existing collection.
        Serverless indexes do not support collections.

        Args:
            name: The name of the collection.
            wait_timeout: seconds to wait until what this call changed is gone (polling `describe_collection`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            missing_ok: True makes a 404 (nothing by that name) a success: the call returns None.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            None: (202) The collection has been successfully deleted.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            NotFoundError: (HTTP 404) Collection not found.
            InternalServerError: (HTTP 500) Internal server error.
        """
        self._run(
            self._invocation(
                "delete_collection",
                {"path:collection_name": name},
                CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress, missing_ok),
            )
        )
        return None

    def embed(
        self,
        *,
        model: str,
        inputs: Sequence[EmbedRequestInputsItem | Mapping[str, Any] | str],
        parameters: EmbedRequestParameters | Mapping[str, Any] | None = None,
        input_type: str | None = None,
        truncate: str | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> EmbeddingsList:
        """Generate vectors

        Generate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).

        Args:
            model: (no description in the spec)
            inputs: (no description in the spec)
            parameters: Model-specific parameters.
            input_type: Common property used to distinguish between types of data. (`parameters.input_type`)
            truncate: How to handle inputs longer than those supported by the model. If NONE, when the input exceeds the maximum input token length an error will be returned. Server default: `END`. (`parameters.truncate`)
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            EmbeddingsList: (200) OK

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "EmbeddingsList",
            self._run(
                self._invocation(
                    "embed",
                    {
                        "model": model,
                        "inputs": inputs,
                        "parameters": parameters,
                        "parameters.input_type": input_type,
                        "parameters.truncate": truncate,
                    },
                    CallOptions(timeout, max_retries, total_timeout, 0, None),
                )
            ),
        )


class AsyncOperations:
    """Every operation as a coroutine method; the client's `_invocation` builds its program, `_run` runs it."""

    def _invocation(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Any:
        raise NotImplementedError

    async def _run(self, program: Any) -> Any:
        raise NotImplementedError

    async def list_indexes(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexList:
        """List indexes

        This operation returns a list of all indexes in a project.

        Args:
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexList: (200) This operation returns a list of all the indexes that you have previously created, and which are associated with the given project

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexList",
            await self._run(
                self._invocation("list_indexes", {}, CallOptions(timeout, max_retries, total_timeout, 0, None))
            ),
        )

    async def create_index(
        self,
        name: str,
        *,
        dimension: int,
        spec: IndexSpec | ServerlessSpec | PodSpec | Mapping[str, Any],
        metric: CreateIndexRequestMetric | str | None = None,
        deletion_protection: DeletionProtection | str | None = None,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Create an index

        Create an index for vectors created with an external embedding model.

        For guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-an-index).

        Args:
            name: The name of the index. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.
            dimension: The dimensions of the vectors to be inserted in the index.
            spec: The spec object defines how the index should be deployed. For serverless indexes, you define only the [cloud and region](http://docs.pinecone.io/guides/index-data/create-an-index#cloud-regions) where the index should be hosted. For pod-based indexes, you define the [environment](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-environments) where the index should be hosted, the [pod type and size](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-types) to use, and other index characteristics. Exactly one of: `serverless` | `pod`.
            metric: The distance metric to be used for similarity search. You can use 'euclidean', 'cosine', or 'dotproduct'. Server default: `cosine`.
            deletion_protection: Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index. Server default: `disabled`.
            wait_timeout: seconds to wait until what this call changed is ready (polling `describe_index`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexModel: (201) The index has been successfully created.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) You've exceed your pod quota.
            NotFoundError: (HTTP 404) Unknown cloud or region when creating a serverless index.
            ConflictError: (HTTP 409) Index of given name already exists.
            UnprocessableEntityError: (HTTP 422) Unprocessable entity. The request body could not be deserialized.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexModel",
            await self._run(
                self._invocation(
                    "create_index",
                    {
                        "name": name,
                        "dimension": dimension,
                        "spec": spec,
                        "metric": metric,
                        "deletion_protection": deletion_protection,
                    },
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    async def describe_index(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Describe an index

        Get a description of an index.

        Args:
            name: The name of the index to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexModel: (200) Configuration information and deployment status of the index.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            NotFoundError: (HTTP 404) Index not found.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexModel",
            await self._run(
                self._invocation(
                    "describe_index",
                    {"path:index_name": name},
                    CallOptions(timeout, max_retries, total_timeout, 0, None),
                )
            ),
        )

    async def delete_index(
        self,
        name: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        missing_ok: bool = False,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete an index

        Delete an existing index.

        Args:
            name: The name of the index to delete.
            wait_timeout: seconds to wait until what this call changed is gone (polling `describe_index`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            missing_ok: True makes a 404 (nothing by that name) a success: the call returns None.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            None: (202) The request to delete the index has been accepted.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) Forbidden. Deletion protection enabled.
            NotFoundError: (HTTP 404) Index not found.
            PreconditionFailedError: (HTTP 412) There is a pending collection created from this index.
            InternalServerError: (HTTP 500) Internal server error.
        """
        await self._run(
            self._invocation(
                "delete_index",
                {"path:index_name": name},
                CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress, missing_ok),
            )
        )
        return None

    async def configure_index(
        self,
        name: str,
        *,
        spec: ConfigureIndexRequestSpec | Mapping[str, Any] | None = None,
        replicas: int | None = None,
        pod_type: str | None = None,
        deletion_protection: DeletionProtection | str | None = None,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Configure an index

        Configure an existing index.


        For serverless indexes, you can configure only index deletion protection. For pod-based indexes, you can configure the pod size, number of replicas, and index deletion protection.


        It is not possible to change the pod type of a pod-based index. However, you can create a collection from a pod-based index and then [create a new pod-based index with a different pod type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-a-collection) from the collection.
        For guidance and examples, see [Configure an index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).

        Args:
            name: The name of the index to configure.
            spec: (no description in the spec)
            replicas: The number of replicas. Replicas duplicate your index. They provide higher availability and throughput. Replicas can be scaled up or down as your needs change. Server default: `1`. (`spec.pod.replicas`)
            pod_type: The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`, `x4`, or `x8`. Server default: `p1.x1`. (`spec.pod.pod_type`)
            deletion_protection: Whether [deletion protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is enabled/disabled for the index. Server default: `disabled`.
            wait_timeout: seconds to wait until what this call changed shows the change (polling `describe_index`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            IndexModel: (202) The request to configure the index has been accepted. Check the index status to see when the change has been applied.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) You've exceed your pod quota.
            NotFoundError: (HTTP 404) Index not found.
            UnprocessableEntityError: (HTTP 422) Unprocessable entity. The request body could not be deserialized.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "IndexModel",
            await self._run(
                self._invocation(
                    "configure_index",
                    {
                        "path:index_name": name,
                        "spec": spec,
                        "spec.pod.replicas": replicas,
                        "spec.pod.pod_type": pod_type,
                        "deletion_protection": deletion_protection,
                    },
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    async def list_collections(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> CollectionList:
        """List collections

        This operation returns a list of all collections in a project.
        Serverless indexes do not support collections.

        Args:
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            CollectionList: (200) This operation returns a list of all the collections in your current project.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "CollectionList",
            await self._run(
                self._invocation("list_collections", {}, CallOptions(timeout, max_retries, total_timeout, 0, None))
            ),
        )

    async def create_collection(
        self,
        name: str,
        *,
        source: str,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> CollectionModel:
        """Create a collection

        This operation creates a Pinecone collection.

        Serverless indexes do not support collections.

        Args:
            name: The name of the collection to be created. Resource name must be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower case alphanumeric characters or '-'.
            source: The name of the index to be used as the source for the collection.
            wait_timeout: seconds to wait until what this call changed is ready (polling `describe_collection`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            CollectionModel: (201) The collection has been successfully created.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            PermissionDeniedError: (HTTP 403) You've exceed your collections quota.
            ConflictError: (HTTP 409) Collection of given name already exists.
            UnprocessableEntityError: (HTTP 422) Unprocessable entity. The request body could not be deserialized.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "CollectionModel",
            await self._run(
                self._invocation(
                    "create_collection",
                    {"name": name, "source": source},
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    async def describe_collection(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> CollectionModel:
        """Describe a collection

        This operation gets a description of a collection.
        Serverless indexes do not support collections.

        Args:
            name: The name of the collection to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            CollectionModel: (200) Configuration information and status of the collection.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            NotFoundError: (HTTP 404) Collection not found.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "CollectionModel",
            await self._run(
                self._invocation(
                    "describe_collection",
                    {"path:collection_name": name},
                    CallOptions(timeout, max_retries, total_timeout, 0, None),
                )
            ),
        )

    async def delete_collection(
        self,
        name: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        missing_ok: bool = False,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a collection

        This operation deletes an existing collection.
        Serverless indexes do not support collections.

        Args:
            name: The name of the collection.
            wait_timeout: seconds to wait until what this call changed is gone (polling `describe_collection`): 0 returns at once, None waits without a deadline.
            on_progress: called with each poll's progress while waiting.
            missing_ok: True makes a 404 (nothing by that name) a success: the call returns None.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            None: (202) The collection has been successfully deleted.

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            NotFoundError: (HTTP 404) Collection not found.
            InternalServerError: (HTTP 500) Internal server error.
        """
        await self._run(
            self._invocation(
                "delete_collection",
                {"path:collection_name": name},
                CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress, missing_ok),
            )
        )
        return None

    async def embed(
        self,
        *,
        model: str,
        inputs: Sequence[EmbedRequestInputsItem | Mapping[str, Any] | str],
        parameters: EmbedRequestParameters | Mapping[str, Any] | None = None,
        input_type: str | None = None,
        truncate: str | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> EmbeddingsList:
        """Generate vectors

        Generate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).

        Args:
            model: (no description in the spec)
            inputs: (no description in the spec)
            parameters: Model-specific parameters.
            input_type: Common property used to distinguish between types of data. (`parameters.input_type`)
            truncate: How to handle inputs longer than those supported by the model. If NONE, when the input exceeds the maximum input token length an error will be returned. Server default: `END`. (`parameters.truncate`)
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
            total_timeout: this call's total time budget, retries and waits between them included.

        Returns:
            EmbeddingsList: (200) OK

        Raises:
            ClientValidationError: an argument breaks a rule the spec states; nothing was sent.
            BadRequestError: (HTTP 400) Bad request. The request body included invalid request parameters.
            AuthenticationError: (HTTP 401) Unauthorized. Possible causes: Invalid API key.
            InternalServerError: (HTTP 500) Internal server error.
        """
        return cast(
            "EmbeddingsList",
            await self._run(
                self._invocation(
                    "embed",
                    {
                        "model": model,
                        "inputs": inputs,
                        "parameters": parameters,
                        "parameters.input_type": input_type,
                        "parameters.truncate": truncate,
                    },
                    CallOptions(timeout, max_retries, total_timeout, 0, None),
                )
            ),
        )
