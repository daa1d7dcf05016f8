"""An approval that was acknowledged is never lost, however the server dies.

The server is killed with SIGKILL (the whole gunicorn process group, no goodbye) again and
again while a client approves items through the API; after a final restart every approval
that got a 2xx is in the database and on a screen.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import urllib.error
import urllib.request

import socketio

from tests.conftest import Served


class Killable(Served):
    """`kiosk serve` in its own process group, so SIGKILL takes the workers down too."""

    group = True

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)


def approve(srv: Killable, item_id: int) -> bool:
    req = urllib.request.Request(f"{srv.url}/api/v1/items/{item_id}/approve", method="POST",
                                 headers={"Authorization": f"Bearer {srv.token}"})
    try:
        with urllib.request.urlopen(req, timeout=3) as r:
            return 200 <= r.status < 300
    except (OSError, urllib.error.HTTPError):
        return False  # refused, reset or killed mid-request: not acknowledged


def test_acknowledged_approvals_survive_sigkill(tmp_path):
    srv = Killable(tmp_path)
    srv.env["KIOSK_SCHEDULER"] = "off"
    srv.env["KIOSK_FEED_MAX_ITEMS"] = "500"  # the playlist can hold every item
    srv.cli("init")
    secret = srv.cli("sources", "add", "shop", "--kind", "webhook")
    srv.cli("users", "create", "--username", "root", "--password", "s3cret-pass",
            "--role", "admin")
    srv.token = srv.cli("tokens", "create", "root")
    display_url = srv.cli("screens", "create", "tv", "--channel", "lobby")
    srv.start()
    # Neutral texts: nothing is auto-approved, so every approval is the client's.
    items = [{"source": "shop", "external_id": f"d{n}", "text": f"Sipariş numarası {n} geldi."}
             for n in range(400)]
    ids = srv.post_feedback(secret, items)["ids"]
    assert len(ids) == 400

    acknowledged: list[int] = []
    todo = list(ids)
    done = threading.Event()

    def curator():
        while todo and not done.is_set():
            item_id = todo[0]
            if approve(srv, item_id):
                acknowledged.append(item_id)
                todo.pop(0)
            else:
                time.sleep(0.02)  # the server is down; try the same item again

    worker = threading.Thread(target=curator)
    worker.start()
    kills = 0
    try:
        for _ in range(6):
            time.sleep(0.4)
            srv.kill()
            kills += 1
            time.sleep(0.1)
            srv.start()
        while todo and worker.is_alive():
            time.sleep(0.1)
    finally:
        done.set()
        worker.join(30)
        srv.kill()
    assert kills == 6 and len(acknowledged) > 50  # approvals really ran across the kills

    srv.start()
    try:
        listed = srv.api("GET", "/api/v1/items?status=approved&limit=500", srv.token)["items"]
        approved = {i["id"] for i in listed}
        assert set(acknowledged) <= approved
        # On the screens too: a screen connecting now gets every acknowledged approval.
        client = socketio.Client(reconnection=False)
        feeds = []
        client.on("feed", lambda data: feeds.append(data), namespace="/live")
        client.connect(srv.url, namespaces=["/live"], transports=["websocket"],
                       auth={"screen": display_url.rsplit("/", 1)[1]}, wait_timeout=10)
        deadline = time.monotonic() + 10
        while not feeds and time.monotonic() < deadline:
            time.sleep(0.05)
        client.disconnect()
        on_screen = {i["id"] for i in feeds[0]["items"]}
        assert set(acknowledged) <= on_screen
    finally:
        srv.kill()
