"""This process's caches of public pages, dropped when what they show may have changed."""

from __future__ import annotations

from flask import current_app

from kiosk.analysis.text import normalise


def forget_cached_pages() -> None:
    """This process's caches of public pages (the widget feed, the monthly report) may hold
    an item or a name that just changed: drop them, and the cache of normalised texts (it
    may hold erased text). Other processes' expire within their TTL."""
    widget = current_app.extensions.get("kiosk.widget_feed")
    if widget is not None:
        with widget.lock:
            widget.entries.clear()
    report = current_app.extensions.get("kiosk.monthly_report")
    if report is not None:
        report.clear()
    normalise.cache_clear()
