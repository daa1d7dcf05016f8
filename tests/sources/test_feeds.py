"""RSS and Atom through the real collector: payloads follow RSS 2.0 and RFC 4287/5005."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from sqlalchemy import select

from kiosk import db
from kiosk.models import Item
from kiosk.sources import collect, registry
from tests.sources.conftest import Reply

NOW = datetime.now(UTC)
RFC822 = {"recent1": format_datetime(NOW - timedelta(hours=3)),
          "recent2": format_datetime(NOW - timedelta(hours=5))}
RFC3339 = {"recent1": (NOW - timedelta(hours=3)).isoformat(),
           "recent2": (NOW - timedelta(hours=5)).isoformat()}


def items(source: str = "reviews") -> list[Item]:
    return list(db.session().scalars(select(Item).where(Item.source == source)
                                      .order_by(Item.external_id)))


def add(provider, path="/feed.rss", name="reviews", **settings):
    return registry.add_source(name, "rss", {"url": provider.url + path, **settings})


def test_rss_items_are_stored_as_plain_text_with_author_link_and_language(app, provider):
    provider.route("/feed.rss", provider.payload("rss/reviews.rss", **RFC822))
    summary = collect.poll(add(provider))
    assert (summary.new, summary.error) == (2, None)  # the February review is before `since`
    got = {i.external_id: i for i in items()}
    assert set(got) == {"review-100", "review-101"}
    praise = got["review-101"]
    assert praise.text.startswith("Harika hizmet\nKadıköy şubesindeki kasiyer çok yardımcı")
    assert "<" not in praise.text and "\n\nTekrar geleceğim." in praise.text
    assert praise.author == "Ayşe Kaya"
    assert praise.url == "https://reviews.example.com/acme/r/101"
    assert praise.analysis.lang == "tr"
    assert abs(praise.created_at - (NOW - timedelta(hours=3))) < timedelta(seconds=2)


def test_second_poll_adds_nothing_twice(app, provider):
    provider.route("/feed.rss", provider.payload("rss/reviews.rss", **RFC822))
    source = add(provider)
    collect.poll(source)
    assert collect.poll(source).new == 0  # asks only from the last poll (less an overlap)
    again = collect.poll(source, since=NOW - timedelta(days=1))  # re-reads the same items
    assert (again.new, again.duplicates) == (0, 2)
    assert len(items()) == 2
    assert registry.health(source) == "ok"


def test_atom_follows_next_links_until_older_than_since(app, provider):
    provider.route("/comments.atom", provider.payload("rss/page1.atom", **RFC3339))
    provider.route("/comments-2.atom", provider.payload("rss/page2.atom", **RFC3339))
    summary = collect.poll(add(provider, "/comments.atom", name="blog"))
    assert summary.new == 2
    texts = [i.text for i in items("blog")]
    assert "Thank you\nThanks for fixing my order so fast." in texts
    assert "Lovely staff\nThe team at the Beşiktaş store were lovely & quick." in texts
    # A since that excludes the second page's entry stops before asking for the page after.
    provider.requests.clear()
    collect.poll(registry.get_source("blog"), since=NOW - timedelta(hours=4), force=True)
    assert len(provider.hits("/comments.atom")) == 1 and len(provider.hits("/comments-2.atom")) == 1


def test_a_500_is_retried_then_the_feed_is_read(app, provider, fast_http):
    provider.route("/feed.rss", Reply(500, "oops"), Reply(503, "busy"),
                   provider.payload("rss/reviews.rss", **RFC822))
    source = add(provider)
    summary = collect.poll(source)
    assert summary.new == 2 and len(provider.hits("/feed.rss")) == 3
    assert registry.health(source) == "ok"


def test_a_feed_that_keeps_failing_is_marked_with_the_reason_and_backed_off(app, provider,
                                                                           fast_http):
    provider.route("/feed.rss", Reply(500, "down"))
    source = add(provider)
    summary = collect.poll(source)
    assert summary.error and "answered 500" in summary.error
    health = registry.health(source)
    assert health.startswith("error:") and "500" in health and "3 attempts" in health
    assert source.retry_at and source.retry_at > datetime.now(UTC)
    assert not collect.due(source, datetime.now(UTC))  # backed off, not hammered


def test_429_with_a_short_retry_after_waits_and_succeeds(app, provider, fast_http):
    provider.route("/feed.rss", Reply(429, "slow down", {"Retry-After": "1"}),
                   provider.payload("rss/reviews.rss", **RFC822))
    started = time.monotonic()
    summary = collect.poll(add(provider))
    assert summary.new == 2
    assert time.monotonic() - started >= 0.9  # it honoured Retry-After


def test_429_with_a_long_retry_after_postpones_the_source(app, provider, fast_http):
    provider.route("/feed.rss", Reply(429, "", {"Retry-After": "3600"}))
    source = add(provider)
    summary = collect.poll(source)
    assert "rate-limited" in summary.error
    assert len(provider.hits("/feed.rss")) == 1  # no hammering
    assert source.retry_at > datetime.now(UTC) + timedelta(minutes=55)
    # Polling again before then skips without a request; `kiosk ingest` (force) still asks.
    assert collect.poll(source).skipped
    assert len(provider.hits("/feed.rss")) == 1


def test_a_timeout_is_an_error_in_words(app, provider, fast_http):
    provider.route("/feed.rss", Reply(200, "<rss/>", delay=1.5))
    source = add(provider)
    summary = collect.poll(source)
    assert "did not answer within 1 s" in summary.error
    assert registry.health(source).startswith("error: ")


@pytest.mark.parametrize("body", ["<rss><channel><item><title>broken", "{\"not\": \"xml\"}",
                                  "<html><body>Login required</body></html>"])
def test_malformed_or_changed_feeds_store_nothing_and_say_so(app, provider, fast_http, body):
    provider.route("/feed.rss", Reply(200, body, {"Content-Type": "text/html"}))
    source = add(provider)
    summary = collect.poll(source)
    assert summary.new == 0 and items() == []
    assert "did not send an RSS or Atom feed" in summary.error
    assert registry.health(source).startswith("error:")


def test_a_broken_second_page_keeps_the_first(app, provider, fast_http):
    provider.route("/comments.atom", provider.payload("rss/page1.atom", **RFC3339))
    provider.route("/comments-2.atom", Reply(500, "down"))
    summary = collect.poll(add(provider, "/comments.atom", name="blog"))
    assert summary.new == 1 and summary.error
    assert [i.external_id for i in items("blog")] == ["urn:acme:comment:2"]


def test_an_empty_feed_is_healthy(app, provider):
    provider.route("/feed.rss", Reply(200, "<?xml version='1.0'?><rss version='2.0'><channel>"
                                      "<title>Nothing yet</title></channel></rss>",
                                      {"Content-Type": "application/rss+xml"}))
    source = add(provider)
    summary = collect.poll(source)
    assert (summary.new, summary.error) == (0, None)
    assert registry.health(source) == "ok"


def test_one_failing_source_does_not_stop_the_others(app, provider, fast_http):
    provider.route("/feed.rss", provider.payload("rss/reviews.rss", **RFC822))
    provider.route("/gone.rss", Reply(404, {"error": "no such feed"}))
    add(provider)
    add(provider, "/gone.rss", name="gone")
    summaries = {s.source: s for s in collect.poll_all()}
    assert summaries["gone"].error.startswith("127.0.0.1")
    assert "404" in summaries["gone"].error and "no such feed" in summaries["gone"].error
    assert summaries["reviews"].new == 2


def test_settings_are_validated_when_the_source_is_added(app):
    with pytest.raises(registry.SourceError, match="needs --set url"):
        registry.add_source("a", "rss", {})
    with pytest.raises(registry.SourceError, match="http"):
        registry.add_source("b", "rss", {"url": "file:///etc/passwd"})
    with pytest.raises(registry.SourceError, match="unknown setting 'urll'"):
        registry.add_source("c", "rss", {"urll": "https://x.example/feed"})
    with pytest.raises(registry.SourceError, match="whole number"):
        registry.add_source("d", "rss", {"url": "https://x.example/f", "interval": "often"})
