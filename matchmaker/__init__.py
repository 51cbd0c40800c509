"""Matchmaker: matching hard-tech startups with incubators, partners and scenarios."""

__version__ = "0.1.0"
