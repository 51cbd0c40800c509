"""The dependable-API layer partner platforms rely on: idempotent POSTs, per-key rate limits,
and the background workers (imports, webhook delivery) started with the app."""
