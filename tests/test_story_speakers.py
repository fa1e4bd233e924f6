"""One person, one speaker across a story (`newsdesk.brief.assemble.story_speakers`), on
fictional articles parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.app import brief
from newsdesk.embed import HashingEmbedder

pytestmark = pytest.mark.slow

WIRE = (
    "Dairy owner gives up on state loans\n\n"
    "PALVIK — Karen B. Tolvane, an investor in Norvik Dairy, said on Monday that the "
    "dairy would stop paying its loans. Tolvane ran the state farm agency until 2001.\n"
)
PAPER = (
    "Norvik Dairy stops loan payments\n\n"
    "Karen Tolvane, president of Norvik Dairy, wrote to the loan board on Aug. 1.\n"
    'She said: "We will be making no further payment on our notes."\n'
)


def test_story_speakers_a_pronoun_quote_takes_the_storys_name_of_its_speaker() -> None:
    """A "she said" resolves to "Karen Tolvane" in one paper; the story's person is "Karen
    B. Tolvane", so both documents' quotes have one speaker."""
    docs = [Document("wire", WIRE), Document("paper", PAPER)]
    [briefing] = brief(docs, embedder=HashingEmbedder())
    said = {q.text: q.speaker for q in briefing.quotes}
    assert said["We will be making no further payment on our notes."] == "Karen B. Tolvane"
