"""The reader's version: one hash of everything that turns a file into ``SourceDocument`` s.

Ingest skips a file whose bytes it has read before. That is only right while the code that reads it is the same:
after an upgrade of the text layer (a new date label, a fixed HTML extraction, another lxml) the same bytes give
other titles, dates or publishers, and a skipped file would keep the old ones for ever. So the catalog records, per
file, the reader version it was read with (``Catalog.file_reader``), and ingest reads a file again when either
changed (``rag.ingest``); documents whose text and metadata come out the same stay as they are.

The version hashes, in a fixed order: the source of the reader's modules (``READER_MODULES`` and every ``rag``
module they import, directly or through one another, with the packages holding them: ``reader_files``), the text
layer's data files those modules name (``rag/text/data/<name>.txt|toml`` read by ``rag.text.lexicon``'s
``word_list``, ``word_set`` or ``table`` with the name written out: ``read_data``; all of them, should a reader
module pass a computed name), and the versions of the installed distributions those modules import (trafilatura,
lxml, pypdf, charset-normalizer, ...). A change anywhere else (writers, ranking, the API, a ``rag.text`` module or a
data file only the writers or the checker read) does not change it: an index is not re-read for it (the full
RealTime QA corpus: 79 s at the stop of s65, for every data edit of a writer).
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
    """(module name, source path) of every reader module in the package directory ``package`` (``rag/``), sorted by
    name: ``READER_MODULES`` and every ``rag`` module they import, directly or through one another
    (``imported_names``; ``NOT_READING`` aside), with the package ``__init__`` of each (importing ``rag.text.dates``
    runs ``rag/text/__init__.py``). A module no reader module imports cannot change what the reader reads."""
    found: dict[str, Path] = {}
    todo = list(READER_MODULES)
    while todo:
        name = todo.pop()
        if name in found or name in NOT_READING:
            continue
        path = _module_path(name, package)
        if path is None:
            continue
        found[name] = path
        parents = [".".join(name.split(".")[:k]) for k in range(2, name.count(".") + 1)]
        todo += parents + sorted(m for m in imported_names(path) if m.startswith("rag.") or m == "rag")
    return sorted(found.items())


#: ``rag.text.lexicon``'s loaders: called with a data file's name (without its suffix)
_LOADERS = frozenset({"word_list", "word_set", "table"})
_LEXICON = "rag.text.lexicon"


def read_data(files: list[tuple[str, Path]]) -> frozenset[str] | None:
    """The names of the data files (``rag/text/data/<name>.txt|toml``) the modules ``files`` ((name, path), as
    ``reader_files`` gives them) read through the lexicon's loaders (``word_list("stopwords")``, ``table("dates")``,
    called by name or as an attribute); None when one of them passes a name it computes (``table(name)``): then any
    data file may be read. The lexicon's own loaders, which pass their argument on, are not such callers."""
    names: set[str] = set()
    for module, path in files:
        if module == _LEXICON:
            continue
        for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if called not in _LOADERS:
                continue
            arg = node.args[0] if node.args else None
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                return None
            names.add(arg.value)
    return frozenset(names)


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
    """16 hex digits of sha256 over the reader's sources in the package directory ``package`` (``rag/``,
    ``reader_files``), the ``text/data`` files they read (``read_data``) and the versions of the distributions those sources import. Raises ``OSError`` when a file
    of the package cannot be read."""
    h = hashlib.sha256()
    imports: set[str] = set()
    files = reader_files(package)
    for name, path in files:
        data = path.read_bytes()
        h.update(f"module {name} {len(data)}\n".encode())
        h.update(data)
        imports |= imported_names(path)
    data_dir = package / "text" / "data"
    named = read_data(files)
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and (named is None or (p.parent == data_dir and p.stem in named))):
        data = path.read_bytes()
        h.update(f"data {path.relative_to(data_dir).as_posix()} {len(data)}\n".encode())
        h.update(data)
    for dist, version in _distributions(imports).items():
        h.update(f"dist {dist} {version}\n".encode())
    return h.hexdigest()[:16]
