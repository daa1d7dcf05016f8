"""The app served by `kiosk serve` (gunicorn + gevent) on a real port, followed by a real client."""

import threading

import socketio


def test_socketio_client_follows_a_served_screen(served):
    client = socketio.Client(reconnection=False)
    got: dict[str, list] = {"feed": [], "item_added": [], "item_removed": []}
    arrived = threading.Event()
    for name, bucket in got.items():
        client.on(name, lambda data, bucket=bucket: (bucket.append(data), arrived.set()),
                  namespace="/live")
    client.connect(served.url, namespaces=["/live"], auth={"screen": served.screen_token},
                   transports=["websocket"], wait_timeout=10)
    try:
        assert arrived.wait(5) and got["feed"][0]["items"] == []
        report = served.post_feedback(served.secret, {
            "external_id": "e1", "text": "Is the Kadıköy branch open on Sunday?"})
        item_id = report["ids"][0]
        arrived.clear()
        served.api("POST", f"/api/v1/items/{item_id}/approve", served.token)
        assert arrived.wait(5), "no item_added after approval"
        assert got["item_added"][0]["id"] == item_id
        assert got["item_added"][0]["item"]["text"] == "Is the Kadıköy branch open on Sunday?"
        arrived.clear()
        served.api("POST", f"/api/v1/items/{item_id}/reject", served.token)
        assert arrived.wait(5) and got["item_removed"] == [{"id": item_id}]
    finally:
        client.disconnect()


def test_served_refuses_a_bad_screen_token(served):
    client = socketio.Client(reconnection=False)
    try:
        client.connect(served.url, namespaces=["/live"], auth={"screen": "forged"},
                       transports=["websocket"], wait_timeout=5)
    except socketio.exceptions.ConnectionError as exc:
        assert "failed to connect" in str(exc) or "unknown screen" in str(exc)
    else:
        client.disconnect()
        raise AssertionError("a forged screen token was let in")
