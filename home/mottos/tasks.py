"""Our own message to the resident when their motto is approved or sent back
(django-tasks: at once in development, ``manage.py db_worker`` in production). Unlike
Wagtail's moderator e-mails it names no moderator and links to the public site."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from home.mottos.models import FamilyMotto


@task()
def tell_submitter(motto_id, outcome, comment=""):
    motto = FamilyMotto.objects.select_related("submitted_by").filter(pk=motto_id).first()
    if motto is None or motto.submitted_by is None or not motto.submitted_by.email:
        return 0
    gallery = motto.gallery()
    if gallery is None:
        return 0
    base = settings.WAGTAILADMIN_BASE_URL
    with translation.override(settings.LANGUAGE_CODE):
        if outcome == "approved":
            subject = _("Your family motto is in the gallery")
            body = _(
                "Hello,\n\nthe committee has approved your family motto “%(title)s”. It is "
                "now shown in the community's family-motto gallery:\n%(url)s\n\nThank you "
                "for sharing it with your neighbours."
            ) % {"title": motto, "url": base + motto.get_url(gallery=gallery)}
        else:
            subject = _("Please look at your family motto again")
            body = _(
                "Hello,\n\nthe committee has sent your family motto “%(title)s” back to you "
                "with this note:\n\n%(comment)s\n\nYou can change it and send it again "
                "here:\n%(url)s"
            ) % {
                "title": motto,
                "comment": comment or "—",
                "url": base + gallery.url + gallery.reverse_subpage("submission", args=[motto.pk]),
            }
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [motto.submitted_by.email])
