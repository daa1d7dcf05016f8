"""Channels and the screens that show them."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from kiosk import audit, db, live, pacing
from kiosk.models import Channel, Screen

# A display beats every 10 s; three missed beats (or a closed socket) mean offline.
OFFLINE_AFTER = timedelta(seconds=30)
_HOURS = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class ScreenError(ValueError):
    pass


def get_or_create_channel(name: str) -> Channel:
    """A new channel shows every approved item until an admin narrows it."""
    session = db.session()
    channel = session.scalar(select(Channel).where(Channel.name == name))
    if channel is None:
        channel = Channel(name=name, rotation_seconds=current_app.config["ROTATION_SECONDS"],
                          branches=[], sources=[], themes=[], languages=[])
        session.add(channel)
        session.flush()
    return channel


def create_screen(name: str, channel_name: str = "default", branch: str | None = None,
                  actor: str = "cli") -> Screen:
    name = (name or "").strip()
    if not name or len(name) > 80:
        raise ScreenError("a screen needs a name of at most 80 characters")
    branch = (branch or "").strip() or None
    if branch and len(branch) > 120:  # PostgreSQL enforces the column's length; say so first
        raise ScreenError("a branch name has at most 120 characters")
    session = db.session()
    if session.scalar(select(Screen).where(Screen.name == name)):
        raise ScreenError(f"screen {name!r} exists")
    channel = get_or_create_channel((channel_name or "default").strip()[:80])
    screen = Screen(name=name, token=secrets.token_urlsafe(24), channel=channel, branch=branch)
    session.add(screen)
    session.flush()
    audit.record(actor, "screen.create", f"screen:{screen.id}", None,
                 {"name": name, "channel": channel.name})
    session.commit()
    return screen


def is_online(screen: Screen, now: datetime | None = None) -> bool:
    now = now or datetime.now(UTC)
    return bool(screen.connected and screen.last_seen
                and now - screen.last_seen <= OFFLINE_AFTER)


def screen_json(screen: Screen, base_url: str) -> dict:
    return {"id": screen.id, "name": screen.name, "channel": screen.channel.name,
            "url": screen_url(screen, base_url), "online": is_online(screen),
            "last_seen": screen.last_seen.isoformat() if screen.last_seen else None,
            "client_version": screen.client_version,
            "current_item_id": screen.current_item_id, "current_slide": screen.current_slide,
            "branch": screen.branch}


def reload_screen(screen_id: int, actor: str) -> Screen:
    screen = db.session().get(Screen, screen_id)
    if screen is None:
        raise ScreenError(f"no screen {screen_id}")
    audit.record(actor, "screen.reload", f"screen:{screen.id}")
    db.session().commit()
    live.publish_reload(screen)
    return screen


def channel_json(channel: Channel) -> dict:
    return {"id": channel.id, "name": channel.name,
            "rotation_seconds": channel.rotation_seconds, "branches": channel.branches,
            "sources": channel.sources, "themes": channel.themes,
            "languages": channel.languages, "slide_mix": channel.slide_mix,
            "display_hours": channel.display_hours, "orientation": channel.orientation,
            "dwell": channel.dwell or {}, "shifts": channel.shifts or []}


def update_channel(channel_id: int, changes: dict, actor: str) -> Channel:
    """Change what a channel shows; its screens get the new playlist at once."""
    session = db.session()
    channel = session.get(Channel, channel_id)
    if channel is None:
        raise ScreenError(f"no channel {channel_id}")
    before = channel_json(channel)
    for name in ("branches", "sources", "themes", "languages"):
        if name in changes:
            value = changes[name]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ScreenError(f"{name} must be a list of names (empty: everything)")
            setattr(channel, name, sorted({v.strip() for v in value if v.strip()}))
    if "rotation_seconds" in changes:
        seconds = changes["rotation_seconds"]
        if not isinstance(seconds, int) or not 5 <= seconds <= 300:
            raise ScreenError("rotation_seconds must be a whole number from 5 to 300")
        channel.rotation_seconds = seconds
    if "slide_mix" in changes:
        mix = changes["slide_mix"]
        if not isinstance(mix, dict) or not all(
                k in ("praise", "stats", "announcements", "fixed") and isinstance(v, int)
                and 0 <= v <= 20 for k, v in mix.items()):
            raise ScreenError("slide_mix maps praise, stats, announcements, fixed to 0–20")
        channel.slide_mix = mix
    if "display_hours" in changes:
        hours = changes["display_hours"] or {}
        if hours and not (isinstance(hours, dict) and _HOURS.match(str(hours.get("start")))
                          and _HOURS.match(str(hours.get("end")))
                          and hours.get("outside", "dim") in ("dim", "blank")):
            raise ScreenError('display_hours is {"start": "HH:MM", "end": "HH:MM", '
                              '"outside": "dim" | "blank"} or empty')
        channel.display_hours = dict(hours)
    if "orientation" in changes:
        if changes["orientation"] not in ("auto", "landscape", "portrait"):
            raise ScreenError("orientation is auto, landscape or portrait")
        channel.orientation = changes["orientation"]
    try:
        if "dwell" in changes:
            channel.dwell = pacing.clean_dwell(changes["dwell"])
        if "shifts" in changes:
            channel.shifts = pacing.clean_shifts(changes["shifts"])
    except pacing.PacingError as exc:
        raise ScreenError(str(exc)) from None
    after = channel_json(channel)
    if after != before:
        audit.record(actor, "channel.update", f"channel:{channel.id}", before, after)
    session.commit()
    live.publish_feed(channel)
    return channel


def screen_url(screen: Screen, base_url: str) -> str:
    return f"{base_url.rstrip('/')}/display/{screen.token}"
