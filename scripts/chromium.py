"""How this project starts Debian's Chromium for Playwright (`playwright install` cannot download here).

Shared by the browser tests (tests/browser/conftest.py) and scripts/screenshots.py.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling home, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
