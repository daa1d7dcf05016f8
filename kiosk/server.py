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
        from kiosk import create_app

        app = create_app({"ASYNC_MODE": "gevent"})
        if app.config["SCHEDULER"] == "embedded":
            # Safe in every worker: each job claims its slot in the database first.
            from apscheduler.schedulers.gevent import GeventScheduler

            from kiosk import scheduler

            scheduler.start(app, GeventScheduler())
        return app


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
