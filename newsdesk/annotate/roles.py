"""Roles of a name from the parse: the title phrase before it and descriptions in apposition.

- *titles*: the capitalised or lowercase title phrase that ends right before a name
  ("Deputy Chief of the Naval Staff Adm.", "North Korean envoy", "Valmont Mayor", "Hall
  of Fame coach"), without honorifics, its closing rank abbreviation apart ("Adm."), and
  without the words of another phrase the parse shows ("In a Monday statement President
  X", "the last time X played");
- *appositions*: "Henrik Maalstad, the ferry's captain," and "The ferry's captain, Henrik
  Maalstad", cut before a relative clause, a comma, a quote or a bracket;
- *in passing*: a person introduced as another's relative ("His wife, Marit Maalstad"),
  whom the passage is not about (`in_passing`: entities and quotes both ask);
- *a person's description*: one that says what a person is (`describes_person`, headed by
  a noun for people: `person_noun`, or a noun the parse joins to the name: "rookie Ivo
  Brandt"), not a thing the parse set beside a name ("an account by his brother, Ivo
  Brandt").

All ranges are token ranges of the parse.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsdesk.annotate.kinds import of_a_person
from newsdesk.annotate.names import (
    JOINERS,
    STATE_WORDS,
    glued,
    is_abbrev_title,
    is_honorific,
    is_title,
    plain_word,
)
from newsdesk.lang.en.people import RELATIONAL_NOUNS, names_people
from newsdesk.lang.en.speech import MEDIUM_NOUNS, SELF_NOUNS
from newsdesk.lang.en.titles import ABBREVIATIONS, TITLE_MODIFIERS, TITLE_WORDS

Ranges = list[tuple[int, int]]  # token (or character) ranges
THING_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def title_before(parsed: SpacyDoc, start: int) -> Ranges:
    """Token ranges of the titles before a name: ("Deputy Chief of the Naval Staff", "Adm.").
    None when a joiner stands right before the name: "lawyer for Ivo Brandt" is the title
    of someone else, of whom Brandt is the complement."""
    if start and parsed[start - 1].lower_ in JOINERS and parsed[start - 1].is_lower:
        return []
    first, i = start, start - 1
    while i >= 0:
        tok = parsed[i]
        # "Foreign Minister", "First Vice Premier": a capitalised qualifier of the title
        modifier = i + 1 == first < start and tok.text[0].isupper()
        modifier = modifier and plain_word(tok) in TITLE_MODIFIERS
        if tok.is_space or "\n" in tok.whitespace_:
            break
        if tok.ent_type_ in NUMERIC_LABELS and not modifier:
            break
        if modifier or (
            is_title(tok) and (tok.text[0].isupper() or plain_word(tok) in TITLE_WORDS)
        ):
            first = i
        elif tok.is_lower and tok.pos_ in {"ADJ", "NOUN", "PROPN"} and i + 1 == first:
            first = i if tok.lower_ not in STATE_WORDS else first
        elif i + 1 == first < start and tok.ent_type_ in {"NORP", "GPE", "ORG"}:
            first = i  # "North Korean envoy", "Valmont Mayor"
        elif i + 1 == first < start and _qualifies(tok, first):
            first = i  # "Race spokesman", "Harbour Board chairman", "Speaker-elect"
        elif (
            i + 1 == first == start
            and tok.text[0].isupper()
            and not tok.is_stop
            and person_noun(tok, True)
        ):
            first = i  # "Actor Ivo Brandt", "Controller Ana Vale"
        elif not ((tok.is_alpha and tok.text[0].isupper()) or tok.lower_ in JOINERS):
            break
        # a title the model took into a name ("Brooklyn Councilman") does not stop it,
        # unless a joiner leads on to another title ("spokesman for the Lady Vale")
        joined = i > 0 and parsed[i - 1].lower_ in JOINERS
        if tok.is_sent_start or (tok.ent_type_ == "PERSON" and (not is_title(tok) or joined)):
            break
        i -= 1
    while first < start and (parsed[first].lower_ in JOINERS or is_honorific(parsed[first])):
        first += 1
    if first < start:  # "Colts coach" where the parse hung "Colts" on the title otherwise
        edge = parsed[first].left_edge.i
        words = parsed[edge:first]
        if all(_qualifier_word(t) for t in words) and "\n" not in words.text_with_ws:
            first = edge
        first = _of_a_name_before(parsed, first)
    return _split_ranks(parsed, _attached_from(parsed, first, start), start)


def _of_a_name_before(parsed: SpacyDoc, first: int) -> int:
    """Where a title opening with a capitalised qualifier starts when a name with "of"
    leads it: "Hall of Fame coach" (not "Fame coach"); not a title or a nationality after
    "of" ("the Government of Prime Minister Ivo Vale", "the detention in Valmont of
    Norlandic rebel leader Ivo Vale"), nor a place before it."""
    while (
        first >= 2
        and parsed[first - 1].lower_ == "of"
        and parsed[first].text[0].isupper()
        and _qualifier_word(parsed[first])
        and not is_title(parsed[first])
        and parsed[first].ent_type_ not in {"NORP", "GPE"}
        and _qualifier_word(parsed[first - 2])
        and parsed[first - 2].ent_type_ != "GPE"
        and "\n" not in parsed[first - 2 : first].text_with_ws
    ):
        first -= 2
    return first


# what a noun of a phrase of its own stands as: an object, a subject, an adverb
ARGUMENT_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "npadvmod", "attr", "dative"})
LONGEST_NAME = 6  # proper nouns read as the name after a title


def _attached_from(parsed: SpacyDoc, first: int, start: int) -> int:
    """Where the words of a title before the name at token ``start`` may start: none a
    noun the name is the subject of a relative clause of ("the church Mayor Ana Vale
    attends", "the last time Ivo Vale played"); before its last word, no lowercase noun
    of a phrase of its own ("In a Monday statement President Ivo Vale said", "this time
    referee Ana Vale", "in the court room Judge Ana Vale": an object, a subject or an
    adverb with its own article, attached to no word after it) nor an adjective outside
    the phrase ("We are gratified Secretary Vale")."""
    end = start
    while end < len(parsed) and parsed[end].pos_ == "PROPN" and end - start < LONGEST_NAME:
        end += 1
    name = parsed[start : max(end, start + 1)].root
    last = start - 1
    while last > first and (is_honorific(parsed[last]) or parsed[last].lower_ in JOINERS):
        last -= 1
    for i in range(start - 1, first - 1, -1):
        tok = parsed[i]
        if _relative_clause_of(name, tok):
            return i + 1
        if i >= last or not tok.is_alpha or not tok.is_lower:
            continue
        if i < tok.head.i < max(end, start + 1) or tok.right_edge.i >= last:
            continue  # a modifier, or the head of the whole title ("president of ...")
        if i + 1 < len(parsed) and glued(parsed, i + 1):
            continue  # "co-author": a word written together with the next
        noun = tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in ARGUMENT_DEPS
        if (noun and _own_phrase(tok)) or (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
            return i + 1
    return first


def _own_phrase(noun: Token) -> bool:
    """Whether a noun opens a phrase of its own: an article, a possessive or a number
    of its own ("a Monday statement", "the witnesses", "this time")."""
    return any(c.dep_ in {"det", "poss", "nummod"} and c.i < noun.i for c in noun.children)


def _relative_clause_of(name: Token, noun: Token) -> bool:
    """Whether ``name`` is inside a relative clause of ``noun`` ("the church Ana Vale
    attends")."""
    for ancestor in name.ancestors:
        if ancestor.dep_ == "relcl" and ancestor.head.i == noun.i:
            return True
        if ancestor.i == noun.i:
            return False
    return False


def _qualifies(tok: Token, first: int) -> bool:
    """Whether ``tok`` qualifies the title starting at token ``first``: a capitalised word
    the parse attaches to it ("Race spokesman"), or a hyphen inside a word ("Speaker-elect",
    "centre-right leader")."""
    if tok.text == "-":
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    attached = tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i >= first
    named = tok.pos_ in {"PROPN", "NOUN", "ADJ"}  # not "Finally Homeland star"
    return tok.is_alpha and tok.text[0].isupper() and attached and named


def _qualifier_word(tok: Token) -> bool:
    """A capitalised word that may qualify a title before it: no function word, number,
    date or person's name ("Colts" of "Colts coach", not "Wednesday", "The")."""
    plain = tok.is_alpha and tok.text[0].isupper() and not tok.is_stop
    return plain and tok.ent_type_ not in NUMERIC_LABELS | {"PERSON"}


def _split_ranks(parsed: SpacyDoc, first: int, end: int) -> Ranges:
    """A title phrase without honorifics, its closing rank abbreviation apart ("Adm.")."""
    end = _without_joiners(parsed, first, end)
    if end - first > 1 and is_abbrev_title(parsed[end - 1]):
        rest = _without_joiners(parsed, first, end - 1)
        return [(first, rest), (end - 1, end)] if rest > first else [(end - 1, end)]
    return [(first, end)] if end > first else []


def _without_joiners(parsed: SpacyDoc, first: int, end: int) -> int:
    """Where a title phrase ends without the honorifics and joiners closing it: no title
    ends with "of" or "the" ("ministry" of "the ministry of the Rev. Ivo Vale")."""
    while end > first and (is_honorific(parsed[end - 1]) or parsed[end - 1].lower_ in JOINERS):
        end -= 1
    return end


def title_words(parsed: SpacyDoc, ranges: Ranges) -> set[str]:
    """Normalised title words in token ranges ("Dr." → "doctor")."""
    words = {plain_word(t) for a, b in ranges for t in parsed[a:b]}
    return {ABBREVIATIONS.get(w, w) for w in words} & (TITLE_WORDS | set(ABBREVIATIONS.values()))


def describes_person(span: SpacySpan) -> bool:
    """Whether a title or an apposition may say what a person is: a phrase headed by a
    noun ("the Democratic whip", "a retired teacher"), and, in one word, a title or a
    noun for people ("Mayor", "captain"). Not a word the parse set beside a name ("the
    tearful Ana Vale", "an account by his brother, Ivo Brandt", "the car of Ivo Brandt")
    nor a clause ("Brandt's release follows the pattern ...")."""
    if title_words(span.doc, [(span.start, span.end)]):
        return True
    root = span.root
    if root.pos_ not in {"NOUN", "PROPN"} or _of_many(root):
        return False
    if len([t for t in span if not t.is_punct]) > 1 or person_noun(root, proper=True):
        return True
    return span.end - span.start == 1 and _set_before_a_name(root)


def _set_before_a_name(noun: Token) -> bool:
    """Whether a lowercase common noun stands right before a person's name that the parse
    joins to it, as a word of the name's phrase ("quarterback" of "quarterback Ivo Vale",
    "rookie Ana Vale") or as the noun the name stands in apposition to ("the vampire
    Ivo"): a description of the person, whatever the noun (no list of nouns for people
    holds them all)."""
    doc = noun.doc
    if noun.tag_ != "NN" or not noun.text.islower() or noun.i + 1 >= len(doc):
        return False  # a plural one is a list's ("running backs Ivo Vale and Ana Lenz")
    name = doc[noun.i + 1]
    if name.ent_type_ != "PERSON" or not name.text[0].isupper():
        return False
    head = noun.head
    counted = any(c.dep_ == "nummod" for c in noun.children)  # "one reason Vale left"
    if noun.dep_ == "compound" and head.i > noun.i and head.ent_type_ == "PERSON":
        return not counted
    # in apposition, a noun with an article or a possessive of its own ("my buddy Ivo
    # Vale"), not a phrase's bare noun ("next in line Vale")
    owned = any(c.dep_ in {"det", "poss"} for c in noun.lefts)
    return owned and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.rights)


def _of_many(noun: Token) -> bool:
    """A plural noun in apposition to one name ("according to Ana Vale, the offices where
    the records were kept, burned"): no description of one person. Names joined by "and"
    share one ("Ana Vale and Ivo Brandt, engineers for Norcom")."""
    if noun.tag_ not in {"NNS", "NNPS"} or noun.dep_ != "appos":
        return False
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
        return False  # "an energy analysts with ...": one person, a slip of the pen
    name = noun.head
    return name.dep_ != "conj" and not any(c.dep_ == "conj" for c in name.children)


def person_noun(noun: Token, proper: bool = False) -> bool:
    """A common noun that names people ("friends", "the ferry's captain", "an official",
    "a jeweller": `names_people`), not a thing the parse set beside a name ("Of the body
    Ruiz said"); with ``proper``, a word the parse took for a proper noun too ("Mayor"
    opening a line). Never a medium ("newspaper", "agency"). The one test of a noun for
    people that the descriptions of names (`describes_person`, `entities`) and the
    quotes share."""
    kinds = {"NOUN", "PROPN"} if proper else {"NOUN"}
    lemma = noun.lemma_.lower()
    if lemma in MEDIUM_NOUNS | SELF_NOUNS:
        return False  # "the newspaper reported": a paper, though its word ends like "driver"
    return noun.pos_ in kinds and names_people(lemma)


def appositions(parsed: SpacyDoc, start: int, end: int) -> Ranges:
    """Token ranges of descriptions in apposition to a mention, after or before it."""
    root = parsed[start:end].root
    found: Ranges = []
    # "Ivo Brandt of Norland, the chairman ...": the chairman is Brandt, not Norland; "In
    # Valmont, a spokesman said ...", "After the death of Ivo Brandt, riots erupted": the
    # phrase opening the sentence ends at its comma, and what the parse set beside the
    # name in it is the subject the verb lacks
    sent = root.sent
    opening = (
        sent[0].pos_ == "ADP"
        and _inside_phrase(root, sent[0])
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in sent.root.children)
    )
    heads = {root, parsed[end - 1]}  # the last word too, where the parse broke the name
    children = sorted({c for h in heads for c in h.children}, key=lambda t: t.i)
    for child in [] if of_a_person(root) or opening else children:
        after = _apposition_after(parsed, root, child, end)
        if after is not None:
            found.append(after)
    before = _apposition_before(parsed, root, start)
    if before is not None:
        found.append(before)
    return [(a, b) for a, b in found if 0 < b - a <= 20]


def _apposition_after(
    parsed: SpacyDoc, name: Token, role: Token, end: int
) -> tuple[int, int] | None:
    """The token range of ``role`` when it is a description after the name ending before
    token ``end``, set off by a comma: "Ivo Brandt, Norcom's chief executive," (a name may
    open it, not be it: "Ivo Brandt, Norcom-TV,"; nor a number: "Ivo Brandt, 54,"), cut
    before a relative clause; past a phrase after the name only a noun for people is
    still the person's ("Ivo Brandt of Norland, the chairman," but not "Ivo Brandt of
    Norland, Ana Vale's home state,")."""
    if role.dep_ != "appos" or role.i < end or role.pos_ not in {"NOUN", "PROPN"}:
        return None
    if role.pos_ == "PROPN" and name.ent_type_ in THING_LABELS:
        return None  # "Ivo Brandt, Surgeon General," of a person, not of an office
    left = role.left_edge.i
    comma = left - 1  # "Ivo Lenz, himself an exile,": the apposition after "himself"
    while comma > end and parsed[comma].tag_ == "PRP":
        comma -= 1
    if left <= end or parsed[comma].text != "," or parsed[left].tag_ == "WP$":
        return None
    stop = _clause_end(parsed, role)
    named = role.ent_type_ == "PERSON" or all(
        t.ent_type_ in THING_LABELS | NUMERIC_LABELS or t.is_punct for t in parsed[left:stop]
    )
    if named or (comma > end and not person_noun(role)):
        return None
    return left, _hyphen_end(parsed, name, role, stop)


def _apposition_before(parsed: SpacyDoc, name: Token, start: int) -> tuple[int, int] | None:
    """The token range of the description a name starting at token ``start`` is set after
    by a comma: "The ferry's captain, Henrik Maalstad", "His cousin, the Rev. Ana Vale"
    (past her title), "AMD's CTO, Ivo Brandt"; the noun right before the comma when it
    names people (`_nearest_noun`)."""
    head = _nearest_noun(parsed, name.head, start)
    comma = start - 1
    while comma > 0 and (is_title(parsed[comma]) or parsed[comma].lower_ == "the"):
        comma -= 1
    if name.dep_ != "appos" or head.i >= comma or parsed[comma].text != ",":
        return None
    titled = person_noun(head, True) or bool(title_words(parsed, [(head.i, head.i + 1)]))
    noun = head.pos_ in {"NOUN", "PROPN"} and not head.ent_type_
    noun = noun and (head.pos_ == "NOUN" or titled)  # "AMD's CTO", not "Port-au-Prince"
    edge = head.left_edge
    return (edge.i, comma) if noun and edge.tag_ != "WP$" else None


def _inside_phrase(name: Token, prep: Token) -> bool:
    """Whether ``name`` is inside the phrase of ``prep`` by objects and modifiers only ("In
    the week after the death of Ivo Brandt"), not set beside its object ("In Valmont,
    Ivo Brandt, the mayor, said": a conjunct or an apposition of "Valmont")."""
    tok = name
    while tok.i != prep.i:
        if tok.dep_ not in {"pobj", "prep", "compound", "amod", "poss", "nmod"} or tok.head is tok:
            return False
        tok = tok.head
    return True


def _nearest_noun(parsed: SpacyDoc, head: Token, start: int) -> Token:
    """The noun a name before it is in apposition to: the one right before the comma
    ("its founder" of "the company and the practices of its founder, Ivo Brandt"), where
    the parse set the name beside a noun further back, the head of a phrase holding it."""
    if start < 2:
        return head
    near = parsed[start - 2]
    inside = head.left_edge.i <= near.i <= head.right_edge.i
    people = near.pos_ == "NOUN" and person_noun(near)  # not "agency" of "the head of the agency"
    return near if people and near.i != head.i and inside else head


def _hyphen_end(parsed: SpacyDoc, name: Token, role: Token, end: int) -> int:
    """Where an apposition ending at ``end`` (`_clause_end`) ends with the appositions the
    parse split off one hyphenated word ("co", "-", "producer of X" of "a co-producer of
    X")."""
    for sibling in name.children:
        if sibling.dep_ != "appos" or sibling.i <= role.i or end >= len(parsed):
            continue
        if glued(parsed, end) and sibling.left_edge.i == end + 1:
            end = _clause_end(parsed, sibling)
    return end


def _clause_end(parsed: SpacyDoc, head: Token) -> int:
    """Where an apposition ends: before a relative clause, a comma, a quote or a bracket."""
    end = head.right_edge.i + 1
    for tok in parsed[head.i + 1 : end]:
        if tok.dep_ in {"relcl", "acl"}:
            end = min(end, tok.left_edge.i)
    for i in range(head.i + 1, end):
        if parsed[i].text in {",", ";", "(", '"', "“", "”", ":"} or parsed[i].is_space:
            return i
    return end


def in_passing(name: Token, speaks: Callable[[Token], bool] = lambda verb: False) -> bool:
    """Whether the person whose name ``name`` heads is introduced as another person's
    relative, so that the passage is about the other person: "His late brother, Otto
    Brandt, founded the yard", "the yard of Otto Brandt, her brother", "Lena Ostrova,
    whose father Karl Ostrova built it". A relative who is the subject of a verb that
    ``speaks`` ("His wife, Ann Vale, said") is not in passing, nor is a subject described
    by a relation ("Otto Brandt, her brother, said")."""
    nouns = [name.head] if name.dep_ == "appos" else []
    if name.dep_ not in {"nsubj", "nsubjpass"}:
        nouns += [c for c in name.children if c.dep_ == "appos"]
    return _in_relative_clause(name) or any(
        n.lemma_.lower() in RELATIONAL_NOUNS
        and any(c.dep_ == "poss" for c in n.children)
        and not (n.dep_ == "nsubj" and speaks(n.head))
        for n in nouns
    )


def _in_relative_clause(name: Token) -> bool:
    """Whether ``name`` is inside a relative clause that describes another named person
    ("Lena Ostrova, whose father Karl Ostrova built it")."""
    for ancestor in name.ancestors:
        if ancestor.dep_ == "relcl":
            return ancestor.head.pos_ == "PROPN" and ancestor.head.ent_type_ == "PERSON"
    return False
