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


# Where the text of each visible part of the pinned slide's meta line is drawn (a range
# covers what the part contains, never the "·" a stylesheet draws around it).
META_LINES_JS = """() => {
  const meta = document.querySelector('.slide.is-active .meta');
  return [...meta.children].filter(s => !s.hidden && s.getBoundingClientRect().width).map(s => {
    const range = document.createRange();
    range.selectNodeContents(s);
    const r = range.getBoundingClientRect();
    return {text: s.innerText, top: Math.round(r.top), left: r.left, right: r.right};
  });
}"""


def test_a_wrapped_meta_line_never_starts_with_a_dot_or_glues_two_parts(served, browser):
    """In portrait the rating, source, branch and time wrap beside the QR code: each line
    starts flush with the first, and parts sharing a line keep room for the "·" between
    them (re-measuring after hiding a dot once glued "Kadıköy şubesi7 saat önce")."""
    report = served.post_feedback(served.secret, {
        "external_id": "meta1", "rating": 5, "branch": "Bahçelievler",
        "url": "https://example.com/r/1", "created_at": "2026-11-24T06:00:00Z",
        "text": "Bahçelievler şubesindeki ekip harikaydı, çok teşekkürler!"})
    served.api("POST", f"/api/v1/items/{report['ids'][0]}/pin", served.token)
    context = browser.new_context(viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    try:
        page.goto(served.display_url)
        page.locator(".slide.is-active .quote__text", has_text="Bahçelievler").wait_for(
            timeout=5_000)
        page.evaluate("document.fonts.ready")
        parts = page.evaluate(META_LINES_JS)
        text = page.locator(".slide.is-active .meta").inner_text()
    finally:
        context.close()
    assert "Bahçelievler" in text and len({p["top"] for p in parts}) >= 2, parts  # it wraps
    for before, part in zip(parts, parts[1:], strict=False):
        if part["top"] == before["top"]:
            assert part["left"] - before["right"] >= 20, (before, part)  # room for " · "
        else:
            assert abs(part["left"] - parts[0]["left"]) < 1, part  # no dot, no indent
