"""Atomic writes: the file is either the old one or the complete new one, never half written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output path cannot be written (exit code 1); nothing was written."""


def write_text_atomic(path: str | Path, text: str, *, mode: int | None = None) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"), mode=mode)


def write_bytes_atomic(path: str | Path, data: bytes, *, mode: int | None = None) -> Path:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"cannot write {target}: folder {directory} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        elif target.exists():
            os.chmod(temp_name, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from error
    return target
