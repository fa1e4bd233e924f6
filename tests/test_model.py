from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.errors import SpanError
from newsdesk.model import (
    Document,
    Entity,
    Mention,
    Quote,
    Relation,
    Span,
    TextSpan,
    TimeExpression,
    content_hash,
)
from tests.conftest import WIRE


def test_model_span_rejects_empty_and_negative() -> None:
    with pytest.raises(SpanError):
        Span("d", 5, 5)
    with pytest.raises(SpanError):
        Span("d", -1, 3)


def test_model_document_span_checks_text_length() -> None:
    doc = Document(id="d", text="Ferry strikes pier.")
    assert doc.text_of(doc.span(0, 5)) == "Ferry"
    with pytest.raises(SpanError, match="out of range"):
        doc.span(0, 100)
    assert doc.char_span(10, 100) is None


@given(st.text(min_size=1, max_size=200), st.data())
def test_model_any_valid_span_round_trips(text: str, data: st.DataObject) -> None:
    doc = Document(id="d", text=text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    span = doc.span(start, end)
    assert Span.from_dict(span.to_dict()) == span
    assert doc.text_of(span) == text[start:end]


def test_model_document_round_trips_with_every_layer() -> None:
    doc = Document(
        id="w1",
        text=WIRE,
        title="Ferry hits wall",
        outlet="Meridian Wire",
        published="2026-10-12",
        genre="report",
        story="ferry",
    )
    q_start = WIRE.index("We were lucky")
    quote = Quote(
        doc.span(q_start, q_start + 30),
        WIRE[q_start : q_start + 30],
        speaker="Inga Solberg",
        speaker_role="Deputy Harbour Master",
        via=("Meridian Wire",),
        direct=True,
    )
    s = WIRE.index("Inga Solberg")
    mention = Mention(doc.span(s, s + 12), "Inga Solberg", "PERSON")
    entity = Entity(
        "e1",
        "Inga Solberg",
        "PERSON",
        aliases=("Solberg",),
        roles=(TextSpan(doc.span(s - 22, s - 1), "Deputy Harbour Master"),),
        mentions=(mention,),
    )
    t = WIRE.index("Monday")
    time = TimeExpression(doc.span(t, t + 6), "Monday", "2026-10-12", "The passenger ferry ...")
    relation = Relation(doc.span(0, 10), "e1", "employed_by", "e2")
    full = doc.with_layers(
        quotes=(quote,), entities=(entity,), timeline=(time,), relations=(relation,)
    )
    again = Document.from_dict(full.to_dict())
    assert again == full
    assert again.hash == content_hash(WIRE)
    assert full.entities[0].to_dict()["docs"] == ["w1"]


def test_model_stated_date_round_trips_and_stays_out_of_the_contract() -> None:
    doc = Document(id="x", text="Some article text here.", stated_date="2013-09-14")
    assert doc.to_dict()["stated_date"] == "2013-09-14"
    assert Document.from_dict(doc.to_dict()) == doc
    assert "stated_date" not in doc.annotation()["document"]
    assert "stated_date" not in Document(id="y", text="Undated text.").to_dict()
    read_none = Document(id="z", text="Undated text.", stated_date="")
    assert Document.from_dict(read_none.to_dict()).stated_date == ""
    assert Document.from_dict({"id": "y", "text": "Undated text."}).stated_date is None


def test_model_annotation_has_contract_keys() -> None:
    doc = Document(id="x", text="Some article text here.")
    obj = doc.annotation(include_text=True)
    assert obj["schema"] == "newsdesk.annotation/1"
    assert obj["document"]["text"] == "Some article text here."
    assert "text" not in doc.annotation()["document"]


def test_model_unknown_genre_is_refused() -> None:
    with pytest.raises(ValueError, match="genre"):
        Document.from_dict({"id": "x", "text": "t", "genre": "satire"})
