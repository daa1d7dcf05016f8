"""Apple App Store: customer reviews of the company's app, from Apple's public RSS (JSON).

No credentials: the feed is public, one country's storefront at a time, newest first, at
most 10 pages of 50 reviews. It has no way to ask for "newer than", so the source's state
keeps "newest" = the time of the newest review stored, and a poll reads pages until it meets
a review at or before that time (or, on a first poll, before `since`). The cursor is saved
only after the last page is stored, in an empty page of its own, so a crash mid-walk
re-reads rather than skips.

The feed's JSON is a mechanical translation of Atom, with traps: a page with one review has
`entry` as an object rather than a list, a page past the end has no `entry` at all, and
older feeds put the app itself first (an entry without "im:rating").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlparse

from kiosk.sources.base import ConfigError, Connector, Field, Page, need
from kiosk.sources.http import ShapeError
from kiosk.sources.text import tidy

MAX_PAGES = 10  # Apple serves no deeper than this


class AppStoreConnector(Connector):
    kind = "appstore"
    title = "Apple App Store reviews"
    fields = (
        Field("app_id", "the app's numeric id, from its App Store link (…/id123456789)",
              required=True),
        Field("country", "two-letter App Store country code", default="tr"),
        Field("pages", "most pages of 50 reviews read per poll (Apple serves 10)",
              default="10", kind="int"),
        Field("base_url", "feed address", default="https://itunes.apple.com", kind="url"),
    )

    @classmethod
    def check(cls, settings: dict[str, str]) -> None:
        app_id = settings.get("app_id", "").strip().lower().removeprefix("id")
        country = settings.get("country", "tr").strip().lower()
        if not app_id.isdigit():
            raise ConfigError(f"app_id must be the app's number, not {app_id!r}")
        if len(country) != 2 or not country.isalpha():
            raise ConfigError(f"country must be a two-letter code such as tr, not {country!r}")

    def fetch(self, since: datetime) -> Iterator[Page]:
        app_id = self.settings["app_id"].strip().lower().removeprefix("id")
        country = self.settings.get("country", "tr").strip().lower()
        base = self.settings["base_url"].rstrip("/")
        self.app_url = f"https://apps.apple.com/{country}/app/id{app_id}"
        cursor = _instant(self.state["newest"], "newest") if self.state.get("newest") else None
        newest = None
        for n in range(1, min(self.settings["pages"], MAX_PAGES) + 1):
            path = (f"/{quote(country)}/rss/customerreviews/page={n}/id={app_id}"
                    "/sortby=mostrecent/json")
            where = urlparse(base).netloc + path
            rows = [self._row(e, where) for e in _entries(self.http.json(base + path), where)]
            rows = [row for row in rows if row]
            if not rows:
                break  # past the last page
            top = max(when for when, _ in rows)
            newest = max(newest, top) if newest else top
            # Strictly newer than the cursor: the review at the cursor is stored already.
            fresh = [rec for when, rec in rows if (when > cursor if cursor else when >= since)]
            yield Page([rec for rec in fresh if rec])
            if len(fresh) < len(rows):
                break  # reached reviews we have, or the start of the window
        if newest and (cursor is None or newest > cursor):
            yield Page([], {"newest": newest.isoformat()})

    def _row(self, entry: Any, where: str) -> tuple[datetime, dict | None] | None:
        """(when, record) for a review; None for the app's own entry."""
        if not isinstance(entry, dict):
            raise ShapeError(f"{where}: expected entries to be objects")
        if "im:rating" not in entry:
            return None  # the app itself, first in older feeds
        when = _instant(_label(entry, "updated", where), where)
        title = tidy(_label(entry, "title", where, required=False))
        content = tidy(_label(entry, "content", where, required=False))
        text = f"{title}\n{content}" if title and content else title or content
        if not text:
            return when, None
        record: dict[str, Any] = {"external_id": _label(entry, "id", where), "text": text,
                                  "created_at": when.isoformat(), "url": self._link(entry)}
        rating = _label(entry, "im:rating", where).strip()
        # isdecimal, not isdigit: "²" is a digit that int() refuses.
        if not (rating.isdecimal() and len(rating) == 1 and 1 <= int(rating) <= 5):
            raise ShapeError(f"{where}: im:rating is not a number from 1 to 5: {rating[:10]!r}")
        record["rating"] = int(rating)
        author = entry.get("author")
        name = author.get("name") if isinstance(author, dict) else None
        if isinstance(name, dict) and isinstance(name.get("label"), str) and name["label"].strip():
            record["author"] = name["label"].strip()
        return when, record

    def _link(self, entry: dict) -> str:
        """The review's own link when the feed gives one, else the app's page."""
        links = entry.get("link")
        for link in links if isinstance(links, list) else [links]:
            attributes = link.get("attributes") if isinstance(link, dict) else None
            href = attributes.get("href") if isinstance(attributes, dict) else None
            if isinstance(href, str) and href.startswith(("https://", "http://")):
                return href
        return self.app_url


def _entries(body: Any, where: str) -> list:
    feed = need(body, "feed", dict, where)
    entry = feed.get("entry")
    if entry is None:
        return []  # past the last page
    if isinstance(entry, dict):
        return [entry]  # a page with exactly one review
    return need(feed, "entry", list, where)


def _label(entry: dict, key: str, where: str, required: bool = True) -> str:
    """entry[key]["label"]: Apple wraps every value in an object with a label."""
    node = entry.get(key)
    if node is None and not required:
        return ""
    return need(node, "label", str, f"{where} {key}")


def _instant(value: str, where: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ShapeError(f"{where}: not a date: {str(value)[:40]!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


CONNECTOR = AppStoreConnector
