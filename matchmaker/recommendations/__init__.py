"""Ranked, explained matches for profiles that are not stored (partner platforms' drafts)."""
