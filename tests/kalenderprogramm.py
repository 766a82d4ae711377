"""A real calendar program for the tests: khal (Debian's `khal`, a terminal calendar) imports our iCal files.

Outside CI the tests that need it skip when it is missing; in CI (.ci/run installs it) a missing khal fails.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CONFIG = """[calendars]
[[portal]]
path = {path}
type = calendar
[locale]
local_timezone = {zone}
default_timezone = {zone}
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
"""


def require_khal() -> str:
    khal = shutil.which("khal")
    if khal is None:
        if os.environ.get("CI") == "true":
            pytest.fail("khal is missing: CI must install Debian's khal (see .ci/run).")
        pytest.skip("khal not installed (apt-get install khal)")
    return khal


def khal_import_and_list(ics: bytes, *, zone: str, von: str, bis: str) -> list[tuple[str, str, str]]:
    """Import `ics` into an empty khal calendar shown in time zone `zone`; (start, end, title) of the
    events between the dates `von` and `bis` (YYYY-MM-DD) as khal lists them, e.g. ("2027-03-23 17:00", ...)."""
    khal = require_khal()
    with tempfile.TemporaryDirectory() as tmp:
        calendar = Path(tmp, "kalender")
        calendar.mkdir()
        config = Path(tmp, "config")
        config.write_text(CONFIG.format(path=calendar, zone=zone))
        datei = Path(tmp, "termine.ics")
        datei.write_bytes(ics)
        env = {**os.environ, "HOME": tmp, "XDG_DATA_HOME": tmp, "XDG_CONFIG_HOME": tmp}
        run = {"check": True, "capture_output": True, "text": True, "env": env, "timeout": 60}
        subprocess.run([khal, "-c", str(config), "import", "--batch", "-a", "portal", str(datei)], **run)
        listing = subprocess.run(
            [khal, "-c", str(config), "list", "--format", "{start}|{end}|{title}", "--day-format", "", von, bis],
            **run,
        ).stdout
    return [tuple(line.split("|", 2)) for line in listing.splitlines() if line.strip()]
