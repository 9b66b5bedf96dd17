"""The volunteering admin: the committee's lists and exports (names and units; phones
only for the team's leaders), other credits and corrections, no generic edits of the
ledger or sign-ups, capacity raised in the form promotes, the dashboard panel."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from participation.volunteering import attendance, signups
from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.models import LedgerEntry, SignUp
from participation.volunteering.panels import under_filled
from tests.factories.volunteering import ShiftFactory, leader_of, move_shift, volunteer

pytestmark = pytest.mark.django_db


def export(client):
    response = client.get("/admin/volunteer_signups/?export=csv")
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def shift():
    return ShiftFactory(capacity=2, opportunity__title="敬老助餐")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/volunteer_teams/",
        "/admin/volunteer_opportunities/",
        "/admin/volunteer_shifts/",
        "/admin/volunteer_signups/",
        "/admin/volunteer_ledger/",
        "/admin/volunteer_certificates/",
        "/admin/volunteer_ledger/credit/",
        "/admin/volunteer_signups/?export=xlsx",
    ],
)
def test_the_committee_opens_every_volunteering_admin_page(client, committee, shift, url):
    client.force_login(committee)
    assert client.get(url).status_code == 200


def test_residents_cannot_open_the_volunteering_admin(client, shift):
    client.force_login(volunteer())
    assert client.get("/admin/volunteer_ledger/credit/").status_code in (302, 403)


def test_the_sign_up_export_has_names_and_units_but_no_phones_for_the_committee(
    client, committee, shift
):
    person = volunteer()
    person.resident.phone = "139 0000 1234"
    person.resident.save()
    signups.sign_up(shift, person)
    client.force_login(committee)
    csv = export(client)
    assert person.resident.display_name in csv and str(person.resident.unit) in csv
    assert "0000 1234" not in csv and "00001234" not in csv  # not "139": 邻居139 is a name
    assert client.get("/admin/volunteer_signups/?export=xlsx").status_code == 200


def test_a_leader_with_admin_access_exports_phones_of_their_own_team_only(client, committee, shift):
    person, other_person = volunteer(), volunteer()
    for p, phone in ((person, "139 0000 1234"), (other_person, "138 0000 9999")):
        p.resident.phone = phone
        p.resident.save()
    signups.sign_up(shift, person)
    signups.sign_up(ShiftFactory(opportunity__title="楼道清洁"), other_person)
    shift.opportunity.team.leaders.add(committee)
    client.force_login(committee)
    csv = export(client)
    assert "139 0000 1234" in csv and "138 0000 9999" not in csv


def test_nobody_edits_or_deletes_ledger_entries_in_the_admin(client, committee, shift):
    signup, _ = signups.sign_up(shift, volunteer())
    move_shift(shift, -datetime.timedelta(hours=3))
    attendance.mark(signup, Attendance.ATTENDED, None)
    entry = LedgerEntry.objects.get()
    client.force_login(committee)
    for url in (
        f"/admin/volunteer_ledger/edit/{entry.pk}/",
        f"/admin/volunteer_ledger/delete/{entry.pk}/",
    ):
        assert client.get(url).status_code in (302, 403)
        assert client.post(url, {"description": "x"}).status_code in (302, 403)
    assert LedgerEntry.objects.get().description == "敬老助餐"


def test_other_credit_good_and_bad_input(client, committee):
    resident = volunteer()
    client.force_login(committee)
    assert (
        "/admin/volunteer_ledger/credit/" in client.get("/admin/volunteer_ledger/").content.decode()
    )
    url = "/admin/volunteer_ledger/credit/"
    data = {
        "resident": resident.pk,
        "hours": "1",
        "description": "帮邻居买菜",
        "reason": "王奶奶腿脚不便",
        "approved_by": committee.pk,
    }
    bad = client.post(url, {**data, "hours": "30"})
    assert bad.status_code == 400
    assert client.post(url, {**data, "approved_by": ""}).status_code == 400
    assert not LedgerEntry.objects.exists()
    assert client.post(url, data).status_code == 302
    entry = LedgerEntry.objects.get()
    assert (entry.hours, entry.approved_by, entry.recorded_by) == (
        Decimal("1"),
        committee.username,
        committee.username,
    )


def test_a_correction_from_the_admin_and_a_second_one_is_409(client, committee):
    client.force_login(committee)
    client.post(
        "/admin/volunteer_ledger/credit/",
        {
            "resident": volunteer().pk,
            "hours": "2",
            "description": "帮邻居买菜",
            "reason": "r",
            "approved_by": committee.pk,
        },
    )
    entry = LedgerEntry.objects.get()
    url = f"/admin/volunteer_ledger/reverse/{entry.pk}/"
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "记错了"}).status_code == 302
    assert client.post(url, {"reason": "again"}).status_code == 409
    assert LedgerEntry.objects.count() == 2


def test_the_committee_cancels_a_sign_up_in_the_admin_and_the_next_moves_up(
    client, committee, django_capture_on_commit_callbacks
):
    shift = ShiftFactory(capacity=1, opportunity__title="敬老助餐")
    first, _ = signups.sign_up(shift, volunteer())
    second, _ = signups.sign_up(shift, volunteer())
    client.force_login(committee)
    listing = client.get(f"/admin/volunteer_signups/?shift={shift.pk}").content.decode()
    assert f"/admin/volunteer_signups/cancel/{first.pk}/" in listing
    assert (
        "候补第一位会自动递补"
        in client.get(f"/admin/volunteer_signups/cancel/{first.pk}/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/volunteer_signups/cancel/{first.pk}/").status_code == 302
    second.refresh_from_db()
    assert second.status == SignUpStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [[second.user.email]]
    assert mail.outbox[0].subject == "您已递补成功：敬老助餐"


def test_raising_capacity_in_the_shift_form_promotes_and_lowering_below_taken_is_refused(
    client, committee, django_capture_on_commit_callbacks
):
    shift = ShiftFactory(capacity=1, opportunity__title="敬老助餐")
    people = [signups.sign_up(shift, volunteer())[0] for _ in range(3)]
    client.force_login(committee)
    url = f"/admin/volunteer_shifts/edit/{shift.pk}/"

    def form(capacity):
        local = datetime.timedelta(hours=8)
        return {
            "opportunity": shift.opportunity_id,
            "starts_at": (shift.starts_at + local).strftime("%Y-%m-%d %H:%M"),
            "ends_at": (shift.ends_at + local).strftime("%Y-%m-%d %H:%M"),
            "location": "",
            "capacity": capacity,
            "hours": "2",
            "signup_deadline": "",
            "cancel_deadline": "",
        }

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, form(3)).status_code == 302
    assert SignUp.objects.filter(status=SignUpStatus.CONFIRMED).count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.user.email for p in people[1:])
    assert {m.subject for m in mail.outbox} == {"您已递补成功：敬老助餐"}
    response = client.post(url, form(2))
    assert response.status_code == 200 and "已有 3 人报名" in response.content.decode()


def test_the_dashboard_panel_lists_shifts_in_the_next_week_under_half_full(client, committee):
    empty = ShiftFactory(capacity=4, opportunity__title="防诈骗宣传")
    half = ShiftFactory(capacity=2, opportunity__title="楼道清洁")
    signups.sign_up(half, volunteer())
    ShiftFactory(
        capacity=4,
        opportunity__title="下个月",
        starts_at=empty.starts_at + datetime.timedelta(days=30),
    )
    assert list(under_filled()) == [empty]
    client.force_login(committee)
    html = client.get("/admin/").content.decode()
    assert "未来7天报名不足一半的服务时段" in html and "防诈骗宣传" in html


def test_the_roster_link_in_the_admin_shift_list(client, committee, shift):
    leader_of(shift.opportunity.team)
    client.force_login(committee)
    assert (
        f"/volunteer/shifts/{shift.pk}/roster/"
        in client.get("/admin/volunteer_shifts/").content.decode()
    )
