"""Accelerator camps: cohort allocation under places, eligibility and quotas, and schedules."""
