"""Where uploaded files live. A local folder now; an S3-compatible bucket implements the same
three methods later."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Protocol


class Storage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...

    def path(self, key: str) -> Path | None:
        """A local path to serve the file from, or None when it is not stored locally."""
        ...

    async def delete(self, key: str) -> None: ...


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _resolve(self, key: str) -> Path:
        target = (self.root / key).resolve()
        if not target.is_relative_to(self.root):
            raise ValueError(f"storage key escapes the root: {key!r}")
        return target

    async def put(self, key: str, data: bytes) -> None:
        target = self._resolve(key)

        def write() -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(target.suffix + ".part")
            temporary.write_bytes(data)
            temporary.replace(target)

        await asyncio.to_thread(write)

    def path(self, key: str) -> Path | None:
        target = self._resolve(key)
        return target if target.is_file() else None

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._resolve(key).unlink, missing_ok=True)
