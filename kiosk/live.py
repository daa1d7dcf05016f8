"""The Socket.IO namespace screens and widgets follow. The only module that emits."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app, request
from flask_socketio import Namespace, emit, join_room
from sqlalchemy import select

from kiosk import db, feed
from kiosk.extensions import socketio
from kiosk.models import Channel, Item, Screen

NAMESPACE = "/live"


def room_for(channel_id: int) -> str:
    return f"channel:{channel_id}"


def feed_payload(channel: Channel) -> dict:
    cfg = current_app.config
    now = datetime.now(ZoneInfo(cfg["TIMEZONE"]))  # screens show the company's clock
    items = feed.playlist(channel, now, cfg["FEED_MAX_ITEMS"], cfg["FEED_MAX_AGE_DAYS"])
    return {
        "channel": feed.channel_info(channel, cfg["LANGUAGE"]),
        "items": [feed.display_item(i) for i in items],
        "server_time": now.isoformat(),
        "version": cfg["VERSION"],
    }


class LiveNamespace(Namespace):
    """A display joins its screen's channel; a widget joins a channel by name, read-only."""

    def on_connect(self, auth=None):
        auth = auth if isinstance(auth, dict) else {}
        session = db.session()
        if auth.get("screen"):
            screen = session.scalar(select(Screen).where(Screen.token == str(auth["screen"])))
            if screen is None:
                raise ConnectionRefusedError("unknown screen")
            screen.last_seen = datetime.now(UTC)
            session.commit()
            channel = screen.channel
        elif auth.get("widget"):
            channel = session.scalar(select(Channel).where(Channel.name == str(auth["widget"])))
            if channel is None:
                raise ConnectionRefusedError("unknown channel")
        else:
            raise ConnectionRefusedError("a screen token or widget channel is required")
        join_room(room_for(channel.id))
        current_app.logger.debug("live connect sid=%s channel=%s", request.sid, channel.name)
        emit("feed", feed_payload(channel))


def publish_item_change(item: Item, before: set[int], after: set[int]) -> None:
    """Tell each channel what changed for it: added, removed, or updated in place."""
    payload = {"id": item.id, "item": feed.display_item(item)} if after else None
    for channel_id in after - before:
        socketio.emit("item_added", payload, namespace=NAMESPACE, to=room_for(channel_id))
    for channel_id in after & before:
        socketio.emit("item_updated", payload, namespace=NAMESPACE, to=room_for(channel_id))
    for channel_id in before - after:
        socketio.emit("item_removed", {"id": item.id}, namespace=NAMESPACE,
                      to=room_for(channel_id))


def publish_feed(channel: Channel) -> None:
    """Resend a channel's whole playlist, when its settings change."""
    socketio.emit("feed", feed_payload(channel), namespace=NAMESPACE, to=room_for(channel.id))
