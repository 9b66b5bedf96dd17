from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.factories.pages import NoticePageFactory

CATALOGUE = Path(settings.BASE_DIR) / "portal/locale/zh_Hans/LC_MESSAGES/django.po"


def test_chinese_is_the_default_even_for_an_english_browser(client, notice_index):
    NoticePageFactory(parent=notice_index)
    response = client.get("/notices/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "跳到正文" in html


def test_switching_to_english_is_remembered(client, notice_index):
    response = client.get("/language/en/?next=/notices/%3Fcategory%3Dsafety")
    assert response.status_code == 302
    assert response["Location"] == "/notices/?category=safety"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax" and cookie["httponly"]
    html = client.get("/notices/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    client.get("/language/zh-hans/?next=/")
    assert '<html lang="zh-Hans">' in client.get("/notices/").content.decode()


def test_unsupported_language_cookie_falls_back_to_chinese(client, home):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert '<html lang="zh-Hans">' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:x"]
)
def test_language_switch_refuses_offsite_next(client, home, target):
    response = client.get("/language/en/", {"next": target})
    assert response["Location"] == "/"


def test_the_language_switch_is_a_link_and_an_unknown_language_is_404(client, home):
    html = client.get("/notices/?x=1").content.decode()
    assert 'href="/language/en/?next=/notices/%3Fx%3D1"' in html
    assert "<form" not in html.split("</header>")[0]
    assert client.get("/language/fr/").status_code == 404


def test_every_message_is_translated():
    catalogue = polib.pofile(str(CATALOGUE))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == []
    assert fuzzy == []
    assert len(catalogue.translated_entries()) > 100


def test_compiled_catalogue_matches_the_source():
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    source = polib.pofile(str(CATALOGUE))
    singular = {(e.msgctxt, e.msgid): e.msgstr for e in compiled if e.msgid and not e.msgid_plural}
    assert singular == {
        (e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries() if not e.msgid_plural
    }


def test_no_message_is_in_the_catalogue_twice():
    """Branches append entries and git merges the catalogue as a union (.gitattributes),
    so two branches translating one string leave it twice; GNU msgfmt refuses that."""
    catalogue = polib.pofile(str(CATALOGUE))
    seen, twice = set(), []
    for entry in catalogue:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            twice.append(entry.msgid)
        seen.add(key)
    assert twice == []
