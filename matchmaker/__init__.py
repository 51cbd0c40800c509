"""Matchmaker: matching hard-tech startups with incubators, partners and scenarios."""

import os

# OpenMP threads (torch's and FAISS's) spin after each parallel region by default. On cores
# shared with the server's own request threads, the database or another process, that
# spinning took the CPU the work needed: an unsaved recommendation cost 223-307 ms of CPU
# instead of 41, and an encode 113-121 ms instead of 21-41 (bench/RESULTS.md, section 20).
# Set before either library loads libgomp, which reads it once; an operator's own value wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
