"""The intranet embeds, in a real browser: a host page on another origin (another port)
with its own strict Content-Security-Policy, against `kiosk serve`."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk import ROOT

pytestmark = pytest.mark.browser

HOST_PAGE = ROOT / "docs" / "widget-host.html"


class Intranet:
    """Another origin serving host pages, each with the policy a careful intranet would set."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path not in pages:
                    self.send_response(204 if self.path == "/favicon.ico" else 404)
                    self.end_headers()
                    return
                html, csp = pages[self.path]
                body = html.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Content-Security-Policy", csp)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def style_hash(html: str) -> str:
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"


@pytest.fixture
def intranet(served, tmp_path):
    """An intranet origin, and the served Kiosk restarted with it in WIDGET_ORIGINS."""
    host = Intranet()
    config = tmp_path / "kiosk.toml"
    config.write_text(f'widget_origins = "{host.url}"\n')
    served.stop()
    served.env["KIOSK_CONFIG"] = str(config)
    served.start()
    host.kiosk = served.url
    yield host
    host.close()


def approve(served, external_id: str, text: str) -> int:
    report = served.post_feedback(served.secret, {"external_id": external_id, "text": text,
                                                  "author": "Gülşen Yıldız", "lang": "tr",
                                                  "rating": 5, "branch": "Kadıköy"})
    item_id = report["ids"][0]
    served.api("POST", f"/api/v1/items/{item_id}/approve", served.token)
    return item_id


def test_one_script_tag_draws_the_card_in_a_shadow_root(served, intranet, page):
    text = "Kadıköy şubesindeki kasiyer çok güler yüzlüydü, teşekkürler!"
    approve(served, "s1", text)
    html = HOST_PAGE.read_text().replace("http://127.0.0.1:8000", served.url) \
        .replace("channel=default", "channel=lobby")
    # Only the Kiosk origin for script and connect; styles by hash: nothing inline may run.
    intranet.pages["/"] = (html, f"default-src 'none'; script-src {served.url}; "
                                 f"connect-src {served.url}; style-src {style_hash(html)}")
    page.goto(intranet.url + "/")
    quote = page.locator("#praise kiosk-praise .text")  # Playwright pierces open shadow roots
    quote.wait_for(timeout=5_000)
    assert quote.inner_text() == text
    card = page.evaluate("""() => {
        const host = document.querySelector('#praise kiosk-praise');
        const root = host.shadowRoot;
        const css = (sel) => getComputedStyle(root.querySelector(sel));
        return {
            inShadow: !!root && document.querySelector('.text, .card, .quote') === null,
            styleElements: root.querySelectorAll('style').length,
            styleAttributes: root.querySelectorAll('[style]').length,
            background: css('.card').backgroundColor,
            outline: css('.text').outlineStyle,
            quoteBorder: css('.quote').borderLeftWidth,
            fontStyle: css('.quote').fontStyle,
            author: root.querySelector('.author').textContent,
            hostTop: getComputedStyle(document.querySelector('header.top')).textTransform,
            archive: root.querySelector('a.more').href,
        };
    }""")
    assert card["inShadow"]
    assert card["styleElements"] == 0 and card["styleAttributes"] == 0  # adopted sheet only
    assert card["background"] == "rgb(23, 24, 29)"  # styled although style-src has no inline
    # The host's greedy rules (outline on .text, blockquote border, italics) stay outside…
    assert card["outline"] == "none" and card["quoteBorder"] == "0px"
    assert card["fontStyle"] == "normal"
    # …and the card's rules (it has a .top of its own, in capitals) stay inside.
    assert card["hostTop"] == "none"
    assert card["author"] == "— Gülşen Y."
    assert card["archive"] == served.url + "/archive"
    assert not page.errors  # no CSP violation, no script error


def test_iframe_shows_an_approved_item_within_a_second(served, intranet, page):
    intranet.pages["/frame"] = (
        "<!doctype html><title>Intranet</title>"
        f'<iframe src="{served.url}/widget?channel=lobby" width="360" height="420" '
        'title="Kiosk"></iframe>',
        f"default-src 'none'; frame-src {served.url}")
    page.goto(intranet.url + "/frame")
    frame = page.frame_locator("iframe")
    frame.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    widget = next(f for f in page.frames if "/widget" in f.url)
    widget.evaluate("window.__sameDocument = true")

    text = "Nilüfer şubesindeki Şükrü Bey'e kocaman teşekkürler!"
    approve(served, "f1", text)
    frame.locator(".slide.is-active .quote__text", has_text="Şükrü Bey").wait_for(timeout=1_000)
    assert frame.locator(".slide.is-active").get_by_text("Gülşen Y.").count() == 1
    assert widget.evaluate("window.__sameDocument") is True  # no reload happened

    # After a server restart the card follows again, on our own small socket client.
    served.stop()
    frame.locator("body[data-state=offline]").wait_for(state="attached", timeout=30_000)
    served.start()
    frame.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    approve(served, "f2", "Karşıyaka'daki manav ekibine çok teşekkürler, her şey taptaze!")
    frame.locator(".slide.is-active .quote__text", has_text="manav ekibine").wait_for(
        timeout=2_000)
    errors = [e for e in page.errors if "WebSocket" not in e]  # the restart's refused sockets
    assert not errors
