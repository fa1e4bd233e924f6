"""Exceptions newsdesk raises.

    NewsdeskError                 base of everything below
    ├── InputError                an input (file, line, page) cannot be read as an article
    ├── SpanError                 offsets outside the text they point into (also a ValueError)
    ├── StoreError                the database cannot be opened, migrated or written
    ├── PipelineError             stages in an order that cannot work (missing requirement)
    └── MissingDependency         an optional extra is not installed (says which to install)

Bad input in a batch is not raised: readers yield a `Refusal` for it and go on.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base class of newsdesk's exceptions."""


class InputError(NewsdeskError):
    """An input item cannot be read as an article."""


class SpanError(NewsdeskError, ValueError):
    """Offsets that do not fit the text they point into."""


class StoreError(NewsdeskError):
    """The store cannot be opened, migrated or written."""


class PipelineError(NewsdeskError):
    """Stages given in an order that cannot work."""


class MissingDependency(NewsdeskError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"{package} is not installed: pip install 'newsdesk[{extra}]' (or run `make install`)"
        )
        self.package = package
        self.extra = extra
