"""Mutation testing of the core modules, each against the fast tests that target it.

Usage: ``python scripts/mutation.py [--jobs N] [MODULE ...]`` (``make mutation`` runs them
all; MODULE is a key of MODULES, e.g. ``camps/allocation.py``). Each module gets a scratch
directory ``build/mutation/<name>/`` holding a mutmut configuration of its own (the module
alone is mutated, only its tests are selected), so the runs neither share results nor touch
the work tree. Prints the score per module and the surviving mutants, and writes both to
``build/mutation/<name>/result.json`` (every module: ``build/mutation/summary.json``), the
survivors' diffs to ``build/mutation/<name>/survivors.diff``.

Hypothesis runs with a fixed seed and the ``mutation`` profile of tests/conftest.py (a failing
property stops at its first counterexample, no example database, fewer examples for the
allocation's properties), so the same code and tests give the same figures, and a full run
of the allocation's ~380 mutants takes minutes. ``--keep`` resumes an interrupted run
instead of starting afresh; ``--sample N`` tests N mutants per module drawn with a fixed seed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "mutation"

# Module (under matchmaker/) -> the fast tests that target it: pure functions, no model and
# no database, so one mutant costs a fraction of a second.
MODULES: dict[str, list[str]] = {
    "matching/ranking.py": [
        "tests/matching/test_scoring_arithmetic.py",
        "tests/matching/test_scoring_rules.py",
        "tests/matching/test_ranking_rules.py",
        "tests/matching/test_ranking_differential.py",
        "tests/matching/test_ranking_notes.py",
        "tests/matching/test_staleness.py",
        "tests/matching/test_fast_paths.py::test_rank_key_is_score_pairs_arithmetic",
    ],
    "matching/filters.py": [
        "tests/matching/test_filters.py",
        "tests/matching/test_scoring_rules.py",
    ],
    "camps/allocation.py": [
        "tests/camps/test_allocation_examples.py",
        "tests/camps/test_allocation_properties.py",
        "tests/camps/test_allocation_rules.py",
        "tests/camps/test_quota_report.py",
    ],
    "camps/quotas.py": [
        "tests/camps/test_allocation_examples.py",
        "tests/camps/test_allocation_properties.py",
        "tests/camps/test_allocation_rules.py",
        "tests/camps/test_quota_report.py",
    ],
    "access/policy.py": ["tests/access/test_policy.py"],
    "reviews/workflow.py": ["tests/reviews/test_workflow.py"],
    "webhooks/signing.py": ["tests/webhooks/test_signing.py"],
    "matching/scoring.py": [
        "tests/matching/test_scoring_arithmetic.py",
        "tests/matching/test_scoring_rules.py",
        "tests/matching/test_staleness.py",
        "tests/matching/test_fast_paths.py::test_rank_key_is_score_pairs_arithmetic",
    ],
    # The SSRF rules: the pure tests of test_ssrf.py (a resolver double, no app, no
    # database; its two end-to-end tests start the app and a receiver, seconds each).
    "webhooks/urls.py": [
        "tests/webhooks/test_urls.py",
        *(
            "tests/webhooks/test_ssrf.py::test_" + name
            for name in (
                "every_written_form_of_a_private_address_is_refused",
                "local_names_and_userinfo_are_refused",
                "public_addresses_and_names_are_accepted",
                "a_name_with_any_private_address_is_refused_at_registration",
                "delivery_resolves_again_and_connects_to_the_address_it_checked",
                "a_delivery_goes_to_the_pinned_address_with_the_name_in_host_and_tls",
            )
        ),
    ],
}
# Seconds added to each mutant's time limit, for modules whose tests build a database.
TIMEOUT_CONSTANT = {"access/policy.py": 20.0}
DEFAULT = list(MODULES)
# What the tests need from the work tree (the database tests build their schema with
# alembic, from migrations/).
LINKED = ("matchmaker", "tests", "migrations", "alembic.ini")
SEED = 19
KILLED = {"killed", "timeout", "caught by type check"}


def _config(module: str, tests: list[str]) -> str:
    """The project's pyproject.toml plus a [tool.mutmut] table for this module alone."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pytest_opts = project["tool"]["pytest"]["ini_options"]
    lines = ["[tool.pytest.ini_options]"]
    lines += [f"{k} = {json.dumps(v)}" for k, v in pytest_opts.items()]
    lines += [
        "",
        "[tool.mutmut]",
        'source_paths = ["matchmaker"]',
        'also_copy = ["migrations", "alembic.ini"]',
        f"only_mutate = {json.dumps(['matchmaker/' + module])}",
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
        "pytest_add_cli_args = "
        + json.dumps(
            ["-p", "no:cacheprovider", "--hypothesis-seed=0", "--hypothesis-profile=mutation"]
        ),
        # Re-running a mutant's tests: results must come from this code, not a cache.
        "use_git_change_detection = false",
        # A mutant that loops forever is stopped after 4x its tests' clean time of CPU
        # (default 15x: the allocation's loops make many of those), plus a constant that
        # covers what the clean time leaves out: a session's database set-up.
        "timeout_multiplier = 4.0",
        f"timeout_constant = {TIMEOUT_CONSTANT.get(module, 1.0)}",
    ]
    return "\n".join(lines) + "\n"


def _prepare(module: str, keep: bool) -> Path:
    work = OUT / module.replace("/", "-").removesuffix(".py")
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        if not (work / name).is_symlink():
            (work / name).symlink_to(ROOT / name)
    (work / "pyproject.toml").write_text(_config(module, MODULES[module]))
    return work


def _mutmut(work: Path, *args: str, log: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        # The fast tests need no database; any that does stays on SQLite here.
        "MATCHMAKER_TEST_POSTGRES_URL": "",
    }
    mutmut = Path(sys.executable).with_name("mutmut")
    if log is None:
        return subprocess.run(
            [str(mutmut), *args], cwd=work, env=env, text=True, capture_output=True, check=False
        )
    with log.open("w") as out:  # streamed, so a long run can be followed
        return subprocess.run(
            [str(mutmut), *args], cwd=work, env=env, text=True, stdout=out, stderr=out, check=False
        )


def _codes(work: Path, module: str) -> dict[str, int | None]:
    meta = work / "mutants" / "matchmaker" / (module + ".meta")
    return json.loads(meta.read_text())["exit_code_by_key"]  # type: ignore[no-any-return]


def run(module: str, jobs: int, keep: bool, sample: int | None) -> dict[str, object]:
    work = _prepare(module, keep)
    run_args = ["run", "--max-children", str(jobs)]
    if sample is not None:
        # Generate the mutants and the test stats only (no such mutant), then draw the
        # sample by a fixed seed and test just those not tested yet.
        _mutmut(work, *run_args, "no-such-mutant", log=work / "generate.log")
        every = sorted(_codes(work, module))
        chosen = random.Random(SEED).sample(every, min(sample, len(every)))
        untested = [n for n in chosen if _codes(work, module)[n] is None]
        run_args += untested or chosen[:1]
    done = _mutmut(work, *run_args, log=work / "run.log")
    if done.returncode != 0:
        raise SystemExit(f"mutmut failed on {module} (see {work / 'run.log'})")
    codes = _codes(work, module)
    if sample is not None:
        codes = {n: codes[n] for n in chosen}
    statuses = {name: _status(code) for name, code in codes.items()}
    survivors = sorted(n for n, s in statuses.items() if s not in KILLED)
    (work / "survivors.diff").write_text(_diffs(work, survivors))
    killed = sum(s in KILLED for s in statuses.values())
    timeouts = sum(s == "timeout" for s in statuses.values())
    result: dict[str, object] = {
        "module": module,
        "sample": sample,
        "mutants": len(statuses),
        "killed": killed,
        "timeouts": timeouts,
        "score": round(100 * killed / len(statuses), 1) if statuses else 100.0,
        "survivors": {n: statuses[n] for n in survivors},
    }
    (work / "result.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


# `mutmut show NAME` for many names in one process (one process per name took seconds each).
_SHOW = """
import sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
from mutmut.stats import status_by_exit_code
for name in sys.argv[1:]:
    m = find_mutant(name)
    print(f"# {name}: {status_by_exit_code[m.exit_code_by_key[name]]}")
    print(get_diff_for_mutant(name, path=m.path))
"""


def _diffs(work: Path, names: list[str]) -> str:
    if not names:
        return ""
    done = subprocess.run(
        [sys.executable, "-c", _SHOW, *names],
        cwd=work,
        text=True,
        capture_output=True,
        check=True,
    )
    return done.stdout


def _status(code: int | None) -> str:
    from mutmut.stats import status_by_exit_code

    return str(status_by_exit_code[code])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(MODULES))
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (2 cores)")
    parser.add_argument(
        "--sample",
        type=int,
        help="test only this many mutants per module, drawn with a fixed seed (a quick run)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="resume the last run: test only untested mutants"
    )
    parser.add_argument(
        "--min-score", type=float, default=0.0, help="fail if a module scores below (percent)"
    )
    args = parser.parse_args()
    if unknown := set(args.modules) - set(MODULES):
        parser.error(f"unknown modules {sorted(unknown)}; known: {', '.join(MODULES)}")
    results = [run(m, args.jobs, args.keep, args.sample) for m in args.modules or DEFAULT]
    # Every module's latest result, also those run by an earlier command.
    latest = [json.loads(p.read_text()) for p in sorted(OUT.glob("*/result.json"))]
    (OUT / "summary.json").write_text(json.dumps(latest, indent=2) + "\n")
    print(f"{'module':<24} {'mutants':>7} {'killed':>6} {'score':>6}")
    for r in results:
        print(f"{r['module']:<24} {r['mutants']:>7} {r['killed']:>6} {r['score']:>5}%")
    for r in results:
        for name, status in r["survivors"].items():  # type: ignore[attr-defined]
            print(f"  {status:<10} {name}")
    if low := [r["module"] for r in results if float(r["score"]) < args.min_score]:  # type: ignore[arg-type]
        raise SystemExit(f"below {args.min_score}%: {', '.join(map(str, low))}")


if __name__ == "__main__":
    main()
