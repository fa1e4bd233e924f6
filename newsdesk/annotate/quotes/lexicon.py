"""Word lists: reporting verbs, speech nouns, titles, pronouns and gendered first names."""

from __future__ import annotations

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
# nouns that attribute a quote to their possessor ("Obama's ... promise")
SPEECH_NOUNS = frozenset(
    """statement remark comment word message tweet post dictum slogan motto promise pledge
    claim response reply answer warning vow argument speech letter memo testimony
    quote quip joke line mantra refrain assertion admission""".split()
)
# verbs that introduce reported speech or thought ("X believes that ...")
REPORTED_VERBS = REPORTING_VERBS | frozenset(
    "believe think hope fear worry expect estimate show find learn know".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
HONORIFICS = frozenset("mr mrs ms miss mx dr".split())
TITLES = HONORIFICS | frozenset(
    """prof professor sen senator rep representative gov governor gen general adm admiral
    col colonel capt captain lt lieutenant sgt sergeant cmdr commander maj major rev
    reverend mayor president vice judge justice sir dame lord lady deputy chancellor
    minister secretary chairman chairwoman chair commissioner ambassador attorney sheriff
    chief inspector detective officer speaker leader pastor father sister rabbi imam pope
    king queen prince princess councillor councilman councilwoman alderman
    spokesman spokeswoman spokesperson""".split()
)
MASCULINE = frozenset("he him his himself".split())
FEMININE = frozenset("she her hers herself".split())
PERSONAL = MASCULINE | FEMININE
# first names whose gender decides "he" / "she" when no honorific does
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea melania ivanka kellyanne huma hope sarah
    nikki elizabeth nancy dianne kamala tulsi jill michelle condoleezza madeleine katrina
    omarosa debbie donna kristen anika inga ingrid astrid greta sofia elena olga irina
    natasha katya marta ines clara lena nora freya""".split()
)
MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny bernie mike tim ted marco
    chris jeb ben rand barack bill reince newt rudy mitch paul lindsey chuck harry corey
    stephen jared eric steve sean rick jim tom dan bob rob ron hugh mitt al jim dmitri felix
    ivan sergei nikolai pavel oleg anton boris lars erik sven magnus henrik anders piotr
    tomas jan karl hans otto""".split()
)
# adverbs by which the writer does not vouch for who spoke ("he reportedly said")
HEDGES = frozenset("reportedly allegedly supposedly purportedly".split())
# nouns that tell the gender of the person they describe ("His sister, Ida Lunde")
FEMALE_NOUNS = frozenset(
    """sister wife mother daughter widow grandmother granddaughter aunt niece girlfriend
    fiancee stepmother stepdaughter mum mom spokeswoman chairwoman councilwoman
    congresswoman businesswoman actress""".split()
)
MALE_NOUNS = frozenset(
    """brother husband father son widower grandfather grandson uncle nephew boyfriend
    fiance stepfather stepson dad spokesman chairman councilman congressman businessman
    actor""".split()
)
# nouns that relate one person to another: "his" in "his sister" is someone else
RELATIONAL_NOUNS = (
    FEMALE_NOUNS
    | MALE_NOUNS
    | frozenset("cousin partner spouse friend colleague lawyer boss family relative".split())
)
# how the writer's own outlet may refer to itself ("this newspaper")
SELF_NOUNS = frozenset("newspaper paper publication magazine website site newsroom".split())
# abbreviated titles as the role nouns they stand for ("Capt." -> "the captain")
TITLE_NOUNS = {
    "capt": "captain",
    "prof": "professor",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "cmdr": "commander",
    "maj": "major",
    "rev": "reverend",
}
