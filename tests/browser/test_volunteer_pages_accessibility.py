"""Volunteering pages pass axe (no serious or critical violations) in both display
modes — anonymous and logged in with the forms, the roster, /me/, the certificate and
its public check — and fit a 320 px screen in the elderly mode."""

import datetime

import pytest

from participation.volunteering import attendance, certificates, signups
from participation.volunteering.choices import Attendance
from tests.browser.conftest import axe_problems, sideways_overflow, submit_log_in
from tests.factories.pages import make_home
from tests.factories.volunteering import (
    ShiftFactory,
    TeamFactory,
    leader_of,
    move_shift,
    purge_ledger,
    volunteer,
)


@pytest.fixture
def volunteer_pages(transactional_db):
    make_home()
    team = TeamFactory(name="银龄互助队")
    coming = ShiftFactory(capacity=1, opportunity__title="敬老助餐", opportunity__team=team)
    coming.opportunity.skills.add("耐心", "会用智能手机")
    ShiftFactory(opportunity=coming.opportunity, capacity=30, hours=0)
    past = ShiftFactory(opportunity__title="楼道清洁长长的名字也要折行显示", opportunity__team=team)
    me = volunteer(username="wangfang")
    leader = leader_of(team, username="wangguifang")
    done, _ = signups.sign_up(past, me)
    move_shift(past, -datetime.timedelta(hours=3))
    attendance.mark(done, Attendance.ATTENDED, leader)
    signups.sign_up(coming, volunteer())
    signups.sign_up(coming, me)  # waitlisted
    certificate = certificates.issue(me)
    public = {
        "list": "/volunteer/",
        "list filtered": f"/volunteer/?team={team.pk}",
        "opportunity": f"/volunteer/{coming.opportunity_id}/",
        "certificate check": f"/volunteer/certificates/{certificate.number}/check/",
    }
    private = {
        **public,
        "opportunity with forms": f"/volunteer/{coming.opportunity_id}/",
        "my page": "/me/",
        "certificate": f"/volunteer/certificates/{certificate.number}/",
    }
    leader_pages = {"roster": f"/volunteer/shifts/{past.pk}/roster/"}
    yield public, private, leader_pages
    purge_ledger()


def log_in(page, username, mode):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    submit_log_in(page, username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"/display/{mode}/")


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_volunteer_pages_have_no_serious_axe_violations(axe_page, volunteer_pages, mode):
    public, private, leader_pages = volunteer_pages
    axe_page.goto(f"/display/{mode}/")
    problems = axe_problems(axe_page, public.items())
    log_in(axe_page, "wangfang", mode)
    problems.update(axe_problems(axe_page, private.items(), "logged in: {name}"))
    log_in(axe_page, "wangguifang", mode)
    problems.update(axe_problems(axe_page, leader_pages.items()))
    assert problems == {}


def test_volunteer_pages_fit_320px_in_elderly_mode(phone, volunteer_pages):
    public, private, leader_pages = volunteer_pages
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto("/display/elderly/")
    overflow = {}

    def check(name, path):
        phone.goto(path)
        width = sideways_overflow(phone)
        if width > 0:
            overflow[name] = width

    for name, path in public.items():
        check(name, path)
    log_in(phone, "wangfang", "elderly")
    for name, path in private.items():
        check(f"logged in: {name}", path)
    log_in(phone, "wangguifang", "elderly")
    for name, path in leader_pages.items():
        check(name, path)
    assert overflow == {}
