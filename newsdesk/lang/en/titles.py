"""Honorifics, titles and posts written before a name, and their abbreviations.

Hand-written for newsdesk: the forms of address, ranks and offices of English news copy
(civil, military, judicial, religious, royal, corporate, sporting), lowercase. One list
for every stage: entities, quotes and the briefing read titles from here. Credentials:
the degrees, licences and post-nominal letters written after a name and a comma in
English copy ("Ana Vale, MD,", "Ivo Brandt, Ph.D."), letters only, lowercase.
"""

from __future__ import annotations

# Forms of address that say nothing of a post ("Mr.", "Ms", "Sir"); "Dr." is a title
# (`ABBREVIATIONS`: "doctor").
HONORIFICS = frozenset("mr mrs ms miss mx messrs madam madame mme mlle sir dame".split())
# Abbreviated titles and the words they stand for ("Capt." → "captain").
ABBREVIATIONS: dict[str, str] = {
    "dr": "doctor", "prof": "professor", "adm": "admiral", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain",
    "cmdr": "commander", "cdr": "commander", "sgt": "sergeant", "cpl": "corporal",
    "gov": "governor", "sen": "senator", "rep": "representative", "rev": "reverend",
    "insp": "inspector", "supt": "superintendent", "det": "detective", "msgr": "monsignor",
    "amb": "ambassador", "pres": "president", "brig": "brigadier", "cllr": "councillor",
}  # fmt: skip
# Offices, ranks and occupations written as titles before a name ("Mayor", "Judge").
TITLE_WORDS = frozenset(
    """president vice prime minister secretary chancellor premier mayor governor senator
    representative congressman congresswoman councillor councilor councilman councilwoman
    alderman judge justice chief deputy director chairman chairwoman chairperson chair
    commissioner inspector superintendent sergeant detective constable captain commander
    admiral general colonel lieutenant corporal brigadier major commodore ambassador envoy
    consul king queen prince princess emperor empress sheikh pope cardinal bishop archbishop
    rabbi imam pastor reverend monsignor father sister professor doctor coach manager spokesman
    spokeswoman spokesperson attorney prosecutor lawyer sheriff marshal master skipper
    striker midfielder defender goalkeeper ceo executive founder leader official officer
    ayatollah sultan emir duke duchess earl baron lord lady surgeon nurse teacher
    businessman businesswoman economist analyst activist diplomat negotiator ombudsman
    treasurer rector editor publisher correspondent president-elect mp mep magistrate
    coroner warden speaker""".split()
)
# The head word of a post: a title phrase ends in one ("Deputy Harbour *Master*").
TITLE_HEADS = frozenset(
    """master captain mayor minister inspector councillor councilor lieutenant commander
    director chief president senator governor sergeant officer judge justice professor
    secretary chancellor superintendent constable admiral general colonel major
    commissioner chair chairman chairwoman chairperson ambassador bishop sheriff marshal
    representative speaker treasurer attorney coroner warden premier consul
    commodore detective""".split()
)
# Words that qualify a post inside a title phrase ("*Deputy* Harbour Master").
TITLE_MODIFIERS = frozenset(
    """deputy assistant acting vice interim senior junior associate first second prime
    executive harbour harbor port police fire coast guard foreign finance defence defense
    transport health home interior city state district county managing lord lance staff
    rear flight wing petty under former""".split()
)
# Qualifiers that make a different post of the same head: a deputy mayor is not the mayor.
RANK_WORDS = frozenset(
    """deputy assistant acting vice interim chief senior junior associate under first
    second lance rear lord prime executive""".split()
)
# Qualifiers that make a different role of the same noun ("former", "late").
ROLE_QUALIFIERS = frozenset(
    "former ex late vice deputy assistant acting associate interim outgoing retired".split()
)
# Qualifiers of a post someone no longer or does not yet hold ("the former mayor", "the
# incoming speaker"): not the post they hold now.
NOT_NOW_QUALIFIERS = frozenset("former ex late outgoing retired incoming designate elect".split())
# Words for one post written two ways: gendered and neutral forms, the style of a
# judge of a higher court ("Justice", "Judge"), the head of a body ("leader", "chief")
# and the chair of a chamber ("speaker"): one post, no dispute.
SAME_POST: dict[str, str] = {
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "congressman": "representative", "congresswoman": "representative",
    "councilman": "councillor", "councilwoman": "councillor", "councilor": "councillor",
    "justice": "judge", "leader": "chief", "speaker": "chair",
}  # fmt: skip
# Degrees, licences and honours written after a name and a comma ("Ana Vale, M.D.,
# M.B.A.", "Ivo Brandt, PhD"): letters only, lowercase; no entity and no part of a name.
CREDENTIALS = frozenset(
    """md phd mba dds dmd dvm rn lpn msn bsn dnp np mph jd llm esq cpa cfa pe facs frcs
    frcp facp faap mbbs mrcp edd psyd obe mbe cbe""".split()
)
# Academic and church posts that, unlike `TITLE_WORDS`, are also given names ("Dean"):
# read only where every word of a "name" is a post's ("Associate Dean").
OTHER_POSTS = frozenset("dean provost registrar bursar chaplain vicar curate deacon".split())
