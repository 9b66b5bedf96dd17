import pytest

from tests.factories.volunteering import purge_ledger


@pytest.fixture
def purge_ledger_after(transactional_db):
    """For transactional tests that write the ledger (see ``purge_ledger``)."""
    yield
    purge_ledger()
