import pytest
from django.core.cache import cache

from participation.roles import ensure_roles


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
