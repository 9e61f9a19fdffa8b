"""Real image files made with Pillow for tests."""

from __future__ import annotations

import io

from PIL import Image


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (64, 48), color: str = "navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format=fmt)
    return out.getvalue()


def large_jpeg(min_bytes: int) -> bytes:
    """A JPEG bigger than ``min_bytes`` (noise compresses badly)."""
    import os

    side = 512
    while True:
        noise = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        out = io.BytesIO()
        noise.save(out, format="JPEG", quality=100)
        if out.tell() > min_bytes:
            return out.getvalue()
        side *= 2
