"""The sentence-transformers encoder's one-text path (matching/encoder.py ``_one``): the same
vector as the library's own ``encode``, to the bit, and the library's path whenever the
model adds something of its own (a default prompt)."""

from __future__ import annotations

import numpy as np

from matchmaker.matching.encoder import SentenceTransformerEncoder

TEXTS = [
    "Name: Qiangu Quantum Sensing\nPitch: diamond quantum magnetometers for heart imaging",
    "名称：京西量子\n简介：室温金刚石量子磁力计，用于心脏和大脑成像，无需屏蔽室。",
    "cleanroom lithography " * 400,  # past the model's 256 tokens: truncated alike
]


def _library(encoder: SentenceTransformerEncoder, texts: list[str]) -> np.ndarray:
    out = encoder._model.encode(
        texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return np.asarray(out, dtype=np.float32)


def test_one_text_gets_the_librarys_vector_to_the_bit() -> None:
    encoder = SentenceTransformerEncoder()
    for text in TEXTS:
        assert encoder._plain()
        mine = encoder.encode([text])
        assert mine.shape == (1, encoder.dim)
        assert np.array_equal(mine, _library(encoder, [text]))
    batch = encoder.encode(TEXTS)  # the library's own batched path
    single = np.vstack([encoder.encode([t]) for t in TEXTS])
    assert np.allclose(batch, single, atol=1e-6)


def test_a_model_with_a_default_prompt_is_encoded_by_the_library_with_its_prompt() -> None:
    encoder = SentenceTransformerEncoder()
    plain = encoder.encode([TEXTS[0]])
    encoder._model.prompts = {"query": "query: "}
    encoder._model.default_prompt_name = "query"
    assert not encoder._plain()
    prompted = encoder.encode([TEXTS[0]])
    assert np.array_equal(prompted, _library(encoder, [TEXTS[0]]))
    assert not np.allclose(prompted, plain, atol=1e-3)  # the prompt was applied
