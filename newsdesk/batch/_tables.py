"""The Parquet datasets a batch run writes, with fixed schemas, and the row functions
that fill them from annotated documents (one `Document.to_dict` per row, the one
serialisation path)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

Batch = dict[str, Any]
TABLES = (
    "documents",
    "quotes",
    "entities",
    "timeline",
    "features",
    "stories",
    "briefings",
    "refused",
)
_STRING, _INT, _FLOAT, _BOOL, _BINARY = "string", "int64", "float64", "bool", "binary"
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", _STRING),
        ("url", _STRING),
        ("outlet", _STRING),
        ("title", _STRING),
        ("published", _STRING),
        ("text", _STRING),
        ("duplicate_of", _STRING),
        ("similarity", _FLOAT),
        ("author", _STRING),
        ("genre", _STRING),
        ("label", _STRING),
        ("source", _STRING),
        ("order", _INT),
        ("minhash", _BINARY),
        ("record", _STRING),
    ),
    "quotes": (
        ("doc", _STRING),
        ("start", _INT),
        ("end", _INT),
        ("text", _STRING),
        ("speaker", _STRING),
        ("direct", _BOOL),
    ),
    "entities": (("doc", _STRING), ("name", _STRING), ("type", _STRING), ("id", _STRING)),
    "timeline": (
        ("doc", _STRING),
        ("start", _INT),
        ("end", _INT),
        ("date", _STRING),
        ("expression", _STRING),
    ),
    "features": (
        ("doc", _STRING),
        ("order", _INT),
        ("dense", _BINARY),
        ("terms", _STRING),
        ("names", _STRING),
    ),
    "stories": (("doc", _STRING), ("story", _STRING), ("title", _STRING), ("order", _INT)),
    "briefings": (("story", _STRING), ("title", _STRING), ("briefing", _STRING)),
    "refused": (("input", _STRING), ("reason", _STRING), ("id", _STRING), ("order", _INT)),
}


def schema(name: str) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(col, pa.type_for_alias(kind)) for col, kind in COLUMNS[name]])


def table(name: str, rows: dict[str, list[Any]]) -> pa.Table:
    """A table of ``name``'s schema from columns of Python values."""
    import pyarrow as pa

    return pa.Table.from_pydict(
        {col: rows.get(col, []) for col, _ in COLUMNS[name]}, schema=schema(name)
    )


def _columns(name: str) -> dict[str, list[Any]]:
    return {col: [] for col, _ in COLUMNS[name]}


def documents(batch: Batch) -> pa.Table:
    """``documents`` rows from read or annotated rows (``doc`` JSON; a copy also has
    ``duplicate_of`` and ``similarity``)."""
    out = _columns("documents")
    copies = batch.get("duplicate_of")
    for i, raw in enumerate(batch["doc"]):
        data = json.loads(raw)
        for col, key in (
            ("id", "id"),
            ("url", "url"),
            ("outlet", "outlet"),
            ("title", "title"),
            ("published", "published"),
            ("text", "text"),
            ("author", "author"),
            ("genre", "genre"),
            ("label", "story"),
            ("source", "source"),
        ):
            out[col].append(data.get(key))
        copy = str(copies[i]) if copies is not None and copies[i] else None
        out["duplicate_of"].append(copy)
        out["similarity"].append(float(batch["similarity"][i]) if copy else None)
        out["order"].append(int(batch["order"][i]))
        out["minhash"].append(bytes(batch["minhash"][i]))
        layers = {k: v for k, v in data.items() if k != "text"}
        out["record"].append(json.dumps(layers, ensure_ascii=False))
    return table("documents", out)


def layers(name: str) -> Any:
    """The function making ``quotes``, ``entities`` or ``timeline`` rows from annotated
    rows."""

    def rows(batch: Batch) -> pa.Table:
        out = _columns(name)
        for raw in batch["doc"]:
            data = json.loads(raw)
            for item in data.get(name, []):
                _layer_row(name, data["id"], item, out)
        return table(name, out)

    return rows


def _layer_row(name: str, doc: str, item: dict[str, Any], out: dict[str, list[Any]]) -> None:
    out["doc"].append(doc)
    if name == "entities":
        out["name"].append(item["name"])
        out["type"].append(item["type"])
        out["id"].append(item["id"])
        return
    out["start"].append(int(item["start"]))
    out["end"].append(int(item["end"]))
    if name == "quotes":
        out["text"].append(item["text"])
        out["speaker"].append(item.get("speaker"))
        out["direct"].append(bool(item.get("direct", True)))
    else:
        out["date"].append(item.get("date"))
        out["expression"].append(item.get("expression"))


def features(batch: Batch) -> pa.Table:
    out: dict[str, list[Any]] = {
        "doc": [str(x) for x in batch["id"]],
        "order": [int(x) for x in batch["order"]],
        "dense": [bytes(x) for x in batch["dense"]],
        "terms": [str(x) for x in batch["terms"]],
        "names": [str(x) for x in batch["names"]],
    }
    return table("features", out)


def refused(batch: Batch) -> pa.Table:
    out: dict[str, list[Any]] = {
        "input": [str(x) for x in batch["input"]],
        "reason": [str(x) for x in batch["reason"]],
        "id": [str(x) or None for x in batch["id"]],
        "order": [int(x) for x in batch["order"]],
    }
    return table("refused", out)


def read(out: str | Path, name: str) -> pa.Table:
    """One dataset of a batch output (an empty table when the run wrote none)."""
    import pyarrow.parquet as pq

    folder = Path(out) / name
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return schema(name).empty_table()
    import pyarrow as pa

    return pa.concat_tables([pq.read_table(f, schema=schema(name)) for f in files])
