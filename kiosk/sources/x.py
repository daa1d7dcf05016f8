"""X (formerly Twitter): posts matching a search query, through API v2 recent search.

Recent search answers newest first and pages backwards with `next_token`; it has no way to
walk forwards. So the cursor (`since_id`, the newest post stored) is the `newest_id` of the
FIRST page of a poll, and it is saved only after the poll's last page is stored, in a final
empty page. Saved with the first page, a crash mid-walk would skip the older pages for good;
saved late, a crash costs only a re-read that ingest de-duplicates. If a poll stops at
max_pages with more pages left, the cursor is still saved: those older posts are dropped
rather than the same newest pages being bought again and again.

Recent search reaches back 7 days only, and refuses a `since_id` older than that (and any
request that carries both `since_id` and `start_time`). A post id tells its own time, so a
cursor too old to use is swapped for `start_time`, as on a first poll. With a usable cursor
`since` is not applied: the cursor alone says what is new.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html import unescape
from typing import Any
from urllib.parse import urlparse

from kiosk.sources.base import Connector, Field, Page, need
from kiosk.sources.http import ShapeError
from kiosk.sources.text import tidy

log = logging.getLogger(__name__)

WINDOW = timedelta(days=7)  # how far back recent search reaches
MARGIN = timedelta(minutes=5)  # stay clear of the window's edge; the request takes time
TWITTER_EPOCH_MS = 1288834974657  # post ids are "snowflakes": milliseconds since this, << 22


class XConnector(Connector):
    kind = "x"
    title = "X (Twitter) recent search"
    fields = (
        Field("query", 'search query, e.g. "@acme OR #acme -is:retweet"', required=True),
        Field("token", "the app's bearer token", required=True, secret=True),
        Field("base_url", "API address", default="https://api.x.com", kind="url"),
        Field("max_results", "posts per request, 10 to 100", default="100", kind="int"),
        Field("max_pages", "most requests per poll", default="10", kind="int"),
    )

    def fetch(self, since: datetime) -> Iterator[Page]:
        base = self.settings["base_url"].rstrip("/")
        url = base + "/2/tweets/search/recent"
        where = urlparse(base).netloc + "/2/tweets/search/recent"
        headers = {"Authorization": f"Bearer {self.settings['token']}"}
        params: dict[str, Any] = {
            "query": self.settings["query"],
            "max_results": min(100, max(10, self.settings["max_results"])),
            "tweet.fields": "created_at,lang,author_id,note_tweet,referenced_tweets",
            "expansions": "author_id",
            "user.fields": "username,name",
        }
        now = datetime.now(UTC)
        cursor = self.state.get("since_id")
        if cursor and not _usable(cursor, now):
            log.info("%s: since_id %s is older than recent search reaches; using start_time",
                     self.name, cursor)
            cursor = None
        if cursor:
            params["since_id"] = cursor
        else:
            start = max(since, now - WINDOW + MARGIN)
            params["start_time"] = start.strftime("%Y-%m-%dT%H:%M:%SZ")

        newest = None
        for page in range(self.settings["max_pages"]):
            body = self.http.json(url, params=params, headers=headers)
            meta = need(body, "meta", dict, where)
            need(meta, "result_count", int, where)
            rows = body.get("data", [])  # absent when nothing matched
            if not isinstance(rows, list):
                raise ShapeError(f"{where}: expected 'data' to be a list")
            users = _users(body, where)
            newest = newest or meta.get("newest_id")
            stamped = [(_when(t, where), self._record(t, users, where)) for t in rows]
            kept = [(when, record) for when, record in stamped if record]
            if cursor:
                yield Page([record for _, record in kept])
                older = False
            else:
                yield Page([record for when, record in kept if when >= since])
                older = any(when < since for when, _ in stamped)
            following = meta.get("next_token")
            if not following or older:
                break
            if page + 1 == self.settings["max_pages"]:
                log.warning("%s: stopped after %d pages; older matches are skipped",
                            self.name, page + 1)
            params = {**params, "next_token": following}
        if newest:
            yield Page([], {"since_id": str(newest)})

    def _record(self, tweet: Any, users: dict[str, dict], where: str) -> dict[str, Any] | None:
        tweet_id = need(tweet, "id", str, where)
        refs = tweet.get("referenced_tweets")
        if any(isinstance(ref, dict) and ref.get("type") == "retweeted"
               for ref in (refs if isinstance(refs, list) else [])):
            return None  # a repost: the original comes on its own if it matches
        note = tweet.get("note_tweet")  # a long post: `text` holds only its start
        text = note.get("text") if isinstance(note, dict) else None
        text = text if isinstance(text, str) and text else None
        text = tidy(unescape(text or need(tweet, "text", str, where)))  # X escapes & < >
        if not text:
            return None
        user = users.get(str(tweet.get("author_id")), {})
        username = user.get("username") if isinstance(user.get("username"), str) else None
        record = {"external_id": tweet_id, "text": text,
                  "url": (f"https://x.com/{username}/status/{tweet_id}" if username
                          else f"https://x.com/i/web/status/{tweet_id}"),
                  "created_at": _when(tweet, where).isoformat()}
        author = f"@{username}" if username else user.get("name")
        if author and isinstance(author, str):
            record["author"] = author
        lang = tweet.get("lang")
        if isinstance(lang, str) and len(lang) == 2:  # not und, qme, zxx and the like
            record["lang"] = lang.lower()
        return record


def _users(body: dict, where: str) -> dict[str, dict]:
    includes = body.get("includes") or {}
    users = includes.get("users", []) if isinstance(includes, dict) else None
    if not isinstance(users, list):
        raise ShapeError(f"{where}: expected 'includes.users' to be a list")
    return {str(u.get("id")): u for u in users if isinstance(u, dict)}


def _when(tweet: Any, where: str) -> datetime:
    value = need(tweet, "created_at", str, where)
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ShapeError(f"{where}: created_at is not a date: {value[:40]!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _usable(since_id: str, now: datetime) -> bool:
    """Whether recent search still accepts this id as since_id (it is under 7 days old)."""
    try:
        millis = (int(since_id) >> 22) + TWITTER_EPOCH_MS
    except ValueError:
        return False
    return datetime.fromtimestamp(millis / 1000, UTC) > now - WINDOW + MARGIN


CONNECTOR = XConnector
