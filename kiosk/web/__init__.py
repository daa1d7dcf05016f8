"""Blueprints, each named `bp`: a view parses input, calls one domain function, responds."""

# Registered in this order; one per line so that new pages add a line of their own.
BLUEPRINTS = (
    "health",
    "auth",
    "admin",
    "manage",
    "sources",
    "api",
    "console_api",
    "themes",
    "display",
    "widget",
    "huddle",
    "digest",
    "posters",
    "complaints",
    "reports",
    "privacy",
    "me",
    "learning",
)
