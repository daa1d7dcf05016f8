"""`kiosk serve`: gunicorn with gevent workers, so one process holds thousands of websockets."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from kiosk import logs
from kiosk.config import load_settings


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Imported in the worker, after gevent has monkey-patched it.
        from kiosk import create_app, websocket
        from kiosk.extensions import socketio
        from kiosk.live import queue_channel

        app = create_app({"ASYNC_MODE": "gevent"})
        # One websocket frame per broadcast, written at once to every idle screen
        # (kiosk/websocket.py); before any client connects.
        queue = app.config["MESSAGE_QUEUE"]
        websocket.install(socketio.server, queue, queue_channel(queue))
        _tune_for_many_sockets()
        if app.config["SCHEDULER"] == "embedded":
            # Safe in every worker: each job claims its slot in the database first.
            from apscheduler.schedulers.gevent import GeventScheduler

            from kiosk import scheduler

            scheduler.start(app, GeventScheduler())
        return app


def _tune_for_many_sockets() -> None:
    """Keep the garbage collector's full passes rare and short in a worker that holds
    thousands of websockets.

    A full pass visits every object of every connection and stops all of them: 100–250 ms
    with 1,000 connected (bench/fanout_kiosk.py), seen as the slowest deliveries. So the
    objects made at start-up are frozen out of the passes, the young generation is
    collected after 50,000 new objects instead of 700 (fewer of each broadcast's
    short-lived objects are promoted, which is what brings the next full pass), and
    greenlets stop recording the stack that spawned them (34 of the ~190 objects a
    connection keeps)."""
    import gc

    from gevent import config

    config.track_greenlet_tree = False
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)


def run(workers: int | None = None) -> None:
    settings = load_settings()
    workers = workers or settings["WORKERS"]
    if workers > 1 and not settings["MESSAGE_QUEUE"]:
        raise SystemExit("more than one worker needs KIOSK_MESSAGE_QUEUE=redis://… so that "
                         "every process hears every event")
    options = {
        "bind": f"{settings['HOST']}:{settings['PORT']}",
        "workers": workers,
        "worker_class": "gevent",
        "worker_connections": settings["WORKER_CONNECTIONS"],
        "timeout": 60,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": "-" if settings["ACCESS_LOG"] else None,
        "errorlog": "-",
        "loglevel": settings["LOG_LEVEL"],
        "proc_name": "kiosk",
        "logconfig_dict": logs.config_dict(settings["LOG_LEVEL"], settings["LOG_FORMAT"]),
        "control_socket_disable": True,
    }
    _Gunicorn(options).run()
