"""The elderly mode keeps its promise on the vote journey: every page meets axe's AAA
rule ``color-contrast-enhanced`` (7:1 on text), no radio is smaller than 24 px, and each
option is one tap target at least 44 px high with its radio beside its label."""

import pytest

from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.roll import freeze_electorate
from tests.browser.conftest import AXE_JS
from tests.browser.page_kinds import log_in
from tests.factories.households import (
    BuildingFactory,
    OwnerFactory,
    UnitFactory,
    UserFactory,
    verified_resident,
)
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, close, option

AAA = (
    "async () => await axe.run(document, "
    "{runOnly: {type: 'rule', values: ['color-contrast-enhanced']}})"
)


@pytest.fixture
def journey(transactional_db):
    HomePageFactory()
    building = BuildingFactory(name="3号楼")
    unit = UnitFactory(owner=OwnerFactory(), area="90.00", building=building, room="301")
    neighbour_unit = UnitFactory(owner=OwnerFactory(), area="80.00", building=building, room="302")
    voter = verified_resident(unit, user__username="liqiang").user
    neighbour = verified_resident(neighbour_unit, user__username="neighbour").user
    open_vote = freeze_electorate(VoteFactory(electorate="households", title="楼道加装扶手"))
    VoteFactory(
        electorate="households", title="下月停车方案", opens_in_hours=48, closes_in_hours=96
    )
    closed = freeze_electorate(VoteFactory(electorate="households", title="绿地改造"))
    cast_online(closed, closed.roll.get(unit=unit), voter, option(closed, "agree"))
    enter_paper_ballot(
        closed, closed.roll.get(unit=neighbour_unit), option(closed, "disagree"), UserFactory(), "1"
    )
    close(closed)
    return voter, neighbour, open_vote, closed


def _contrast_problems(page):
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AAA)
    return [
        f"{n['target']} {n.get('any', [{}])[0].get('message', '')[:120]}"
        for v in result["violations"]
        for n in v["nodes"]
    ]


def _radio_problems(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('input[type=radio]')].flatMap(radio => {
            const box = radio.getBoundingClientRect();
            const row = radio.closest('label');
            const problems = [];
            if (box.width < 24 || box.height < 24)
                problems.push(`${radio.id}: ${box.width}x${box.height}`);
            if (!row) { problems.push(`${radio.id}: not inside its label`); return problems; }
            const rowBox = row.getBoundingClientRect();
            if (rowBox.height < 44) problems.push(`${radio.id}: row ${rowBox.height}px high`);
            const text = row.querySelector('.ballot__choice-label').getBoundingClientRect();
            if (text.top >= box.bottom) problems.push(`${radio.id}: label wrapped below the radio`);
            return problems;
        })"""
    )


def test_every_page_of_the_vote_journey_meets_aaa_contrast_in_the_elderly_mode(
    axe_page, live_server, journey
):
    voter, neighbour, open_vote, closed = journey
    page = axe_page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/display/elderly/")
    problems = {}

    def check(kind):
        found = _contrast_problems(page) + _radio_problems(page)
        if found:
            problems[kind] = found

    for kind, path in [
        ("vote list (anonymous)", "/votes/"),
        ("vote (anonymous)", f"/votes/{open_vote.pk}/"),
        ("results", f"/votes/{closed.pk}/results/"),
    ]:
        page.goto(path)
        check(kind)

    log_in(page, live_server, voter)
    page.goto("/display/elderly/")
    page.goto("/votes/")
    check("vote list (marks)")
    page.goto(f"/votes/{open_vote.pk}/")
    check("ballot")
    page.locator("#ballot").get_by_text("同意", exact=True).click()  # the label is the target
    page.get_by_role("button", name="下一步").click()
    check("confirmation")
    page.get_by_role("button", name="确认投票").click()
    assert page.get_by_role("heading", level=1).inner_text() == "投票成功"
    check("vote cast")
    code = page.locator(".receipt__code").inner_text()
    page.goto(f"/votes/{open_vote.pk}/receipt/?code={code}")
    check("receipt check")
    page.goto("/me/")
    check("my page")

    log_in(page, live_server, neighbour)
    page.goto("/display/elderly/")
    page.goto(f"/votes/{closed.pk}/")
    check("closed vote, household's ballot told")
    assert problems == {}
