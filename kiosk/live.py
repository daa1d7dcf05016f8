"""The Socket.IO namespace screens and widgets follow. The only module that emits."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app, request
from flask_socketio import Namespace, emit, join_room
from sqlalchemy import select

from kiosk import db, feed, fixed, metrics, pacing, stats
from kiosk.extensions import socketio
from kiosk.models import Announcement, Channel, Item, Screen

NAMESPACE = "/live"


# What a display may report it is showing (heartbeat "slide").
SLIDES = {"praise", "stats", "announcement", "fixed", "empty", "dim", "blank"}


def room_for(channel_id: int) -> str:
    return f"channel:{channel_id}"


def screen_room(screen_id: int) -> str:
    return f"screen:{screen_id}"


def queue_channel(url: str | None) -> str:
    """The Redis pub/sub channel the processes of one deployment share.

    Redis pub/sub ignores the database number in the URL, so two deployments on one Redis
    server (staging beside production) would hear each other's `channel:1`; naming the
    channel after the number keeps redis://host/1 and redis://host/2 apart."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url or "")
    number = parts.path.strip("/") or parse_qs(parts.query).get("db", ["0"])[0]
    return f"kiosk-live.{number or 0}"


def announcement_json(row: Announcement | None, cleared: bool = False) -> dict | None:
    if row is None:
        return None
    return {"id": row.id, "text": "" if cleared else row.text,
            "until": row.until.isoformat() if row.until else None}


_STATS_TTL = 30.0  # seconds; thousands of widgets connecting at 9:00 share one query
_stats_cache: dict[tuple[str, int], tuple[float, dict]] = {}


def channel_stats(channel: Channel, fresh: bool = False) -> dict:
    """The weekly numbers a channel's stats slides show (its branches, or everyone's)."""
    key = (current_app.config["DATABASE_URL"], channel.id)
    cached = _stats_cache.get(key)
    if cached and not fresh and time.monotonic() - cached[0] < _STATS_TTL:
        return cached[1]
    numbers = _compute_stats(channel)
    _stats_cache[key] = (time.monotonic(), numbers)
    return numbers


def _stats_key(channel: Channel) -> tuple:
    """All of a channel that `_compute_stats` reads: channels alike share one computation."""
    return tuple(sorted(channel.branches or []))


def _compute_stats(channel: Channel) -> dict:
    from kiosk.taxonomy import current_matcher

    cfg = current_app.config
    numbers = stats.weekly(datetime.now(UTC), cfg["TIMEZONE"], channel.branches or None)
    labels = {t.slug: t.label(cfg["LANGUAGE"]) for t in current_matcher().themes}
    for entry in numbers["top_themes"]:
        entry["label"] = labels.get(entry["theme"], entry["theme"])
    numbers["fixed"] = fixed.wall_themes(datetime.now(UTC), cfg["FIXED_DAYS"],
                                         cfg["FIXED_MIN_RESOLVED"], labels,
                                         channel.branches or None)
    return numbers


def wire_item(item: Item) -> dict:
    """A display item as screens get it, with when it reached the walls (for shifts)."""
    return {**feed.display_item(item), "arrived_at": pacing.arrived_at(item).isoformat()}


def feed_payload(channel: Channel, screen: Screen | None = None) -> dict:
    from kiosk import announcements

    cfg = current_app.config
    now = datetime.now(ZoneInfo(cfg["TIMEZONE"]))  # screens show the company's clock
    items = feed.playlist(channel, now, cfg["FEED_MAX_ITEMS"], cfg["FEED_MAX_AGE_DAYS"])
    payload = {
        "channel": feed.channel_info(channel, cfg["LANGUAGE"]),
        "items": [wire_item(i) for i in items],
        "announcement": announcement_json(announcements.active(channel.id)),
        "stats": channel_stats(channel),
        "server_time": now.isoformat(),
        "version": cfg["VERSION"],
    }
    if screen is not None:
        payload["screen"] = {"name": screen.name, "branch": screen.branch}
    return payload


class LiveNamespace(Namespace):
    """A display joins its screen's channel; a widget joins a channel by name, read-only."""

    def __init__(self, namespace: str) -> None:
        super().__init__(namespace)
        self.screens: dict[str, int] = {}  # sid → screen id, for health on disconnect
        self.widgets: set[str] = set()

    def on_connect(self, auth=None):
        auth = auth if isinstance(auth, dict) else {}
        session = db.session()
        screen = None
        if auth.get("screen"):
            screen = session.scalar(select(Screen).where(Screen.token == str(auth["screen"])))
            if screen is None:
                raise ConnectionRefusedError("unknown screen")
            screen.last_seen, screen.connected = datetime.now(UTC), True
            screen.client_version = str(auth.get("client") or "")[:64] or None
            session.commit()
            self.screens[request.sid] = screen.id
            metrics.CLIENTS.labels("screen").inc()
            join_room(screen_room(screen.id))
            channel = screen.channel
        elif auth.get("widget"):
            channel = session.scalar(select(Channel).where(Channel.name == str(auth["widget"])))
            if channel is None:
                raise ConnectionRefusedError("unknown channel")
            self.widgets.add(request.sid)
            metrics.CLIENTS.labels("widget").inc()
        else:
            raise ConnectionRefusedError("a screen token or widget channel is required")
        join_room(room_for(channel.id))
        emit("feed", feed_payload(channel, screen))

    def on_heartbeat(self, data=None):
        """A display says it is alive and what it shows; the console's screen health."""
        screen_id = self.screens.get(request.sid)
        if screen_id is None:
            return
        data = data if isinstance(data, dict) else {}
        session = db.session()
        screen = session.get(Screen, screen_id)
        if screen is None:
            return
        screen.last_seen, screen.connected = datetime.now(UTC), True
        item, slide = data.get("item"), data.get("slide")
        screen.current_item_id = item if isinstance(item, int) else None
        screen.current_slide = slide if slide in SLIDES else None
        session.commit()

    def on_disconnect(self, reason=None):
        if request.sid in self.widgets:
            self.widgets.discard(request.sid)
            metrics.CLIENTS.labels("widget").dec()
        screen_id = self.screens.pop(request.sid, None)
        if screen_id is not None:
            metrics.CLIENTS.labels("screen").dec()
        if screen_id is None or screen_id in self.screens.values():
            return  # another tab of the same screen is still connected
        session = db.session()
        screen = session.get(Screen, screen_id)
        if screen is not None:
            screen.connected = False
            session.commit()


def publish_item_change(item: Item, before: set[int], after: set[int]) -> None:
    """Tell each channel what changed for it: added, removed, or updated in place."""
    payload = {"id": item.id, "item": wire_item(item)} if after else None
    for channel_id in after - before:
        _emit("item_added", payload, room_for(channel_id))
    for channel_id in after & before:
        _emit("item_updated", payload, room_for(channel_id))
    for channel_id in before - after:
        _emit("item_removed", {"id": item.id}, room_for(channel_id))
    if before or after:
        # Under `kiosk serve` the emits above write at once to every idle websocket
        # (kiosk/websocket.py) and only queue the message for the other clients
        # (long-polling, mid-upgrade, packets already waiting); let those send now, before
        # the caller goes on (weekly numbers, the HTTP answer): a database call holds the
        # whole worker, so their share would wait behind it.
        socketio.sleep(0)


_last_stats: dict[tuple[str, int], dict] = {}


def publish_recall(item_id: int) -> None:
    """An admin pulled the item: every channel drops it, whatever it thought it showed."""
    for channel_id in db.session().scalars(select(Channel.id)):
        _emit("item_removed", {"id": item_id}, room_for(channel_id))


def publish_stats() -> None:
    """Send each channel its weekly numbers when they changed (after a decision or import).

    Remembered per process; with several processes each sends its own change, and a
    repeated `stats` event is harmless to a screen."""
    shared: dict[tuple, dict] = {}
    for channel in db.session().scalars(select(Channel)):
        alike = _stats_key(channel)
        if alike in shared:
            numbers = shared[alike]
            _stats_cache[(current_app.config["DATABASE_URL"], channel.id)] = (
                time.monotonic(), numbers)
        else:
            numbers = shared[alike] = channel_stats(channel, fresh=True)
        key = (current_app.config["DATABASE_URL"], channel.id)
        if _last_stats.get(key) != numbers:
            _last_stats[key] = numbers
            _emit("stats", numbers, room_for(channel.id))


def publish_feed(channel: Channel) -> None:
    """Resend a channel's whole playlist, when its settings change."""
    _emit("feed", feed_payload(channel), room_for(channel.id))


def publish_announcement(row: Announcement, channel_ids, cleared: bool = False) -> None:
    for channel_id in channel_ids:
        _emit("announcement", announcement_json(row, cleared), room_for(channel_id))


def publish_reload(screen: Screen) -> None:
    _emit("reload", {}, screen_room(screen.id))


def _emit(event: str, payload, room: str) -> None:
    with metrics.BROADCAST.labels(event).time():
        socketio.emit(event, payload, namespace=NAMESPACE, to=room)
