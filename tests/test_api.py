import pytest


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_items_need_credentials(client):
    response = client.get("/api/v1/items")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/api/v1/items", headers=auth("kiosk_wrong")).status_code == 401


def test_items_list_every_status_with_analysis(client, admin_token, make_item):
    make_item("Fantastic service, thank you!")
    make_item("Where is the nearest branch?")
    make_item("Awful. Never again.", status="rejected")
    body = client.get("/api/v1/items", headers=auth(admin_token)).json
    assert {i["status"] for i in body["items"]} == {"approved", "pending", "rejected"}
    first = body["items"][0]
    for key in ("id", "external_id", "source", "status", "lang", "sentiment", "label",
                "themes", "mentions", "branches", "display_text", "display_author"):
        assert key in first
    assert body["next"] is None


def test_filters_and_cursor_pagination(client, admin_token, make_item):
    ids = [make_item(f"Thank you, wonderful visit number {n}!").id for n in range(5)]
    make_item("Terrible service and rude staff.")
    seen, cursor = [], None
    while True:
        query = {"status": "approved", "limit": 2} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/v1/items", query_string=query, headers=auth(admin_token)).json
        seen += [i["id"] for i in body["items"]]
        cursor = body["next"]
        if not cursor:
            break
    assert seen == sorted(ids, reverse=True)
    body = client.get("/api/v1/items?label=complaint", headers=auth(admin_token)).json
    assert [i["label"] for i in body["items"]] == ["complaint"]
    assert client.get("/api/v1/items?cursor=@@", headers=auth(admin_token)).status_code == 400
    assert client.get("/api/v1/items?limit=x", headers=auth(admin_token)).status_code == 400


@pytest.mark.parametrize("action, status", [("approve", "approved"), ("reject", "rejected"),
                                            ("pin", "pinned")])
def test_actions_are_idempotent(client, curator_token, make_item, action, status):
    item = make_item("Is the store open today?")
    for _ in range(2):
        response = client.post(f"/api/v1/items/{item.id}/{action}",
                               headers=auth(curator_token))
        assert response.status_code == 200
        assert response.json["status"] == status
        assert response.json["decided_by"] == "cem"


def test_action_on_missing_item_is_404(client, admin_token):
    assert client.post("/api/v1/items/999/approve", headers=auth(admin_token)).status_code == 404


def test_users_is_for_admins_only(client, admin_token, curator_token):
    assert client.get("/api/v1/users", headers=auth(curator_token)).status_code == 403
    users = client.get("/api/v1/users", headers=auth(admin_token)).json["users"]
    assert {u["username"] for u in users} == {"ada", "cem"}
    assert all("password_hash" not in u for u in users)


def test_session_writes_need_csrf_token(client, admin_token, make_item):
    item = make_item("Is the store open today?")
    page = client.get("/admin/login").get_data(as_text=True)
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    login = client.post("/admin/login", data={"username": "ada", "password": "correct-horse",
                                              "csrf_token": csrf})
    assert login.status_code == 302
    assert client.post(f"/api/v1/items/{item.id}/approve").status_code == 400
    ok = client.post(f"/api/v1/items/{item.id}/approve", headers={"X-CSRFToken": csrf})
    assert ok.status_code == 200


def test_login_refuses_wrong_password_and_offsite_next(client, admin_token):
    page = client.get("/admin/login").get_data(as_text=True)
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    bad = client.post("/admin/login", data={"username": "ada", "password": "nope",
                                            "csrf_token": csrf})
    assert bad.status_code == 401
    good = client.post("/admin/login?next=//evil.example/x",
                       data={"username": "ada", "password": "correct-horse", "csrf_token": csrf})
    assert good.headers["Location"] == "/admin/"


def test_openapi_document_lists_the_public_paths(client):
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.")
    for path in ("/api/v1/items", "/api/v1/items/{id}/approve", "/api/v1/feedback",
                 "/api/v1/users"):
        assert path in spec["paths"]


def test_every_page_has_a_strict_csp(client, screen):
    for path in ("/healthz", "/admin/login", f"/display/{screen.token}"):
        csp = client.get(path).headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
