"""Inputs to Documents: files, folders, JSONL feeds and standard input.

Every form of ``shared/contracts/README.md`` is read here. Readers never raise for bad
input: each item that cannot be read becomes a `Refusal` naming the file (and line) and
the reason, and reading goes on with the next item.

Bounds: only regular files are read (a pipe, device, socket or folder named as a file is
refused without being opened for reading, so it can neither block nor stream forever);
a file or JSONL line is read up to ``max_document_bytes`` and no further; JSON nesting is
bounded by the interpreter's recursion limit and deeper lines are refused; ids follow
`newsdesk.ids`.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from newsdesk.errors import InputError
from newsdesk.ids import check_id
from newsdesk.ingest.clean import check_unicode, clean_text, decode
from newsdesk.ingest.extract import extract_html
from newsdesk.layout import headline
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"
_CHUNK = 1 << 20

Item = Document | Refusal


def display_name(path: str | Path) -> str:
    """A path as text that can be printed and stored (undecodable bytes of a file name
    shown as U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading in binary; `InputError` unless it is a regular file
    (symlinks are followed). Opening never blocks: a named pipe is refused, not waited on."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"not a regular file ({_file_kind(mode)}); only files are read")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


def bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(number, line, size)`` for each line, reading at most ``limit`` bytes of a line
    into memory: a longer line comes as ``None`` (its size counted, its bytes skipped)."""
    number = 0
    while raw := handle.readline(limit + 1):
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw, len(raw.rstrip(b"\r\n"))
            continue
        size = len(raw)
        while more := handle.readline(_CHUNK):
            size += len(more)
            if more.endswith(b"\n"):
                size -= 1
                break
        yield number, None, size


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | Refusal]:
    """Paths of the files to read, in order: a folder gives its supported files,
    recursively, in sorted order; ``-`` stands for standard input."""
    for name in inputs:
        if name == STDIN:
            yield Path(STDIN)
            continue
        try:
            yield from _expand(Path(name), name)
        except (OSError, ValueError) as exc:  # a name too long, or with a NUL
            yield Refusal(display_name(name), f"cannot read: {getattr(exc, 'strerror', exc)}")


def _expand(path: Path, name: str) -> Iterator[Path | Refusal]:
    if path.is_dir():
        yield from sorted(
            p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.is_dir()
        )
    elif path.exists() or path.is_symlink():
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path
        else:
            yield Refusal(
                display_name(name),
                f"unsupported file type {path.suffix or '(none)'!r}; "
                "use .txt, .html, .htm or .jsonl",
            )
    else:
        yield Refusal(display_name(name), "no such file or folder")


def read_inputs(
    inputs: Iterable[str], settings: Settings, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Documents (or Refusals) from the given inputs, in input order."""
    for path in expand_inputs(inputs):
        if isinstance(path, Refusal):
            yield path
        elif str(path) == STDIN:
            if stdin is None:
                yield Refusal("<stdin>", "standard input is not available")
            else:
                yield from read_jsonl_lines(stdin, "<stdin>", settings)
        else:
            yield from read_file(path, settings)


def read_file(path: Path, settings: Settings) -> Iterator[Item]:
    """The documents of one file (a JSONL file may hold many)."""
    suffix = path.suffix.lower()
    name = display_name(path)
    if suffix in JSONL_SUFFIXES:
        try:
            with open_regular(path) as handle:
                yield from read_jsonl_lines(handle, name, settings)
        except OSError as exc:
            yield Refusal(name, f"cannot read: {exc.strerror or exc}")
        except InputError as exc:
            yield Refusal(name, str(exc))
        return
    try:
        doc_id = check_id(path.stem)
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > settings.max_document_bytes:
                raise InputError(_too_large(size, settings))
            data = handle.read(settings.max_document_bytes + 1)
        if len(data) > settings.max_document_bytes:  # grew while we read it
            raise InputError(_too_large(len(data), settings))
        text = decode(data)
        if suffix in HTML_SUFFIXES:
            page = extract_html(text)
            doc = Document(
                id=doc_id,
                text=page.text,
                title=page.title,
                outlet=page.outlet,
                author=page.author,
                url=page.url,
                published=_iso_or_none(page.published),
                source=name,
            )
        else:
            clean = clean_text(text)  # a plain text's first line may be its headline
            doc = Document(id=doc_id, text=clean, title=headline(clean), source=name)
        yield _checked(doc, settings)
    except OSError as exc:
        yield Refusal(name, f"cannot read: {exc.strerror or exc}", id=_valid_id(path.stem))
    except InputError as exc:
        yield Refusal(name, str(exc), id=_valid_id(path.stem))


def read_jsonl_lines(handle: IO[bytes], name: str, settings: Settings) -> Iterator[Item]:
    """One document per non-blank line; a bad line is refused, the others still read."""
    for number, raw, size in bounded_lines(handle, settings.max_document_bytes):
        if raw is not None and not raw.strip():
            continue
        yield read_jsonl_line(raw, size, f"{name}:{number}", settings)


def read_jsonl_line(raw: bytes | None, size: int, source: str, settings: Settings) -> Item:
    """The document of one JSONL line (``raw`` None: a line too long to hold), or its
    refusal; `read_jsonl_lines` and the batch readers both call it."""
    data: Any = None
    try:
        if raw is None or size > settings.max_document_bytes:
            raise InputError(_too_large(size, settings))
        data = _json_line(raw)
        return _checked(document_from_json(data, source), settings)
    except InputError as exc:
        return Refusal(source, str(exc), id=_id_or_none(data))


def read_record(data: Any, source: str, settings: Settings) -> Item:
    """The document of one already-decoded record of the JSONL contract (a Parquet row,
    a WARC response), or its refusal."""
    try:
        return _checked(document_from_json(data, source), settings)
    except InputError as exc:
        return Refusal(source, str(exc), id=_id_or_none(data))


def _json_line(raw: bytes) -> Any:
    """The JSON value of one line; `InputError` for anything that is not valid JSON,
    nested deeper than the recursion limit, or holds a number too long to convert."""
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"line is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"invalid JSON: {exc}") from None


def document_from_json(data: Any, source: str) -> Document:
    """A Document from one JSONL object of the input contract."""
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    doc_id = data.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError("missing or empty 'id' (a string)")
    for key in ("id", "title", "outlet", "published", "url", "story", "text", "html", "author"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"{key!r} must be a string, not {type(data[key]).__name__}")
        if data.get(key) is not None:
            check_unicode(data[key], repr(key))
    doc_id = check_id(doc_id.strip())
    published = data.get("published")
    if published is not None and _iso_or_none(published) is None:
        raise InputError(f"'published' is not an ISO 8601 date or datetime: {published!r}")
    fields: dict[str, Any] = {
        "title": _strip(data.get("title")),
        "outlet": _strip(data.get("outlet")),
        "author": _strip(data.get("author")),
        "url": _strip(data.get("url")),
        "published": published,
        "story": _strip(data.get("story")),
    }
    if data.get("text") is not None:
        text = clean_text(data["text"])
        fields["title"] = fields["title"] or headline(text)  # a first line that reads as one
    elif data.get("html") is not None:
        page = extract_html(data["html"], url=fields["url"])
        text = page.text
        for key in ("title", "outlet", "author", "published", "url"):
            fields[key] = fields[key] or getattr(page, key)
        fields["published"] = _iso_or_none(fields["published"])
    else:
        raise InputError("needs 'text' or 'html'")
    return Document(id=doc_id, text=text, source=source, **fields)


def _checked(doc: Document, settings: Settings) -> Document:
    if len(doc.text) < settings.min_text_chars:
        if not doc.text:
            raise InputError("empty text")
        raise InputError(
            f"text too short ({len(doc.text)} characters; at least "
            f"{settings.min_text_chars} needed)"
        )
    return doc


def _too_large(size: int, settings: Settings) -> str:
    return (
        f"too large ({size / 1e6:.1f} MB; the limit is "
        f"{settings.max_document_bytes / 1e6:.1f} MB, see --max-document-bytes)"
    )


def _iso_or_none(value: str | None) -> str | None:
    if not value:
        return None
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return value.strip()


def _strip(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _id_or_none(data: Any) -> str | None:
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return _valid_id(data["id"].strip())
    return None


def _valid_id(value: str) -> str | None:
    """``value`` if it is a valid id (a refusal names only such ids), else None."""
    try:
        return check_id(value)
    except InputError:
        return None


def count_items(inputs: Iterable[str]) -> int:
    """How many documents the inputs hold, at most (for progress bars): one per text or
    HTML file, one per line of a JSONL file. Standard input counts as unknown (0)."""
    total = 0
    for path in expand_inputs(inputs):
        if isinstance(path, Refusal):
            total += 1
        elif str(path) == STDIN:
            return 0
        elif path.suffix.lower() in JSONL_SUFFIXES:
            total += _count_lines(path)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with open_regular(path) as handle:
            lines, last = 0, b"\n"
            while chunk := handle.read(_CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
            return lines + (last != b"\n")
    except (OSError, InputError):
        return 1
