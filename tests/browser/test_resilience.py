"""A break-room screen never shows a browser error: outages, restarts, new versions."""

import time

import pytest

pytestmark = pytest.mark.browser


def approve_offline(served, text: str) -> int:
    """Approve an item while the server is down, through the domain code and its database
    (the screen must learn of it from the `feed` it gets when it reconnects)."""
    import os

    from kiosk import create_app, curation, ingest

    saved = dict(os.environ)
    os.environ.update({k: v for k, v in served.env.items() if k.startswith("KIOSK_")})
    try:
        app = create_app()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    with app.app_context():
        report = ingest.ingest([(1, {"source": "shop", "external_id": "offline-1",
                                     "text": text})])
        curation.approve_item(report.added[0], "root")
        return report.added[0]


def test_outage_keeps_rotating_and_restart_catches_up_within_5s(served, page):
    for n, text in enumerate(["Ekmekler taptaze, teşekkürler!", "Kasiyer çok nazikti.",
                              "Lovely staff, thank you!"]):
        item = served.post_feedback(served.secret, {"external_id": f"r{n}", "text": text})
        served.api("POST", f"/api/v1/items/{item['ids'][0]}/approve", served.token)
    served.api("PATCH", "/api/v1/channels/1", served.token, {"rotation_seconds": 5})
    page.goto(served.display_url)
    page.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    page.evaluate("window.__sameDocument = true")

    served.stop()
    page.locator("body[data-state=offline]").wait_for(state="attached", timeout=10_000)
    quote = page.locator(".slide.is-active .quote__text")
    seen = set()
    deadline = time.monotonic() + 15  # 5 s per slide: see it move on
    while time.monotonic() < deadline and len(seen) < 2:
        if quote.count():
            seen.add(quote.inner_text())
        time.sleep(0.5)
    assert len(seen) >= 2, "the page stopped rotating while the server was away"
    assert page.evaluate("window.__sameDocument") is True
    assert "ERR_" not in page.content()

    approve_offline(served, "Geri döndük: Kadıköy ekibine sonsuz teşekkürler!")
    served.start()  # returns once /healthz answers: the server is back from here
    back = time.monotonic()
    page.locator(".slide.is-active .quote__text", has_text="sonsuz teşekkürler").wait_for(
        timeout=5_000)
    assert time.monotonic() - back < 5
    assert page.evaluate("window.__sameDocument") is True


def test_a_new_server_version_reloads_the_page(served, page):
    page.goto(served.display_url)
    page.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    page.evaluate("window.__sameDocument = true")
    served.stop()
    served.env["KIOSK_BUILD_ID"] = "next"
    served.start()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if page.evaluate("window.__sameDocument") is None:
                break
        except Exception:  # the page is navigating
            pass
        time.sleep(0.25)
    assert page.evaluate("window.__sameDocument") is None, "the page did not reload"
    page.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    assert page.locator("body").get_attribute("data-version").endswith(".next")


def test_everything_the_display_loads_is_under_150_kb(served, page):
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body()))
            if r.request.resource_type != "websocket" and r.status == 200 else None)
    page.goto(served.display_url)
    page.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    page.wait_for_timeout(500)
    total = sum(sizes.values())
    assert total <= 150 * 1024, sizes
