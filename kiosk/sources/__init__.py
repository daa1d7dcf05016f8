"""Source connectors: one module per kind, registered here by kind name."""

from __future__ import annotations

import importlib

from kiosk.sources.base import Connector

# kind → module under kiosk.sources; each module defines one Connector subclass.
MODULES = {
    "rss": "feeds",
    "mastodon": "mastodon",
    "x": "x",
    "foursquare": "foursquare",
    "google": "google",
    "appstore": "appstore",
    "imap": "mailbox",
}


def _load() -> dict[str, type[Connector]]:
    found = {}
    for kind, module in MODULES.items():
        try:
            mod = importlib.import_module(f"kiosk.sources.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kiosk.sources.{module}":
                raise
            continue  # not written yet
        found[kind] = mod.CONNECTOR
    return found


CONNECTORS: dict[str, type[Connector]] = _load()
