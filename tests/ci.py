"""How `.ci/run` runs the suite twice: on SQLite (`make test`), then with
``DATABASE_URL`` and ``REDIS_URL`` pointing at PostgreSQL and Redis."""

import os

import pytest

# A test that builds SQLite databases and servers of its own, whatever database the
# suite runs on, proves the same thing in both passes: it runs in the SQLite pass only.
own_sqlite_only = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="builds its own SQLite database whatever the suite's; run in the SQLite pass",
)
