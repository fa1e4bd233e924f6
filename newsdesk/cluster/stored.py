"""Stories kept in the store: the `StoryBackend` whose maths lives here and SQL in the store.

`StoredStories` wraps a store's story tables (`newsdesk.store.stories.SQLiteStories`,
which persists and queries only). A join adds the document's features to the story's
running sums (`Centroid.plus`), checks whether the newcomer is now the member closest to
the centroid (one stored feature row is read, whatever the story's size) and, if it is,
takes the story's title and lead from it; the tables record the result. `rebuild`
replaces every story by the groups of a re-clustering, through the same joins.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdesk.cluster.features import DocFeatures, FeatureExtractor
from newsdesk.cluster.online import Centroid
from newsdesk.cluster.records import published_at, story_lead, story_title
from newsdesk.embed import NoEncoder
from newsdesk.model import Document, StoryChange, story_id
from newsdesk.store.stories import CentroidRow, FeatureRow, SQLiteStories, SQLiteVocabulary

__all__ = ["StoredStories"]


def _centroid(row: CentroidRow) -> Centroid:
    return Centroid(row.dense, row.terms, row.names, row.size, published_at(row.last_seen))


class StoredStories:
    """The stories of one store as a `StoryBackend` (see the module docstring)."""

    def __init__(self, tables: SQLiteStories) -> None:
        self.tables = tables

    @property
    def vocabulary(self) -> SQLiteVocabulary:
        return self.tables.vocabulary

    def assigned(self, doc_id: str) -> str | None:
        return self.tables.assigned(doc_id)

    def postings(self, key: str, limit: int) -> Sequence[str]:
        return self.tables.postings(key, limit)

    def centroids(self, ids: Sequence[str], since: str | None = None) -> dict[str, Centroid]:
        return {sid: _centroid(row) for sid, row in self.tables.centroids(ids, since).items()}

    def join(self, story: str | None, doc: Document, feat: DocFeatures) -> str:
        sid = story or story_id([doc.id])
        found = self.tables.story(sid)
        current = _centroid(found[1]) if found else Centroid.empty(len(feat.dense))
        centroid = current.plus(feat, published_at(doc.published))
        state = found[0] if found else None
        central = self._central(state.central_id if state else None, doc.id, feat, centroid)
        seen = (state.first_seen, state.last_seen) if state else ()
        dates = [d for d in (*seen, doc.published) if d]
        row = CentroidRow(
            centroid.dense,
            centroid.terms,
            centroid.names,
            centroid.size,
            max(dates) if dates else None,
        )
        features = FeatureRow(doc.id, feat.dense, dict(feat.term_counts), dict(feat.name_counts))
        headline = (story_title(doc), story_lead(doc)) if central == doc.id else None
        first = min(dates) if dates else None
        self.tables.save(sid, features, row, first, feat.keys, headline)
        return sid

    def _central(
        self, central: str | None, doc_id: str, feat: DocFeatures, centroid: Centroid
    ) -> str:
        """The member closest to the updated centroid: the current central one, or the
        newcomer if it is closer."""
        if central is None:
            return doc_id
        row = self.tables.features(central)
        if row is None:
            return doc_id
        old = self.extractor().from_counts(central, row.dense, row.terms, row.names)
        return doc_id if centroid.similarity(feat) > centroid.similarity(old) else central

    def extractor(self) -> FeatureExtractor:
        """Weights stored counts with the store's document frequencies (never encodes)."""
        return FeatureExtractor(NoEncoder(), vocabulary=self.vocabulary)

    def features(self) -> list[DocFeatures]:
        """Every stored document's features, weighted by the current IDF, in the order
        the documents were added."""
        extractor = self.extractor()
        return [
            extractor.from_counts(r.doc_id, r.dense, r.terms, r.names)
            for r in self.tables.feature_rows()
        ]

    def rebuild(
        self,
        groups: Sequence[tuple[str, Sequence[DocFeatures]]],
        events: Sequence[StoryChange],
    ) -> None:
        """Replace every story by ``groups`` (story id, members' features), and record
        ``events``. Run it inside one transaction."""
        self.tables.clear()
        for sid, feats in groups:
            for feat in feats:
                self.join(sid, self.tables.head(feat.id), feat)
        self.tables.record(events)
