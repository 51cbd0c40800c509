"""``matchmaker import``: a file into profiles, from the command line, with a progress bar."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from matchmaker.config import Settings
from matchmaker.imports import service
from matchmaker.imports.mapping import MappingError, parse
from matchmaker.imports.models import ImportJob
from matchmaker.imports.readers import FORMATS, detect_format
from matchmaker.kinds import BY_PLURAL


def run_import(
    settings: Settings,
    path: Path,
    kind: str,
    mapping_path: Path | None,
    source: str | None,
    fmt: str | None,
    progress: bool = True,
) -> tuple[ImportJob, list[tuple[int, str, str]]]:
    """Import ``path`` as ``kind`` profiles here; returns the job and its first row errors."""
    from tqdm import tqdm

    from matchmaker.runtime import open_runtime

    if kind not in BY_PLURAL:
        raise typer.BadParameter(f"one of {', '.join(BY_PLURAL)}", param_hint="--kind")
    fmt = fmt or detect_format(path.name)
    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    raw = None
    if mapping_path is not None:
        try:
            raw = json.loads(mapping_path.read_text(encoding="utf-8"))
            parse(raw, BY_PLURAL[kind].create)
        except (OSError, ValueError, MappingError) as exc:
            raise typer.BadParameter(str(exc), param_hint="--mapping") from exc
    runtime = open_runtime(settings)
    try:
        with runtime.sessions() as session, session.begin():
            # An interrupted import of the same file goes on from its last committed chunk.
            job = service.interrupted_cli_job(session, kind, source or path.stem, path.resolve())
            if job is None:
                job = service.create_job(
                    session,
                    kind=kind,
                    fmt=fmt,
                    source=source or path.stem,
                    filename=path.name,
                    path=path.resolve(),
                    mapping=raw,
                    account_id=None,
                )
            job_id = job.id
        bar = tqdm(
            total=path.stat().st_size,
            unit="B",
            unit_scale=True,
            desc=f"import #{job_id}",
            disable=not progress,
        )

        def report(current: ImportJob, position: int) -> None:
            bar.update(max(0, position - bar.n))
            bar.set_postfix(
                rows=current.rows_read,
                new=current.created,
                upd=current.updated,
                bad=current.failed,
                refresh=False,
            )

        try:
            service.run(runtime.sessions, job_id, settings, progress=report)
        finally:
            bar.update(max(0, bar.total - bar.n))
            bar.close()
        with runtime.sessions() as session:
            done = session.get(ImportJob, job_id)
            assert done is not None
            errors = [(e.row, e.field, e.reason) for e in service.errors_of(session, job_id, 20)]
            return done, errors
    finally:
        runtime.close()


def summary(job: ImportJob, errors: list[tuple[int, str, str]]) -> str:
    """What the job did, and its first row errors."""
    lines = [
        f"import #{job.id} {job.status}: {job.rows_read} rows, {job.created} created, "
        f"{job.updated} updated, {job.unchanged} unchanged, {job.failed} failed"
    ]
    if job.message:
        lines.append(job.message)
    lines += [f"  row {row}: {field}: {reason}" for row, field, reason in errors]
    if job.failed > len(errors):
        lines.append(f"  ... GET /v1/imports/{job.id}?errors=1000 lists more")
    return "\n".join(lines)
