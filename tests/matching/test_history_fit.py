"""What the history component says about real profiles (real model, composed texts): a target
with many decisions still tells startups like its own from others, and declined startups
pull down only those closer to them than to the accepted ones."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from numpy.typing import NDArray

from matchmaker.matching.encoder import Encoder
from matchmaker.matching.history import Decisions, HistoryFit, fits_of_startups, fits_of_targets
from matchmaker.matching.texts import startup_text

Vector = NDArray[np.float32]

BATTERIES = [
    "solid-state battery cells for electric trucks",
    "sodium-ion batteries for home storage",
    "battery management systems for e-buses",
    "lithium-metal anodes for drones",
    "fast-charging battery packs for scooters",
    "recycled cathode materials for EV batteries",
    "silicon anodes for phone batteries",
    "flow batteries for grid storage",
    "thermal runaway sensors for battery packs",
    "battery swapping stations for taxis",
    "second-life EV batteries for factories",
    "battery cell testing equipment for gigafactories",
]
DIAGNOSTICS = [
    "CRISPR diagnostics for hospital labs",
    "point-of-care blood tests for clinics",
    "AI reading of chest X-rays for hospitals",
    "microfluidic sepsis tests for intensive care",
    "wearable ECG patches for cardiologists",
    "liquid biopsy for early cancer screening",
    "rapid antibiotic resistance tests for hospitals",
    "digital pathology slides scanning for labs",
    "home urine test kits for kidney disease",
    "retinal imaging for diabetic screening",
    "breath analysers for lung disease",
    "genomic sequencing for newborn screening",
]


def _profile(pitch: str, n: int) -> str:
    """The text the engine embeds for a startup: the same field lines every profile has."""
    return startup_text(
        SimpleNamespace(
            name=f"Startup {n}",
            pitch=pitch,
            domains=["new_energy"],
            tags=[],
            stage="prototype",
            trl=5,
            needs=["funding", "mentoring"],
            city="Beijing",
            region="beijing",
            description="",
        )
    )


@pytest.fixture(scope="module")
def vectors(encoder: Encoder) -> dict[int, Vector]:
    """Ids 1-12 batteries, 13-24 diagnostics, 25 a new battery and 26 a new test startup."""
    pitches = [*BATTERIES, *DIAGNOSTICS, "solid-state electrolytes for EV batteries"]
    pitches.append("rapid blood tests for sepsis in hospitals")
    texts = [_profile(p, n) for n, p in enumerate(pitches, start=1)]
    return {i + 1: v for i, v in enumerate(encoder.encode(texts))}


def _fit(startup: int, decisions: Decisions, vectors: dict[int, Vector]) -> HistoryFit:
    (one,) = fits_of_startups([startup], vectors[startup][None, :], decisions, vectors)
    # The same pair from the startup's side: the same fit, bit for bit.
    assert fits_of_targets(startup, vectors[startup], {1: decisions}, vectors) == {1: one}
    assert one is not None
    return one


def test_a_target_with_many_decisions_still_tells_its_kind_of_startup(
    vectors: dict[int, Vector],
) -> None:
    battery_target = Decisions(accepted=tuple(range(1, 13)))
    diagnostics_target = Decisions(accepted=tuple(range(13, 25)))
    new_battery = (_fit(25, battery_target, vectors), _fit(25, diagnostics_target, vectors))
    new_test = (_fit(26, battery_target, vectors), _fit(26, diagnostics_target, vectors))
    assert new_battery[0].value > new_battery[1].value
    assert new_test[1].value > new_test[0].value
    # Profiles share their field lines, so every one is somewhat like every other: the
    # value must not saturate (the nearest of twelve was "like" anyone before).
    assert all(f.value < 1 for f in (*new_battery, *new_test))


def test_declined_startups_pull_down_only_those_closer_to_them(
    vectors: dict[int, Vector],
) -> None:
    accepted_only = Decisions(accepted=tuple(range(1, 13)))
    both = Decisions(accepted=tuple(range(1, 13)), declined=tuple(range(13, 25)))
    # A battery startup is closer to the accepted batteries: the declined tests change nothing.
    assert _fit(25, both, vectors).value == _fit(25, accepted_only, vectors).value
    # A diagnostics startup is closer to the declined tests: its fit drops.
    assert _fit(26, both, vectors).value < _fit(26, accepted_only, vectors).value
    assert _fit(26, both, vectors).like_declined > 0


def test_a_startup_is_never_part_of_its_own_centroid(vectors: dict[int, Vector]) -> None:
    with_itself = Decisions(accepted=tuple(range(1, 13)))
    without = Decisions(accepted=tuple(range(2, 13)))
    assert _fit(1, with_itself, vectors) == _fit(1, without, vectors)
