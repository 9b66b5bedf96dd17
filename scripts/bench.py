"""`make bench`: measure the production-settings site under gunicorn with wrk.

Copies the demo database, adds 1,000 generated notices, serves it with gunicorn +
whitenoise (production settings, plain http on loopback) three ways — with the
anonymous page cache ("cached"), without it ("uncached", LINLI_PAGE_CACHE=off: as a
logged-in resident's pages are made, with what every visitor sees alike remembered
per process and cache generation), and with nothing remembered either ("cold",
LINLI_PAGE_MEMO=off too: every request does all its work, as the first request after
an edit does) — drives each URL with wrk at 16 connections for a fixed time, and
prints requests/s and p50/p99 latency, with each page's throughput as a ratio of the
static CSS file's. ``bench.py pages``, ``bench.py search`` and ``bench.py
consultations`` run one section alone.

Then, in a second database, the search section: the demo plus 10,000 generated
notices, indexed with `manage.py update_index`, and a set of queries timed through the
/search/ view (search, ranking, highlighting and template), printing mean and p95 ms
per query (target: under 100 ms).

Then, in a third database, an owners' vote with 10,000 owners and 10,000 ballots is
tallied (`manage.py bench_tally`; target: under 100 ms).

Last, in a fourth database, the consultations section: the demo plus 1,000 generated
proposals and 10,000 comments (`manage.py generate_consultations`), served uncached by
its own gunicorn, with wrk on the list, the board, a filtered list and the proposal with
500 comments (target: p99 under 200 ms at 16 connections). `bench.py consultations`
runs this section alone. It measures; it asserts nothing.
"""

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
PY = sys.executable
DURATION = os.environ.get("BENCH_SECONDS", "10")
CONNECTIONS = "16"
EXTRA_NOTICES = 1000
SEARCH_NOTICES = int(os.environ.get("BENCH_SEARCH_NOTICES", "10000"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=BASE, env=env, check=True)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not answer {url}")


def to_ms(value):
    """wrk's durations: 812.00us, 5.75ms, 1.28s, 1.02m; anything else (wrk prints
    "-nan" when no request finished) is not a number."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(url):
    """wrk's requests/s, p50 and p99 in ms, non-2xx answers, and how many requests
    passed wrk's 2 s timeout (they are left out of its latencies, so a p99 near
    2,000 ms is at that cap)."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Requests/sec" not in out or "99%" not in out:
        raise SystemExit(f"wrk gave no figures for {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    # Anchored to the start of a line: "+/- Stdev" figures such as 68.50% also end in 50%.
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    return (
        rps,
        p50,
        p99,
        int(errors.group(1)) if errors else 0,
        int(timeouts.group(1)) if timeouts else 0,
    )


def start_gunicorn(env, port):
    """The site under gunicorn with two workers (the machine has two cores)."""
    return subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=BASE,
        env=env,
    )


def shell_words(env, snippet):
    """What a ``manage.py shell`` snippet prints, split into words (URLs to measure)."""
    return subprocess.run(
        [PY, "manage.py", "shell", "--no-imports", "-c", snippet],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


def production_env(work):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_INSECURE_HTTP": "1",
        "DJANGO_SERVE_MEDIA": "1",
        "LINLI_VAR_DIR": str(work),
        # The demo's moderation mails have nowhere to go on a bench machine.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    env.pop("DATABASE_URL", None)
    return env


@contextlib.contextmanager
def bench_database(prefix, title, notices=None, seed=None):
    """The production-settings environment of a database of its own, in a temporary
    folder that is removed afterwards: ``seed`` (a database file) copied in if it
    exists, migrated, with the cache table; given ``notices``, also the demo community,
    that many generated notices and the collected static files. ``title`` is printed
    first, with ``{work}`` standing for the folder."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    env = production_env(work)
    try:
        if seed is not None and seed.exists():
            shutil.copy(seed, work / "db.sqlite3")
        print(title.format(work=work))
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "createcachetable")
        if notices is not None:
            manage(env, "load_demo_community", "--quiet", "--no-credentials")
            manage(env, "generate_notices", str(notices))
            manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        yield env
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_search():
    """Time queries through the search view over the demo plus SEARCH_NOTICES notices."""
    title = f"\nsearch bench data in {{work}}: demo + {SEARCH_NOTICES} notices"
    with bench_database("linli-bench-search-", title, notices=SEARCH_NOTICES) as env:
        started = time.monotonic()
        manage(env, "update_index", "--verbosity", "0")
        print(f"update_index: {time.monotonic() - started:.1f} s")
        subprocess.run(
            [PY, "manage.py", "shell", "--no-imports", "-c", SEARCH_TIMING_SNIPPET],
            cwd=BASE,
            env=env,
            check=True,
        )


def bench_tally():
    """Tally an owners' vote with 10,000 owners and 10,000 ballots (target < 100 ms)."""
    with bench_database("linli-bench-tally-", "\ntally bench data in {work}") as env:
        manage(env, "bench_tally", "--owners", "10000")


def main():
    bench_pages()
    bench_search()
    bench_tally()
    bench_consultations()


def bench_pages():
    """The seven pages beside the static file, in the three modes."""
    with bench_database(
        "linli-bench-",
        "bench data in {work}",
        notices=EXTRA_NOTICES,
        seed=BASE / "var" / "db.sqlite3",
    ) as env:
        results = serve_and_measure(env)
    print_results(results)


MODES = {
    "cached": {"LINLI_PAGE_CACHE": "on", "LINLI_PAGE_MEMO": "on"},
    "uncached": {"LINLI_PAGE_CACHE": "off", "LINLI_PAGE_MEMO": "on"},
    "cold": {"LINLI_PAGE_CACHE": "off", "LINLI_PAGE_MEMO": "off"},
}


def serve_and_measure(env):
    """Serve with gunicorn in each of the three modes and drive each page with wrk."""
    servers, ports = [], {}
    for mode, switches in MODES.items():
        ports[mode] = free_port()
        servers.append(start_gunicorn({**env, **switches}, ports[mode]))
    try:
        for port in ports.values():
            wait_for(f"http://127.0.0.1:{port}/")
        sample = shell_words(env, BENCH_URLS_SNIPPET)
        notice_url, css_url, vote_url = sample[0], sample[1], sample[2]
        pages = [
            ("/", "/"),
            ("/notices/", "/notices/"),
            ("one notice", notice_url),
            ("/votes/", "/votes/"),
            ("one vote", vote_url),
            ("/events/", "/events/"),
            ("/search/?q=电梯", "/search/?q=%E7%94%B5%E6%A2%AF"),
        ]
        results = {("static CSS", ""): run_wrk(f"http://127.0.0.1:{ports['cached']}{css_url}")}
        for mode, port in ports.items():
            for name, path in pages:
                wait_for(f"http://127.0.0.1:{port}{path}")
                results[(name, mode)] = run_wrk(f"http://127.0.0.1:{port}{path}")
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    return results


def print_results(results):
    static_rps = results[("static CSS", "")][0]
    print(f"\nwrk: {CONNECTIONS} connections, {DURATION}s per URL, gunicorn 2 workers, SQLite,")
    print(f"demo community + {EXTRA_NOTICES} notices; cached = anonymous page cache on,")
    print("uncached = page cache off, cold = nothing remembered either")
    print(
        f"{'URL':<18}{'mode':<10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}"
        f"{'vs static':>11}{'non-2xx':>9}{'> 2 s':>7}"
    )
    for (name, mode), (rps, p50, p99, errors, timeouts) in results.items():
        ratio = rps / static_rps if static_rps else 0
        print(
            f"{name:<18}{mode:<10}{rps:>10.1f}{p50:>10.2f}{p99:>10.2f}{ratio:>10.1%}"
            f"{errors:>9}{timeouts:>7}"
        )


BENCH_URLS_SNIPPET = """
from django.templatetags.static import static
from home.models import NoticePage
notice = NoticePage.objects.visible().order_by("-first_published_at").first()
from participation.votes.models import PlanVote
print(notice.url)
print(static("css/site.css"))
print(f"/votes/{PlanVote.objects.filter(published=True).order_by('pk').first().pk}/")
"""

SEARCH_TIMING_SNIPPET = """
import statistics, time
from home import views
# Time each search as a warm server runs a query it has not seen: the site and the
# header remembered, the page of hits not (home.views.search remembers it per query).
views.remember = lambda name, compute, **options: compute()
from django.test import RequestFactory
from home.models import NoticePage
search = views.search

QUERIES = ["电梯", "電梯維修", "停水", "5G", "A座", "燃气安全检查", "3号楼", "垃圾分类",
           "消防演练", "快递柜", "通知", "二次供水", "绿化养护", "12号楼电梯维修通知", "李秀兰",
           "不存在的词", "医保", "WiFi", "第500期", "3号楼停水"]
factory = RequestFactory()

def run(query, page=1):
    request = factory.get("/search/", {"q": query, "page": page}, HTTP_HOST="127.0.0.1")
    started = time.perf_counter()
    response = search(request)
    response.render()
    assert response.status_code == 200, query
    return (time.perf_counter() - started) * 1000, response.context_data["results"]

for query in QUERIES:  # warm caches, as a running server would be
    run(query)
times, counts = [], {}
for _ in range(3):
    for query in QUERIES:
        elapsed, results = run(query)
        times.append(elapsed)
        counts[query] = results.paginator.count
deep, _ = run("通知", page=50)
times.sort()
p95 = times[int(len(times) * 0.95) - 1]
print(f"search: {NoticePage.objects.count()} notices, {len(QUERIES)} queries x 3 through the view")
print(f"  mean {statistics.mean(times):.1f} ms, p50 {statistics.median(times):.1f} ms, "
      f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms (target < 100 ms); page 50 of 通知: {deep:.1f} ms")
print("  hits: " + ", ".join(f"{q} {n}" for q, n in counts.items()))
"""

CONSULTATION_PROPOSALS = 1000
CONSULTATION_COMMENTS = 10000
CONSULTATION_BUSY = 500  # comments on one proposal

CONSULTATION_URLS_SNIPPET = """
from django.db.models import Count
from django.templatetags.static import static
from participation.consultations.models import Proposal
busy = Proposal.objects.annotate(n=Count("comments")).order_by("-n", "pk").first()
print(static("css/site.css"))
print(busy.get_absolute_url())
"""


def bench_consultations():
    """/consultations/ over 1,000 proposals and 10,000 comments, uncached, at 16
    connections (issue 15's target: p99 under 200 ms), beside the static CSS file."""
    title = (
        f"\nconsultations bench data in {{work}}: demo + {CONSULTATION_PROPOSALS} proposals, "
        f"{CONSULTATION_COMMENTS} comments"
    )
    with bench_database("linli-bench-consultations-", title) as env:
        manage(env, "load_demo_community", "--quiet", "--no-credentials")
        manage(
            env,
            "generate_consultations",
            "--proposals",
            str(CONSULTATION_PROPOSALS),
            "--comments",
            str(CONSULTATION_COMMENTS),
            "--busy",
            str(CONSULTATION_BUSY),
        )
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        css_url, busy_url = shell_words(env, CONSULTATION_URLS_SNIPPET)
        port = free_port()
        server = start_gunicorn({**env, "LINLI_PAGE_CACHE": "off"}, port)
        pages = [
            ("static CSS", css_url),
            ("list", "/consultations/"),
            ("board", "/consultations/?view=board"),
            ("filtered", "/consultations/?status=answered&category=parking"),
            (f"{CONSULTATION_BUSY} comments", busy_url),
        ]
        try:
            results = {}
            for name, path in pages:
                url = f"http://127.0.0.1:{port}{path}"
                wait_for(url)
                results[name] = (path, *run_wrk(url))
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"\nwrk: {CONNECTIONS} connections, {DURATION}s per URL, gunicorn 2 workers, SQLite,")
    print("uncached (LINLI_PAGE_CACHE=off); target: p99 under 200 ms")
    print(f"{'page':<14}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx':>9}{'> 2 s':>7}  URL")
    for name, (path, rps, p50, p99, errors, timeouts) in results.items():
        print(f"{name:<14}{rps:>10.1f}{p50:>10.2f}{p99:>10.2f}{errors:>9}{timeouts:>7}  {path}")


SECTIONS = {"pages": bench_pages, "search": bench_search, "consultations": bench_consultations}

if __name__ == "__main__":
    if sys.argv[1:2] and sys.argv[1] in SECTIONS:
        SECTIONS[sys.argv[1]]()
    else:
        main()
