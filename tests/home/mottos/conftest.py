import pytest
from django.core.cache import cache

from home.mottos.workflow import ensure_motto_workflow
from tests.factories.mottos import MottoGalleryFactory, ThemeFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gallery(home):
    ensure_motto_workflow()
    return MottoGalleryFactory(parent=home)


@pytest.fixture
def theme(db):
    return ThemeFactory()
