"""Storyline: the analyst's record of a news story, every fact traced to its sentence.

The library API::

    from storyline import build_options, open_store, ingest, export
    store = open_store("sqlite:///storyline.db")
    report = ingest(["articles/"], store, build_options())
    export(store, "out/", "jsonl")
"""
import os

# onnxruntime (sentence embeddings) writes telemetry files on import unless told not to.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from .errors import (ConfigError, DataError, ExtractionError, IngestError, StoreError,  # noqa: E402
                     StorylineError)
from .export import export  # noqa: E402
from .options import Options, build_options  # noqa: E402
from .pipeline import IngestReport, analyze, ingest, rebuild_corpus, reprocess  # noqa: E402
from .store import Store, open_store  # noqa: E402

__all__ = [
    "build_options", "Options", "open_store", "Store", "ingest", "reprocess", "analyze",
    "rebuild_corpus", "export", "IngestReport", "StorylineError", "ConfigError", "IngestError",
    "ExtractionError", "StoreError", "DataError",
]
__version__ = "0.1.0"
