"""newsdesk: many news reports of the same events, one faithful, source-cited account.

The public API is what ``__all__`` lists; everything else is private and may change.
Importing newsdesk loads no model and opens no database.
"""

# The subpackages named like API functions (`annotate`, `brief`) are imported before the
# functions are bound: importing a subpackage later would rebind its name on `newsdesk`
# to the module, and `newsdesk.brief(...)` would stop working after its first call.
import newsdesk.annotate  # noqa: F401
import newsdesk.brief  # noqa: F401
from newsdesk.app import (
    ReclusterReport,
    annotate,
    assign_stories,
    brief,
    brief_stored,
    default_pipeline,
    ingest,
    open_store,
    read,
    recluster,
    stories,
)
from newsdesk.errors import (
    InputError,
    MissingDependency,
    NewsdeskError,
    PipelineError,
    SpanError,
    StoreError,
)
from newsdesk.model import (
    Briefing,
    Conflict,
    Document,
    Entity,
    Fact,
    Mention,
    Quote,
    Refusal,
    Relation,
    Span,
    Story,
    SummaryItem,
    TextSpan,
    TimeExpression,
)
from newsdesk.pipeline import Pipeline, Stage
from newsdesk.settings import Settings
from newsdesk.store import AddResult, SQLiteStore

__version__ = "0.1.0"

__all__ = [
    "AddResult",
    "Briefing",
    "Conflict",
    "Document",
    "Entity",
    "Fact",
    "InputError",
    "Mention",
    "MissingDependency",
    "NewsdeskError",
    "Pipeline",
    "PipelineError",
    "Quote",
    "ReclusterReport",
    "Refusal",
    "Relation",
    "SQLiteStore",
    "Settings",
    "Span",
    "SpanError",
    "Stage",
    "StoreError",
    "Story",
    "SummaryItem",
    "TextSpan",
    "TimeExpression",
    "annotate",
    "assign_stories",
    "brief",
    "brief_stored",
    "default_pipeline",
    "ingest",
    "open_store",
    "read",
    "recluster",
    "stories",
]
