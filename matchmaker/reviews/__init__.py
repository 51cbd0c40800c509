"""The review workflow: match records, their double opt-in state machine and audit trail."""
