"""Reading and writing product sheets (XLSX with openpyxl, or CSV): one row per SKU."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

MAX_ROWS = 20_000


class UnreadableFile(ValueError):
    pass


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (spreadsheet row number, header → text)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _sheet(raw_rows: Iterable[Sequence[object]]) -> Sheet:
    """Consumes the rows one at a time, so a large file is never held twice (raw and as text)."""
    rows_in = iter(raw_rows)
    first = next(rows_in, None)
    if first is None:
        raise UnreadableFile("the file is empty")
    headers = [_text(cell) for cell in first]
    while headers and not headers[-1]:
        headers.pop()
    rows = []
    for number, raw in enumerate(rows_in, start=2):
        cells = [_text(cell) for cell in raw[: len(headers)]]
        if not any(cells):
            continue
        rows.append(
            (number, dict(zip(headers, cells + [""] * (len(headers) - len(cells)), strict=True)))
        )
        if len(rows) > MAX_ROWS:
            raise UnreadableFile(f"more than {MAX_ROWS} rows; split the file")
    return Sheet(headers, rows)


def read(data: bytes, filename: str) -> Sheet:
    if filename.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnreadableFile("CSV files must be UTF-8") from exc
        if "\x00" in text:
            raise UnreadableFile("the CSV file contains NUL characters")
        return _sheet(csv.reader(io.StringIO(text)))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile("not an .xlsx or .csv file") from exc
    try:
        sheet = workbook.worksheets[0]
        return _sheet(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def dump(sheet: Sheet) -> bytes:
    """The parsed sheet in a compact form for the worker that applies it: parsing the XLSX
    again costs seconds per 10,000 rows, loading this takes milliseconds."""
    rows = [
        [number, [row.get(header, "") for header in sheet.headers]] for number, row in sheet.rows
    ]
    text = json.dumps({"headers": sheet.headers, "rows": rows}, ensure_ascii=False)
    return gzip.compress(text.encode(), compresslevel=1)


def load(data: bytes) -> Sheet:
    """The sheet ``dump`` wrote, exactly as ``read`` returned it."""
    content = json.loads(gzip.decompress(data))
    headers = content["headers"]
    return Sheet(
        headers,
        [(number, dict(zip(headers, cells, strict=True))) for number, cells in content["rows"]],
    )


def write_xlsx(headers: list[str], rows: Sequence[Sequence[object]], notes: list[str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Products"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(header) + 2)
    help_sheet = workbook.create_sheet("How to fill")
    for line in notes:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 120
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_csv(headers: list[str], rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
