"""Provenance of this generated package. Written by openapi/codegen/generate.py; do not edit."""

API_VERSION = "2024-07"
SPEC_PATH = "2024-07/control_2024-07.oas.yaml"
SPEC_SHA256 = "d3921e52b0e258b3bad29280933d00c79f199d1262c0e64e256db53e0ef59793"
NORMALISED_SPEC_SHA256 = "88c5e795ad575a4376158d4f6ff24c2358e7e2c0d6e727bbaf06172d9eb5c75c"
GENERATOR = "openapi-python-client"
GENERATOR_VERSION = "0.29.1"
RUFF_VERSION = "0.17.6"
