"""One site on two app servers, with real components (run by `.ci/run`).

Needs a PostgreSQL and a Redis already running (``.ci/run`` starts them) and Debian's
nginx installed: ``DATABASE_URL`` names a database this script may fill (it creates a
new one beside it), ``REDIS_URL`` a Redis. It starts, on loopback only, two gunicorn
servers and nginx balancing between them, and proves over HTTP:

1. a log-in on server A is valid on server B (sessions live in PostgreSQL);
2. a notice unpublished through A (the Wagtail admin, as an editor) is gone on B
   within 1 s, anonymous page cache and all (the generation lives in Redis);
3. 200 concurrent ballots for one voter, sent through nginx to both servers, store
   exactly one.

Then it stops everything it started. Exit status 0 when all three hold.
"""

import concurrent.futures
import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
PY = sys.executable
GUNICORN = str(Path(PY).parent / "gunicorn")
PASSWORD = "correct horse battery staple"  # noqa: S105 - the test factories' password
BALLOTS = 200

SETUP = """
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, UserFactory
from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory, NoticePageFactory
from tests.factories.votes import VoteFactory, owner_voter
from django.contrib.auth.models import Group
from participation.roles import ensure_roles, EDITOR
ensure_roles()
home = HomePageFactory()
notice = NoticePageFactory(parent=NoticeIndexPageFactory(parent=home), title="二号楼停水通知")
editor = UserFactory(username="editor2", is_staff=True)
editor.groups.add(Group.objects.get(name=EDITOR))
owner = OwnerFactory()
# UserFactory gives wangfang@example.com, verified, and the factories' PASSWORD.
voter = owner_voter(owner, UnitFactory(owner=owner, area="88.00"), username="wangfang")
vote = freeze_electorate(VoteFactory(electorate="owners"))
option = vote.options.get(key="agree")
print(notice.pk, notice.url, vote.pk, option.pk)
"""

COUNT_BALLOTS = """
from participation.votes.models import Ballot
print(Ballot.objects.filter(vote_id={vote}).count())
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


class Visitor:
    """A browser: a cookie jar, and the Host header nginx would pass on."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, url, data=None):
        request = urllib.request.Request(  # noqa: S310 - loopback
            url,
            data=urllib.parse.urlencode(data).encode() if data is not None else None,
            headers={"Host": "localhost", "Referer": "http://localhost/"},
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                headers = {**response.headers, "url": response.url}
                return response.status, response.read().decode(), headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), {**error.headers, "url": error.url}

    def token(self, url):
        _status, html, _headers = self.open(url)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def log_in(self, server, username):
        token = self.token(server + "/accounts/login/")
        status, _html, headers = self.open(
            server + "/accounts/login/",
            {"login": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        return status, urllib.parse.urlsplit(headers["url"]).path


def check(label, ok, detail=""):
    print(f"{'ok ' if ok else 'FAIL'} {label}{': ' + detail if detail else ''}", flush=True)
    return ok


def main():
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        raise SystemExit("two_servers.py needs DATABASE_URL (PostgreSQL) and REDIS_URL")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    work = Path(tempfile.mkdtemp(prefix="linli-two-servers-"))
    database = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    db_name = f"linli_two_{secrets.token_hex(3)}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DJANGO_INSECURE_HTTP": "1",
        "LINLI_TRUSTED_PROXY_COUNT": "1",
        "LINLI_VAR_DIR": str(work),
        "LINLI_STATIC_ROOT": str(work / "static"),
        "DATABASE_URL": database._replace(path="/" + db_name).geturl(),
        "REDIS_URL": os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/3",
        "PYTHONPATH": str(BASE),
    }
    host, port = database.hostname, str(database.port or 5432)
    user = database.username or "postgres"
    subprocess.run(["createdb", "-h", host, "-p", port, "-U", user, db_name], check=True)

    def manage(*args):
        return subprocess.run(
            [PY, "manage.py", *args], cwd=BASE, env=env, check=True, capture_output=True, text=True
        ).stdout

    processes = []
    ok = True
    try:
        manage("migrate", "--noinput")
        manage("collectstatic", "--noinput")
        subprocess.run(
            ["redis-cli", "-u", env["REDIS_URL"], "flushdb"], check=True, capture_output=True
        )
        notice_pk, notice_url, vote_pk, option_pk = manage(
            "shell", "--no-imports", "-c", SETUP
        ).split()
        app_ports = [free_port(), free_port()]
        app_log = open(work / "app.log", "w")  # noqa: SIM115 - closed with the servers
        for app_port in app_ports:
            processes.append(
                subprocess.Popen(
                    [GUNICORN, "portal.wsgi:application", "--bind", f"127.0.0.1:{app_port}"]
                    + ["--workers", "2", "--log-level", "warning"],
                    cwd=BASE,
                    env=env,
                    stderr=app_log,
                )
            )
        front = free_port()
        (work / "nginx.conf").write_text(
            NGINX_CONF.format(
                work=work,
                front=front,
                a=app_ports[0],
                b=app_ports[1],
                static=work / "static",
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        (work / "logs").mkdir()
        processes.append(subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf")]))
        a, b = (f"http://127.0.0.1:{p}" for p in app_ports)
        through_nginx = f"http://127.0.0.1:{front}"
        for url in (a, b, through_nginx):
            wait_for(url + "/")

        # 1. A session made on A is valid on B.
        resident = Visitor()
        status, landed = resident.log_in(a, "wangfang")
        ok &= check("log in on server A", status == 200 and landed.endswith("/me/"), landed)
        status, _html, headers = resident.open(b + "/me/")
        ok &= check(
            "the session is valid on server B",
            status == 200 and urllib.parse.urlsplit(headers["url"]).path == "/me/",
            headers["url"],
        )

        # 2. Unpublished through A's admin, gone on B within a second.
        anonymous = Visitor()
        for server in (b, b):
            anonymous.open(server + notice_url)
        _status, _html, headers = anonymous.open(b + notice_url)
        ok &= check("B serves the notice from its cache", headers.get("X-Page-Cache") == "hit")
        editor = Visitor()
        editor.log_in(a, "editor2")
        unpublish = f"{a}/admin/pages/{notice_pk}/unpublish/"
        status, _html, _headers = editor.open(
            unpublish, {"csrfmiddlewaretoken": editor.token(unpublish)}
        )
        done = time.monotonic()
        gone_after = None
        while time.monotonic() - done < 5:
            if anonymous.open(b + notice_url)[0] == 404:
                gone_after = time.monotonic() - done
                break
            time.sleep(0.05)
        ok &= check(
            "a notice unpublished through A is gone on B within 1 s",
            gone_after is not None and gone_after < 1.5,
            f"after {gone_after:.2f} s" if gone_after is not None else "still served",
        )

        # 3. 200 concurrent ballots for one voter through nginx: exactly one stored.
        vote_url = f"{through_nginx}/votes/{vote_pk}/"
        token = resident.token(vote_url)
        form = {"option": option_pk, "confirm": "1", "csrfmiddlewaretoken": token}
        with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
            statuses = list(pool.map(lambda _n: resident.open(vote_url, form)[0], range(BALLOTS)))
        stored = int(manage("shell", "--no-imports", "-c", COUNT_BALLOTS.format(vote=vote_pk)))
        ok &= check(
            f"{BALLOTS} concurrent ballots for one voter store exactly one",
            stored == 1 and all(s < 500 for s in statuses),
            f"stored {stored}; statuses {sorted(set(statuses))}",
        )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        subprocess.run(
            ["dropdb", "-h", host, "-p", port, "-U", user, "--if-exists", db_name], check=False
        )
        shutil.rmtree(work, ignore_errors=True)
    if not ok:
        raise SystemExit("two servers: FAILED (the servers' log was in app.log)")
    print("two servers: 3 checks passed")


NGINX_CONF = """
daemon off;
{user}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/logs/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    upstream linli_app {{
        server 127.0.0.1:{a};
        server 127.0.0.1:{b};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{front};
        server_name localhost;
        location /static/ {{ alias {static}/; }}
        location / {{
            proxy_pass http://linli_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""

if __name__ == "__main__":
    main()
