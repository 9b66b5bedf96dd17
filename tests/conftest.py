import pytest
from django.core.cache import cache

from portal import page_cache as page_cache_module
from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory


@pytest.fixture(autouse=True)
def _chinese_by_default(settings):
    """Every test starts from the product's default language, whatever the machine's."""
    settings.LANGUAGE_CODE = "zh-hans"


@pytest.fixture
def home(db):
    return HomePageFactory()


@pytest.fixture
def notice_index(home):
    return NoticeIndexPageFactory(parent=home)


@pytest.fixture
def page_cache(settings):
    """The anonymous page cache (portal/page_cache.py) on, which the suite's settings
    turn off, and empty before and after: the shared cache and this process's copy."""
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    page_cache_module.local.clear()
    yield
    cache.clear()
    page_cache_module.local.clear()


@pytest.fixture
def memo_on(settings):
    """What the uncached server remembers on (``portal.page_cache.remember`` and
    ``{% memo %}``), the page cache off: as a logged-in resident's pages and every
    page with ``LINLI_PAGE_CACHE=off`` are served. Empty before and after."""
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_MEMO = True
    page_cache_module.local.clear()
    yield
    page_cache_module.local.clear()


class StoppedClock:
    """``time.monotonic`` standing still at ``now`` until a test moves it on."""

    def __init__(self):
        self.now = 1000.0

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    """The clock the page cache and the memo read (lifetimes, the generation's
    re-read), stopped: ``clock.advance(29)``."""
    stopped = StoppedClock()
    monkeypatch.setattr(page_cache_module.time, "monotonic", lambda: stopped.now)
    return stopped


@pytest.fixture(autouse=True)
def _empty_the_time_bank_before_a_flush(request):
    """The time-bank ledger refuses DELETE (a database trigger), and a transactional
    test ends by flushing every table: empty the ledger first, triggers kept. Set up
    after ``transactional_db`` so that it is torn down before the flush."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    from tests.factories.volunteering import purge_ledger

    purge_ledger()
