import pytest

from tests.factories.households import verified_resident
from tests.factories.reports import committee_staff, property_staff


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def resident(db):
    return verified_resident(display_name="王芳").user


@pytest.fixture
def other_resident(db):
    return verified_resident(display_name="李强").user


@pytest.fixture
def wuye(staff_roles):
    return property_staff()


@pytest.fixture
def juweihui(staff_roles):
    return committee_staff()
