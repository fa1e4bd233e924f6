"""English language data, one module per kind of list:

- `speech`     reporting verbs, speech nouns, verbs of reported thought, hedging adverbs
- `titles`     honorifics, titles and posts written before names, their abbreviations
- `people`     pronouns, kinship and other nouns that describe people, gendered nouns
- `names`      name particles, suffixes, surname-first family names
- `places`     countries and demonyms
- `calendar`   months, weekdays, seasons, parts of the day
- `numbers`    number words and ordinals, approximators, negators
- `stop_words` function words left out of word features
- `tense`      function words that mark the tense of a clause
- `genre`      markers of opinion, analysis and reporting
- `layout`     words that mark captions, credits, navigation and other page furniture

Nothing here names a person, outlet or event of the demo corpus or of an evaluation set:
the lists are general English. Where a maintained library already has a list (spaCy's
``STOP_WORDS``, ``Token.like_num``), stages running on a parse use it instead.
"""
