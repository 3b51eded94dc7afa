"""The team's provisioning step: two indexes and a collection of one, waited for. It knows nothing
of tests: `Client()` reads PINECONE_API_KEY and PINECONE_CONTROLLER_HOST."""

from __future__ import annotations

from pinecone_control import Client, pod_spec, serverless_spec

INDEXES = {
    "movies": serverless_spec("aws", "us-east-1"),
    "archive": pod_spec("us-east1-gcp", "p1.x1"),
}
SNAPSHOT = "archive-snapshot"


def provision(wait_timeout: float = 300) -> dict[str, str]:
    """Create what is missing, let both indexes initialize side by side, then wait for each; then
    the collection of the pod index. Safe to run again."""
    with Client() as pc:
        for name, spec in INDEXES.items():
            pc.ensure_index(name, dimension=8, spec=spec)
        states = {name: str(pc.wait_for_index_ready(name, wait_timeout=wait_timeout).status.state) for name in INDEXES}
        pc.ensure_collection(SNAPSHOT, source="archive")
        states[SNAPSHOT] = str(pc.wait_for_collection_ready(SNAPSHOT, wait_timeout=wait_timeout).status)
    return states
