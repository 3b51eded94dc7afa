"""A client library for accessing Pinecone Control Plane API"""
