"""Blueprints, each named `bp`: a view parses input, calls one domain function, responds."""

# Registered in this order; one per line so that new pages add a line of their own.
BLUEPRINTS = (
    "health",
    "auth",
    "admin",
    "manage",
    "api",
    "console_api",
    "themes",
    "display",
    "widget",
    "huddle",
)
