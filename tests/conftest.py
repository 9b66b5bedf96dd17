import pytest

from tests.factories.pages import make_home, make_notice_index


@pytest.fixture(autouse=True)
def _chinese_by_default(settings):
    """Every test starts from the product's default language, whatever the machine's."""
    settings.LANGUAGE_CODE = "zh-hans"


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def notice_index(home):
    return make_notice_index(home)
