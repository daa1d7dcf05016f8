"""RSS and Atom feeds (review sites, blogs, anything that syndicates) via feedparser.

Feeds are fetched through `Http` so timeouts, retries and rate limits behave as for every
other source; feedparser only parses. Paged feeds (RFC 5005 `rel="next"`) are followed until
entries are older than `since`.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin, urlparse

import feedparser

from kiosk.sources.base import Connector, Field, Page
from kiosk.sources.http import ShapeError
from kiosk.sources.text import html_to_text


class FeedConnector(Connector):
    kind = "rss"
    title = "RSS or Atom feed"
    fields = (
        Field("url", "the feed's address", required=True, kind="url"),
        Field("max_pages", "most pages of a paged feed read per poll", default="5", kind="int"),
    )

    def fetch(self, since: datetime) -> Iterator[Page]:
        url, seen = self.settings["url"], set()
        for _ in range(self.settings["max_pages"]):
            seen.add(url)
            response = self.http.get(url, headers={"Accept": "application/atom+xml, "
                                                   "application/rss+xml, application/xml;q=0.9"})
            try:
                parsed = feedparser.parse(response.content,
                                          response_headers={k.lower(): v for k, v
                                                            in response.headers.items()})
            except Exception as exc:  # feedparser's loose parser trips on e.g. "&#xD800;"
                raise ShapeError(f"{urlparse(url).netloc} sent a feed that cannot be read "
                                 f"({type(exc).__name__}: {str(exc)[:80]})") from None
            lang = _str(parsed.feed.get("language"))[:2].lower()
            records = [r for r in (self._record(e, url, lang) for e in parsed.entries) if r]
            if not parsed.get("version") or (parsed.get("bozo") and not records):  # b"" has none
                reason = getattr(parsed, "bozo_exception", None) or "no feed element"
                raise ShapeError(f"{urlparse(url).netloc} did not send an RSS or Atom feed "
                                 f"({reason})")
            fresh = [r for r in records if r["_when"] is None or r["_when"] >= since]
            for r in fresh:
                r.pop("_when")
            yield Page(fresh)
            older = len(fresh) < len(records)
            following = _next_link(parsed, url)
            if older or not following or following in seen:
                return
            url = following

    def _record(self, entry, feed_url: str, lang: str) -> dict | None:
        body = ""
        if entry.get("content"):
            body = _str(entry.content[0].get("value"))
        body = body or _str(entry.get("summary"))
        title = html_to_text(_str(entry.get("title")))
        text = html_to_text(body)
        if title and not text.startswith(title):
            text = f"{title}\n{text}" if text else title
        if not text:
            return None
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        created = _instant(when) if when else None
        link = _str(entry.get("link")).strip()
        try:
            link = urljoin(feed_url, link) if link else None
        except ValueError:  # "http://[" and other unparseable addresses
            link = None
        digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]
        external = _str(entry.get("id")).strip() or link or digest
        record = {"external_id": external[:255], "text": text, "url": link, "_when": created}
        if created:
            record["created_at"] = created.isoformat()
        author = html_to_text(_str(entry.get("author")))
        if author:
            record["author"] = author[:120]
        if lang in ("tr", "en"):
            record["lang"] = lang
        return record


def _str(value) -> str:
    """feedparser's loose parser leaves None (or other objects) where text was expected."""
    return value if isinstance(value, str) else ""


def _instant(when) -> datetime | None:
    """A parsed feed time; one out of range ("0000-00-00", year 9999 at -23:59) counts as
    none given, like a date feedparser could not read at all."""
    try:
        return datetime.fromtimestamp(calendar.timegm(when), UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _next_link(parsed, base: str) -> str | None:
    for link in parsed.feed.get("links", []):
        if link.get("rel") == "next" and _str(link.get("href")):
            try:
                return urljoin(base, link["href"])
            except ValueError:
                return None
    return None


CONNECTOR = FeedConnector
