"""HTTP for connectors: timeouts, retries with backoff, Retry-After, errors in words.

Every failure becomes a FetchError whose message is what the console shows next to the
source, so it names the host and what went wrong rather than a traceback.
"""

from __future__ import annotations

import email.utils
import json
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import requests

log = logging.getLogger(__name__)

RETRY_STATUS = {500, 502, 503, 504}


class FetchError(Exception):
    """A source could not be read this time; the message is for people."""


class ShapeError(FetchError):
    """The provider answered, but not in the documented shape (an API change)."""


class RateLimited(FetchError):
    def __init__(self, message: str, until: datetime):
        super().__init__(message)
        self.until = until


class Http:
    def __init__(self, timeout: float = 10.0, retries: int = 3, backoff: float = 1.0,
                 max_wait: float = 60.0, user_agent: str = "Kiosk feedback collector"):
        self.timeout, self.retries, self.backoff, self.max_wait = (
            timeout, retries, backoff, max_wait)
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent

    def get(self, url: str, *, params: dict | None = None,
            headers: dict | None = None) -> requests.Response:
        return self.request("GET", url, params=params, headers=headers)

    def post(self, url: str, *, data: dict | None = None,
             headers: dict | None = None) -> requests.Response:
        """A form POST (OAuth token refresh); retried like a GET, as token endpoints are
        idempotent for a refresh grant."""
        return self.request("POST", url, data=data, headers=headers)

    def request(self, method: str, url: str, *, params: dict | None = None,
                headers: dict | None = None, data: dict | None = None) -> requests.Response:
        host = urlparse(url).netloc or url
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self.session.request(method, url, params=params, headers=headers,
                                                data=data, timeout=self.timeout)
            except requests.Timeout:
                problem = f"{host} did not answer within {self.timeout:g} s"
            except requests.ConnectionError as exc:
                problem = f"cannot connect to {host}: {_reason(exc)}"
            except requests.RequestException as exc:
                raise FetchError(f"request to {host} failed: {exc}") from None
            else:
                if response.status_code == 429:
                    wait = retry_after(response)
                    if wait is None:
                        wait = self._delay(attempt)
                    if last or wait > self.max_wait:
                        until = datetime.now(UTC) + timedelta(seconds=wait)
                        raise RateLimited(f"rate-limited by {host} until "
                                          f"{until:%Y-%m-%d %H:%M} UTC", until)
                    log.info("429 from %s; waiting %.1f s", host, wait)
                    time.sleep(wait)
                    continue
                if response.status_code in RETRY_STATUS:
                    problem = f"{host} answered {response.status_code}"
                elif response.status_code >= 400:
                    raise FetchError(f"{host} answered {response.status_code} "
                                     f"{response.reason or ''}: {_snippet(response)}")
                else:
                    return response
            if last:
                tries = self.retries + 1
                raise FetchError(f"{problem} (after {tries} attempt{'s' if tries > 1 else ''})")
            log.info("%s; retrying", problem)
            time.sleep(self._delay(attempt))
        raise AssertionError("unreachable")

    def json(self, url: str, **kwargs) -> Any:
        return parse_json(self.get(url, **kwargs))

    def _delay(self, attempt: int) -> float:
        return self.backoff * 2 ** attempt


def parse_json(response: requests.Response) -> Any:
    """The body as JSON, for connectors that also read headers (Link, rate limits)."""
    try:
        return response.json()
    except (ValueError, json.JSONDecodeError):
        raise ShapeError(f"malformed JSON from {urlparse(response.url).netloc}: "
                         f"{_snippet(response)}") from None


def retry_after(response: requests.Response) -> float | None:
    """Seconds to wait from Retry-After (seconds or HTTP date) or X-Rate-Limit-Reset."""
    value = response.headers.get("Retry-After")
    if value:
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, (when - datetime.now(UTC)).total_seconds())
        except (TypeError, ValueError):
            return None
    reset = response.headers.get("X-Rate-Limit-Reset") or response.headers.get(
        "X-RateLimit-Reset")
    if reset:
        reset = reset.strip()
        if reset.isdigit():  # X: epoch seconds
            return max(0.0, int(reset) - time.time())
        try:  # Mastodon: an ISO 8601 time
            when = datetime.fromisoformat(reset.replace("Z", "+00:00"))
            return max(0.0, (when - datetime.now(UTC)).total_seconds())
        except ValueError:
            return None
    return None


def _reason(exc: Exception) -> str:
    text = str(exc)
    return "connection refused" if "refused" in text.lower() else text[:120]


def _snippet(response: requests.Response) -> str:
    """The start of the body when it explains something (JSON, text); not an HTML page."""
    if "html" in response.headers.get("Content-Type", "").lower():
        return "(an HTML page)"
    text = " ".join(response.text[:160].split())
    return text or "(empty body)"
