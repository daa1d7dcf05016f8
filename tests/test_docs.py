"""Documentation that must not drift from the code."""

from pathlib import Path

from kiosk.config import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    missing = [s.name for s in SETTINGS if f"`KIOSK_{s.name}`" not in readme]
    assert not missing, f"document these settings in README.md: {missing}"


def test_readme_gives_the_two_command_quick_start():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
