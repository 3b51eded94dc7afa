"""The spec's component schemas, as data. Written by openapi/codegen/generate.py; do not edit.

`$ref` values name another entry of SCHEMAS. Prose is left out; see the spec for descriptions.
"""

from typing import Any

SCHEMAS: dict[str, Any] = {
    "CollectionList": {
        "type": "object",
        "properties": {"collections": {"type": "array", "items": {"$ref": "CollectionModel"}}},
    },
    "CollectionModel": {
        "type": "object",
        "properties": {
            "name": {"example": "example-collection", "type": "string"},
            "size": {"example": 10000000, "type": "integer", "format": "int64"},
            "status": {"example": "Initializing", "type": "string", "enum": ["Initializing", "Ready", "Terminating"]},
            "dimension": {"example": 1536, "type": "integer", "format": "int32", "minimum": 1, "maximum": 20000},
            "vector_count": {"example": 120000, "type": "integer", "format": "int32"},
            "environment": {"example": "us-east1-gcp", "type": "string"},
        },
        "required": ["name", "status", "environment"],
    },
    "ConfigureIndexRequest": {
        "type": "object",
        "properties": {
            "spec": {
                "type": "object",
                "properties": {
                    "pod": {
                        "type": "object",
                        "properties": {
                            "replicas": {"type": "integer", "format": "int32", "minimum": 1, "x-server-default": 1},
                            "pod_type": {"type": "string", "x-server-default": "p1.x1"},
                        },
                    }
                },
                "required": ["pod"],
            },
            "deletion_protection": {"$ref": "DeletionProtection"},
        },
    },
    "CreateCollectionRequest": {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 45, "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"},
            "source": {"example": "example-source-index", "type": "string"},
        },
        "required": ["name", "source"],
    },
    "CreateIndexRequest": {
        "type": "object",
        "properties": {
            "name": {
                "example": "example-index",
                "type": "string",
                "minLength": 1,
                "maxLength": 45,
                "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
            },
            "dimension": {"example": 1536, "type": "integer", "format": "int32", "minimum": 1, "maximum": 20000},
            "metric": {"type": "string", "enum": ["cosine", "euclidean", "dotproduct"], "x-server-default": "cosine"},
            "deletion_protection": {"$ref": "DeletionProtection"},
            "spec": {"$ref": "IndexSpec"},
        },
        "required": ["name", "dimension", "spec"],
    },
    "DeletionProtection": {"type": "string", "enum": ["disabled", "enabled"], "x-server-default": "disabled"},
    "EmbedRequest": {
        "type": "object",
        "properties": {
            "model": {"example": "multilingual-e5-large", "type": "string"},
            "parameters": {
                "type": "object",
                "properties": {
                    "input_type": {"example": "query", "type": "string"},
                    "truncate": {"example": "END", "type": "string", "x-server-default": "END"},
                },
            },
            "inputs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "text": {"example": "The quick brown fox jumps over the lazy dog.", "type": "string"}
                    },
                },
            },
        },
        "required": ["model", "inputs"],
    },
    "Embedding": {
        "type": "object",
        "properties": {"values": {"example": [0.1, 0.2, 0.3], "type": "array", "items": {"type": "number"}}},
    },
    "EmbeddingsList": {
        "type": "object",
        "properties": {
            "model": {"example": "multilingual-e5-large", "type": "string"},
            "data": {"type": "array", "items": {"$ref": "Embedding"}},
            "usage": {"type": "object", "properties": {"total_tokens": {"example": 205, "type": "integer"}}},
        },
    },
    "ErrorResponse": {
        "example": {
            "error": {
                "code": "QUOTA_EXCEEDED",
                "message": "The index exceeds the project quota of 5 pods by 2 pods. Upgrade your account or change the project settings to increase the quota.",
            },
            "status": 429,
        },
        "type": "object",
        "properties": {
            "status": {"example": 500, "type": "integer"},
            "error": {
                "example": {
                    "code": "INVALID_ARGUMENT",
                    "message": "Index name must contain only lowercase alphanumeric characters or hyphens, and must not begin or end with a hyphen.",
                },
                "type": "object",
                "properties": {
                    "code": {
                        "type": "string",
                        "enum": [
                            "OK",
                            "UNKNOWN",
                            "INVALID_ARGUMENT",
                            "DEADLINE_EXCEEDED",
                            "QUOTA_EXCEEDED",
                            "NOT_FOUND",
                            "ALREADY_EXISTS",
                            "PERMISSION_DENIED",
                            "UNAUTHENTICATED",
                            "RESOURCE_EXHAUSTED",
                            "FAILED_PRECONDITION",
                            "ABORTED",
                            "OUT_OF_RANGE",
                            "UNIMPLEMENTED",
                            "INTERNAL",
                            "UNAVAILABLE",
                            "DATA_LOSS",
                            "FORBIDDEN",
                            "UNPROCESSABLE_ENTITY",
                        ],
                    },
                    "message": {
                        "example": "Index name must contain only lowercase alphanumeric characters or hyphens, and must not begin or end with a hyphen.",
                        "type": "string",
                    },
                    "details": {"type": "object"},
                },
                "required": ["code", "message"],
            },
        },
        "required": ["status", "error"],
    },
    "IndexList": {"type": "object", "properties": {"indexes": {"type": "array", "items": {"$ref": "IndexModel"}}}},
    "IndexModel": {
        "type": "object",
        "properties": {
            "name": {
                "example": "example-index",
                "type": "string",
                "minLength": 1,
                "maxLength": 45,
                "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
            },
            "dimension": {"example": 1536, "type": "integer", "format": "int32", "minimum": 1, "maximum": 20000},
            "metric": {"type": "string", "enum": ["cosine", "euclidean", "dotproduct"], "x-server-default": "cosine"},
            "host": {"example": "semantic-search-c01b5b5.svc.us-west1-gcp.pinecone.io", "type": "string"},
            "deletion_protection": {"$ref": "DeletionProtection"},
            "spec": {
                "example": {
                    "pod": {
                        "environment": "us-east-1-aws",
                        "metadata_config": {"indexed": ["genre", "title", "imdb_rating"]},
                        "pod_type": "p1.x1",
                        "pods": 1,
                        "replicas": 1,
                        "shards": 1,
                    }
                },
                "type": "object",
                "properties": {"pod": {"$ref": "PodSpec"}, "serverless": {"$ref": "ServerlessSpec"}},
            },
            "status": {
                "example": {"ready": True, "state": "ScalingUpPodSize"},
                "type": "object",
                "properties": {
                    "ready": {"type": "boolean"},
                    "state": {
                        "type": "string",
                        "enum": [
                            "Initializing",
                            "InitializationFailed",
                            "ScalingUp",
                            "ScalingDown",
                            "ScalingUpPodSize",
                            "ScalingDownPodSize",
                            "Terminating",
                            "Ready",
                        ],
                    },
                },
                "required": ["ready", "state"],
            },
        },
        "required": ["name", "dimension", "metric", "status", "spec", "host"],
    },
    "IndexSpec": {
        "type": "object",
        "properties": {"serverless": {"$ref": "ServerlessSpec"}, "pod": {"$ref": "PodSpec"}},
        "additionalProperties": False,
        "x-one-of-required": [["serverless"], ["pod"]],
    },
    "PodSpec": {
        "example": {
            "environment": "us-east1-gcp",
            "metadata_config": {"indexed": ["genre", "title", "imdb_rating"]},
            "pod_type": "p1.x1",
            "pods": 1,
            "replicas": 1,
            "shards": 1,
            "source_collection": "movie-embeddings",
        },
        "type": "object",
        "properties": {
            "environment": {"example": "us-east1-gcp", "type": "string"},
            "replicas": {"type": "integer", "format": "int32", "minimum": 1, "x-server-default": 1},
            "shards": {"type": "integer", "format": "int32", "minimum": 1, "x-server-default": 1},
            "pod_type": {"type": "string", "x-server-default": "p1.x1"},
            "pods": {"example": 1, "type": "integer", "minimum": 1, "x-server-default": 1},
            "metadata_config": {
                "example": {"indexed": ["genre", "title", "imdb_rating"]},
                "type": "object",
                "properties": {"indexed": {"type": "array", "items": {"type": "string"}}},
            },
            "source_collection": {"example": "movie-embeddings", "type": "string"},
        },
        "required": ["environment", "pod_type"],
    },
    "ServerlessSpec": {
        "type": "object",
        "properties": {
            "cloud": {"example": "aws", "type": "string", "enum": ["gcp", "aws", "azure"]},
            "region": {"example": "us-east-1", "type": "string"},
        },
        "required": ["cloud", "region"],
    },
}
