"""What a person in the break room sees, in a real browser against `kiosk serve`."""

import pytest

pytestmark = pytest.mark.browser


def test_approved_item_appears_without_reload_and_rejected_leaves(served, page):
    page.goto(served.display_url)
    page.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    page.evaluate("window.__sameDocument = true")

    text = "Nilüfer şubesindeki Şükrü Bey'e kocaman teşekkürler, günümü güzelleştirdi!"
    report = served.post_feedback(served.secret, {"external_id": "w1", "text": text,
                                                  "author": "Gülşen Yıldız", "lang": "tr"})
    item_id = report["ids"][0]
    served.api("POST", f"/api/v1/items/{item_id}/approve", served.token)
    quote = page.locator(".slide.is-active .quote__text")
    quote.filter(has_text="Şükrü Bey'e").wait_for(timeout=1_000)
    assert page.locator(".slide.is-active").get_by_text("Gülşen Y.").count() == 1
    assert page.evaluate("window.__sameDocument") is True  # no reload happened

    served.api("POST", f"/api/v1/items/{item_id}/reject", served.token)
    page.locator(".slide.is-active .quote__text", has_text="Şükrü").wait_for(
        state="detached", timeout=2_000)
    assert not page.errors


def test_customer_html_shows_as_literal_text(served, page):
    hostile = '<img src=x onerror="window.__pwned=1"><b>Harika</b> hizmet!'
    report = served.post_feedback(served.secret, {"external_id": "x1", "text": hostile})
    served.api("POST", f"/api/v1/items/{report['ids'][0]}/pin", served.token)
    page.goto(served.display_url)
    quote = page.locator(".slide.is-active .quote__text")
    quote.wait_for(timeout=5_000)
    assert "<b>Harika</b>" in quote.inner_text()
    assert page.locator(".slide img, .slide b").count() == 0
    assert page.evaluate("window.__pwned") is None
