"""Real threads on real connections, for the tests that race the database: every
worker waits at one barrier, then takes attempt numbers from a shared queue until it
is empty. Each attempt's outcome is what it returns, ``"refused"`` when it raises the
feature's own refusal, or ``"error: …"`` for anything else, so that an assertion on
the outcomes reports the unexpected failure instead of a thread dying silently."""

import contextlib
import threading

from django.db import connections


def run_concurrently(attempt, count, *, threads, refused, last_first=False, timeout=300):
    """Run ``attempt(n)`` for n in 0..count-1 on ``min(threads, count)`` threads.

    ``refused`` is the exception type that counts as a refusal; ``last_first`` takes
    the numbers from the end of the queue; ``timeout`` bounds each thread's join."""
    outcomes, lock = [], threading.Lock()
    workers_count = min(threads, count)
    barrier = threading.Barrier(workers_count)
    queue = list(range(count))

    def worker():
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=30)
        while True:
            with lock:
                if not queue:
                    break
                n = queue.pop() if last_first else queue.pop(0)
            try:
                result = attempt(n)
            except refused:
                result = "refused"
            except Exception as exc:  # noqa: BLE001 - reported by the caller's assertion
                result = f"error: {exc!r}"
            with lock:
                outcomes.append(result)
        connections.close_all()

    workers = [threading.Thread(target=worker) for _ in range(workers_count)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=timeout)
    return outcomes
