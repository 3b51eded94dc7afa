"""The conveniences around the operations. Written by openapi/codegen/generate.py; do not edit.

`SyncConveniences` / `AsyncConveniences` (existence checks, standalone waits, idempotent creates)
are extended by the clients of the `pinecone_control` package, which build each convenience's
program once (`_convenience`) and run it (`_run`).
The deployment builders build their model; the package installs its checks (`use_builder`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Never, cast

import httpx

from ._facade import NOT_GIVEN, CallOptions, NotGiven

if TYPE_CHECKING:
    from .models import (
        CollectionModel,
        CreateIndexRequestMetric,
        DeletionProtection,
        IndexModel,
        IndexModelMetric,
        IndexModelSpec,
        IndexSpec,
        PodSpec,
        ServerlessSpec,
        ServerlessSpecCloud,
    )


class SyncConveniences:
    """Existence checks, standalone waits and idempotent creates, for every resource."""

    def _convenience(
        self,
        method: str,
        action: str,
        operation: str,
        arguments: dict[str, Any],
        options: CallOptions,
        apply: bool = False,
    ) -> Any:
        raise NotImplementedError

    def _run(self, program: Any) -> Any:
        raise NotImplementedError

    def has_collection(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bool:
        """True if the collection exists: one `describe_collection`; a 404 means False.

        Args:
            name: The name of the collection to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
        """
        return cast(
            "bool",
            self._run(
                self._convenience(
                    "has_collection",
                    "has",
                    "describe_collection",
                    {"path:collection_name": name},
                    CallOptions(timeout, max_retries, NOT_GIVEN, 0, None),
                )
            ),
        )

    def wait_for_collection_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> CollectionModel:
        """Wait until the collection is ready, polling `describe_collection`; the first describe is at once.

        Args:
            name: The name of the collection to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        return cast(
            "CollectionModel",
            self._run(
                self._convenience(
                    "wait_for_collection_ready",
                    "wait:ready",
                    "describe_collection",
                    {"path:collection_name": name},
                    CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
                )
            ),
        )

    def wait_for_collection_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until the collection answers 404 (the collection is gone), polling `describe_collection`; the first describe is at once.

        Args:
            name: The name of the collection to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        self._run(
            self._convenience(
                "wait_for_collection_deleted",
                "wait:deleted",
                "describe_collection",
                {"path:collection_name": name},
                CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
            )
        )
        return None

    def ensure_collection(
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
        """Create the collection if it is missing (`create_collection`); if it exists, return it when it matches.

        Safe to run again and again: describes first (`describe_collection`), creates when missing
        (a create whose answer was lost is settled by describing; a 409 is compared), never returns one
        that is Terminating (it is waited out, then created) or failed.

        Args:
            name: as `create_collection`.
            source: as `create_collection`.
            wait_timeout: seconds to wait until it is ready: 0 returns at once, None waits without a deadline;
                a Terminating one is waited out first within it (with 0, within `total_timeout`).
            on_progress: called with each poll's progress while waiting.
            timeout: per-attempt timeout of each request (seconds or an httpx.Timeout).
            max_retries: retry budget of each request.
            total_timeout: time budget of each request, retries included.

        Raises:
            ConfigurationDriftError: it exists with another configuration (`.differences`).
            IndexInitializationFailedError: it exists in a failure state.
            WaitTimeoutError: it was still Terminating (or not ready) at the deadline.
            UnexpectedTerminationError: it was deleted again while this call created it.
        """
        return cast(
            "CollectionModel",
            self._run(
                self._convenience(
                    "ensure_collection",
                    "ensure",
                    "create_collection",
                    {"name": name, "source": source},
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    def has_index(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bool:
        """True if the index exists: one `describe_index`; a 404 means False.

        Args:
            name: The name of the index to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
        """
        return cast(
            "bool",
            self._run(
                self._convenience(
                    "has_index",
                    "has",
                    "describe_index",
                    {"path:index_name": name},
                    CallOptions(timeout, max_retries, NOT_GIVEN, 0, None),
                )
            ),
        )

    def wait_for_index_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> IndexModel:
        """Wait until the index is ready, polling `describe_index`; the first describe is at once.

        Args:
            name: The name of the index to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        return cast(
            "IndexModel",
            self._run(
                self._convenience(
                    "wait_for_index_ready",
                    "wait:ready",
                    "describe_index",
                    {"path:index_name": name},
                    CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
                )
            ),
        )

    def wait_for_index_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until the index answers 404 (the index is gone), polling `describe_index`; the first describe is at once.

        Args:
            name: The name of the index to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        self._run(
            self._convenience(
                "wait_for_index_deleted",
                "wait:deleted",
                "describe_index",
                {"path:index_name": name},
                CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
            )
        )
        return None

    def ensure_index(
        self,
        name: str,
        *,
        dimension: int,
        spec: IndexSpec | ServerlessSpec | PodSpec | Mapping[str, Any] | IndexModelSpec,
        metric: CreateIndexRequestMetric | str | IndexModelMetric | None = None,
        deletion_protection: DeletionProtection | str | None = None,
        apply: bool = False,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Create the index if it is missing (`create_index`); if it exists, return it when it matches.

        Safe to run again and again: describes first (`describe_index`), creates when missing
        (a create whose answer was lost is settled by describing; a 409 is compared), never returns one
        that is Terminating (it is waited out, then created) or failed.

        Args:
            name: as `create_index`.
            dimension: as `create_index`.
            spec: as `create_index`.
            metric: as `create_index`.
            deletion_protection: as `create_index`.
            apply: when it differs only in what can be configured, configure it (and return it)
                instead of raising.
            wait_timeout: seconds to wait until it is ready: 0 returns at once, None waits without a deadline;
                a Terminating one is waited out first within it (with 0, within `total_timeout`).
            on_progress: called with each poll's progress while waiting.
            timeout: per-attempt timeout of each request (seconds or an httpx.Timeout).
            max_retries: retry budget of each request.
            total_timeout: time budget of each request, retries included.

        Raises:
            ConfigurationDriftError: it exists with another configuration (`.differences`).
            IndexInitializationFailedError: it exists in a failure state.
            WaitTimeoutError: it was still Terminating (or not ready) at the deadline.
            UnexpectedTerminationError: it was deleted again while this call created it.
        """
        return cast(
            "IndexModel",
            self._run(
                self._convenience(
                    "ensure_index",
                    "ensure",
                    "create_index",
                    {
                        "name": name,
                        "dimension": dimension,
                        "spec": spec,
                        "metric": metric,
                        "deletion_protection": deletion_protection,
                    },
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                    apply,
                )
            ),
        )


class AsyncConveniences:
    """The coroutine twins of `SyncConveniences`."""

    def _convenience(
        self,
        method: str,
        action: str,
        operation: str,
        arguments: dict[str, Any],
        options: CallOptions,
        apply: bool = False,
    ) -> Any:
        raise NotImplementedError

    async def _run(self, program: Any) -> Any:
        raise NotImplementedError

    async def has_collection(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bool:
        """True if the collection exists: one `describe_collection`; a 404 means False.

        Args:
            name: The name of the collection to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
        """
        return cast(
            "bool",
            await self._run(
                self._convenience(
                    "has_collection",
                    "has",
                    "describe_collection",
                    {"path:collection_name": name},
                    CallOptions(timeout, max_retries, NOT_GIVEN, 0, None),
                )
            ),
        )

    async def wait_for_collection_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> CollectionModel:
        """Wait until the collection is ready, polling `describe_collection`; the first describe is at once.

        Args:
            name: The name of the collection to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        return cast(
            "CollectionModel",
            await self._run(
                self._convenience(
                    "wait_for_collection_ready",
                    "wait:ready",
                    "describe_collection",
                    {"path:collection_name": name},
                    CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
                )
            ),
        )

    async def wait_for_collection_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until the collection answers 404 (the collection is gone), polling `describe_collection`; the first describe is at once.

        Args:
            name: The name of the collection to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        await self._run(
            self._convenience(
                "wait_for_collection_deleted",
                "wait:deleted",
                "describe_collection",
                {"path:collection_name": name},
                CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
            )
        )
        return None

    async def ensure_collection(
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
        """Create the collection if it is missing (`create_collection`); if it exists, return it when it matches.

        Safe to run again and again: describes first (`describe_collection`), creates when missing
        (a create whose answer was lost is settled by describing; a 409 is compared), never returns one
        that is Terminating (it is waited out, then created) or failed.

        Args:
            name: as `create_collection`.
            source: as `create_collection`.
            wait_timeout: seconds to wait until it is ready: 0 returns at once, None waits without a deadline;
                a Terminating one is waited out first within it (with 0, within `total_timeout`).
            on_progress: called with each poll's progress while waiting.
            timeout: per-attempt timeout of each request (seconds or an httpx.Timeout).
            max_retries: retry budget of each request.
            total_timeout: time budget of each request, retries included.

        Raises:
            ConfigurationDriftError: it exists with another configuration (`.differences`).
            IndexInitializationFailedError: it exists in a failure state.
            WaitTimeoutError: it was still Terminating (or not ready) at the deadline.
            UnexpectedTerminationError: it was deleted again while this call created it.
        """
        return cast(
            "CollectionModel",
            await self._run(
                self._convenience(
                    "ensure_collection",
                    "ensure",
                    "create_collection",
                    {"name": name, "source": source},
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                )
            ),
        )

    async def has_index(
        self,
        name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bool:
        """True if the index exists: one `describe_index`; a 404 means False.

        Args:
            name: The name of the index to be described.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
        """
        return cast(
            "bool",
            await self._run(
                self._convenience(
                    "has_index",
                    "has",
                    "describe_index",
                    {"path:index_name": name},
                    CallOptions(timeout, max_retries, NOT_GIVEN, 0, None),
                )
            ),
        )

    async def wait_for_index_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> IndexModel:
        """Wait until the index is ready, polling `describe_index`; the first describe is at once.

        Args:
            name: The name of the index to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        return cast(
            "IndexModel",
            await self._run(
                self._convenience(
                    "wait_for_index_ready",
                    "wait:ready",
                    "describe_index",
                    {"path:index_name": name},
                    CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
                )
            ),
        )

    async def wait_for_index_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: Callable[[Any], object] | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until the index answers 404 (the index is gone), polling `describe_index`; the first describe is at once.

        Args:
            name: The name of the index to be described.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        await self._run(
            self._convenience(
                "wait_for_index_deleted",
                "wait:deleted",
                "describe_index",
                {"path:index_name": name},
                CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress),
            )
        )
        return None

    async def ensure_index(
        self,
        name: str,
        *,
        dimension: int,
        spec: IndexSpec | ServerlessSpec | PodSpec | Mapping[str, Any] | IndexModelSpec,
        metric: CreateIndexRequestMetric | str | IndexModelMetric | None = None,
        deletion_protection: DeletionProtection | str | None = None,
        apply: bool = False,
        wait_timeout: float | None = 0,
        on_progress: Callable[[Any], object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | None | NotGiven = NOT_GIVEN,
    ) -> IndexModel:
        """Create the index if it is missing (`create_index`); if it exists, return it when it matches.

        Safe to run again and again: describes first (`describe_index`), creates when missing
        (a create whose answer was lost is settled by describing; a 409 is compared), never returns one
        that is Terminating (it is waited out, then created) or failed.

        Args:
            name: as `create_index`.
            dimension: as `create_index`.
            spec: as `create_index`.
            metric: as `create_index`.
            deletion_protection: as `create_index`.
            apply: when it differs only in what can be configured, configure it (and return it)
                instead of raising.
            wait_timeout: seconds to wait until it is ready: 0 returns at once, None waits without a deadline;
                a Terminating one is waited out first within it (with 0, within `total_timeout`).
            on_progress: called with each poll's progress while waiting.
            timeout: per-attempt timeout of each request (seconds or an httpx.Timeout).
            max_retries: retry budget of each request.
            total_timeout: time budget of each request, retries included.

        Raises:
            ConfigurationDriftError: it exists with another configuration (`.differences`).
            IndexInitializationFailedError: it exists in a failure state.
            WaitTimeoutError: it was still Terminating (or not ready) at the deadline.
            UnexpectedTerminationError: it was deleted again while this call created it.
        """
        return cast(
            "IndexModel",
            await self._run(
                self._convenience(
                    "ensure_index",
                    "ensure",
                    "create_index",
                    {
                        "name": name,
                        "dimension": dimension,
                        "spec": spec,
                        "metric": metric,
                        "deletion_protection": deletion_protection,
                    },
                    CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress),
                    apply,
                )
            ),
        )


# -- deployment builders -------------------------------------------------------------------------


def build_unchecked(operation: str, field: str, model: str, values: dict[str, Any]) -> Any:
    """The model `field` of `operation` takes, from the given leaf values (None: not given); of a
    union, the branch that has the values' top-level key. The `pinecone_control` package replaces
    this with a build that also checks the spec's rules (`use_builder`)."""
    import attrs

    from . import models

    body: dict[str, Any] = {}
    for path, value in values.items():
        if value is None:
            continue
        *parents, leaf = path.split(".")
        node = body
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    branch = next(iter(body))
    for name in model.split(" | "):
        cls = getattr(models, name)
        if branch in attrs.fields_dict(cls):
            return cls.from_dict(body)
    raise ValueError(f"{field}: no model of {model} holds {branch!r}")


_BUILD: list[Callable[[str, str, str, dict[str, Any]], Any]] = [build_unchecked]


def use_builder(build: Callable[[str, str, str, dict[str, Any]], Any]) -> None:
    """Build (and check) every deployment with `build(operation, field, model, values)` from now on."""
    _BUILD[0] = build


def serverless_spec(cloud: ServerlessSpecCloud | str, region: str) -> IndexSpec:
    """A `serverless` deployment for `create_index`'s `spec`: Configuration needed to deploy a serverless index.

    Only the values given are sent; the server fills in the rest.

    Args:
        cloud: The public cloud where you would like your index hosted.
        region: The region where you would like your index to be created.
    """
    return cast(
        "IndexSpec",
        _BUILD[0]("create_index", "spec", "IndexSpec", {"serverless.cloud": cloud, "serverless.region": region}),
    )


def pod_spec(
    environment: str,
    pod_type: str = "p1.x1",
    *,
    replicas: int | None = None,
    shards: int | None = None,
    pods: int | None = None,
    indexed: Sequence[str] | None = None,
    source_collection: str | None = None,
) -> IndexSpec:
    """A `pod` deployment for `create_index`'s `spec`: Configuration needed to deploy a pod-based index.

    Only the values given are sent; the server fills in the rest.

    Args:
        environment: The environment where the index is hosted.
        replicas: The number of replicas. Replicas duplicate your index. They provide higher availability and throughput. Replicas can be scaled up or down as your needs change. Server default: `1`.
        shards: The number of shards. Shards split your data across multiple pods so you can fit more data into an index. Server default: `1`.
        pod_type: The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`, `x4`, or `x8`. Server default: `p1.x1`.
        pods: The number of pods to be used in the index. This should be equal to `shards` x `replicas`.' Server default: `1`.
        indexed: By default, all metadata is indexed; to change this behavior, use this property to specify an array of metadata fields that should be indexed.
        source_collection: The name of the collection to be used as the source for the index.
    """
    return cast(
        "IndexSpec",
        _BUILD[0](
            "create_index",
            "spec",
            "IndexSpec",
            {
                "pod.environment": environment,
                "pod.replicas": replicas,
                "pod.shards": shards,
                "pod.pod_type": pod_type,
                "pod.pods": pods,
                "pod.metadata_config.indexed": indexed,
                "pod.source_collection": source_collection,
            },
        ),
    )


ENSURES: dict[str, str] = {"create_collection": "ensure_collection", "create_index": "ensure_index"}
"""Each create that has an `ensure_*` twin, and that method's name (for its messages)."""

BUILDERS: tuple[str, ...] = ("serverless_spec", "pod_spec")
"""The deployment builders above, re-exported by the `pinecone_control` package."""

MODELS: tuple[str, ...] = (
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
)
"""The models the public methods and builders name, and the status enums, re-exported likewise
(`_exports.py`)."""
