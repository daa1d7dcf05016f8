"""Foursquare: tips left at the company's venues, through the Places API.

The current Places API (places-api.foursquare.com, a dated `X-Places-Api-Version` header and
a Bearer service key) is the default; `api_version=v3` reads the legacy
api.foursquare.com/v3 endpoint, which takes the raw API key in the Authorization header.

Tips come newest first (sort=NEWEST) and page backwards through the Link header's
rel="next"; there is no way to ask for "newer than". So each venue keeps its own cursor in
the source's state, "venue:<fsq_id>" = the newest tip time stored, and a poll walks a venue
until it meets a tip at or before that cursor (or, on a first poll, before `since`). The
cursor is saved only once the venue's walk is over, in an empty page of its own: saved any
earlier, a crash mid-walk would leave the older pages unread for good. A walk cut short by
max_pages still saves it: older tips beyond that are dropped rather than the same newest
pages being read again and again.

Venues are read one after the other, and one venue's failure does not cost the others their
tips: the error is kept, the next venue is read, and the error is raised at the end so that
the source's health says so. A rate limit stops everything at once: the other venues share
the same key and would only be refused too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, quote, urlparse

from kiosk.sources.base import ConfigError, Connector, Field, Page, each_place, need
from kiosk.sources.http import ShapeError, parse_json
from kiosk.sources.text import tidy

log = logging.getLogger(__name__)

LIMIT = 50  # the most tips a request answers
LEGACY = "v3"
HOSTS = {LEGACY: "https://api.foursquare.com", "current": "https://places-api.foursquare.com"}


class FoursquareConnector(Connector):
    kind = "foursquare"
    title = "Foursquare venue tips"
    fields = (
        Field("venues", "fsq_id:Branch pairs, e.g. 4b0588…:Kadıköy,5a1c…:Moda", required=True,
              kind="map"),
        Field("token", "Places API service key (or legacy v3 API key)", required=True,
              secret=True),
        Field("api_version", "X-Places-Api-Version date, or v3 for the legacy endpoint",
              default="2025-06-17"),
        Field("base_url", "API address; default https://places-api.foursquare.com "
              "(https://api.foursquare.com for v3)", kind="url"),
        Field("max_pages", "most requests per venue and poll", default="10", kind="int"),
    )

    def fetch(self, since: datetime) -> Iterator[Page]:
        venues: dict[str, str] = self.settings["venues"]
        if not venues or not all(venues):
            raise ConfigError("venues must be fsq_id:Branch pairs separated by commas")
        version = self.settings.get("api_version", "2025-06-17").strip()
        legacy = version.lower() == LEGACY
        self.base = (self.settings.get("base_url")
                     or HOSTS[LEGACY if legacy else "current"]).rstrip("/")
        self.prefix = "/v3/places" if legacy else "/places"
        token = self.settings["token"]
        if legacy:
            self.headers = {"Authorization": token, "Accept": "application/json"}
        else:
            self.headers = {"Authorization": _bearer(token), "Accept": "application/json",
                            "X-Places-Api-Version": version}
        yield from each_place(venues, "venue", lambda fsq_id, branch: self._venue(
            fsq_id, branch, since))

    def _venue(self, fsq_id: str, branch: str, since: datetime) -> Iterator[Page]:
        """Pages of one venue's tips newer than its cursor (or `since`), then the cursor."""
        key = f"venue:{fsq_id}"
        cursor = _instant(self.state[key], key) if self.state.get(key) else None
        path = f"{self.prefix}/{quote(fsq_id, safe='')}/tips"
        url, where = self.base + path, urlparse(self.base).netloc + path
        params: dict[str, Any] = {"limit": LIMIT, "sort": "NEWEST"}
        newest = None
        for _ in range(self.settings["max_pages"]):
            response = self.http.get(url, params=params, headers=self.headers)
            tips = _json_list(response, where)
            if not tips:
                break
            rows = [(_instant(need(tip, "created_at", str, where), where), tip)
                    for tip in tips]
            top = max(when for when, _ in rows)
            newest = max(newest, top) if newest else top
            # Strictly newer than the cursor: the tip at the cursor is stored already.
            fresh = [tip for when, tip in rows
                     if (when > cursor if cursor else when >= since)]
            yield Page([r for r in (self._record(tip, fsq_id, branch, where)
                                    for tip in fresh) if r])
            if len(fresh) < len(rows):
                break  # reached tips we have, or the start of the window
            following = response.links.get("next", {}).get("url")
            if not following:
                break
            # Only the link's query is used: the key is never sent to a host we were not given.
            params = {**params, **dict(parse_qsl(urlparse(following).query))}
        if newest and (cursor is None or newest > cursor):
            yield Page([], {key: newest.isoformat()})

    def _record(self, tip: Any, fsq_id: str, branch: str, where: str) -> dict | None:
        text = tidy(need(tip, "text", str, where))
        if not text:
            return None
        record = {"external_id": str(need(tip, "id", str, where)), "text": text,
                  "created_at": _instant(tip["created_at"], where).isoformat(),
                  "url": _link(tip.get("url")) or f"https://foursquare.com/v/{fsq_id}"}
        if branch:
            record["branch"] = branch
        lang = tip.get("lang")
        if isinstance(lang, str) and len(lang) == 2:
            record["lang"] = lang.lower()
        return record


def _bearer(token: str) -> str:
    return token if token.lower().startswith("bearer ") else f"Bearer {token}"


def _link(value: Any) -> str | None:
    ok = isinstance(value, str) and value.startswith(("https://", "http://"))
    return value if ok else None


def _json_list(response, where: str) -> list[dict]:
    body = parse_json(response)
    if not isinstance(body, list) or not all(isinstance(tip, dict) for tip in body):
        raise ShapeError(f"{where}: expected a list of tips, got {type(body).__name__}")
    return body


def _instant(value: str, where: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ShapeError(f"{where}: not a date: {str(value)[:40]!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


CONNECTOR = FoursquareConnector
