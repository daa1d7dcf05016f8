"""One websocket frame per broadcast: how `kiosk serve` fans an event out to a wall of screens.

Out of the box, python-socketio encodes a room broadcast once, but then every client's
Engine.IO queue gets the packet, every client's writer greenlet wakes, and each builds its
own websocket frame (wsproto) before its own `send` — about 17 µs of Python per client on
top of the ~12 µs the kernel needs for a loopback `send` (profile in docs/benchmarks.md).
Here, for `kiosk serve` (gevent) only:

* `Fanout`, the Socket.IO client manager, builds the broadcast's frame once (and its
  compressed form once, if a client negotiated permessage-deflate) and writes it straight
  to each websocket that has nothing queued, from the broadcasting greenlet. A client with
  packets waiting in its Engine.IO queue, a polling client or one in mid-upgrade gets the
  packet the standard way, behind what is queued, so each client sees its packets in the
  order they were sent.
* `_Outbox` is each websocket's socket as simple-websocket sees it: a write never blocks
  (what the kernel does not take waits, in order, for a greenlet that sends it when the
  client reads), so a stalled screen never holds up the others or the broadcast.
* `WebSocket` is Engine.IO's websocket driver (its `_async["websocket"]` entry) built on
  simple-websocket with that outbox. It builds its frames itself, so wsproto's compressor
  never runs: every compressed message is deflated on its own, and the handshake says so
  (`server_no_context_takeover`), which is what lets one compressed frame go to every
  client.

It uses internals of python-engineio, python-socketio and simple-websocket (the driver
table, the Engine.IO socket's queue and flags, `Manager.emit`'s packet construction,
simple-websocket's `handshake` hook); pyproject.toml pins the versions it was written for
and tests/test_websocket.py fails when their shape changes.
"""

from __future__ import annotations

import ssl
import struct
import zlib
from collections import deque
from functools import partial

import gevent
import simple_websocket
import socketio
from engineio import packet as eio_packet
from engineio.async_drivers import gevent as eio_gevent
from gevent.event import Event
from gevent.selectors import DefaultSelector
from prometheus_client import Counter
from socketio import packet as sio_packet
from wsproto.events import AcceptConnection, Request
from wsproto.extensions import PerMessageDeflate
from wsproto.utilities import RemoteProtocolError

from kiosk.metrics import REGISTRY

# A client that has stopped reading is dropped once this much waits for it (its ping
# timeout usually drops it first): a wall screen's feed is ~100 KB.
MAX_PENDING = 8 * 1024 * 1024
# Shorter messages (pings, connects, acks) go uncompressed: deflate would not shrink them,
# and RFC 7692 lets a sender leave any message uncompressed.
MIN_DEFLATE = 256

_TEXT, _BINARY = 0x1, 0x2

DEFERRED = Counter("kiosk_websocket_deferred_writes",
                   "Websocket writes that waited for a slow client to read (nobody else did)",
                   registry=REGISTRY)
DIRECT = Counter("kiosk_websocket_direct_writes",
                 "Broadcast frames written at once to an idle websocket (the one-frame path)",
                 registry=REGISTRY)
# After Engine.IO closes a session, a client that does not answer the close frame within
# this many seconds (a hung TV: its kernel keeps the connection, nobody reads) is cut off.
CLOSE_GRACE = 5.0
DROPPED = Counter("kiosk_websocket_dropped_clients",
                  f"Clients dropped for leaving over {MAX_PENDING} bytes unread",
                  registry=REGISTRY)


def install(server: socketio.Server, message_queue: str | None, channel: str) -> bool:
    """Give a gevent Socket.IO server the one-frame fan-out, before any client connects.

    Returns False (and changes nothing) where it does not apply: another async mode, or a
    message queue other than Redis."""
    if server.async_mode != "gevent" or server.manager_initialized:
        return False
    if message_queue and not message_queue.startswith(("redis://", "rediss://")):
        return False
    manager = RedisFanout(message_queue, channel=channel) if message_queue else Fanout()
    server.manager = manager
    manager.set_server(server)
    # A copy: the table is engineio's module-level dict, shared by every server.
    server.eio._async = {**server.eio._async,
                         "websocket": partial(WebSocket, manager.connections)}
    return True


def _frame(payload: bytes, opcode: int, compressed: bool = False) -> bytes:
    """An unmasked, final websocket frame (RFC 6455 §5.2), as a server sends it."""
    first = 0x80 | (0x40 if compressed else 0) | opcode
    n = len(payload)
    if n < 126:
        return bytes((first, n)) + payload
    if n < 1 << 16:
        return struct.pack("!BBH", first, 126, n) + payload
    return struct.pack("!BBQ", first, 127, n) + payload


def _deflate(payload: bytes, window_bits: int) -> bytes:
    """One message compressed on its own (RFC 7692 §7.2.1: sync flush, tail removed)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -window_bits)
    return (compressor.compress(payload) + compressor.flush(zlib.Z_SYNC_FLUSH))[:-4]


class _Frames:
    """One Engine.IO packet as a websocket frame, plain or compressed, each built once."""

    def __init__(self, message: str | bytes) -> None:
        if isinstance(message, str):
            self.opcode, self.payload = _TEXT, message.encode()
        else:
            self.opcode, self.payload = _BINARY, bytes(message)
        self._plain: bytes | None = None
        self._compressed: dict[int, bytes] = {}

    def for_window(self, window_bits: int | None) -> bytes:
        """The frame for a client that negotiated deflate with these window bits, or not."""
        if window_bits is None or len(self.payload) < MIN_DEFLATE:
            if self._plain is None:
                self._plain = _frame(self.payload, self.opcode)
            return self._plain
        frame = self._compressed.get(window_bits)
        if frame is None:
            frame = _frame(_deflate(self.payload, window_bits), self.opcode, compressed=True)
            self._compressed[window_bits] = frame
        return frame


class _Outbox:
    """A client's socket whose `send` never waits: what the kernel does not take at once
    is kept, in order, and sent by a greenlet of its own when the client reads again."""

    def __init__(self, sock) -> None:
        self._sock = sock
        self._pending: deque[memoryview] = deque()
        self._pending_bytes = 0
        self.closed = False

    def send(self, data) -> int:
        if self.closed:
            raise BrokenPipeError("websocket closed")
        size = len(data)
        if not self._pending:
            try:
                sent = self._sock.send(data, 0, 0.0)  # gevent: timeout 0 raises, never waits
            except BlockingIOError:
                sent = 0
            except OSError:
                self.closed = True
                raise
            if sent == size:
                return size
            data = memoryview(data)[sent:]
        else:
            data = memoryview(data)
        self._pending.append(data)
        self._pending_bytes += len(data)
        DEFERRED.inc()
        if self._pending_bytes > MAX_PENDING:
            self.abort()
        elif len(self._pending) == 1:
            gevent.spawn(self._flush)
        return size

    def _flush(self) -> None:
        try:
            while self._pending and not self.closed:
                self._sock.sendall(self._pending[0])  # waits, this greenlet only
                self._pending_bytes -= len(self._pending.popleft())
        except OSError:
            self.closed = True
            self._pending.clear()
            self._pending_bytes = 0

    def abort(self) -> None:
        """Give up on a client that stopped reading: its reader sees the end at once."""
        DROPPED.inc()
        self.shut()

    def shut(self) -> None:
        """End the TCP connection now; the reader greenlet sees end-of-file and cleans up."""
        self.closed = True
        self._pending.clear()
        self._pending_bytes = 0
        try:
            self._sock.shutdown(2)
        except OSError:
            pass

    def shut_if_open(self) -> None:
        if not self.closed:
            self.shut()

    @property
    def pending_bytes(self) -> int:
        return self._pending_bytes

    def recv(self, size: int) -> bytes:
        return self._sock.recv(size)

    def fileno(self) -> int:
        return self._sock.fileno()

    def close(self) -> None:
        self.closed = True
        self._pending.clear()
        self._pending_bytes = 0
        self._sock.close()


class _Connection(simple_websocket.Server):
    """simple-websocket's server over an `_Outbox`, building its own outgoing frames."""

    def __init__(self, environ: dict, eio_socket) -> None:
        self.eio_socket = eio_socket
        self.window_bits: int | None = None  # server window when deflate was negotiated
        environ = {**environ, "gunicorn.socket": _Outbox(environ["gunicorn.socket"])}
        super().__init__(environ, thread_class=eio_gevent.Thread, event_class=Event,
                         selector_class=DefaultSelector)

    def handshake(self) -> None:
        """Accept as simple-websocket does, but keep the deflate parameters agreed on."""
        request = b"GET / HTTP/1.1\r\n" + b"".join(
            f"{'-'.join(p.capitalize() for p in key[5:].split('_'))}: {value}\r\n".encode()
            for key, value in self.environ.items() if key.startswith("HTTP_")) + b"\r\n"
        try:
            self.ws.receive_data(request)
            event = next(self.ws.events(), None)
        except RemoteProtocolError:
            return  # not a websocket handshake: `connected` stays False
        if not isinstance(event, Request):
            return
        deflate = PerMessageDeflate(server_no_context_takeover=True)
        self.subprotocol = self.choose_subprotocol(event)
        self.sock.send(self.ws.send(AcceptConnection(subprotocol=self.subprotocol,
                                                     extensions=[deflate])))
        if deflate.enabled():  # wsproto accepts windows of 9–15 bits, as zlib makes them
            self.window_bits = deflate.server_max_window_bits
        self.connected = True

    def send(self, data) -> None:
        if not self.connected:
            raise simple_websocket.ConnectionClosed(self.close_reason, self.close_message)
        self.sock.send(_Frames(data).for_window(self.window_bits))

    def idle(self) -> bool:
        """True when a broadcast may be written now: the websocket is the transport and no
        earlier packet waits in Engine.IO's queue for this client."""
        eio = self.eio_socket
        return (self.connected and eio.upgraded and not eio.upgrading and not eio.closing
                and not eio.closed and not self.sock.closed and eio.queue.empty())

    def write(self, frames: list[_Frames]) -> None:
        try:
            for frames_of_packet in frames:
                self.sock.send(frames_of_packet.for_window(self.window_bits))
        except OSError:
            pass  # the client is gone; its reader tells Engine.IO


class WebSocket:
    """Engine.IO's websocket driver for `kiosk serve`: engineio calls it with its handler
    for one client, and the handler talks to it through `send`, `wait` and `close`."""

    def __init__(self, connections: dict, handler, server) -> None:
        self.connections = connections
        self.app = handler
        self.server = server
        self.ws: _Connection | None = None

    def __call__(self, environ, start_response):
        sock = environ.get("gunicorn.socket")
        if sock is None or isinstance(sock, ssl.SSLSocket):
            # Only gunicorn's plain gevent sockets are handled here; anything else the
            # standard way.
            return eio_gevent.WebSocketWSGI(self.app, self.server)(environ, start_response)
        eio_socket = self.app.__self__  # engineio passes its Socket's bound handler
        self.ws = _Connection(environ, eio_socket)
        self.connections[eio_socket.sid] = self.ws
        try:
            self.app(self)
        finally:
            if self.connections.get(eio_socket.sid) is self.ws:
                del self.connections[eio_socket.sid]
        raise StopIteration()  # gunicorn: the connection is handled, do not answer it

    def close(self) -> None:
        if self.ws.connected:
            self.ws.close()
        # The close frame only queues. A client still behind on what it was sent never
        # reads it: cut it off now; any other gets CLOSE_GRACE seconds to answer.
        outbox = self.ws.sock
        if outbox.pending_bytes:
            outbox.shut()
        else:
            gevent.spawn_later(CLOSE_GRACE, outbox.shut_if_open)

    def send(self, message) -> None:
        try:
            self.ws.send(message)
        except simple_websocket.ConnectionClosed:
            raise OSError() from None

    def wait(self):
        try:
            return self.ws.receive()
        except simple_websocket.ConnectionClosed:
            return None


class Fanout(socketio.Manager):
    """The client manager: a broadcast is encoded and framed once, and written at once to
    every websocket client with nothing queued before it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.connections: dict[str, _Connection] = {}  # Engine.IO sid → websocket

    def emit(self, event, data, namespace, room=None, skip_sid=None, callback=None,
             to=None, **kwargs):
        if callback is not None or namespace not in self.rooms:
            return super().emit(event, data, namespace, room=room, skip_sid=skip_sid,
                                callback=callback, to=to, **kwargs)
        # As socketio.Manager.emit builds it: a tuple is several arguments.
        args = list(data) if isinstance(data, tuple) else [] if data is None else [data]
        skip = skip_sid if isinstance(skip_sid, list) else [skip_sid]
        encoded = self.server.packet_class(sio_packet.EVENT, namespace=namespace,
                                           data=[event, *args]).encode()
        packets = [eio_packet.Packet(eio_packet.MESSAGE, p)
                   for p in (encoded if isinstance(encoded, list) else [encoded])]
        frames = [_Frames(p.encode()) for p in packets]
        for sid, eio_sid in self.get_participants(namespace, to or room):
            if sid in skip:
                continue
            ws = self.connections.get(eio_sid)
            if ws is not None and ws.idle():
                ws.write(frames)
                DIRECT.inc()
            else:
                for p in packets:
                    self.server._send_eio_packet(eio_sid, p)


class RedisFanout(socketio.RedisManager, Fanout):
    """Redis pub/sub between processes, `Fanout` for the clients of this one.

    The method order puts `Fanout` right after `PubSubManager`: its `emit` publishes to
    Redis, and what it hears (`_handle_emit` → `super().emit`) is delivered by
    `Fanout.emit`."""
