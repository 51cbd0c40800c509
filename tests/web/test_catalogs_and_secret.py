"""The message catalogs match the code, field errors are translated, and the server secret."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import PoFileError, read_po
from pydantic import ValidationError

from matchmaker.camps import wording
from matchmaker.config import Settings
from matchmaker.matching import messages
from matchmaker.startups.schemas import StartupCreate
from matchmaker.web import i18n
from matchmaker.web.forms import field_errors
from matchmaker.web.session import SECRET_FILE, Signer, WebSession, server_secret
from tests.factories import startup_body

WEB = Path(i18n.__file__).parent
CAMPS = Path(wording.__file__).parent
# A field with its format spec: {le}, {score:.2f}, {domains:and}.
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")


def _extracted() -> set[str]:
    """Every message the web package marks: _() in templates, N_() in Python; and the
    engine's explanation templates (matching/messages.py) and the camps' (camps/)."""
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = extract_from_dir(
        str(WEB), method_map, options, keywords={"_": None, "gettext": None, "N_": None}
    )
    used = {message for _, _, message, _, _ in found if isinstance(message, str)}
    assert messages.__file__ is not None
    engine = extract_from_file("python", messages.__file__, keywords={"N_": None})
    used |= {message for _, message, _, _ in engine if isinstance(message, str)}
    camps = extract_from_dir(str(CAMPS), [("**.py", "python")], keywords={"N_": None})
    return used | {message for _, _, message, _, _ in camps if isinstance(message, str)}


def _catalog(lang: str) -> dict[str, str]:
    path = WEB / "locale" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        return {str(m.id): str(m.string) for m in read_po(po) if m.id}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_catalog_parses_without_a_problem(lang: str) -> None:
    # The app reads the catalogs leniently (i18n.translations): a malformed entry only logs
    # "Problem on line ..." when the first page renders, so it is caught here instead.
    path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        try:
            read_po(po, locale=lang, abort_invalid=True)
        except PoFileError as problem:
            pytest.fail(f"{path.name} ({lang}): {problem}")


def test_both_catalogs_hold_exactly_the_messages_the_code_uses() -> None:
    used = _extracted()
    assert len(used) > 100
    for lang in i18n.LANGUAGES:
        catalog = _catalog(lang)
        assert sorted(used - catalog.keys()) == [], f"{lang}: not in the catalog"
        assert sorted(catalog.keys() - used) == [], f"{lang}: no longer used"


def test_every_message_has_a_chinese_translation_with_the_same_placeholders() -> None:
    for english, chinese in _catalog("zh").items():
        assert chinese, f"no Chinese for {english!r}"
        assert sorted(PLACEHOLDER.findall(chinese)) == sorted(PLACEHOLDER.findall(english))


def test_every_explanation_code_has_its_words_in_both_languages() -> None:
    english, chinese = _catalog("en"), _catalog("zh")
    for code, template in messages.TEMPLATES.items():
        assert template in english, f"{code}: not in the English catalog"
        assert chinese.get(template), f"{code}: no Chinese"
        if code != "note":  # a hand-made note is shown as given
            assert chinese[template] != template, f"{code}: Chinese is the English"
    for word in messages.KIND_WORDS:
        assert chinese.get(word), word


def test_a_field_error_is_put_on_its_field_in_the_visitors_language() -> None:
    with pytest.raises(ValidationError) as caught:
        StartupCreate.model_validate(startup_body(trl=12, location={"region": "mars"}))
    english = field_errors(caught.value.errors(), "en")
    chinese = field_errors(caught.value.errors(), "zh")
    assert english["trl"] == ["Must be at most 9."]
    assert chinese["trl"] == [i18n.gettext("zh", "Must be at most {le}.").format(le=9)]
    assert chinese["trl"] != english["trl"]
    assert english["location.region"] == ["Choose one of the listed values."]


def test_an_unset_secret_is_generated_once_kept_private_and_reused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", secret_key=None)
    first = server_secret(settings)
    assert len(first) >= 32
    path = settings.data_dir / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert server_secret(settings) == first
    assert server_secret(Settings(data_dir=tmp_path / "other", secret_key=None)) != first


def test_a_configured_secret_is_used_and_a_short_one_refused(tmp_path: Path) -> None:
    strong = "x" * 40
    settings = Settings(data_dir=tmp_path, secret_key=strong)
    assert server_secret(settings) == strong.encode()
    assert not (tmp_path / SECRET_FILE).exists()
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(data_dir=tmp_path, secret_key="changeme")
    assert Settings(data_dir=tmp_path, secret_key="").secret_key is None


def test_the_cookie_carries_only_a_signed_session_token() -> None:
    signer = Signer(b"s" * 40)
    session = WebSession()
    session.sign_in("token-1")
    cookie = signer.dump(session)
    assert signer.load(cookie).token == "token-1"
    assert Signer(b"t" * 40).load(cookie).token is None  # another server's secret
    session.sign_out()
    assert signer.load(signer.dump(session)).token is None
