"""How this project drives a browser over its own pages (browser tests, screenshots).

Debian's chromium, never a browser Playwright downloads. The flags keep it headless and
quiet on a closed network: without the background-networking ones it keeps trying to reach
hosts it cannot.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
