"""Issue 8.5: the admin's participation bars show the quorum line they speak of, and
the vote pages' own classes are styled (the stylesheet comes from
``insert_global_admin_css``). A screenshot is kept for a person to look at."""

import os
from pathlib import Path

from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from participation import roles
from participation.votes.ballots import cast_online
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, staff_in
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, owner_voter

PASSWORD = "pw-for-tests-1"


def test_the_admin_turnout_bars_draw_the_quorum_line(browser, live_server, tmp_path):
    HomePageFactory()
    clerk = staff_in(roles.COMMITTEE, username="clerk", email="clerk@example.com")
    clerk.set_password(PASSWORD)
    clerk.save()
    EmailAddress.objects.update_or_create(
        user=clerk, email=clerk.email, defaults={"verified": True, "primary": True}
    )
    owner = OwnerFactory()
    voter = owner_voter(owner, UnitFactory(owner=owner, area="120.00"), username="wangayi")
    UnitFactory(owner=OwnerFactory(), area="95.50")
    vote = freeze_electorate(VoteFactory(electorate="owners", matter="special"))
    cast_online(vote, vote.roll.get(owner=owner), voter, vote.options.get(key="agree"))

    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    page.goto(f"/admin/plan_votes/manage/{vote.pk}/")
    page.locator("#id_login").fill("clerk")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    bar = page.locator(".bar--quorum").first
    expect(bar).to_be_visible()
    line = bar.evaluate(
        """el => {
            const after = getComputedStyle(el, '::after');
            const box = el.getBoundingClientRect();
            return {width: after.borderLeftWidth, style: after.borderLeftStyle,
                    left: parseFloat(after.left) / box.width, position: after.position};
        }"""
    )
    assert line["width"] == "3px" and line["style"] == "solid" and line["position"] == "absolute"
    assert abs(line["left"] - 2 / 3) < 0.01
    facts = page.locator(".linli-facts").evaluate("el => getComputedStyle(el).display")
    actions = page.locator(".linli-actions").evaluate("el => getComputedStyle(el).display")
    assert (facts, actions) == ("grid", "flex")
    shot = Path(os.environ.get("LINLI_SCREENSHOTS", tmp_path)) / "admin-quorum-line.png"
    page.locator(".turnout").first.screenshot(path=str(shot))
    assert shot.stat().st_size > 0
    context.close()
