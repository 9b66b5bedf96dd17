"""Forms of the participation module, one module per area (accounts, household, me, admin)."""
