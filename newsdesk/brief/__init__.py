"""The briefing: an extractive multi-document summary whose every sentence cites its sources.

``sentences`` splits clean text into sentences with character offsets and flags boilerplate;
``embed`` is the sentence-embedding seam (MiniLM, or a hashing fake for tests); ``summary``
selects, orders and cites the sentences.
"""
