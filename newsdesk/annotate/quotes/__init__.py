"""Quotes and speaker attribution on top of a spaCy parse.

`extract_quotes` finds direct quotes (text between quotation marks) and reported speech
("X said that ...") and says who spoke, in what role, and through which outlets.

How it works, in order:

1. Quote marks are paired *within each paragraph* (a line of the text), so one unbalanced
   mark, or markup such as ``<tweet author="...">`` (masked), costs at most its own paragraph.
   Curly marks, straight marks (opening or closing by context) and the NYT ``''...''`` are
   read; a straight mark after the quote's comma and before a lowercase word closes it
   (``"... he listens, "said Ruiz``: its space typed on the wrong side), and so does the
   last mark of a paragraph so typed before a capital (``"... the league, "Ruiz said``).
   A paragraph that
   opens a quote without closing it continues into the next one when
   that paragraph reopens with a mark (multi-paragraph quotes), or closes it without
   reopening it (texts written one sentence per line). Double marks are paired when
   a paragraph has any, single marks only in paragraphs without double marks, so inner single
   quotes stay part of the outer quote.
2. A *cue* is looked for around each quoted region, in its paragraph: after the closing mark
   (``"...," Alenko said``; after a quote that ends its sentence only a short ``Alenko
   said.``), then before the opening mark (``Alenko said: "..."``). Cues are reporting verbs
   in the active voice (say, tell, add, call, ...), "according to", and speech nouns owned by
   a name ("Alenko's ... promise"). The speaker mention is the cue's subject (climbing from a
   participle such as "adding", or from a verb the parse hung on nothing, to the verb it
   hangs on), the name after a cue set off by commas ("The vote, said Rep. Ruiz, was '...'",
   where the parse makes Ruiz the subject of "was"), the "by" phrase of a participle
   used passively ("described by the Courier as"), the object of "according to", or a
   person named next to a cue the parse left without a subject (a name right before it
   whatever the model tagged it, when the document names a person so; never a name that only
   modifies a noun: "a Valmont resident", nor one in the subject's "of" phrase: "friends
   of X"); the name right after an inverted cue even where the parse made it the subject
   of a later verb ('"...," said X, daughter of the man Y shot'); a post written with
   "of" before the name ("said Secretary of the Interior X") that name, and "one of Y's
   lawyers, X" the one named; a proper noun right after a noun for a person ("said
   fisherman's wife X") whatever the model tagged it; a surname the parse read as a
   common noun, of a name the document gives in full or describes as a person ("Darcy
   Davies, an agriculture student", tagged ORG: "Davies wrote"), and one the model tagged
   as a people ("the 36-year-old X") that person; "X was quoted as saying" and "the paper
   quoted X as saying" name X; a
   participle in a prepositional phrase ("after telling ...", "convicted of telling ...")
   takes the subject of the verb its phrase hangs on. A spokesperson of a named
   organisation ("a Harbour Board spokeswoman", "a spokesman for X") speaks for it, and
   whoever issued a statement, document or broadcast speaks through it ("a statement by
   X", "a statement from X", a person or a body, "X radio said", "a document filed by
   Y"; a letter its writer: "X's letter continued", and "the letter read" after "X wrote
   a letter"; "the statement" is the one statement the text gave an owner, else whoever
   spoke "in a statement" just before: "In a press statement, the union urged ... '...,'
   read the press release"); "the group" is the one
   organisation the text names with that noun (else the one whose name ends with it:
   "the commission"), and so is the lowercase noun in "a ministry spokesman" (never for
   a person noun: "the official" is a person); a body of a state written as a nationality
   and a lowercase noun ("the Danish navy said") speaks under those words, and so does
   "the navy" or "Norway's navy" where the text names one such body ("Norwegian navy"). The cue
   nearest above a quote in the parse decides when it says nobody spoke it: its subject
   an unnamed person ("one agent who boasts '...'"), negated or refused, or a denial of a
   quoted word ("denied that he 'muzzled' Y": the accuser's word, kept without speaker).
   Words relayed are whoever first said them: in "X said the strikes could come '...,' Y
   told the agency" X's cue opens the sentence and governs the quote, and X spoke.
   After a quote that ends its sentence, a cue that introduces a quote of its own later
   in its sentence, or that has an object other than the person spoken to ("Norland
   accused Vessia of ..."), is not this quote's cue. A cue whose source is the document's
   own outlet ("the Clarion can reveal" in The Daily Clarion, "this newspaper") is the
   writer's and is left out. A verb with its own subject stays the cue even when that
   subject names nobody; "..., according to Y" is then a relay. A short quoted fragment needs
   a cue that governs it syntactically or sits right after it (GGT drops fragments under four
   words; here they are kept when a cue and speaker go with them).
3. A region without a cue takes the speaker of a signature after it in its paragraph
   (``"..." ― Ana Ruiz``, pull-quote lists), the cue found where a quote left open at the
   end of its paragraph closes, of the quote it continues (multi-paragraph), of
   a neighbouring quote in the paragraph (a quote split around its cue), of a colon or dash
   introduction (``Alenko was blunt: "..."``; a line that is only a name, a colon and the
   quote, a headline: ``Kestrel Union: "..."``, the name, a person, body or country; a transcript
   line ``Varga: "..."`` the person named in full with that surname, else nobody), of
   the subject of any verb right after a quote closed on its comma (``"...," the Courier
   teased``, unless the verb has an object or clause of its own outside quotes), of
   the person subject of the sentence before it
   in the paragraph, of a signature line below it (``- Alenko.``), of the one person named
   where its sentence goes on after the closing mark (``"...," in Alenko's view``; nobody
   when that tail names nobody: ``"...," the records state``), or, when the paragraph is
   the quote alone, of the previous paragraph (its last quote's speaker; the subject of its
   reporting verb when it ends "The Courier reports:", the person a statement it names is
   by when it ends "Below is a statement by X:"; its last sentence's person subject;
   else the one person who is the subject of its sentences, nobody when there are two).
4. Short regions without a cue, and titles of works and nicknames (every content word
   capitalised), are scare quotes, not speech: skipped.
5. Speaker mentions become canonical names: "he"/"she" the most recent compatible person
   (root subjects and their appositions first, sentence by sentence back; gender from
   gendered nouns in apposition such as "his sister, X", honorifics, common first names and
   the pronouns used in sentences naming one person, possessives that may be somebody
   else's aside), among the people the resolver found (not every span the model tagged),
   never a person introduced as someone's relative ("His late brother, Otto Brandt") or
   named in a relative clause about another person ("X, whose father Y ..."), nor a
   name right after "<person> from" ("Ana Ruiz from Starfield": her band); nobody
   for "he reportedly said" / "she is said to have told", or right after an unnamed
   person spoke ("a police official said ..."); a
   definite description ("the mayor", "the ferry's captain") the one person the document
   gives that role or title (`nominal`; of several, the one of them named in its sentence
   or the two before, when only one is), else the one person given that post with less
   said, when what the description adds names where the post is ("Yugoslavia's prime
   minister" of "Prime Minister X"), else, for a description in the lede or a
   relative ("the victim's nephew"), the person first named as a speaker in the next two
   sentences (cataphora), else, for a description with a word before its noun (or an
   age: "the 55-year-old") said for the first time right after a sentence whose root
   subject is one named person, that person (the writer's variation: "Ruiz acknowledged
   ... But the former trader warned", "the Kestrian leader added" for President Ruiz; not
   a relation, "the close friend", nor a post the person's own words do not cover, "the
   Kestrian mayor" for "spokesman Ruiz"), else nobody, the description kept as role; a
   surname the longest full name in the document ending with it (`canonical_name`): a title
   ("Mayor Brandt") picks between people sharing a surname, else the one mentioned most
   recently. Words spoken jointly are the first-named speaker's: "Mark and Condon said"
   (one entity of the model over two people), "the Brandts wrote" (after "Ivo and Ana
   Brandt"), "they wrote" or "the pair said" right after two people joined by "and" spoke
   (else nobody).
   "It" as the subject of a verb of saying is the body the nearest subject of a finite
   verb of saying or issuing before it names, in its sentence or the two before ("A
   statement from the Harbour Board said ... '...,' it added"), when the model tagged
   that a body; nobody when it is a person or a post.
   Titles are not part of names; roles come from apposition ("X, a professor",
   "the ferry's captain, X"; an age is not a role) or pre-nominal titles. A name of two
   words or more with a noun for a person in apposition ("X, a retired journalist") is
   a person whatever the model tagged it. Other cues of the
   same quote whose source is an organisation ("..., according to Meridian Wire", "the
   Northshore Post reports") and the outlet a quote was told to become ``via``, outermost
   first.
6. Reported speech: a reporting verb outside quotes with a clausal complement gives a quote
   with ``direct=False`` whose span is the clause (without "that"), unless the clause is
   mostly a direct quote already, or the verb is negated, modal or refused ("has not said
   whether", "may say", "declined to say"): nobody said those words.

Modules, in the order a text goes through them:

* ``lexicon``: reporting verbs, speech nouns, titles, pronouns, gendered first names and
  nouns, hedges;
* ``marks``: paragraphs and quote-mark pairing into quoted regions (step 1);
* ``context``: the per-document lookups every step shares, and the records they pass;
* ``names``: name words (as the source writes them) and titles; the PERSON mentions of a
  parse; speakers are named through the shared person resolver (`annotate.resolve`: the
  document's PERSON entities, else `canonical_name`);
* ``people``: canonical names, roles and genders of every PERSON mention (step 5);
* ``organisations``: a spokesperson's organisation, "the group" as the one so named;
* ``nominal``: definite descriptions ("the mayor") to the one person so described (step 5);
* ``joint``: words spoken jointly, the first-named of two people ("they", "the pair",
  "the Brandts", one entity over "X and Y"; step 5);
* ``speakers``: a cue's subject token to a speaker, pronouns included (step 5);
* ``cues``: reporting verbs, "according to", speech nouns and their subjects, hedges and
  the document's own outlet (step 2);
* ``windows``: the tokens around a quote where its cues are looked for (step 2);
* ``relays``: attribution chains, the outlets a quote came through (``via``, step 5);
* ``attribution``: the cue and speaker of one region, colon and dash introductions (2-3);
* ``direct``: regions to direct quotes, the speakers they inherit, scare quotes (3-4);
* ``reported``: reported speech and "according to" clauses (step 6);
* ``extract``: `extract_quotes`.
"""

from __future__ import annotations

from newsdesk.annotate.quotes.extract import extract_quotes
from newsdesk.annotate.resolve import canonical_name

__all__ = ["canonical_name", "extract_quotes"]
