"""Account e-mails as background work (django-tasks: at once in development and tests,
``manage.py db_worker`` in production), so a slow mail server never holds up a page.

The mail's text holds one-time links (confirm the address, reset the password); the
database backend keeps a task's arguments in its table, so once the mail is sent the
task forgets them. Tasks that failed keep theirs until ``manage.py prune_tasks`` (run
every few minutes beside ``db_worker``) deletes finished tasks.
"""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task
from django_tasks_db.models import DBTaskResult

FORGOTTEN = {"args": [], "kwargs": {"forgotten": True}}


@task(takes_context=True)
def send_email(context, subject, body, from_email, to, html=None, headers=None):
    """Send one e-mail, then drop its text (with any one-time link) from the task table."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
    DBTaskResult.objects.filter(pk=context.task_result.id).update(args_kwargs=FORGOTTEN)
