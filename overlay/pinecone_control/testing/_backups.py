"""Backups of serverless indexes and the restore jobs that create an index from one (2025-04 on):
what a backup copies from its index, and a restore's progress (Pending -> Running -> Completed, with
`percent_complete`) while its new index initialises."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ._catalogue import PROTECTION, Wording
from ._conventions import Convention
from ._indexes import IndexKind, check_name, host
from ._kind import Kind
from ._state import Resource, State
from ._wire import ApiError, Body, invalid

# The index fields a backup keeps, and that an index restored from it gets back.
_COPIED = ("dimension", "metric", "vector_type", "tags", "embed")


class BackupKind(Kind):
    ready_timing = "backup_ready"
    delete_timing = "backup_delete"

    def create(self, state: State, how: Convention, request: Body, parent: Resource | None) -> Resource:
        assert parent is not None  # backups are created under their index
        request.get(request.data, "name", str)
        request.get(request.data, "description", str)
        if "serverless" not in parent.spec:
            raise invalid(Wording.BACKUP_SERVERLESS_ONLY)
        if not parent.ready:
            raise invalid(Wording.SOURCE_INDEX_NOT_READY)
        backup = super().create(state, how, request, parent)
        serverless = parent.spec["serverless"]
        vectors = parent.facts.get("vector_count", 0)
        backup.data.update(
            {k: parent.data[k] for k in _COPIED if k in parent.data},
            source_index_name=parent.key,
            source_index_id=parent.id,
            cloud=serverless["cloud"],
            region=serverless["region"],
            record_count=vectors,
            namespace_count=1 if vectors else 0,
            size_bytes=vectors * int(parent.data.get("dimension") or 0) * 4,
        )
        backup.facts["spec"] = parent.spec
        return backup

    def action(self, state: State, how: Convention, resource: Resource, request: Body) -> tuple[int, Any]:
        """`create-index`: a new index from this backup, and the restore job that fills it."""
        name = request.get(request.data, "name", str, required=True)
        protection = request.enum(request.data, "deletion_protection", PROTECTION, message=Wording.INVALID_PROTECTION)
        tags = request.object(request.data, "tags")
        check_name(name, "Index name")
        if resource.state != "Ready":
            raise invalid(Wording.BACKUP_NOT_READY)
        if name in state.indexes:
            raise ApiError(409, "ALREADY_EXISTS", Wording.ALREADY_EXISTS)
        serverless = {k: v for k, v in resource.facts["spec"]["serverless"].items()}
        data: dict[str, Any] = {k: resource.data[k] for k in _COPIED if k in resource.data}
        data.update(name=name, spec={"serverless": serverless}, deletion_protection=protection or "disabled")
        data["host"] = host(name, data["spec"])
        if tags is not None:
            data["tags"] = tags
        index = state.add(Resource("indexes", name, data))
        job = Resource(
            "restore-jobs", "", {"backup_id": resource.key, "target_index_name": name, "target_index_id": index.id}
        )
        job.key = job.data["restore_job_id"] = job.id
        job.state = "Pending"
        state.add(job)
        RestoreJobKind().run(state, job, index)
        return 202, {"restore_job_id": job.key, "index_id": index.id}


class RestoreJobKind(Kind):
    def run(self, state: State, job: Resource, index: Resource) -> None:
        """Pending, Running at a tenth of the time, Completed (and the index Ready) at the end."""
        total = state.timings.restore
        job.data["percent_complete"] = 0.0

        def running() -> None:
            job.state, job.data["percent_complete"] = "Running", 50.0
            state.schedule(job, total * 0.9, completed)

        def completed() -> None:
            job.state, job.ready, job.data["percent_complete"] = "Completed", True, 100.0
            job.data["completed_at"] = datetime.now(UTC).isoformat()
            IndexKind().settle(index)

        state.schedule(job, total * 0.1, running)
