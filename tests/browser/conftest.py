"""Playwright driving Debian's Chromium (/usr/bin/chromium) against pytest-django's
live server. `make test` installs Chromium when it is missing; nothing is downloaded
by Playwright itself."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories.households import PASSWORD
from tests.factories.pages import HomePageFactory, StandardPageFactory

CHROMIUM = os.environ.get("LINLI_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make to set up data happen outside it but Django cannot tell.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def submit_log_in(page, username, password=PASSWORD):
    """Fill in and send the site's log-in form, where ``page`` stands on it (the admin's
    log-in sends staff there too)."""
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="登录", exact=True).click()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make test` to install it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_phone(browser, live_server, **options):
    """A browser context on a 375 px wide phone and a page in it; the caller closes the
    context. ``options`` go to ``browser.new_context`` (a ``locale``, say)."""
    context = browser.new_context(
        viewport={"width": 375, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        base_url=live_server.url,
        **options,
    )
    return context, context.new_page()


@pytest.fixture
def phone(browser, live_server):
    """A 375 px wide phone whose browser prefers English, as many do."""
    context, page = new_phone(browser, live_server, locale="en-US")
    yield page
    context.close()


@pytest.fixture
def axe_page(browser, live_server):
    """A page that can run axe-core: CSP is bypassed only to inject the axe script."""
    context = browser.new_context(
        viewport={"width": 1024, "height": 800}, bypass_csp=True, base_url=live_server.url
    )
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page, impacts=("serious", "critical")):
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def axe_problems(page, pages, label="{name}"):
    """{label: violations} for each (name, path) of ``pages`` whose page has serious or
    critical violations; ``label`` may place the name in a longer key."""
    problems = {}
    for name, path in pages:
        page.goto(path)
        if violations := axe_violations(page):
            problems[label.format(name=name)] = violations
    return problems


SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def sideways_overflow(page):
    """How many pixels the page scrolls sideways (0 or less: it fits the screen)."""
    return page.evaluate(SIDEWAYS)


@pytest.fixture
def signup_site(transactional_db):
    """What a sign-up or log-in journey needs: an empty cache, the home page, and the
    privacy page the sign-up form's consent box links to. Gives the home page."""
    from django.core.cache import cache

    cache.clear()
    home = HomePageFactory()
    StandardPageFactory(parent=home, title="隐私说明", slug="privacy")
    return home
