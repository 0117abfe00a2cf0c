"""Ingest: inputs of every format to validated ``Document`` records.

``read_inputs`` yields ``RawArticle`` or ``Skipped``; ``validate`` turns a RawArticle into a
``Document`` (with its content hash) or a ``Skipped`` that says why.
"""
from .readers import read_file, read_inputs, read_text, read_url
from .validate import content_id, normalise_text, validate

__all__ = ["read_inputs", "read_file", "read_text", "read_url", "validate", "content_id",
           "normalise_text"]
