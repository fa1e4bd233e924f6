"""Inputs to Documents: files, folders, JSONL feeds and standard input.

Every form of ``shared/contracts/README.md`` is read here. Readers never raise for bad
input: each item that cannot be read becomes a `Refusal` naming the file (and line) and
the reason, and reading goes on with the next item.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from newsdesk.errors import InputError
from newsdesk.ingest.clean import clean_text, decode
from newsdesk.ingest.extract import extract_html
from newsdesk.layout import headline
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"

Item = Document | Refusal


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | Refusal]:
    """Paths of the files to read, in order: a folder gives its supported files,
    recursively, in sorted order; ``-`` stands for standard input."""
    for name in inputs:
        if name == STDIN:
            yield Path(STDIN)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES and (p.is_file() or p.is_symlink())
            )
            yield from found
        elif path.exists() or path.is_symlink():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path
            else:
                yield Refusal(
                    name,
                    f"unsupported file type {path.suffix or '(none)'!r}; "
                    "use .txt, .html, .htm or .jsonl",
                )
        else:
            yield Refusal(name, "no such file or folder")


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
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as handle:
                yield from read_jsonl_lines(handle, str(path), settings)
        except OSError as exc:
            yield Refusal(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        size = path.stat().st_size
        if size > settings.max_document_bytes:
            raise InputError(_too_large(size, settings))
        data = path.read_bytes()
        text = decode(data)
        if suffix in HTML_SUFFIXES:
            page = extract_html(text)
            doc = Document(
                id=path.stem,
                text=page.text,
                title=page.title,
                outlet=page.outlet,
                author=page.author,
                url=page.url,
                published=_iso_or_none(page.published),
                source=str(path),
            )
        else:
            clean = clean_text(text)  # a plain text's first line may be its headline
            doc = Document(id=path.stem, text=clean, title=headline(clean), source=str(path))
        yield _checked(doc, settings)
    except OSError as exc:
        yield Refusal(str(path), f"cannot read: {exc.strerror or exc}", id=path.stem)
    except InputError as exc:
        yield Refusal(str(path), str(exc), id=path.stem)


def read_jsonl_lines(handle: IO[bytes], name: str, settings: Settings) -> Iterator[Item]:
    """One document per non-blank line; a bad line is refused, the others still read."""
    for number, raw in enumerate(handle, start=1):
        source = f"{name}:{number}"
        data: Any = None
        if not raw.strip():
            continue
        try:
            if len(raw) > settings.max_document_bytes:
                raise InputError(_too_large(len(raw), settings))
            try:
                data = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError as exc:
                raise InputError(f"line is not UTF-8 (byte {exc.start})") from None
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
            yield _checked(document_from_json(data, source), settings)
        except InputError as exc:
            yield Refusal(source, str(exc), id=_id_or_none(data))


def document_from_json(data: Any, source: str) -> Document:
    """A Document from one JSONL object of the input contract."""
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    doc_id = data.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError("missing or empty 'id' (a string)")
    for key in ("title", "outlet", "published", "url", "story", "text", "html", "author"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"{key!r} must be a string, not {type(data[key]).__name__}")
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
    elif data.get("html") is not None:
        page = extract_html(data["html"], url=fields["url"])
        text = page.text
        for key in ("title", "outlet", "author", "published", "url"):
            fields[key] = fields[key] or getattr(page, key)
        fields["published"] = _iso_or_none(fields["published"])
    else:
        raise InputError("needs 'text' or 'html'")
    return Document(id=doc_id.strip(), text=text, source=source, **fields)


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
        return str(data["id"])
    return None


def count_items(inputs: Iterable[str]) -> int:
    """How many documents the inputs hold, at most (for progress bars): one per text or
    HTML file, one per non-blank JSONL line. Standard input counts as unknown (0)."""
    total = 0
    for path in expand_inputs(inputs):
        if isinstance(path, Refusal):
            total += 1
        elif str(path) == STDIN:
            return 0
        elif path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
