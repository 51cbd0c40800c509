"""Signed webhooks, fed by a transactional outbox and sent by a retrying worker."""
