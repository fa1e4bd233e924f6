"""Where documents live between runs. `SQLiteStore` is the default (and only) backend.

The store persists and queries; the stages compute, and the store imports none of them.
`sqlite` holds the documents, their copies and near-duplicate signatures (compared by
`newsdesk.ingest.dedup`); `stories` the story tables (their maths: `newsdesk.cluster.stored`);
`queries` the read-only queries the web pages use; `schema` the migrations. All SQL lives
in this package.
"""

from newsdesk.store.base import AddResult, Store
from newsdesk.store.sqlite import SQLiteStore

__all__ = ["AddResult", "SQLiteStore", "Store"]
