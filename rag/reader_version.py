"""The reader's version: one hash of everything that turns a file into ``SourceDocument`` s.

Ingest skips a file whose bytes it has read before. That is only right while the code that reads it is the same:
after an upgrade of the text layer (a new date label, a fixed HTML extraction, another lxml) the same bytes give
other titles, dates or publishers, and a skipped file would keep the old ones for ever. So the catalog records, per
file, the reader version it was read with (``Catalog.file_reader``), and ingest reads a file again when either
changed (``rag.ingest``); documents whose text and metadata come out the same stay as they are.

The version hashes, in a fixed order: the source of the reader's modules (``READER_MODULES`` and every module of
the ``rag.text`` package), the text layer's data files (``rag/text/data``, all of them: which tables a read consults
depends on the text), and the versions of the installed distributions those modules import (trafilatura, lxml,
pypdf, charset-normalizer, ...). A change anywhere else (writers, ranking, the API) does not change it.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import sys
from pathlib import Path

#: the modules outside ``rag.text`` that make a ``SourceDocument`` from bytes (``tests/test_reader_version.py``
#: checks that every ``rag`` module they or ``rag.text`` import is here, so a new import cannot slip past the hash)
READER_MODULES = ("rag.loaders", "rag.pdf_metadata", "rag.feeds", "rag.jsonl_records", "rag.decoding", "rag.limits", "rag.date_bounds", "rag.types",
                  "rag.source_names")

#: ``rag`` modules the reader imports that hold no reading rules (the package root, errors, settings, helpers)
NOT_READING = frozenset({"rag", "rag.config", "rag.errors", "rag.runtime", "rag.files"})

_PACKAGE = Path(__file__).resolve().parent  # rag/


def _module_path(name: str, package: Path = _PACKAGE) -> Path | None:
    """The source file of module ``rag.x.y`` in the package directory ``package`` (None when it is not a module)."""
    parts = name.split(".")[1:]
    base = package.joinpath(*parts) if parts else package
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def reader_files(package: Path = _PACKAGE) -> list[tuple[str, Path]]:
    """(module name, source path) of every reader module in the package directory ``package`` (``rag/``):
    ``READER_MODULES`` and ``rag.text``'s, sorted by name."""
    text = package / "text"
    names = set(READER_MODULES) | {"rag.text"} | {f"rag.text.{p.stem}" for p in text.glob("*.py") if p.stem != "__init__"}
    return sorted((n, p) for n in names if (p := _module_path(n, package)) is not None)


def imported_names(path: Path) -> set[str]:
    """Every absolute module name imported anywhere in the file (function bodies included), and for
    ``from a import b`` also ``a.b`` (it may be a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _distributions(modules: set[str]) -> dict[str, str]:
    """Installed distribution → version for the top-level third-party names in ``modules`` (stdlib and names no
    installed distribution provides are left out)."""
    provided = importlib.metadata.packages_distributions()
    found: dict[str, str] = {}
    for top in sorted({m.split(".")[0] for m in modules} - {"rag"} - set(sys.stdlib_module_names)):
        for dist in provided.get(top, ()):
            try:
                found[dist.lower()] = importlib.metadata.version(dist)
            except importlib.metadata.PackageNotFoundError:
                continue
    return found


@functools.lru_cache(maxsize=1)
def reader_version() -> str:
    """This installation's reader version (``digest`` of the installed ``rag`` package), computed once per process
    (~0.4 s, most of it ``importlib.metadata``'s look-up of the distributions)."""
    return digest(_PACKAGE)


def digest(package: Path) -> str:
    """16 hex digits of sha256 over the reader's sources in the package directory ``package`` (``rag/``), its
    ``text/data`` files and the versions of the distributions those sources import. Raises ``OSError`` when a file
    of the package cannot be read."""
    h = hashlib.sha256()
    imports: set[str] = set()
    for name, path in reader_files(package):
        data = path.read_bytes()
        h.update(f"module {name} {len(data)}\n".encode())
        h.update(data)
        imports |= imported_names(path)
    data_dir = package / "text" / "data"
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        data = path.read_bytes()
        h.update(f"data {path.relative_to(data_dir).as_posix()} {len(data)}\n".encode())
        h.update(data)
    for dist, version in _distributions(imports).items():
        h.update(f"dist {dist} {version}\n".encode())
    return h.hexdigest()[:16]
