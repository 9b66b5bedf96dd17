"""/me/: my unit, relation and verification status; my name and phone."""

import pytest

from participation.households.models import Owner
from participation.residents.models import ResidentProfile
from tests.factories.households import ResidentFactory, UnitFactory, UserFactory, verified_resident


def test_my_page_needs_a_login(client, db):
    response = client.get("/me/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/me/"


def test_a_verified_owners_voter_sees_unit_relation_and_status(client, home):
    unit = UnitFactory(building__name="3号楼", unit_no="1", room="301")
    profile = verified_resident(unit, relation="owner_voter", display_name="王芳")
    Owner.objects.filter(pk=unit.owner_id).update(voter=profile.user)
    client.force_login(profile.user)
    html = client.get("/me/").content.decode()
    assert "3号楼1单元301室" in html
    assert "业主指定的投票人" in html
    assert "代表业主投票" in html
    assert "已核验居民" in html
    assert 'href="/privacy/"' in html
    assert 'href="/me/data.json"' in html


def test_someone_not_yet_verified_is_sent_to_the_code_form(client, home):
    profile = ResidentFactory()
    client.force_login(profile.user)
    html = client.get("/me/").content.decode()
    assert "未核验" in html
    assert 'href="/accounts/household/"' in html


def test_staff_without_a_resident_profile_still_get_a_page(client, home):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/me/")
    assert response.status_code == 200
    assert 'href="/me/delete/"' not in response.content.decode()


def test_changing_name_and_phone(client, home):
    profile = ResidentFactory()
    client.force_login(profile.user)
    response = client.post(
        "/me/profile/", {"display_name": "3号楼王阿姨", "phone": "138 0000 0000"}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.display_name, profile.phone) == ("3号楼王阿姨", "+8613800000000")


@pytest.mark.parametrize(
    "data",
    [
        {"display_name": "名" * 41, "phone": ""},
        {"display_name": "x", "phone": "call me maybe"},
        {"display_name": "x", "phone": "12"},
        {"display_name": "x", "phone": "1" * 31},
    ],
)
def test_bad_name_or_phone_is_400_with_a_chinese_message(client, home, data):
    profile = ResidentFactory(display_name="原来的", phone="")
    client.force_login(profile.user)
    response = client.post("/me/profile/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "请修改下面标出的内容" in html
    assert ResidentProfile.objects.get(pk=profile.pk).display_name == "原来的"


def test_user_text_is_escaped(client, home):
    profile = ResidentFactory(display_name="<script>alert(1)</script>")
    client.force_login(profile.user)
    html = client.get("/me/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_captains_list_puts_rooms_in_natural_order(client, captain, captain_building):
    for room, name in (("1001", "十楼住户"), ("201", "二楼住户")):
        verified_resident(UnitFactory(building=captain_building, room=room), display_name=name)
    client.force_login(captain)
    html = client.get("/me/building/").content.decode()
    assert html.index("二楼住户") < html.index("十楼住户")
