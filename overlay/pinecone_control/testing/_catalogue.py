"""The facts of the real service the spec leaves to prose or to its examples (regions, pod types,
hosted models, error wordings), and the spec's enumerations and ranges the rules read from the
generated tables. Each entry says where it comes from."""

from __future__ import annotations

from typing import Any

from pinecone_control_api._operations import BY_NAME, Field, Scalar
from pinecone_control_api._provenance import API_VERSION

from .._schema_checks import value_violation
from ._wire import IntegerRule

__all__ = ["API_VERSION"]  # the generated package's version: the one the emulator serves

# The project id in hosts (the spec's example host "semantic-search-c01b5b5.svc.us-west1-gcp.pinecone.io").
PROJECT = "c01b5b5"

# The spec points to docs.pinecone.io's "cloud regions" list for serverless regions (its examples
# use aws/us-east-1; pinecone-client 5.0.1's CI creates in aws/us-west-2); an unknown one is the
# spec's 404 example "Resource cloud: aws region: us-west1 not found.". Replaceable per emulator.
SERVERLESS_REGIONS: dict[str, tuple[str, ...]] = {
    "aws": ("us-east-1", "us-west-2", "eu-west-1"),
    "gcp": ("us-central1", "europe-west4"),
    "azure": ("eastus2",),
}
# The environments pinecone-client 5.0.1's own tests create pod indexes in
# (tests/integration/control/pod/test_collections_errors.py).
POD_ENVIRONMENTS = (
    "us-east1-gcp",
    "us-west1-gcp",
    "us-central1-gcp",
    "us-west4-gcp",
    "us-east4-gcp",
    "eu-west1-gcp",
    "eu-west4-gcp",
    "asia-northeast1-gcp",
    "asia-southeast1-gcp",
    "northamerica-northeast1-gcp",
    "us-east-1-aws",
    "eastus-azure",
)
# Spec, PodSpec.pod_type: "One of s1, p1, or p2 appended with . and one of x1, x2, x4, or x8."
POD_FAMILIES = ("s1", "p1", "p2")
POD_SIZES = ("x1", "x2", "x4", "x8")
# Spec, embed: multilingual-e5-large, 1024 dimensions, at most 96 inputs of 507 tokens.
EMBED_MODELS = {"multilingual-e5-large": 1024}
EMBED_MAX_INPUTS = 96
EMBED_MAX_TOKENS = 507
# The hosted models, as docs.pinecone.io/models lists them (model cards: type, vector type,
# dimensions, sequence length, batch size, provider); `list_models`/`get_model` answer these, an
# index for a model takes its dimension, metric and vector type from here.
MODELS: dict[str, dict[str, Any]] = {
    "multilingual-e5-large": {
        "type": "embed",
        "vector_type": "dense",
        "dimension": 1024,
        "metric": "cosine",
        "max_sequence_length": 507,
        "max_batch_size": 96,
        "provider_name": "Microsoft",
        "short_description": "A high-performance dense embedding model trained on a mixture of multilingual datasets.",
    },
    "llama-text-embed-v2": {
        "type": "embed",
        "vector_type": "dense",
        "dimension": 1024,
        "metric": "cosine",
        "supported_dimensions": [384, 512, 768, 1024, 2048],
        "max_sequence_length": 2048,
        "max_batch_size": 96,
        "provider_name": "NVIDIA",
        "short_description": (
            "A high performance dense embedding model optimized for multilingual and cross-lingual text."
        ),
    },
    "pinecone-sparse-english-v0": {
        "type": "embed",
        "vector_type": "sparse",
        "dimension": None,
        "metric": "dotproduct",
        "max_sequence_length": 512,
        "max_batch_size": 96,
        "provider_name": "Pinecone",
        "short_description": "A sparse embedding model for converting text to sparse vectors for keyword search.",
    },
    "bge-reranker-v2-m3": {
        "type": "rerank",
        "max_sequence_length": 1024,
        "max_batch_size": 100,
        "provider_name": "BAAI",
        "short_description": "A high-performance, multilingual reranking model.",
    },
    "cohere-rerank-3.5": {
        "type": "rerank",
        "max_sequence_length": 40000,
        "max_batch_size": 200,
        "provider_name": "Cohere",
        "short_description": "Cohere's leading reranking model.",
    },
    "pinecone-rerank-v0": {
        "type": "rerank",
        "max_sequence_length": 512,
        "max_batch_size": 100,
        "provider_name": "Pinecone",
        "short_description": (
            "A state of the art reranking model that outperforms competitors on widely accepted benchmarks."
        ),
    },
}
# The spec's enums (tests/emulator/test_catalogue.py compares them with the spec).
CLOUDS = ("aws", "gcp", "azure")
METRICS = ("cosine", "euclidean", "dotproduct")
PROTECTION = ("disabled", "enabled")


def integer_rule(operation: str, path: str) -> IntegerRule:
    """A body field's format, minimum and maximum as the spec states them (the generated tables, the
    same source the client checks its arguments with); none stated when the operation lacks it."""
    field = next((f for f in BY_NAME[operation].body_fields if f.path == path), None) if operation in BY_NAME else None
    if field is None:
        return IntegerRule()
    low, high = field.minimum, field.maximum
    return IntegerRule(field.format, None if low is None else int(low), None if high is None else int(high))


def server_default(operation: str, path: str, fallback: Scalar) -> Scalar:
    field = next((f for f in BY_NAME[operation].body_fields if f.path == path), None) if operation in BY_NAME else None
    return fallback if field is None or field.server_default is None else field.server_default


# Spec, IndexModel.name: "1-45 characters long, start and end with an alphanumeric character, and
# consist only of lower case alphanumeric characters or '-'" (a pattern and lengths in the tables).
_NAME: Field = next(f for op in BY_NAME.values() for f in op.body_fields if f.path == "name" and f.pattern)


def is_valid_name(value: str) -> bool:
    return value_violation(_NAME, value) is None


class Wording:
    """The real service's error messages where they are known, each with its source."""

    # Spec examples (create_index 409, delete_index 403 and 412, describe_* 404).
    ALREADY_EXISTS = "Resource already exists."
    DELETION_PROTECTED = "Deletion protection is enabled for this index. Disable deletion protection before retrying."
    PENDING_COLLECTIONS = "Unable to delete an index. There are pending collections for this index: {names}"

    # pinecone-client 5.0.1, tests/integration/control/pod/test_collections_errors.py: a missing
    # source collection or source index is "Resource <name> not found" (a 404, like the other ones).
    RESOURCE_NOT_FOUND = "Resource {name} not found"
    SAME_ENVIRONMENT = "Source collection must be in the same environment as the index"
    SAME_DIMENSION = "Index and collection must have the same dimension"
    SOURCE_INDEX_NOT_READY = "Source index is not ready"
    SOURCE_COLLECTION_NOT_READY = "Source collection is not ready"
    # The real answers quoted in issue 12; the Java SDK's ConfigureIndexTest checks "change pod".
    CANNOT_CHANGE_POD_TYPE = "Bad request: Cannot change pod type."
    SERVERLESS_CONFIGURE = "Configuring replicas and pod type is not supported for serverless"
    # A 400: pinecone-python-client's tests/integration/test_collections.py
    # (test_collection_from_serverless_raises_error_rest); the wording is this project's.
    SERVERLESS_COLLECTIONS = "Serverless indexes do not support collections."
    # pinecone-ts-client v3.0.0 to v6.0.0, src/integration/control/configureIndex.test.ts and
    # createIndex.test.ts assert this 400 for `deletion_protection: "bogus"`.
    INVALID_PROTECTION = "Invalid deletion_protection, value should be either enabled or disabled"
    # The spec's own 400 example for create_index (an unknown metric).
    INVALID_METRIC = "Metric must be cosine, euclidean, or dotproduct."
    # Quotas: the real service's words (docs.pinecone.io "Understanding cost / quotas" and public
    # reports of the 403): pods, then serverless indexes.
    POD_QUOTA = (
        "You've reached the max pods allowed in project {project} ({limit}). To increase this limit, adjust your "
        "project settings in the console"
    )
    SERVERLESS_QUOTA = (
        "Request failed. You've reached the max serverless indexes allowed in project {project} ({limit}). "
        "To add more serverless indexes, upgrade your plan."
    )
    # This project's wording (no published answer): sparse indexes, hosted models, backups, restores.
    SPARSE_DIMENSION = "Sparse indexes must not have a dimension."
    SPARSE_METRIC = "Sparse indexes must use the metric dotproduct."
    UNKNOWN_MODEL = "Model '{model}' not found. Supported models: {models}."
    WRONG_DEPLOYMENT = "The index is not a {kind} index."
    BACKUP_SERVERLESS_ONLY = "Backups are only supported for serverless indexes."
    BACKUP_NOT_READY = "Backup is not ready."
