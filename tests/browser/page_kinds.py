"""Every kind of page the site shows, for the accessibility (axe) and narrow-screen
(320 px) checks: one list of page kinds that drives both files, in groups, and for
each group a builder of the small site its pages need.

``KINDS[group]`` lists each page kind of the group: its id (``consultations-list``),
the path, filled in from the objects the builder made (``"/votes/{open_vote.pk}/"``),
who is logged in (``None``: nobody, else a key of the site's users), what to do on the
page before it is checked (the ballot's "下一步", a form sent empty), asserting that it
happened, and what else to check at 320 px (the event calendar's month as a list).
``Tour`` takes one browser page through the kinds of a group in one display mode.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.test import Client
from django.utils import timezone

from home.events.grid import shift_month
from home.mottos.choices import FamilyDisplay, MottoKind
from home.mottos.workflow import ensure_motto_workflow
from participation import roles
from participation.consultations.choices import CommentState, Status
from participation.consultations.models import Proposal
from participation.consultations.moderation import hide_comment
from participation.households.models import Building
from participation.reports import loop
from participation.reports.choices import Category, Handler, Visibility
from participation.volunteering import attendance, certificates, signups
from participation.volunteering.choices import Attendance
from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.roll import freeze_electorate
from tests.browser.events_site import build_calendar
from tests.factories.consultations import CommentFactory, ProposalFactory, step
from tests.factories.households import (
    BuildingFactory,
    OwnerFactory,
    ResidentFactory,
    UnitFactory,
    UserFactory,
    staff_in,
    verified_resident,
)
from tests.factories.mottos import MottoFactory, MottoGalleryFactory, ThemeFactory, couplet_fields
from tests.factories.pages import (
    HomePageFactory,
    NoticeIndexPageFactory,
    NoticePageFactory,
    StandardPageFactory,
)
from tests.factories.reports import ReportFactory, property_staff
from tests.factories.volunteering import (
    ShiftFactory,
    TeamFactory,
    leader_of,
    move_shift,
    volunteer,
)
from tests.factories.votes import VoteFactory, close, option, owner_voter

MODES = ["standard", "elderly"]


@dataclass
class Site:
    """What a builder made: objects for the paths, and users to log in as."""

    objects: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)


def _unit(owner, area):
    """A unit of ``owner``; the vote's units all stand in the first building."""
    return UnitFactory(
        owner=owner, area=area, building=Building.objects.first() or BuildingFactory()
    )


def build_content_and_votes(home, site):
    """Notices, a standard page, the privacy page; an open and a closed owners' vote
    with one online and one paper ballot; a resident with a long name."""
    index = NoticeIndexPageFactory(parent=home)
    notice = NoticePageFactory(
        parent=index,
        title="电梯年检通知",
        urgent=True,
        tags=["电梯"],
        body=[
            {"type": "heading", "value": {"text": "时间安排", "level": "h2"}},
            {"type": "paragraph", "value": "<p>请<a href='/notices/'>查看</a>安排。</p>"},
            {"type": "contact", "value": {"name": "物业服务中心", "phone": "0571-8888 0000"}},
        ],
    )
    long_title = NoticePageFactory(
        parent=index, title="关于开展2026年度城乡居民医疗保险集中缴费工作的通知"
    )
    about = StandardPageFactory(parent=home)
    StandardPageFactory(parent=home, title="隐私说明", slug="privacy")

    owner = OwnerFactory()
    voter = owner_voter(owner, _unit(owner, "100.00"), username="voter")
    other = OwnerFactory()
    _unit(other, "80.00")
    open_vote = freeze_electorate(VoteFactory(electorate="owners", matter="special"))
    closed = freeze_electorate(VoteFactory(electorate="owners", title="地面停车位重新划线"))
    _, code = cast_online(closed, closed.roll.get(owner=owner), voter, option(closed, "agree"))
    enter_paper_ballot(
        closed,
        closed.roll.get(owner=other),
        option(closed, "agree"),
        UserFactory(username="clerk"),
        "1",
    )
    close(closed)
    site.objects.update(
        notice=notice, long_title=long_title, about=about, open_vote=open_vote, closed=closed
    )
    site.objects["code"] = code
    site.users["voter"] = voter
    site.users["resident"] = ResidentFactory(display_name="3号楼一位名字很长很长的热心居民").user


def build_consultations(home, site):
    """A proposal with a long title, a long comment, a hidden one and a pending one of
    the logged-in resident; an answered proposal."""
    building = BuildingFactory(name="3号楼")
    proposal = ProposalFactory(title="北门增设电动车集中充电桩，解决楼道飞线充电的安全隐患")
    proposal.buildings.add(building)
    CommentFactory(proposal=proposal, body="支持！" * 30)
    hidden = CommentFactory(proposal=proposal)
    hide_comment(hidden, staff_in(roles.COMMITTEE, username="zhou"), "跑题")
    answered = ProposalFactory(title="长者食堂菜单每周公布")
    step(answered, Status.DISCUSSION, "已列入议程")
    Proposal.objects.filter(pk=answered.pk).update(answer="下月起每周五公布菜单。")
    step(answered, Status.ANSWERED, "居委会发布了答复。")
    resident = verified_resident(unit=None).user
    CommentFactory(proposal=proposal, author=resident, state=CommentState.PENDING)
    site.objects.update(proposal=proposal, answered=answered)
    site.users["proposer"] = resident


def build_events(home, site):
    """The calendar of events_site.py (a monthly, a weekly, a lunar yearly and a long
    two-day event)."""
    _calendar, lianqiri, reading = build_calendar(home)
    today = timezone.localdate()
    site.objects.update(
        lianqiri=lianqiri, reading=reading, next_month=shift_month(today.year, today.month, 1)
    )


def build_mottos(home, site):
    """The motto gallery with a long featured couplet, a short one and a long precept;
    a verified resident ``linjia`` who may submit one."""
    MottoGalleryFactory(parent=home)
    ensure_motto_workflow()
    theme = ThemeFactory()
    longest = MottoFactory(
        theme=theme,
        featured=True,
        story="外公常常念给我们听。",
        **couplet_fields(
            "一粥一饭当思来处不易勤俭持家", "半丝半缕恒念物力维艰诚信做人", "勤俭节约"
        ),
    )
    short = MottoFactory(theme=theme, **couplet_fields("百善孝为先", "万事和为贵", "孝老爱亲"))
    prose = MottoFactory(
        theme=theme,
        kind=MottoKind.PROSE,
        text="黎明即起，洒扫庭除，要内外整洁；既昏便息，关锁门户，必亲自检点。" * 3,
        family_name="林家",
        family_display=FamilyDisplay.FAMILY,
        consent=True,
    )
    site.objects.update(theme=theme, longest=longest, short=short, prose=prose)
    site.users["linjia"] = verified_resident(user=UserFactory(username="linjia")).user


def build_reports(home, site):
    """A report with a photo and a long place, a fixed one, a private one; the resident
    who made them. Photos go to PRIVATE_MEDIA_ROOT."""
    building = BuildingFactory(name="3号楼")
    resident = verified_resident(unit=UnitFactory(building=building)).user
    report = ReportFactory(reporter=resident, photos=1, place="2单元电梯，5楼按钮" * 3)
    fixed = ReportFactory(reporter=resident, category=Category.NOISE, place="南侧广场")
    wuye = property_staff()
    loop.accept(fixed, wuye, Handler.PROPERTY)
    loop.close(fixed, wuye, "已与广场舞队协商，晚上九点后调低音量。")
    private = ReportFactory(
        reporter=resident, category=Category.DISPUTE, visibility=Visibility.PRIVATE
    )
    site.objects.update(report=report, fixed=fixed, private=private, now=timezone.localtime())
    site.users["reporter"] = resident


def build_volunteering(home, site):
    """A team with a full coming shift (``wangfang`` waitlisted), a past shift she
    attended, her certificate; the team's leader ``wangguifang``."""
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
    site.objects.update(team=team, coming=coming, past=past, certificate=certificates.issue(me))
    site.users.update(wangfang=me, wangguifang=leader)


GROUPS = {
    "content": build_content_and_votes,
    "votes": build_content_and_votes,
    "accounts": build_content_and_votes,
    "my-pages": build_content_and_votes,
    "consultations": build_consultations,
    "events": build_events,
    "mottos": build_mottos,
    "reports": build_reports,
    "volunteering": build_volunteering,
}


def build_site(group):
    """A home page and what the page kinds of ``group`` need under it."""
    site = Site()
    GROUPS[group](HomePageFactory(), site)
    return site


def log_in(page, live_server, user):
    """Give the browser page a session of ``user`` (no log-in form on the way)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def to_the_confirmation(page):
    """The ballot's first step: choose 同意 and go on to the confirmation."""
    page.get_by_label("同意", exact=True).check()
    page.get_by_role("button", name="下一步").click()
    page.get_by_role("button", name="确认投票").wait_for()


def send_the_motto_form_empty(page):
    """Send the motto submission form as it is, which shows its errors."""
    page.get_by_role("button", name="提交给居委会").click()
    page.locator(".invalid-feedback").first.wait_for()  # times out if none is shown


def the_month_is_a_list(page):
    """At 320 px the calendar shows the month as a list, not as a grid."""
    assert not page.locator("table.month-grid").is_visible()
    assert page.locator(".month-agenda").is_visible()


@dataclass(frozen=True)
class PageKind:
    """One kind of page: see the module's docstring."""

    id: str
    path: str
    visitor: str | None = None
    then: Callable | None = None
    at_320px: Callable | None = None

    def __str__(self):
        return self.id


def _kinds(group, visitor, pages, suffix=""):
    """PageKinds from (name, path[, then[, at_320px]]) tuples."""
    return [
        PageKind(f"{group}-{name}{suffix}", path, visitor, *checks) for name, path, *checks in pages
    ]


_CONSULTATIONS = [
    ("list", "/consultations/"),
    ("board", "/consultations/?view=board"),
    ("proposal", "/consultations/{proposal.pk}/"),
    ("answered", "/consultations/{answered.pk}/"),
    ("not-found", "/consultations/?status=nonsense"),
]
_REPORTS = [
    ("board", "/reports/"),
    ("report", "/reports/{report.pk}/"),
    ("fixed", "/reports/{fixed.pk}/"),
    ("bill", "/reports/bill/{now.year}/{now.month}/"),
    ("not-found", "/reports/?status=nonsense"),
]
_VOLUNTEERING = [
    ("list", "/volunteer/"),
    ("list-filtered", "/volunteer/?team={team.pk}"),
    ("opportunity", "/volunteer/{coming.opportunity_id}/"),
    ("certificate-check", "/volunteer/certificates/{certificate.number}/check/"),
]

KINDS = {
    "content": _kinds(
        "content",
        None,
        [
            ("home", "/"),
            ("notice-index", "/notices/"),
            ("notice", "{notice.url}"),
            ("notice-with-a-long-title", "{long_title.url}"),
            ("poster", "{notice.url}poster/"),
            ("standard-page", "{about.url}"),
            ("search", "/search/"),
            ("search-results", "/search/?q=电梯"),
            ("search-results-long", "/search/?q=医保"),
            ("not-found", "/no-such-page/"),
        ],
    ),
    "votes": [
        *_kinds(
            "votes",
            None,
            [
                ("list", "/votes/"),
                ("open-vote", "/votes/{open_vote.pk}/"),
                ("results-before-close", "/votes/{open_vote.pk}/results/"),
                ("results", "/votes/{closed.pk}/results/"),
                ("receipt", "/votes/{closed.pk}/receipt/?code={code}"),
                ("receipt-form", "/votes/{closed.pk}/receipt/"),
            ],
        ),
        *_kinds(
            "votes",
            "voter",
            [
                ("ballot", "/votes/{open_vote.pk}/"),
                ("ballot-confirmation", "/votes/{open_vote.pk}/", to_the_confirmation),
            ],
        ),
    ],
    "accounts": _kinds(
        "accounts",
        None,
        [
            ("log-in", "/accounts/login/"),
            ("sign-up", "/accounts/signup/"),
            ("log-in-with-a-code", "/accounts/login/code/"),
            ("password-reset", "/accounts/password/reset/"),
        ],
    ),
    "my-pages": _kinds(
        "my-pages",
        "resident",
        [
            ("claim-a-unit", "/accounts/household/"),
            ("my-page", "/me/"),
            ("my-details", "/me/profile/"),
            ("my-privacy", "/me/privacy/"),
            ("delete-my-account", "/me/delete/"),
        ],
    ),
    "consultations": [
        *_kinds("consultations", None, _CONSULTATIONS),
        *_kinds(
            "consultations",
            "proposer",
            [*_CONSULTATIONS, ("new", "/consultations/new/")],
            "-logged-in",
        ),
    ],
    "events": _kinds(
        "events",
        None,
        [
            ("calendar", "/events/", None, the_month_is_a_list),
            ("next-month", "/events/{next_month[0]}/{next_month[1]:02d}/"),
            ("past", "/events/past/"),
            ("event", "{lianqiri.url}"),
            ("weekly-event", "{reading.url}"),
            ("bad-month", "/events/2026/13/"),
        ],
    ),
    "mottos": [
        *_kinds(
            "mottos",
            None,
            [
                ("gallery", "/mottos/"),
                ("gallery-filtered", "/mottos/?kind=couplet&theme={theme.slug}"),
                ("couplet", "/mottos/{longest.pk}/"),
                ("short-couplet", "/mottos/{short.pk}/"),
                ("precept", "/mottos/{prose.pk}/"),
                ("submit-anonymous", "/mottos/submit/"),
            ],
        ),
        *_kinds(
            "mottos",
            "linjia",
            [
                ("submit", "/mottos/submit/"),
                ("submit-with-errors", "/mottos/submit/", send_the_motto_form_empty),
            ],
        ),
    ],
    "reports": [
        *_kinds("reports", None, _REPORTS),
        *_kinds(
            "reports",
            "reporter",
            [*_REPORTS, ("private", "/reports/{private.pk}/"), ("new", "/reports/new/")],
            "-logged-in",
        ),
    ],
    "volunteering": [
        *_kinds("volunteering", None, _VOLUNTEERING),
        *_kinds(
            "volunteering",
            "wangfang",
            [
                *_VOLUNTEERING,
                ("my-page", "/me/"),
                ("certificate", "/volunteer/certificates/{certificate.number}/"),
            ],
            "-logged-in",
        ),
        *_kinds(
            "volunteering",
            "wangguifang",
            [("roster", "/volunteer/shifts/{past.pk}/roster/")],
            "-leader",
        ),
    ],
}


class Tour:
    """Takes one browser page through page kinds in one display mode. When the
    visitor changes, the cookies go, the new visitor is logged in (a session cookie,
    no log-in form) and the display mode is switched again."""

    _NOBODY_YET = object()

    def __init__(self, page, live_server, site, mode):
        self.page, self.live_server, self.site, self.mode = page, live_server, site, mode
        self.visitor = self._NOBODY_YET

    def visit(self, kind):
        """Show ``kind`` as its visitor sees it, its ``then`` done; give the path."""
        if kind.visitor != self.visitor:
            self.page.context.clear_cookies()
            if kind.visitor is not None:
                log_in(self.page, self.live_server, self.site.users[kind.visitor])
            self.page.goto(f"/display/{self.mode}/")
            self.visitor = kind.visitor
        path = kind.path.format(**self.site.objects)
        self.page.goto(path)
        if kind.then is not None:
            kind.then(self.page)
        return path
