"""Account e-mails as background work (django-tasks: at once in development and tests,
``manage.py db_worker`` in production), so a slow mail server never holds up a page."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(subject, body, from_email, to, html=None, headers=None):
    """Send one e-mail; a slow or unreachable mail server then never holds up a page."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
