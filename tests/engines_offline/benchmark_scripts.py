"""A scorer from `benchmarks/` loaded as a module, so a test scores its folder the way the
benchmark does (the benchmarks are scripts, not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_benchmark(script: str, module_name: str) -> ModuleType:
    """`benchmarks/<script>` as a module named `module_name` (unique per test module)."""
    spec = importlib.util.spec_from_file_location(module_name, BENCHMARKS / script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
