"""居委会代办: the committee makes a verified account at the office and prints a sheet
whose one-time link sets the password once."""

import re

import pytest
from django.contrib.auth import get_user_model

from participation.residents.models import ResidentProfile
from tests.factories.households import ResidentFactory, UnitFactory

RESIDENTS = "/admin/participation/residents/"


@pytest.fixture
def unit(db):
    return UnitFactory(building__name="3号楼", unit_no="1", room="302")


def make(client, **extra):
    data = {"unit": "3号楼-1-302", "relation": "family", "display_name": "刘奶奶", **extra}
    return client.post(f"{RESIDENTS}assisted/", data)


def test_the_committee_makes_a_verified_account_and_gets_the_sheet(
    client, committee_in_admin, unit
):
    assert "assisted/" in client.get(RESIDENTS).content.decode()
    response = make(client, phone="+86 138-1234-5678")
    assert response.status_code == 302
    profile = ResidentProfile.objects.get(display_name="刘奶奶")
    assert response["Location"] == f"{RESIDENTS}sheet/{profile.pk}/"
    assert profile.is_verified and profile.unit == unit
    assert profile.verification_method == "staff"
    assert profile.verification_note == "到居委会办理"
    assert profile.verified_by == committee_in_admin
    assert profile.phone == "+8613812345678"
    assert not profile.user.has_usable_password()
    sheet = client.get(response["Location"]).content.decode()
    assert profile.user.username in sheet
    assert "<svg" in sheet
    assert re.search(r"http://testserver/accounts/first-login/[^/<]+/[^/<]+/", sheet)


def test_the_sheet_link_sets_a_password_once(client, committee_in_admin, unit):
    make(client)
    profile = ResidentProfile.objects.get(display_name="刘奶奶")
    sheet = client.get(f"{RESIDENTS}sheet/{profile.pk}/").content.decode()
    link = re.search(r"http://testserver(/accounts/first-login/[^<\s]+)", sheet).group(1)
    client.logout()
    page = client.get(link, follow=True)
    assert page.status_code == 200
    assert "new_password1" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    done = client.post(
        form_url, {"new_password1": "liu-nainai-302", "new_password2": "liu-nainai-302"}
    )
    assert done.status_code == 302 and done["Location"] == "/me/"
    user = get_user_model().objects.get(pk=profile.user_id)
    assert user.check_password("liu-nainai-302")
    client.logout()
    again = client.get(link, follow=True)
    assert again.status_code == 400
    assert "已经用过" in again.content.decode()


def test_the_sheet_is_gone_once_a_password_is_set(client, committee_in_admin):
    resident = ResidentFactory()
    assert client.get(f"{RESIDENTS}sheet/{resident.pk}/").status_code == 404


def test_an_unknown_unit_or_bad_phone_is_a_400_and_makes_no_account(
    client, committee_in_admin, unit
):
    assert make(client, unit="9号楼-1-999").status_code == 400
    assert make(client, phone="１３８１２３４５６７８").status_code == 400
    assert not ResidentProfile.objects.filter(display_name="刘奶奶").exists()


def test_a_resident_cannot_make_accounts(client, db, unit):
    client.force_login(ResidentFactory().user)
    response = client.get(f"{RESIDENTS}assisted/")
    assert response.status_code in (302, 403)
