"""Speakers on real layouts, general rules only: one test per rule, on fictional text.

The texts name fictional people, outlets and events. Each test parses with the real spaCy
model (the session's `backend`, parses cached) and asserts the exact speakers.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import extract_quotes
from newsdesk.model import Document, Quote


def speakers(backend: SpacyBackend, text: str) -> list[tuple[str, str | None]]:
    """(quote text, speaker) of every direct quote of ``text``."""
    doc = Document(id="t", text=text)
    found: tuple[Quote, ...] = extract_quotes(doc, backend(text))
    return [(q.text, q.speaker) for q in found if q.direct]


def test_speakers_pull_quote_list_keeps_each_signature(backend: SpacyBackend) -> None:
    """Issue 10: a list of quotes each signed after its closing mark ("..." ― Name) gives
    each quote its own signer, not the first signer's name."""
    text = (
        "Readers of the Valmont Courier told us what they think of the new bridge toll.\n\n"
        "“The toll is far too high for people who cross twice a day.” ― Orla Brenning\n\n"
        "“I am glad someone finally fixed the potholes on the old road.” ― Tibor J. Kasza \n\n"
        "“Nobody asked the farmers before they drew the new route.” — Wenna Idris"
    )
    found = [s for _, s in speakers(backend, text)]
    assert found[0] == "Orla Brenning" and found[2] == "Wenna Idris"
    assert found[1] is not None and found[1].startswith("Tibor") and found[1].endswith("Kasza")


def test_speakers_lone_letter_is_no_name(backend: SpacyBackend) -> None:
    """A party-and-state tag after a name ("D-Ore.") is not a speaker: its letter is no
    name; the person it follows is."""
    text = (
        "Senator Elka Varga, D-Ore., despite admitting that she had doubts about "
        "“the cost of the new dams” and “the farmers” who opposed them, backed the bill."
    )
    found = speakers(backend, text)
    assert all(s in {None, "Elka Varga"} for _, s in found), found


def test_speakers_paragraph_announcing_a_quote(backend: SpacyBackend) -> None:
    """A paragraph ending "X reports:" hands the quote below it to X, an outlet too, and a
    quote running over the next paragraph keeps it."""
    text = (
        "The harbour board spent twice its budget last year.\n\n"
        "The Valmont Courier reports:\n\n"
        '"The board approved four contracts without a tender and paid the largest of '
        "them before any work began.\n\n"
        '"Two members of the board said they had never seen the invoices."'
    )
    found = speakers(backend, text)
    assert [s for _, s in found] == ["The Valmont Courier", "The Valmont Courier"]


def test_speakers_pronoun_antecedent_is_a_resolved_person(backend: SpacyBackend) -> None:
    """Issue 10: "she" is looked for among the people the resolver found, not among every
    name the model tagged: a yacht (named "the yacht Marisol" once) is nobody's
    antecedent, even where it is the subject of the sentence before."""
    text = (
        "Rescuers reached the yacht Marisol near the cape on Monday. Marisol rolled over "
        "twice.\n“We could not hold on to anything,” she said."
    )
    assert speakers(backend, text) == [("We could not hold on to anything", None)]


def test_speakers_pronoun_skips_a_relative_named_in_passing(backend: SpacyBackend) -> None:
    """Issue 10: a man's words are not given to his late brother, named after him in the
    same paragraph as somebody's relative."""
    text = (
        "Felix Brandt has run the boatyard at Port Tessel for thirty years. His late "
        "brother, Otto Brandt, founded it in 1970.\n"
        "“We will keep building wooden boats as long as people want them,” he said."
    )
    assert speakers(backend, text) == [
        ("We will keep building wooden boats as long as people want them", "Felix Brandt")
    ]


def test_speakers_right_mark_written_as_opening_mark(backend: SpacyBackend) -> None:
    """A quote opened with a right double mark ('”The toll ...”') is still a quote, and
    keeps its signer."""
    text = (
        "Readers wrote to the Valmont Courier about the bridge toll.\n\n"
        "”The toll is far too high for people who cross the river twice a day.” ― Orla Brenning"
    )
    assert speakers(backend, text) == [
        ("The toll is far too high for people who cross the river twice a day.", "Orla Brenning")
    ]


def test_speakers_quote_paragraph_after_a_paragraph_about_one_person(
    backend: SpacyBackend,
) -> None:
    """A paragraph that is only a quote, after a paragraph about one person (the subject of
    its sentences, though not of its last one), is that person's."""
    text = (
        "Ana Ruiz has fished off Port Tessel since 1990. She lost two boats in the storm. "
        "The harbour board has offered no help.\n\n"
        "“I do not know how we will pay for new nets before the season opens.”"
    )
    found = speakers(backend, text)
    assert found == [
        ("I do not know how we will pay for new nets before the season opens.", "Ana Ruiz")
    ]


def test_speakers_quote_paragraph_after_a_paragraph_about_two_people(
    backend: SpacyBackend,
) -> None:
    """With two people the subjects of that paragraph, the quote stays unattributed."""
    text = (
        "Ana Ruiz has fished off Port Tessel since 1990. Lena Voss bought the next berth "
        "in 2001. The harbour board has offered no help.\n\n"
        "“I do not know how we will pay for new nets before the season opens.”"
    )
    [(_, speaker)] = speakers(backend, text)
    assert speaker is None


def test_speakers_statement_of_an_organisation(backend: SpacyBackend) -> None:
    """A quote "according to a Harbour Board statement" is the board's, named as the text
    named it in full earlier."""
    text = (
        "The Tessel Harbour Board met on Monday to discuss the collapsed pier. “We will "
        "rebuild the northern pier before the summer season begins,” according to a Board "
        "statement read on local radio."
    )
    [(_, speaker)] = speakers(backend, text)
    assert speaker == "Tessel Harbour Board"


def test_speakers_pronoun_agrees_with_honorific_gender(backend: SpacyBackend) -> None:
    """ "she" is the person an honorific says is a woman (Ms.), not the more recent man."""
    text = (
        "Ms. Ilse Varga chairs the harbour board. Mr. Tomas Reed runs the ferry line.\n"
        "“We will not raise the fares this year,” she said."
    )
    assert speakers(backend, text) == [("We will not raise the fares this year", "Ilse Varga")]


def test_speakers_multi_paragraph_quote_keeps_its_speaker(backend: SpacyBackend) -> None:
    """A quote left open at the end of a paragraph and reopened in the next, with no cue
    there, is still the first paragraph's speaker's."""
    text = (
        "“The river rose faster than anyone expected,” said Ilse Varga, who chairs the "
        "harbour board. “We moved the boats twice in one night.\n"
        "“By morning the lower quay was under water and the cranes were gone.”\n"
        "Tomas Reed, who runs the ferry line, said the service would resume on Friday."
    )
    found = speakers(backend, text)
    assert [s for _, s in found] == ["Ilse Varga", "Ilse Varga", "Ilse Varga"]


def test_speakers_resolved_person_inside_a_longer_model_span(backend: SpacyBackend) -> None:
    """Issue 10: the model takes "Russia Andrew Holt" (after "Ambassador to") for one
    organisation; the speaker is the person the resolver found in it."""
    text = (
        "Asked about the spying allegation, British Ambassador to Russia Andrew Holt "
        "said, ``We don't comment on these things in general.''"
    )
    assert backend(text).ents[-1].text == "Russia Andrew Holt"  # the model's span
    assert [s for _, s in speakers(backend, text)] == ["Andrew Holt"]


def test_speakers_lowercase_organisation_noun_names_the_one_so_named(
    backend: SpacyBackend,
) -> None:
    """Issue 10: "a ministry spokesman" speaks for the one ministry the document names;
    with two ministries named, for nobody."""
    quote = "``The ferry is safe and will sail on Friday,'' a ministry spokesman said."
    one = "In Valmont, the Ministry of Transport said Tuesday that the ferry was inspected. "
    two = "The Ministry of Transport and the Ministry of Fisheries met on Monday. "
    assert speakers(backend, one + quote)[-1][1] == "Ministry of Transport"
    assert speakers(backend, two + quote)[-1][1] is None


def test_speakers_next_sentence_with_its_own_object_is_no_cue(backend: SpacyBackend) -> None:
    """Issue 10: "Norland accused Vessia of ..." after a quote that ends its sentence says
    something of its own; it does not make Norland the quote's speaker (a short "Valakis
    said." or "she told reporters." would)."""
    text = (
        "``Sources of tension are being created in our region,'' government spokesman "
        "Petros Valakis said. ``We will have to deal with these sources from their birth.'' "
        "Norland accused Vessia of undermining the whole region's stability."
    )
    assert [s for _, s in speakers(backend, text)] == ["Petros Valakis", "Petros Valakis"]


def test_speakers_next_sentence_told_reporters_is_a_cue(backend: SpacyBackend) -> None:
    text = (
        "The harbour will stay closed. ``We will reopen it when the bridge is safe.'' "
        "Ina Solberg told reporters."
    )
    assert speakers(backend, text)[-1][1] == "Ina Solberg"


def test_speakers_the_official_is_a_person_not_the_country(backend: SpacyBackend) -> None:
    """Issue 10: "the official" after "a Norland official" is an unnamed person, never the
    country named in front of the first mention."""
    text = (
        "After touring the new terminal on Monday, a Norland official said more work was "
        "needed. “It may open in the spring, but we are not confirming a date,” said the "
        "official, who spoke on condition of anonymity."
    )
    assert [s for _, s in speakers(backend, text)] == [None]


def test_speakers_friends_of_a_person_are_not_that_person(backend: SpacyBackend) -> None:
    """Issue 10: what "friends of X" say is not X's: the name inside the subject's "of"
    phrase is not the speaker."""
    text = (
        "Police named the victim as Maren Solvik.\n"
        "Two friends of Maren Solvik, known as Mara, have described her as “a bright and "
        "generous student.”"
    )
    assert [s for _, s in speakers(backend, text)] == [None]


def test_speakers_quoted_as_saying(backend: SpacyBackend) -> None:
    """Issue 10: "he was quoted as saying by Y": the one quoted spoke."""
    text = (
        "Governor Ivo Petrak said the floods were a blow to the region. “I am ready to "
        "answer to my people for what happened,” he was quoted as saying by the Valmont "
        "Courier."
    )
    assert [s for _, s in speakers(backend, text)] == ["Ivo Petrak"]


def test_speakers_spokesman_for_an_organisation(backend: SpacyBackend) -> None:
    """Issue 10: "a spokesman for X" speaks for X, even when the model tags X as no
    entity."""
    text = (
        "A fire broke out at the Tessel store on Monday.\n"
        'A spokesman for Brackmoor said: "No one has been hurt and we are grateful to the '
        'fire service for its quick help."'
    )
    assert [s for _, s in speakers(backend, text)] == ["Brackmoor"]


def test_speakers_nearest_cue_whose_subject_names_nobody(backend: SpacyBackend) -> None:
    """Issue 10: a quote under a cue of its own whose subject is an unnamed person ("one
    agent who boasts '...'") is not the words of the person whose cue is further out."""
    text = (
        "Board member Arno Velde, a retired judge, said there is one agent who boasts "
        "“that no city has ever won the games without his help.”"
    )
    assert [s for _, s in speakers(backend, text)] == [None]


def test_speakers_denied_word_is_not_the_deniers(backend: SpacyBackend) -> None:
    """Issue 10: a quoted word in what is denied ("X denied that he 'muzzled' Y") is the
    accuser's, not the denier's: no speaker, and the quote is kept."""
    text = (
        "Council leader Hana Kestrel denied that she “muzzled” Arno Velde, as the retired "
        "judge had claimed."
    )
    assert speakers(backend, text) == [("muzzled", None)]


def test_speakers_pronoun_after_an_unnamed_speaker_names_nobody(backend: SpacyBackend) -> None:
    """Issue 10: "he said" right after an unnamed person spoke ("a Norland official ...
    said the official") is that person, named nobody: not a person named in passing."""
    text = (
        "After touring the new terminal on Monday, a Norland official said more work was "
        "needed before it was ready for Governor Ivo Petrak. “It may open in the spring, "
        "but we are not confirming a date,” said the official, who spoke on condition of "
        "anonymity. “When you open a terminal, you move a great deal of equipment,” he said."
    )
    assert [s for _, s in speakers(backend, text)] == [None, None]


def test_speakers_pronoun_after_a_description_of_a_named_person(backend: SpacyBackend) -> None:
    """A definite description no "a ..." brought in ("the party's nominee") may stand for a
    person named before: "he" after it still looks back for that person."""
    text = (
        "Governor Ivo Petrak said on Friday that he has big plans for the final month of "
        "the campaign.\nThe party's nominee noted that his campaign had spent little so far."
        "\n“We have some big plans for the final month,” he said."
    )
    assert [s for _, s in speakers(backend, text)] == ["Ivo Petrak"]


def test_speakers_signature_after_a_no_break_space(backend: SpacyBackend) -> None:
    """Issue 10: a pull-quote signed with a no-break space after the dash ("―\\xa0Name")
    gives the quote its signer, not the previous quote's."""
    text = (
        "“The new bridge toll is far too high for people who cross it twice a day.” "
        "―\xa0Orla Brenning\n"
        "“I am glad someone finally fixed the potholes on the old road.” ―\xa0Tibor Kasza\n"
    )
    assert [s for _, s in speakers(backend, text)] == ["Orla Brenning", "Tibor Kasza"]


def test_speakers_pronoun_skips_a_person_in_a_relative_clause(backend: SpacyBackend) -> None:
    """Issue 10: a woman's words are not given to her late father, named in a relative
    clause about her ("X, whose late father Y designed it"): the passage is about her."""
    text = (
        "The crowd on the bank cheered for Lena Ostrova, whose late father Karl Ostrova "
        "designed the bridge in 1962.\n"
        "“He would have been heartbroken to see this,” she said."
    )
    assert [s for _, s in speakers(backend, text)] == ["Lena Ostrova"]


def test_speakers_quote_closed_on_the_next_line(backend: SpacyBackend) -> None:
    """Issue 10: in a text written one sentence per line, a quote opened on one line and
    closed on the next without a new opening mark is one quote over both lines, and both
    take the cue after its closing mark."""
    text = (
        "Referee Sam Willard stopped the fight in the sixth round.\n"
        '"Tomas Brecker was not easy to box.\n'
        'I am satisfied with the win, " Ivo Petrak said.\n'
        "Petrak improved his record to 40 wins."
    )
    assert speakers(backend, text) == [
        ("Tomas Brecker was not easy to box.", "Ivo Petrak"),
        ("I am satisfied with the win", "Ivo Petrak"),
    ]


def test_speakers_quote_over_paragraphs_takes_the_speaker_named_at_its_end(
    backend: SpacyBackend,
) -> None:
    """Issue 10: the first paragraph of a quote running over two paragraphs takes the
    speaker its last paragraph names, not the subject of the paragraph before it."""
    text = (
        "Governor Hana Kestrel spoke to the farmers on Monday.\n\n"
        '"The dams will be built on time and within the budget we set last year.\n\n'
        '"Nobody in this valley will lose a field to the water," said Ivo Petrak, the '
        "chief engineer."
    )
    assert [s for _, s in speakers(backend, text)] == ["Ivo Petrak", "Ivo Petrak"]


def test_speakers_quote_over_lines_with_an_unnamed_source(backend: SpacyBackend) -> None:
    """A quote over two lines whose cue names nobody ("a source told the Courier") has no
    speaker on either line, not the person of the line before it."""
    text = (
        "Tomas Brecker said he had seen the report.\n"
        '"The ferry never left the harbour on Tuesday.\n'
        'The crew stayed ashore all day, " a source told the Courier.'
    )
    assert [s for _, s in speakers(backend, text)] == [None, None]


def test_speakers_transcript_line_names_the_person_or_nobody(backend: SpacyBackend) -> None:
    """Issue 10: a transcript line 'Surname: "..."' (a live blog's exchange) is the person
    named in full elsewhere with that surname; a label that is no person of the text (a
    program answering back) names nobody, not the speaker of the line above."""
    text = (
        "Kestrel Labs showed its new voice assistant at its developer day in Orsk.\n"
        "Vice president Ilona Varga put the first question to the assistant, called Tully.\n"
        'Varga: "What will the weather be like in Orsk tomorrow?"\n'
        'Tully: "Light rain is expected in Orsk until noon."\n'
    )
    assert [s for _, s in speakers(backend, text)] == ["Ilona Varga", None]


def test_speakers_letter_speaks_for_its_writer(backend: SpacyBackend) -> None:
    """Issue 10: a letter that speaks is its writer's: "the letter read" after "X wrote a
    letter", and "X's letter continued"."""
    text = (
        "The head teacher of Orsk Grammar School, Ilona Varga, wrote a letter to parents "
        "on Friday.\n"
        '"The new wing will open in the spring, and every class will move into it," the '
        "letter read.\n"
        '"We thank every family for its patience during the building work," Varga\'s letter '
        "continued.\n"
    )
    assert [s for _, s in speakers(backend, text)] == ["Ilona Varga", "Ilona Varga"]


def test_speakers_state_body_by_its_nationality(backend: SpacyBackend) -> None:
    """Issue 10: a body of a state written as a nationality and a lowercase noun ("the
    Danish navy said", "a statement from the Chilean government") speaks under that name."""
    text = (
        "A patrol boat stopped the trawler Kestrel Star off the coast of Orsk on Sunday.\n"
        'The Danish navy said it had found "a large cache of rifles and ammunition" in the '
        "hold.\n"
        "The boat was searched on Monday, according to a statement from the Chilean "
        "government.\n"
        'The crew would be "handed over to the port authorities in the morning," the '
        "statement said.\n"
    )
    assert [s for _, s in speakers(backend, text)] == ["Danish navy", "Chilean government"]


def test_speakers_verb_of_an_act_after_a_quote_is_no_cue(backend: SpacyBackend) -> None:
    """Issue 10: a reporting verb with an infinitive of its own after a quote ('"...," by
    agreeing to accept the rota') tells of an act, not the words: it is not the quote's
    cue (where the parse gives it no subject, it left the quote without a speaker); the
    quote keeps the cue of the quote before it in its sentence."""
    text = (
        "The welders of the Orsk shipyard met on Tuesday.\n"
        "The Kestrel Welders Union accused the yard board of having ``given up on the "
        "welders'' and having become ``the puppets of the owners,'' by agreeing to accept "
        "the new shift rota."
    )
    found = extract_quotes(Document(id="t", text=text), backend(text))
    assert [q.cue for q in found if q.direct] == ["accused", "accused"]


def test_speakers_the_navy_is_the_one_state_body_named_so(backend: SpacyBackend) -> None:
    """Issue 10: "the navy" and "Norway's navy" are the one body of a state the text
    names with that noun by its nationality ("the Norwegian navy"), wherever it does."""
    text = (
        "A patrol boat stopped the trawler Kestrel Star off the coast of Orsk on Sunday.\n"
        'The navy said in a statement that it had found "a large cache of rifles" on board.\n'
        "The Norwegian navy said the crew of nine had been taken to Orsk.\n"
        'Norway\'s navy said the trawler would be "towed to the harbour at first light."\n'
    )
    found = [s for _, s in speakers(backend, text)]
    assert found == ["Norwegian navy", "Norwegian navy"]


def test_speakers_any_verb_after_a_quote_closed_on_its_comma(backend: SpacyBackend) -> None:
    """Issue 10: a quote closed on its comma and followed by a subject and a verb that is
    no reporting verb ('"...," the Valmont Courier teased on its website', '"...," Ana Ruiz
    smiled') is that subject's: the layout attributes it; not a verb with an object of its
    own after it."""
    lede = "The channel will name its new quiz host on Friday.\nViewers have waited since March.\n"
    quote = '"The wait is almost over and the studio lights are already on," '
    for tail, speaker in [
        ("the Valmont Courier teased on its website.", "Valmont Courier"),
        ("Ana Ruiz smiled.", "Ana Ruiz"),
        ("Ana Ruiz opened the envelope on the stage.", None),
    ]:
        assert [s for _, s in speakers(backend, lede + quote + tail)] == [speaker]
