"""The demo's admin account and where its password comes from.

The password is never hard-coded: it comes from ``LINLI_EDITOR_PASSWORD`` when set
(CI, shared demo hosts), else from the credentials file a previous run wrote, else it
is generated once and written to that file (mode 600) so later runs print the same one.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

USERNAME = "editor"
ENV_VAR = "LINLI_EDITOR_PASSWORD"


def credentials_path():
    return settings.VAR_DIR / "demo-credentials.txt"


def read_saved_password(path):
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        if line.startswith("password:"):
            return line.split(":", 1)[1].strip() or None
    return None


def save_password(path, password):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(
            "# Linli demo admin account, written by `manage.py load_demo_community`.\n"
            "# Delete this file to get a new password on the next run.\n"
            f"user: {USERNAME}\npassword: {password}\n"
        )
    os.chmod(path, 0o600)  # O_CREAT's mode does not apply to an existing file


def resolve_password():
    """(password, where it came from): the environment, the saved file, or a new one."""
    path = credentials_path()
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR], f"from {ENV_VAR}"
    saved = read_saved_password(path)
    if saved:
        return saved, f"saved in {path}"
    password = secrets.token_urlsafe(12)
    save_password(path, password)
    return password, f"new, saved in {path}"


def ensure_editor(password):
    """The demo's editor: a superuser for simplicity.

    Real role groups (editor, committee member, building captain…) come with the
    residents issue; until then one account that can do everything is enough to
    show the admin. The password is set on every run so the printed one always works.
    """
    user, _ = get_user_model().objects.get_or_create(
        username=USERNAME,
        defaults={"first_name": "编辑", "email": "editor@qingwu.example"},
    )
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return user
