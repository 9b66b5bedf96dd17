"""Every kind of page the site shows, for the accessibility (axe) and narrow-screen
(320 px) checks: one small site, and for each group of page kinds who visits them.

``build_site()`` returns {group: (visitor, [(kind, path), ...])}; the visitor is
``None`` (anonymous) or a user to log in. The ballot steps are a journey of their own
(``ballot_steps``), as they need a click between the two pages.
"""

from django.conf import settings
from django.test import Client

from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.roll import freeze_electorate
from tests.factories.households import ResidentFactory
from tests.factories.pages import make_home, make_notice, make_notice_index, make_standard_page
from tests.factories.votes import (
    close,
    make_owner,
    make_owner_voter,
    make_unit,
    make_user,
    make_vote,
    option,
)

GROUPS = ["content", "votes", "accounts", "my pages"]


def build_site():
    home = make_home()
    index = make_notice_index(home)
    notice = make_notice(
        index,
        title="电梯年检通知",
        urgent=True,
        tags=["电梯"],
        body=[
            {"type": "heading", "value": {"text": "时间安排", "level": "h2"}},
            {"type": "paragraph", "value": "<p>请<a href='/notices/'>查看</a>安排。</p>"},
            {"type": "contact", "value": {"name": "物业服务中心", "phone": "0571-8888 0000"}},
        ],
    )
    long_title = make_notice(index, title="关于开展2026年度城乡居民医疗保险集中缴费工作的通知")
    about = make_standard_page(home)
    make_standard_page(home, title="隐私说明", slug="privacy")

    owner = make_owner()
    voter = make_owner_voter(owner, make_unit(owner, "100.00"), "voter")
    other = make_owner()
    make_unit(other, "80.00")
    open_vote = freeze_electorate(make_vote("owners", matter="special"))
    closed = freeze_electorate(make_vote("owners", title="地面停车位重新划线"))
    _, code = cast_online(closed, closed.roll.get(owner=owner), voter, option(closed, "agree"))
    enter_paper_ballot(
        closed, closed.roll.get(owner=other), option(closed, "agree"), make_user("clerk"), "1"
    )
    close(closed)
    resident = ResidentFactory(display_name="3号楼一位名字很长很长的热心居民").user

    return {
        "content": (
            None,
            [
                ("home", "/"),
                ("notice index", "/notices/"),
                ("notice", notice.url),
                ("notice with a long title", long_title.url),
                ("poster", notice.url + "poster/"),
                ("standard page", about.url),
                ("search", "/search/"),
                ("search results", "/search/?q=电梯"),
                ("search results, long", "/search/?q=医保"),
                ("not found", "/no-such-page/"),
            ],
        ),
        "votes": (
            None,
            [
                ("vote list", "/votes/"),
                ("open vote", f"/votes/{open_vote.pk}/"),
                ("results before close", f"/votes/{open_vote.pk}/results/"),
                ("results", f"/votes/{closed.pk}/results/"),
                ("receipt", f"/votes/{closed.pk}/receipt/?code={code}"),
                ("receipt form", f"/votes/{closed.pk}/receipt/"),
            ],
        ),
        "accounts": (
            None,
            [
                ("log in", "/accounts/login/"),
                ("sign up", "/accounts/signup/"),
                ("log in with a code", "/accounts/login/code/"),
                ("password reset", "/accounts/password/reset/"),
            ],
        ),
        "my pages": (
            resident,
            [
                ("claim a unit", "/accounts/household/"),
                ("my page", "/me/"),
                ("my details", "/me/profile/"),
                ("my privacy", "/me/privacy/"),
                ("delete my account", "/me/delete/"),
            ],
        ),
        "ballot": (voter, [("ballot", f"/votes/{open_vote.pk}/")]),
    }


def log_in(page, live_server, user):
    """Give the browser page a session of ``user`` (no log-in form on the way)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def ballot_steps(page, path):
    """Yield the ballot page and then its confirmation step, as the voter sees them."""
    page.goto(path)
    yield "ballot"
    page.get_by_label("同意", exact=True).check()
    page.get_by_role("button", name="下一步").click()
    yield "ballot confirmation"
