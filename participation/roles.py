"""Staff roles as Django groups, and the permissions each one holds.

Residents need no group: "resident", "verified resident" and "owner's voter" follow
from the ResidentProfile and Owner.voter. Staff roles are groups so the committee can
grant them in the Wagtail admin (Settings → Groups/Users):

- 编辑 editor: pages, images, documents and snippets;
- 居委会 committee: the household register, verifying residents, plan votes (define,
  open and close, paper ballots, results; never individual choices), and, as later
  issues add them, moderation and volunteering;
- 楼栋长 building captain: the names and rooms of their own building's residents
  (``ResidentProfile.captain_of`` says which building), never phone numbers;
- 物业 property company: resident reports (报事报修) — accept, handle, close, export;
- 审计 auditor: may open individual ballots (``participation.view_ballot_choices``),
  each opening logged, and see plan votes and their rolls.

``ensure_roles`` is idempotent and works with historical models, so data migrations
call it (0004 creates the groups) and so do the demo loader and the tests (a
transactional test flushes the tables the migration filled). When a later issue adds
permissions to a role, add them to ``ROLE_PERMISSIONS`` and call ``ensure_roles`` from
a new data migration.
"""

EDITOR = "编辑"
COMMITTEE = "居委会"
CAPTAIN = "楼栋长"
AUDITOR = "审计"
PROPERTY = "物业"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")

REPORT_HANDLING = [
    ("participation", "report", "view_report"),
    ("participation", "report", "handle_report"),
]

# Model permissions, as (app_label, model, codename).
ROLE_PERMISSIONS = {
    EDITOR: [
        ACCESS_ADMIN,
        ("wagtailcore", "page", "add_page"),
        ("wagtailcore", "page", "change_page"),
        ("wagtailcore", "page", "publish_page"),
    ],
    COMMITTEE: [
        ACCESS_ADMIN,
        *[
            ("participation", model, f"{action}_{model}")
            for model in ("building", "unit", "owner")
            for action in ("add", "change", "view")
        ],
        ("participation", "residentprofile", "view_residentprofile"),
        ("participation", "residentprofile", "change_residentprofile"),
        ("participation", "residentprofile", "verify_resident"),
        ("participation", "unit", "import_households"),
        *[
            ("participation", "planvote", f"{action}_planvote")
            for action in ("add", "change", "delete", "view")
        ],
        *[
            ("participation", "proposal", f"{action}_proposal")
            for action in ("add", "change", "view")
        ],
        ("participation", "proposal", "answer_proposal"),
        ("participation", "proposal", "moderate_comment"),
        ("participation", "comment", "view_comment"),
        ("participation", "comment", "change_comment"),
        ("participation", "consultationsettings", "change_consultationsettings"),
        *[
            ("participation", model, f"{action}_{model}")
            for model in ("volunteerteam", "opportunity", "shift", "signup")
            for action in ("add", "change", "view")
        ],
        ("participation", "ledgerentry", "add_ledgerentry"),
        ("participation", "ledgerentry", "view_ledgerentry"),
        ("participation", "certificate", "view_certificate"),
        *REPORT_HANDLING,
        ("participation", "report", "supervise_report"),
        ("participation", "reportsettings", "change_reportsettings"),
    ],
    PROPERTY: [ACCESS_ADMIN, *REPORT_HANDLING],
    CAPTAIN: [],
    AUDITOR: [
        ACCESS_ADMIN,
        ("participation", "residentprofile", "view_ballot_choices"),
        ("participation", "planvote", "view_planvote"),
    ],
}

# Page permissions on the root page, and image/document permissions on the root
# collection (Wagtail checks these per page and per collection, not per model).
ROLE_PAGE_PERMISSIONS = {EDITOR: ["add_page", "change_page", "publish_page"]}
ROLE_COLLECTION_PERMISSIONS = {
    EDITOR: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ]
}


def ensure_roles(apps=None):
    """Create the staff groups and give them their permissions; safe to run again."""
    if apps is None:
        from django.apps import apps
    group_model = apps.get_model("auth", "Group")
    for name in ROLE_PERMISSIONS:
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, *spec) for spec in ROLE_PERMISSIONS[name]])
        _page_permissions(apps, group, ROLE_PAGE_PERMISSIONS.get(name, []))
        _collection_permissions(apps, group, ROLE_COLLECTION_PERMISSIONS.get(name, []))


def _permission(apps, app_label, model, codename):
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _created = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def _page_permissions(apps, group, codenames):
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if root is None or not codenames:
        return
    model = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in codenames:
        model.objects.get_or_create(
            group=group,
            page=root,
            permission=_permission(apps, "wagtailcore", "page", codename),
        )


def _collection_permissions(apps, group, specs):
    root = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    if root is None or not specs:
        return
    model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for spec in specs:
        model.objects.get_or_create(
            group=group, collection=root, permission=_permission(apps, *spec)
        )
