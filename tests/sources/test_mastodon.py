# Payload shapes follow docs.joinmastodon.org: methods/timelines (#tag), methods/notifications,
# entities/Status, entities/Account, entities/Notification, api/guidelines (Link pagination).
"""The Mastodon connector against a stand-in instance: timelines, cursors, faults."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from kiosk import db
from kiosk.models import Item
from kiosk.sources import registry
from kiosk.sources.collect import poll
from kiosk.sources.registry import SourceError
from tests.sources.conftest import Reply

TAG = "/api/v1/timelines/tag/acme"
NOTES = "/api/v1/notifications"
SINCE = datetime(2025, 3, 8, tzinfo=UTC)


def linked(reply: Reply, path: str = TAG, **rels: str) -> Reply:
    """A page with a Link header as Mastodon sends it: rel=next → max_id, rel=prev → min_id."""
    links = [f'<{{base}}{path}?limit=40&{query}>; rel="{rel}"' for rel, query in rels.items()]
    reply.headers["Link"] = ", ".join(links)
    return reply


def source(provider, **settings):
    return registry.add_source("masto", "mastodon", {"base_url": provider.url,
                                                     "hashtags": "acme", **settings})


def items() -> dict[str, Item]:
    return {i.external_id: i for i in db.session().scalars(select(Item))}


def test_hashtag_page_becomes_plain_text_items(app, provider):
    provider.route(TAG, provider.payload("mastodon/tag_page1.json"), Reply(200, []))
    summary = poll(source(provider, own_account="acme", branch="Moda"), since=SINCE)

    assert summary.error is None
    got = items()
    # private post skipped, the company's own post skipped, the boost counted as its original
    assert set(got) == {"113000000000000005", "113000000000000004", "112990000000000001"}
    deniz = got["113000000000000005"]
    assert deniz.text == "Great coffee at the Kadıköy branch & such friendly staff!\n" \
                         "Thanks Ayşe <3\n\n#acme"
    assert deniz.author == "Deniz Y."
    assert deniz.url == "https://example.social/@deniz/113000000000000005"
    assert deniz.lang == "en" and deniz.source == "masto" and deniz.branch == "Moda"
    assert deniz.created_at.replace(tzinfo=None) == datetime(2025, 3, 10, 12, 0)
    mert = got["113000000000000004"]
    assert mert.author == "mert" and mert.lang == "tr"  # no display name: the handle
    boosted = got["112990000000000001"]
    assert boosted.author == "Baran K." and boosted.url.endswith("/@baran/112990000000000001")

    first = provider.hits(TAG)[0]
    assert first.arg("limit") == "40" and first.arg("min_id") is None
    assert "Authorization" not in first.headers  # a public timeline needs no token


def test_pagination_follows_link_until_older_than_since(app, provider):
    provider.route(TAG,
                   linked(provider.payload("mastodon/tag_page1.json"),
                          next="max_id=113000000000000002", prev="min_id=113000000000000006"),
                   linked(provider.payload("mastodon/tag_page2.json"),
                          next="max_id=112990000000000000"),
                   Reply(500, "must not be asked"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.error is None
    hits = provider.hits(TAG)
    assert len(hits) == 2  # page 2 reaches past `since`: no third request
    assert hits[1].arg("max_id") == "113000000000000002"
    got = items()
    assert "112999000000000002" in got and "112990000000000000" not in got  # too old
    assert got["112999000000000002"].text.startswith("long queue\nThe queue was long")
    assert src.state["tag:acme"] == "113000000000000006"  # newest id of the first page


def test_cursor_is_saved_and_next_poll_walks_forward(app, provider):
    provider.route(TAG,
                   linked(provider.payload("mastodon/tag_page1.json"),
                          next="max_id=113000000000000002"),
                   linked(provider.payload("mastodon/tag_page2.json")),
                   linked(provider.payload("mastodon/tag_newer.json"),
                          prev="min_id=113000000000000008"),
                   Reply(200, []))
    src = source(provider)
    poll(src, since=SINCE)
    before = len(items())

    second = poll(src, since=SINCE)

    assert second.error is None and second.duplicates == 0 and second.new == 2
    assert len(items()) == before + 2
    forward = provider.hits(TAG)[2:]
    assert [h.arg("min_id") for h in forward] == ["113000000000000006", "113000000000000008"]
    assert all(h.arg("max_id") is None for h in forward)
    assert src.state["tag:acme"] == "113000000000000008"


def test_mentions_read_notifications_with_the_token(app, provider, monkeypatch):
    monkeypatch.setenv("MASTO_TOKEN", "s3cret-token")
    provider.route(NOTES, provider.payload("mastodon/notifications.json"), Reply(200, []))
    src = registry.add_source("masto", "mastodon", {"base_url": provider.url,
                                                    "mentions": "yes",
                                                    "token": "env:MASTO_TOKEN"})
    summary = poll(src, since=SINCE)

    assert summary.error is None
    assert set(items()) == {"113000000000000010"}  # the direct message and the like are not
    lale = items()["113000000000000010"]
    assert lale.text == "@acme the new menu is lovely, well done Ayşe!"
    assert lale.author == "Lale"
    request = provider.hits(NOTES)[0]
    assert request.headers["Authorization"] == "Bearer s3cret-token"
    assert request.query["types[]"] == ["mention"]
    assert src.state["mentions"] == "9003"  # a notification id: what the endpoint pages by
    assert "s3cret-token" not in str(src.settings)


def test_token_in_clear_text_is_refused(app):
    with pytest.raises(SourceError, match="secret"):
        registry.add_source("masto", "mastodon", {"base_url": "https://mastodon.example",
                                                  "hashtags": "acme", "token": "s3cret-token"})


def test_settings_that_cannot_work_are_refused_when_added(app, provider):
    with pytest.raises(registry.SourceError, match="mentions=yes needs --set token"):
        source(provider, mentions="yes")
    with pytest.raises(registry.SourceError, match="hashtags=… or --set mentions=yes"):
        registry.add_source("none", "mastodon", {"base_url": provider.url})
    with pytest.raises(registry.SourceError, match="mentions must be yes or no"):
        source(provider, mentions="maybe")
    assert provider.requests == []


def test_empty_timeline(app, provider):
    provider.route(TAG, Reply(200, []))
    src = source(provider)
    summary = poll(src, since=SINCE)
    assert summary.error is None and summary.new == 0
    assert registry.health(src) == "ok"
    assert "tag:acme" not in src.state


def test_short_rate_limit_is_waited_out(app, provider, fast_http):
    provider.route(TAG, Reply(429, {"error": "Too many requests"}, {"Retry-After": "1"}),
                   provider.payload("mastodon/tag_page1.json"), Reply(200, []))
    src = source(provider)
    summary = poll(src, since=SINCE)
    assert summary.error is None and summary.new == 4
    assert len(provider.hits(TAG)) == 2


def test_rate_limit_with_mastodons_own_headers_is_retried(app, provider, fast_http):
    # Mastodon's 429 carries X-RateLimit-Reset as an ISO 8601 time, not Retry-After.
    reset = {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
             "X-RateLimit-Reset": "2025-03-10T12:05:00.000000Z"}
    provider.route(TAG, Reply(429, {"error": "Too many requests"}, reset),
                   provider.payload("mastodon/tag_page1.json"), Reply(200, []))
    summary = poll(source(provider), since=SINCE)
    assert summary.error is None and summary.new == 4


def test_long_rate_limit_marks_the_source(app, provider, fast_http):
    provider.route(TAG, Reply(429, {"error": "Too many requests"}, {"Retry-After": "3600"}))
    src = source(provider)
    poll(src, since=SINCE)
    assert "rate-limited" in registry.health(src)
    assert src.retry_at is not None
    assert poll(src, since=SINCE).skipped  # not asked again before the limit lifts
    assert len(provider.hits(TAG)) == 1


def test_server_error_then_success_is_retried(app, provider, fast_http):
    provider.route(TAG, Reply(500, "oops"), provider.payload("mastodon/tag_page1.json"),
                   Reply(200, []))
    src = source(provider)
    summary = poll(src, since=SINCE)
    assert summary.error is None and summary.new == 4
    assert registry.health(src) == "ok"


def test_server_error_forever(app, provider, fast_http):
    provider.route(TAG, Reply(503, "down"))
    src = source(provider)
    poll(src, since=SINCE)
    assert registry.health(src).startswith("error")
    assert len(provider.hits(TAG)) == 3  # first try and two retries


def test_timeout(app, provider, fast_http):
    provider.route(TAG, Reply(200, [], delay=1.5))
    src = source(provider)
    poll(src, since=SINCE)
    assert registry.health(src).startswith("error")
    assert "did not answer" in registry.health(src)


def test_malformed_page_keeps_earlier_pages(app, provider, fast_http):
    provider.route(TAG,
                   linked(provider.payload("mastodon/tag_page1.json"),
                          next="max_id=113000000000000002"),
                   Reply(200, b"<html>Bad gateway</html>", {"Content-Type": "text/html"}))
    src = source(provider)
    poll(src, since=SINCE)
    assert registry.health(src).startswith("error: malformed JSON")
    assert len(items()) == 4  # page 1 stays
    assert "tag:acme" not in src.state  # the walk did not finish: the next poll redoes it


def test_changed_shape_is_an_error(app, provider, fast_http):
    status = {"id": "113000000000000005", "created_at": "2025-03-10T12:00:00.000Z",
              "visibility": "public", "content": "<p>hi</p>"}  # no "account"
    provider.route(TAG, Reply(200, [status]))
    src = source(provider)
    poll(src, since=SINCE)
    assert registry.health(src).startswith("error")
    assert "'account'" in registry.health(src)
    assert items() == {}


def test_an_error_object_instead_of_a_list_is_an_error(app, provider, fast_http):
    provider.route(TAG, Reply(200, {"error": "This method requires an authenticated user"}))
    src = source(provider)
    poll(src, since=SINCE)
    assert "expected a list" in registry.health(src)
