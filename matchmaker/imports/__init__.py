"""Bulk import of profiles from CSV, JSON and JSONL files, with a column mapping."""
