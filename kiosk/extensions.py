"""Extensions created unbound here and bound to an app in `create_app`."""

from __future__ import annotations

from flask_login import LoginManager
from flask_socketio import SocketIO
from flask_wtf import CSRFProtect

socketio = SocketIO()
login_manager = LoginManager()
csrf = CSRFProtect()
