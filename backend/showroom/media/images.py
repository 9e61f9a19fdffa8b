"""Reading an upload as an image (by decoding it, never by its name) and making a thumbnail."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
THUMBNAIL_SIZE = (480, 480)
# Refuse decompression bombs well before Pillow's own limit.
MAX_PIXELS = 50_000_000


class NotAnImage(ValueError):
    pass


@dataclass(frozen=True)
class DecodedImage:
    content_type: str
    extension: str
    width: int
    height: int
    thumbnail: bytes  # WebP


def decode(data: bytes) -> DecodedImage:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            if image_format not in FORMATS:
                raise NotAnImage(f"{image_format or 'this file'} is not a supported image format")
            if probe.width * probe.height > MAX_PIXELS:
                raise NotAnImage("the image has too many pixels")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            width, height = image.size
            thumbnail = ImageOps.exif_transpose(image).convert("RGBA")
            thumbnail.thumbnail(THUMBNAIL_SIZE)
            out = io.BytesIO()
            thumbnail.save(out, format="WEBP", quality=82)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise NotAnImage("the file is not a readable image") from exc
    return DecodedImage(
        content_type=FORMATS[image_format],
        extension=image_format.lower().replace("jpeg", "jpg"),
        width=width,
        height=height,
        thumbnail=out.getvalue(),
    )
