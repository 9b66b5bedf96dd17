"""The demo community's households and residents (``load_demo_community``)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, Max, Min

from home.demo.editor import ensure_editor
from home.demo.pages import ensure_buildings
from participation.demo import households as demo
from participation.households.heads import register_heads_and_areas
from participation.households.models import Building, Owner, Unit
from participation.permissions import is_committee
from participation.residents.claims import claim_unit
from participation.residents.models import ResidentProfile
from participation.residents.permissions import can_view_building_residents

PASSWORD = "demo-pass-for-tests"


@pytest.fixture
def demo_site(db):
    """Just the households part of the demo (the whole command is slow; see below)."""
    ensure_editor(PASSWORD)
    demo.load(ensure_buildings(), PASSWORD, "editor")


def test_a_few_hundred_units_with_realistic_areas(demo_site):
    assert Unit.objects.count() == 288
    assert Building.objects.annotate(n=Count("units")).filter(n=24).count() == 12
    areas = Unit.objects.aggregate(low=Min("area_m2"), high=Max("area_m2"))
    assert Decimal(60) <= areas["low"] and areas["high"] <= Decimal(140)


def test_some_owners_hold_two_units_and_the_developer_holds_several(demo_site):
    two = Owner.objects.annotate(n=Count("units")).filter(n=2, kind="person")
    assert two.exists()
    developer = Owner.objects.get(kind="developer")
    assert developer.units.count() == 7
    result = register_heads_and_areas()
    assert result.heads == Owner.objects.filter(units__isnull=False).distinct().count()
    assert result.heads < Unit.objects.count() - 6


def test_demo_residents_cover_each_state(demo_site):
    profiles = {p.user.username: p for p in ResidentProfile.objects.select_related("user")}
    assert profiles["wangfang"].is_verified
    assert profiles["wangfang"].unit.owner.voter == profiles["wangfang"].user
    assert profiles["zhaomin"].relation == "tenant"
    assert not profiles["chenjing"].is_verified
    captain = profiles["wangguifang"].user
    assert can_view_building_residents(captain, Building.objects.get(name="3号楼"))
    assert not can_view_building_residents(captain, Building.objects.get(name="5号楼"))
    committee = get_user_model().objects.get(username="zhouxiaowen")
    assert is_committee(committee) and committee.is_staff
    assert "zhouxiaowen" not in profiles


def test_demo_people_and_the_editor_log_in_with_the_printed_password(demo_site, client):
    for username in ("wangfang", "chenjing", "editor"):
        client.logout()
        response = client.post("/accounts/login/", {"login": username, "password": PASSWORD})
        assert response.status_code == 302, username


def test_the_readme_code_lets_chenjing_claim_her_flat(demo_site):
    chenjing = ResidentProfile.objects.get(user__username="chenjing").user
    result = claim_unit(chenjing, demo.demo_code(*demo.TRY_ADDRESS), "family")
    assert result.ok
    assert (result.unit.building.name, result.unit.unit_no, result.unit.room) == demo.TRY_ADDRESS


def test_the_demo_command_loads_households_once(db, settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("LINLI_EDITOR_PASSWORD", PASSWORD)
    out = StringIO()
    call_command("load_demo_community", stdout=out)
    assert "288 units" in out.getvalue()
    assert demo.demo_code(*demo.TRY_ADDRESS) in out.getvalue()
    before = (
        Unit.objects.count(),
        Owner.objects.count(),
        ResidentProfile.objects.count(),
        list(Unit.objects.order_by("pk").values_list("area_m2", "owner_id", "code_hash")),
    )
    call_command("load_demo_community", quiet=True, no_credentials=True)
    after = (
        Unit.objects.count(),
        Owner.objects.count(),
        ResidentProfile.objects.count(),
        list(Unit.objects.order_by("pk").values_list("area_m2", "owner_id", "code_hash")),
    )
    assert before == after


def test_the_credentials_name_the_residents_and_a_code(demo_site):
    text = demo.credentials_text(PASSWORD)
    assert "wangfang" in text and "chenjing" in text and "zhouxiaowen" in text
    assert demo.demo_code(*demo.TRY_ADDRESS) in text
