"""Where documents live between runs. `SQLiteStore` is the default (and only) backend."""

from newsdesk.store.base import AddResult, Store
from newsdesk.store.sqlite import SQLiteStore

__all__ = ["AddResult", "SQLiteStore", "Store"]
