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
EMPTY = "the file is empty: it holds no header and no records"
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

    def _csv(self, lines: Iterator[str]) -> Iterator[Record]:
        consumed: list[str] = []  # the lines of the record being read, to explain an error
        reader = csv.reader(_kept(lines, consumed))
        try:
            header: list[str] = []
            while not any(h.strip() for h in header):  # blank lines before the header
                header = next(reader)
        except StopIteration:
            yield Record(0, None, EMPTY)
            return
        except csv.Error as exc:
            yield Record(0, None, f"header unreadable: {exc}")
            return
        if self._undecodable():
            yield Record(0, None, f"header is not {self.encoding} text")
            return
        self.columns = [h.strip() for h in header]
        repeated = sorted({c for c in self.columns if c and self.columns.count(c) > 1})
        if repeated:
            # Which of the two cells a row means cannot be known; keeping the last would
            # silently drop the other.
            names = ", ".join(f"'{c}'" for c in repeated)
            yield Record(0, None, f"the header names {names} more than once; name each once")
            return
        row = 0
        while True:
            row += 1
            consumed.clear()
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Record(row, None, f"not valid CSV: {_explained(exc, consumed, self.columns)}")
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
        empty = True
        for raw_line in lines:
            line += 1
            empty = empty and not raw_line.strip() and not self._bad_line
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
        if empty:
            yield Record(0, None, EMPTY)

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
            if pos >= len(buf):
                yield Record(0, None, EMPTY)
                return
            if buf[pos] != "[":
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


def _kept(lines: Iterator[str], into: list[str]) -> Iterator[str]:
    for line in lines:
        into.append(line)
        yield line


def _explained(exc: csv.Error, lines: list[str], columns: list[str]) -> str:
    """The csv module's error; for a cell over its size limit, which cell: the module does
    not say, so the record's text is walked as the default dialect splits it."""
    limit = csv.field_size_limit()
    if "field larger than field limit" not in str(exc):
        return str(exc)
    index, size, quoted, text, i = 0, 0, False, "".join(lines), 0
    while i < len(text):
        char, i = text[i], i + 1
        if quoted and char == '"':
            if text[i : i + 1] == '"':  # a doubled quote is one quote of the cell
                size, i = size + 1, i + 1
            else:
                quoted = False
        elif not quoted and char == '"' and size == 0:
            quoted = True
        elif not quoted and char == ",":
            index, size = index + 1, 0
        elif quoted or char not in "\r\n":
            size += 1
        if size > limit:
            name = columns[index] if index < len(columns) else None
            which = f"column '{name}' ({index + 1})" if name else f"column {index + 1}"
            return f"the cell of {which} is longer than {limit} characters"
    return str(exc)


def _checked(row: int, value: dict[str, Any], check: KeyCheck) -> Record:
    """The row, or its error if it gives a key twice: a request body that does is refused
    (``platform/jsonbody.py``), and a file's row must not quietly keep the last value."""
    paths = check.repeated(value)
    if paths:
        keys = ", ".join(f"'{said(p)}'" for p in paths)
        return Record(row, None, f"{keys} given more than once; give each key once")
    return Record(row, value)
