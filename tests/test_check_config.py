"""`kiosk check-config`: one warning per unsafe setting or account, exit 1 if any, 0 if none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import accounts, checks, schema

STRONG = "k3Y-" + "f1c9a0d2b7e4" * 4
SAFE = {"SECRET_KEY": STRONG, "HOST": "127.0.0.1", "PORT": 8000,
        "PUBLIC_URL": "https://kiosk.example.com", "SECURE_COOKIES": True, "METRICS_TOKEN": "",
        "WIDGET_ORIGINS": "https://intranet.example.com", "SMTP_URL": None, "WORKERS": 1,
        "MESSAGE_QUEUE": None, "DATABASE_URL": None, "INSTANCE_DIR": "/nonexistent"}


def codes(**changes) -> list[str]:
    return [f.code for f in checks.check_settings({**SAFE, **changes})]


def test_a_safe_configuration_has_no_findings():
    assert codes() == []


@pytest.mark.parametrize("key", ["secret", "changeme", "dev", "Kiosk", "test-secret", "x" * 40,
                                 "abababababababababababababababab"])
def test_a_well_known_secret_key_is_named(key):
    found = checks.check_settings({**SAFE, "SECRET_KEY": key})
    assert [f.code for f in found] == ["weak-secret"]
    assert "KIOSK_SECRET_KEY" in found[0].message


def test_a_short_secret_key_is_named_with_its_length():
    found = checks.check_settings({**SAFE, "SECRET_KEY": "Zq8-w1!x"})
    assert [f.code for f in found] == ["short-secret"] and "8 characters" in found[0].message


def test_the_generated_key_file_is_fine_and_a_weak_file_is_not(tmp_path):
    assert codes(SECRET_KEY=None, INSTANCE_DIR=str(tmp_path)) == []  # not generated yet
    (tmp_path / "secret_key").write_text("f" * 8 + "0123456789abcdef" * 4)
    assert codes(SECRET_KEY=None, INSTANCE_DIR=str(tmp_path)) == []
    (tmp_path / "secret_key").write_text("changeme\n")
    found = checks.check_settings({**SAFE, "SECRET_KEY": None, "INSTANCE_DIR": str(tmp_path)})
    assert [f.code for f in found] == ["weak-secret"] and "secret_key" in found[0].message


@pytest.mark.parametrize("url", ["http://kiosk.example.com", "http://10.1.2.3:8000",
                                 "http://0.0.0.0:8000"])
def test_http_in_production_is_named(url):
    assert codes(PUBLIC_URL=url) == ["http"]


@pytest.mark.parametrize("url", ["http://localhost:8000", "http://127.0.0.1:8000",
                                 "http://[::1]:8000", "https://kiosk.example.com"])
def test_http_on_this_machine_or_https_is_fine(url):
    assert "http" not in codes(PUBLIC_URL=url)


def test_a_public_host_without_public_url_is_http():
    found = checks.check_settings({**SAFE, "PUBLIC_URL": None, "HOST": "0.0.0.0",
                                   "METRICS_TOKEN": "t"})
    assert [f.code for f in found] == ["http"] and "HOST=0.0.0.0" in found[0].message


def test_cookies_not_secure_while_public_url_is_https():
    found = checks.check_settings({**SAFE, "SECURE_COOKIES": False})
    assert [f.code for f in found] == ["insecure-cookies"]
    assert "KIOSK_SECURE_COOKIES=true" in found[0].message


@pytest.mark.parametrize("origins", ["*", "https://intranet.example.com *", "https:",
                                     ["*"], "*.example.com"])
def test_widget_framed_from_anywhere_is_named(origins):
    assert codes(WIDGET_ORIGINS=origins) == ["widget-anywhere"]


def test_open_metrics_on_a_public_host_is_named():
    assert codes(HOST="0.0.0.0", PUBLIC_URL="https://k.example.com") == ["open-metrics"]
    assert codes(HOST="0.0.0.0", PUBLIC_URL="https://k.example.com", METRICS_TOKEN="t") == []
    assert codes(HOST="127.0.0.1") == []  # behind nginx on the same machine


def test_smtp_password_over_plain_smtp_is_named():
    assert codes(SMTP_URL="smtp://kiosk:hunter2@mail.example.com:25") == ["smtp-plain"]
    assert codes(SMTP_URL="smtp+starttls://kiosk:hunter2@mail.example.com:587") == []
    assert codes(SMTP_URL="smtps://kiosk:hunter2@mail.example.com") == []
    assert codes(SMTP_URL="smtp://relay.internal:25") == []  # no password to leak


def test_several_workers_without_a_message_queue_are_named():
    found = checks.check_settings({**SAFE, "WORKERS": 4})
    assert [f.code for f in found] == ["workers-without-queue"]
    assert found[0].message.startswith("SQLite with WORKERS=4")
    assert codes(WORKERS=4, MESSAGE_QUEUE="redis://127.0.0.1:6379/0") == []


def test_every_finding_is_one_line_that_says_what_to_do():
    bad = {**SAFE, "SECRET_KEY": "dev", "PUBLIC_URL": "http://k.example.com", "HOST": "0.0.0.0",
           "WIDGET_ORIGINS": "*", "SMTP_URL": "smtp://a:b@m.example.com", "WORKERS": 2}
    found = checks.check_settings(bad)
    assert len(found) == 6
    for finding in found:
        text = str(finding)
        assert "\n" not in text and text.startswith("warning: ")
        assert "KIOSK_" in text or "kiosk " in text or "smtp" in text


# --- accounts ---------------------------------------------------------------------------

def db_settings(app) -> dict:
    return {**SAFE, "DATABASE_URL": app.config["DATABASE_URL"]}


def test_no_admin_account_is_named(app):
    accounts.create_user("cem", "a-curator-password", "curator")
    found = checks.check_config(db_settings(app))
    assert [f.code for f in found] == ["no-admin"]


@pytest.mark.parametrize("username, password", [("ada", "admin123"), ("ada", "password"),
                                                ("Root", "root"), ("ada", "ada"),
                                                ("sysop", "sysop123")])
def test_an_admin_with_a_guessable_password_is_named(app, username, password):
    accounts.create_user(username, password, "admin", min_length=1)
    found = checks.check_config(db_settings(app))
    assert [f.code for f in found] == ["weak-admin-password"]
    assert repr(username) in found[0].message


def test_admins_with_strong_passwords_pass(app):
    accounts.create_user("ada", "correct-horse-battery-staple", "admin")
    assert checks.check_config(db_settings(app)) == []


def test_a_missing_or_unreadable_database_is_named(tmp_path):
    found = checks.check_config({**SAFE, "INSTANCE_DIR": str(tmp_path)})
    assert [f.code for f in found] == ["no-database"]
    (tmp_path / "kiosk.db").write_bytes(b"not a database at all" * 100)
    found = checks.check_config({**SAFE, "INSTANCE_DIR": str(tmp_path)})
    assert [f.code for f in found] == ["no-database"] and "kiosk init" in found[0].message


# --- the command ---------------------------------------------------------------------------

def run(env: dict) -> subprocess.CompletedProcess:
    kiosk = str(Path(sys.executable).with_name("kiosk"))
    base = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    return subprocess.run([kiosk, "check-config"], env={**base, **env}, capture_output=True,
                          text=True, timeout=120)


def test_the_command_exits_0_when_clean_and_1_with_warnings(tmp_path):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    schema.upgrade(url)
    env = {"KIOSK_DATABASE_URL": url, "KIOSK_INSTANCE_DIR": str(tmp_path / "inst"),
           "KIOSK_SECRET_KEY": STRONG, "KIOSK_PUBLIC_URL": "https://kiosk.example.com",
           "KIOSK_SECURE_COOKIES": "true"}
    done = run(env)
    assert done.returncode == 1 and "no admin account" in done.stdout
    kiosk = str(Path(sys.executable).with_name("kiosk"))
    base = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    subprocess.run([kiosk, "users", "create", "--username", "ada", "--password",
                    "correct-horse-battery-staple", "--role", "admin"], env={**base, **env},
                   check=True, capture_output=True, timeout=60)
    done = run(env)
    assert (done.returncode, done.stdout.strip()) == (0, "no warnings"), done.stdout
    assert not (tmp_path / "inst").exists()  # it wrote nothing

    done = run({**env, "KIOSK_SECRET_KEY": "changeme", "KIOSK_WIDGET_ORIGINS": "*"})
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("warning: ") for line in lines)
    assert "2 warnings" in done.stderr
