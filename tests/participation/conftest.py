"""Fixtures shared by the participation tests: clean rate limits, and staff built from
the real role groups of ``participation.roles`` (never hand-picked permissions), so a
test of what the committee can do is a test of what the 居委会 group holds."""

import pytest
from django.core.cache import cache

from participation import roles
from participation.roles import ensure_roles
from tests.factories.households import BuildingFactory, ResidentFactory, UnitFactory, staff_in


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps login and sign-up rate limits in the cache; start each test clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_roles(db):
    """The staff groups (a transactional test elsewhere may have flushed the migration's)."""
    ensure_roles()


@pytest.fixture
def committee(staff_roles):
    """A member of the residents' committee (居委会), not logged in."""
    return staff_in(roles.COMMITTEE, username="committee")


@pytest.fixture
def committee_in_admin(client, committee, home):
    """The committee member, logged in on ``client``, with a site the admin links to."""
    client.force_login(committee)
    return committee


@pytest.fixture
def auditor(staff_roles):
    """An auditor (审计): may open single ballots, each opening logged."""
    return staff_in(roles.AUDITOR, username="auditor")


@pytest.fixture
def captain_building(db):
    return BuildingFactory(name="3号楼")


@pytest.fixture
def captain(staff_roles, captain_building):
    """The building captain (楼栋长) of ``captain_building`` (3号楼), not logged in."""
    user = staff_in(roles.CAPTAIN, username="captain", is_staff=False)
    ResidentFactory(
        user=user, captain_of=captain_building, unit=UnitFactory(building=captain_building)
    )
    return user
