"""How much one camp may hold, where the settings (matchmaker.config) take their defaults."""

from __future__ import annotations

# Applications one camp takes by default (MATCHMAKER_CAMP_MAX_APPLICATIONS). A run scores
# every applicant against every host (up to 500) and stores every score: measured with
# bench/camps_run.py (matchmaker/camps/README.md, "How many may apply").
MAX_APPLICATIONS = 500
