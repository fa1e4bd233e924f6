"""Definite descriptions as speakers: "the mayor said", "the ferry's captain said".

A description stands for the single person of the document whose roles or titles have its
head noun as their head ("Mayor Anika Brandt", "The ferry's captain, Henrik Maalstad") and
contain its modifiers ("the ferry's captain", not "the tanker's captain"), without a
qualifier it lacks ("the mayor" is not the "deputy mayor"). Of several such people, the one
of them named in the description's sentence or the two before, when only one is, is meant.
With no such person, the description may say more than the document's roles do
("Yugoslavia's prime minister" of "Prime Minister Momir Ruiz"): it stands for the one person
given a role with its head whose words all are the description's and no role with its
head that words of the description's contradict ("Russian Foreign Minister X" is not
"Yugoslavia's prime minister"), with the same qualifiers; never one of several so given.
With no such person, or several and not just one of them named so close, nobody is named:
the speaker stays unknown and the description is its role.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from newsdesk.annotate.names import without_possessive
from newsdesk.annotate.quotes.context import Context, Speaker
from newsdesk.lang.en.people import names_people
from newsdesk.lang.en.places import COUNTRIES
from newsdesk.lang.en.titles import ABBREVIATIONS, ROLE_QUALIFIERS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# where the head of a role ends: "a professor | of maritime law", "the surgeon | who ..."
_ROLE_END = re.compile(
    r"[,;(]|\s(?:of|at|for|to|in|with|from|on|and|as|under|who|whose|which|that|since)\s"
)
RECENT = 2  # sentences back where the last-named of several holders of a post is meant
AHEAD = 2  # sentences after a description where the one holder of its post named is meant
# endings that make a country's adjective from its name less a final "a", "ia", "e" or
# "y" ("Chile" / "Chilean", "Yugoslavia" / "Yugoslav", "Italy" / "Italian", "Japan" /
# "Japanese", "Israel" / "Israeli")
_ADJECTIVE_ENDINGS = ("", "n", "an", "ean", "ian", "ese", "i")
_UNSPOKEN = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"})


def _words(text: str) -> set[str]:
    """Lowercase words without possessive endings or determiners."""
    found = {without_possessive(w) for w in re.findall(r"[\w’'-]+", text.lower())}
    return found - _UNSPOKEN


def _fits(role: str, head: str, words: set[str]) -> bool:
    """``role`` ("the trauma surgeon who led ...") has ``head`` as its head noun, all the
    description's ``words`` before it, and no qualifier the description lacks."""
    kept = _role_words(role)
    if not kept or _head(kept) != head:
        return False
    role_words = _as_places(_words(" ".join(kept[:-1])), words)
    return words <= role_words and role_words & ROLE_QUALIFIERS <= words


def _fits_loosely(roles: list[str], head: str, words: set[str], named: set[str]) -> bool:
    """A person's ``roles`` say less than a description with ``head`` and ``words``, and
    what they leave out is where the post is (``named``: words of proper nouns, places and
    peoples; "Yugoslavia's", "the Lebanese"): some role has the head and only words of the
    description's before it ("prime minister" for "Yugoslavia's prime minister"; not
    "president" for "the sorority's national president"), every role with the head either
    that or more (none with words of its own beside words the description has that it
    lacks: "russian foreign minister"; none saying more after its head: "a senior official
    in the ... division"), and all have the description's qualifiers exactly ("mayor" is
    not "the former mayor")."""
    found = [role for role in roles if _head(_role_words(role)) == head]
    if not found:
        return False
    for role in found:
        kept = _role_words(role)
        if " ".join(kept) != " ".join(role.lower().split()):
            return False  # "a senior official in the ... division": more than its words
        role_words = _as_places(_words(" ".join(kept[:-1])), words)
        if role_words & ROLE_QUALIFIERS != words & ROLE_QUALIFIERS:
            return False
        if not (role_words <= words or words <= role_words):
            return False
    return any(
        words - _as_places(_words(" ".join(_role_words(r)[:-1])), words) <= named for r in found
    )


def _country_stem(word: str) -> str:
    """A one-word country name less the final letters its adjective drops ("chile" ->
    "chil", "yugoslavia" -> "yugoslav", "italy" -> "ital"); "" for any other word."""
    if word not in COUNTRIES or " " in word:
        return ""
    for ending in ("ia", "a", "e", "y"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _as_places(role_words: set[str], words: set[str]) -> set[str]:
    """``role_words`` with the adjective of a country the description names written as
    that country ("chilean" as "chile" for "Chile's ambassador"): one place, written two
    ways."""
    stems = {_country_stem(w): w for w in words if _country_stem(w)}
    if not stems:
        return role_words
    out = set()
    for word in role_words:
        country = next(
            (
                c
                for stem, c in stems.items()
                if word.startswith(stem) and word[len(stem) :] in _ADJECTIVE_ENDINGS
            ),
            None,
        )
        out.add(word if word in COUNTRIES else country or word)  # "niger" is not "nigeria"
    return out


def _names_a_place(ctx: Context, tok: Token) -> bool:
    """A word of a proper noun, a place or a people ("Yugoslavia's", "Lebanese"), not of
    a person's name ("Xu's wife" is a relation: the "his wife" of another person may be
    named, Xu's not)."""
    if tok.ent_type_ == "PERSON" or _of_a_name(ctx, tok.text):
        return False
    return tok.pos_ == "PROPN" or tok.ent_type_ in {"GPE", "NORP", "LOC"}


def _of_a_name(ctx: Context, word: str) -> bool:
    """``word`` (without "'s") is a word of the name of a person of the document."""
    bare = without_possessive(word).lower()
    return any(bare in name.lower().split() for name in ctx.known)


def is_description(tok: Token) -> bool:
    """A common noun made definite by "the" or a possessor: "the mayor", "its captain"."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in tok.children)


def described(ctx: Context, tok: Token) -> Speaker | None:
    """The person a definite description stands for; else, for a title ("the mayor") or
    a role several people share, an unnamed speaker in that role; else None."""
    left = [t for t in tok.subtree if t.i <= tok.i]
    start, end = left[0].idx, tok.idx + len(tok)
    phrase = ctx.doc.text[start:end]
    head = tok.lower_
    if not names_people(head):
        return None
    words = _words(ctx.doc.text[start : tok.idx])
    matches = {
        name
        for name, roles in ctx.descriptions.items()
        if any(_fits(role, head, words) for role in roles)
    }
    if len(matches) > 1:
        matches = _named_close(ctx, tok, matches)
    if not matches:
        named = _words(" ".join(t.text for t in left[:-1] if _names_a_place(ctx, t)))
        matches = {
            name
            for name, roles in ctx.descriptions.items()
            if _fits_loosely(roles, head, words, named)
        }
        if len(matches) > 1:
            matches = _named_close(ctx, tok, matches, around=True)
        matches = matches if len(matches) == 1 else set()
    if len(matches) == 1:
        name = matches.pop()
        return Speaker(name, start, end, True, ctx.roles.get(name) or phrase)
    if matches or head in TITLE_WORDS or head in ABBREVIATIONS.values():
        return Speaker(None, start, end, True, phrase)
    return None


def _named_close(ctx: Context, tok: Token, matches: set[str], around: bool = False) -> set[str]:
    """Of several people a description fits, the one named close to it, when only one of
    them is; the matches unchanged when none or several are.

    Close is, by default, the description's sentence up to it and the `RECENT` sentences
    before ("Judge Ana Ruiz handed down the sentence. '...,' the judge said", in a story
    of two judges: the reader's referent; "Professor X and Professor Y sit on the panel.
    '...,' the professor said": nobody). With ``around`` (a description that says more
    than the roles of those it fits: "Yugoslavia's prime minister", two prime ministers
    given no country) it is the `RECENT` sentences before and the `AHEAD` after ("...
    Yugoslavia's prime minister told parliament '...'. '...,' Prime Minister X said": the
    writer names the person the description stood for), and one of them named in the
    description's own sentence means nobody ("Norway's prime minister said ... as Prime
    Minister X arrived": somebody else)."""
    index = bisect_right(ctx.sent_starts, tok.idx) - 1
    if around and index < 0:
        return matches
    floor = ctx.sent_starts[max(0, index - RECENT)] if index >= 0 else 0
    sent = ctx.sents[index] if around else None
    last = ctx.sents[min(len(ctx.sents) - 1, index + AHEAD)].end_char if around else tok.idx
    near = set()
    for start, name in ctx.canon:
        if floor <= start < last and name in matches and not ctx.in_region(start):
            if sent is not None and sent.start_char <= start < sent.end_char:
                return matches
            near.add(name)
    return near if len(near) == 1 else matches


def holds_another_post(ctx: Context, name: str, noun: Token) -> bool:
    """``name`` is given a title other than the description's own ("Yugoslavia's prime
    minister" is not "NATO Secretary-General Ana Ruiz"): a later-named speaker cannot be
    what the description stands for."""
    head = noun.lower_
    if head not in TITLE_WORDS:
        return False
    roles = ctx.descriptions.get(name, [])
    posts = [r for r in roles if _head(_role_words(r)) in TITLE_WORDS]
    return bool(posts) and not any(_fits(r, head, set()) for r in posts)


def _role_words(role: str) -> list[str]:
    """The words of a role up to its head: before "of", a comma, a relative clause."""
    return _ROLE_END.split(f" {role.lower()} ", maxsplit=1)[0].split()


def _head(words: list[str]) -> str:
    """The head noun of a role's words (`_role_words`): the last, without "'s"."""
    return without_possessive(words[-1]) if words else ""
