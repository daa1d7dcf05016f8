"""Minimal Flask-SocketIO fan-out server for the `kiosk serve` worker benchmark.

Namespace "/live": a client connects with auth {"widget": "bench"} and joins room
"bench" (any other auth is refused, like an unknown channel). POST /emit?seq=N emits
`item_added` {"id": N, "sent": <server time.time_ns()>} to that room.

The async mode comes from BENCH_ASYNC_MODE (gevent | threading | eventlet); unset,
Flask-SocketIO picks one itself. Run it under gunicorn (see bench/fanout.py, which
starts it), e.g.

    BENCH_ASYNC_MODE=gevent    gunicorn -w 1 -k gevent fanout_server:app
    BENCH_ASYNC_MODE=gevent    gunicorn -w 1 \
        -k geventwebsocket.gunicorn.workers.GeventWebSocketWorker fanout_server:app
    BENCH_ASYNC_MODE=threading gunicorn -w 1 -k gthread --threads 100 fanout_server:app

or on its own (gunicorn >= 26 has no eventlet worker):

    python fanout_server.py --mode eventlet --port 5000
"""
import os
import sys

if __name__ == "__main__" and "eventlet" in sys.argv:  # must happen before other imports
    import eventlet

    eventlet.monkey_patch()

import time

from flask import Flask, jsonify, request
from flask_socketio import SocketIO, join_room

NAMESPACE = "/live"
ROOM = "bench"

app = Flask(__name__)
socketio = SocketIO(
    app,
    async_mode=os.environ.get("BENCH_ASYNC_MODE") or None,
    logger=False,
    engineio_logger=False,
)


@socketio.on("connect", namespace=NAMESPACE)
def on_connect(auth):
    if not isinstance(auth, dict) or auth.get("widget") != ROOM:
        raise ConnectionRefusedError("unknown channel")
    join_room(ROOM)


@app.get("/health")
def health():
    loaded = ("geventwebsocket", "simple_websocket", "eventlet.websocket")
    ws = [m for m in loaded if m in sys.modules]
    return jsonify(ok=True, async_mode=socketio.async_mode, websocket=ws, pid=os.getpid())


@app.post("/emit")
def emit():
    seq = int(request.args.get("seq", "0"))
    socketio.emit("item_added", {"id": seq, "sent": time.time_ns()}, namespace=NAMESPACE, to=ROOM)
    return jsonify(ok=True, id=seq)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--mode", choices=["eventlet", "gevent", "threading"], default=None)
    args = parser.parse_args()
    if args.mode and socketio.async_mode != args.mode:
        sys.exit(f"async mode is {socketio.async_mode!r}, wanted {args.mode!r}: "
                 "set BENCH_ASYNC_MODE")
    socketio.run(app, host=args.host, port=args.port, log_output=False,
                 allow_unsafe_werkzeug=True)
