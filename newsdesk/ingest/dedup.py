"""Near-duplicate detection: MinHash signatures over word shingles, banded for LSH.

Syndicated copies of one wire story differ in a header line or a footer; their word
3-shingle sets overlap almost entirely. A signature of `NUM_PERM` MinHash values is cut into
`BANDS` bands; two texts that share any band become candidates, and the share of equal
signature values estimates their Jaccard similarity. With 16 bands of 8 rows, pairs above
about 0.7 similarity are found with high probability.

The store keeps each text's signature and band keys and finds the stored texts sharing a
band (`newsdesk.store.sqlite`); `Fingerprint.closest` decides which of them, if any, the
text is a copy of.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
_WORD = re.compile(r"\w+")

Signature = npt.NDArray[np.uint64]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's MinHash signature and its LSH band keys."""

    signature: Signature
    bands: tuple[int, ...]

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u8").tobytes()

    def closest(
        self, stored: Iterable[tuple[str, bytes]], threshold: float
    ) -> tuple[str, float] | None:
        """The most similar of the ``stored`` (id, signature bytes) candidates whose
        similarity reaches ``threshold``, with that similarity (ties: the first)."""
        best: tuple[str, float] | None = None
        for doc_id, blob in stored:
            sim = similarity(self.signature, signature_from_bytes(blob))
            if sim >= threshold and (best is None or sim > best[1]):
                best = (doc_id, sim)
        return best


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def fingerprint(text: str) -> Fingerprint:
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(list(shingles(text)))
    signature = np.asarray(minhash.hashvalues, dtype=np.uint64)
    return Fingerprint(signature, band_keys(signature))


def band_keys(signature: Signature) -> tuple[int, ...]:
    """One 63-bit key per band (fits an SQLite INTEGER)."""
    keys = []
    raw = signature.astype("<u8").tobytes()
    step = ROWS * 8
    for band in range(BANDS):
        digest = hashlib.blake2b(raw[band * step : (band + 1) * step], digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return tuple(keys)


def signature_from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(a == b))
