"""The one-frame fan-out of `kiosk serve` (kiosk/websocket.py).

Served tests run a real `kiosk serve` and follow it with a python-socketio client and with
raw websocket clients built on wsproto (an independent implementation that checks every
frame, and decompresses permessage-deflate as a browser does). The first tests pin the
shape of the library internals the module relies on, so an upgrade fails here, loudly.
"""

from __future__ import annotations

import inspect
import json
import random
import re
import socket
import threading
import time
import urllib.request
import zlib

import engineio
import pytest
import simple_websocket
import socketio
from engineio import socket as eio_socket
from engineio.async_drivers import gevent as eio_gevent
from socketio import pubsub_manager
from wsproto import ConnectionType, WSConnection
from wsproto.events import (
    AcceptConnection,
    CloseConnection,
    Message,
    Ping,
    Request,
    TextMessage,
)
from wsproto.extensions import PerMessageDeflate

from kiosk import websocket

WITHIN = 1.0  # seconds: DESIGN.md, "pushed to the screens it concerns within a second"


# --- the library internals kiosk/websocket.py relies on ---------------------------------

def test_engineio_still_takes_its_websocket_driver_from_the_table():
    upgrade = inspect.getsource(eio_socket.Socket._upgrade_websocket)
    assert "self.server._async['websocket'](" in upgrade
    assert "self._websocket_handler, self.server)" in upgrade
    assert {"websocket", "thread", "queue"} <= set(eio_gevent._async)
    assert issubclass(eio_gevent.Thread, object) and eio_gevent.WebSocketWSGI is not None
    server = engineio.Server(async_mode="threading")
    sock = eio_socket.Socket(server, "sid")
    for flag in ("upgraded", "upgrading", "closing", "closed"):
        assert getattr(sock, flag) is False, flag
    assert sock.queue.empty()
    handler = inspect.getsource(eio_socket.Socket._websocket_handler)
    for call in ("ws.wait()", "ws.send(pkt.encode())", "ws.close()", "self.poll()"):
        assert call in handler, call


def test_simple_websocket_still_writes_through_its_socket_and_hands_over_the_handshake():
    base = inspect.getsource(simple_websocket.ws.Base)
    assert "self.handshake()" in base
    assert "self.sock.send(" in base and "self.sock.recv(" in base and "self.sock.close()" in base
    assert "self.ws = WSConnection(" in base
    assert "'gunicorn.socket' in environ" in inspect.getsource(simple_websocket.Server.__init__)


def test_socketio_manager_still_builds_a_broadcast_as_fanout_does():
    emit = inspect.signature(socketio.Manager.emit)
    assert list(emit.parameters) == ["self", "event", "data", "namespace", "room", "skip_sid",
                                     "callback", "to", "kwargs"]
    source = inspect.getsource(socketio.Manager.emit)
    assert "packet.EVENT, namespace=namespace, data=[event] + data)" in source
    assert "eio_packet.Packet(eio_packet.MESSAGE, p)" in source
    assert "self.server._send_eio_packet(eio_sid, p)" in source
    assert "super().emit(message['event']" in inspect.getsource(
        pubsub_manager.PubSubManager._handle_emit)
    mro = websocket.RedisFanout.__mro__
    assert mro.index(websocket.Fanout) == mro.index(pubsub_manager.PubSubManager) + 1


# --- the frames, read back by wsproto -----------------------------------------------------

def _client_server_pair(deflate: bool):
    client, server = WSConnection(ConnectionType.CLIENT), WSConnection(ConnectionType.SERVER)
    server.receive_data(client.send(Request(
        host="kiosk", target="/", extensions=[PerMessageDeflate()] if deflate else [])))
    request = next(server.events())
    offer = PerMessageDeflate(server_no_context_takeover=True)
    client.receive_data(server.send(AcceptConnection(extensions=[offer] if deflate else [])))
    assert isinstance(next(client.events()), AcceptConnection)
    assert isinstance(request, Request)
    return client, (offer.server_max_window_bits if deflate else None)


@pytest.mark.parametrize("deflate", [False, True])
def test_frames_decode_in_a_websocket_client(deflate):
    client, bits = _client_server_pair(deflate)
    messages = ["2", "42/live," + json.dumps(["item_added", {"text": "Çok güzel! " * 40}]),
                "x" * 70_000, b"\x00\x01binary" * 100, "42/live,[\"stats\",{}]" * 30]
    wire = b"".join(websocket._Frames(m).for_window(bits) for m in messages)
    if deflate:  # compressed frames carry RSV1; the repetitive messages shrink
        assert len(wire) < sum(len(m) for m in messages) / 4
    client.receive_data(wire)
    got = [e.data for e in client.events()]
    assert got == messages


# --- the outbox, on a real socket pair under gevent ----------------------------------------

def test_outbox_never_waits_and_keeps_the_order():
    """Far more than the socket takes is written without waiting; the reader then gets
    every byte, in order."""
    import gevent.socket

    ours, theirs = gevent.socket.socketpair()
    outbox = websocket._Outbox(ours)
    chunks = [bytes([i]) * 65536 for i in range(100)]  # 6.5 MB, beyond the socket buffers
    started = time.monotonic()
    for chunk in chunks:
        assert outbox.send(chunk) == len(chunk)
    assert time.monotonic() - started < 1.0 and outbox.pending_bytes > 0
    got = bytearray()
    while len(got) < len(chunks) * 65536:
        got += theirs.recv(1 << 20)  # gevent: lets the outbox's greenlet send the rest
    assert bytes(got) == b"".join(chunks)
    assert outbox.pending_bytes == 0
    outbox.close()
    with pytest.raises(OSError):
        outbox.send(b"late")


def test_outbox_drops_a_client_that_leaves_too_much_unread(monkeypatch):
    import gevent.socket

    monkeypatch.setattr(websocket, "MAX_PENDING", 1 << 20)
    ours, theirs = gevent.socket.socketpair()
    outbox = websocket._Outbox(ours)
    while not outbox.closed:
        outbox.send(b"x" * 65536)
    received = 0
    while data := theirs.recv(1 << 20):  # the end comes, not a wait forever
        received += len(data)
    assert received < 64 << 20


# --- a raw websocket client on /live --------------------------------------------------------

class RawLive:
    """An Engine.IO/Socket.IO client on /live over wsproto, reading only when asked."""

    def __init__(self, port: int, auth: dict, deflate: bool = False, rcvbuf: int = 0):
        self.sock = socket.socket()
        if rcvbuf:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.connect(("127.0.0.1", port))
        self.sock.settimeout(10)
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.raw_bytes = 0  # as received, before decompression
        self.text_bytes = 0
        self.inbox: list[str] = []
        self.sock.sendall(self.ws.send(Request(
            host="127.0.0.1", target="/socket.io/?EIO=4&transport=websocket",
            extensions=[PerMessageDeflate()] if deflate else [])))
        accept = self._next_event()
        assert isinstance(accept, AcceptConnection), accept
        self.extensions = accept.extensions
        assert self.next_message().startswith("0{")  # Engine.IO open
        self.send(f"40/live,{json.dumps(auth)}")
        self.wait_for(lambda m: m.startswith("40/live,"))

    def send(self, text: str) -> None:
        self.sock.sendall(self.ws.send(Message(data=text)))

    def _next_event(self):
        while True:
            for event in self.ws.events():
                return event
            data = self.sock.recv(65536)
            assert data, "server closed the connection"
            self.raw_bytes += len(data)
            self.ws.receive_data(data)

    def next_message(self) -> str:
        parts = []
        while True:
            event = self._next_event()
            if isinstance(event, Ping):
                self.sock.sendall(self.ws.send(event.response()))
            elif isinstance(event, CloseConnection):
                raise AssertionError(f"closed: {event.code} {event.reason}")
            elif isinstance(event, TextMessage):
                parts.append(event.data)
                if event.message_finished:
                    text = "".join(parts)
                    self.text_bytes += len(text.encode())
                    if text == "2":  # Engine.IO ping
                        self.send("3")
                        parts = []
                        continue
                    return text

    def wait_for(self, match, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.next_message()
            self.inbox.append(message)
            if match(message):
                return message
        raise AssertionError("no such message in time")

    def events(self, name: str) -> list[dict]:
        prefix = f'42/live,["{name}",'
        return [json.loads(m[len("42/live,"):])[1] for m in self.inbox if m.startswith(prefix)]

    def close(self) -> None:
        self.sock.close()


def _listen(served, auth, transports=("websocket",)):
    client = socketio.Client(reconnection=False)
    added: list[tuple[float, int]] = []
    arrived = threading.Condition()

    def on_added(data):
        with arrived:
            added.append((time.monotonic(), data["id"]))
            arrived.notify_all()
    client.on("item_added", on_added, namespace="/live")
    client.connect(served.url, namespaces=["/live"], auth=auth, transports=list(transports),
                   wait_timeout=10)
    return client, added, arrived


def _letters(number: int) -> str:
    """A name without digits (digits could read as a phone number and be redacted)."""
    return "".join(chr(ord("a") + int(d)) for d in str(number)) + "ville"


def _pending_items(served, texts: list[str]) -> list[int]:
    """Questions, so that no rule approves them before the test does."""
    return served.post_feedback(served.secret, [
        {"external_id": f"w{i}-{time.monotonic_ns()}", "text": text}
        for i, text in enumerate(texts)])["ids"]


def _metric(served, name: str) -> float:
    with urllib.request.urlopen(served.url + "/metrics", timeout=10) as r:
        text = r.read().decode()
    found = re.search(rf"^{name} (\S+)$", text, re.M)
    return float(found.group(1)) if found else 0.0


def _deferred_writes(served) -> float:
    return _metric(served, "kiosk_websocket_deferred_writes_total")


def test_many_broadcasts_arrive_in_order_plain_deflated_and_polling(served):
    """Forty approvals in a row: socket.io clients on a websocket, on long-polling and
    upgrading from it, and raw websocket clients with and without permessage-deflate each
    get every `item_added`, in the order of the approvals."""
    ids = _pending_items(served, [f"Is the {_letters(i)} branch open on Sunday? " * 12
                                  for i in range(40)])
    listeners = [_listen(served, {"screen": served.screen_token}),
                 _listen(served, {"widget": "lobby"}, transports=("polling",)),
                 _listen(served, {"widget": "lobby"}, transports=("polling", "websocket"))]
    plain = RawLive(served.port, {"widget": "lobby"})
    packed = RawLive(served.port, {"widget": "lobby"}, deflate=True)
    try:
        assert plain.extensions == []
        assert [type(e) for e in packed.extensions] == [PerMessageDeflate]
        direct_before = _metric(served, "kiosk_websocket_direct_writes_total")
        for item_id in ids:
            served.api("POST", f"/api/v1/items/{item_id}/approve", served.token)
        for client, added, arrived in listeners:
            with arrived:
                arrived.wait_for(lambda added=added: len(added) == len(ids), 10)
            assert [i for _, i in added] == ids, client.transport()
        assert [c.transport() for c, _, _ in listeners] == ["websocket", "polling",
                                                            "websocket"]
        for raw in (plain, packed):
            raw.wait_for(lambda m: m.startswith(f'42/live,["item_added",{{"id":{ids[-1]},'))
            assert [e["id"] for e in raw.events("item_added")] == ids
            assert all("branch open" in e["item"]["text"] for e in raw.events("item_added"))
        # the deflate client really got compressed frames (~500 B of text per 1.5 KB)
        assert packed.raw_bytes < packed.text_bytes * 0.6 < plain.raw_bytes
        # and the one-frame path wrote them: at least the four idle websocket clients
        assert _metric(served, "kiosk_websocket_direct_writes_total") - direct_before \
            >= 4 * len(ids)
    finally:
        for client, _, _ in listeners:
            client.disconnect()
        plain.close()
        packed.close()


def test_a_client_that_stops_reading_holds_up_nobody(served):
    """A widget stops reading while big items are approved: the screen gets each one within
    a second, the server keeps the stalled client's share waiting (the metric says so),
    and once it reads again it gets all of them, intact and in order."""
    served.stop()
    served.env.update(KIOSK_MAX_TEXT_LENGTH="200000", KIOSK_MAX_CONTENT_LENGTH="20000000")
    served.start()
    big = [f"Is the {_letters(i)} branch open on Sunday? " + "Where do I park the car? " * 4000
           for i in range(40)]
    ids = _pending_items(served, big)
    stalled = RawLive(served.port, {"widget": "lobby"}, rcvbuf=4096)
    client, added, arrived = _listen(served, {"screen": served.screen_token})
    try:
        approved: list[int] = []
        for item_id in ids:
            served.api("POST", f"/api/v1/items/{item_id}/approve", served.token)
            done = time.monotonic()
            approved.append(item_id)
            with arrived:
                assert arrived.wait_for(lambda: len(added) == len(approved), WITHIN), \
                    f"item {item_id} did not reach the screen within {WITHIN} s"
            assert added[-1][0] - done < WITHIN
            if _deferred_writes(served) > 0 and len(approved) >= 5:
                break
        assert _deferred_writes(served) > 0, "the stalled client never filled its socket"
        assert [i for _, i in added] == approved
        stalled.wait_for(lambda m: m.startswith(f'42/live,["item_added",{{"id":{approved[-1]},'),
                         timeout=20)
        got = stalled.events("item_added")
        assert [e["id"] for e in got] == approved
        assert [e["item"]["text"] for e in got] == [t.strip() for t in big[:len(approved)]]
    finally:
        client.disconnect()
        stalled.close()


def test_deflate_with_a_small_window_is_honoured(served):
    """A client may ask the server for a smaller compression window; its messages must
    still decode."""
    # Repeats 1,200 characters apart, further back than a 9-bit window reaches.
    rng = random.Random(8)
    words = " ".join("".join(rng.choice("bcdfghklmnprstvz") for _ in range(5))
                     for _ in range(200))
    ids = _pending_items(served, [f"Is the lobby branch open on Sunday? {words} {words}"])
    clients = []
    for bits in (9, 12):
        raw = RawLive.__new__(RawLive)
        offer = PerMessageDeflate(server_max_window_bits=bits)
        raw.sock = socket.create_connection(("127.0.0.1", served.port), 10)
        raw.ws, raw.raw_bytes, raw.text_bytes, raw.inbox = (
            WSConnection(ConnectionType.CLIENT), 0, 0, [])
        raw.sock.sendall(raw.ws.send(Request(
            host="127.0.0.1", target="/socket.io/?EIO=4&transport=websocket",
            extensions=[offer])))
        assert isinstance(raw._next_event(), AcceptConnection)
        assert offer.server_max_window_bits == bits
        assert raw.next_message().startswith("0{")
        raw.send('40/live,{"widget": "lobby"}')
        raw.wait_for(lambda m: m.startswith("40/live,"))
        clients.append(raw)
    try:
        served.api("POST", f"/api/v1/items/{ids[0]}/approve", served.token)
        for raw in clients:
            message = raw.wait_for(lambda m: m.startswith('42/live,["item_added"'))
            assert "lobby branch open" in message
    finally:
        for raw in clients:
            raw.close()


@pytest.mark.parametrize("bits", [9, 12, 15])
def test_deflate_helper_matches_zlib(bits):
    """The compressed form is raw deflate minus the sync-flush tail (RFC 7692), within the
    window the client allowed: a client inflating in small steps with that window (as a
    streaming decoder may) gets the text back."""
    rng = random.Random(bits)
    words = " ".join("".join(rng.choice("bcdfghklmnpr") for _ in range(6)) for _ in range(150))
    payload = f"Harika bir ekip! {words} {words} {words}".encode()  # repeats > 512 B apart
    packed = websocket._Frames(payload).for_window(bits)[4:]  # 2 + 2 header bytes
    assert not packed.endswith(b"\x00\x00\xff\xff")
    inflater, out, data = zlib.decompressobj(-bits), b"", packed + b"\x00\x00\xff\xff"
    while data:
        out += inflater.decompress(data, 256)
        data = inflater.unconsumed_tail
    assert out == payload


def test_a_hung_client_is_cut_off_after_its_ping_timeout(served):
    """A screen that stops reading and answering (a hung TV) is closed by Engine.IO's ping
    timeout; its TCP connection must then end too, not linger for ever."""
    hung = RawLive(served.port, {"widget": "lobby"})
    try:
        hung.sock.settimeout(45)  # ping interval + timeout (20 s) + CLOSE_GRACE, with room
        start = time.monotonic()
        while hung.sock.recv(65536):  # no pong is ever sent; drain until the server ends it
            pass
        assert time.monotonic() - start < 40
    finally:
        hung.close()


def test_a_client_with_packets_waiting_is_not_written_to_directly():
    """The ordering guard: a broadcast may skip Engine.IO's queue only while nothing earlier
    waits in it for that client (else the new frame would overtake the queued one)."""
    server = engineio.Server(async_mode="gevent")
    eio = eio_socket.Socket(server, "sid-1")
    eio.connected = eio.upgraded = True
    conn = websocket._Connection.__new__(websocket._Connection)
    conn.eio_socket, conn.connected = eio, True
    raw = socket.socket()
    try:
        conn.sock = websocket._Outbox(raw)
        assert conn.idle()
        eio.queue.put(engineio.packet.Packet(engineio.packet.MESSAGE, "2earlier"))
        assert not conn.idle()
        eio.queue.get()
        eio.queue.task_done()
        assert conn.idle()
        eio.upgrading = True  # mid-upgrade: the queue is the only way
        assert not conn.idle()
    finally:
        raw.close()
