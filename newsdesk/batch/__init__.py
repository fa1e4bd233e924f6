"""newsdesk on Ray Data: `newsdesk batch`, the same stages over many machines' cores.

The only package that imports Ray, and only when a run starts. The steps, each a Ray
Data operation over rows that carry one document (`Document.to_dict` as JSON):

1. read (`_read`): one Ray task per input file, through the readers `ingest` uses;
2. duplicates (`_dedup`): MinHash in ``map_batches``, id/url/hash/LSH-band keys grouped
   by a shuffle, the store's rule replayed over the colliding pairs only;
3. annotation (`_annotate`): an actor pool, spaCy and MiniLM loaded once per actor,
   threads pinned, the `ingest` pipeline per batch;
4. stories (`_stories`): blocks by shared names and time windows, the rule of
   `newsdesk stories` within each block (``groupby(block).map_groups``);
5. briefings (`_brief`): ``groupby(story).map_groups`` through `brief_story`;
6. Parquet datasets under the output folder (`_tables`), which `import_batch` loads
   into a store.

    >>> from newsdesk.batch import BatchOptions, run_batch
    >>> report = run_batch(["crawl/"], "out/", options=BatchOptions(workers=2))
"""

from __future__ import annotations

from newsdesk.batch._import import ImportReport, import_batch
from newsdesk.batch._run import BatchOptions, BatchReport, run_batch
from newsdesk.batch._tables import COLUMNS, TABLES

__all__ = [
    "COLUMNS",
    "TABLES",
    "BatchOptions",
    "BatchReport",
    "ImportReport",
    "import_batch",
    "run_batch",
]
