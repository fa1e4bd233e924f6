"""The MiniLM encoder in numpy (`newsdesk.embed.Embedder`) on real sentences.

Rows are judged by what they are for: a paraphrase is closer than an unrelated sentence,
batching and padding change no row, text past the model's 256 word pieces is not read.
The comparison with sentence-transformers' own rows is bench/embed.py (it needs torch).
"""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from newsdesk.embed import Embedder, HashingEmbedder, erf, gelu
from newsdesk.errors import MissingDependency


def test_embed_erf_is_accurate_to_float32_noise() -> None:
    xs = np.linspace(-12, 12, 24001, dtype=np.float32)
    expected = np.array([math.erf(x) for x in xs.tolist()])
    assert np.max(np.abs(erf(xs) - expected)) < 5e-7
    assert erf(np.zeros(3, dtype=np.float32)).tolist() == [0.0, 0.0, 0.0]


def test_embed_gelu_is_the_exact_erf_form() -> None:
    xs = np.linspace(-8, 8, 4001, dtype=np.float32).reshape(1, -1).repeat(130, axis=0)
    expected = np.array([0.5 * x * (1 + math.erf(x / math.sqrt(2))) for x in xs[0].tolist()])
    assert np.max(np.abs(gelu(xs.copy()) - expected)) < 2e-6
    # the tanh approximation differs by up to ~5e-4 here: this is not it
    xs = xs[0]
    tanh = 0.5 * xs * (1 + np.tanh(math.sqrt(2 / math.pi) * (xs + 0.044715 * xs**3)))
    assert np.max(np.abs(tanh - expected)) > 1e-4


def test_embed_empty_input_gives_no_rows_and_loads_nothing() -> None:
    embedder = Embedder()
    rows = embedder.encode([])
    assert rows.shape == (0, 384) and rows.dtype == np.float32
    assert embedder._model is None


def test_embed_missing_tokenizers_is_a_missing_dependency(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tokenizers", None)
    with pytest.raises(MissingDependency, match="tokenizers"):
        Embedder().encode(["A sentence."])


def test_embed_only_the_cpu() -> None:
    with pytest.raises(ValueError, match="CPU"):
        Embedder(device="cuda")


@pytest.fixture(scope="module")
def minilm() -> Embedder:
    return Embedder(batch_size=4)


SENTENCES = [
    "The ferry sank off the coast on Monday, and 40 passengers were rescued.",
    "Forty people were pulled from the water after the boat went down near the shore on Monday.",
    "The central bank left interest rates unchanged at its quarterly meeting.",
    "Thieves stole three paintings from the city museum overnight.",
    "Three paintings were taken from the municipal museum during the night.",
    "Rain.",
    "",
]


@pytest.mark.slow
def test_embed_paraphrases_are_closer_than_unrelated_sentences(minilm: Embedder) -> None:
    rows = minilm.encode(SENTENCES)
    assert rows.shape == (len(SENTENCES), 384) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    ferry, ferry2, bank, museum, museum2 = rows[:5]
    assert ferry @ ferry2 > 0.5 > max(ferry @ bank, museum @ bank, ferry @ museum)
    assert museum @ museum2 > 0.7 > museum @ ferry2


@pytest.mark.slow
def test_embed_batching_by_length_changes_no_row(minilm: Embedder) -> None:
    together = minilm.encode(SENTENCES)  # batches of 4 mixing lengths, padded
    alone = np.stack([Embedder().encode([s])[0] for s in SENTENCES])  # no memo shared
    assert np.max(np.abs(together - alone)) < 1e-5
    reordered = Embedder(batch_size=4).encode(SENTENCES[::-1])[::-1]
    assert np.max(np.abs(together - reordered)) < 1e-5


@pytest.mark.slow
def test_embed_remembers_texts_up_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsdesk.embed

    monkeypatch.setattr(newsdesk.embed, "MEMO_TEXTS", 3)
    embedder = Embedder()
    first = embedder.encode(SENTENCES[:2])
    # the same sentence with other spacing is one text, read from memory
    again = embedder.encode(["  " + SENTENCES[0].replace(" ", "  ")])
    assert np.array_equal(again[0], first[0])
    embedder.encode(SENTENCES[2:5])
    assert len(embedder._memo) == 3 and SENTENCES[0] not in embedder._memo


@pytest.mark.slow
def test_embed_reads_at_most_256_word_pieces(minilm: Embedder) -> None:
    opening = " ".join(["The harbour authority inspected the ferry again."] * 40)
    assert len(minilm.tokenizer.encode(opening).ids) == 256
    [long, longer] = minilm.encode([opening, opening + " Nobody was hurt in the blaze."])
    assert float(long @ longer) > 0.99999
    short = minilm.encode(["The harbour authority inspected the ferry again."])[0]
    assert float(long @ short) < 0.99999  # the cut is at 256, not earlier


def test_embed_hashing_embedder_shares_words() -> None:
    rows = HashingEmbedder().encode(["the ferry sank", "ferry sank today", "rates unchanged"])
    assert rows[0] @ rows[1] > rows[0] @ rows[2]


@pytest.mark.slow
def test_embed_runs_without_torch_or_transformers() -> None:
    """Issue 13: MiniLM no longer pulls in torch, transformers or sentence-transformers."""
    probe = (
        "import sys\n"
        "from newsdesk.embed import Embedder\n"
        "assert Embedder().encode(['The ferry sank.']).shape == (1, 384)\n"
        "print([m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules])"
    )
    command = [sys.executable, "-c", probe]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_embed_memo_full_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsdesk.embed

    monkeypatch.setattr(newsdesk.embed, "MEMO_TEXTS", 3)
    embedder = Embedder()
    embedder.encode(SENTENCES[:3])
    rows = embedder.encode([SENTENCES[0], SENTENCES[3], SENTENCES[4], SENTENCES[5]])
    assert rows.shape == (4, 384)  # more new texts than the memo holds, one remembered
    assert np.allclose(rows[0], Embedder().encode([SENTENCES[0]])[0], atol=1e-6)
