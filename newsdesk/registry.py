"""Built-in stages by name, registered in one explicit place.

`build_pipeline(names, settings)` turns a list of stage names into a checked `Pipeline`;
the spaCy model is loaded lazily, once, and shared by the stages that need it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.stages import (
    DateStage,
    EntityStage,
    GenreStage,
    ParseStage,
    QuoteStage,
    RelationStage,
    ReleaseStage,
)
from newsdesk.errors import PipelineError
from newsdesk.pipeline import Pipeline, Stage
from newsdesk.settings import Settings

Factory = Callable[[Settings, SpacyBackend], Stage]

STAGES: dict[str, Factory] = {
    "parse": lambda settings, backend: ParseStage(backend, settings.batch_size),
    "entities": lambda settings, backend: EntityStage(),
    "quotes": lambda settings, backend: QuoteStage(),
    "relations": lambda settings, backend: RelationStage(),
    "dates": lambda settings, backend: DateStage(),
    "genre": lambda settings, backend: GenreStage(),
    "release": lambda settings, backend: ReleaseStage(),
}

DEFAULT_STAGES: tuple[str, ...] = (
    "parse",
    "entities",
    "quotes",
    "relations",
    "dates",
    "genre",
    "release",
)


def build_pipeline(
    names: Sequence[str] = DEFAULT_STAGES,
    settings: Settings | None = None,
    backend: SpacyBackend | None = None,
) -> Pipeline:
    """A checked pipeline of the named built-in stages, in the given order."""
    settings = settings or Settings()
    backend = backend or SpacyBackend(batch_size=settings.batch_size)
    unknown = [n for n in names if n not in STAGES]
    if unknown:
        raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(STAGES)}")
    return Pipeline(tuple(STAGES[name](settings, backend) for name in names))
