"""Public views of the participation module, one module per area."""
