"""The briefing: an extractive multi-document summary whose every sentence cites its sources.

``sentences`` splits clean text into sentences with character offsets and flags boilerplate;
``summary`` selects, orders and cites the sentences (embedded by `newsdesk.embed`).
"""
