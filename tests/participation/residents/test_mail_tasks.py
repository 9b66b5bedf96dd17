"""Issue 10: one-time links are not kept in clear in the task table once mailed."""

import datetime
import json
import shlex
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from participation.management.commands.prune_tasks import prune_finished_tasks
from participation.residents.tasks import send_email
from tests.factories.households import UserFactory

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_tasks(settings, transactional_db):
    settings.TASKS = DB_TASKS


def stored_text():
    return json.dumps(list(DBTaskResult.objects.values_list("args_kwargs", flat=True)))


def work_off_the_queue():
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)


def test_a_sent_password_reset_mail_leaves_no_link_in_the_task_table(client, db_tasks):
    UserFactory(email="wang@example.com")
    response = client.post("/accounts/password/reset/", {"email": "wang@example.com"})
    assert response.status_code == 302
    assert "/accounts/password/reset/key/" in stored_text()  # waiting to be sent
    work_off_the_queue()
    [message] = mail.outbox
    assert "/accounts/password/reset/key/" in message.body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert "/accounts/password/reset/key/" not in stored_text()
    assert "wang@example.com" not in stored_text()


def test_a_failed_mail_keeps_its_text_until_pruned(db_tasks, settings):
    settings.EMAIL_BACKEND = "tests.participation.residents.test_mail_tasks.BrokenBackend"
    send_email.enqueue(subject="s", body="link: /reset/secret/", from_email="a@x", to=["b@x"])
    work_off_the_queue()
    assert DBTaskResult.objects.get().status == "FAILED"
    assert prune_finished_tasks(datetime.timedelta(minutes=60)) == 0
    later = timezone.now() + datetime.timedelta(minutes=61)
    assert prune_finished_tasks(datetime.timedelta(minutes=60), now=later) == 1
    assert not DBTaskResult.objects.exists()


def test_pruning_never_touches_tasks_waiting_to_run(db_tasks):
    send_email.enqueue(subject="s", body="b", from_email="a@x", to=["b@x"])
    later = timezone.now() + datetime.timedelta(days=30)
    assert prune_finished_tasks(datetime.timedelta(minutes=0), now=later) == 0
    assert DBTaskResult.objects.count() == 1


def test_the_prune_command_deletes_finished_tasks_older_than_the_minutes_given(db_tasks):
    send_email.enqueue(subject="s", body="b", from_email="a@x", to=["b@x"])
    work_off_the_queue()
    DBTaskResult.objects.update(finished_at=timezone.now() - datetime.timedelta(minutes=11))
    call_command("prune_tasks", minutes=20, verbosity=0)
    assert DBTaskResult.objects.count() == 1
    call_command("prune_tasks", minutes=10, verbosity=0)
    assert not DBTaskResult.objects.exists()


def manage_commands(unit_text):
    """The ``manage.py`` command lines a systemd unit runs, as argument lists."""
    return [
        shlex.split(line.split("manage.py", 1)[1])
        for line in unit_text.splitlines()
        if line.startswith("ExecStart=") and "manage.py" in line
    ]


def test_the_shipped_scheduler_prunes_finished_tasks_every_minute(db_tasks):
    deploy = Path(settings.BASE_DIR) / "deploy" / "systemd"
    timer = (deploy / "linli-schedule.timer").read_text()
    assert "OnCalendar=*-*-* *:*:00" in timer  # every minute
    commands = manage_commands((deploy / "linli-schedule.service").read_text())
    [prune] = [args for args in commands if args[0] == "prune_tasks"]
    assert commands[-1] == prune  # a failure of it cannot stop the other schedules
    send_email.enqueue(subject="s", body="link: /reset/secret/", from_email="a@x", to=["b@x"])
    work_off_the_queue()
    DBTaskResult.objects.update(finished_at=timezone.now() - datetime.timedelta(minutes=61))
    call_command(*prune, verbosity=0)  # the unit's own arguments
    assert not DBTaskResult.objects.exists()


def test_make_run_prunes_like_it_runs_the_other_schedules():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "manage.py prune_tasks" in run
    assert run.index("prune_tasks") < run.index("runserver")


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
