"""Security headers on every page: a strict CSP with no inline script, nosniff, a referrer
policy, framing refused except /widget (WIDGET_ORIGINS), and Secure cookies when
SECURE_COOKIES is on. Every GET route the app has is visited, signed in as an admin, so a new
page cannot slip through without its headers."""

from __future__ import annotations

import re

import pytest

from kiosk import create_app, schema

REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin",
                     "strict-origin-when-cross-origin"}
ORIGINS = "https://intranet.example.com https://*.corp.example:8443"
SKIPPED = {"static"}  # files: checked once below with a real file
SLOW = (".pdf",)  # WeasyPrint renders; their headers come from the same hook


def csp_of(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: " ".join(part.split()[1:])
            for part in (p.strip() for p in header.split(";")) if part}


def assert_strict(response, path: str) -> None:
    csp = csp_of(response)
    assert csp, f"{path}: no Content-Security-Policy"
    scripts = csp.get("script-src", csp.get("default-src"))
    assert scripts is not None, f"{path}: neither script-src nor default-src"
    for unsafe in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"):
        assert unsafe not in scripts.split(), f"{path}: script-src allows {unsafe}"
    assert csp.get("object-src", csp.get("default-src")) in ("'none'",), path
    assert csp.get("base-uri") in ("'none'", "'self'"), path
    assert response.headers.get("X-Content-Type-Options") == "nosniff", path
    assert response.headers.get("Referrer-Policy") in REFERRER_POLICIES, path
    if path == "/widget" and response.status_code == 200:
        assert csp["frame-ancestors"] == ORIGINS, path
        assert "X-Frame-Options" not in response.headers, path
    else:
        assert csp.get("frame-ancestors") == "'none'", f"{path}: {csp.get('frame-ancestors')}"
        assert response.headers.get("X-Frame-Options") == "DENY", path


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.fixture
def admin(app, client):
    from kiosk import accounts

    accounts.create_user("ada", "correct-horse", "admin")
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))
    response = client.post("/admin/login", data={"username": "ada", "password": "correct-horse",
                                                 "csrf_token": token})
    assert response.status_code == 302
    return client


def _sample_path(rule, values: dict) -> str | None:
    try:
        return rule.rule if not rule.arguments else \
            re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(values[m.group(1)]), rule.rule)
    except KeyError:
        return None


def test_every_get_route_has_the_security_headers(app, admin, screen, make_item):
    app.config["WIDGET_ORIGINS"] = ORIGINS
    item = make_item(status="approved")
    values = {"token": screen.token, "item_id": item.id, "channel_id": screen.channel_id,
              "slug": "service", "path:filename": "x", "filename": "x", "announcement_id": 1,
              "screen_id": screen.id, "source_id": 1, "suggestion_id": 1, "action": "approve"}
    seen = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in SKIPPED or rule.rule.endswith(SLOW):
            continue
        path = _sample_path(rule, values)
        assert path is not None, f"add a sample value for {rule.rule}"
        response = admin.get(path)
        assert_strict(response, rule.rule if rule.rule == "/widget" else path)
        seen.append(path)
    for path in ("/admin/login", "/widget", "/archive", "/huddle", "/reports/monthly",
                 f"/display/{screen.token}", "/api/v1/items", "/api/v1/openapi.json"):
        assert path in seen


@pytest.mark.parametrize("path", ["/display/not-a-token", "/no/such/page", "/api/v1/items/999999",
                                  "/static/display/main.js", "/static/no-such-file.js",
                                  "/admin/", "/api/v1/items", "/metrics"])
def test_errors_redirects_and_files_have_them_too(client, path):
    assert_strict(client.get(path), path)


def test_the_webhook_and_a_413_have_them(app, client, webhook):
    app.config["MAX_CONTENT_LENGTH"] = 100
    response = client.post("/api/v1/feedback", data=b"x" * 500,
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert_strict(response, "/api/v1/feedback")


@pytest.fixture
def secure_app(tmp_path):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    schema.upgrade(url)
    app = create_app({"DATABASE_URL": url, "INSTANCE_DIR": str(tmp_path), "TESTING": True,
                      "SECRET_KEY": "s" * 64, "SECURE_COOKIES": True})
    with app.app_context():
        yield app


def _cookies(response) -> list[str]:
    return response.headers.getlist("Set-Cookie")


def test_cookies_are_secure_httponly_and_samesite_when_secure_cookies_is_on(secure_app):
    from kiosk import accounts

    accounts.create_user("ada", "correct-horse", "admin")
    client = secure_app.test_client()
    page = client.get("/admin/login", base_url="https://kiosk.example")
    cookies = _cookies(page)
    assert cookies, "the sign-in page sets the session (CSRF) cookie"
    response = client.post("/admin/login", base_url="https://kiosk.example",
                           headers={"Referer": "https://kiosk.example/admin/login"},
                           data={"username": "ada", "password": "correct-horse",
                                 "remember": "y", "csrf_token": csrf_of(page.get_data(True))})
    assert response.status_code == 302
    cookies += _cookies(response)
    for cookie in cookies:
        attributes = {a.strip().split("=")[0].lower() for a in cookie.split(";")[1:]}
        assert {"secure", "httponly"} <= attributes, cookie
        assert "samesite" in attributes, cookie


def test_cookies_are_not_secure_by_default(app, client):
    cookies = _cookies(client.get("/admin/login"))
    assert cookies and all("secure" not in c.lower() for c in cookies)


def test_every_route_refuses_a_body_over_max_content_length(app, admin):
    """Even a route that never reads its body: the limit is checked before the view."""
    app.config["MAX_CONTENT_LENGTH"] = 1000
    body = b"x" * 5000
    checked, wrong = 0, []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods & {"POST", "PUT", "PATCH"}):
            path = re.sub(r"<any\((\w+)[^>]*>", r"\1", rule.rule)  # the first choice
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", "1", path)
            response = admin.open(path, method=method, data=body,
                                  headers={"Content-Type": "application/octet-stream"})
            if response.status_code != 413:
                wrong.append((method, rule.rule, response.status_code))
            checked += 1
    assert not wrong
    assert checked > 30
