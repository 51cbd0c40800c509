"""The layering rules of docs/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

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


def _modules_loaded_by(engine_modules: Iterable[str]) -> list[str]:
    """Every module a fresh interpreter holds after importing these engine modules."""
    code = (
        "import sys\n"
        + "".join(f"import matchmaker.matching.{m}\n" for m in engine_modules)
        + "print('\\n'.join(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_importing_the_engine_loads_no_feature_package() -> None:
    # Transitively too: a plumbing module that pulled in a feature would break the rule.
    modules = sorted(p.stem for p in (PACKAGE / "matching").glob("*.py"))
    loaded = _modules_loaded_by(modules)
    ours = [m for m in loaded if m.startswith("matchmaker.")]
    features = [m for m in ours if m.split(".")[1] in FEATURES or m == "matchmaker.kinds"]
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


def _owner(node: ast.expr) -> str | None:
    """The name an attribute is read from: ``store`` for ``store.x`` and ``self.store.x``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _store_reaches(source: str) -> list[str]:
    """Reads of a matcher's store, or of a store's indexes or model, in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        owner = _owner(node.value)
        if (node.attr == "store" and owner == "matcher") or (
            node.attr in ("indexes", "encoder") and owner == "store"
        ):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_nothing_outside_the_engine_reaches_into_its_store() -> None:
    # Index sizes, the model and the feed position are the matcher's to say (``indexed``,
    # ``model``, ``feed_position``); the store's indexes and encoder are the engine's own.
    wrong = [
        f"{path.relative_to(PACKAGE)}:{hit}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "matching" not in path.relative_to(PACKAGE).parts
        for hit in _store_reaches(path.read_text(encoding="utf-8"))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        # What health and metrics did before the matcher said it itself.
        ("for kind, index in self.store.indexes.items(): pass", True),
        ('body = {"model": store.encoder.name}', True),
        ("sizes = {k: len(i) for k, i in runtime.store.indexes.items()}", True),
        ("index = request.app.state.matcher.store.indexes['startup']", True),
        ("sizes, model = runtime.matcher.indexed(), runtime.matcher.model", False),
        ("runtime.store.save()", False),
    ],
)
def test_the_store_check_catches_what_it_is_meant_to(source: str, caught: bool) -> None:
    assert bool(_store_reaches(source)) is caught


def test_the_ranking_code_loads_no_faiss() -> None:
    assert "faiss" not in _modules_loaded_by(FAISS_FREE)
