"""The layering rules of docs/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import matchmaker

PACKAGE = Path(matchmaker.__file__).parent
MAX_LINES = 400
# What the engine may import besides itself: plumbing, and the profile tables it indexes.
ENGINE_MAY_IMPORT = (
    "matchmaker.matching",
    "matchmaker.atomic",
    "matchmaker.background",
    "matchmaker.db",
    "matchmaker.errors",
    "matchmaker.lexical",  # BM25 and its tokens: self-contained, imports nothing of ours
    "matchmaker.vocab",
    "matchmaker.profiles.kinds",
    "matchmaker.profiles.models",
    "matchmaker.profiles.schemas",
)
FEATURES = (
    "access",
    "analytics",
    "camps",
    "demo",
    "duplicates",
    "health",
    "imports",
    "incubators",
    "partners",
    "platform",
    "recommendations",
    "reviews",
    "scenarios",
    "staleness",
    "startups",
    "web",
    "webhooks",
)


# The engine's read-side modules: they see vectors through ``encoder.Index``, never FAISS.
FAISS_FREE = (
    "candidates",
    "cosine",
    "encoder",
    "evidence",
    "facts",
    "filters",
    "history",
    "history_words",
    "ranking",
    "ranking_batch",
    "rerank",
    "scoring",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "matchmaker"}


def _allowed(module: str) -> bool:
    return any(module == a or module.startswith(a + ".") for a in ENGINE_MAY_IMPORT)


def test_the_engine_imports_no_feature_package() -> None:
    wrong = {
        f"{path.name}: {module}"
        for path in sorted((PACKAGE / "matching").glob("*.py"))
        for module in _imports(path)
        if not _allowed(module)
    }
    assert sorted(wrong) == []


def test_importing_the_engine_loads_no_feature_package() -> None:
    # Transitively too: a plumbing module that pulled in a feature would break the rule.
    modules = sorted(p.stem for p in (PACKAGE / "matching").glob("*.py"))
    code = (
        "import sys\n"
        + "".join(f"import matchmaker.matching.{m}\n" for m in modules)
        + "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('matchmaker.'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    features = [m for m in loaded if m.split(".")[1] in FEATURES or m == "matchmaker.kinds"]
    assert features == []


def test_matching_and_reviews_do_not_import_each_other_both_ways() -> None:
    engine_to_reviews = {
        module
        for path in (PACKAGE / "matching").glob("*.py")
        for module in _imports(path)
        if module.startswith("matchmaker.reviews")
    }
    assert engine_to_reviews == set()


def test_no_file_is_over_the_length_limit() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_ranking_code_loads_no_faiss() -> None:
    code = (
        "import sys\n"
        + "".join(f"import matchmaker.matching.{m}\n" for m in FAISS_FREE)
        + "print('faiss' in sys.modules)"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == ["False"]
