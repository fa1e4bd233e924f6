"""Stages and the pipeline that runs them.

A stage is a callable over a stream of Documents with a name, what it ``requires`` and
what it ``provides`` (annotation layers such as ``"entities"``). Stages run over batches
(`Iterable[Document] -> Iterator[Document]`), so the same stage runs in one process or on
the workers of a batch engine. `Pipeline` checks the order before it runs anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from newsdesk.errors import PipelineError
from newsdesk.model import Document

BASE_LAYERS = frozenset({"text", "metadata"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]: ...


@dataclass(frozen=True)
class Pipeline:
    """Stages run in order over a stream of documents."""

    stages: tuple[Stage, ...] = ()

    def __post_init__(self) -> None:
        check_order(self.stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = _checked(stage, stage(stream))
        yield from stream


def check_order(stages: Sequence[Stage]) -> None:
    """Raise `PipelineError` if a stage requires a layer no earlier stage provides."""
    available = set(BASE_LAYERS)
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                f"provides (order: {', '.join(s.name for s in stages)})"
            )
        available.update(stage.provides)


def _checked(stage: Stage, docs: Iterator[Document]) -> Iterator[Document]:
    for doc in docs:
        if not isinstance(doc, Document):
            raise PipelineError(
                f"stage {stage.name!r} returned {type(doc).__name__}, not a Document"
            )
        yield doc
