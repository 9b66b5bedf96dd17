import pytest

from tests.factories.consultations import resident_user


@pytest.fixture
def resident(db):
    """A verified resident, not logged in."""
    return resident_user()


@pytest.fixture
def resident_client(client, resident):
    client.force_login(resident)
    return client
