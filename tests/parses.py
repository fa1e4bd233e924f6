"""Parses for the tests: the real spaCy model, loaded once per session, each text parsed once.

`ParseCache` stands behind every `SpacyBackend` made in the test process (the conftest
installs it for the session; subprocess runs keep the plain path). The model is loaded
once per session instead of once per test module; each distinct text is parsed once and
kept as bytes in memory and on disk under ``.cache/parses/`` (gitignored), in a folder
named by the spaCy version, the model's name and version, its pipeline config and its
tokenizer (as `load_pipeline` fits them), so a later run reads the parse back instead of
parsing again. Every parse handed out is
deserialised from those bytes, so a cold and a warm run see the same documents. The
bytes leave out ``tensor`` (no newsdesk code reads vectors or tensors) and ``user_data``.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsdesk.annotate.nlp import SpacyBackend

EXCLUDE = ["tensor", "user_data"]


class ParseCache:
    """Parses memoised by model and text (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._models: dict[str, Language] = {}
        self._folders: dict[str, Path] = {}
        self._bytes: dict[tuple[str, str], bytes] = {}
        self._lock = threading.RLock()  # the web tests parse from their ingest thread; the
        # backend's own parse (called under the lock) asks for the model again
        self.parsed = 0  # texts parsed by the model (not read back) in this session

    def nlp(self, model: str) -> Language:
        """The loaded pipeline ``model`` (loaded on first use, once per session)."""
        with self._lock:
            return self._load(model)

    def _load(self, model: str) -> Language:
        if model not in self._models:
            import spacy

            from newsdesk.annotate.nlp import load_pipeline

            nlp = load_pipeline(model)
            tokenizer = hashlib.sha1(nlp.tokenizer.to_bytes()).hexdigest()
            key = "\n".join(
                (
                    spacy.__version__,
                    nlp.meta["name"],
                    nlp.meta["version"],
                    nlp.config.to_str(),
                    tokenizer,
                )
            )
            digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
            self._folders[model] = self.folder / f"{model}-{nlp.meta['version']}-{digest}"
            self._models[model] = nlp
        return self._models[model]

    def parse(
        self,
        backend: SpacyBackend,
        texts: Iterable[str],
        parse: Callable[[SpacyBackend, list[str]], Iterator[Doc]] | None = None,
    ) -> Iterator[Doc]:
        """``texts`` parsed by ``backend``'s model, each from the cache when it is there;
        ``parse`` (the backend's own method: long texts in pieces) parses the others, else
        the model's ``pipe``."""
        from spacy.tokens import Doc

        texts = list(texts)
        with self._lock:
            nlp = self._load(backend.model)
            self._fill(backend, texts, parse)
            found = [self._bytes[(backend.model, t)] for t in texts]
        for data in found:
            yield Doc(nlp.vocab).from_bytes(data)

    def _fill(
        self,
        backend: SpacyBackend,
        texts: list[str],
        parse: Callable[[SpacyBackend, list[str]], Iterator[Doc]] | None,
    ) -> None:
        folder = self._folders[backend.model]
        missing: dict[str, Path] = {}
        for text in texts:
            if (backend.model, text) in self._bytes or text in missing:
                continue
            path = folder / (hashlib.sha1(text.encode("utf-8")).hexdigest() + ".doc")
            if path.exists():
                self._bytes[(backend.model, text)] = path.read_bytes()
            else:
                missing[text] = path
        if not missing:
            return
        folder.mkdir(parents=True, exist_ok=True)
        for (text, path), doc in zip(
            missing.items(),
            parse(backend, list(missing))
            if parse
            else self._load(backend.model).pipe(missing, batch_size=backend.batch_size),
            strict=True,
        ):
            data = doc.to_bytes(exclude=EXCLUDE)
            self._bytes[(backend.model, text)] = data
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(data)
            partial.replace(path)  # atomic: a reader never sees half a file
            self.parsed += 1
