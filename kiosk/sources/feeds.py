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
            parsed = feedparser.parse(response.content,
                                      response_headers={k.lower(): v for k, v
                                                        in response.headers.items()})
            lang = (parsed.feed.get("language") or "")[:2].lower()
            records = [r for r in (self._record(e, url, lang) for e in parsed.entries) if r]
            if not parsed.version or (parsed.bozo and not records):
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
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        title = html_to_text(entry.get("title", ""))
        text = html_to_text(body)
        if title and not text.startswith(title):
            text = f"{title}\n{text}" if text else title
        if not text:
            return None
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        created = datetime.fromtimestamp(calendar.timegm(when), UTC) if when else None
        link = entry.get("link") or ""
        link = urljoin(feed_url, link) if link else None
        external = entry.get("id") or link or hashlib.sha256(text.encode()).hexdigest()[:32]
        record = {"external_id": str(external)[:255], "text": text,
                  "url": link, "_when": created}
        if created:
            record["created_at"] = created.isoformat()
        author = entry.get("author")
        if author:
            record["author"] = html_to_text(author)[:120]
        if lang in ("tr", "en"):
            record["lang"] = lang
        return record


def _next_link(parsed, base: str) -> str | None:
    for link in parsed.feed.get("links", []):
        if link.get("rel") == "next" and link.get("href"):
            return urljoin(base, link["href"])
    return None


CONNECTOR = FeedConnector
