"""The browser session: a signed cookie, its CSRF token, and the server secret that signs both.

The cookie holds no API key, only the random token of a server-side session
(``matchmaker.access.sessions``); every request looks that session and its key up again, so
signing out, revoking or rotating the key, or the session's expiry ends it on the server, even
for a copy of the cookie. It is HttpOnly, SameSite=Strict and Secure over HTTPS. A session
without a sign-in still carries a random nonce, so the sign-in and language forms have CSRF
tokens too; signing in draws a new nonce (no session fixation).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from matchmaker.config import Settings

COOKIE = "mm_session"
LANG_COOKIE = "mm_lang"
SECRET_FILE = "secret_key"


def server_secret(settings: Settings) -> bytes:
    """``MATCHMAKER_SECRET_KEY``, or one generated once and kept (mode 0600) in data_dir."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    path = settings.data_dir / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when several workers start at once, exactly one writes and all read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    with os.fdopen(fd, "w") as out:
        out.write(secrets.token_urlsafe(48))
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    for _ in range(50):  # another worker may be between creating and writing the file
        value = path.read_text().strip()
        if value:
            return value.encode()
        time.sleep(0.01)
    raise RuntimeError(f"{path} is empty: delete it or set MATCHMAKER_SECRET_KEY")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class WebSession:
    """What the cookie carries; ``changed`` says whether the response must rewrite it."""

    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    token: str | None = None  # of the server-side session; None when not signed in
    flash: list[tuple[str, str]] = field(default_factory=list)
    changed: bool = True

    def sign_in(self, token: str) -> None:
        self.nonce = secrets.token_urlsafe(16)
        self.token = token
        self.changed = True

    def sign_out(self) -> None:
        self.nonce = secrets.token_urlsafe(16)
        self.token = None
        self.changed = True

    def add_flash(self, level: str, message: str) -> None:
        self.flash.append((level, message))
        self.changed = True

    def pop_flash(self) -> list[tuple[str, str]]:
        messages, self.flash = self.flash, []
        if messages:
            self.changed = True
        return messages

    def payload(self) -> dict[str, Any]:
        return {"n": self.nonce, "s": self.token, "f": self.flash}


class Signer:
    """HMAC-SHA256 over the cookie's JSON; CSRF tokens are an HMAC of the session nonce."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, purpose: str, data: bytes) -> bytes:
        return hmac.new(self._secret, purpose.encode() + b"|" + data, hashlib.sha256).digest()

    def dump(self, session: WebSession) -> str:
        body = json.dumps(session.payload(), separators=(",", ":")).encode()
        return f"{_b64(body)}.{_b64(self._mac('session', body))}"

    def load(self, cookie: str | None) -> WebSession:
        """The session in a cookie; a fresh anonymous one if it is missing or forged."""
        if not cookie or "." not in cookie:
            return WebSession()
        body_text, _, mac_text = cookie.partition(".")
        try:
            body, mac = _unb64(body_text), _unb64(mac_text)
            if not hmac.compare_digest(mac, self._mac("session", body)):
                return WebSession()
            raw = json.loads(body)
            token = raw["s"]
            return WebSession(
                nonce=str(raw["n"]),
                token=str(token) if token is not None else None,
                flash=[(str(level), str(text)) for level, text in raw["f"]],
                changed=False,
            )
        except (ValueError, KeyError, TypeError):
            return WebSession()

    def csrf_token(self, session: WebSession) -> str:
        return _b64(self._mac("csrf", session.nonce.encode()))

    def csrf_ok(self, session: WebSession, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(token or "", self.csrf_token(session))


def signer_of(request: Request) -> Signer:
    """One signer per app, built on first use (the secret may live in data_dir)."""
    signer: Signer | None = getattr(request.app.state, "web_signer", None)
    if signer is None:
        signer = Signer(server_secret(request.app.state.settings))
        request.app.state.web_signer = signer
    return signer


def current(request: Request) -> WebSession:
    """This request's session, read from its cookie once."""
    session: WebSession | None = getattr(request.state, "web_session", None)
    if session is None:
        session = signer_of(request).load(request.cookies.get(COOKIE))
        request.state.web_session = session
    return session


def save(request: Request, response: Response) -> Response:
    """Write the session cookie if this request changed it."""
    session: WebSession | None = getattr(request.state, "web_session", None)
    if session is not None and session.changed:
        response.set_cookie(
            COOKIE,
            signer_of(request).dump(session),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        session.changed = False  # written: a second save of this response adds nothing
    return response
