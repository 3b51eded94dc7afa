__version__ = "0.2.0"
"""The package version, as `pip show pinecone-control` prints it."""
