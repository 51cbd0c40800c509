"""Which webhook URLs are acceptable, and the address a delivery connects to.

Deliveries are requests the server makes on a partner's behalf, so they may not target the
server's own network: loopback, private, link-local, multicast, reserved and unspecified
addresses are refused, however they are written. A host counts as an address when any resolver
would take it for one, so the short and old numeric forms (``2130706433``, ``0x7f000001``,
``127.1``, ``0``, ``0177.0.0.1``) and IPv6 forms that embed an IPv4 address (mapped,
compatible, 6to4, NAT64, Teredo) are read as the address they denote.

A name is checked twice: at registration (when it resolves) and at every delivery, where every
address it resolves to must be public and the request then goes to the address that was
checked, so a name cannot resolve to a public address for the check and a private one for the
connection. Only the operator setting ``MATCHMAKER_WEBHOOK_ALLOW_PRIVATE_URLS`` lifts the rule.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

from matchmaker.errors import InvalidInput

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (host, port) -> the addresses it resolves to; socket.getaddrinfo unless a test injects one.
Resolver = Callable[[str, int], list[str]]

PRIVATE = "must not point at a loopback, private or reserved address"
OWN_NETWORK = "must not point at this server's own network"
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated IPv4-compatible, ::a.b.c.d
_DEFAULT_PORTS = {"http": 80, "https": 443}


class UrlRefused(Exception):
    """The URL may not be delivered to (at delivery time, when there is no request to fail)."""


@dataclass(frozen=True)
class Pinned:
    """Where one delivery goes: the checked address, with the name for Host and TLS."""

    url: str  # the URL with its host replaced by the checked address
    host_header: str
    server_name: str  # TLS SNI and certificate verification are for this name


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (empty if it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def _ipv4_number(host: str) -> int | None:
    """The IPv4 address inet_aton would read in ``host``: 1 to 4 parts, decimal/octal/hex."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        try:
            if part[:2] in ("0x", "0X"):
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part[1:], 8))
            else:
                numbers.append(int(part, 10) if part.isdigit() else -1)
        except ValueError:
            return None
        if numbers[-1] < 0:
            return None
    # The last part fills every byte the earlier parts leave: 127.1 is 127.0.0.1.
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (24 - 8 * i)
    return value


def literal(host: str) -> IPAddress | None:
    """The address ``host`` (a URL's hostname, so IPv6 without brackets) denotes if it is an
    address in any written form, else None."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        pass
    number = _ipv4_number(host)
    return ipaddress.IPv4Address(number) if number is not None else None


def _embedded(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (and a gateway would reach)."""
    out: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        out.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        out.append(address.sixtofour)
    if address.teredo is not None:
        out.extend(address.teredo)
    if any(address in net for net in _NAT64) or (address in _COMPATIBLE and int(address) > 1):
        out.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return out


def is_public(address: IPAddress) -> bool:
    """Whether a delivery may go to this address."""
    if not address.is_global or address.is_multicast or address.is_reserved:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        return all(is_public(v4) for v4 in _embedded(address))
    return True


def _parts(url: str) -> tuple[SplitResult, str]:
    if any(c.isspace() or c == "\\" for c in url):
        raise InvalidInput("url", "must not contain spaces or backslashes")
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # a bracketed host that is no IPv6 address: http://[zz]/
        raise InvalidInput("url", "has an invalid host") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput("url", "must be an absolute http:// or https:// URL")
    # '@' anywhere in the authority is userinfo to some parsers and a host to others (and
    # there is no username or password without one).
    if "@" in parts.netloc:
        raise InvalidInput("url", "must not contain credentials; verify the signature instead")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number in range
    except ValueError as exc:
        raise InvalidInput("url", "has an invalid port") from exc
    return parts, parts.hostname.rstrip(".").lower()


def _refuse_host(host: str) -> None:
    if host in ("", "localhost") or host.endswith(".localhost"):
        raise InvalidInput("url", OWN_NETWORK)
    address = literal(host)
    if address is not None and not is_public(address):
        raise InvalidInput("url", PRIVATE)


def check(url: str, allow_private: bool, resolver: Resolver = resolve) -> str:
    """The URL if deliveries may go there; 422 naming ``url`` otherwise.

    A name that resolves now must resolve to public addresses only; one that does not resolve
    yet is accepted, and checked again at every delivery.
    """
    parts, host = _parts(url)
    if allow_private:
        return url
    _refuse_host(host)
    if literal(host) is None:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
        # ipaddress reads an IPv6 zone id (fe80::1%eth0), which changes no property checked.
        for text in resolver(host, port):
            if not is_public(ipaddress.ip_address(text)):
                raise InvalidInput("url", f"{PRIVATE} (the name resolves to one)")
    return url


def pin(url: str, allow_private: bool, resolver: Resolver = resolve) -> Pinned:
    """Resolve the URL's host, check every address, and aim the request at the first one.

    Raises UrlRefused before any connection is made, so a refused delivery reveals nothing
    about the target (no status, no timing).
    """
    try:
        parts, host = _parts(url)
        if not allow_private:
            _refuse_host(host)
    except InvalidInput as exc:
        raise UrlRefused(f"url {exc.detail[0]['reason']}") from exc
    port = parts.port or _DEFAULT_PORTS[parts.scheme]
    address = literal(host)
    if address is not None:
        addresses = [address]
    else:
        addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolver(host, port)]
        if not addresses:
            raise UrlRefused(f"url host {host} does not resolve")
    if not allow_private and not all(is_public(a) for a in addresses):
        raise UrlRefused(f"url {PRIVATE}")
    chosen = addresses[0]
    netloc_host = f"[{chosen}]" if chosen.version == 6 else str(chosen)
    default = _DEFAULT_PORTS[parts.scheme]
    netloc = netloc_host if port == default else f"{netloc_host}:{port}"
    name = f"[{host}]" if ":" in host else host
    host_header = name if port == default else f"{name}:{port}"
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    return Pinned(pinned, host_header, host)
