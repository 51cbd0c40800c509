"""A benchmark's latest figures, kept in bench/RESULTS.md between two markers.

The numbered sections of RESULTS.md are written by hand (what was measured, why, what it
means); a block here is rewritten by the benchmark itself on every full run, so the file
always holds the last figures and the command, commit and time that made them.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "## Latest runs (written by the benchmarks)"


def stamp() -> str:
    """When and on which commit this run was made."""
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    try:
        commit = _git("rev-parse", "--short", "HEAD")
        changed = _git("status", "--porcelain", "--untracked-files=no", "--", "matchmaker", "bench")
    except (OSError, subprocess.CalledProcessError):
        return f"{when}, commit unknown"
    return f"{when}, commit `{commit}`" + (" with uncommitted changes" if changed else "")


def _git(*args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=RESULTS.parent.parent, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def replace_block(name: str, text: str, path: Path = RESULTS) -> None:
    """Put ``text`` between the ``name`` markers, adding them (under HEADING) if missing."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    doc = path.read_text(encoding="utf-8")
    block = f"{start}\n{text.strip()}\n{end}"
    if start in doc and end in doc:
        before, _, rest = doc.partition(start)
        _, _, after = rest.partition(end)
        doc = before + block + after
    else:
        if HEADING not in doc:
            doc = doc.rstrip("\n") + f"\n\n{HEADING}\n"
        doc = doc.rstrip("\n") + f"\n\n{block}\n"
    path.write_text(doc, encoding="utf-8")
