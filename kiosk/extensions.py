"""Extensions created unbound here and bound to an app in `create_app`."""

from __future__ import annotations

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_socketio import SocketIO
from flask_wtf import CSRFProtect

socketio = SocketIO()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
# Sign-in and webhook limits; per process (memory) unless KIOSK_RATELIMIT_STORAGE says Redis.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
