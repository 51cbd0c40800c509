"""Records of a CSV, JSON (an array of objects) or JSONL file, read as a stream.

Nothing holds the whole file: CSV and JSONL go line by line, and a JSON array is decoded one
element at a time from a sliding buffer. Each record comes with its row number (CSV: data
records from 1; JSONL: the line number; JSON: the element's position from 1) or with the
reason it could not be read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from matchmaker.platform.jsonbody import KeyCheck, said

FORMATS = ("csv", "json", "jsonl")
_CHUNK = 1 << 16
_WS = " \t\r\n"


@dataclass(frozen=True)
class Record:
    row: int
    data: dict[str, Any] | None
    error: str | None = None


def detect_format(filename: str) -> str | None:
    suffix = Path(filename).suffix.lower().lstrip(".")
    return {"ndjson": "jsonl"}.get(suffix, suffix) if suffix in (*FORMATS, "ndjson") else None


class Reader:
    """Iterate records; ``position`` is how many bytes of the file have been consumed."""

    def __init__(self, path: Path, fmt: str, encoding: str = "utf-8-sig") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}")
        self.path, self.format, self.encoding = path, fmt, encoding
        self.size = path.stat().st_size
        self._raw: BinaryIO | None = None
        self._bad_line = False
        self.columns: list[str] | None = None

    @property
    def position(self) -> int:
        return self._raw.tell() if self._raw is not None and not self._raw.closed else 0

    def __iter__(self) -> Iterator[Record]:
        with open(self.path, "rb") as raw:
            self._raw = raw
            self._bad_line = False
            if self.format == "csv":
                yield from self._csv(self._lines(raw))
            elif self.format == "jsonl":
                yield from self._jsonl(self._lines(raw))
            else:
                text = io.TextIOWrapper(raw, encoding=self.encoding, errors="strict", newline="")
                try:
                    yield from self._json(text)
                finally:
                    text.detach()

    def _lines(self, raw: BinaryIO) -> Iterator[str]:
        # Decoded line by line, so one undecodable line costs one row, not the rest of the file.
        while line := raw.readline():
            try:
                yield line.decode(self.encoding)
            except UnicodeDecodeError:
                self._bad_line = True
                yield line.decode(self.encoding, errors="replace")

    def _undecodable(self) -> bool:
        bad, self._bad_line = self._bad_line, False
        return bad

    def header(self) -> list[str]:
        """The CSV header (or the first JSON record's keys), read without consuming records."""
        for record in Reader(self.path, self.format, self.encoding):
            return list(record.data or {})
        return []

    def _csv(self, lines: Iterator[str]) -> Iterator[Record]:
        reader = csv.reader(lines)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Record(0, None, f"header unreadable: {exc}")
            return
        if self._undecodable():
            yield Record(0, None, f"header is not {self.encoding} text")
            return
        self.columns = [h.strip() for h in header]
        row = 0
        while True:
            row += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Record(row, None, f"not valid CSV: {exc}")
                continue
            if self._undecodable():
                yield Record(row, None, f'not {self.encoding} text (set "encoding" in the mapping)')
                continue
            if not any(c.strip() for c in cells):
                row -= 1  # blank lines are not records
                continue
            if len(cells) != len(self.columns):
                yield Record(
                    row, None, f"has {len(cells)} cells; the header has {len(self.columns)}"
                )
                continue
            yield Record(row, dict(zip(self.columns, cells, strict=True)))

    def _jsonl(self, lines: Iterator[str]) -> Iterator[Record]:
        line = 0
        check = KeyCheck()
        for raw_line in lines:
            line += 1
            if self._undecodable():
                yield Record(
                    line, None, f'not {self.encoding} text (set "encoding" in the mapping)'
                )
                continue
            if not raw_line.strip():
                continue
            try:
                value = json.loads(raw_line, object_pairs_hook=check)
            except json.JSONDecodeError as exc:
                yield Record(line, None, f"not valid JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(value, dict):
                yield Record(line, None, "each line must be a JSON object")
                continue
            yield _checked(line, value, check)

    def _json(self, text: io.TextIOWrapper) -> Iterator[Record]:
        check = KeyCheck()
        decoder = json.JSONDecoder(object_pairs_hook=check)
        buf, pos, row = "", 0, 0
        eof = False

        def fill() -> bool:
            nonlocal buf, pos, eof
            chunk = text.read(_CHUNK)
            buf, pos = buf[pos:] + chunk, 0
            eof = not chunk
            return bool(chunk)

        def skip_ws() -> None:
            nonlocal pos
            while True:
                while pos < len(buf) and buf[pos] in _WS:
                    pos += 1
                if pos < len(buf) or not fill():
                    return

        try:
            skip_ws()
            if pos >= len(buf) or buf[pos] != "[":
                yield Record(0, None, "a JSON import is one array of objects: [{...}, ...]")
                return
            pos += 1
            while True:
                skip_ws()
                if pos < len(buf) and buf[pos] == "]":
                    return
                if row and pos < len(buf):
                    if buf[pos] != ",":
                        yield Record(row + 1, None, "expected ',' or ']' between elements")
                        return
                    pos += 1
                    skip_ws()
                row += 1
                while True:
                    try:
                        value, end = decoder.raw_decode(buf, pos)
                        break
                    except json.JSONDecodeError as exc:
                        if eof or not fill():
                            yield Record(row, None, f"not valid JSON: {exc.msg}")
                            return
                pos = end
                if not isinstance(value, dict):
                    yield Record(row, None, "each element must be a JSON object")
                    continue
                yield _checked(row, value, check)
        except UnicodeDecodeError as exc:
            yield Record(row + 1, None, f"not {self.encoding} text: {exc.reason}")


def _checked(row: int, value: dict[str, Any], check: KeyCheck) -> Record:
    """The row, or its error if it gives a key twice: a request body that does is refused
    (``platform/jsonbody.py``), and a file's row must not quietly keep the last value."""
    paths = check.repeated(value)
    if paths:
        keys = ", ".join(f"'{said(p)}'" for p in paths)
        return Record(row, None, f"{keys} given more than once; give each key once")
    return Record(row, value)
