"""Who may do what: accounts, API keys, roles, the authenticated principal and the policy."""
