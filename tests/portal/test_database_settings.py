"""Issue 10: SQLite gets the same options however it is configured."""

import os
import subprocess
import sys

from django.conf import settings

from portal.settings.base import SQLITE_OPTIONS, database_settings
from tests.ci import own_sqlite_only


def test_a_sqlite_database_url_gets_the_sqlite_options(tmp_path):
    config = database_settings({"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"})
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == f"{tmp_path}/db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] == SQLITE_OPTIONS["timeout"]
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_the_default_and_sqlite_path_get_the_same_options(tmp_path):
    by_path = database_settings({"SQLITE_PATH": str(tmp_path / "x.sqlite3")})
    by_url = database_settings({"DATABASE_URL": f"sqlite:///{tmp_path}/y.sqlite3"})
    assert by_path["OPTIONS"] == by_url["OPTIONS"] == SQLITE_OPTIONS


def test_a_postgres_url_gets_no_sqlite_options():
    config = database_settings({"DATABASE_URL": "postgres://linli@db.example:5432/linli"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert "transaction_mode" not in config.get("OPTIONS", {})


@own_sqlite_only
def test_concurrent_ballots_store_exactly_one_on_a_sqlite_database_url(tmp_path):
    """The concurrency test, in a fresh pytest run whose database comes from a URL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        LINLI_VAR_DIR=str(tmp_path),
        TEST_MEDIA_ROOT=str(tmp_path / "media"),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "tests/participation/votes/test_ballot_concurrency.py",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout
