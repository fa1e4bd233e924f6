"""Language data, one package per language, as spaCy keeps ``spacy/lang/en``.

Only English today (`newsdesk.lang.en`). Stages read their word lists from here; none
hard-codes one. Each file says where its entries come from.
"""
