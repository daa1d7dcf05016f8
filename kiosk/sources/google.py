"""Google Business Profile: reviews of the company's locations (My Business API v4).

reviews.list answers newest change first (orderBy=updateTime desc) and pages backwards with
nextPageToken. Each location keeps its own cursor in the source's state,
"location:<accounts/…/locations/…>" = the newest updateTime stored, and a poll walks a
location until it meets a review changed at or before that cursor (or, on a first poll,
before `since`). The cursor is saved only once the location's walk is over, in an empty page
of its own, so a crash mid-walk re-reads rather than skips.

An edited review comes back with a newer updateTime but the same name, which is its
external_id: ingest keeps the first version and counts the edit as a duplicate.

A review with stars but no words has nothing to show on a screen; it is skipped (and
logged), not treated as an error. Google appends machine translations to the comment;
only the reviewer's own words are kept.

One location's failure does not cost the others their reviews: the error is kept, the next
location is read, and the error is raised at the end so the source's health says so. A rate
limit stops everything at once, since every location shares the same token.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from kiosk.sources.base import ConfigError, Connector, Field, Page, each_place, need
from kiosk.sources.http import ShapeError, parse_json
from kiosk.sources.text import tidy

log = logging.getLogger(__name__)

PAGE_SIZE = 50  # the most reviews.list answers per request
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
LOCATION = re.compile(r"^accounts/[^/\s]+/locations/[^/\s]+$")
TRANSLATED, ORIGINAL = "(Translated by Google)", "(Original)"


class GoogleConnector(Connector):
    kind = "google"
    title = "Google Business Profile reviews"
    fields = (
        Field("locations", "accounts/…/locations/…:Branch pairs separated by commas",
              required=True, kind="map"),
        Field("token", "an OAuth 2.0 access token (business.manage scope); lasts an hour, "
              "so prefer refresh_token", secret=True),
        Field("refresh_token", "OAuth 2.0 refresh token; a fresh access token is asked for "
              "each poll", secret=True),
        Field("client_id", "OAuth client id (with refresh_token)"),
        Field("client_secret", "OAuth client secret (with refresh_token)", secret=True),
        Field("token_url", "OAuth token endpoint", default="https://oauth2.googleapis.com/token",
              kind="url"),
        Field("base_url", "API address", default="https://mybusiness.googleapis.com",
              kind="url"),
        Field("max_pages", "most requests per location and poll", default="10", kind="int"),
    )

    @classmethod
    def check(cls, settings: dict[str, str]) -> None:
        for pair in settings.get("locations", "").split(","):
            name = pair.strip().rsplit(":", 1)[0].strip()
            if not LOCATION.match(name):
                raise ConfigError("locations must be accounts/ID/locations/ID:Branch pairs "
                                  f"separated by commas, not {name!r}")
        refresh = [k for k in ("refresh_token", "client_id", "client_secret") if settings.get(k)]
        if refresh and len(refresh) < 3:
            raise ConfigError("refresh_token needs client_id and client_secret too")
        if not refresh and not settings.get("token"):
            raise ConfigError("google needs --set refresh_token=env:… with client_id and "
                              "client_secret (or a short-lived token=env:…)")

    def fetch(self, since: datetime) -> Iterator[Page]:
        locations: dict[str, str] = self.settings["locations"]
        self.base = self.settings["base_url"].rstrip("/")
        self.headers = {"Authorization": f"Bearer {self._access_token()}"}
        yield from each_place(locations, "location", lambda name, branch: self._location(
            name, branch, since))

    def _access_token(self) -> str:
        """The configured token, or a fresh one from the refresh token (Google's tokens last
        an hour; an unattended daily poll needs the refresh grant)."""
        if not self.settings.get("refresh_token"):
            return self.settings["token"]
        body = parse_json(self.http.post(self.settings["token_url"], data={
            "grant_type": "refresh_token", "refresh_token": self.settings["refresh_token"],
            "client_id": self.settings["client_id"],
            "client_secret": self.settings["client_secret"]}))
        return need(body, "access_token", str, "token endpoint")

    def _location(self, name: str, branch: str, since: datetime) -> Iterator[Page]:
        """Pages of one location's reviews changed after its cursor (or `since`), then it."""
        key = f"location:{name}"
        cursor = _instant(self.state[key], key) if self.state.get(key) else None
        url = f"{self.base}/v4/{name}/reviews"
        where = f"{urlparse(self.base).netloc}/v4/{name}/reviews"
        params: dict[str, Any] = {"pageSize": PAGE_SIZE, "orderBy": "updateTime desc"}
        newest, skipped = None, 0
        for _ in range(self.settings["max_pages"]):
            body = self.http.json(url, params=params, headers=self.headers)
            if not isinstance(body, dict):
                raise ShapeError(f"{where}: expected an object, got {type(body).__name__}")
            reviews = body.get("reviews", [])  # absent when the location has none
            if not isinstance(reviews, list) or not all(isinstance(r, dict) for r in reviews):
                raise ShapeError(f"{where}: expected 'reviews' to be a list of reviews")
            if not reviews:
                break
            rows = [(_instant(need(r, "updateTime", str, where), where), r) for r in reviews]
            top = max(when for when, _ in rows)
            newest = max(newest, top) if newest else top
            # Strictly newer than the cursor: the review changed at the cursor is stored.
            fresh = [r for when, r in rows if (when > cursor if cursor else when >= since)]
            records = [self._record(r, branch, where) for r in fresh]
            skipped += records.count(None)
            yield Page([r for r in records if r], skipped=records.count(None))
            following = body.get("nextPageToken")
            if len(fresh) < len(rows) or not following:
                break  # reached reviews we have, the start of the window, or the end
            params = {**params, "pageToken": following}
        if skipped:
            log.info("google location %s: %d reviews with stars but no words skipped",
                     name, skipped)
        if newest and (cursor is None or newest > cursor):
            yield Page([], {key: newest.isoformat()})

    def _record(self, review: dict, branch: str, where: str) -> dict | None:
        """The feedback record, or None for a rating without words."""
        external_id = review.get("name") or need(review, "reviewId", str, where)
        created = _instant(need(review, "createTime", str, where), where)
        comment = review.get("comment")
        if comment is not None and not isinstance(comment, str):
            raise ShapeError(f"{where}: expected 'comment' to be a string")
        text = original_text(comment or "")
        if not text:
            return None
        record: dict[str, Any] = {"external_id": str(external_id), "text": text,
                                  "created_at": created.isoformat()}
        stars = review.get("starRating")
        rating = STARS.get(stars) if isinstance(stars, str) else None  # UNSPECIFIED: none
        if rating:
            record["rating"] = rating
        reviewer = review.get("reviewer")
        if isinstance(reviewer, dict) and not reviewer.get("isAnonymous"):
            author = reviewer.get("displayName")
            if isinstance(author, str) and author.strip():
                record["author"] = author.strip()
        if branch:
            record["branch"] = branch
        return record


def original_text(comment: str) -> str:
    """The reviewer's own words from a comment Google may have translated.

    Google writes either "(Translated by Google) <translation>\\n\\n(Original)\\n<original>"
    or "<original>\\n\\n(Translated by Google)\\n<translation>".
    """
    if ORIGINAL in comment:
        comment = comment.split(ORIGINAL, 1)[1]
    elif TRANSLATED in comment:
        before, after = comment.split(TRANSLATED, 1)
        comment = before if before.strip() else after  # only a translation: better than none
    return tidy(comment)


def _instant(value: str, where: str) -> datetime:
    """RFC 3339 "Zulu" time, with up to nine fractional digits (Python 3.11 reads those)."""
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ShapeError(f"{where}: not a date: {str(value)[:40]!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


CONNECTOR = GoogleConnector
