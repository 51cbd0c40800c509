"""Funnel and exposure analytics: which profiles were shown in match lists, and what became of
the pairs (``log`` writes the exposure log on the hot path; the rest reads it)."""
