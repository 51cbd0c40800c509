"""Which webhook URLs are acceptable.

Deliveries are requests the server makes on a partner's behalf, so by default they may not
target the server's own network: loopback, private, link-local and reserved addresses given
as literals (and ``localhost``) are refused. Names are not resolved here; a deployment that
needs protection from DNS tricks routes deliveries through an egress proxy.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from matchmaker.errors import InvalidInput


def check(url: str, allow_private: bool) -> str:
    """The URL if deliveries may go there; 422 naming ``url`` otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput("url", "must be an absolute http:// or https:// URL")
    if parts.username or parts.password:
        raise InvalidInput("url", "must not contain credentials; verify the signature instead")
    if allow_private:
        return url
    host = parts.hostname.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        raise InvalidInput("url", "must not point at this server's own network")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return url
    if not address.is_global:
        raise InvalidInput("url", "must not point at a loopback, private or reserved address")
    return url
