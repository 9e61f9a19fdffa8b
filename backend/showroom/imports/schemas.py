from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from showroom.core.validation import ResponseSchema
from showroom.models import ImportStatus


class RowProblem(ResponseSchema):
    row: int = Field(description="Spreadsheet row number (1 is the header)")
    column: str
    message: str


class ProductImportRead(ResponseSchema):
    id: uuid.UUID
    filename: str
    status: ImportStatus
    row_count: int
    product_count: int
    processed_rows: int
    errors: list[RowProblem]
    message: str
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
