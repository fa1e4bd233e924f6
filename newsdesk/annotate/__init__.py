"""Annotation stages: quotes, entities, relations, dates, genre."""
