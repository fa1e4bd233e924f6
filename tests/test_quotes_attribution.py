"""Speaker attribution rules that read the parse around a quote: one test per rule, on
fictional text.

The texts name fictional people, organisations and outlets only. Each test parses with the
real spaCy model (the session's `backend`, parses cached) and asserts the exact speakers.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import extract_quotes
from newsdesk.model import Document


def speakers(backend: SpacyBackend, text: str) -> dict[str, str | None]:
    """Quote text → speaker, for every direct quote of ``text``."""
    found = extract_quotes(Document(id="t", text=text), backend(text))
    return {q.text: q.speaker for q in found if q.direct}


def test_quotes_dash_parsed_as_subject_leaves_the_agent_the_speaker(
    backend: SpacyBackend,
) -> None:
    """A dash written "_" that the parse takes for a subject is no subject: "described as
    '...' by port officials" stays the unnamed officials' word, not the outer speaker's."""
    text = (
        "Harbour master Ilse Brandt said the new levy _ described as ``a fair share'' by "
        "port officials _ amounted to a ``tax on sailors.''"
    )
    found = speakers(backend, text)
    assert found["a fair share"] is None
    assert found["tax on sailors."] == "Ilse Brandt"


def test_quotes_spokesman_named_in_apposition_even_when_tagged_otherwise(
    backend: SpacyBackend,
) -> None:
    """ "An FRU spokesman, Lindiwe Mabaso, said": the person the resolver finds in the
    apposition speaks, not the organisation, though the parse tagged the name ORG."""
    text = (
        "Kitwe Ferry Union leaders met on Monday. An FRU spokesman, Lindiwe Mabaso, said he "
        "believed the letter referred to an earlier draft ``sent to us without any of the "
        "figures we asked for.'' Port officials could not be reached. Minister Ana Ruiz was "
        "in Lisbon."
    )
    found = speakers(backend, text)
    assert found["sent to us without any of the figures we asked for."] == "Lindiwe Mabaso"


def test_quotes_possessive_in_a_clause_about_the_person_tells_their_gender(
    backend: SpacyBackend,
) -> None:
    """ "expected Voss to be back at his parents' house": "his" is Voss's (the clause is
    about him), so a later "she" is his sister, not Voss."""
    text = (
        "The crew of the trawler were missing for two days. ``He was just starting out at "
        "sea,'' Kellan Voss's sister Mirela, 24, said Thursday. ``He loved the boats.'' The "
        "family had expected 19-year-old Voss to be back at his parents' house in Port "
        "Tessel by the weekend. ``Everything was going well, everyone was hopeful'' that the "
        "crew would be found, she told the Valmont Courier."
    )
    found = speakers(backend, text)
    assert found["Everything was going well, everyone was hopeful"] == "Mirela"


def test_quotes_participle_after_opening_preposition_takes_the_main_subject(
    backend: SpacyBackend,
) -> None:
    """ "After telling the Courier ... '...', Petra Lund set off": the participle's implied
    subject is the subject of the clause its phrase opens."""
    text = (
        'After telling the Courier in May that she would "never sail alone again," Petra '
        "Lund set off on Friday for a solo crossing of the bay."
    )
    assert speakers(backend, text) == {"never sail alone again": "Petra Lund"}


def test_quotes_participle_phrase_inside_the_sentence_keeps_the_named_opener(
    backend: SpacyBackend,
) -> None:
    """ "Senator Elka Varga, despite admitting ... '...', the families ...": a subject the
    parse found after a phrase inside the sentence is not the participle's; the person
    the sentence opens with is."""
    text = (
        'Senator Elka Varga, despite admitting that she had worries about "farmers trying '
        'to get rich" and other "local matters," the families "do deserve their hearing" '
        "and she does believe the bill will pass."
    )
    assert speakers(backend, text)["farmers trying to get rich"] == "Elka Varga"


def test_quotes_statement_by_an_organisation_and_the_statement_later(
    backend: SpacyBackend,
) -> None:
    """ "a statement by the 12 League countries said": the League speaks; "the statement
    added" is the one statement the text gave an owner."""
    text = (
        "KESTREL, Norland (Valmont Wire) - The Northern League on Friday voiced concern over "
        "the detention of the former harbour minister. ``The League urges the authorities to "
        "ensure that the minister is treated fairly while in custody,'' a statement by the "
        "12 League countries said. The League ``hopes that action will be taken against any "
        "officials found responsible for such mistreatment,'' the statement added."
    )
    assert set(speakers(backend, text).values()) == {"Northern League"}


def test_quotes_broadcaster_named_before_its_medium_speaks(backend: SpacyBackend) -> None:
    """ "Tessel Broadcasting Corp. radio said": the broadcaster is the speaker."""
    text = (
        "Tessel Broadcasting Corp. radio said it had been sent a ``draft report'' which "
        "blames the port authority for the collapse of the pier."
    )
    assert speakers(backend, text) == {"draft report": "Tessel Broadcasting Corp."}


def test_quotes_nationality_of_a_newspaper_is_no_speaker(backend: SpacyBackend) -> None:
    """ "a Norlandic newspaper reported": a nationality does not own the newspaper."""
    text = (
        "Mayor Ilse Brandt finds the new bridge toll ``unfair'' because of its cost to "
        "commuters, a Norlandic newspaper reported Sunday."
    )
    assert "Norlandic" not in speakers(backend, text).values()


def test_quotes_document_filed_by_a_person_is_theirs(backend: SpacyBackend) -> None:
    """ "according to a court document filed by state attorney Miriam Okafor": she speaks,
    not a court the text names."""
    text = (
        "The harbour master will not be charged. “Although there was cause to make an "
        "arrest, the evidence cannot prove all the elements of the offence and is "
        "insufficient to support a prosecution,” according to a court document filed by "
        "state attorney Miriam Okafor."
    )
    assert list(speakers(backend, text).values()) == ["Miriam Okafor"]


def test_quotes_outlet_quoting_sources_as_saying_is_not_the_speaker(
    backend: SpacyBackend,
) -> None:
    """ "The Valmont Courier quoted sources as saying": the unnamed sources spoke, not the
    newspaper."""
    text = (
        "The Valmont Courier quoted sources as saying that Tomas Varga was ``furious'' that "
        "only 12 of the 40 councillors declared their support for him."
    )
    assert "Valmont Courier" not in speakers(backend, text).values()


def test_quotes_the_commission_is_the_one_commission_named_and_the_agency_relays(
    backend: SpacyBackend,
) -> None:
    """ "the commission also said ... '...', the Valmont Press Agency said": "the
    commission" is the one organisation named with that last word (a shorter form of its
    name is the same one); its cue is nearer the quote, the agency a relay."""
    text = (
        "The Kestrel Harbour Commission will publish its final report on Thursday. News "
        "reports said the Kestrel Commission would blame the port owners. But in draft "
        "findings sent to the unions last month, the commission also said the two unions "
        "were ``jointly responsible'' for the delays, the Valmont Press Agency said."
    )
    doc = Document(id="t", text=text)
    [quote] = [q for q in extract_quotes(doc, backend(text)) if q.direct]
    assert quote.speaker == "Kestrel Harbour Commission"
    assert quote.via == ("Valmont Press Agency",)


def test_quotes_unread_tail_after_a_quote_keeps_the_paragraph_above_out(
    backend: SpacyBackend,
) -> None:
    """'"...," the records state.': the sentence goes on after the quote with an
    attribution no cue reads; the person of the paragraph above did not say it."""
    text = (
        "In 2019, Tomas Varga was charged with stealing a boat from his cousin, Ilka.\n\n"
        "Varga ran into Ilka and his uncle a few days later and he attacked his cousin, "
        "according to court records.\n\n"
        '"The defendant became violent and began to push the victim against the harbour '
        'wall," the records state.'
    )
    assert set(speakers(backend, text).values()) == {None}


def test_quotes_the_one_person_a_quote_tail_names_speaks(backend: SpacyBackend) -> None:
    """'"..." from the ferries to the roads, in Brandt's view.': the tail names him."""
    text = (
        "Senator Ivo Brandt said he would advise the council on the harbour budget.\n\n"
        'He expects the biggest problem for the new mayor to be "the debts the old council '
        'is going to leave."\n\n'
        '"This is not a case where there are one or two things you can fix - it is a '
        "failure across the board\" from the ferries to the roads, in Brandt's view."
    )
    found = speakers(backend, text)
    assert (
        found[
            "This is not a case where there are one or two things you can fix - it "
            "is a failure across the board"
        ]
        == "Ivo Brandt"
    )


def test_quotes_lede_description_named_in_the_next_sentence(backend: SpacyBackend) -> None:
    """Cataphora: "The senior harbour official who ... said he had been '...'" is the
    person first named as the next sentence's speaker."""
    text = (
        "The senior harbour official who raised the alarm about the pier said Sunday he had "
        "been ``silenced'' by the board chairman and might be dismissed. Ivo Brandt, the "
        "Norlandic member of the harbour board, said the chairman had ordered him to keep "
        "quiet. He said he was told not to appear at a routine news conference."
    )
    assert speakers(backend, text) == {"silenced": "Ivo Brandt"}


def test_quotes_relative_named_as_the_next_speaker(backend: SpacyBackend) -> None:
    """Cataphora: "The victim's nephew said ... '...'" then '"...," said Tomas Varga': the
    nephew is the person named first as a speaker right after."""
    text = (
        "Police say a 60-year-old man died after being struck by a van in Kestrel on Friday "
        "night.\nOtto Lind was hit by a grey van near the harbour.\nThe victim's nephew said "
        'he had just left a shop when the van "came out of nowhere" and hit him.\n"His head '
        'hit the windscreen, and the windscreen broke," said Tomas Varga.\n'
    )
    assert speakers(backend, text)["came out of nowhere"] == "Tomas Varga"


def test_quotes_non_relative_description_is_not_named_later(backend: SpacyBackend) -> None:
    """ "Varga's lawyer has said ..." is not whoever speaks next ("Councillor Ana Ruiz
    said"): outside the lede, only a relative is named that way."""
    text = (
        "The council voted to hold Tomas Varga in contempt.\n"
        'Varga\'s lawyer has said he will "refuse to answer any questions" from the panel.\n'
        "Councillor Ana Ruiz said that claim smacked of hypocrisy.\n"
    )
    assert speakers(backend, text) == {"refuse to answer any questions": None}


def test_quotes_one_word_marked_before_its_noun_is_no_speech(backend: SpacyBackend) -> None:
    """A single word in quote marks that describes the noun after it ("in a ``clear''
    mind") is the writer's mark, even under a cue that names a speaker; a quoted phrase
    someone calls a thing stays speech."""
    text = (
        "The ferry's mate, Anton Lind, was in a ``clear'' mind Monday, testifying to "
        "investigators, the Tessel Wire news agency reported. Mayor Ilse Brandt called the "
        "crossing a ``disgrace to the harbour.''"
    )
    found = speakers(backend, text)
    assert "clear" not in found
    assert found["disgrace to the harbour."] == "Ilse Brandt"


def test_quotes_newspaper_relaying_is_no_unnamed_person(backend: SpacyBackend) -> None:
    """ "the newspaper reported" after a quote a named person's verb governs: a paper is no
    unnamed person (its word only ends like "driver"), so the coach keeps his words."""
    text = (
        "Coach Ivo Brandt said recalling Tomas Lind would help the side, the Varna Sports "
        "Daily said. Brandt also said that Lind, who plays in Tessel, ``very possibly could "
        "become an extremely important player in the national team,'' the newspaper reported."
    )
    quote = "very possibly could become an extremely important player in the national team"
    assert speakers(backend, text) == {quote: "Ivo Brandt"}


def test_quotes_sentence_capital_the_is_no_part_of_an_organisation(
    backend: SpacyBackend,
) -> None:
    """ "The Kestrel Harbour Board said in a statement": the board is the "Kestrel Harbour
    Board", as the document writes it elsewhere; the capital "The" only opens the
    sentence."""
    text = (
        "Kestrel Harbour Board chief Ana Ruiz was in Varna on Monday. "
        "The Kestrel Harbour Board said in a statement that the levy would rise. ``The new "
        "levy will be seen as a fair share of the cost of the harbour works,'' the statement "
        "said."
    )
    found = speakers(backend, text)
    assert found == {
        "The new levy will be seen as a fair share of the cost of the harbour works": (
            "Kestrel Harbour Board"
        )
    }


def test_quotes_name_hung_on_the_subjects_prepositional_object(backend: SpacyBackend) -> None:
    """ "An economist at Kestrel Savings Bank, Ilse Brandt, said": the parse hangs the name
    on the bank, but a bank has no person's name beside it; the economist is Ilse Brandt,
    and "she" after it is her."""
    text = (
        "Rates fell on Monday. An economist at Kestrel Savings Bank, Ilse Brandt, said the cut "
        "was timely. ``We are clearly headed for a slowdown,'' she said."
    )
    assert speakers(backend, text) == {"We are clearly headed for a slowdown": "Ilse Brandt"}


def test_quotes_person_named_after_the_quote_without_a_verb(backend: SpacyBackend) -> None:
    """ "'...,' Tomas Varga, a strategist with Kestrel Bank." (the reporting verb left out):
    the person named right after the quote's comma, in a sentence with no verb of its
    own, spoke."""
    text = (
        "Markets rose on Tuesday. ``I think further cuts will be needed next year, maybe "
        "down to 2 percent,'' Tomas Varga, senior Tessel-based strategist with Kestrel Bank. "
        "Mayor Ilse Brandt was in Varna."
    )
    found = speakers(backend, text)
    assert found == {
        "I think further cuts will be needed next year, maybe down to 2 percent": "Tomas Varga"
    }


def test_quotes_letter_sent_saying_is_the_senders(backend: SpacyBackend) -> None:
    """ "Minister Ana Ruiz said North Kestria sent a letter to the board last week, saying
    that '...'": the participle hangs on "sent", whose object is a letter; the sender said
    the words and the minister relays them."""
    text = (
        "On Thursday, Unification Minister Ana Ruiz said North Kestria sent a letter to the "
        "Varna Shipping Board last week, saying that ``the misunderstanding over the ferry "
        "has been cleared.''"
    )
    found = speakers(backend, text)
    assert found == {"the misunderstanding over the ferry has been cleared.": "North Kestria"}


def test_quotes_capital_he_inside_a_sentence_is_the_person_called_he(
    backend: SpacyBackend,
) -> None:
    """ "Asked about the talks, He said": a capitalised "He" inside a sentence, when the
    document names one person with the family name He, is that person, not the pronoun
    (which would be Ivo Brandt, the subject before)."""
    text = (
        "Port chief Ivo Brandt met Kestrian Vice Foreign Minister He Lianfei in Varna on "
        "Monday. Asked about the ferry talks, He said ``we will open two new routes before "
        "the summer season.''"
    )
    found = speakers(backend, text)
    assert found == {"we will open two new routes before the summer season.": "He Lianfei"}


def test_quotes_the_newspaper_is_the_one_outlet_named_with_a_medium_word(
    backend: SpacyBackend,
) -> None:
    """ "the newspaper said" after "the Varna Sports Daily said": a daily is a newspaper,
    and it is the one organisation named with a word for a medium, so it speaks."""
    text = (
        "Coach Ivo Brandt said recalling Tomas Lind would help the side, the Varna Sports "
        "Daily said. Lind, who has not played since his move to Tessel, also ``is very "
        "willing to come back,'' the newspaper said."
    )
    assert speakers(backend, text) == {"is very willing to come back": "Varna Sports Daily"}


def test_quotes_name_ending_posts_joined_by_and_is_the_subject(backend: SpacyBackend) -> None:
    """ "actress and former travel reporter Ana Ruiz checked in": the parse joins the name
    to "actress" with "and", but the first post has no determiner of its own, so one
    person holds both; after "After telling ... that she didn't '...'", she spoke."""
    text = (
        "After telling the Varna Courier in May that she didn't \"need to do any of that "
        'anymore," "Harbour Lights" actress and former travel reporter Ana Ruiz checked '
        "into a clinic in Tessel on Friday."
    )
    assert speakers(backend, text) == {"need to do any of that anymore": "Ana Ruiz"}


def test_a_monsignor_is_a_man_whatever_the_pronouns_near_his_name(backend: SpacyBackend) -> None:
    """ "Msgr." is a title (one token, no sentence end) that tells a man: "she" in his cue's
    sentence, about the woman he praised, made him a woman, and the next "he said" went
    to a pope named in passing the line before."""
    text = (
        "The clinic was founded by Dr. Ada Renn in 1990.\n"
        "The award she won was created by Pope Leo XIV in 1920.\n"
        '"He praised her work," Msgr. Tomas Vale said, noting the care she has given.\n'
        'He said the doctor had made a "firm choice" to stay in Dunmore.'
    )
    found = speakers(backend, text)
    assert found["He praised her work"] == "Tomas Vale"
    assert found["firm choice"] == "Tomas Vale"
