"""What the 2024-07 API accepts: the spec's enumerations, ranges and operations, and the facts of
the real service the spec leaves to prose or to its examples. Each entry says where it comes from."""

from __future__ import annotations

from pinecone_control_api._operations import BY_NAME, Field

from .._schema_checks import value_violation
from ._wire import IntegerRule

API_VERSION = "2024-07"

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
# The spec's enums (tests/emulator/test_catalogue.py compares them with the spec).
CLOUDS = ("aws", "gcp", "azure")
METRICS = ("cosine", "euclidean", "dotproduct")
PROTECTION = ("disabled", "enabled")


def _body_field(operation: str, path: str) -> Field:
    return next(f for f in BY_NAME[operation].body_fields if f.path == path)


def _integer_rule(operation: str, path: str) -> IntegerRule:
    field = _body_field(operation, path)
    low, high = field.minimum, field.maximum
    return IntegerRule(field.format, None if low is None else int(low), None if high is None else int(high))


# The spec's integer properties (format, minimum, maximum), read from the generated tables: the same
# source the client checks its arguments with.
INTEGER_RULES: dict[str, IntegerRule] = {
    "CreateIndexRequest.dimension": _integer_rule("create_index", "dimension"),
    "PodSpec.replicas": _integer_rule("create_index", "spec.pod.replicas"),
    "PodSpec.shards": _integer_rule("create_index", "spec.pod.shards"),
    "PodSpec.pods": _integer_rule("create_index", "spec.pod.pods"),
    "ConfigureIndexRequest.spec.pod.replicas": _integer_rule("configure_index", "spec.pod.replicas"),
}

# Spec, IndexModel.name: "1-45 characters long, start and end with an alphanumeric character, and
# consist only of lower case alphanumeric characters or '-'" (a pattern and lengths in the tables).
_NAME = _body_field("create_index", "name")


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
