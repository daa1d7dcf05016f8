import json

from sqlalchemy import func, select

from kiosk import db
from kiosk.models import Item
from tests.conftest import sign


def stored() -> int:
    return db.session().scalar(select(func.count()).select_from(Item))


def post(client, body: bytes, signature: str | None):
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["X-Kiosk-Signature"] = signature
    return client.post("/api/v1/feedback", data=body, headers=headers)


ITEM = {"source": "survey", "external_id": "s-1", "text": "Kasiyer çok nazikti, teşekkürler!"}


def test_unsigned_or_wrongly_signed_is_401_and_nothing_stored(client, webhook):
    body = json.dumps(ITEM).encode()
    assert post(client, body, None).status_code == 401
    assert post(client, body, "sha256=" + "0" * 64).status_code == 401
    assert post(client, body, sign("another-secret", body)).status_code == 401
    assert post(client, body, sign(webhook.signing_secret, body + b" ")).status_code == 401
    assert stored() == 0


def test_signed_single_item_and_list_are_stored_once(client, webhook):
    body = json.dumps(ITEM).encode()
    response = post(client, body, sign(webhook.signing_secret, body))
    assert response.status_code == 201, response.json
    assert response.json["accepted"] == 1
    items = [ITEM, {**ITEM, "external_id": "s-2"}]
    body = json.dumps(items).encode()
    response = post(client, body, sign(webhook.signing_secret, body))
    assert response.json["accepted"] == 1 and response.json["duplicates"] == 1
    assert stored() == 2


def test_malformed_json_is_400_with_a_message(client, webhook):
    body = b'{"source": "survey", "text": '
    response = post(client, body, sign(webhook.signing_secret, body))
    assert response.status_code == 400
    assert "not valid JSON" in response.json["error"]
    assert stored() == 0


def test_a_bad_item_in_a_list_is_named_and_the_rest_kept(client, webhook):
    items = [{**ITEM, "external_id": "ok"}, {"source": "survey", "text": "no id"},
             {**ITEM, "external_id": "other", "source": "google"}]
    body = json.dumps(items).encode()
    response = post(client, body, sign(webhook.signing_secret, body))
    assert response.status_code == 201
    assert [e["index"] for e in response.json["errors"]] == [1, 2]
    assert "external_id" in response.json["errors"][0]["error"]
    assert stored() == 1


def test_non_http_url_is_dropped_but_item_kept(client, webhook):
    body = json.dumps({**ITEM, "url": "javascript:alert(1)"}).encode()
    response = post(client, body, sign(webhook.signing_secret, body))
    assert response.status_code == 201
    item = db.session().get(Item, response.json["ids"][0])
    assert item.url is None


def test_source_defaults_to_the_signing_source(client, webhook):
    body = json.dumps({"external_id": "n1", "text": "Great"}).encode()
    response = post(client, body, sign(webhook.signing_secret, body))
    assert db.session().get(Item, response.json["ids"][0]).source == "survey"


def test_body_over_the_limit_is_refused(app, webhook):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    body = json.dumps({**ITEM, "text": "x" * 2000}).encode()
    response = post(app.test_client(), body, sign(webhook.signing_secret, body))
    assert response.status_code == 413
    assert stored() == 0


def signed_at(secret: str, body: bytes, timestamp: int) -> dict:
    message = str(timestamp).encode() + b"." + body
    return {"Content-Type": "application/json", "X-Kiosk-Timestamp": str(timestamp),
            "X-Kiosk-Signature": sign(secret, message)}


def test_a_timestamped_signature_is_accepted_while_fresh_and_refused_when_replayed(client,
                                                                                  webhook):
    import time

    body = json.dumps(ITEM).encode()
    fresh = client.post("/api/v1/feedback", data=body,
                        headers=signed_at(webhook.signing_secret, body, int(time.time())))
    assert fresh.status_code == 201
    late = client.post("/api/v1/feedback", data=body,
                       headers=signed_at(webhook.signing_secret, body, int(time.time()) - 900))
    assert late.status_code == 401 and "valid for 300 s" in late.get_json()["error"]
    # The timestamp is part of what is signed: changing it breaks the signature.
    headers = signed_at(webhook.signing_secret, body, int(time.time()) - 900)
    headers["X-Kiosk-Timestamp"] = str(int(time.time()))
    assert client.post("/api/v1/feedback", data=body, headers=headers).status_code == 401
    assert stored() == 1


def test_a_source_can_require_timestamps(client, app):
    import time

    from kiosk.sources.registry import add_source

    source = add_source("strict", "webhook", {"require_timestamp": "yes"})
    body = json.dumps({**ITEM, "source": "strict"}).encode()
    plain = post(client, body, sign(source.signing_secret, body))
    assert plain.status_code == 401 and "requires X-Kiosk-Timestamp" in plain.get_json()["error"]
    ok = client.post("/api/v1/feedback", data=body,
                     headers=signed_at(source.signing_secret, body, int(time.time())))
    assert ok.status_code == 201
