"""pinecone-control: a typed client for the Pinecone control-plane API."""

from pinecone_control_api import _provenance

from ._version import __version__

API_VERSION: str = _provenance.API_VERSION
"""The control-plane API version this client speaks (sent as X-Pinecone-Api-Version)."""

__all__ = ["API_VERSION", "__version__"]
