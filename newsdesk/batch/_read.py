"""Inputs of a batch run: what the driver lists (`units`) and what one Ray task reads
from one unit (`read_unit`).

A unit is one file: a text or HTML file (one document), a JSONL or ``.jsonl.gz`` feed,
a Parquet file (one document per row, columns named as the JSONL fields) or a WARC /
``.warc.gz`` crawl (one document per HTML response). Every record goes through the
reader `newsdesk ingest` uses (`read_file`, `read_jsonl_line`, `read_record`), so the
same input gives the same document or the same refusal. Each item gets an ``order``: the
unit's position in the input, then the record's, as `ingest` would meet them.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath, PurePosixPath
from typing import IO, Any, cast

from newsdesk.errors import InputError
from newsdesk.ingest.clean import decode
from newsdesk.ingest.read import (
    bounded_lines,
    display_name,
    open_regular,
    read_file,
    read_jsonl_line,
    read_jsonl_lines,
    read_record,
)
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings

PLAIN = (".txt", ".html", ".htm", ".jsonl")
GZIPPED_JSONL = (".jsonl.gz",)
PARQUET = (".parquet",)
WARC = (".warc", ".warc.gz")
SUFFIXES = PLAIN + GZIPPED_JSONL + PARQUET + WARC
# The order of a record: its unit's position times this, plus its position in the unit.
UNIT_STRIDE = 1 << 32

Item = Document | Refusal


@dataclass(frozen=True, slots=True)
class Unit:
    """One input file to read in one task: where it is, how to read it, how to name it."""

    index: int
    path: str
    kind: str
    name: str


def kind_of(path: PurePath) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (
        ("jsonl.gz", GZIPPED_JSONL),
        ("warc", WARC),
        ("parquet", PARQUET),
        ("plain", PLAIN),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def units(inputs: Iterable[str], stdin: str | None = None) -> Iterator[Unit | Refusal]:
    """The files to read, in input order (a folder: its supported files, recursively,
    sorted), or the refusal of an input that cannot be read. ``-`` is JSONL on standard
    input, which the caller saved to the file ``stdin``."""
    index = 0
    for name in inputs:
        path = Path(name)
        if "://" in name:
            for remote in _remote_units(name, index):
                index += isinstance(remote, Unit)
                yield remote
            continue
        if name == "-":
            if stdin is None:
                yield Refusal("<stdin>", "standard input is not available")
            else:
                yield Unit(index, stdin, "stdin", "<stdin>")
                index += 1
            continue
        try:
            if path.is_dir():
                found = sorted(p for p in path.rglob("*") if kind_of(p) and not p.is_dir())
            elif path.exists() or path.is_symlink():
                if kind_of(path) is None:
                    yield Refusal(
                        display_name(name),
                        f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .html, "
                        ".htm, .jsonl, .jsonl.gz, .parquet, .warc or .warc.gz",
                    )
                    continue
                found = [path]
            else:
                yield Refusal(display_name(name), "no such file or folder")
                continue
        except (OSError, ValueError) as exc:
            yield Refusal(display_name(name), f"cannot read: {getattr(exc, 'strerror', exc)}")
            continue
        for file in found:
            yield Unit(index, str(file), kind_of(file) or "plain", display_name(file))
            index += 1


def _remote_units(uri: str, index: int) -> Iterator[Unit | Refusal]:
    """The bulk files (JSONL, ``.jsonl.gz``, Parquet, WARC) at ``uri`` (``s3://``,
    ``gs://``, ``file://``…: any filesystem pyarrow opens), a folder's recursively."""
    from pyarrow.fs import FileSelector, FileSystem, FileType

    try:
        fs, root = FileSystem.from_uri(uri)
        info = fs.get_file_info(root)
        if info.type == FileType.Directory:
            paths = sorted(
                i.path
                for i in fs.get_file_info(FileSelector(root, recursive=True))
                if i.type == FileType.File
            )
        elif info.type == FileType.File:
            paths = [root]
        else:
            yield Refusal(uri, "no such file or folder")
            return
    except (OSError, ValueError) as exc:
        yield Refusal(uri, f"cannot read: {exc}")
        return
    prefix = uri.rstrip("/")
    for path in paths:
        full = prefix + path[len(root.rstrip("/")) :] if path != root else uri
        kind = kind_of(PurePosixPath(path))
        if kind is None:
            continue
        if kind == "plain" and not path.lower().endswith(".jsonl"):
            yield Refusal(full, "text and HTML files are read from local paths only")
            continue
        yield Unit(index, full, kind, full)
        index += 1


@contextmanager
def _open(unit: Unit) -> Iterator[IO[bytes]]:
    """A unit's bytes: a regular local file, or a file of a pyarrow filesystem."""
    if "://" not in unit.path:
        with open_regular(Path(unit.path)) as handle:
            yield handle
        return
    from pyarrow.fs import FileSystem

    fs, path = FileSystem.from_uri(unit.path)
    with fs.open_input_file(path) as raw:
        yield cast(IO[bytes], io.BufferedReader(raw))


def read_unit(unit: Unit, settings: Settings) -> Iterator[Item]:
    """The documents (or refusals) of one unit; never raises for bad input."""
    try:
        if unit.kind == "plain" and "://" in unit.path:  # a JSONL file in object storage
            with _open(unit) as handle:
                yield from read_jsonl_lines(handle, unit.name, settings)
        elif unit.kind == "plain":
            yield from read_file(Path(unit.path), settings)
        elif unit.kind == "stdin":
            with open_regular(Path(unit.path)) as handle:
                yield from read_jsonl_lines(handle, unit.name, settings)
        elif unit.kind == "jsonl.gz":
            with _open(unit) as raw, gzip.GzipFile(fileobj=raw) as unzipped:
                handle = cast(IO[bytes], unzipped)
                for number, line, size in bounded_lines(handle, settings.max_document_bytes):
                    if line is None or line.strip():
                        yield read_jsonl_line(line, size, f"{unit.name}:{number}", settings)
        elif unit.kind == "parquet":
            yield from _parquet(unit, settings)
        else:
            yield from _warc(unit, settings)
    except (OSError, EOFError, zlib.error) as exc:
        yield Refusal(unit.name, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    except InputError as exc:
        yield Refusal(unit.name, str(exc))
    except Exception as exc:  # a corrupt Parquet or WARC file: refused, the run goes on
        yield Refusal(unit.name, f"cannot read: {type(exc).__name__}: {str(exc)[:200]}")


def _parquet(unit: Unit, settings: Settings) -> Iterator[Item]:
    import pyarrow.parquet as pq

    number = 0
    with _open(unit) as handle:
        for batch in pq.ParquetFile(handle).iter_batches(batch_size=256):
            for row in batch.to_pylist():
                number += 1
                record = {k: _as_text(v) for k, v in row.items()}
                yield read_record(record, f"{unit.name}:{number}", settings)


def _as_text(value: Any) -> Any:
    """Parquet dates and timestamps as ISO 8601 text (the JSONL contract's form)."""
    return value.isoformat() if isinstance(value, datetime | date) else value


def _warc(unit: Unit, settings: Settings) -> Iterator[Item]:
    """One document per HTML response record; the record id is the document id, the
    target URI its url (other records: requests, metadata, images, are skipped)."""
    from warcio.archiveiterator import ArchiveIterator

    with _open(unit) as handle:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            source = f"{unit.name}:{number}"
            body = record.content_stream().read(settings.max_document_bytes + 1)
            record_id = record.rec_headers.get_header("WARC-Record-ID") or source
            data = {
                "id": record_id.strip("<>").removeprefix("urn:uuid:"),
                "url": record.rec_headers.get_header("WARC-Target-URI"),
            }
            if len(body) > settings.max_document_bytes:
                yield Refusal(source, "too large (see --max-document-bytes)", id=data["id"])
                continue
            yield read_record({**data, "html": decode(body)}, source, settings)


def item_row(item: Item, order: int) -> dict[str, Any]:
    """One read item as a row: the document as JSON, or the refusal."""
    if isinstance(item, Refusal):
        return {
            "order": order,
            "id": item.id or "",
            "doc": "",
            "input": item.source,
            "reason": item.reason,
        }
    doc = json.dumps(item.to_dict(include_text=True), ensure_ascii=False)
    return {"order": order, "id": item.id, "doc": doc, "input": item.source or "", "reason": ""}


def read_rows(row: dict[str, Any], settings: Settings) -> list[dict[str, Any]]:
    """The Ray task body: one unit row in, one row per document or refusal out."""
    unit = Unit(int(row["index"]), str(row["path"]), str(row["kind"]), str(row["name"]))
    base = unit.index * UNIT_STRIDE
    return [item_row(item, base + i) for i, item in enumerate(read_unit(unit, settings))]
