import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Site

from home.notices.choices import NoticeCategory, NoticeIssuer
from home.notices.models import NoticePage
from home.pages import HomePage, StandardPage
from home.site_settings import CommunitySettings
from participation.households.models import Building


@pytest.fixture
def demo(db, settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("LINLI_EDITOR_PASSWORD", "demo-pass-for-tests")
    call_command("load_demo_community", quiet=True, no_credentials=True)


def snapshot():
    return (
        NoticePage.objects.count(),
        StandardPage.objects.count(),
        Building.objects.count(),
        HomePage.objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_community_is_believable(demo, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert CommunitySettings.for_site(site).name == "青梧社区"
    notices = NoticePage.objects.all()
    live = notices.visible()
    assert live.count() >= 40
    assert set(live.values_list("category", flat=True)) == set(NoticeCategory.values)
    assert set(live.values_list("issuer", flat=True)) == set(NoticeIssuer.values)
    assert live.filter(urgent=True).exists()
    assert live.filter(pinned_until__isnull=False).exists()
    assert notices.filter(expired=True, live=False).exists()
    assert live.filter(target_buildings__isnull=False).exists()
    for path in ("/", "/notices/", "/notices/feed/", "/about/", "/guide/", "/privacy/"):
        assert client.get(path).status_code == 200, path
    notice = live.first()
    assert client.get(notice.url).status_code == 200
    assert client.get(notice.url + "poster/").status_code == 200


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo_community", quiet=True, no_credentials=True)
    assert snapshot() == before


def test_editor_can_log_in_with_the_given_password(demo, client):
    assert client.login(username="editor", password="demo-pass-for-tests")
    assert client.get("/admin/").status_code == 200


def test_demo_refuses_to_run_where_it_is_not_allowed(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_community", quiet=True, no_credentials=True)
    assert not get_user_model().objects.exists()


def test_demo_refuses_a_database_that_holds_a_real_register(db, settings, tmp_path):
    """Issue 10: demo codes are derived from the address; a real register must not get them."""
    from participation.households.models import Unit
    from tests.factories.households import BuildingFactory, OwnerFactory, UnitFactory

    settings.VAR_DIR = tmp_path
    real = UnitFactory(
        building=BuildingFactory(name="3号楼"),
        unit_no="1",
        room="301",
        owner=OwnerFactory(ref="张三-房产证-0001"),
        code_hash="real-hash",
    )
    with pytest.raises(CommandError, match="household register the demo did not create"):
        call_command("load_demo_community", quiet=True, no_credentials=True)
    real.refresh_from_db()
    assert real.code_hash == "real-hash"
    assert Unit.objects.count() == 1
    assert not get_user_model().objects.exists()


def test_demo_refuses_a_register_whose_addresses_are_not_the_demos(db, settings, tmp_path):
    from tests.factories.households import BuildingFactory, UnitFactory, developer

    settings.VAR_DIR = tmp_path
    UnitFactory(building=BuildingFactory(name="A座"), owner=developer())
    with pytest.raises(CommandError):
        call_command("load_demo_community", quiet=True, no_credentials=True)
    assert not get_user_model().objects.exists()


def test_the_demo_register_counts_as_the_demos_own(demo):
    from home.demo.community import BUILDING_COUNT, building_name
    from participation.demo.households import foreign_households

    names = {n: building_name(n) for n in range(1, BUILDING_COUNT + 1)}
    assert foreign_households(names) == 0
