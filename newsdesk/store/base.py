"""The store seam: what the rest of newsdesk may ask of a store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from newsdesk.model import Document

Status = Literal["added", "duplicate", "unchanged", "refused"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one document handed to the store."""

    status: Status
    id: str
    source: str | None = None
    reason: str | None = None
    of: str | None = None
    similarity: float | None = None
    story: str | None = None

    def __str__(self) -> str:
        where = self.source or self.id
        if self.source and self.id != self.source and self.source.rsplit(":", 1)[-1].isdigit():
            where = f"{self.source} ({self.id})"  # a JSONL line: name the id too
        if self.status == "duplicate":
            return f"{where}: duplicate of {self.of} (similarity {self.similarity:.2f})"
        if self.status == "refused":
            return f"{where}: {self.reason}"
        if self.status == "unchanged":
            return f"{where}: already stored as {self.of or self.id}"
        story = f" (story {self.story})" if self.story else ""
        return f"{where}: added as {self.id}{story}"


class Fingerprint(Protocol):
    """What the store needs of a text to find its near-duplicates later: band keys to index
    and look up, signature bytes to keep, and the comparison with the stored texts that
    share a band (`newsdesk.ingest.dedup.Fingerprint` computes all three)."""

    @property
    def bands(self) -> tuple[int, ...]: ...

    def to_bytes(self) -> bytes: ...

    def closest(
        self, stored: Iterable[tuple[str, bytes]], threshold: float
    ) -> tuple[str, float] | None: ...


class Store(Protocol):
    def add(self, doc: Document, fingerprint: Fingerprint | None = None) -> AddResult: ...

    def get(self, doc_id: str) -> Document | None: ...

    def documents(self) -> Iterator[Document]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...
