"""The intranet widget (/widget, /widget.js, feed.json) and the praise archive."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

import pytest
from sqlalchemy import event

from kiosk import ROOT, db, feed
from kiosk.web import widget

ROSTER = ("name,aliases,team,branch\n"
          "Ayşe Yılmaz,Ayşe Hanım,Kasa,Kadıköy\n"
          "Can Demir,Can Bey,Manav,Beşiktaş\n")
BUDGET = 40 * 1024  # DESIGN.md: the intranet widget, as transferred (compressed)


def directives(csp: str) -> dict[str, str]:
    parts = [p.strip().split(None, 1) for p in csp.split(";") if p.strip()]
    names = [p[0] for p in parts]
    assert len(names) == len(set(names)), csp  # nothing injected a second directive
    return {p[0]: p[1] if len(p) > 1 else "" for p in parts}


def hours_ago(n: float) -> str:
    return (datetime.now(UTC) - timedelta(hours=n)).isoformat()


# --- /widget ----------------------------------------------------------------------------

def test_widget_page_may_be_framed_by_the_configured_origins_only(app, client, screen):
    response = client.get("/widget?channel=default")
    assert response.status_code == 200
    csp = directives(response.headers["Content-Security-Policy"])
    assert csp["frame-ancestors"] == "'self'"
    assert "X-Frame-Options" not in response.headers  # it would contradict frame-ancestors
    # The rest of the strict policy stays: no inline script or style, nothing from elsewhere.
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
    assert csp["default-src"] == "'self'" and csp["connect-src"] == "'self'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]

    app.config["WIDGET_ORIGINS"] = "https://intranet.example.com https://*.corp.example:8443"
    csp = directives(client.get("/widget").headers["Content-Security-Policy"])
    assert csp["frame-ancestors"] == "https://intranet.example.com https://*.corp.example:8443"

    # A value that tries to smuggle in directives loses the smuggling parts.
    app.config["WIDGET_ORIGINS"] = "https://ok.example; script-src 'unsafe-inline' https://a.example"
    csp = directives(client.get("/widget").headers["Content-Security-Policy"])
    assert csp["script-src"] == "'self'"
    assert ";" not in csp["frame-ancestors"] and "unsafe" not in csp["frame-ancestors"]
    assert "https://a.example" in csp["frame-ancestors"]


def test_other_pages_still_refuse_every_frame(app, client, screen):
    app.config["WIDGET_ORIGINS"] = "https://intranet.example.com"
    for path in ("/archive", "/widget/feed.json", "/healthz"):
        response = client.get(path)
        assert directives(response.headers["Content-Security-Policy"])["frame-ancestors"] \
            == "'none'", path
        assert response.headers["X-Frame-Options"] == "DENY", path


def test_unknown_channel_is_404(client, screen):
    assert client.get("/widget?channel=nope").status_code == 404
    response = client.get("/widget/feed.json?channel=nope")
    assert response.status_code == 404
    assert response.headers["Access-Control-Allow-Origin"] == "*"  # the script can tell


def test_widget_page_loads_only_our_own_files(client, screen):
    html = client.get("/widget?channel=default").get_data(as_text=True)
    assert 'data-channel="default"' in html
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)  # no other host


def test_widget_socket_client_unit_tests():
    """static/widget/*.test.mjs (the small Socket.IO client) under Node's own runner."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not installed")
    done = subprocess.run([node, "--test", str(ROOT / "static" / "widget")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# --- /widget.js and /widget/feed.json ---------------------------------------------------

def test_widget_script_is_public_and_cacheable(client):
    response = client.get("/widget.js?channel=lobby")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "public" in response.headers["Cache-Control"]
    source = response.get_data(as_text=True)
    assert "document.currentScript" in source and "attachShadow" in source
    assert "innerHTML" not in source and "eval(" not in source  # text only via textContent


def test_feed_json_has_only_public_fields_and_cors(client, screen, make_item):
    shown = make_item("Harika hizmet, çok teşekkürler! Bana ayse.k@example.com adresinden "
                      "ulaşın.", status="approved", author="Ayşe Kaplan",
                      url="https://example.com/review/1", created_at=hours_ago(2))
    make_item("Wonderful staff, thank you so much!", status="pending", created_at=hours_ago(1))
    make_item("Lovely people, thank you!", status="rejected")

    response = client.get("/widget/feed.json?channel=default")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "public, max-age=60"
    data = response.get_json()
    assert set(data) == {"channel", "items", "server_time"}
    assert data["channel"]["name"] == "default"
    assert data["items"] == [feed.display_item(shown)]  # the public face, nothing more
    body = response.get_data(as_text=True)
    assert "ayse.k@example.com" not in body and "Kaplan" not in body
    assert '"external_id"' not in body and '"decided_by"' not in body

    again = client.get("/widget/feed.json?channel=default",
                       headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_feed_json_is_cached_per_channel_for_half_a_minute(app, client, screen, make_item,
                                                          monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(widget, "_clock", lambda: now[0])
    make_item("Wonderful staff, thank you so much!", status="approved")
    assert len(client.get("/widget/feed.json").get_json()["items"]) == 1

    make_item("Lovely people at the till, thank you!", status="approved")
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine(), "before_cursor_execute", count)
    try:
        for _ in range(50):  # the homepage crowd at 9:00
            assert len(client.get("/widget/feed.json").get_json()["items"]) == 1
        assert statements == []  # not one query: all from memory

        now[0] += widget.FEED_CACHE_SECONDS + 1
        assert len(client.get("/widget/feed.json").get_json()["items"]) == 2
        assert statements
    finally:
        event.remove(db.engine(), "before_cursor_execute", count)


# --- the weight budget -------------------------------------------------------------------

_HTML_REFS = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"')
_CSS_REFS = re.compile(r'url\(\s*["\']?([^"\')]+)')
_JS_REFS = re.compile(r'(?:\bimport\b[^;"\'()]*?\bfrom\s*|\bimport\s*\(?\s*)["\']([^"\']+)["\']')


def transferred(client, start: str) -> dict[str, int]:
    """gzip size of the page at `start` and of every file it loads, recursively."""
    sizes: dict[str, int] = {}
    todo = [start]
    while todo:
        url = todo.pop()
        if url in sizes or url.startswith("data:"):
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.get_data()
        sizes[url] = len(gzip.compress(body, compresslevel=6))
        text = body.decode("utf-8", errors="replace")
        if response.mimetype == "text/html":
            refs = _HTML_REFS.findall(text)
        elif response.mimetype in ("text/javascript", "application/javascript"):
            refs = _JS_REFS.findall(text)
        elif response.mimetype == "text/css":
            refs = _CSS_REFS.findall(text)  # every icon, as if each were shown once
        else:
            refs = []
        todo += [urljoin(url, ref) for ref in refs]
    return sizes


def test_widget_weighs_at_most_40_kb_as_transferred(client, screen, make_item):
    for n in range(20):
        make_item(f"Wonderful staff number {n}, thank you so much for everything today!",
                  status="approved")
    frame = transferred(client, "/widget?channel=default")
    assert any("frame.js" in url for url in frame) and any("socket.js" in url for url in frame)
    assert not any("socket.io.min.js" in url for url in frame)  # 15 KB: ours is ~2
    assert any("/display/render.js" in url for url in frame)  # the wall's modules, reused
    total = sum(frame.values())
    print(f"/widget: {len(frame)} files, {total} bytes gzip")
    assert total <= BUDGET, frame

    embed = transferred(client, "/widget.js?channel=default")
    embed_total = sum(embed.values()) + len(gzip.compress(
        client.get("/widget/feed.json?channel=default").get_data(), compresslevel=6))
    print(f"/widget.js + feed.json (20 items): {embed_total} bytes gzip")
    assert embed_total <= BUDGET


# --- /archive -----------------------------------------------------------------------------

@pytest.fixture
def roster(app):
    from kiosk.roster import import_roster

    import_roster(ROSTER)


def texts(response) -> list[str]:
    html = response.get_data(as_text=True)
    return re.findall(r'<blockquote class="quote"[^>]*><p>(.*?)</p>', html, re.S)


def test_archive_filters_by_branch_team_theme_and_folded_text(client, roster, make_item):
    make_item("Kadıköy şubesindeki Ayşe Hanım'a çok teşekkürler, çok ilgiliydi!",
              status="approved", branch="Kadıköy", created_at=hours_ago(5))
    make_item("Can Bey was so helpful and friendly, thank you!", status="pinned",
              branch="Beşiktaş", created_at=hours_ago(4))
    make_item("Meyveler taptaze, sebzeler harika, teşekkürler!", status="approved",
              created_at=hours_ago(3))
    make_item("Ayşe Hanım harika biri, teşekkürler!", status="pending", created_at=hours_ago(2))
    make_item("Ayşe Hanım çok nazik, teşekkürler!", status="rejected")
    make_item("Ayşe Hanım çok kabaydı, berbat bir deneyimdi, bir daha gelmem.",
              status="approved")  # a complaint, even if approved

    everything = texts(client.get("/archive"))
    assert len(everything) == 3
    assert everything[0].startswith("Meyveler")  # newest first
    assert everything[2].startswith("Kadıköy")

    for q in ("ayse", "AYŞE", "Ayşe", "ayşe hanim"):
        found = texts(client.get("/archive", query_string={"q": q}))
        assert len(found) == 1 and "Ayşe Hanım&#39;a" in found[0], q
    assert len(texts(client.get("/archive?q=kadikoy+tesekkurler"))) == 1
    assert texts(client.get("/archive?q=nobody")) == []

    assert [t[:3] for t in texts(client.get("/archive", query_string={"branch": "Beşiktaş"}))] \
        == ["Can"]
    assert [t[:3] for t in texts(client.get("/archive?branch=besiktas"))] == ["Can"]
    assert [t[:3] for t in texts(client.get("/archive?team=Kasa"))] == ["Kad"]
    assert [t[:3] for t in texts(client.get("/archive?team=Manav"))] == ["Can"]
    assert [t[:3] for t in texts(client.get("/archive?theme=freshness"))] == ["Mey"]
    assert texts(client.get("/archive?team=Kasa&branch=Beşiktaş")) == []


def test_archive_shows_only_display_fields(client, make_item):
    make_item("Harika hizmet, teşekkürler! Numaram 0532 123 45 67, mailim ali@example.com",
              status="approved", author="Ali Veli Kaplan", rating=5,
              url="javascript:alert(1)")
    html = client.get("/archive").get_data(as_text=True)
    assert "0532 123 45 67" not in html and "ali@example.com" not in html
    assert "Kaplan" not in html and "Ali K." in html
    assert "javascript:" not in html
    assert "★★★★★" in html


def test_archive_hides_unedited_profanity(client, make_item):
    item = make_item("Wonderful staff, thank you so much!", status="approved")
    item.analysis.flags = ["profanity"]
    db.session().commit()
    assert texts(client.get("/archive")) == []
    item.edited_text = "Wonderful staff, thank you!"
    db.session().commit()
    assert len(texts(client.get("/archive"))) == 1


def test_archive_escapes_customer_html(client, make_item):
    make_item('<img src=x onerror="alert(1)"><b>Harika</b> hizmet, teşekkürler!',
              status="approved")
    response = client.get("/archive", query_string={"q": '"><script>alert(2)</script>'})
    html = response.get_data(as_text=True)
    assert "<script>alert(2)" not in html and "&lt;script&gt;alert(2)" in html
    html = client.get("/archive").get_data(as_text=True)
    assert "<b>Harika</b>" not in html and "<img src=x" not in html
    assert "&lt;b&gt;Harika&lt;/b&gt;" in html


def test_archive_pages_by_thirty_newest_first(client, make_item):
    for n in range(31):
        make_item(f"Wonderful staff, thank you so much! Visit {n:02d}", status="approved",
                  created_at=hours_ago(100 - n))
    first = texts(client.get("/archive"))
    assert len(first) == 30 and first[0].endswith("Visit 30")
    html = client.get("/archive").get_data(as_text=True)
    assert 'href="/archive?page=2"' in html
    second = texts(client.get("/archive?page=2"))
    assert second == ["Wonderful staff, thank you so much! Visit 00"]
    assert len(texts(client.get("/archive?page=abc"))) == 30
    assert texts(client.get("/archive?page=9")) == []
