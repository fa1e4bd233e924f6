"""The spaCy pipeline fitted to news copy (`newsdesk.annotate.nlp.load_pipeline`).

Fictional text; the real model (the session's `backend`, parses cached).
"""

from __future__ import annotations

from newsdesk.annotate.entities import extract_entities
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import extract_quotes
from newsdesk.model import Document

SGT = (
    "Four men were arrested this morning, said Sgt. Tim Vale of the Dunmore police. "
    "“We expect more arrests,” said Capt. Ada Renn."
)


def test_title_abbreviations_are_one_token(backend: SpacyBackend) -> None:
    words = [t.text for t in backend(SGT)]
    assert "Sgt." in words and "Capt." in words
    assert "Sgt" not in words and "Capt" not in words


def test_parser_keeps_the_sentence_after_a_title_abbreviation(backend: SpacyBackend) -> None:
    parsed = backend(SGT)
    assert [s.text for s in parsed.sents] == [
        "Four men were arrested this morning, said Sgt. Tim Vale of the Dunmore police.",
        "“We expect more arrests,” said Capt. Ada Renn.",
    ]
    said = next(t for t in parsed if t.text == "said")
    assert [t.text for t in said.children if t.dep_ == "nsubj"] == ["Vale"]


def test_parser_keeps_two_title_abbreviations_in_the_sentence(backend: SpacyBackend) -> None:
    text = "The bridge will close, said Det. Insp. Ada Renn. Traffic will go by the ferry."
    assert [s.text for s in backend(text).sents] == [
        "The bridge will close, said Det. Insp. Ada Renn.",
        "Traffic will go by the ferry.",
    ]


def test_speaker_after_a_title_abbreviation(backend: SpacyBackend) -> None:
    """Reported speech cued by "said Sgt. <name>" has the sergeant as its speaker."""
    doc = Document(id="t", text=SGT)
    found = {q.text: q.speaker for q in extract_quotes(doc, backend(SGT))}
    assert found == {
        "Four men were arrested this morning": "Tim Vale",
        "We expect more arrests": "Ada Renn",
    }


def test_parser_starts_no_sentence_at_a_lowercase_word_inside_a_line(
    backend: SpacyBackend,
) -> None:
    """Copy with spaced apostrophes ("doesn ’ t") made the plain model cut before "t"."""
    text = (
        "Lead actors Ada Renn, Tim Vale, and Mara Quist are already signed for the sequel "
        "(and I imagine they ’ re also signed for the third film, Ember), but the director "
        "doesn ’ t have a deal in place. So he waits."
    )
    assert [s.text for s in backend(text).sents] == [text[: text.index(" So")], "So he waits."]


def test_a_quote_mark_glued_to_words_is_a_token_of_its_own(backend: SpacyBackend) -> None:
    """'May,"Ivo' is four tokens, so the name keeps "Ivo"; an inch mark stays."""
    text = 'The pier will reopen in May,"Ivo Brandt, the harbour master, said. A 5"pipe burst.'
    words = [t.text for t in backend(text)]
    at = words.index("May")
    assert words[at : at + 4] == ["May", ",", '"', "Ivo"]
    assert '5"pipe' in words
    doc = Document(id="d", text=text)
    people = [e.name for e in extract_entities(doc, backend(text)) if e.type == "PERSON"]
    assert people == ["Ivo Brandt"]
