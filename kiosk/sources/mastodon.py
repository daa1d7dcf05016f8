"""Mastodon: public hashtag timelines and, with a token, posts that mention the company.

Every timeline (one per hashtag, one for mentions) keeps its own cursor in the source's
state: the newest id stored so far, under "tag:<hashtag>" or "mentions" (for mentions it is
the notification's id, which is what the notifications endpoint pages by).

How a poll walks a timeline, and when the cursor is saved:
- With a cursor, it walks forward. `min_id=<cursor>` answers the statuses immediately newer
  than the cursor, and the Link header's rel="prev" names the block above. Each page then
  covers everything between the cursor and its own newest id, so that id is saved with the
  page: a crash between pages loses nothing. `since` is not applied: the cursor alone says
  what is new, and a backlog bigger than max_pages carries over to the next poll, whose
  `since` may already be past it.
- Without a cursor (a first poll, a newly added hashtag), it walks back from the newest status
  through rel="next" (max_id) until it meets statuses older than `since`. The newest id of the
  first page is saved only after the last page is stored, in a final empty page: saved any
  earlier, a crash mid-walk would leave the older pages unread for good.
Pagination ids are taken from the Link header but always sent to our own `base_url`, so the
token never follows a link to another host.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

import requests

from kiosk.sources.base import ConfigError, Connector, Field, Page, need
from kiosk.sources.http import ShapeError, parse_json
from kiosk.sources.text import html_to_text

LIMIT = 40  # the most a timeline or notifications page answers
SHOWN = {"public", "unlisted"}  # private and direct posts never go on a screen
YES, NO = {"yes", "true", "on", "1"}, {"no", "false", "off", "0", ""}

# A row of a timeline → (its id, when it happened, the record or None to skip it).
Row = tuple[str, datetime, dict[str, Any] | None]


class MastodonConnector(Connector):
    kind = "mastodon"
    title = "Mastodon hashtags and mentions"
    fields = (
        Field("base_url", "the instance, e.g. https://mastodon.social", required=True,
              kind="url"),
        Field("hashtags", "hashtags to follow, without #, separated by commas", kind="list"),
        Field("mentions", "yes to read posts mentioning the token's account", default="no"),
        Field("token", "access token (read scope); needed for mentions", secret=True),
        Field("own_account", "the company's own account (name@instance); its posts are skipped"),
        Field("max_pages", "most pages read per timeline and poll", default="10", kind="int"),
    )

    @classmethod
    def check(cls, settings: dict[str, str]) -> None:
        mentions = _yes(settings.get("mentions", "no"))
        if not settings.get("hashtags", "").strip(" ,#") and not mentions:
            raise ConfigError("mastodon needs --set hashtags=… or --set mentions=yes")
        if mentions and not settings.get("token"):
            raise ConfigError("mentions=yes needs --set token=env:VARNAME (a read token)")

    def fetch(self, since: datetime) -> Iterator[Page]:
        self.base = self.settings["base_url"].rstrip("/")
        self.host = urlparse(self.base).netloc.lower()
        mentions = _yes(self.settings.get("mentions", "no"))
        tags = [t.lstrip("#") for t in self.settings.get("hashtags", []) if t.lstrip("#")]
        for tag in tags:
            yield from self._walk(f"tag:{tag.lower()}", f"/api/v1/timelines/tag/{quote(tag, '')}",
                                  {}, since, self._status_row)
        if mentions:
            yield from self._walk("mentions", "/api/v1/notifications",
                                  {"types[]": "mention"}, since, self._mention_row)

    def _walk(self, key: str, path: str, extra: dict, since: datetime,
              row: Callable[[Any, str], Row]) -> Iterator[Page]:
        cursor = self.state.get(key)
        url, where = self.base + path, f"{self.host}{path}"
        params = {"limit": LIMIT, **extra, **({"min_id": cursor} if cursor else {})}
        first_newest = None
        for _ in range(self.settings["max_pages"]):
            response = self.http.get(url, params=params, headers=self._headers())
            rows = [row(r, where) for r in _json_list(response, where)]
            if not rows:
                break
            newest = max((r[0] for r in rows), key=_order)
            kept = [(when, record) for _, when, record in rows if record]
            if cursor:
                yield Page([record for _, record in kept], {key: newest})
                following = _link_id(response, "prev", "min_id")
                params = {"limit": LIMIT, **extra, "min_id": following}
            else:
                first_newest = first_newest or newest
                yield Page([record for when, record in kept if when >= since])
                if any(when < since for _, when, _ in rows):
                    break  # reached the start of the window
                following = _link_id(response, "next", "max_id")
                params = {"limit": LIMIT, **extra, "max_id": following}
            if not following:
                break
        if first_newest:
            yield Page([], {key: first_newest})

    def _status_row(self, status: Any, where: str) -> Row:
        if not isinstance(status, dict):
            raise ShapeError(f"{where}: expected statuses, got {type(status).__name__}")
        return (need(status, "id", str, where), _when(status, where),
                self._record(status, where))

    def _mention_row(self, note: Any, where: str) -> Row:
        if not isinstance(note, dict):
            raise ShapeError(f"{where}: expected notifications, got {type(note).__name__}")
        status = note.get("status")
        record = (self._record(status, where)
                  if note.get("type") == "mention" and isinstance(status, dict) else None)
        return need(note, "id", str, where), _when(note, where), record

    def _record(self, status: dict, where: str) -> dict[str, Any] | None:
        """The feedback record for a status, or None when it must not be shown."""
        original = status.get("reblog") or status  # a boost counts as the boosted post
        if not isinstance(original, dict):
            raise ShapeError(f"{where}: expected 'reblog' to be a status")
        account = need(original, "account", dict, where)
        visibility = original.get("visibility")
        if not isinstance(visibility, str) or visibility not in SHOWN or self._is_own(account):
            return None
        text = html_to_text(need(original, "content", str, where))
        warning = html_to_text(_string(original.get("spoiler_text")) or "")
        text = f"{warning}\n{text}".strip() if warning else text
        if not text:
            return None  # a picture with no words: nothing to show
        record = {"external_id": need(original, "id", str, where), "text": text,
                  "url": _string(original.get("url")) or _string(original.get("uri")),
                  "created_at": _when(original, where).isoformat()}
        author = _string(account.get("display_name")) or _string(account.get("acct"))
        if author:
            record["author"] = author
        lang = original.get("language")
        if isinstance(lang, str) and len(lang) == 2:
            record["lang"] = lang.lower()
        return record

    def _is_own(self, account: dict) -> bool:
        own = self.settings.get("own_account")
        return bool(own) and self._full(own) == self._full(str(account.get("acct", "")))

    def _full(self, acct: str) -> str:
        """user@host for a handle; local accounts come without the host."""
        acct = acct.strip().lstrip("@").lower()
        return acct if "@" in acct else f"{acct}@{self.host}"

    def _headers(self) -> dict[str, str]:
        token = self.settings.get("token")
        return {"Authorization": f"Bearer {token}"} if token else {}


def _string(value: Any) -> str | None:
    """A provider's optional text field; anything but a string (a changed API) is absent."""
    return value if isinstance(value, str) else None


def _yes(value: str) -> bool:
    text = str(value).strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise ConfigError(f"mentions must be yes or no, not {value!r}")


def _json_list(response: requests.Response, where: str) -> list:
    body = parse_json(response)
    if not isinstance(body, list):
        raise ShapeError(f"{where}: expected a list, got {type(body).__name__}")
    return body


def _when(obj: dict, where: str) -> datetime:
    value = need(obj, "created_at", str, where)
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ShapeError(f"{where}: created_at is not a date: {value[:40]!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _order(status_id: str) -> tuple[int, str]:
    """Mastodon ids are numbers in strings, other servers' fixed-length strings; both sort so."""
    return len(status_id), status_id


def _link_id(response: requests.Response, rel: str, name: str) -> str | None:
    query = parse_qs(urlparse(response.links.get(rel, {}).get("url", "")).query)
    return (query.get(name) or [None])[0]


CONNECTOR = MastodonConnector
