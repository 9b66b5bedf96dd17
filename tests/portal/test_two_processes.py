"""Two server processes on one machine, without Redis: what must be shared is.

Starts two gunicorn processes (production settings, SQLite, the database cache) on
loopback, and proves over HTTP that the page cache's invalidation reaches both within
a second and that the log-in limits count across them exactly (five wrong passwords
lock the account, whichever server saw them; ten failures from one address close
log-in from it). It stops what it started.
"""

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.ci import own_sqlite_only

BASE = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"

SETUP = """
from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory, NoticePageFactory
from tests.factories.households import UserFactory
home = HomePageFactory()
index = NoticeIndexPageFactory(parent=home)
NoticePageFactory(parent=index, title="二号楼停水通知")
UserFactory(username="wangfang")
for n in range(12):
    UserFactory(username=f"neighbour{n}")
"""

RENAME = """
from home.notices.models import NoticePage
notice = NoticePage.objects.get(title="二号楼停水通知")
notice.title = "二号楼停水改期通知"
notice.save_revision().publish()
"""


pytestmark = own_sqlite_only


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    work = tmp_path_factory.mktemp("two-processes")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_INSECURE_HTTP="1",
        LINLI_VAR_DIR=str(work),
        # Collected once per checkout: collectstatic skips what has not changed.
        LINLI_STATIC_ROOT=str(BASE / "var" / "test-static"),
        LINLI_TRUSTED_PROXY_COUNT="1",
        # Ten wrong passwords per address per 10 minutes instead of per minute: the
        # count across the two servers is what is tested, not the window's length.
        LINLI_LOGIN_FAILED_IP_WINDOW="10m",
        PYTHONPATH=str(BASE),
    )

    def manage(*args, stdin=None):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE,
            env=env,
            check=True,
            capture_output=True,
            input=stdin,
            text=True,
        )

    manage("migrate", "--noinput")
    manage("createcachetable")
    manage("collectstatic", "--noinput")
    manage("shell", "--no-imports", "-c", SETUP)
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [str(GUNICORN), "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "1", "--log-level", "warning"],
            cwd=BASE,
            env=env,
        )
        for port in ports
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url in urls:
            _wait_for(url + "/notices/")
        yield {"urls": urls, "manage": manage}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def _wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers, response.read().decode()


class Browser:
    """One visitor with a cookie jar, talking to either server."""

    def __init__(self, address):
        # What nginx in front of both servers passes on: one host name, and the
        # visitor's address in X-Forwarded-For (LINLI_TRUSTED_PROXY_COUNT=1).
        self.headers = {"Host": "localhost", "X-Forwarded-For": address}
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def log_in(self, server, login, password):
        page = urllib.request.Request(server + "/accounts/login/", headers=self.headers)
        with self.opener.open(page, timeout=10) as response:
            token = re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()
            )
        data = urllib.parse.urlencode(
            {"login": login, "password": password, "csrfmiddlewaretoken": token.group(1)}
        ).encode()
        request = urllib.request.Request(
            server + "/accounts/login/",
            data=data,
            headers={**self.headers, "Referer": "http://localhost/"},
        )
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def test_an_invalidation_reaches_both_servers_within_a_second(servers):
    a, b = servers["urls"]
    for server in (a, b):
        fetch(server + "/notices/")
    headers, html = fetch(b + "/notices/")
    assert headers["X-Page-Cache"] == "hit" and "二号楼停水通知" in html
    servers["manage"]("shell", "--no-imports", "-c", RENAME)
    published = time.monotonic()
    seen = {}
    while len(seen) < 2 and time.monotonic() - published < 5:
        for server in (a, b):
            if server not in seen and "二号楼停水改期通知" in fetch(server + "/notices/")[1]:
                seen[server] = time.monotonic() - published
        time.sleep(0.05)
    assert set(seen) == {a, b}
    assert max(seen.values()) < 1.5, seen  # 1 s for the generation, and the request


def test_five_wrong_passwords_across_two_servers_lock_the_account(servers):
    a, b = servers["urls"]
    visitor = Browser("198.51.100.2")
    statuses = [visitor.log_in((a, b)[n % 2], "wangfang", "wrong") for n in range(5)]
    assert statuses == [400] * 5
    assert visitor.log_in(a, "wangfang", "correct horse battery staple") == 429
    assert visitor.log_in(b, "wangfang", "correct horse battery staple") == 429


def test_the_per_address_limit_is_exact_across_two_servers(servers):
    a, b = servers["urls"]
    visitor = Browser("198.51.100.3")
    statuses = [visitor.log_in((a, b)[n % 2], f"neighbour{n}", "wrong") for n in range(11)]
    assert statuses[:10] == [400] * 10, statuses
    assert statuses[10] == 429, statuses
