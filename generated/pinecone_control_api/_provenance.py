"""Provenance of this generated package. Written by openapi/codegen/generate.py; do not edit."""

API_VERSION = "2024-07"
SPEC_PATH = "2024-07/control_2024-07.oas.yaml"
SPEC_SHA256 = "d3921e52b0e258b3bad29280933d00c79f199d1262c0e64e256db53e0ef59793"
NORMALISED_SPEC_SHA256 = "be7af7781321b53b242d8fa3cd86811df5508c5be4594f73115e53ce2c74d4a6"
GENERATOR = "openapi-python-client"
GENERATOR_VERSION = "0.29.1"
RUFF_VERSION = "0.17.6"
