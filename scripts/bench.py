"""`make bench`: measure the production-settings site under gunicorn with wrk.

Copies the demo database, adds 1,000 generated notices, serves it with gunicorn +
whitenoise (production settings, plain http on loopback) twice — with the anonymous
page cache and without it (LINLI_PAGE_CACHE=off) — drives each URL with wrk at 16
connections for a fixed time, and prints requests/s and p50/p99 latency, with each
page's throughput as a ratio of the static CSS file's.

Then, in a second database, the search section: the demo plus 10,000 generated
notices, indexed with `manage.py update_index`, and a set of queries timed through the
/search/ view (search, ranking, highlighting and template), printing mean and p95 ms
per query (target: under 100 ms).

Last, in a third database, an owners' vote with 10,000 owners and 10,000 ballots is
tallied (`manage.py bench_tally`; target: under 100 ms). It measures; it asserts nothing.
"""

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
    """wrk's durations: 812.00us, 5.75ms, 1.28s, 1.02m (-nan when none finished)."""
    match = re.match(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(url):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Requests/sec" not in out or "99%" not in out:
        raise SystemExit(f"wrk gave no figures for {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"50%\s+(\S+)", out).group(1))
    p99 = to_ms(re.search(r"99%\s+(\S+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def production_env(work):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_INSECURE_HTTP": "1",
        "DJANGO_SERVE_MEDIA": "1",
        "LINLI_VAR_DIR": str(work),
    }
    env.pop("DATABASE_URL", None)
    return env


def bench_search():
    """Time queries through the search view over the demo plus SEARCH_NOTICES notices."""
    work = Path(tempfile.mkdtemp(prefix="linli-bench-search-"))
    env = production_env(work)
    try:
        print(f"\nsearch bench data in {work}: demo + {SEARCH_NOTICES} notices")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "createcachetable")
        manage(env, "load_demo_community", "--quiet", "--no-credentials")
        manage(env, "generate_notices", str(SEARCH_NOTICES))
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        started = time.monotonic()
        manage(env, "update_index", "--verbosity", "0")
        print(f"update_index: {time.monotonic() - started:.1f} s")
        subprocess.run(
            [PY, "manage.py", "shell", "--no-imports", "-c", SEARCH_TIMING_SNIPPET],
            cwd=BASE,
            env=env,
            check=True,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_tally():
    """Tally an owners' vote with 10,000 owners and 10,000 ballots (target < 100 ms)."""
    work = Path(tempfile.mkdtemp(prefix="linli-bench-tally-"))
    env = production_env(work)
    try:
        print(f"\ntally bench data in {work}")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "createcachetable")
        manage(env, "bench_tally", "--owners", "10000")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    work = Path(tempfile.mkdtemp(prefix="linli-bench-"))
    env = production_env(work)
    dev_db = BASE / "var" / "db.sqlite3"
    if dev_db.exists():
        shutil.copy(dev_db, work / "db.sqlite3")
    print(f"bench data in {work}")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "load_demo_community", "--quiet", "--no-credentials")
    manage(env, "generate_notices", str(EXTRA_NOTICES))
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")

    servers, ports = [], {}
    for mode in ("cached", "uncached"):
        ports[mode] = free_port()
        mode_env = {**env, "LINLI_PAGE_CACHE": "on" if mode == "cached" else "off"}
        servers.append(
            subprocess.Popen(
                [
                    str(Path(PY).parent / "gunicorn"),
                    "portal.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{ports[mode]}",
                    "--workers",
                    "2",
                    "--log-level",
                    "warning",
                ],
                cwd=BASE,
                env=mode_env,
            )
        )
    try:
        for port in ports.values():
            wait_for(f"http://127.0.0.1:{port}/")
        sample = subprocess.run(
            [PY, "manage.py", "shell", "--no-imports", "-c", BENCH_URLS_SNIPPET],
            cwd=BASE,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
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
        shutil.rmtree(work, ignore_errors=True)

    static_rps = results[("static CSS", "")][0]
    print(f"\nwrk: {CONNECTIONS} connections, {DURATION}s per URL, gunicorn 2 workers, SQLite,")
    print(f"demo community + {EXTRA_NOTICES} notices; cached = anonymous page cache on")
    print(
        f"{'URL':<18}{'mode':<10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}"
        f"{'vs static':>11}{'non-2xx':>9}"
    )
    for (name, mode), (rps, p50, p99, errors) in results.items():
        ratio = rps / static_rps if static_rps else 0
        print(f"{name:<18}{mode:<10}{rps:>10.1f}{p50:>10.2f}{p99:>10.2f}{ratio:>10.1%}{errors:>9}")

    bench_search()
    bench_tally()


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
from django.test import RequestFactory
from home.models import NoticePage
from home.views import search

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

if __name__ == "__main__":
    main()
