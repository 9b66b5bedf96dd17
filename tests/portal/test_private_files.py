"""Issue 10: secrets, the SQLite database and private uploads are not world-readable."""

import os
import stat
import subprocess
import sys

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from portal.settings.base import private_file


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_private_file_is_created_0600_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        path = private_file(tmp_path / "deep" / "secret")
    finally:
        os.umask(old)
    assert mode(path) == 0o600


def test_a_private_file_that_exists_keeps_its_content(tmp_path):
    path = tmp_path / "secret"
    path.write_text("kept")
    private_file(path)
    assert path.read_text() == "kept"


def test_a_private_file_made_world_readable_before_is_tightened_to_0600(tmp_path):
    path = tmp_path / "db.sqlite3"
    path.write_text("kept")
    path.chmod(0o644)  # as checkouts from before issue 10 have it
    private_file(path)
    assert mode(path) == 0o600
    assert path.read_text() == "kept"


def test_dev_settings_create_the_secret_key_and_database_0600(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        LINLI_VAR_DIR=str(tmp_path),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    script = (
        "import os; os.umask(0o022); import django; django.setup();"
        "from django.db import connection;"
        "c = connection.cursor(); c.execute('create table t (x)');"
        "c.execute('insert into t values (1)')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert mode(tmp_path / "dev-secret-key") == 0o600
    assert mode(tmp_path / "db.sqlite3") == 0o600
    for extra in ("db.sqlite3-wal", "db.sqlite3-shm"):
        if (tmp_path / extra).exists():
            assert mode(tmp_path / extra) == 0o600, extra


def test_uploaded_media_are_not_world_readable(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    name = default_storage.save("documents/private/letter.pdf", ContentFile(b"%PDF-1.4"))
    assert mode(default_storage.path(name)) == 0o640
    assert mode(tmp_path / "documents" / "private") == 0o750


def _make_dry_run(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    full_env.update(env)
    return subprocess.run(
        ["make", "--always-make", "-n", *args],
        cwd=settings.BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout


def test_make_writes_the_serve_key_and_database_under_umask_077():
    out = _make_dry_run("serve")
    key_line = next(line for line in out.splitlines() if "token_urlsafe" in line)
    assert "umask 077" in key_line
    migrate = next(line for line in out.splitlines() if "migrate" in line)
    assert "umask 077" in migrate


def test_make_serve_loads_the_demo_only_without_a_database_url():
    assert "load_demo_community" in _make_dry_run("serve")
    with_url = _make_dry_run("serve", DATABASE_URL="postgres://linli@db.example/linli")
    assert "load_demo_community" not in with_url
    assert "without demo data" in with_url
