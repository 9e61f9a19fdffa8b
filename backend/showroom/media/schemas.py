from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, computed_field

from showroom.core.validation import ResponseSchema

MEDIA_URL = "/api/v1/media"


def media_url(media_id: uuid.UUID) -> str:
    return f"{MEDIA_URL}/{media_id}"


def thumbnail_url(media_id: uuid.UUID) -> str:
    return f"{MEDIA_URL}/{media_id}/thumbnail"


class MediaRead(ResponseSchema):
    id: uuid.UUID
    filename: str
    content_type: str
    width: int
    height: int
    size_bytes: int = Field(description="Size of the original")
    created_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def url(self) -> str:
        return media_url(self.id)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def thumbnail_url(self) -> str:
        return thumbnail_url(self.id)
