"""The multilingual models, each loaded once per test session (they are real, not fakes)."""

from __future__ import annotations

import pytest

from matchmaker.matching.encoder import Encoder
from matchmaker.matching.registry import load_encoder


@pytest.fixture(scope="session")
def e5_encoder() -> Encoder:
    return load_encoder("multilingual-e5-small")


@pytest.fixture(scope="session")
def use_encoder() -> Encoder:
    return load_encoder("use-multilingual")
