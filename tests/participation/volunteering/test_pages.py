"""The public pages and their forms: good and bad input, 4xx with a Chinese message,
no half-written records, idempotent double submissions, no cookie for anonymous
visitors, and a fixed number of queries on the list."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from home.site_settings import CommunitySettings
from participation.volunteering import attendance, signups
from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.models import Certificate, LedgerEntry, SignUp
from tests.factories.households import ResidentFactory
from tests.factories.volunteering import (
    OpportunityFactory,
    ShiftFactory,
    TeamFactory,
    leader_of,
    move_shift,
    volunteer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shift(home):
    return ShiftFactory(capacity=1, opportunity__title="敬老助餐")


def anonymous_ok(response):
    assert not response.cookies, response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_list_shows_opportunities_with_open_seats_first(client, home):
    full = ShiftFactory(capacity=1, opportunity__title="楼道清洁")
    signups.sign_up(full, volunteer())
    ShiftFactory(
        opportunity__title="垃圾分类督导", starts_at=full.starts_at + datetime.timedelta(days=2)
    )
    response = client.get("/volunteer/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("垃圾分类督导") < html.index("楼道清洁")
    assert "已满，可加入候补" in html
    anonymous_ok(response)


def test_the_list_filters_by_team_skill_and_date(client, home):
    a = ShiftFactory(
        opportunity__title="垃圾分类督导", opportunity__team=TeamFactory(name="党员志愿服务队")
    )
    a.opportunity.skills.add("耐心")
    b = ShiftFactory(
        opportunity__title="楼道清洁",
        opportunity__team=TeamFactory(name="微网格员"),
        starts_at=a.starts_at + datetime.timedelta(days=1),
    )
    html = client.get(f"/volunteer/?team={b.opportunity.team_id}").content.decode()
    assert "楼道清洁" in html and "垃圾分类督导" not in html
    html = client.get("/volunteer/?skill=耐心").content.decode()
    assert "垃圾分类督导" in html and "楼道清洁" not in html
    day = timezone.localtime(b.starts_at).date().isoformat()
    html = client.get(f"/volunteer/?date={day}").content.decode()
    assert "楼道清洁" in html and "垃圾分类督导" not in html


@pytest.mark.parametrize(
    "query", ["team=999999", "team=abc", "skill=nope", "date=2026-13-45", "date=x"]
)
def test_unknown_filters_answer_404(client, home, query):
    assert client.get(f"/volunteer/?{query}").status_code == 404


def test_past_shifts_and_unpublished_opportunities_are_not_listed(client, home):
    move_shift(ShiftFactory(opportunity__title="去年的活动"), -datetime.timedelta(days=3))
    ShiftFactory(opportunity__title="草稿活动", opportunity__published=False)
    html = client.get("/volunteer/").content.decode()
    assert "去年的活动" not in html and "草稿活动" not in html


@pytest.mark.parametrize("count", [2, 50])
def test_the_list_needs_the_same_queries_for_2_and_50_opportunities(
    client, home, django_assert_num_queries, count
):
    for n in range(count):
        shift = ShiftFactory(opportunity__title=f"活动{n}")
        ShiftFactory(opportunity=shift.opportunity)
        shift.opportunity.skills.add("耐心", f"技能{n % 3}")
    client.get("/volunteer/")  # warm Wagtail's site and settings caches
    with django_assert_num_queries(7):
        response = client.get("/volunteer/")
    assert response.content.decode().count('class="opportunity-item"') == count


def test_the_detail_page_shows_seats_and_asks_anonymous_visitors_to_log_in(client, shift):
    response = client.get(f"/volunteer/{shift.opportunity_id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "敬老助餐" in html and "共 1 个名额" in html
    assert f"/accounts/login/?next=/volunteer/{shift.opportunity_id}/" in html
    assert '<form method="post"' not in html
    anonymous_ok(response)


def test_an_unknown_or_unpublished_opportunity_is_404(client, home):
    assert client.get("/volunteer/999999/").status_code == 404
    draft = ShiftFactory(opportunity__published=False)
    assert client.get(f"/volunteer/{draft.opportunity_id}/").status_code == 404


def test_a_verified_resident_signs_up_and_a_second_post_changes_nothing(client, shift):
    user = volunteer()
    client.force_login(user)
    url = f"/volunteer/shifts/{shift.pk}/sign-up/"
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/volunteer/{shift.opportunity_id}/#shift-{shift.pk}")
    assert client.post(url).status_code == 302
    assert SignUp.objects.filter(user=user).count() == 1
    html = client.get(f"/volunteer/{shift.opportunity_id}/").content.decode()
    assert "您已报名。" in html and "取消我的报名" in html


def test_the_next_one_is_waitlisted_and_sees_the_position(client, shift):
    signups.sign_up(shift, volunteer())
    client.force_login(volunteer())
    response = client.post(f"/volunteer/shifts/{shift.pk}/sign-up/", follow=True)
    html = response.content.decode()
    assert "候补第 1 位" in html
    assert "退出候补" in html


def test_an_unverified_resident_gets_403_with_a_reason_and_no_record(client, shift):
    client.force_login(ResidentFactory().user)
    response = client.post(f"/volunteer/shifts/{shift.pk}/sign-up/")
    assert response.status_code == 403
    assert "只有已核验的居民可以报名" in response.content.decode()
    assert not SignUp.objects.exists()


def test_after_the_deadline_sign_up_gets_403(client, shift):
    shift.signup_deadline = timezone.now() - datetime.timedelta(minutes=1)
    shift.save()
    client.force_login(volunteer())
    response = client.post(f"/volunteer/shifts/{shift.pk}/sign-up/")
    assert response.status_code == 403
    assert "报名已于" in response.content.decode()
    assert not SignUp.objects.exists()


def test_anonymous_posts_are_sent_to_log_in_and_gets_are_refused(client, shift):
    response = client.post(f"/volunteer/shifts/{shift.pk}/sign-up/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(volunteer())
    assert client.get(f"/volunteer/shifts/{shift.pk}/sign-up/").status_code == 405
    assert client.post("/volunteer/shifts/999999/sign-up/").status_code == 404
    assert not SignUp.objects.exists()


def test_cancel_own_sign_up_twice_and_never_someone_elses(client, shift):
    user = volunteer()
    signup, _ = signups.sign_up(shift, user)
    client.force_login(volunteer())
    assert client.post(f"/volunteer/sign-ups/{signup.pk}/cancel/").status_code == 404
    client.force_login(user)
    assert client.post(f"/volunteer/sign-ups/{signup.pk}/cancel/").status_code == 302
    assert client.post(f"/volunteer/sign-ups/{signup.pk}/cancel/").status_code == 302
    signup.refresh_from_db()
    assert signup.status == SignUpStatus.CANCELLED


def test_cancel_after_the_deadline_answers_409_and_keeps_the_seat(client, shift):
    user = volunteer()
    signup, _ = signups.sign_up(shift, user)
    shift.cancel_deadline = timezone.now() - datetime.timedelta(minutes=1)
    shift.save()
    client.force_login(user)
    response = client.post(f"/volunteer/sign-ups/{signup.pk}/cancel/")
    assert response.status_code == 409
    assert "取消截止时间" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignUpStatus.CONFIRMED


def test_claiming_an_offered_seat(client, shift):
    move_shift(shift, datetime.timedelta(hours=8))
    first, _ = signups.sign_up(shift, volunteer())
    second_user = volunteer()
    second, _ = signups.sign_up(shift, second_user)
    signups.cancel(first, by=first.user)
    client.force_login(second_user)
    html = client.get(f"/volunteer/{shift.opportunity_id}/").content.decode()
    assert "确认名额" in html
    assert client.post(f"/volunteer/sign-ups/{second.pk}/claim/").status_code == 302
    second.refresh_from_db()
    assert second.status == SignUpStatus.CONFIRMED
    client.force_login(volunteer())
    assert client.post(f"/volunteer/sign-ups/{second.pk}/claim/").status_code == 404


def test_overlapping_shifts_warn(client, shift):
    user = volunteer()
    other = ShiftFactory(opportunity__title="楼道清洁", starts_at=shift.starts_at)
    signups.sign_up(other, user)
    client.force_login(user)
    html = client.post(f"/volunteer/shifts/{shift.pk}/sign-up/", follow=True).content.decode()
    assert "时间重叠" in html


def test_a_shift_as_ics(client, shift):
    response = client.get(f"/volunteer/shifts/{shift.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert "BEGIN:VEVENT" in text and "SUMMARY:敬老助餐" in text and "\r\n" in text
    anonymous_ok(response)


def test_the_roster_is_for_leaders_and_the_committee(client, shift, committee):
    signup, _ = signups.sign_up(shift, volunteer())
    url = f"/volunteer/shifts/{shift.pk}/roster/"
    client.force_login(volunteer())
    assert client.get(url).status_code == 403
    client.force_login(committee)
    html = client.get(url).content.decode()
    assert "<svg" in html and signup.user.resident.display_name in html
    leader = leader_of(shift.opportunity.team)
    client.force_login(leader)
    assert client.get(url).status_code == 200


def test_phones_on_the_roster_only_for_the_teams_leaders(client, shift, committee):
    person = volunteer()
    person.resident.phone = "139 0000 1234"
    person.resident.save()
    signups.sign_up(shift, person)
    url = f"/volunteer/shifts/{shift.pk}/roster/"
    client.force_login(committee)
    assert "139 0000 1234" not in client.get(url).content.decode()
    client.force_login(leader_of(shift.opportunity.team))
    assert "139 0000 1234" in client.get(url).content.decode()


def test_the_leader_marks_attendance_once_and_bad_input_is_400(client, shift):
    signup, _ = signups.sign_up(shift, volunteer())
    leader = leader_of(shift.opportunity.team)
    client.force_login(leader)
    url = f"/volunteer/shifts/{shift.pk}/roster/"
    early = client.post(url, {"signup": signup.pk, "action": "attended"})
    assert early.status_code == 409 and "服务开始后" in early.content.decode()
    move_shift(shift, -datetime.timedelta(hours=3))
    for _ in range(2):
        assert client.post(url, {"signup": signup.pk, "action": "attended"}).status_code == 302
    assert LedgerEntry.objects.count() == 1
    bad = client.post(url, {"signup": "999999", "action": "attended"})
    assert bad.status_code == 400 and "请选择本时段的志愿者" in bad.content.decode()
    assert client.post(url, {"signup": signup.pk, "action": "delete"}).status_code == 400


def test_a_leader_cancels_a_volunteer_and_the_next_moves_up(
    client, shift, django_capture_on_commit_callbacks
):
    first, _ = signups.sign_up(shift, volunteer())
    second, _ = signups.sign_up(shift, volunteer())
    client.force_login(leader_of(shift.opportunity.team))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/volunteer/shifts/{shift.pk}/roster/", {"signup": first.pk, "action": "cancel"}
        )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == SignUpStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [[second.user.email]]
    assert mail.outbox[0].subject == "您已递补成功：敬老助餐"


def test_check_in_by_qr_is_pending_until_the_leader_confirms(client, shift):
    user = volunteer()
    signup, _ = signups.sign_up(shift, user)
    move_shift(shift, datetime.timedelta(minutes=10))
    token = attendance.check_in_token(shift)
    client.force_login(user)
    assert client.get(f"/volunteer/shifts/{shift.pk}/check-in/wrong/").status_code == 404
    url = f"/volunteer/shifts/{shift.pk}/check-in/{token}/"
    assert "我已到岗" in client.get(url).content.decode()
    assert client.post(url).status_code == 200
    signup.refresh_from_db()
    assert signup.attendance == Attendance.CHECKED_IN
    assert not LedgerEntry.objects.exists()
    client.force_login(volunteer())
    assert client.post(url).status_code == 403


def test_check_in_outside_the_window_is_refused(client, shift):
    user = volunteer()
    signups.sign_up(shift, user)
    client.force_login(user)
    url = f"/volunteer/shifts/{shift.pk}/check-in/{attendance.check_in_token(shift)}/"
    response = client.post(url)
    assert response.status_code == 409 and "签到时间" in response.content.decode()


def _credited(shift, user):
    signup, _ = signups.sign_up(shift, user)
    move_shift(shift, -datetime.timedelta(hours=3))
    attendance.mark(signup, Attendance.ATTENDED, None)
    return signup


def test_a_certificate_is_issued_once_a_day_printed_and_checked_publicly(client, home, shift):
    community = CommunitySettings.for_site(home.get_site())
    community.name, community.hotline = "青梧社区", "6123 4500"
    community.save()
    user = volunteer()
    user.resident.phone = "139 0000 1234"
    user.resident.save()
    _credited(shift, user)
    client.force_login(user)
    response = client.post("/volunteer/certificates/")
    assert response.status_code == 302
    assert client.post("/volunteer/certificates/").status_code == 302
    certificate = Certificate.objects.get()
    # Issuer and contact (order No. 67): the community's committee and its hotline.
    assert (certificate.issuer, certificate.contact) == ("青梧社区居民委员会", "6123 4500")
    html = client.get(response["Location"]).content.decode()
    for text in (
        "志愿服务记录证明",
        certificate.number,
        "敬老助餐",
        "2 小时",
        "<dt>出具单位</dt><dd>青梧社区居民委员会</dd>",
        "<dt>联系方式</dt><dd>6123 4500</dd>",
        "盖章",
        "<svg",
    ):
        assert text in html, text
    day = certificate.service_from
    sentence = html.split('class="certificate__text">')[1].split("</p>")[0]
    assert f"于 {day.year}年{day.month}月{day.day}日 至" in sentence
    assert not re.search(r"\d{4}-\d{2}-\d{2}", sentence)
    client.logout()
    check = client.get(f"/volunteer/certificates/{certificate.number}/check/")
    text = check.content.decode()
    assert check.status_code == 200 and certificate.number in text and "2" in text
    assert user.resident.display_name not in text and "139" not in text
    anonymous_ok(check)
    assert client.get("/volunteer/certificates/ZYFW-0000-000000/check/").status_code == 404
    assert client.get(response["Location"]).status_code == 302  # log in first


def test_the_certificate_issuer_and_contact_settings_win_over_the_community(
    client, home, shift, settings
):
    community = CommunitySettings.for_site(home.get_site())
    community.name, community.hotline = "青梧社区", "6123 4500"
    community.save()
    settings.LINLI_VOLUNTEER_ISSUER = "青梧社区志愿者协会"
    settings.LINLI_VOLUNTEER_CONTACT = "6123 4599"
    user = volunteer()
    _credited(shift, user)
    client.force_login(user)
    client.post("/volunteer/certificates/")
    certificate = Certificate.objects.get()
    assert (certificate.issuer, certificate.contact) == ("青梧社区志愿者协会", "6123 4599")


def test_nobody_else_opens_a_certificate_and_no_hours_no_certificate(client, shift):
    user = volunteer()
    _credited(shift, user)
    client.force_login(user)
    url = client.post("/volunteer/certificates/")["Location"]
    client.force_login(volunteer())
    assert client.get(url).status_code == 403
    response = client.post("/volunteer/certificates/", follow=True)
    assert "还没有可以证明的服务时长" in response.content.decode()
    assert Certificate.objects.count() == 1
    client.force_login(ResidentFactory().user)
    assert client.post("/volunteer/certificates/").status_code == 403


def test_me_shows_my_shifts_hours_and_certificates(client, shift):
    user = volunteer()
    _credited(shift, user)
    waiting = ShiftFactory(capacity=1, opportunity__title="楼道清洁")
    signups.sign_up(waiting, volunteer())
    signups.sign_up(waiting, user)
    client.force_login(user)
    html = client.get("/me/").content.decode()
    assert "我的志愿服务" in html and "楼道清洁" in html and "候补第 1 位" in html
    assert "累计：<strong>2</strong> 小时" in html
    assert "开具志愿服务记录证明" in html


def test_the_navigation_links_to_volunteer(client, home):
    assert 'href="/volunteer/"' in client.get("/").content.decode()


def test_a_team_with_opportunities_lists(client, home):
    OpportunityFactory()  # no shifts: not listed
    assert 'class="opportunity-item"' not in client.get("/volunteer/").content.decode()
