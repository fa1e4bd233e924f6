"""Words of speech and attribution.

Hand-written for newsdesk from general English usage (the reporting verbs of English
grammars, e.g. Quirk et al., "A Comprehensive Grammar of the English Language" §16.63,
and the verbs of saying journalists use), as lemmas.
"""

from __future__ import annotations

# Verbs that introduce speech: "…," she *said*; he *told* reporters.
REPORTING_VERBS = frozenset(
    """say tell add state claim explain note write argue insist report announce warn
    acknowledge admit indicate suggest reply respond ask continue declare confirm deny
    recall predict contend assert observe remark comment tweet complain concede joke quip
    testify vow promise urge caution stress emphasize emphasise boast lament scream shout
    yell exclaim whisper mutter retort counter agree disclose reveal reiterate allege
    maintain recount describe conclude proclaim post muse crack question wonder call dub
    label brand term characterize chant point interject scoff snap thunder gush rail
    plead beg demand order pledge opine read fume mention email text message quote answer
    accuse mock attack hail praise blast slam criticize criticise decry dismiss denounce
    condemn tout ponder pray sing repeat think believe hope fear worry feel remember bark
    charge assure reassure""".split()
)
# Reporting verbs whose object is the person spoken to ("she *told* reporters."); another
# reporting verb with an object ("X accused Y of ...") says something of its own.
ADDRESSEE_VERBS = frozenset("tell ask assure reassure remind inform warn answer".split())
# Verbs that introduce reported speech or thought ("X believes that ...").
REPORTED_VERBS = REPORTING_VERBS | frozenset(
    "believe think hope fear worry expect estimate show find learn know".split()
)
# Nouns that attribute a quote to their possessor ("the minister's *statement*").
SPEECH_NOUNS = frozenset(
    """statement remark comment word message tweet post dictum slogan motto promise pledge
    claim response reply answer warning vow argument speech letter memo testimony
    quote quip joke line mantra refrain assertion admission""".split()
)
# Nouns for a written record that speaks for whoever issued it ("the *report* by the
# commission said"); unlike `SPEECH_NOUNS`, no cue when owned ("X's report on Y" is about Y).
DOCUMENT_NOUNS = frozenset(
    "report communique findings ruling filing document study release".split()  # press release
)
# Verbs by which the subject issues a text that then speaks for them ("X *wrote* a letter
# ... 'the letter read'"); not verbs of receiving or reading one.
ISSUING_VERBS = frozenset("write issue release send sign publish pen post draft".split())
# Nouns for a body of a state that speaks under its nationality, written lowercase ("the
# Norlandic *navy* said", "a statement from the Kestrian *government*").
STATE_BODY_NOUNS = frozenset(
    "government navy army military police ministry cabinet parliament embassy coastguard".split()
)
# Nouns for a broadcaster or other medium that speaks under its name ("Kestrel *radio*
# said", "the Valmont *station* reported").
MEDIUM_NOUNS = frozenset(
    "radio television tv station channel network broadcaster agency newspaper daily".split()
)
# Adverbs by which the writer does not vouch for who spoke ("he reportedly said").
HEDGE_ADVERBS = frozenset("reportedly allegedly supposedly purportedly".split())
# How an outlet refers to itself ("told this newspaper").
SELF_NOUNS = frozenset("newspaper paper publication magazine website site newsroom".split())
# Nouns for someone who speaks for an organisation ("a Harbour Board *spokeswoman*"):
# what they say is the organisation's word.
SPOKESPERSON_NOUNS = frozenset("spokesman spokeswoman spokesperson mouthpiece".split())
# Verbs of refusing to speak: what follows them was not said ("declined to say whether").
REFUSAL_VERBS = frozenset("decline refuse fail".split())
# Verbs of denying: a quoted word in what is denied is the accuser's ("denied that he
# 'muzzled' her").
DENIAL_VERBS = frozenset("deny dispute".split())
# Nouns for works whose title is quoted after them ("the 2005 book '...'", "the musical
# '...'"): a title, whatever its length, not speech.
WORK_NOUNS = frozenset(
    """book novel memoir biography film movie documentary series show programme program
    episode album song single play musical opera poem essay article column report
    headline slogan motto""".split()
)
