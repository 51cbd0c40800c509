"""The webhook URL rules of ``webhooks/urls.py`` that test_ssrf.py leaves open (found by
mutation testing, docs/testing.md): how numeric hosts are read, what each refusal says, and
the exact URL, Host and port a delivery is pinned to. Pure: resolver doubles, no app, no
database. The reading of numeric hosts is checked against the C library's ``inet_aton``."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from matchmaker.errors import InvalidInput
from matchmaker.webhooks import urls

PUBLIC = "93.184.215.14"
PUBLIC6 = "2606:4700::1111"


def resolves_to(*addresses: str) -> urls.Resolver:
    def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


def no_dns(host: str, port: int) -> list[str]:
    return []


def _inet_aton(host: str) -> ipaddress.IPv4Address | None:
    """What the C resolver reads in ``host``, with one documented difference: a bare "0x"
    part counts as 0 (as the WHATWG URL parser reads it; glibc refuses it)."""
    parts = ["0" if p in ("0x", "0X") else p for p in host.split(".")]
    try:
        return ipaddress.IPv4Address(socket.inet_aton(".".join(parts)))
    except OSError:
        return None


def _reason(url: str, resolver: urls.Resolver = no_dns) -> str:
    with pytest.raises(InvalidInput) as refused:
        urls.check(url, allow_private=False, resolver=resolver)
    (detail,) = refused.value.detail
    assert detail["field"] == "url"
    return str(detail["reason"])


# One to five dot-separated parts, each decimal, octal (leading 0) or hex (0x), possibly out
# of range, signed, with underscores, or empty.
_part = st.one_of(
    st.integers(0, 2**32).map(str),
    st.integers(0, 2**32).map(lambda n: f"0{n:o}"),
    st.integers(0, 2**32).map(lambda n: f"0x{n:x}"),
    st.integers(0, 2**32).map(lambda n: f"0X{n:X}"),
    st.integers(0, 300),
    st.sampled_from(["", "0x", "08", "09", "0x-1", "-1", "+1", "1_0", "0xg", "a", "1e3"]),
).map(str)


@settings(max_examples=300, deadline=None)
@given(st.lists(_part, min_size=1, max_size=5).map(".".join))
@example("255.1")
@example("256.1")
@example("1.2.3.4.0")
@example("127.0.0.0.1")
@example("10.0x1.258")
@example("0xffffffff")
@example("0x")
@example("4294967296")  # 2**32: one past the last address
@example("1.16777216")
@example("1.1.65536")
@example("1.1.1.256")
def test_a_numeric_host_denotes_the_address_the_c_resolver_reads(host: str) -> None:
    expected = _inet_aton(host)
    assert urls.literal(host) == expected


def test_what_each_numeric_form_denotes() -> None:
    assert urls.literal("0x7f.1") == ipaddress.IPv4Address("127.0.0.1")
    assert urls.literal("0X7F.0X1") == ipaddress.IPv4Address("127.0.0.1")
    assert urls.literal("010.0.0.1") == ipaddress.IPv4Address("8.0.0.1")
    assert urls.literal("1.2.65535") == ipaddress.IPv4Address("1.2.255.255")
    assert urls.literal("255.16777215") == ipaddress.IPv4Address("255.255.255.255")
    assert urls.literal("08.0.0.1") is None  # not octal, not decimal either
    assert urls.literal("1.2.3.4.5") is None
    assert urls.literal("hooks.example.com") is None
    assert urls.literal("fe80::1%25eth0") == ipaddress.IPv6Address("fe80::1")


def test_the_ipv4_addresses_an_ipv6_address_carries() -> None:
    def carried(text: str) -> list[str]:
        return [str(a) for a in urls._embedded(ipaddress.IPv6Address(text))]

    assert carried("::ffff:10.1.2.3") == ["10.1.2.3"]  # mapped
    assert carried("2002:c0a8:101::1") == ["192.168.1.1"]  # 6to4
    # Teredo (RFC 4380's example): the server, then the client (stored inverted).
    assert carried("2001:0:4136:e378:8000:63bf:3fff:fdd2") == ["65.54.227.120", "192.0.2.45"]
    assert carried("64:ff9b::10.0.0.1") == ["10.0.0.1"]  # NAT64
    assert carried("64:ff9b:1::10.0.0.1") == ["10.0.0.1"]  # local-use NAT64
    assert carried("::10.0.0.1") == ["10.0.0.1"]  # IPv4-compatible
    assert carried("::2") == ["0.0.0.2"]
    # The unspecified and loopback addresses are not IPv4-compatible ones.
    assert carried("::1") == carried("::") == carried(PUBLIC6) == []


def test_each_malformed_url_is_refused_with_its_reason() -> None:
    spaces = "must not contain spaces or backslashes"
    assert _reason("http://hooks.example.com/a b") == spaces
    assert _reason("http://hooks.example.com\\@10.0.0.1/") == spaces
    absolute = "must be an absolute http:// or https:// URL"
    assert _reason("ftp://hooks.example.com/") == absolute
    assert _reason("http:///only/a/path") == absolute
    credentials = "must not contain credentials; verify the signature instead"
    assert _reason("http://@hooks.example.com/") == credentials
    assert _reason("https://user:secret@hooks.example.com/") == credentials
    assert _reason("http://hooks.example.com:99999/") == "has an invalid port"
    # urlsplit itself raises on these; they answered 500 before.
    assert _reason("http://[::1/") == "has an invalid host"
    assert _reason("http://[zz]/") == "has an invalid host"


def test_a_host_of_dots_alone_or_localhost_is_the_servers_own_network() -> None:
    assert _reason("http://./") == urls.OWN_NETWORK
    assert _reason("http://localhost:8000/") == urls.OWN_NETWORK
    assert _reason("http://hooks.localhost/", resolves_to(PUBLIC)) == urls.OWN_NETWORK


def test_registration_resolves_the_name_on_the_urls_port() -> None:
    asked: list[tuple[str, int]] = []

    def recording(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["10.0.0.1"] if host == "inside.example.com" else [PUBLIC]

    for url in (
        "https://hooks.example.com/",
        "http://hooks.example.com/",
        "http://A.example.com:81/",
    ):
        assert urls.check(url, allow_private=False, resolver=recording) == url
    assert asked == [("hooks.example.com", 443), ("hooks.example.com", 80), ("a.example.com", 81)]
    assert (
        _reason("https://inside.example.com/", recording)
        == f"{urls.PRIVATE} (the name resolves to one)"
    )
    # A link-local answer with its zone id is read as the address it is.
    assert _reason("https://hooks.example.com/", resolves_to("fe80::1%eth0")).startswith(
        urls.PRIVATE
    )


def test_a_literal_address_is_pinned_as_is_without_asking_any_resolver() -> None:
    pinned = urls.pin(f"https://{PUBLIC}:8443/in", False, no_dns)
    assert pinned == urls.Pinned(f"https://{PUBLIC}:8443/in", f"{PUBLIC}:8443", PUBLIC)
    pinned = urls.pin(f"https://[{PUBLIC6}]/in", False, no_dns)
    assert pinned == urls.Pinned(f"https://[{PUBLIC6}]/in", f"[{PUBLIC6}]", PUBLIC6)


def test_a_name_is_pinned_to_its_first_address_on_the_default_port_and_root_path() -> None:
    asked: list[tuple[str, int]] = []

    def recording(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return [PUBLIC6, PUBLIC]

    pinned = urls.pin("https://hooks.example.com?x=1", False, recording)
    assert pinned == urls.Pinned(
        f"https://[{PUBLIC6}]/?x=1", "hooks.example.com", "hooks.example.com"
    )
    assert asked == [("hooks.example.com", 443)]
    pinned = urls.pin("http://hooks.example.com:8080/in", False, recording)
    assert pinned.url == f"http://[{PUBLIC6}]:8080/in"
    assert asked[-1] == ("hooks.example.com", 8080)


def test_refusals_at_delivery_say_why() -> None:
    with pytest.raises(urls.UrlRefused, match=f"^url {urls.OWN_NETWORK}$"):
        urls.pin("http://localhost/", False, resolves_to("127.0.0.1"))
    with pytest.raises(urls.UrlRefused, match="^url host hooks.example.com does not resolve$"):
        urls.pin("https://hooks.example.com/", False, no_dns)
    with pytest.raises(urls.UrlRefused, match=f"^url {urls.PRIVATE}$"):
        urls.pin("https://hooks.example.com/", False, resolves_to("10.0.0.1"))


def test_with_private_urls_allowed_local_targets_are_pinned_without_the_zone_id() -> None:
    # The operator setting lifts the rule at delivery too: localhost and private answers go.
    pinned = urls.pin("http://localhost:8080/hook", True, resolves_to("127.0.0.1"))
    assert pinned == urls.Pinned("http://127.0.0.1:8080/hook", "localhost:8080", "localhost")
    # A URL cannot carry a zone id as a resolver writes it: the address goes without it.
    pinned = urls.pin("http://hooks.example.com/", True, resolves_to("fe80::1%eth0"))
    assert pinned.url == "http://[fe80::1]/"
    pinned = urls.pin("http://[fe80::1%25eth0]:8080/", True, no_dns)
    assert pinned.url == "http://[fe80::1]:8080/"
    assert (
        urls.check("http://localhost/", allow_private=True, resolver=no_dns) == "http://localhost/"
    )


def test_the_system_resolver_answers_addresses_or_nothing() -> None:
    assert "127.0.0.1" in urls.resolve("localhost", 80)
    assert urls.resolve("127.0.0.1", 443) == ["127.0.0.1"]
    # A label over 63 characters cannot be encoded: no answer, no exception.
    assert urls.resolve("x" * 64 + ".example.com", 80) == []
