__version__ = "0.3.0.dev0"
"""The package version, as `pip show pinecone-control` prints it. Between releases it is the next
release's development version (`X.Y.Z.devN`); `make release VERSION=X.Y.Z` sets the release."""
