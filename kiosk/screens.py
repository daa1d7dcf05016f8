"""Channels and the screens that show them."""

from __future__ import annotations

import secrets

from flask import current_app
from sqlalchemy import select

from kiosk import db
from kiosk.models import Channel, Screen


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


def create_screen(name: str, channel_name: str = "default", branch: str | None = None) -> Screen:
    session = db.session()
    if session.scalar(select(Screen).where(Screen.name == name)):
        raise ScreenError(f"screen {name!r} exists")
    channel = get_or_create_channel(channel_name)
    screen = Screen(name=name, token=secrets.token_urlsafe(24), channel=channel, branch=branch)
    session.add(screen)
    session.commit()
    return screen


def screen_url(screen: Screen, base_url: str) -> str:
    return f"{base_url.rstrip('/')}/display/{screen.token}"
