"""``manage.py load_demo_community``: a fictional community to show and try the site.

Idempotent: everything is looked up before it is made, so running it again adds only
what is missing and leaves editors' changes alone. The texts live in ``home.demo``.

Refuses (non-zero exit, nothing written) where demo data is not allowed, and in a
database whose household register holds anything the demo did not create: the demo's
letter codes are derived from the address, so writing them into a real register would
let anyone claim a neighbour's flat.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo import pages
from home.demo.community import BUILDING_COUNT, building_name
from home.demo.editor import USERNAME, ensure_editor, resolve_password
from home.demo.events import link_signup_sheets, load_events
from home.demo.images import get_or_create_images
from home.demo.motto_loader import load_mottos
from home.demo.motto_loader import summary as motto_summary
from home.demo.notice_loader import load_notices
from home.notices.models import NoticePage
from participation.demo import households as household_demo


class Command(BaseCommand):
    help = "Load a fictional community (青梧社区) with pages, notices and an admin account."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Do not print the summary of the content."
        )
        parser.add_argument(
            "--no-credentials", action="store_true", help="Do not print the admin password."
        )

    def handle(self, *args, quiet=False, no_credentials=False, **options):
        refuse_unless_demo_database("load demo data (and a demo superuser)")
        # Resolved (and, when new, written) first, so the file and the account agree
        # even if loading fails half-way and is run again.
        password, password_source = resolve_password()
        with transaction.atomic():
            user = ensure_editor(password)
            images = get_or_create_images()
            buildings = pages.ensure_buildings()
            site, home = pages.ensure_home_page(user, images)
            community = pages.ensure_community_settings(site)
            index = pages.ensure_notice_index(home, user)
            pages.ensure_standard_pages(home, user, images)
            new_notices = load_notices(index, user, images, buildings)
            new_events = load_events(home, user)
            household_demo.load(buildings, password, USERNAME)
            load_mottos(home, user, buildings)
            link_signup_sheets()

        if not quiet:
            self.print_summary(
                community.name, home, index, len(buildings), len(images), new_notices
            )
            self.stdout.write("  " + household_demo.summary())
            self.stdout.write("  " + motto_summary())
            self.stdout.write(f"  Events: {new_events} added in this run (/events/).")
        if not no_credentials:
            if not quiet:
                self.stdout.write("")
            self.print_credentials(password, password_source)
            self.stdout.write(household_demo.credentials_text(password))

    def print_summary(self, name, home, index, buildings, images, new_notices):
        notices = NoticePage.objects.child_of(index)
        self.stdout.write(
            self.style.SUCCESS(f"Demo community {name} is ready.")
            + f"\n  Notices: {notices.count()} ({notices.live().count()} live,"
            f" {notices.filter(urgent=True).count()} urgent,"
            f" {notices.filter(pinned_until__isnull=False).count()} pinned,"
            f" {notices.filter(expired=True).count()} expired,"
            f" {notices.filter(target_buildings__isnull=False).distinct().count()}"
            f" for particular buildings); {new_notices} added in this run."
            f"\n  Pages under {home.title}: "
            + "、".join(home.get_children().values_list("title", flat=True))
            + f"\n  Buildings: {buildings}. Images: {images}."
        )

    def print_credentials(self, password, source):
        base = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
        self.stdout.write(
            f"Site:  {base}/\n"
            f"Admin: {base}/admin/  user: {USERNAME}  password: {password}\n"
            f"管理后台：{base}/admin/  用户名：{USERNAME}  密码：{password}\n"
            f"(password {source}; the account is a superuser for the demo only)"
        )


def refuse_unless_demo_database(what):
    """Raise CommandError unless demo data may be written into this database."""
    if not settings.DEMO_DATA_ALLOWED:
        raise CommandError(f"Refusing to {what} here: DEMO_DATA_ALLOWED is off in these settings.")
    names = {number: building_name(number) for number in range(1, BUILDING_COUNT + 1)}
    foreign = household_demo.foreign_households(names)
    if foreign:
        raise CommandError(
            f"Refusing to {what} here: this database holds a household register the demo "
            f"did not create ({foreign} units or owners). The demo's letter codes are "
            "derived from the address, so anyone could claim a real flat with them. "
            "Use an empty database for the demo."
        )
