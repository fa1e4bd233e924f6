"""Briefings per story, in ``groupby("story").map_groups``: one actor per worker, with
spaCy and MiniLM loaded once; each story goes through `newsdesk.app.brief_story`, the
function `newsdesk brief --story` and the web app's briefings run, so a story's briefing
is the one a store holding the same story would give."""

from __future__ import annotations

import json
from typing import Any

from newsdesk.batch._annotate import pin_threads
from newsdesk.model import Document
from newsdesk.settings import Settings

Batch = dict[str, Any]


class Briefer:
    """The ``map_groups`` actor: one group (a story's documents) in, one briefing row out."""

    def __init__(self, settings: Settings, words: int, threads: int = 1) -> None:
        pin_threads(threads)
        from newsdesk.embed import Embedder
        from newsdesk.registry import DEFAULT_STAGES, build_pipeline

        self.settings = settings
        self.words = words
        self.pipeline = build_pipeline([s for s in DEFAULT_STAGES if s != "release"], settings)
        self.embedder = Embedder()

    def __call__(self, group: Batch) -> Batch:
        from newsdesk.app import brief_story

        docs = [Document.from_dict(json.loads(raw)) for raw in group["record"]]
        docs.sort(key=lambda d: (d.published or "", d.id))
        story, title = str(group["story"][0]), str(group["title"][0]) or None
        briefing = brief_story(
            docs, story, title, self.words, self.settings, self.pipeline, self.embedder
        )
        record = briefing.to_dict()
        return {
            "story": [story],
            "title": [briefing.story.title or ""],
            "briefing": [json.dumps(record, ensure_ascii=False)],
        }
