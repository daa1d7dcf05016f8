"""Source connectors: one module per kind, each registered by name."""
