"""One logging setup for `kiosk serve` (gunicorn and the app) and `kiosk scheduler`.

`KIOSK_LOG_FORMAT=json` writes one JSON object per line (time, level, logger, message and
any extra fields), which journald, Loki or an ELK stack can index without a parser.
"""

from __future__ import annotations

import logging.config

TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def config_dict(level: str, fmt: str) -> dict:
    formatter = ({"()": "pythonjsonlogger.json.JsonFormatter",
                  "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                  "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}}
                 if fmt == "json" else {"format": TEXT})
    handler = {"class": "logging.StreamHandler", "formatter": "kiosk",
               "stream": "ext://sys.stderr"}
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"kiosk": formatter},
        "handlers": {"stderr": handler},
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            # gunicorn's own loggers, so its lines look like ours
            "gunicorn.error": {"level": level, "handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
            # every heartbeat would be a line; our jobs log what they did themselves
            "apscheduler": {"level": "WARNING"},
        },
    }


def configure(level: str, fmt: str) -> None:
    logging.config.dictConfig(config_dict(level, fmt))
