"""Import a script of ``benchmarks/`` (not a package) by its module name, for tests of its pure functions."""

import importlib
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def benchmark_module(name: str) -> ModuleType:
    """The module ``benchmarks/<name>.py`` (its sibling imports, such as ``benchlib``, resolved there); ``sys.path``
    is left as it was. Raises ``ModuleNotFoundError`` when there is no such script."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCHMARKS))
